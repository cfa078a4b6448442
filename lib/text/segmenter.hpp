#pragma once
// Stage 1 of analysis: clean PDF artefacts, join line-end hyphenation, split
// into words with ICU and fold case. Offsets always point into the original
// text, whatever the cleanup removed.
#include <referat/analyzer.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace referat::text {

/// A word as found in the text, before Danish analysis.
struct RawToken {
  std::string folded;              ///< NFKC case-folded form (truncated to max_token_bytes)
  std::size_t begin = 0, end = 0;  ///< byte offsets in the original text
  TokenType type = TokenType::word;
  bool suspended = false;                ///< written "Sundheds-" before og/eller: an elliptical modifier
  bool leading_hyphen = false;           ///< written "-forebyggelse" after og/eller: an elliptical head
  std::vector<std::string> chain_parts;  ///< parts of a merged chain (covid-19 → covid, 19)
};

/// Longest token kept (bytes); longer "words" are truncated on a code point
/// boundary so no term can reach Xapian's 245-byte limit.
constexpr std::size_t max_token_bytes = 120;

/// Splits text into RawTokens. Holds the ICU break iterator: reuse it.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  /// Appends the tokens of `original` (UTF-8) to `out`.
  void segment(std::string_view original, std::vector<RawToken>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// NFKC case folding of UTF-8 text (fast path for Latin-1).
std::string fold(std::string_view utf8);

/// Canonical "YYYY-MM-DD" for a numeric date written d-m-yyyy, d.m.yyyy or
/// yyyy-mm-dd; "" when `text` is not such a date.
std::string canonical_numeric_date(std::string_view text);

}  // namespace referat::text

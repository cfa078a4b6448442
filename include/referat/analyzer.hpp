#pragma once
/// @file
/// The Danish analysis chain, used identically at index and at query time.
///
/// Pipeline: PDF cleanup → ICU word segmentation (offsets into the original
/// text) → NFKC case folding → line-end de-hyphenation → special tokens
/// (dates, case numbers) → lemmas (hunspell-da, Snowball fallback, domain
/// exceptions) → compound parts → elliptical compounds → place-name and aa/å
/// variants →
/// stop words (lemmas only).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace referat {

/// What a term stands for. Surface and variant terms are exact forms (used by
/// phrases); lemma and part terms are the normalised forms used for matching.
enum class TermKind : std::uint8_t {
  surface,  ///< the case-folded word as written (`budgettet`)
  lemma,    ///< its dictionary form (`budget`); absent for stop words
  part,     ///< a compound part's lemma (`demens` for `Demensdagcenter`)
  variant   ///< a spelling variant (`århus` for `Aarhus`), exact form
};

/// Returns "surface", "lemma", "part" or "variant".
const char* to_string(TermKind kind) noexcept;

/// One term emitted for a token. Terms of one token share its position.
struct Term {
  std::string text;
  TermKind kind = TermKind::surface;
  /// Given by the token's context (an elliptical expansion: "befal- og
  /// kontroller-metode" gives `befal` the terms of `befaller`), not by the
  /// word alone. Every other term is the same wherever the word is written,
  /// which the index relies on (docs/index-schema.md, format 8).
  bool from_context = false;
  bool operator==(const Term& other) const { return text == other.text && kind == other.kind; }
};

/// What a token is; dates and case numbers are kept whole.
enum class TokenType : std::uint8_t { word, number, date, case_number };

/// Returns "word", "number", "date" or "case_number".
const char* to_string(TokenType type) noexcept;

/// One token of the analysed text.
struct Token {
  std::string text;            ///< normalised surface form (NFKC, case-folded)
  std::size_t begin = 0;       ///< byte offset of the token's first byte in the original text
  std::size_t end = 0;         ///< byte offset one past its last byte in the original text
  std::uint32_t position = 0;  ///< 0-based word position (terms of a token share it)
  TokenType type = TokenType::word;
  bool stop_word = false;  ///< in the Danish stop list: its lemma is not emitted
  /// The word as written is one of its own lemmas (`skole`, `2024`; not
  /// `skolen`, not a stop word). Decided by the word alone, never by its
  /// context: a lemma equal to `text` that only an elliptical expansion gave
  /// ("befal- og kontroller-metode") leaves it false. The index lets the
  /// surface term stand for the lemma of such tokens.
  bool dictionary_form = false;
  std::vector<Term> terms;  ///< surface first, then lemma(s), parts, variants
};

/// Options of an Analyzer. The defaults suit Danish minutes.
struct AnalyzerOptions {
  /// Folder with hunspell's `da_DK.aff` and `da_DK.dic`. When they are missing
  /// the analyzer falls back to Snowball stems and to no decompounding.
  std::string dictionary_dir = "/usr/share/hunspell";
  /// Folder overriding the bundled data files (`lemma-exceptions.tsv`, `place-names.tsv`,
  /// `stopwords-da.txt`); empty uses the bundled ones.
  std::string data_dir;
  bool lemmas = true;      ///< emit lemma terms (else only surface forms)
  bool decompound = true;  ///< emit compound parts and elliptical expansions
  bool variants = true;    ///< emit place-name (place-names.tsv) and aa→å variants
};

/// Splits and normalises Danish text into tokens and index terms.
///
/// Construction loads the dictionary (about 0.1 s); keep one Analyzer per
/// thread and reuse it: it caches the analysis of every distinct word. An
/// Analyzer is not safe for concurrent use; moving it is cheap.
class Analyzer {
 public:
  explicit Analyzer(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// A new Analyzer with the same options that shares this one's cache of
  /// analysed words and its word lists. Use one per thread: each may run
  /// concurrently with the others, and a word new to all of them is looked
  /// up in the dictionary once instead of once per thread. Cheaper to make
  /// than a new Analyzer: only the hunspell dictionary is loaded again.
  [[nodiscard]] Analyzer sharing_cache();

  /// Analyses valid UTF-8 text (invalid sequences are treated as U+FFFD; use
  /// referat::decode_text() for untrusted bytes). Never throws on valid UTF-8
  /// except std::bad_alloc.
  [[nodiscard]] std::vector<Token> analyze(std::string_view text);

  /// Streams tokens to `sink` without keeping them; the Token reference is
  /// valid only during the call. Positions start at `first_position`.
  /// Returns the position after the last token.
  std::uint32_t analyze(std::string_view text, const std::function<void(const Token&)>& sink,
                        std::uint32_t first_position = 0);

  /// The lemma(s) of one already-normalised word, as emitted for it.
  [[nodiscard]] std::vector<std::string> lemmas_of(std::string_view word);

  /// True when the hunspell dictionary was found and is used.
  [[nodiscard]] bool has_dictionary() const noexcept;

  /// Number of distinct words analysed so far (the size of the word cache).
  [[nodiscard]] std::size_t cached_words() const noexcept;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// How decode_text() read the bytes.
enum class Encoding : std::uint8_t { utf8, windows_1252 };

/// Returns "UTF-8" or "windows-1252".
const char* to_string(Encoding encoding) noexcept;

/// Text decoded to UTF-8 with the encoding it was read as.
struct DecodedText {
  std::string text;
  Encoding encoding = Encoding::utf8;
};

/// Decodes file bytes: valid UTF-8 stays (a BOM is dropped), anything else is
/// read as Windows-1252 (a superset of ISO-8859-1 for printable text).
/// Throws InputError naming `source` for binary content (NUL bytes or mostly
/// control characters).
DecodedText decode_text(std::string_view bytes, const std::string& source);

/// True if `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace referat

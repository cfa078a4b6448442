#pragma once
// Danish word knowledge: lemmas (hunspell-da, Snowball fallback, domain
// exceptions), compound parts and stop words. One instance per thread.
#include <referat/analyzer.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace referat::analysis {

/// Everything the analyzer needs to know about one normalised word.
struct WordInfo {
  std::vector<std::string> lemmas;  ///< dictionary forms (1–3), or the Snowball stem
  std::vector<std::string> parts;   ///< compound parts' lemmas; empty for non-compounds
  std::size_t first_seam = 0;       ///< bytes before the second part (0: not a compound)
  std::size_t last_seam = 0;        ///< bytes before the head part (0: not a compound)
  std::string variant;              ///< aa→å form, or ""
  std::vector<std::string> variant_lemmas;
  bool stop_word = false;
  bool written_as_lemma = false;  ///< not a stop word, and the word is among its lemmas
};

/// Analysed words shared between the Lexicons of several threads, so that a
/// word is looked up in hunspell once, not once per thread.
struct SharedWordCache;

class Lexicon {
 public:
  explicit Lexicon(const AnalyzerOptions& options);
  /// A Lexicon consulting `shared` on a miss in its own (lock-free) cache.
  Lexicon(const AnalyzerOptions& options, std::shared_ptr<SharedWordCache> shared);

  /// The shared cache, created on first call; pass it to other Lexicons.
  std::shared_ptr<SharedWordCache> shared_cache();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  /// Analysis of a folded word, cached per distinct word. The reference
  /// stays valid until the next call (a full cache is emptied).
  const WordInfo& word(const std::string& folded);

  /// Compound split of a folded word: part lemmas and seams; empty parts for
  /// words that are not compounds.
  WordInfo split(const std::string& folded);

  [[nodiscard]] bool has_dictionary() const noexcept;
  [[nodiscard]] std::size_t cached_words() const noexcept;

 private:
  // word() behind its table of known words: the stored key and its analysis.
  std::pair<const std::string*, const WordInfo*> look_up(const std::string& folded);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace referat::analysis

#include "analysis/lexicon.hpp"

#include "common/embedded_data.hpp"
#include "common/files.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <xapian.h>
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace referat::analysis {
namespace {

// hunspell-da flags (da_DK.aff): linking elements for the first part of a
// compound, and "may end a compound".
constexpr int flag_link_s = 29, flag_link_e = 30, flag_link_none = 31, flag_may_end = 39;

// Inflectional endings a compound head may carry in running text.
// The bare stem first ("center", not cent+er), then longest first
// ("netværket" is netværk+et, not netværke+t).
constexpr std::string_view head_endings[] = {"",   "ernes", "erne", "enes", "ens", "ets", "ene", "ers", "rne", "en",
                                             "et", "er",    "es",   "ne",   "ts",  "e",   "r",   "s",   "n",   "t"};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_plain_lowercase(std::string_view w) {
  if (w.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ.-' ") != std::string_view::npos) return false;
  for (std::string_view upper : {"\xC3\x86", "\xC3\x98", "\xC3\x85"}) {  // Æ Ø Å
    if (w.find(upper) != std::string_view::npos) return false;
  }
  return true;
}

// A dictionary name: one capitalised word ("Danmark", "Århus"), not an
// abbreviation ("EU") or a multi-word entry.
bool is_name(std::string_view stem) {
  std::size_t first = 0;
  if (!stem.empty() && stem[0] >= 'A' && stem[0] <= 'Z')
    first = 1;
  else if (stem.size() >= 2 && stem[0] == '\xC3' && (stem[1] == '\x86' || stem[1] == '\x98' || stem[1] == '\x85'))
    first = 2;  // Æ Ø Å
  return first != 0 && stem.size() >= first + 2 && is_plain_lowercase(stem.substr(first));
}

// `word` (folded) with its first letter upper case, as the dictionary lists
// names; "" where that letter has no simple upper case here.
std::string capitalised(const std::string& word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') return char(word[0] - 32) + word.substr(1);
  if (word.size() >= 2 && word[0] == '\xC3' && (word[1] == '\xA6' || word[1] == '\xB8' || word[1] == '\xA5'))
    return "\xC3" + std::string(1, char(word[1] - 0x20)) + word.substr(2);  // æ ø å → Æ Ø Å
  return {};
}

std::string with_path(const std::string& dir, const char* file) {
  return dir.empty() ? std::string() : dir + "/" + file;
}

bool file_exists(const std::string& path) {
  std::ifstream in(path);
  return static_cast<bool>(in);
}

// hunspell-da's `da_DK.<extension>` in the options' dictionary folder.
std::string dictionary_file(const AnalyzerOptions& options, const char* extension) {
  return with_path(options.dictionary_dir, (std::string("da_DK.") + extension).c_str());
}

// Both hunspell files are there: lemmas and compound parts come from them.
bool dictionary_present(const AnalyzerOptions& options) {
  const std::string aff = dictionary_file(options, "aff");
  return !aff.empty() && file_exists(aff) && file_exists(dictionary_file(options, "dic"));
}

}  // namespace

// The analysis's word lists: data files and the dictionary's stems, built
// once and then only read.
struct WordLists {
  std::deque<std::string> arena;                                     // owns the strings the views below point into
  std::unordered_map<std::string_view, std::string_view> modifiers;  // form → base stem
  std::unordered_set<std::string_view> heads;                        // stems that may end a compound
  std::unordered_set<std::string_view> listed;                       // every plain stem in the dictionary
  std::unordered_set<std::string> names;                             // the dictionary's names, folded ("danmark")
  std::unordered_set<std::string> blocked_modifiers, blocked_heads, stop_words;
  std::unordered_map<std::string, std::string> exceptions;
  std::unordered_map<std::string, std::string> places;  // folded variant → folded form to index under

  static std::shared_ptr<const WordLists> load(const AnalyzerOptions& options) {
    auto lists = std::make_shared<WordLists>();
    lists->load_lists(options);
    if (options.decompound && dictionary_present(options)) lists->load_parts(dictionary_file(options, "dic"));
    return lists;
  }

  // A file in options.data_dir overrides the bundled one of the same name.
  static std::string data(const AnalyzerOptions& options, const char* name) {
    std::string path = with_path(options.data_dir, name);
    return detail::load_data(!path.empty() && file_exists(path) ? path : std::string(), name);
  }

  void load_lists(const AnalyzerOptions& options) {
    for (auto& line : detail::data_lines(data(options, "stopwords-da.txt"))) stop_words.insert(line);
    for (auto& line : detail::data_lines(data(options, "lemma-exceptions.tsv"))) {
      auto fields = detail::split(line, '\t');
      if (fields.size() >= 2) exceptions[fields[0]] = fields[1];
    }
    for (auto& line : detail::data_lines(data(options, "place-names.tsv"))) {
      auto fields = detail::split(line, '\t');
      const std::string canonical = text::fold(fields.front());
      for (std::size_t i = 1; i < fields.size(); ++i) places[text::fold(fields[i])] = canonical;
    }
    for (auto& line : detail::data_lines(data(options, "compound-blocklist.txt"))) {
      auto fields = detail::split(line, '\t');
      if (fields.size() < 2) continue;
      (fields[0] == "head" ? blocked_heads : blocked_modifiers).insert(fields[1]);
    }
  }

  std::string_view keep(std::string s) { return arena.emplace_back(std::move(s)); }

  // Builds the parts lexicon from the dictionary's compound flags.
  void load_parts(const std::string& dic_path) {
    std::ifstream in(dic_path);
    std::string line;
    std::getline(in, line);  // word count
    while (std::getline(in, line)) {
      std::size_t slash = line.find('/');
      if (slash == 0) continue;
      std::string stem = line.substr(0, slash);
      if (is_name(stem)) names.insert(text::fold(stem));
      if (!is_plain_lowercase(stem)) continue;  // names, abbreviations, multi-word entries
      std::string_view base = keep(stem);
      listed.insert(base);
      if (slash == std::string::npos) continue;  // no flags: not a compound part
      if (code_points(stem) < 2) continue;       // "år" links as "års"
      bool s = false, e = false, none = false, end = false;
      std::size_t pos = slash + 1;
      while (pos < line.size()) {
        std::size_t next = line.find(',', pos);
        if (next == std::string::npos) next = line.size();
        int flag = std::atoi(line.c_str() + pos);
        s |= flag == flag_link_s;
        e |= flag == flag_link_e;
        none |= flag == flag_link_none;
        end |= flag == flag_may_end;
        pos = next + 1;
      }
      if (!(s || e || none || end) && code_points(stem) < 4) continue;
      const bool short_stem = code_points(stem) < 3;  // only with a linking letter
      // Heads: stems hunspell lets end a compound, and longer stems in general
      // (hunspell-da leaves the flag off many nouns: indsats, center, valg).
      if ((end || code_points(stem) >= 4) && !short_stem && !blocked_heads.count(stem)) heads.insert(base);
      if (blocked_modifiers.count(stem)) continue;
      if (none && !short_stem) modifiers.emplace(base, base);
      if (s) modifiers.emplace(keep(stem + "s"), base);
      if (e) modifiers.emplace(keep(stem + "e"), base);
    }
    // Exceptions double as modifiers ("ældre" in ældrereform).
    for (auto& [form, lemma] : exceptions) {
      std::string_view f = keep(form);
      modifiers.emplace(f, keep(lemma));
    }
  }
};

// Words a Lexicon has met, by stored hash: open addressing with linear
// probing in a power-of-two array, at most half full. It only points: keys
// and analyses belong to the maps that hold them.
class WordTable {
 public:
  static std::uint64_t hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

  [[nodiscard]] const WordInfo* find(std::string_view word, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (!slot.info) return nullptr;
      if (slot.hash == hash && slot.holds(word)) return slot.info;
    }
  }

  void insert(const std::string& key, const WordInfo& info, std::uint64_t hash) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    Slot slot;
    slot.hash = hash;
    slot.info = &info;
    if (key.size() <= Slot::inline_bytes) {
      slot.size = static_cast<std::uint8_t>(key.size());
      std::memcpy(slot.text, key.data(), key.size());
    } else {
      const std::string* where = &key;
      slot.size = Slot::out_of_line;
      std::memcpy(slot.text, &where, sizeof where);
    }
    place(slot);
    ++used_;
  }

  void clear() {
    slots_.clear();
    used_ = 0;
    mask_ = 0;
  }
  [[nodiscard]] std::size_t size() const noexcept { return used_; }

 private:
  // 32 bytes. Most words fit in the slot itself, so a look-up reads one
  // cache line, not also the key's node elsewhere in memory.
  struct Slot {
    static constexpr std::size_t inline_bytes = 15;
    static constexpr std::uint8_t out_of_line = 0xff;
    std::uint64_t hash = 0;
    const WordInfo* info = nullptr;  // null: empty
    char text[inline_bytes] = {};    // the word, or a `const std::string*` to it
    std::uint8_t size = 0;           // bytes in `text`, or out_of_line

    [[nodiscard]] const std::string* key() const {
      const std::string* key = nullptr;
      std::memcpy(&key, text, sizeof key);
      return key;
    }
    [[nodiscard]] bool holds(std::string_view word) const {
      if (size == out_of_line) return *key() == word;
      return word.size() == size && std::memcmp(text, word.data(), size) == 0;
    }
  };
  static_assert(sizeof(Slot) == 32);

  void place(const Slot& slot) {
    std::size_t i = slot.hash & mask_;
    while (slots_[i].info) i = (i + 1) & mask_;
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(slots_.size() * 2, 1u << 14));
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.info) place(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::size_t mask_ = 0;
};

// Words analysed by any of the Lexicons that share it, and their lists.
struct SharedWordCache {
  std::shared_mutex mutex;
  std::unordered_map<std::string, WordInfo> words;
  std::shared_ptr<const WordLists> lists;  // set once, before it is shared
};

struct Lexicon::Impl {
  AnalyzerOptions options;
  std::unique_ptr<Hunspell> hunspell;
  Xapian::Stem stemmer{"danish"};
  // The word lists, shared read-only by the Lexicons of one shared cache;
  // the references name them as before.
  std::shared_ptr<const WordLists> lists;
  const std::unordered_map<std::string_view, std::string_view>& modifiers = lists->modifiers;
  const std::unordered_set<std::string_view>& heads = lists->heads;
  const std::unordered_set<std::string_view>& listed = lists->listed;
  const std::unordered_set<std::string>& names = lists->names;
  const std::unordered_set<std::string>& blocked_modifiers = lists->blocked_modifiers;
  const std::unordered_set<std::string>& blocked_heads = lists->blocked_heads;
  const std::unordered_set<std::string>& stop_words = lists->stop_words;
  const std::unordered_map<std::string, std::string>& exceptions = lists->exceptions;
  const std::unordered_map<std::string, std::string>& places = lists->places;
  std::unordered_map<std::string, WordInfo> cache;  // this thread's own words, no locks
  std::shared_ptr<SharedWordCache> shared;          // all threads' words

  // Every word this thread has met, in an open-addressing table of stored
  // hashes in front of `cache` and `shared` (a std::unordered_map hashed the
  // word again and divided by a prime per look-up). The keys live in the
  // nodes of `cache` or `shared->words`, which stay in place; the table is
  // emptied whenever `cache` is.
  WordTable known;

  // The words met last, direct-mapped by hash, in front of `known`: the
  // frequent words stay in a few hundred KB of the CPU's cache and its
  // page table, where `known` spreads them over tens of MB (alone, it made
  // full-Europarl indexing 7% slower). Cleared whenever `known` is.
  struct Recent {
    std::string word;
    const WordInfo* info = nullptr;
  };
  static constexpr std::size_t recent_slots = 8192;  // power of two; ~320 KB
  std::vector<Recent> recent{recent_slots};

  void forget_known() {
    known.clear();
    for (auto& r : recent) r.info = nullptr;
  }

  // `given`: the lists of another Lexicon with the same options (loading
  // them took 0.2-0.7 s and tens of MB per indexing thread).
  Impl(const AnalyzerOptions& opts, std::shared_ptr<const WordLists> given)
      : options(opts), lists(given ? std::move(given) : WordLists::load(opts)) {
    // hunspell stays per Lexicon: its look-ups are not documented thread-safe.
    if (dictionary_present(options))
      hunspell =
          std::make_unique<Hunspell>(dictionary_file(options, "aff").c_str(), dictionary_file(options, "dic").c_str());
  }

  // Lemmas from hunspell's analysis strings, rebuilding compounds that
  // hunspell reduces to their head ("sundhedsreformen" → "sundhedsreform").
  std::vector<std::string> hunspell_lemmas(const std::string& word, std::size_t& head_start) {
    std::vector<std::string> lemmas;
    head_start = 0;
    const std::vector<std::string> analyses = hunspell->analyze(word);
    // A word the dictionary lists whole ("debatten": debat + -en) has no seam,
    // even where hunspell also offers a compound reading (debat|ten).
    const bool listed_whole = std::any_of(analyses.begin(), analyses.end(),
                                          [](const std::string& a) { return a.find("pa:") == std::string::npos; });
    for (const std::string& analysis : analyses) {
      std::string prefix;
      std::size_t pa = analysis.find("pa:");
      if (pa != std::string::npos) {
        if (listed_whole) continue;
        std::size_t e = analysis.find(' ', pa);
        std::string head = analysis.substr(pa + 3, e == std::string::npos ? e : e - pa - 3);
        if (head.size() < word.size() && word.compare(word.size() - head.size(), head.size(), head) == 0) {
          prefix = word.substr(0, word.size() - head.size());
          head_start = prefix.size();
        }
      }
      add_stems(analysis, prefix, lemmas);
    }
    return lemmas;
  }

  // Appends the stems (st:) of one hunspell analysis after `prefix`, folded
  // (the dictionary gives "III" for "iii", "Danmark" for a name); three
  // lemmas at most.
  static void add_stems(const std::string& analysis, const std::string& prefix, std::vector<std::string>& lemmas) {
    for (std::size_t st = analysis.find("st:"); st != std::string::npos; st = analysis.find("st:", st + 3)) {
      const std::size_t e = analysis.find_first_of(" )|", st + 3);
      std::string lemma = text::fold(prefix + analysis.substr(st + 3, e == std::string::npos ? e : e - st - 3));
      if (!lemma.empty() && std::find(lemmas.begin(), lemmas.end(), lemma) == lemmas.end() && lemmas.size() < 3)
        lemmas.push_back(std::move(lemma));
    }
  }

  // The lemmas of a name ("danmarks" → danmark), or none when `word` is not
  // a dictionary name nor its genitive. Lower case, hunspell reads a name as
  // a compound (dan|mark, køben|havn), which made "mark" and "danne" find
  // every item about Danmark; capitalised, it knows the name. The word's
  // other whole-word readings are kept ("mark" the noun).
  std::vector<std::string> name_lemmas(const std::string& word) {
    const bool name =
        names.count(word) || (word.size() > 3 && word.back() == 's' && names.count(word.substr(0, word.size() - 1)));
    if (!name) return {};
    const std::string upper = capitalised(word);
    if (upper.empty()) return {};
    std::vector<std::string> lemmas;
    auto add_whole_readings = [&](const std::string& w) {
      for (const std::string& analysis : hunspell->analyze(w)) {
        if (analysis.find("pa:") == std::string::npos) add_stems(analysis, {}, lemmas);  // not a compound reading
      }
    };
    add_whole_readings(upper);
    if (lemmas.empty()) return {};  // hunspell does not know the name so inflected
    add_whole_readings(word);
    return lemmas;
  }

  std::vector<std::string> lemmas_of(const std::string& word, std::size_t& head_start, bool* name = nullptr) {
    head_start = 0;
    if (auto it = exceptions.find(word); it != exceptions.end()) return {it->second};
    if (options.lemmas && hunspell && code_points(word) <= 60) {
      if (auto lemmas = name_lemmas(word); !lemmas.empty()) {
        if (name) *name = true;
        return lemmas;
      }
      auto lemmas = hunspell_lemmas(word, head_start);
      for (auto& lemma : lemmas) {  // "gammel" for ældre-forms inside compounds
        if (auto it = exceptions.find(lemma); it != exceptions.end()) lemma = it->second;
      }
      if (!lemmas.empty()) return lemmas;
    }
    if (!options.lemmas) return {word};
    return {snowball(word)};
  }

  // The head `rest` is written as (a known head plus an inflectional
  // ending), or "" if none. A final consonant doubles before an ending that
  // starts with e: "processen" is proces+en and "stoffer" stof+er, so that
  // afstemnings|processen wins over afstemnings|proces|sen.
  std::string_view known_head(std::string_view rest) const {
    for (bool doubled : {false, true}) {  // a plain ending first: "tropper" is troppe+r, not trop+er
      for (std::string_view ending : head_endings) {
        if (rest.size() <= ending.size() || rest.substr(rest.size() - ending.size()) != ending) continue;
        std::string_view head = rest.substr(0, rest.size() - ending.size());
        if (doubled) {
          if (ending.empty() || ending.front() != 'e' || head.size() < 4 || head.back() != head[head.size() - 2] ||
              !std::strchr("bdfgklmnprstv", head.back()))
            continue;
          head.remove_suffix(1);
        }
        if (code_points(head) < 3) continue;
        if (auto it = heads.find(head); it != heads.end()) return *it;
      }
    }
    return {};
  }

  // Dynamic programming over the parts lexicon: fewest parts, ties to the
  // longest head. Parts are at least 3 code points, modifiers (with their
  // linking letter) at least `min_modifier`; the head may carry an
  // inflectional ending.
  WordInfo split(const std::string& word, std::size_t min_modifier = 3) {
    WordInfo info;
    const std::size_t n = word.size();
    if (heads.empty() || code_points(word) < 6 || n > 80) return info;
    std::vector<std::size_t> cuts;  // code point boundaries
    for (std::size_t i = 0; i <= n; ++i) {
      if (text::is_boundary(word, i)) cuts.push_back(i);
    }
    constexpr int inf = 1 << 20;
    std::vector<int> best(n + 1, inf);
    std::vector<std::size_t> back(n + 1, 0);
    best[0] = 0;
    std::string_view w(word);
    for (std::size_t bi = 0; bi < cuts.size(); ++bi) {
      std::size_t b = cuts[bi];
      if (best[b] == inf) continue;
      for (std::size_t ei = bi + std::max<std::size_t>(min_modifier, 3); ei < cuts.size(); ++ei) {
        std::size_t e = cuts[ei];
        if (e == n) break;
        if (modifiers.count(w.substr(b, e - b)) && best[b] + 1 < best[e]) {
          best[e] = best[b] + 1;
          back[e] = b;
        }
      }
    }
    // Choose the head: reachable seam, head (with ending) known, fewest parts.
    std::size_t best_seam = 0;
    int best_parts = inf;
    std::string_view best_head;
    for (std::size_t ci = 1; ci + 3 < cuts.size(); ++ci) {
      std::size_t seam = cuts[ci];
      if (best[seam] == inf) continue;
      const std::string_view head = known_head(w.substr(seam));
      if (head.empty()) continue;
      const int parts = best[seam] + 1;
      if (parts < best_parts || (parts == best_parts && seam < best_seam)) {
        best_parts = parts, best_seam = seam, best_head = head;
      }
    }
    if (best_parts == inf) return info;
    std::vector<std::size_t> seams;
    for (std::size_t s = best_seam; s > 0; s = back[s]) seams.push_back(s);
    std::reverse(seams.begin(), seams.end());
    std::size_t b = 0;
    for (std::size_t s : seams) {
      info.parts.emplace_back(modifiers.find(w.substr(b, s - b))->second);
      b = s;
    }
    std::string head(best_head);
    info.parts.push_back(std::move(head));
    info.first_seam = seams.front();
    info.last_seam = seams.back();
    return info;
  }

  // A word whose dictionary form is listed whole is split as that form, and
  // only into a modifier of 4 or more letters or a head of 5 or more:
  // folke|skolen, syge|hus and job|center, but not sko|len (skole), bor|gere
  // (borger), politi|kerne (politiker) or mor|gen. Inflected forms otherwise
  // end in letters that look like heads.
  // If any listed reading of the word does not split, the word stays whole.
  WordInfo split_listed(const std::string& word, const std::vector<std::string>& lemmas, bool& listed_whole) {
    WordInfo parts;
    listed_whole = false;
    for (const std::string& lemma : lemmas) {
      if (!listed.count(lemma)) continue;
      listed_whole = true;
      WordInfo p = split(lemma, 4);
      if (p.parts.empty()) {  // a short modifier before a long head: job|center, års|regnskab
        p = split(lemma, 3);
        if (!p.parts.empty() && code_points(p.parts.back()) < 5) p = {};
      }
      // The seams must be the word's too (not so for børnene → barn).
      if (p.parts.empty() || word.compare(0, p.last_seam, lemma, 0, p.last_seam) != 0) return {};
      if (parts.parts.empty()) parts = std::move(p);
    }
    return parts;
  }

  WordInfo compute(const std::string& word) {
    WordInfo info;
    info.stop_word = stop_words.count(word) > 0;
    std::size_t head_start = 0;
    bool name = false;  // names are not compounds of common words
    info.lemmas = lemmas_of(word, head_start, &name);
    info.written_as_lemma =
        !info.stop_word && std::find(info.lemmas.begin(), info.lemmas.end(), word) != info.lemmas.end();
    if (options.decompound && !info.stop_word && !name) {
      bool listed_whole = false;
      WordInfo parts = split_listed(word, info.lemmas, listed_whole);
      if (!listed_whole) parts = split(word);
      if (!listed_whole && parts.parts.empty() && head_start >= 3 && word.size() - head_start >= 3) {
        // hunspell found the last seam; the prefix may still be split further.
        std::string prefix = word.substr(0, head_start);
        WordInfo inner = split(prefix);
        if (!inner.parts.empty()) {
          parts.parts = inner.parts;
          parts.first_seam = inner.first_seam;
        } else {
          std::size_t ignored = 0;
          parts.parts.push_back(lemmas_of(prefix, ignored).front());
          parts.first_seam = head_start;
        }
        std::size_t ignored = 0;
        parts.parts.push_back(lemmas_of(word.substr(head_start), ignored).front());
        parts.last_seam = head_start;
      }
      info.parts = std::move(parts.parts);
      info.first_seam = parts.first_seam;
      info.last_seam = parts.last_seam;
      // The head in its dictionary form, taken from hunspell's lemma of the
      // whole word: "folkeskoleloven" → "folkeskolelov", so the head is "lov"
      // (as in "lov om folkeskolen"), not the listed stem "loven".
      const std::string& lemma = info.lemmas.front();
      if (!info.parts.empty() && lemma.size() > info.last_seam + 2 &&
          lemma.compare(0, info.last_seam, word, 0, info.last_seam) == 0 && heads.count(lemma.substr(info.last_seam)))
        info.parts.back() = lemma.substr(info.last_seam);
    }
    if (!options.variants) return info;
    if (std::string place = place_variant(word, info.lemmas); !place.empty()) {
      info.variant_lemmas = {place};
      info.variant = std::move(place);
    } else if (word.find("aa") != std::string::npos) {
      std::string variant;
      for (std::size_t i = 0; i < word.size(); ++i) {
        if (word.compare(i, 2, "aa") == 0) {
          variant += "\xC3\xA5";  // å
          ++i;
        } else {
          variant += word[i];
        }
      }
      std::size_t ignored = 0;
      info.variant_lemmas = lemmas_of(variant, ignored);
      info.variant = std::move(variant);
    }
    return info;
  }

  // The form a place name is indexed under (place-names.tsv), looked up by
  // the word and then by its lemmas (genitive "kbh's"); "" when none.
  std::string place_variant(const std::string& word, const std::vector<std::string>& lemmas) const {
    if (auto it = places.find(word); it != places.end()) return it->second;
    for (const auto& lemma : lemmas) {
      if (auto it = places.find(lemma); it != places.end()) return it->second;
    }
    return {};
  }

  std::string snowball(const std::string& word) {
    std::string stem = stemmer(word);
    return stem.empty() ? word : stem;
  }
};

// Entries are added, never changed or erased: Lexicons keep pointers to them.
Lexicon::Lexicon(const AnalyzerOptions& options) : impl_(std::make_unique<Impl>(options, nullptr)) {}
Lexicon::Lexicon(const AnalyzerOptions& options, std::shared_ptr<SharedWordCache> shared)
    : impl_(std::make_unique<Impl>(options, shared ? shared->lists : nullptr)) {
  impl_->shared = std::move(shared);
}

std::shared_ptr<SharedWordCache> Lexicon::shared_cache() {
  if (!impl_->shared) {
    impl_->shared = std::make_shared<SharedWordCache>();
    impl_->shared->lists = impl_->lists;
  }
  return impl_->shared;
}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

const WordInfo& Lexicon::word(const std::string& folded) {
  const std::uint64_t hash = WordTable::hash(folded);
  auto& recent = impl_->recent[hash & (Impl::recent_slots - 1)];
  if (recent.info && recent.word == folded) return *recent.info;
  const WordInfo* info = impl_->known.find(folded, hash);
  if (!info) {
    const auto found = look_up(folded);
    impl_->known.insert(*found.first, *found.second, hash);
    info = found.second;
  }
  recent.word = folded;
  recent.info = info;
  return *info;
}

std::pair<const std::string*, const WordInfo*> Lexicon::look_up(const std::string& folded) {
  constexpr std::size_t limit = 2'000'000;  // bound memory on huge vocabularies
  auto& cache = impl_->cache;
  // With a shared cache this thread keeps only pointers into it: entries are
  // never changed or erased there, and unordered_map keeps them in place.
  // (Full copies per thread cost about 45 MiB per thread on 55 MB of Europarl.)
  SharedWordCache* shared = impl_->shared.get();
  if (shared) {
    std::shared_lock<std::shared_mutex> lock(shared->mutex);
    if (auto it = shared->words.find(folded); it != shared->words.end()) return {&it->first, &it->second};
  }
  if (!cache.empty()) {
    if (auto it = cache.find(folded); it != cache.end()) return {&it->first, &it->second};
  }
  WordInfo info = impl_->compute(folded);
  if (shared) {
    std::unique_lock<std::shared_mutex> lock(shared->mutex);
    if (shared->words.size() < limit) {
      const auto& stored = *shared->words.try_emplace(folded, std::move(info)).first;
      return {&stored.first, &stored.second};
    }
  }
  // No shared cache, or it is full: keep our own copy.
  if (cache.size() > limit || impl_->known.size() > 2 * limit) {
    cache.clear();
    impl_->forget_known();
  }
  const auto& stored = *cache.emplace(folded, std::move(info)).first;
  return {&stored.first, &stored.second};
}

WordInfo Lexicon::split(const std::string& folded) { return impl_->split(folded); }
bool Lexicon::has_dictionary() const noexcept { return impl_->hunspell != nullptr; }
std::size_t Lexicon::cached_words() const noexcept { return impl_->cache.size(); }

}  // namespace referat::analysis

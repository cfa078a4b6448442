// The ten behaviours of the Danish analysis chain, table-driven, plus
// invariants on random text.
#include "catch.hpp"
#include "test_paths.hpp"

#include <referat/analyzer.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

using referat::Analyzer;
using referat::TermKind;
using referat::Token;

namespace {

Analyzer& analyzer() {
  static Analyzer a;
  return a;
}

bool has_term(const std::vector<Token>& tokens, const std::string& text, TermKind kind) {
  for (const auto& t : tokens) {
    for (const auto& term : t.terms) {
      if (term.text == text && term.kind == kind) return true;
    }
  }
  return false;
}

std::vector<std::string> surfaces(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

}  // namespace

TEST_CASE("dictionary is available", "[analysis]") { REQUIRE(analyzer().has_dictionary()); }

TEST_CASE("1. PDF cleanup: bullets, hyphen variants, NBSP, soft hyphens", "[analysis]") {
  struct Row {
    const char* input;
    std::vector<std::string> tokens;
  };
  const Row rows[] = {
      {"\xEF\x82\xB7 Sundhedsreform", {"sundhedsreform"}},            // U+F0B7 Symbol bullet
      {"\xE2\x80\xA2 Økonomi \xE2\x96\xAA KKC", {"økonomi", "kkc"}},  // • ▪
      {"Social\xC2\xADområdet", {"socialområdet"}},                   // soft hyphen inside a word
      {"fra\xC2\xA0"
       "4 til 3",
       {"fra", "4", "til", "3"}},  // NBSP
      {"Demens\xE2\x80\x91"
       "dagcenter",
       {"demens", "dagcenter"}},  // U+2011 non-breaking hyphen
  };
  for (const auto& row : rows) {
    INFO(row.input);
    CHECK(surfaces(analyzer().analyze(row.input)) == row.tokens);
  }
}

TEST_CASE("2. NFKC + case folding", "[analysis]") {
  CHECK(surfaces(analyzer().analyze("A\xCC\x8A"
                                    "rhus")) == std::vector<std::string>{"århus"});                           // NFD å
  CHECK(surfaces(analyzer().analyze("\xEF\xAC\x81nansiering")) == std::vector<std::string>{"finansiering"});  // ﬁ
  CHECK(surfaces(analyzer().analyze("ØKONOMIUDVALGET")) == std::vector<std::string>{"økonomiudvalget"});
}

TEST_CASE("3. line-end de-hyphenation", "[analysis]") {
  struct Row {
    const char* input;
    std::vector<std::string> tokens;
  };
  const Row rows[] = {
      {"udvik-\nlingsplan", {"udviklingsplan"}},
      {"opgaveglidnings-\nemner", {"opgaveglidningsemner"}},
      {"kompetence-  \n\n  udvikling", {"kompetenceudvikling"}},
      {"Voksen-\nog Plejeudvalget", {"voksen", "og", "plejeudvalget"}},  // suspended hyphen kept
      {"COVID-\n19", {"covid-19"}},
      {"EU-\nKommissionen", {"eu", "kommissionen"}},
      {"sund\xC2\xAD\nhed", {"sundhed"}},  // soft hyphen at a line end
  };
  for (const auto& row : rows) {
    INFO(row.input);
    CHECK(surfaces(analyzer().analyze(row.input)) == row.tokens);
  }
}

TEST_CASE("4. segmentation: offsets, genitive, numbers, case numbers, dates", "[analysis]") {
  const std::string text = "ØK's sag 23/2079 den 18-03-2025 og 18.03.2025, beløb 4,5 mio.";
  auto tokens = analyzer().analyze(text);
  REQUIRE(tokens.size() >= 8);
  CHECK(tokens[0].text == "øk");
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "ØK's");
  CHECK(tokens[2].text == "23/2079");
  CHECK(tokens[2].type == referat::TokenType::case_number);
  CHECK(tokens[4].type == referat::TokenType::date);
  CHECK(has_term(tokens, "2025-03-18", TermKind::lemma));
  CHECK(tokens[6].type == referat::TokenType::date);
  CHECK(has_term(tokens, "4,5", TermKind::surface));
  // Offsets of a de-hyphenated word cover the original span.
  const std::string broken = "en udvik-\nlingsplan her";
  auto t2 = analyzer().analyze(broken);
  REQUIRE(t2.size() == 3);
  CHECK(broken.substr(t2[1].begin, t2[1].end - t2[1].begin) == "udvik-\nlingsplan");
}

TEST_CASE("5. lemmas: hunspell, Snowball fallback, domain exceptions", "[analysis]") {
  struct Row {
    const char* word;
    const char* lemma;
  };
  const Row rows[] = {{"budgettet", "budget"},
                      {"budget", "budget"},
                      {"godkendte", "godkende"},
                      {"drøftede", "drøfte"},
                      {"borgerne", "borger"},
                      {"centret", "center"},
                      {"ældre", "ældre"},
                      {"ældres", "ældre"},
                      {"strategien", "strategi"},
                      {"udvalget", "udvalg"},
                      {"sundhedsreformen", "sundhedsreform"}};
  for (const auto& row : rows) {
    INFO(row.word);
    CHECK(has_term(analyzer().analyze(row.word), row.lemma, TermKind::lemma));
  }
  CHECK_FALSE(has_term(analyzer().analyze("ældre"), "gammel", TermKind::lemma));
  // Unknown to hunspell: Snowball stems it (still one lemma term).
  auto unknown = analyzer().analyze("Norddjurs");
  REQUIRE(unknown.size() == 1);
  CHECK(std::count_if(unknown[0].terms.begin(), unknown[0].terms.end(),
                      [](const referat::Term& t) { return t.kind == TermKind::lemma; }) == 1);
}

TEST_CASE("6. decompounding: parts at the same position", "[analysis]") {
  struct Row {
    const char* word;
    std::vector<const char*> parts;
  };
  const Row rows[] = {{"Demensdagcenter", {"demens", "dagcenter"}},
                      {"Sundhedsreformen", {"sundhed", "reform"}},
                      {"Ældrereformens", {"ældre", "reform"}},
                      {"velfærdsteknologi", {"velfærd", "teknologi"}},
                      {"administrationsbygninger", {"administration", "bygning"}},
                      {"Plejeudvalget", {"pleje", "udvalg"}},
                      {"folkeskoleloven", {"folkeskole", "lov"}},  // the listed stem "loven" is lemmatised
                      {"demensindsats", {"demens", "indsats"}}};
  for (const auto& row : rows) {
    INFO(row.word);
    auto tokens = analyzer().analyze(row.word);
    REQUIRE(tokens.size() == 1);
    for (const char* part : row.parts) {
      CHECK((has_term(tokens, part, TermKind::part) || has_term(tokens, part, TermKind::lemma)));
    }
  }
  for (const char* word : {"forslag", "indsatsen", "ledighed", "beslutning", "borger", "strategi"}) {
    INFO(word);
    CHECK_FALSE(has_term(analyzer().analyze(word), "", TermKind::part));
    auto tokens = analyzer().analyze(word);
    CHECK(std::none_of(tokens[0].terms.begin(), tokens[0].terms.end(),
                       [](const referat::Term& t) { return t.kind == TermKind::part; }));
  }
}

TEST_CASE("6b. names are not compounds of common words, nor stemmed", "[analysis]") {
  // Lower case, hunspell reads "danmark" as dan|mark: "mark" and "danne"
  // then found every item about Danmark.
  for (const char* text : {"Danmark", "Danmarks", "København", "Københavns", "Rusland"}) {
    INFO(text);
    const auto tokens = analyzer().analyze(text);
    REQUIRE(tokens.size() == 1);
    CHECK(std::none_of(tokens[0].terms.begin(), tokens[0].terms.end(),
                       [](const auto& t) { return t.kind == TermKind::part; }));
  }
  CHECK(has_term(analyzer().analyze("Danmarks"), "danmark", TermKind::lemma));
  CHECK(has_term(analyzer().analyze("Københavns"), "københavn", TermKind::lemma));
  CHECK_FALSE(has_term(analyzer().analyze("Danmark"), "mark", TermKind::lemma));
  // Names the dictionary lists are not cut by Snowball (jensen → jens).
  CHECK(has_term(analyzer().analyze("Jensen"), "jensen", TermKind::lemma));
  CHECK_FALSE(has_term(analyzer().analyze("Jensen"), "jens", TermKind::lemma));
  CHECK(has_term(analyzer().analyze("Ukraine"), "ukraine", TermKind::lemma));
  // Common words keep their readings; lemmas are folded ("III" → iii).
  CHECK(has_term(analyzer().analyze("marken"), "mark", TermKind::lemma));
  CHECK(has_term(analyzer().analyze("iii"), "iii", TermKind::lemma));
  CHECK(has_term(analyzer().analyze("sundhedsreformen"), "reform", TermKind::part));
}

TEST_CASE("6c. an inflected head keeps its doubled consonant and ending", "[analysis]") {
  // A final consonant doubles before an ending in e: "processen" is
  // proces+en. The decompounder cut afstemnings|proces|sen, so "sen" (late)
  // and "len", "fer", "ten" were parts of thousands of inflected compounds.
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases{
      {"afstemningsprocessen", {"afstemning", "proces"}}, {"flyvekontrollen", {"flyve", "kontrol"}},
      {"erstatningsstoffer", {"erstatning", "stof"}},     {"budgetdebatten", {"budget", "debat"}},
      {"kulturbudgettet", {"kultur", "budget"}},          {"finansinstitutterne", {"finans", "institut"}},
  };
  for (const auto& [word, parts] : cases) {
    INFO(word);
    const auto tokens = analyzer().analyze(word);
    REQUIRE(tokens.size() == 1);
    std::vector<std::string> got;
    for (const auto& t : tokens[0].terms) {
      if (t.kind == TermKind::part) got.push_back(t.text);
    }
    CHECK(got == parts);
  }
  // A plain ending still comes first: tropper is troppe+r, not trop+er.
  CHECK(has_term(analyzer().analyze("besættelsestropper"), "troppe", TermKind::part));
}

TEST_CASE("7. elliptical compounds", "[analysis]") {
  CHECK(has_term(analyzer().analyze("Sundheds- og ældrechefnetværket"), "sundhedschefnetværket", TermKind::variant));
  CHECK(has_term(analyzer().analyze("Voksen- og Plejeudvalget"), "voksenudvalget", TermKind::variant));
  CHECK(has_term(analyzer().analyze("Social- og Sundhedsudvalget"), "socialudvalget", TermKind::variant));
  CHECK(has_term(analyzer().analyze("sundhedsfremme og -forebyggelse"), "sundhedsforebyggelse", TermKind::variant));
  CHECK_FALSE(has_term(analyzer().analyze("Voksen og Plejeudvalget"), "voksenudvalget", TermKind::variant));
  // gasfyr is a listed word the decompounder keeps whole; the ellipsis splits it.
  CHECK(has_term(analyzer().analyze("olie- eller gasfyr"), "oliefyr", TermKind::variant));
}

TEST_CASE("8. aa/å variants", "[analysis]") {
  CHECK(has_term(analyzer().analyze("Aarhus"), "århus", TermKind::variant));
  CHECK(has_term(analyzer().analyze("Aalborg"), "ålborg", TermKind::variant));
  CHECK_FALSE(has_term(analyzer().analyze("Århus"), "aarhus", TermKind::variant));
}

TEST_CASE("8b. place-name variants from place-names.tsv, overridable", "[analysis]") {
  CHECK(has_term(analyzer().analyze("Kbh"), "københavn", TermKind::variant));
  CHECK(has_term(analyzer().analyze("Kbh"), "københavn", TermKind::lemma));
  CHECK(has_term(analyzer().analyze("Ålborg"), "aalborg", TermKind::variant));
  CHECK_FALSE(has_term(analyzer().analyze("København"), "kbh", TermKind::variant));
  CHECK_FALSE(has_term(analyzer().analyze("Helsinge"), "helsingør", TermKind::variant));

  // A data_dir with its own place-names.tsv replaces the bundled table.
  auto dir = std::filesystem::temp_directory_path() / "referat-place-names";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "place-names.tsv") << "# test\nNorddjurs\tGrenaa\n";
  referat::AnalyzerOptions options;
  options.data_dir = dir.string();
  referat::Analyzer custom(options);
  CHECK(has_term(custom.analyze("Grenaa"), "norddjurs", TermKind::variant));
  CHECK_FALSE(has_term(custom.analyze("Kbh"), "københavn", TermKind::variant));
}

TEST_CASE("9. stop words: surface kept, lemma dropped", "[analysis]") {
  auto tokens = analyzer().analyze("den 19. april");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].stop_word);
  CHECK(has_term(tokens, "den", TermKind::surface));
  CHECK_FALSE(has_term(tokens, "den", TermKind::lemma));
  CHECK(has_term(analyzer().analyze("demens"), "demens", TermKind::lemma));  // not confused with "dem"
}

TEST_CASE("9b. a word in its dictionary form is known by the word, not by its context", "[analysis]") {
  auto first = [](const std::string& text) { return analyzer().analyze(text).at(0); };
  CHECK(first("skole").dictionary_form);
  CHECK_FALSE(first("skolen").dictionary_form);
  CHECK_FALSE(first("have").dictionary_form);  // a stop word: no lemma term
  CHECK(first("2024").dictionary_form);
  CHECK(first("23/2079").dictionary_form);
  CHECK_FALSE(first("1.1.2024").dictionary_form);  // its lemma is 2024-01-01
  // An elliptical expansion gives "befal" the lemma "befal" (of
  // "befaller"), but the word on its own is not in that form: the index must
  // keep the lemma term there, because a query looks in the surface term
  // only where the word alone decides so.
  const Token befal = first("befal- og kontroller-metode");
  CHECK(std::any_of(befal.terms.begin(), befal.terms.end(),
                    [](const auto& t) { return t.kind == TermKind::lemma && t.text == "befal"; }));
  CHECK_FALSE(befal.dictionary_form);
  CHECK_FALSE(first("befal").dictionary_form);
  // The expansion's terms say so; the word's own lemma terms do not (format 8
  // lists only those under the surface form).
  for (const auto& t : befal.terms) CHECK(t.from_context == (t.kind != TermKind::surface && t.text != "befale"));
  for (const auto& t : first("skolen").terms) CHECK_FALSE(t.from_context);
}

TEST_CASE("10. surface forms are kept for exact phrases", "[analysis]") {
  auto tokens = analyzer().analyze("budgettet godkendes");
  CHECK(has_term(tokens, "budgettet", TermKind::surface));
  CHECK(has_term(tokens, "godkendes", TermKind::surface));
  CHECK(tokens[1].position == tokens[0].position + 1);
}

TEST_CASE("edge cases never throw", "[analysis]") {
  CHECK(analyzer().analyze("").empty());
  CHECK(analyzer().analyze(" .,;:!?()[]{} - – — ").empty());
  std::string long_word(300, 'a');
  auto t = analyzer().analyze(long_word);
  REQUIRE(t.size() == 1);
  for (const auto& term : t[0].terms) CHECK(term.text.size() <= 200);
  auto mixed = analyzer().analyze("Москва Αθήνα 東京 København");
  CHECK(mixed.size() >= 3);
  std::string big;
  while (big.size() < 10u * 1024 * 1024) big += "Kommunalbestyrelsen godkendte budgettet for ældreområdet. ";
  std::size_t count = 0;
  analyzer().analyze(big, [&](const Token&) { ++count; });
  CHECK(count > 800000);
}

TEST_CASE("invariants on random text", "[analysis][random]") {
  const unsigned seed = 20261122;
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  const std::vector<std::string> pieces = {
      "sundheds", "reform", "-",         "\n",   " ",  "\xC2\xAD",     "Å",     "ø",       "aa",
      "23/",      "2079",   "18-03-",    "2025", "'s", "\xEF\x82\xB7", "og ",   "Demens",  ".",
      "(",        "ﬁ",      "A\xCC\x8A", "–",    "x",  "\xE2\x80\x91", "COVID", "1.april", " - "};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    std::vector<Token> tokens;
    REQUIRE_NOTHROW(tokens = analyzer().analyze(text));
    std::size_t last_begin = 0;
    for (const auto& t : tokens) {
      INFO("text: " << text);
      REQUIRE(t.begin <= t.end);
      REQUIRE(t.end <= text.size());
      REQUIRE(t.begin >= last_begin);
      REQUIRE((t.begin == text.size() || (static_cast<unsigned char>(text[t.begin]) & 0xC0) != 0x80));
      REQUIRE((t.end == text.size() || (static_cast<unsigned char>(text[t.end]) & 0xC0) != 0x80));
      for (const auto& term : t.terms) REQUIRE(term.text.size() + 3 <= 245);
      last_begin = t.begin;
    }
  }
}

namespace {

// Every token and term of `texts`, one line per token.
std::string analysed(Analyzer& a, const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& text : texts) {
    for (const Token& token : a.analyze(text)) {
      out += token.text;
      for (const auto& term : token.terms) out += " " + std::string(to_string(term.kind)) + ":" + term.text;
      out += "\n";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("analyzers sharing a word cache, on two threads at once, analyse as a lone analyzer does",
          "[analysis][threads]") {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(REFERAT_CORPUS_DIR)) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  REQUIRE(texts.size() >= 5);
  const std::string expected = analysed(analyzer(), texts);
  // Both threads meet every word first-hand or through the other's entries,
  // while the shared cache grows (and rehashes) under them.
  Analyzer first;
  Analyzer second = first.sharing_cache();
  std::vector<std::string> reversed(texts.rbegin(), texts.rend());
  std::string a, b;
  std::thread other([&] { b = analysed(second, reversed); });
  a = analysed(first, texts);
  other.join();
  CHECK(a == expected);
  CHECK(b == analysed(analyzer(), reversed));
  CHECK(analysed(second, texts) == expected);  // again, now all from the cache
}

TEST_CASE("a word met again is analysed as it was the first time, however many words came between", "[analysis]") {
  // 12,000 distinct words, short and longer than the 15 bytes a table slot
  // holds itself, grow the analyzer's table of known words past its first
  // size; every word must then still find its own analysis, not a neighbour's.
  std::vector<std::string> words;
  for (int i = 0; i < 12000; ++i) {
    std::string code;
    for (int n = i; n > 0 || code.empty(); n /= 26) code += static_cast<char>('a' + n % 26);
    words.push_back((i % 2 ? "arbejdsmarkedsqx" : "skoleqx") + code);
  }
  Analyzer fresh;
  std::string first;
  for (const auto& w : words) first += analysed(fresh, {w});
  std::string again;
  for (const auto& w : words) again += analysed(fresh, {w});
  CHECK(again == first);
  Analyzer other;  // the words in the other order, through another table
  std::string reversed;
  for (auto it = words.rbegin(); it != words.rend(); ++it) reversed = analysed(other, {*it}) + reversed;
  CHECK(reversed == first);
  CHECK(first.find("lemma:skoleqx") != std::string::npos);
}

// The terms, wdf and positions of a built document (index/document_builder),
// checked against a plain reading of the schema over the analyzer's tokens.
#include "catch.hpp"
#include "test_paths.hpp"

#include <referat/analyzer.hpp>
#include <referat/minutes.hpp>

#include "index/document_builder.hpp"
#include "index/positions.hpp"
#include "index/schema.hpp"
#include "minutes/topics.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace referat;

namespace {

struct Expected {
  std::map<std::string, Xapian::termcount> wdf;
  std::map<std::string, std::vector<Xapian::termpos>> positions;
  std::set<index::LemmaForm> forms;
};

bool positional_lemma(TermKind kind) { return kind == TermKind::lemma || kind == TermKind::part; }

// The schema, one occurrence at a time: surface terms hold positions; so do
// lemma and part terms (Z), except that a word in its dictionary form gets
// no Z term for that form (its surface term stands for it), and, in format 8
// (`under_forms`), no lemma the word alone gives gets one: the pair (lemma,
// form) is listed instead. Body lemmas also go under their section's prefix,
// title lemmas under S.
void expect_tokens(Expected& e, const std::vector<Token>& tokens, Xapian::termcount wdf,
                   const std::vector<std::pair<std::size_t, std::string>>& section_ends, bool title, bool under_forms) {
  for (const Token& token : tokens) {
    std::string prefix;
    for (const auto& [end, p] : section_ends) {
      if (end > token.begin) {
        prefix = p;
        break;
      }
    }
    for (const Term& term : token.terms) {
      const bool lemma = positional_lemma(term.kind);
      const std::string name = (lemma ? std::string(schema::lemma) : std::string()) + term.text;
      const bool own = term.kind == TermKind::lemma && !term.from_context;
      const bool dictionary_form = lemma && token.dictionary_form && term.text == token.text;
      if (own && under_forms && !dictionary_form) e.forms.emplace(term.text, token.text);
      if (!dictionary_form && !(own && under_forms)) {
        e.wdf[name] += wdf;
        auto& list = e.positions[name];
        if (list.empty() || list.back() != token.position) list.push_back(token.position);
      }
      if (lemma && title) e.wdf[std::string(schema::title) + term.text] += 1;
      if (lemma && !title && !prefix.empty()) e.wdf[prefix + term.text] += 1;
    }
  }
}

}  // namespace

TEST_CASE("a built document holds each term once with its summed wdf and positions", "[index]") {
  Analyzer analyzer;
  MinutesParser parser;
  minutes::Resolver resolver(parser.committees(), parser.topics());
  minutes::TopicTagger tagger(parser.topics(), resolver);
  const query::TermInterest& interest = tagger.interest(analyzer);

  ParsedFile file;
  file.source = "test.txt";
  AgendaItem item;
  item.title = "Skole og demens i skolen";
  item.sections.push_back({SectionKind::sagsfremstilling, "Sagsfremstilling",
                           "Skolen og skolen har en skole. Demensdagcentret og skolerne, skole-skole."});
  item.sections.push_back({SectionKind::beslutning, "Beslutning", "Godkendt. Skolen lukkes, skolen flyttes."});
  item.topics.push_back("none");  // no topic tagging: only the text's terms matter here
  file.items.push_back(item);

  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  const std::string text = item.full_text(&ranges);
  REQUIRE(ranges.size() == 2);
  const std::vector<std::pair<std::size_t, std::string>> section_ends = {
      {ranges[0].second, std::string(schema::sagsfremstilling)}, {ranges[1].second, std::string(schema::beslutning)}};
  const std::vector<Token> body_tokens = analyzer.analyze(text);
  std::vector<Token> title_tokens;
  analyzer.analyze(
      item.title, [&](const Token& t) { title_tokens.push_back(t); }, schema::title_base);
  auto expect = [&](bool under_forms) {
    Expected e;
    expect_tokens(e, body_tokens, 1, section_ends, false, under_forms);
    expect_tokens(e, title_tokens, 3, {}, true, under_forms);
    return e;
  };
  // The fixture reaches every path: repeats in body and title, a lemma
  // positioned only where inflected, section and title prefixes.
  const Expected format7 = expect(false), format8 = expect(true);
  REQUIRE(format7.wdf.at("skolen") == 4 + 3);
  REQUIRE(format7.positions.at("skolen").back() >= schema::title_base);
  REQUIRE(format7.positions.at("Zskole").size() == 6);  // skolen ×5, skolerne
  REQUIRE(format7.wdf.at("Zskole") == 5 + 3);           // body ×1, title ×3; not "skole" itself
  REQUIRE(format7.wdf.at("skole") == 3 + 3);            // stands for the lemma where written so
  REQUIRE(format7.wdf.count("Sskole"));
  REQUIRE(format7.wdf.count(std::string(schema::beslutning) + "skole"));
  REQUIRE(format7.wdf.count(std::string(schema::sagsfremstilling) + "demens"));
  REQUIRE(format7.forms.empty());
  // Format 8: the inflected forms stand for their lemma; compound parts keep Z.
  REQUIRE(format8.forms == std::set<index::LemmaForm>{{"skole", "skolen"},
                                                      {"skole", "skolerne"},
                                                      {"demensdagcenter", "demensdagcentret"},
                                                      {"godkende", "godkendt"},
                                                      {"lukke", "lukkes"},
                                                      {"flytte", "flyttes"}});
  REQUIRE(format8.wdf.count("Zskole") == 0);
  REQUIRE(format8.wdf.at("Zdemens") == 1);
  REQUIRE(format8.wdf.at("skolen") == 4 + 3);
  REQUIRE(format8.wdf.count("Sskole"));  // field terms hold every lemma, as before
  REQUIRE(format8.wdf.count(std::string(schema::beslutning) + "skole"));

  for (bool under_forms : {false, true}) {
    const Expected& expected = under_forms ? format8 : format7;
    for (PositionStore store : {PositionStore::compact, PositionStore::xapian}) {
      INFO("store " << position_store_name(store) << ", lemmas under forms " << under_forms);
      index::BuiltDocument built = index::build_document(file.items[0], file, "id-1", "test.txt", "/abs/test.txt",
                                                         analyzer, tagger, interest, {store, under_forms});
      const Xapian::Document& doc = built.document;
      const std::string packed_value = doc.get_value(schema::slot_positions);  // the reader keeps a view
      index::PositionsReader packed(packed_value);
      std::map<std::string, Xapian::termcount> text_terms;
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        auto it = expected.wdf.find(term);
        if (it == expected.wdf.end()) continue;  // boolean terms: id, source, meeting, …
        text_terms[term] = t.get_wdf();
        std::vector<std::uint32_t> positions;
        if (store == PositionStore::compact) {
          if (expected.positions.count(term)) packed.append_positions(packed.id_of(term), positions);
        } else {
          for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positions.push_back(*p);
        }
        const auto want = expected.positions.count(term) ? expected.positions.at(term) : std::vector<Xapian::termpos>();
        CHECK(positions == std::vector<std::uint32_t>(want.begin(), want.end()));
      }
      CHECK(text_terms == expected.wdf);
      // Each pair once per item, whatever the number of occurrences.
      std::vector<index::LemmaForm> forms = built.forms;
      std::sort(forms.begin(), forms.end());
      CHECK(std::adjacent_find(forms.begin(), forms.end()) == forms.end());
      CHECK(std::set<index::LemmaForm>(forms.begin(), forms.end()) == expected.forms);
    }
  }
}

TEST_CASE("a topic query with punctuation between its words tags as the search finds", "[index][topics]") {
  // The topic matcher read "?" or a pasted "–" as a word no item holds, so
  // an AND with it tagged nothing; search leaves such words out.
  Analyzer analyzer;
  MinutesParser parser;
  minutes::Resolver resolver(parser.committees(), parser.topics());
  AgendaItem item;
  item.title = "Demens og skole";
  item.sections.push_back({SectionKind::sagsfremstilling, "Sagsfremstilling", "Et nyt demensdagcenter ved skolen."});
  const query::ItemTerms terms = minutes::item_terms(item, analyzer, nullptr);
  for (const char* q : {"demens – skole", "demens ? skole", "demens \"\" skole", "demens NEAR § NEAR skole"}) {
    INFO(q);
    CHECK(query::matches(*query::parse(q, resolver), terms, analyzer));
  }
  CHECK_FALSE(query::matches(*query::parse("demens – budget", resolver), terms, analyzer));
  CHECK_FALSE(query::matches(*query::parse("?", resolver), terms, analyzer));
  // Around a NOT, as search: nothing before it is every item, nothing after
  // it leaves nothing out ("demens -§" tagged nothing before).
  CHECK(query::matches(*query::parse("demens -§", resolver), terms, analyzer));
  CHECK(query::matches(*query::parse("? -budget", resolver), terms, analyzer));
  CHECK_FALSE(query::matches(*query::parse("? -skole", resolver), terms, analyzer));
  CHECK_FALSE(query::matches(*query::parse("-§", resolver), terms, analyzer));
}

TEST_CASE("topic queries prepared once tag every corpus item as queries analysed per item do", "[index][topics]") {
  // TopicTagger::interest() prepares the topics' words once; tag() used to
  // analyse them again for every item. Both must tag alike, topic for topic.
  Analyzer analyzer;
  MinutesParser parser;
  minutes::Resolver resolver(parser.committees(), parser.topics());
  minutes::TopicTagger per_item(parser.topics(), resolver), prepared(parser.topics(), resolver);
  const query::TermInterest& interest = prepared.interest(analyzer);
  std::size_t items = 0, tags = 0;
  for (const auto& entry : std::filesystem::directory_iterator(REFERAT_CORPUS_DIR)) {
    for (const AgendaItem& item : parser.parse_file(entry.path().string()).items) {
      INFO(entry.path() << ": " << item.title);
      const auto expected = per_item.tag(minutes::item_terms(item, analyzer, nullptr), analyzer);
      CHECK(prepared.tag(minutes::item_terms(item, analyzer, &interest), analyzer) == expected);
      ++items, tags += expected.size();
    }
  }
  CHECK(items >= 12);
  CHECK(tags >= 12);  // the corpus items do have topics
}

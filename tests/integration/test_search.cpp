// End to end over corpus/: index → search through the public API.
#include "catch.hpp"
#include "integration/fixture.hpp"

#include <referat/referat.hpp>

#include "index/schema.hpp"
#include "query/terms.hpp"
#include "search/facets.hpp"
#include "search/position_filter.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>

using namespace referat;

namespace {

SearchResult run(const std::string& q, SearchRequest r = {}) {
  Searcher s(fixture::corpus_index());
  r.query = q;
  return s.search(r);
}

// Options whose data files give other terms than the bundled ones (an edited
// compound blocklist in `data_dir`): files indexed before are analysed anew.
IndexOptions with_edited_analysis(const std::string& data_dir) {
  std::ofstream(data_dir + "/compound-blocklist.txt") << "modifier\tdemens\n";
  IndexOptions edited;
  edited.parser.data_dir = data_dir;
  return edited;
}

std::set<std::string> titles(const SearchResult& r) {
  std::set<std::string> out;
  for (const auto& h : r.hits) out.insert(h.title);
  return out;
}

// An index of JSON Lines `jsonl` in a fresh temporary folder; returns its path.
std::string jsonl_index(const std::string& name, const std::string& jsonl, const IndexOptions& options = {}) {
  const std::string dir = fixture::temp_dir(name);
  std::ofstream(dir + "/items.jsonl") << jsonl;
  IndexWriter(dir + "/idx", options).add_paths({dir + "/items.jsonl"});
  return dir + "/idx";
}

std::set<std::string> hit_ids(Searcher& searcher, const std::string& q) {
  SearchRequest r;
  r.query = q;
  std::set<std::string> out;
  for (const auto& h : searcher.search(r).hits) out.insert(h.id);
  return out;
}

// Every item of the corpus/ index, with its text.
std::vector<StoredItem> corpus_items(Searcher& searcher) {
  SearchRequest all;
  all.limit = 10000;
  all.snippet_bytes = 0;
  std::vector<StoredItem> items;
  for (const auto& hit : searcher.search(all).hits) {
    auto item = searcher.item(hit.id);
    REQUIRE(item);
    items.push_back(std::move(*item));
  }
  REQUIRE(items.size() > 5);
  return items;
}

std::size_t facet(const std::vector<FacetValue>& values, const std::string& v) {
  for (const auto& f : values) {
    if (f.value == v) return f.count;
  }
  return 0;
}

}  // namespace

TEST_CASE("Danish that works: compounds, inflections, abbreviations", "[search]") {
  CHECK(titles(run("demens")).count("Orientering ved formanden") == 1);  // Demensdagcenter, demensindsatsen
  CHECK(run("reform").total >= 3);                                       // sundhedsreformen, ældrereformen
  CHECK(run("budget").total == run("budgettet").total);
  CHECK(run("udvalg:VPU strategi").total == 2);
  CHECK(run("udvalg:\"Voksen- og plejeudvalget\"").total == run("udvalg:VPU").total);
  CHECK(run("sag:23/2079").total == 1);
  CHECK(run("\"den fælles, langsigtede strategi\"").total >= 1);
  CHECK(run("\"langsigtede fælles strategi\"").total == 0);  // exact order
}

TEST_CASE("boolean operators, prefix, NEAR, fields, dates", "[search]") {
  std::size_t demens = run("demens").total, psyk = run("psykiatri").total;
  std::size_t both = run("demens psykiatri").total, either = run("demens OR psykiatri").total;
  CHECK(either == demens + psyk - both);
  CHECK(run("demens -psykiatri").total == demens - both);
  CHECK(run("demens NOT psykiatri").total == demens - both);
  CHECK(run("sundhedsklyng*").total >= 1);
  CHECK(run("strategi NEAR socialområdet").total >= 1);
  // NEAR/N: at most N words between. "demensindsatsen, herunder åbning af
  // det nye samlede Demensdagcenter" has six. Before NEAR/N was parsed,
  // "NEAR/6" was two more words and the query found nothing.
  CHECK(run("demens NEAR/6 dagcenter").total == 1);
  CHECK(run("dagcenter NEAR/6 demens").total == 1);
  CHECK(run("demens NEAR/5 dagcenter").total == 0);
  CHECK(run("titel:strategi").total == 1);
  CHECK(run("dato:2024-01-01..2024-06-30").total == 2);
  CHECK(run("dato:1.1.2024..30.6.2024").total == 2);
  CHECK(run("år:2022").total == 7);
  CHECK(run("beslutning:tiltrådt").total == 1);
  CHECK(run("emne:demens").total >= 2);
}

TEST_CASE("filters as request fields; browse without words", "[search]") {
  SearchRequest r;
  r.committees = {"ØK"};
  CHECK(run("", r).total == 1);
  r = {};
  r.from = Date{2025, 1, 1};
  CHECK(run("", r).total == 3);
  r = {};
  r.decisions = {"godkendt"};
  auto res = run("", r);
  CHECK(res.total >= 2);
}

TEST_CASE("filter values with spaces around them filter as without", "[search]") {
  // A value pasted from a table cell: `--case ' 23/2079 '` found nothing,
  // with exit 0, before the values were trimmed.
  SearchRequest r;
  r.cases = {" 23/2079 "};
  CHECK(run("", r).total == 1);
  r = {};
  r.committees = {"\tØK "};
  CHECK(run("", r).total == 1);
  r = {};
  r.decisions = {" godkendt"};
  CHECK(run("", r).total >= 2);
  r = {};
  r.topics = {"demens "};
  CHECK(run("", r).total >= 2);
}

TEST_CASE("a trend topic with spaces around it is that topic and keeps its plain label", "[trends]") {
  // `referat trends --topic ' demens '` failed with "unknown topic" before
  // the topic resolver trimmed; the search filters already accepted it.
  Searcher s(fixture::corpus_index());
  TrendRequest plain, spaced;
  plain.by = spaced.by = Period::year;
  plain.topics = {"demens"};
  spaced.topics = {" demens\t"};
  const auto expected = s.trends(plain);
  const auto got = s.trends(spaced);
  REQUIRE(got.size() == 1);
  REQUIRE(expected.size() == 1);
  CHECK(got[0].label == expected[0].label);
  CHECK(got[0].query == expected[0].query);
  REQUIRE(got[0].points.size() == expected[0].points.size());
  for (std::size_t i = 0; i < got[0].points.size(); ++i) CHECK(got[0].points[i].count == expected[0].points[i].count);
}

TEST_CASE("a trend topic named by its label counts that topic's items", "[trends]") {
  // The label "Budget og økonomi" became the series query `emne:budget og
  // økonomi`: the topic AND the word økonomi, 1 item where the topic has 3.
  Searcher s(fixture::corpus_index());
  SearchRequest r;
  r.topics = {"budget"};
  const std::size_t tagged = s.search(r).total;
  REQUIRE(tagged > 1);
  for (const char* name : {"budget", "Budget og økonomi", " budget og økonomi "}) {
    TrendRequest t;
    t.by = Period::year;
    t.topics = {name};
    const auto series = s.trends(t);
    REQUIRE(series.size() == 1);
    CHECK(series[0].label == "emne:budget");
    std::size_t sum = 0;
    for (const auto& p : series[0].points) sum += p.count;
    CHECK(sum == tagged);
  }
  TrendRequest strategies;
  strategies.topics = {"Strategier og politikker"};  // was a query error: "unknown topic 'strategier'"
  CHECK(s.trends(strategies).at(0).label == "emne:strategi");
}

TEST_CASE("punctuation typed or pasted between words is left out, and a query of only that is an error", "[search]") {
  // A pasted " – " or "§" was a query word with no terms, and in an AND it
  // made the whole query match nothing: `strategi - socialområdet` found 0
  // items, with exit 0.
  const std::size_t both = run("strategi socialområdet").total;
  REQUIRE(both >= 1);
  CHECK(run("strategi - socialområdet").total == both);
  CHECK(run("strategi – socialområdet").total == both);
  CHECK(run("strategi § socialområdet").total == both);
  CHECK(run("strategi \"\" socialområdet").total == both);
  CHECK(run("strategi * socialområdet").total == both);
  CHECK(run("strategi socialområdet -?").total == both);
  CHECK(run("strategi NEAR ? NEAR socialområdet").total == run("strategi NEAR socialområdet").total);
  CHECK(run("? -strategi").total == run("-strategi").total);
  for (const char* nothing : {"?", "-", "*", "\"\"", "(§)", "titel:?", "-?", "-§", "? -§"}) {
    INFO(nothing);
    CHECK_THROWS_AS(run(nothing), QueryError);
  }
}

TEST_CASE("a date range whose start is after its end is an error, not a dropped filter", "[search]") {
  // Xapian makes such a value range an empty query, which reads as "no
  // filter": before the fix, --from 2025 --to 2024 listed every item.
  Searcher s(fixture::corpus_index());
  SearchRequest r;
  r.from = Date{2025, 1, 1};
  r.to = Date{2024, 1, 1};
  CHECK_THROWS_AS((void)s.search(r), Error);
  try {
    (void)s.search(r);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid_argument);
    CHECK(std::string(e.what()).find("2025-01-01") != std::string::npos);
  }
  CHECK_THROWS_AS((void)s.facets(r), Error);
  TrendRequest t;
  t.queries = {"strategi"};
  t.from = r.from;
  t.to = r.to;
  CHECK_THROWS_AS((void)s.trends(t), Error);
  r.to = r.from;  // one day is a range
  CHECK_NOTHROW((void)s.search(r));
}

TEST_CASE("exact totals and disjunctive multi-valued facets", "[search][facets]") {
  auto all = run("");
  CHECK(all.total == 12);
  CHECK(facet(all.facets.committee, "Økonomiudvalget") == 1);
  CHECK(facet(all.facets.committee, "Voksen- og Plejeudvalget") == 2);
  CHECK(facet(all.facets.year, "2022") == 7);
  SearchRequest r;
  r.committees = {"VPU"};
  auto filtered = run("", r);
  CHECK(filtered.total == 2);
  // The committee facet ignores its own filter: alternatives stay visible.
  CHECK(facet(filtered.facets.committee, "Sundhedsdirektørernes Forretningsudvalg") == 7);
  CHECK(facet(filtered.facets.year, "2022") == 0);
}

TEST_CASE("sorting, collapse, snippets with highlights", "[search]") {
  SearchRequest r;
  r.sort = SortOrder::date_descending;
  r.limit = 20;
  auto res = run("", r);
  for (std::size_t i = 1; i < res.hits.size(); ++i) CHECK(!(res.hits[i - 1].date < res.hits[i].date));
  r.sort = SortOrder::date_ascending;
  res = run("", r);
  for (std::size_t i = 1; i < res.hits.size(); ++i) CHECK(!(res.hits[i].date < res.hits[i - 1].date));
  r = {};
  r.collapse = Collapse::by_meeting;
  r.limit = 50;
  CHECK(run("", r).hits.size() == 5);
  auto demens = run("demens");
  REQUIRE(!demens.hits.empty());
  bool highlighted_compound = false;
  for (const auto& h : demens.hits) {
    for (const auto& [b, e] : h.snippet.highlights) {
      REQUIRE(e <= h.snippet.text.size());
      if (h.snippet.text.substr(b, e - b) == "Demensdagcenter") highlighted_compound = true;
    }
  }
  CHECK(highlighted_compound);
}

TEST_CASE("æøå retry and gated spelling suggestions", "[search]") {
  auto r = run("aeldrereform");
  CHECK(r.total >= 1);
  REQUIRE_FALSE(r.notes.empty());
  SearchRequest exact;
  exact.correct_spelling = false;
  auto s = run("sundhedsrefrom", exact);
  REQUIRE(s.suggestion);
  CHECK(*s.suggestion == "sundhedsreform");
  CHECK(s.total == 0);
  // By default a query with no hits shows the suggestion's hits, with a note.
  auto corrected = run("sundhedsrefrom");
  CHECK(corrected.total == run("sundhedsreform").total);
  CHECK(corrected.total > 0);
  REQUIRE(corrected.suggestion);
  REQUIRE_FALSE(corrected.notes.empty());
  CHECK(corrected.notes.front().find("sundhedsreform") != std::string::npos);
  CHECK_FALSE(run("ældre").suggestion);
}

TEST_CASE("malformed queries throw QueryError, never wrong results", "[search]") {
  CHECK_THROWS_AS(run("\"unbalanced"), QueryError);
  CHECK_THROWS_AS(run("(a OR b"), QueryError);
  CHECK_THROWS_AS(run("nope:x"), QueryError);
  CHECK_THROWS_AS(run("dato:2024-02-31x"), QueryError);
}

TEST_CASE("index/query parity: every token finds its document", "[search][parity]") {
  Searcher searcher(fixture::corpus_index());
  Analyzer analyzer;
  for (const auto& item : corpus_items(searcher)) {
    const std::string& id = item.hit.id;
    std::set<std::string> words;
    for (const auto& t : analyzer.analyze(item.text)) {
      if (!t.stop_word && t.type == TokenType::word && t.text.find_first_of("\"():*-") == std::string::npos) {
        words.insert(t.text);
      }
    }
    std::size_t checked = 0;
    for (const auto& w : words) {
      if (++checked > 60) break;
      SearchRequest r;
      r.query = w;
      r.cases = {};
      r.limit = 200;
      r.snippet_bytes = 0;
      r.facets = false;
      auto res = searcher.search(r);
      bool found = false;
      for (const auto& h : res.hits) found |= h.id == id;
      INFO("word '" << w << "' of " << id);
      CHECK(found);
    }
  }
}

TEST_CASE("re-indexing is idempotent; changed files replace their items; prune", "[index]") {
  std::string corpus = fixture::temp_dir("mini-corpus");
  std::string db = fixture::temp_dir("mini-index");
  std::filesystem::copy(std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt", corpus + "/a.txt");
  std::filesystem::copy(std::string(REFERAT_CORPUS_DIR) + "/004_2b0c59381b3098c7.txt", corpus + "/b.txt");
  {
    IndexWriter w(db);
    auto first = w.add_paths({corpus});
    CHECK(first.items_indexed == 8);
    auto second = w.add_paths({corpus});
    CHECK(second.files_unchanged == 2);
    CHECK(second.items_indexed == 0);
    std::ofstream(corpus + "/a.txt", std::ios::app) << "\nTilføjet efterfølgende: vindmøller.\n";
    auto third = w.add_paths({corpus});
    CHECK(third.files_indexed == 1);
    CHECK(third.items_removed == 1);
  }
  CHECK(Searcher(db).stats().items == 8);
  SearchRequest r;
  r.query = "vindmøller";
  CHECK(Searcher(db).search(r).total == 1);
  std::filesystem::remove(corpus + "/b.txt");
  {
    IndexWriter w(db);
    CHECK(w.prune() == 7);
    w.commit();
  }
  CHECK(Searcher(db).stats().items == 1);
}

TEST_CASE("files analysed under other data files are indexed again, not skipped", "[index]") {
  std::string corpus = fixture::temp_dir("reanalyse-corpus");
  std::string db = fixture::temp_dir("reanalyse-index");
  std::string data = fixture::temp_dir("reanalyse-data");
  std::filesystem::copy(std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt", corpus + "/a.txt");
  std::filesystem::copy(std::string(REFERAT_CORPUS_DIR) + "/004_2b0c59381b3098c7.txt", corpus + "/b.txt");
  { CHECK(IndexWriter(db).add_paths({corpus}).items_indexed == 8); }
  // The same files under an edited compound blocklist would give other terms.
  const IndexOptions edited = with_edited_analysis(data);
  {
    IndexWriter w(db, edited);
    auto again = w.add_paths({corpus});
    CHECK(again.files_unchanged == 0);
    CHECK(again.files_indexed == 2);
    CHECK(again.items_removed == 8);
    CHECK(w.add_paths({corpus}).files_unchanged == 2);  // and then they are unchanged
  }
  CHECK(Searcher(db).stats().items == 8);
}

TEST_CASE("a file with the same content as an indexed one is reported, not indexed twice", "[index]") {
  // Before the fix a copy of a file doubled its items: every count a
  // journalist quoted from such a folder was too high.
  const std::string original = std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt";
  std::string corpus = fixture::temp_dir("duplicate-corpus");
  std::string db = fixture::temp_dir("duplicate-index");
  auto strategi = [&] {
    SearchRequest r;
    r.query = "strategi";
    return Searcher(db).search(r);
  };
  std::filesystem::copy(original, corpus + "/z.txt");
  { CHECK(IndexWriter(db).add_paths({corpus}).files_indexed == 1); }
  // A copy that sorts first: the file indexed earlier keeps the items.
  std::filesystem::copy(original, corpus + "/a.txt");
  for (int run = 0; run < 2; ++run) {
    IndexWriter w(db);
    auto report = w.add_paths({corpus});
    CHECK(report.files_indexed == 0);
    CHECK(report.files_unchanged == 1);
    CHECK(report.files_duplicate == 1);
    REQUIRE(report.duplicates.size() == 1);
    CHECK(report.duplicates[0].path == corpus + "/a.txt");
    CHECK(report.duplicates[0].original == corpus + "/z.txt");
    CHECK(report.files_failed == 0);
  }
  CHECK(strategi().total == 1);
  // The original changes after its copy was checked in the run: the copy is
  // then indexed, so its content does not leave the index.
  std::ofstream(corpus + "/z.txt")
      << "Referat fra Økonomiudvalget den 09-01-2024\n\nPunkt 1. Vindmøller\n\nGodkendt.\n";
  {
    IndexWriter w(db);
    auto report = w.add_paths({corpus});
    CHECK(report.files_indexed == 2);
    CHECK(report.files_duplicate == 0);
    CHECK(report.duplicates.empty());
  }
  auto found = strategi();
  CHECK(found.total == 1);
  REQUIRE(found.hits.size() == 1);
  CHECK(found.hits[0].source == corpus + "/a.txt");
  // The original is deleted and pruned with no files given: its copy is
  // indexed in its place.
  std::filesystem::copy(original, corpus + "/b.txt");
  { CHECK(IndexWriter(db).add_paths({corpus}).files_duplicate == 1); }
  std::filesystem::remove(corpus + "/a.txt");
  {
    IndexWriter w(db);
    w.prune();
    w.commit();
  }
  found = strategi();
  CHECK(found.total == 1);
  REQUIRE(found.hits.size() == 1);
  CHECK(found.hits[0].source == corpus + "/b.txt");
}

TEST_CASE("a copy stays a duplicate when the analysis changes and its original is indexed again", "[index]") {
  // The copy sorts first: when it is checked, its original still holds the
  // content under the old analysis, and is indexed again later in the run.
  const std::string original = std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt";
  std::string corpus = fixture::temp_dir("duplicate-reanalyse-corpus");
  std::string db = fixture::temp_dir("duplicate-reanalyse-index");
  std::string data = fixture::temp_dir("duplicate-reanalyse-data");
  std::filesystem::copy(original, corpus + "/z.txt");
  { CHECK(IndexWriter(db).add_paths({corpus}).files_indexed == 1); }
  std::filesystem::copy(original, corpus + "/a.txt");
  { CHECK(IndexWriter(db).add_paths({corpus}).files_duplicate == 1); }
  const IndexOptions edited = with_edited_analysis(data);
  {
    IndexWriter w(db, edited);
    auto report = w.add_paths({corpus});
    CHECK(report.files_indexed == 1);
    REQUIRE(report.duplicates.size() == 1);
    CHECK(report.duplicates[0].path == corpus + "/a.txt");  // the original keeps its place
    CHECK(report.duplicates[0].original == corpus + "/z.txt");
  }
  SearchRequest r;
  r.query = "strategi";
  CHECK(Searcher(db, {}, edited.parser).search(r).total == 1);
}

TEST_CASE("a fresh sharded build reports a copy of a file as a duplicate", "[index][shards]") {
  const std::string original = std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt";
  std::string corpus = fixture::temp_dir("duplicate-shards-corpus");
  std::string db = fixture::temp_dir("duplicate-shards-index");
  std::filesystem::copy(original, corpus + "/a.txt");
  std::filesystem::copy(original, corpus + "/b.txt");
  IndexOptions options;
  options.shard_min_bytes = 0;
  options.threads = 2;
  {
    IndexWriter w(db, options);
    auto report = w.add_paths({corpus});
    CHECK(report.files_indexed == 1);
    CHECK(report.files_duplicate == 1);
  }
  SearchRequest r;
  r.query = "strategi";
  CHECK(Searcher(db).search(r).total == 1);
}

TEST_CASE("a second writer gets index_locked; readers still search", "[index]") {
  std::string db = fixture::temp_dir("locked-index");
  IndexWriter first(db);
  first.add_paths({std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt"});
  try {
    IndexWriter second(db);
    FAIL("second writer opened");
  } catch (const IndexError& e) {
    CHECK(e.kind() == ErrorKind::index_locked);
    CHECK(std::string(e.what()).find("locked by another process") != std::string::npos);
  }
  SearchRequest r;
  r.query = "strategi";
  CHECK(Searcher(db).search(r).total == 1);
}

TEST_CASE("bad files in a batch are reported, the rest goes in", "[index]") {
  std::string corpus = fixture::temp_dir("bad-batch");
  std::filesystem::copy(std::string(REFERAT_CORPUS_DIR) + "/000_ab300e39aad1bfe1.txt", corpus + "/good.txt");
  std::ofstream(corpus + "/empty.txt");
  std::ofstream(corpus + "/binary.txt", std::ios::binary) << std::string(
      "\x7f"
      "ELF\x00\x00\x00\x01",
      8);
  std::ofstream(corpus + "/broken.pdf") << "%PDF-1.4 truncated";
  std::ofstream(corpus + "/old.txt", std::ios::binary)
      << "Beslutning i \xD8konomiudvalget den 09-01-2024\n\nGodkendt.\n";
  std::ofstream(corpus + "/bad.jsonl") << "{oops\n{\"id\":\"j1\",\"title\":\"T\",\"text\":\"Demens og ældre.\"}\n";
  std::string db = fixture::temp_dir("bad-batch-index");
  IndexWriter w(db);
  auto report = w.add_paths({corpus, corpus + "/missing.txt"});
  CHECK(report.files_indexed == 3);
  CHECK(report.files_failed == 4);
  CHECK(report.items_indexed == 3);
  std::set<std::string> failed;
  for (const auto& f : report.failures) failed.insert(std::filesystem::path(f.path).filename().string());
  CHECK(failed == std::set<std::string>{"empty.txt", "binary.txt", "broken.pdf", "missing.txt"});
  bool line_reported = false;
  for (const auto& warning : report.warnings)
    line_reported |= warning.find("bad.jsonl:1: invalid JSON") != std::string::npos;
  CHECK(line_reported);
}

TEST_CASE("missing index is a clear error", "[index]") {
  try {
    Searcher s(fixture::temp_dir("nothing") + "/none");
    FAIL("opened");
  } catch (const IndexError& e) {
    CHECK(e.kind() == ErrorKind::index_missing);
  }
}

TEST_CASE("trends agree with search counts; case timeline of 23/2079", "[trends]") {
  Searcher s(fixture::corpus_index());
  TrendRequest t;
  t.by = Period::year;
  t.topics = {"sundhedsreform"};
  t.queries = {"strategi"};
  auto series = s.trends(t);
  REQUIRE(series.size() == 2);
  std::size_t total_topic = 0;
  for (const auto& p : series[0].points) total_topic += p.count;
  SearchRequest r;
  r.topics = {"sundhedsreform"};
  CHECK(total_topic == s.search(r).total);
  // Periods with no items appear as zeros.
  bool has_2023 = false;
  for (const auto& p : series[1].points) has_2023 |= p.period == "2023" && p.count == 0 && p.total == 0;
  CHECK(has_2023);
  auto events = s.case_timeline("23/2079");
  REQUIRE(events.size() == 3);
  CHECK(events[0].committee == "Voksen- og Plejeudvalget");
  CHECK(events[0].date.iso() == "2023-12-20");
  CHECK(events[0].outcome == "tiltrådt");
  CHECK(events[1].committee == "Økonomiudvalget");
  CHECK(events[1].date.iso() == "2024-01-09");
  CHECK(events[2].committee == "Kommunalbestyrelsen");
  CHECK(events[2].date.iso() == "2024-01-16");
  CHECK(events[2].outcome == "godkendt");
}

TEST_CASE("an index of another format is refused, not misread", "[index]") {
  std::string db = fixture::temp_dir("old-format");
  {
    IndexWriter w(db);
    w.add_paths({std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt"});
  }
  // "": as written before formats were versioned. "5": lemma terms beside
  // every surface term, which format 6's lemma queries would count twice.
  for (const std::string format : {"", "5"}) {
    {
      Xapian::WritableDatabase raw(db);
      raw.set_metadata("referat:format", format);
      raw.commit();
    }
    for (int reader = 0; reader < 2; ++reader) {
      INFO("format '" << format << "', " << (reader ? "searcher" : "writer"));
      try {
        if (reader)
          Searcher s(db);
        else
          IndexWriter w(db);
        FAIL("opened");
      } catch (const IndexError& e) {
        CHECK(e.kind() == ErrorKind::index_corrupt);
        CHECK(std::string(e.what()).find("index format " + (format.empty() ? "1" : format)) != std::string::npos);
        CHECK(std::string(e.what()).find("index again") != std::string::npos);
      }
    }
  }
}

TEST_CASE("a format-6 index is read and updated; its text stored as it was still shows", "[index]") {
  // Format 7 stores texts in zstd frames; a format-6 record holds its text
  // as it is. Both kinds read, in one index.
  const std::string db =
      jsonl_index("format-six", "{\"id\":\"new\",\"title\":\"Ny\",\"text\":\"" + std::string(400, 'a') +
                                    " budgettet\",\"date\":\"2024-01-01\"}\n");
  {
    Xapian::WritableDatabase raw(db);
    Xapian::Document doc;
    doc.set_data(
        "{\"id\":\"old\",\"title\":\"Gammel\",\"dec\":[],\"att\":[],\"ranges\":[],\"v\":2}\n"
        "Den gamle tekst om budgettet.");
    doc.add_boolean_term("Qold");
    raw.add_document(doc);
    raw.set_metadata("referat:format", "6");
    raw.commit();
  }
  Searcher searcher(db);
  REQUIRE(searcher.item("old"));
  CHECK(searcher.item("old")->text == "Den gamle tekst om budgettet.");
  CHECK(searcher.item("new")->text.substr(400) == " budgettet");
  IndexWriter w(db);  // opens a format-6 index and marks it 7
  w.commit();
  CHECK(Xapian::Database(db).get_metadata("referat:format") == "7");
}

TEST_CASE("a format-8 index (texts in the records) is read, and updated as format 9", "[index]") {
  // Format 9 keeps an item's text in a value; a record of format 8 keeps it
  // after its JSON line. Both kinds read, in one index.
  std::string text;
  while (text.size() < 40000) text += "Udvalget drøftede budgettet. ";
  const std::string db = jsonl_index(
      "format-eight", "{\"id\":\"old\",\"title\":\"Gammel\",\"text\":\"" + text + "\",\"date\":\"2024-01-01\"}\n");
  {
    Xapian::WritableDatabase raw(db);
    REQUIRE(raw.get_metadata("referat:format") == "9");
    const Xapian::docid id = *raw.postlist_begin("Qold");
    Xapian::Document doc = raw.get_document(id);
    REQUIRE(!doc.get_value(schema::slot_text).empty());
    // Written again the way format 8 wrote it: the text in the record.
    std::string data = doc.get_data();
    data.replace(data.find("\"tv\":1,"), 7, "");
    doc.set_data(data + doc.get_value(schema::slot_text));
    doc.remove_value(schema::slot_text);
    raw.replace_document(id, doc);
    raw.set_metadata("referat:format", "8");
    raw.commit();
  }
  auto check_old = [&](Searcher& searcher) {
    CHECK(searcher.item("old")->text == text);
    SearchRequest r;
    r.query = "budgettet";
    for (const Hit& hit : searcher.search(r).hits) {
      if (hit.id != "old") continue;
      CHECK(hit.snippet.text.find("budgettet") != std::string::npos);
      return;
    }
    FAIL("the format-8 item is not found");
  };
  {
    Searcher searcher(db);
    CHECK(searcher.stats().format == "8");
    check_old(searcher);
  }
  const std::string more = fixture::temp_dir("format-eight-more") + "/more.jsonl";
  std::ofstream(more) << "{\"id\":\"new\",\"title\":\"Ny\",\"text\":\"" + text +
                             " Reformen.\",\"date\":\"2024-02-01\"}\n";
  IndexWriter(db).add_paths({more});
  Xapian::Database raw(db);
  CHECK(raw.get_metadata("referat:format") == "9");
  CHECK(!raw.get_document(*raw.postlist_begin("Qnew")).get_value(schema::slot_text).empty());
  Searcher searcher(db);
  check_old(searcher);
  CHECK(searcher.item("new")->text == text + " Reformen.");
  CHECK(hit_ids(searcher, "reform") == std::set<std::string>{"new"});  // forms listed, as in format 8
}

TEST_CASE("a snippet deep in a long item reads the text around it", "[search][snippets]") {
  // The text is stored in frames of 16 KiB; the match sits in the fourth.
  std::string text;
  while (text.size() < 50000) text += "Udvalget drøftede sagen igen. ";
  text += "Zebrafinker i parken. ";
  while (text.size() < 70000) text += "Udvalget drøftede sagen igen. ";
  Searcher searcher(jsonl_index(
      "deep-snippet", "{\"id\":\"long\",\"title\":\"Langt\",\"text\":\"" + text + "\",\"date\":\"2024-01-01\"}\n"));
  SearchRequest r;
  r.query = "zebrafinker";
  const auto result = searcher.search(r);
  REQUIRE(result.total == 1);
  const Snippet& snippet = result.hits[0].snippet;
  REQUIRE(snippet.highlights.size() == 1);
  const auto [b, e] = snippet.highlights[0];
  CHECK(snippet.text.substr(b, e - b) == "Zebrafinker");
  CHECK(snippet.text.find('\0') == std::string::npos);
  CHECK(searcher.item("long")->text == text);
}

TEST_CASE("a compound query also finds its parts near each other, ranked below the compound", "[search]") {
  std::string dir = fixture::temp_dir("compound-parts");
  std::ofstream(dir + "/items.jsonl")
      << "{\"id\":\"whole\",\"title\":\"Status\",\"text\":\"Sundhedsreformen blev drøftet.\",\"date\":\"2024-01-01\"}\n"
         "{\"id\":\"parts\",\"title\":\"Status\",\"text\":\"Reformen af sundhedsvæsenet blev drøftet.\","
         "\"date\":\"2024-01-01\"}\n"
         "{\"id\":\"far\",\"title\":\"Status\",\"text\":\"Reformen blev drøftet. "
      << std::string(200, 'x')
      << " ord ord ord ord ord ord ord ord ord ord Sundhed nævnes til sidst.\","
         "\"date\":\"2024-01-01\"}\n"
         // Both ways: found through the whole word, and counted once.
         "{\"id\":\"both\",\"title\":\"Status\",\"text\":\"Sundhedsreformen og reformen af sundhedsvæsenet.\","
         "\"date\":\"2024-01-01\"}\n";
  IndexWriter(dir + "/idx").add_paths({dir + "/items.jsonl"});
  SearchRequest r;
  r.query = "sundhedsreform";
  auto result = Searcher(dir + "/idx").search(r);
  REQUIRE(result.total == 3);
  REQUIRE(result.hits.size() == 3);
  CHECK(std::set<std::string>{result.hits[0].id, result.hits[1].id} == std::set<std::string>{"whole", "both"});
  CHECK(result.hits[2].id == "parts");
  if (result.hits[0].id == "both") std::swap(result.hits[0], result.hits[1]);
  // Parts are highlighted only where the item was found through them.
  auto highlighted = [](const Hit& h) {
    std::vector<std::string> words;
    for (const auto& [b, e] : h.snippet.highlights) words.push_back(h.snippet.text.substr(b, e - b));
    return words;
  };
  CHECK(highlighted(result.hits[0]) == std::vector<std::string>{"Sundhedsreformen"});
  CHECK(highlighted(result.hits[1]).front() == "Sundhedsreformen");
  CHECK(highlighted(result.hits[2]) == std::vector<std::string>{"Reformen", "sundhedsvæsenet"});
}

TEST_CASE("place-name variants find each other in documents and queries", "[search]") {
  Searcher searcher(
      jsonl_index("place-names",
                  "{\"id\":\"kbh\",\"title\":\"Trafik\",\"text\":\"Metroen i Kbh. udvides.\",\"date\":\"2024-01-01\"}\n"
                  "{\"id\":\"kobenhavn\",\"title\":\"Trafik\",\"text\":\"Københavns havn.\",\"date\":\"2024-01-01\"}\n"
                  "{\"id\":\"aarhus\",\"title\":\"Kultur\",\"text\":\"Aarhus Kommune.\",\"date\":\"2024-01-01\"}\n"
                  "{\"id\":\"arhus\",\"title\":\"Kultur\",\"text\":\"Århus Amt.\",\"date\":\"2024-01-01\"}\n"));
  auto ids = [&](const std::string& q) { return hit_ids(searcher, q); };
  const std::set<std::string> copenhagen{"kbh", "kobenhavn"}, aarhus{"aarhus", "arhus"};
  CHECK(ids("København") == copenhagen);
  CHECK(ids("kbh") == copenhagen);
  CHECK(ids("Aarhus") == aarhus);
  CHECK(ids("Århus") == aarhus);
  CHECK(ids("\"Aarhus Kommune\"") == std::set<std::string>{"aarhus"});  // phrases stay exact
}

TEST_CASE("stop words between content words are not required; alone they are searched", "[search]") {
  Searcher searcher(jsonl_index(
      "stop-words",
      "{\"id\":\"with\",\"title\":\"Sanktioner\",\"text\":\"Sanktioner mod Rusland.\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"without\",\"title\":\"Sanktioner\",\"text\":\"Nye sanktioner over for Rusland.\","
      "\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"other\",\"title\":\"Budget\",\"text\":\"Budgettet blev vedtaget.\",\"date\":\"2024-01-01\"}\n"));
  auto ids = [&](const std::string& q) { return hit_ids(searcher, q); };
  CHECK(ids("sanktioner mod Rusland") == std::set<std::string>{"with", "without"});
  CHECK(ids("mod") == std::set<std::string>{"with"});  // a stop word alone is still found
  CHECK(ids("\"sanktioner mod Rusland\"") == std::set<std::string>{"with"});
}

TEST_CASE("index/query parity: a lemma is left to the surface term exactly where queries look there", "[parity]") {
  // The index drops a token's lemma term where the token is in its
  // dictionary form; queries look in the surface term where
  // surface_holds_lemma() says so. The flag depends on the word alone, so
  // the two must agree on every token of corpus/.
  Searcher searcher(fixture::corpus_index());
  Analyzer analyzer;
  std::map<std::string, bool> holds;  // per surface form
  std::size_t tokens = 0, as_written = 0;
  for (const auto& item : corpus_items(searcher)) {
    for (const auto& t : analyzer.analyze(item.hit.title + "\n" + item.text)) {
      ++tokens;
      const bool has_own_lemma = std::any_of(t.terms.begin(), t.terms.end(), [&](const Term& term) {
        return term.kind == TermKind::lemma && term.text == t.text;
      });
      as_written += t.dictionary_form;
      auto [it, fresh] = holds.try_emplace(t.text, false);
      if (fresh) it->second = query::surface_holds_lemma(analyzer, t.text);
      INFO("token '" << t.text << "' of " << item.hit.id);
      CHECK(t.dictionary_form == it->second);
      if (t.dictionary_form) CHECK(has_own_lemma);
    }
  }
  CHECK(tokens > 3000);
  CHECK(as_written > tokens / 10);  // the rule matters: many words are written in their dictionary form
}

TEST_CASE("NEAR and compound parts find words written in their dictionary form", "[search]") {
  // Such positions are under the surface term only (schema::format_version).
  Searcher searcher(
      jsonl_index("dictionary-form",
                  "{\"id\":\"base\",\"title\":\"Status\",\"text\":\"En reform af sundhed i "
                  "kommunen.\",\"date\":\"2024-01-01\"}\n"
                  "{\"id\":\"near\",\"title\":\"Status\",\"text\":\"Energi og priser.\",\"date\":\"2024-01-01\"}\n"));
  SearchRequest r;
  r.query = "sundhedsreform";
  auto parts = searcher.search(r);
  REQUIRE(parts.total == 1);
  CHECK(parts.hits[0].id == "base");
  CHECK(parts.hits[0].snippet.highlights.size() == 2);
  r.query = "energi NEAR priser";
  auto near = searcher.search(r);
  REQUIRE(near.total == 1);
  CHECK(near.hits[0].id == "near");
  CHECK(near.hits[0].snippet.highlights.size() == 2);
}

TEST_CASE("a surface form stands for a lemma only where the word written so has that lemma", "[search]") {
  // "haft" has the lemma "have"; the word "have" is a stop word with no
  // lemma term. Before format 6 NEAR matched, and snippets highlighted, the
  // surface "have" as if it were the lemma.
  Searcher searcher(jsonl_index("surface-not-lemma",
                                "{\"id\":\"have\",\"title\":\"Status\",\"text\":\"Vi skal have et "
                                "budget.\",\"date\":\"2024-01-01\"}\n"
                                "{\"id\":\"haft\",\"title\":\"Status\",\"text\":\"Vi har haft et "
                                "budget.\",\"date\":\"2024-01-01\"}\n"
                                "{\"id\":\"both\",\"title\":\"Status\",\"text\":\"Vi skal have et budget, "
                                "som vi har haft før.\",\"date\":\"2024-01-01\"}\n"));
  CHECK(hit_ids(searcher, "haft NEAR budget") == std::set<std::string>{"haft", "both"});
  CHECK(hit_ids(searcher, "haft") == std::set<std::string>{"haft", "both"});
  SearchRequest r;
  r.query = "haft";
  for (const auto& hit : searcher.search(r).hits) {
    INFO(hit.id << ": " << hit.snippet.text);
    REQUIRE(hit.snippet.highlights.size() == 1);
    const auto [begin, end] = hit.snippet.highlights[0];
    CHECK(hit.snippet.text.substr(begin, end - begin) == "haft");
  }
}

TEST_CASE("a word in its dictionary form and its inflections count as one lemma", "[search]") {
  // Format 6 keeps "reform" written so under its surface term only; a lemma
  // query adds both terms' counts (OP_SYNONYM), so an item saying "reform"
  // twice outranks one saying it once in the same length, as before.
  Searcher searcher(jsonl_index("synonym-wdf",
                                "{\"id\":\"once\",\"title\":\"Status\",\"text\":\"En reform af "
                                "skolen blev drøftet i dag.\",\"date\":\"2024-01-01\"}\n"
                                "{\"id\":\"mixed\",\"title\":\"Status\",\"text\":\"En reform og "
                                "reformen blev drøftet.\",\"date\":\"2024-01-01\"}\n"
                                "{\"id\":\"inflected\",\"title\":\"Status\",\"text\":\"Reformerne "
                                "af skolen blev drøftet i dag.\",\"date\":\"2024-01-01\"}\n"));
  SearchRequest r;
  r.query = "reformer";
  const auto result = searcher.search(r);
  REQUIRE(result.total == 3);
  CHECK(result.hits[0].id == "mixed");
  for (const auto& hit : result.hits) {
    INFO(hit.id << ": " << hit.snippet.text);
    CHECK(hit.snippet.highlights.size() == (hit.id == "mixed" ? 2u : 1u));
  }
}

TEST_CASE("a name is not found by the common words hunspell would split it into", "[search]") {
  Searcher searcher(jsonl_index("names",
                                "{\"id\":\"danmark\",\"title\":\"Status\",\"text\":\"Danmarks regering "
                                "og København.\",\"date\":\"2024-01-01\"}\n"
                                "{\"id\":\"mark\",\"title\":\"Status\",\"text\":\"Marken blev "
                                "pløjet, og de ville danne et udvalg om havnen.\",\"date\":\"2024-01-01\"}\n"));
  CHECK(hit_ids(searcher, "mark") == std::set<std::string>{"mark"});
  CHECK(hit_ids(searcher, "danne") == std::set<std::string>{"mark"});
  CHECK(hit_ids(searcher, "havn") == std::set<std::string>{"mark"});
  CHECK(hit_ids(searcher, "Danmark") == std::set<std::string>{"danmark"});
  CHECK(hit_ids(searcher, "Københavns") == std::set<std::string>{"danmark"});
}

TEST_CASE("an inflection ending is not a compound part to search for", "[search]") {
  Searcher searcher(jsonl_index("doubled",
                                "{\"id\":\"proces\",\"title\":\"Status\",\"text\":\"Forhandlingsprocessen "
                                "og flyvekontrollen.\",\"date\":\"2024-01-01\"}\n"
                                "{\"id\":\"sen\",\"title\":\"Status\",\"text\":\"En sen aften med "
                                "lange taler.\",\"date\":\"2024-01-01\"}\n"));
  CHECK(hit_ids(searcher, "sen") == std::set<std::string>{"sen"});
  CHECK(hit_ids(searcher, "len").empty());
  CHECK(hit_ids(searcher, "proces") == std::set<std::string>{"proces"});
  CHECK(hit_ids(searcher, "kontrol") == std::set<std::string>{"proces"});
}

TEST_CASE("a lemma that only an elliptical expansion gives a word is found", "[search]") {
  // "befal- og kontroller-metode": "befal" gets the lemma "befal" (of
  // "befaller") only from the expansion; alone it is not in its dictionary
  // form, so queries look for the lemma in its Z term alone, which must be
  // there.
  Searcher searcher(jsonl_index("expansion-lemma",
                                "{\"id\":\"a\",\"title\":\"Status\",\"text\":\"Den traditionelle befal- og "
                                "kontroller-metode.\",\"date\":\"2024-01-01\"}\n"));
  CHECK(hit_ids(searcher, "befaller") == std::set<std::string>{"a"});
  CHECK(hit_ids(searcher, "befaller NEAR traditionel") == std::set<std::string>{"a"});
}

TEST_CASE("a lemma written only inflected is found through the index's forms (format 8)", "[search][forms]") {
  // Format 8 gives "reformen" no Zreform posting: the index lists the form
  // under the lemma instead. Every path that looks for a lemma must look
  // there: words, NEAR, a compound's parts written apart, highlights,
  // suggestions; in a single database, in merged shards, and in an update.
  const std::string jsonl =
      "{\"id\":\"a\",\"title\":\"Status\",\"text\":\"Reformen blev vedtaget i går.\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"b\",\"title\":\"Status\",\"text\":\"Om reformen af sundhedsvæsenet.\",\"date\":\"2024-01-02\"}\n"
      "{\"id\":\"c\",\"title\":\"Status\",\"text\":\"Skolerne lukkes.\",\"date\":\"2024-01-03\"}\n"
      "{\"id\":\"d\",\"title\":\"Status\",\"text\":\"En ny reform.\",\"date\":\"2024-01-04\"}\n";
  IndexOptions sharded;
  sharded.threads = 2;
  sharded.shard_min_bytes = 0;  // a fresh build in two shards, merged
  for (const auto store : {PositionStore::compact, PositionStore::xapian}) {
    for (const bool shards : {false, true}) {
      INFO(position_store_name(store) << (shards ? ", shards" : ", one database"));
      IndexOptions options = shards ? sharded : IndexOptions{};
      options.positions = store;
      const std::string db = jsonl_index("forms", jsonl, options);
      CHECK(Xapian::Database(db).get_termfreq("Zreform") == 0);  // no lemma postings to invert
      Searcher searcher(db);
      CHECK(searcher.stats().format == "9");
      CHECK(hit_ids(searcher, "reform") == std::set<std::string>{"a", "b", "d"});
      CHECK(hit_ids(searcher, "reformer") == std::set<std::string>{"a", "b", "d"});
      CHECK(hit_ids(searcher, "skole") == std::set<std::string>{"c"});
      CHECK(hit_ids(searcher, "lukke") == std::set<std::string>{"c"});
      CHECK(hit_ids(searcher, "reform NEAR vedtage") == std::set<std::string>{"a"});
      CHECK(hit_ids(searcher, "sundhedsreform") == std::set<std::string>{"b"});  // parts written apart
      CHECK(hit_ids(searcher, "\"reformen\"") == std::set<std::string>{"a", "b"});
      CHECK(hit_ids(searcher, "\"reform\"") == std::set<std::string>{"d"});
      SearchRequest r;
      r.query = "reform";
      r.sort = SortOrder::date_ascending;
      const SearchResult result = searcher.search(r);
      REQUIRE(result.hits.size() == 3);
      const Snippet& snippet = result.hits[0].snippet;
      REQUIRE(snippet.highlights.size() == 1);
      CHECK(snippet.text.substr(snippet.highlights[0].first,
                                snippet.highlights[0].second - snippet.highlights[0].first) == "Reformen");
      CHECK_FALSE(result.suggestion);
      r.query = "skole";  // only "skolerne" is written: no suggestion either
      CHECK_FALSE(searcher.search(r).suggestion);
    }
  }
  // An update (no shards) writes each item's forms with it.
  const std::string db = jsonl_index("forms-update", jsonl);
  const std::string more = fixture::temp_dir("forms-update-more") + "/more.jsonl";
  std::ofstream(more)
      << "{\"id\":\"e\",\"title\":\"Status\",\"text\":\"Budgetterne holdt.\",\"date\":\"2024-02-01\"}\n";
  IndexWriter(db).add_paths({more});
  Searcher searcher(db);
  CHECK(hit_ids(searcher, "budget") == std::set<std::string>{"e"});
  CHECK(hit_ids(searcher, "reform") == std::set<std::string>{"a", "b", "d"});
}

TEST_CASE("an item Xapian commits by itself is committed with its lemma forms", "[index][forms]") {
  // Xapian commits on its own every XAPIAN_FLUSH_THRESHOLD changed documents
  // (10,000 by default), between referat's commits. A reader (or a kill -9)
  // at that moment must find the item by its lemmas: its forms must already
  // be in the database when the item goes in. Threshold 1: every item.
  const std::string db = fixture::temp_dir("forms-autoflush") + "/idx";
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "1", 1);
  IndexWriter writer(db);
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  ParsedFile file;
  file.source = "reform.txt";
  AgendaItem item;
  item.title = "Status";
  item.sections.push_back({SectionKind::sagsfremstilling, "Sagsfremstilling", "Reformen blev vedtaget."});
  file.items.push_back(item);
  writer.add_parsed(file);
  Searcher searcher(db);  // sees what Xapian committed, before writer.commit()
  SearchRequest r;
  r.query = "\"reformen\"";                // the exact form: its surface posting
  REQUIRE(searcher.search(r).total == 1);  // the item is in
  r.query = "reform";
  CHECK(searcher.search(r).total == 1);
}

TEST_CASE("a compound's parts written apart in many forms rank below the compound itself", "[search][forms]") {
  // The parts clause weighed each alternative term of a part by itself: with
  // the forms of format 8 (familier, familien, familiernes, …) an item saying
  // "familier med børn" in many forms outranked the items about
  // børnefamilier (Folketinget's nDCG@10 fell from 0.77 to 0.72). A part's
  // alternatives weigh as one term, as a word's do.
  std::string jsonl =
      "{\"id\":\"whole\",\"title\":\"Status\",\"text\":\"Støtte til børnefamilier i år.\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"apart\",\"title\":\"Status\",\"text\":\"Familier med børn. Familien og børnene. Familiernes børns "
      "vilkår. Familiers børne-tal. Familierne og børnenes skole.\",\"date\":\"2024-01-01\"}\n";
  for (int i = 0; i < 10; ++i)
    jsonl += "{\"id\":\"other" + std::to_string(i) +
             "\",\"title\":\"Status\",\"text\":\"Vejen og skolen.\",\"date\":\"2024-01-01\"}\n";
  for (auto store : {PositionStore::compact, PositionStore::xapian}) {
    INFO(position_store_name(store));
    IndexOptions options;
    options.positions = store;
    Searcher searcher(jsonl_index("parts-weight", jsonl, options));
    SearchRequest r;
    r.query = "børnefamilier";
    const auto result = searcher.search(r);
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].id == "whole");
  }
}

TEST_CASE("a format-7 index is updated in its own layout: lemma postings, no forms", "[index][forms]") {
  // Its items hold every lemma in Z terms; items written format 8's way into
  // it would count a lemma twice where the forms and Z terms meet.
  const std::string db = jsonl_index(
      "format-seven", "{\"id\":\"a\",\"title\":\"Status\",\"text\":\"Om reformen.\",\"date\":\"2024-01-01\"}\n");
  {
    Xapian::WritableDatabase raw(db);
    raw.set_metadata("referat:format", "7");
    raw.commit();
  }
  const std::string more = fixture::temp_dir("format-seven-more") + "/more.jsonl";
  std::ofstream(more)
      << "{\"id\":\"e\",\"title\":\"Status\",\"text\":\"Budgetterne holdt.\",\"date\":\"2024-02-01\"}\n";
  IndexWriter(db).add_paths({more});
  Xapian::Database raw(db);
  CHECK(raw.get_metadata("referat:format") == "7");
  CHECK(Searcher(db).stats().format == "7");
  CHECK(raw.get_termfreq("Zbudget") == 1);
  CHECK(raw.synonyms_begin("Zbudget") == raw.synonyms_end("Zbudget"));
  CHECK(raw.get_document(*raw.postlist_begin("Qe")).get_value(schema::slot_text).empty());  // text in the record
  Searcher searcher(db);
  CHECK(hit_ids(searcher, "budget") == std::set<std::string>{"e"});
  CHECK(hit_ids(searcher, "reform") == std::set<std::string>{"a"});
}

TEST_CASE("a positional clause leaves out the items holding an `unless` term, in both stores", "[search][positions]") {
  const std::string jsonl =
      "{\"id\":\"near\",\"title\":\"Møde\",\"text\":\"alfa beta\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"near-gamma\",\"title\":\"Møde\",\"text\":\"alfa beta gamma\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"gamma-near\",\"title\":\"Møde\",\"text\":\"gamma beta alfa\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"far\",\"title\":\"Møde\",\"text\":\"alfa x x x x x x x x x x x x beta\",\"date\":\"2024-01-01\"}\n"
      "{\"id\":\"kappa\",\"title\":\"Møde\",\"text\":\"kappa alfa beta\",\"date\":\"2024-01-01\"}\n";
  for (auto store : {PositionStore::compact, PositionStore::xapian}) {
    INFO(position_store_name(store));
    IndexOptions options;
    options.positions = store;
    Xapian::Database db(jsonl_index(std::string("unless-") + position_store_name(store), jsonl, options));
    auto ids = [&](const search::PositionConstraint& c) {
      Xapian::Enquire enquire(db);
      enquire.set_query(search::positional_query(c, store));
      std::set<std::string> out;
      const Xapian::MSet mset = enquire.get_mset(0, 100);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::TermIterator t = it.get_document().termlist_begin();
        t.skip_to(std::string(schema::id));
        out.insert((*t).substr(schema::id.size()));
      }
      return out;
    };
    search::PositionConstraint near;
    near.words = {{"alfa"}, {"beta"}};
    near.window = 3;
    CHECK(ids(near) == std::set<std::string>{"near", "near-gamma", "gamma-near", "kappa"});
    near.unless = {"gamma", "absent"};
    CHECK(ids(near) == std::set<std::string>{"near", "kappa"});
    near.unless = {"gamma", "kappa"};
    CHECK(ids(near) == std::set<std::string>{"near"});
    search::PositionConstraint phrase;
    phrase.words = {{"alfa"}, {"beta"}};
    phrase.phrase = true;
    phrase.unless = {"kappa"};
    CHECK(ids(phrase) == std::set<std::string>{"near", "near-gamma"});
    search::PositionConstraint one;  // one word: nothing to place, still left out
    one.words = {{"beta"}};
    one.unless = {"alfa"};
    CHECK(ids(one).empty());
  }
}

TEST_CASE("phrases and NEAR agree with a brute-force check of every item", "[search][positions][threads]") {
  // Random items over a few words, so that many hold the words of a query
  // but only some in the right places; one long item exercises the skip
  // table of the position values (over 32 distinct terms).
  const std::vector<std::string> vocabulary{"alfa", "beta", "gamma", "delta", "kappa"};
  std::mt19937 rng(3);
  std::vector<std::vector<std::string>> items;
  std::string jsonl;
  for (int i = 0; i < 80; ++i) {
    std::vector<std::string> words(4 + rng() % 40);
    for (auto& w : words) w = vocabulary[rng() % vocabulary.size()];
    if (i == 0) {
      for (int k = 0; k < 300; ++k)
        words.push_back(k % 7 == 0 ? vocabulary[rng() % 5]
                                   : "ord" + std::string(1, 'a' + k % 26) + std::string(1, 'a' + k / 26));
    }
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    jsonl += "{\"id\":\"i" + std::to_string(i) + "\",\"title\":\"Møde\",\"text\":\"" + text +
             "\",\"date\":\"2024-01-01\"}\n";
    items.push_back(words);
  }
  // The compact store's filter checks long runs of candidates on two
  // threads (set_threads(2)), or all on the calling one.
  for (auto [store, threads] : {std::pair{PositionStore::compact, 1u}, std::pair{PositionStore::compact, 2u},
                                std::pair{PositionStore::xapian, 1u}}) {
    INFO(position_store_name(store) << ", " << threads << " thread(s)");
    IndexOptions options;
    options.positions = store;
    Searcher searcher(
        jsonl_index(std::string("positions-") + position_store_name(store) + std::to_string(threads), jsonl, options));
    searcher.set_threads(threads);
    auto search_ids = [&](const std::string& q) {
      SearchRequest r;
      r.query = q;
      r.limit = 1000;
      auto result = searcher.search(r);
      std::set<std::string> out;
      for (const auto& h : result.hits) out.insert(h.id);
      CHECK(result.total == out.size());
      return out;
    };
    auto expected_ids = [&](auto&& holds) {
      std::set<std::string> out;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (holds(items[i])) out.insert("i" + std::to_string(i));
      }
      return out;
    };
    std::size_t some_match = 0;
    for (const auto& a : vocabulary) {
      for (const auto& b : vocabulary) {
        const auto phrase = expected_ids([&](const std::vector<std::string>& w) {
          for (std::size_t i = 0; i + 1 < w.size(); ++i) {
            if (w[i] == a && w[i + 1] == b) return true;
          }
          return false;
        });
        CHECK(search_ids("\"" + a + " " + b + "\"") == phrase);
        if (a == b) continue;
        const auto near = expected_ids([&](const std::vector<std::string>& w) {
          for (std::size_t i = 0; i < w.size(); ++i) {
            for (std::size_t j = 0; j < w.size(); ++j) {
              if (w[i] == a && w[j] == b && (i > j ? i - j : j - i) < 10) return true;
            }
          }
          return false;
        });
        CHECK(search_ids(a + " NEAR " + b) == near);
        // NEAR/N: at most N other words between them, in either order.
        for (std::size_t gap : {0u, 2u}) {
          const auto near_gap = expected_ids([&](const std::vector<std::string>& w) {
            for (std::size_t i = 0; i < w.size(); ++i) {
              for (std::size_t j = 0; j < w.size(); ++j) {
                if (w[i] == a && w[j] == b && (i > j ? i - j : j - i) <= gap + 1) return true;
              }
            }
            return false;
          });
          CHECK(search_ids(a + " NEAR/" + std::to_string(gap) + " " + b) == near_gap);
        }
        // Inside OR and NOT, where the filter is moved by skip_to and check.
        CHECK(search_ids("kappa OR \"" + a + " " + b + "\"").size() >= phrase.size());
        auto without = expected_ids(
            [&](const std::vector<std::string>& w) { return std::find(w.begin(), w.end(), "kappa") != w.end(); });
        for (const auto& id : phrase) without.erase(id);
        CHECK(search_ids("kappa -\"" + a + " " + b + "\"") == without);
        some_match += !phrase.empty() && phrase.size() < items.size();
      }
    }
    CHECK(some_match > 10);  // the queries discriminate
    // Three words, and words from the long item.
    const auto three = expected_ids([&](const std::vector<std::string>& w) {
      for (std::size_t i = 0; i + 2 < w.size(); ++i) {
        if (w[i] == "alfa" && w[i + 1] == "beta" && w[i + 2] == "gamma") return true;
      }
      return false;
    });
    CHECK(search_ids("\"alfa beta gamma\"") == three);
    CHECK(search_ids("\"ordba ordca\"") == std::set<std::string>{"i0"});
    CHECK(search_ids("\"ordca ordba\"").empty());
  }
}

TEST_CASE("a search reads positions at its own revision while a writer commits", "[search][positions][threads]") {
  // The second reader opens the index when first needed, after this commit:
  // its document ids would mean other items, so the searcher must not use it.
  std::string jsonl;
  for (int i = 0; i < 60; ++i)
    jsonl += "{\"id\":\"a" + std::to_string(i) + "\",\"title\":\"Møde\",\"text\":\"" +
             (i % 3 ? "alfa beta" : "beta alfa") + " gamma\",\"date\":\"2024-01-01\"}\n";
  const std::string db = jsonl_index("revisions", jsonl);
  Searcher searcher(db);
  searcher.set_threads(2);
  SearchRequest r;
  r.query = "\"alfa beta\"";
  r.limit = 100;
  {
    // Every item again, the phrase now in the other order: same ids and
    // document numbers, other positions.
    std::string swapped = jsonl;
    for (std::size_t at = 0; (at = swapped.find("alfa beta", at)) != std::string::npos; at += 9)
      swapped.replace(at, 9, "beta XXXX");
    for (std::size_t at = 0; (at = swapped.find("beta alfa", at)) != std::string::npos; at += 9)
      swapped.replace(at, 9, "alfa beta");
    const std::string items = std::filesystem::path(db).parent_path().string() + "/items.jsonl";
    std::ofstream(items) << swapped;
    IndexWriter w(db);
    REQUIRE(w.add_paths({items}).files_indexed == 1);
    w.commit();
  }
  CHECK(searcher.search(r).total == 40);  // the revision it opened
  searcher.reopen();
  CHECK(searcher.search(r).total == 20);
}

TEST_CASE("facet counts over thousands of matches agree on one and two threads", "[search][threads]") {
  // Over 2,000 matches are counted on two threads (each half the documents);
  // items hold one or two committees, so the parts of a value are summed.
  const std::vector<std::string> committees{"Økonomiudvalget", "Kommunalbestyrelsen", "Børne- og Ungeudvalget",
                                            "Teknik- og Miljøudvalget"};
  std::map<std::string, std::size_t> expected_committees, expected_years;
  std::string jsonl;
  for (int i = 0; i < 2600; ++i) {
    const std::string year = std::to_string(2019 + i % 6);
    std::string list = "\"" + committees[i % 4] + "\"";
    ++expected_committees[committees[i % 4]];
    if (i % 7 == 0) {
      list += ",\"" + committees[(i + 1) % 4] + "\"";
      ++expected_committees[committees[(i + 1) % 4]];
    }
    ++expected_years[year];
    jsonl += "{\"id\":\"f" + std::to_string(i) + "\",\"title\":\"Budget\",\"text\":\"Budgettet for året.\"," +
             "\"committees\":[" + list + "],\"date\":\"" + year + "-03-01\"}\n";
  }
  Searcher searcher(jsonl_index("many-facets", jsonl));
  auto as_map = [](const std::vector<FacetValue>& values) {
    std::map<std::string, std::size_t> out;
    for (const auto& v : values) out[v.value] = v.count;
    return out;
  };
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " thread(s)");
    searcher.set_threads(threads);
    SearchRequest r;
    r.query = "budget";
    auto result = searcher.search(r);
    CHECK(result.total == 2600);
    CHECK(as_map(result.facets.committee) == expected_committees);
    CHECK(as_map(result.facets.year) == expected_years);
    // Disjunctive: the committee facet ignores the committee filter.
    r.committees = {"Byrådet"};  // an alias of Kommunalbestyrelsen
    auto filtered = searcher.search(r);
    CHECK(filtered.total == expected_committees["Kommunalbestyrelsen"]);
    CHECK(as_map(filtered.facets.committee) == expected_committees);
    TrendRequest t;
    t.queries = {"budget"};
    t.by = Period::year;
    auto series = searcher.trends(t);
    REQUIRE(series.size() == 1);
    std::map<std::string, std::size_t> per_year;
    for (const auto& p : series[0].points) per_year[p.period] = p.count;
    CHECK(per_year == expected_years);
  }
}

TEST_CASE("facet counts from memory agree with counts from the value streams", "[search][facets]") {
  // A FacetCounter reads the slots' streams until it has read as many values
  // as the index holds, then reads the slots whole and counts from memory.
  std::string jsonl;
  const std::vector<std::string> committees{"Økonomiudvalget", "Kommunalbestyrelsen", "Teknik- og Miljøudvalget"};
  for (int i = 0; i < 300; ++i) {
    std::string list = "\"" + committees[i % 3] + "\"";
    if (i % 5 == 0) list += ",\"" + committees[(i + 1) % 3] + "\"";
    jsonl += "{\"id\":\"m" + std::to_string(i) + "\",\"title\":\"Budget\",\"text\":\"" +
             (i % 2 ? "Budgettet for året." : "Skolen og budgettet.") + "\",\"committees\":[" + list + "],\"date\":\"" +
             std::to_string(2019 + i % 4) + "-0" + std::to_string(1 + i % 9) + "-15\"}\n";
  }
  const Xapian::Database db(jsonl_index("facet-memory", jsonl));
  const std::vector<Xapian::valueno> slots{schema::slot_committees, schema::slot_year, schema::slot_date};
  std::vector<Xapian::docid> every, odd;
  for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
    every.push_back(d);
    if (d % 2) odd.push_back(d);
  }
  auto as_maps = [](const search::FacetCounts& c) {
    std::vector<std::map<std::string, std::size_t>> out;
    for (std::size_t i = 0; i < c.slots().size(); ++i) out.push_back(c.counts(i));
    return out;
  };
  search::FacetCounter streams({});  // keeps no slot: always reads the streams
  search::FacetCounter counter(slots);
  std::vector<Xapian::docid> few(odd.begin(), odd.begin() + 20);
  CHECK(as_maps(counter.count(db, few, slots, nullptr)) == as_maps(streams.count(db, few, slots, nullptr)));
  CHECK_FALSE(counter.in_memory());  // 20 × 3 values read at scattered documents cost less than 300 × 3 read whole
  const auto kept_all = as_maps(counter.count(db, every, slots, nullptr));
  CHECK(counter.in_memory());
  CHECK(kept_all == as_maps(streams.count(db, every, slots, nullptr)));
  CHECK(as_maps(counter.count(db, odd, slots, nullptr)) == as_maps(streams.count(db, odd, slots, nullptr)));
  CHECK(kept_all[0].at("Økonomiudvalget") == 100 + 20);
  CHECK(kept_all[1].at("2020") == 75);
  // A slot not kept is read from its stream.
  const std::vector<Xapian::valueno> topics{schema::slot_topics};
  CHECK(as_maps(counter.count(db, every, topics, nullptr)) == as_maps(streams.count(db, every, topics, nullptr)));
}

TEST_CASE("facet counts kept in memory follow the index to its new revision", "[search][facets]") {
  std::string jsonl;
  for (int i = 0; i < 50; ++i)
    jsonl +=
        "{\"id\":\"r" + std::to_string(i) +
        "\",\"title\":\"Budget\",\"text\":\"Budgettet.\",\"committee\":\"Økonomiudvalget\",\"date\":\"2024-01-01\"}\n";
  const std::string db = jsonl_index("facet-revision", jsonl);
  Searcher searcher(db);
  SearchRequest browse;  // every item: the counts come from memory
  for (int i = 0; i < 3; ++i) REQUIRE(searcher.search(browse).total == 50);
  {
    const std::string items = std::filesystem::path(db).parent_path().string() + "/more.jsonl";
    std::ofstream(items) << "{\"id\":\"new\",\"title\":\"Budget\",\"text\":\"Budgettet.\","
                            "\"committee\":\"Kommunalbestyrelsen\",\"date\":\"2025-01-01\"}\n";
    IndexWriter w(db);
    REQUIRE(w.add_paths({items}).files_indexed == 1);
    w.commit();
  }
  searcher.reopen();
  const auto result = searcher.search(browse);
  CHECK(result.total == 51);
  auto count_of = [](const std::vector<FacetValue>& values, const std::string& v) {
    for (const auto& f : values) {
      if (f.value == v) return f.count;
    }
    return std::size_t{0};
  };
  CHECK(count_of(result.facets.committee, "Kommunalbestyrelsen") == 1);
  CHECK(count_of(result.facets.year, "2025") == 1);
  CHECK(count_of(result.facets.committee, "Økonomiudvalget") == 50);
}

TEST_CASE("a stub database of two indexes searches on two threads", "[search][threads]") {
  // A Xapian stub file opens several indexes as one handle, which has no
  // single revision: the second thread is not used (it threw before).
  std::string first, second;
  for (int i = 0; i < 2400; ++i) {
    (i % 2 ? second : first) += "{\"id\":\"s" + std::to_string(i) +
                                "\",\"title\":\"Budget\",\"text\":\"Budgettet og alfa beta.\"," +
                                "\"committee\":\"Økonomiudvalget\",\"date\":\"2024-01-01\"}\n";
  }
  const std::string a = jsonl_index("stub-a", first), b = jsonl_index("stub-b", second);
  const std::string stub = fixture::temp_dir("stub") + "/both.stub";
  std::ofstream(stub) << "glass " << a << "\nglass " << b << "\n";
  Searcher searcher(stub);
  searcher.set_threads(2);
  SearchRequest r;
  r.query = "budget";
  auto result = searcher.search(r);
  CHECK(result.total == 2400);
  REQUIRE(result.facets.committee.size() == 1);
  CHECK(result.facets.committee[0].count == 2400);
  r.query = "\"alfa beta\"";
  CHECK(searcher.search(r).total == 2400);
}

TEST_CASE("an item of over a million words keeps its body apart from its title", "[search][positions]") {
  // With title positions from 10^6 (format 3) the body's millionth word ran
  // into the title: "unikt slut" matched across them and "sidste" got no
  // highlight. Both stores.
  std::string text;
  for (int i = 0; i < 1000000; ++i) text += "ja ";
  const std::string jsonl = "{\"id\":\"long\",\"title\":\"udtryk slut\",\"text\":\"" + text +
                            "unikt udtryk sidste\",\"date\":\"2024-01-01\"}\n";
  for (PositionStore store : {PositionStore::compact, PositionStore::xapian}) {
    IndexOptions options;
    options.positions = store;
    Searcher searcher(jsonl_index(std::string("long-") + position_store_name(store), jsonl, options));
    SearchRequest r;
    r.query = "\"unikt slut\"";
    CHECK(searcher.search(r).total == 0);
    r.query = "\"unikt udtryk sidste\"";
    CHECK(searcher.search(r).total == 1);
    r.query = "sidste";
    auto found = searcher.search(r);
    REQUIRE(found.total == 1);
    CHECK(found.hits[0].snippet.highlights.size() == 1);
  }
}

TEST_CASE("recency weighting lifts newer items among equal matches", "[search]") {
  Searcher searcher(jsonl_index(
      "recency",
      "{\"id\":\"old\",\"title\":\"Budget\",\"text\":\"Budgettet. Budget. Budgetter.\",\"date\":\"2015-03-01\"}\n"
      "{\"id\":\"new\",\"title\":\"Møde\",\"text\":\"Udvalget drøftede mange sager om ældreområdet, skolerne, "
      "vejene og budgettet for det kommende år.\",\"date\":\"2024-03-01\"}\n"));
  SearchRequest r;
  r.query = "budget";
  auto plain = searcher.search(r);
  REQUIRE(plain.total == 2);
  REQUIRE(plain.hits[0].id == "old");  // more and denser matches
  r.recency_weight = 50;
  auto recent = searcher.search(r);
  REQUIRE(recent.total == 2);
  CHECK(recent.hits[0].id == "new");
  CHECK(recent.hits[1].id == "old");
}

TEST_CASE("trends on a fixture with known dates: counts, totals, shares, empty periods, no matches", "[trends]") {
  std::string dir = fixture::temp_dir("trend-fixture");
  {
    std::ofstream out(dir + "/items.jsonl");
    // Jan 2024: 3 items, 2 about demens. Feb: none. Mar: 4 items, 1 about demens. Apr: 1, 0.
    const char* rows[][2] = {{"2024-01-05", "Demens og pleje"},
                             {"2024-01-20", "Demensindsatsen"},
                             {"2024-01-31", "Budget"},
                             {"2024-03-01", "Skoler"},
                             {"2024-03-02", "Veje"},
                             {"2024-03-15", "Demenskoordinator"},
                             {"2024-03-31", "Klima"},
                             {"2024-04-30", "Havne"}};
    for (int n = 0; n < 8; ++n) {  // even rows ØK, odd rows KB
      const auto& row = rows[n];
      out << "{\"id\":\"t" << n << "\",\"title\":\"" << row[1] << "\",\"text\":\"" << row[1]
          << " blev drøftet.\",\"date\":\"" << row[0] << "\",\"committee\":\"" << (n % 2 == 0 ? "ØK" : "KB") << "\"}\n";
    }
  }
  IndexWriter(dir + "/idx").add_paths({dir + "/items.jsonl"});
  Searcher s(dir + "/idx");
  TrendRequest t;
  t.by = Period::month;
  t.queries = {"demens", "ubådsbase"};
  t.normalize = true;
  auto series = s.trends(t);
  REQUIRE(series.size() == 2);
  std::vector<std::string> periods;
  for (const auto& p : series[0].points) periods.push_back(p.period);
  CHECK(periods == std::vector<std::string>{"2024-01", "2024-02", "2024-03", "2024-04"});
  const std::size_t counts[] = {2, 0, 1, 0}, totals[] = {3, 0, 4, 1};
  for (std::size_t i = 0; i < 4; ++i) {
    INFO(periods[i]);
    CHECK(series[0].points[i].count == counts[i]);
    CHECK(series[0].points[i].total == totals[i]);
    CHECK(series[0].points[i].share == Approx(totals[i] ? double(counts[i]) / double(totals[i]) : 0.0));
    CHECK(series[1].points[i].count == 0);  // a query with no matches: zeros, not gaps
  }
  // By quarter, and split by committee.
  t.by = Period::quarter;
  t.queries = {"demens"};
  t.committees = {"ØK", "KB"};
  t.split_by_committee = true;
  series = s.trends(t);
  REQUIRE(series.size() == 2);
  CHECK(series[0].points.front().period == "2024-Q1");
  std::size_t demens = 0, all = 0;
  for (const auto& sr : series) {
    for (const auto& p : sr.points) demens += p.count, all += p.total;
  }
  CHECK(demens == 3);
  CHECK(all == 8);
}

TEST_CASE("an outcome written with capitals in JSON Lines is found by the decision filter", "[search][decisions]") {
  // The index wrote `XO` + the outcome as given ("XOGodkendt") while
  // --decision and beslutning: looked for it folded: 0 items, exit 0.
  Searcher searcher(
      jsonl_index("outcome-case",
                  "{\"id\":\"d1\",\"title\":\"Budget\",\"text\":\"Budgettet blev vedtaget.\",\"date\":\"2024-01-01\","
                  "\"decisions\":[{\"committee\":\"ØK\",\"date\":\"2024-01-01\",\"outcome\":\"Godkendt\"}]}\n"));
  SearchRequest r;
  r.decisions = {"godkendt"};
  CHECK(searcher.search(r).total == 1);
  r.decisions = {"GODKENDT"};
  CHECK(searcher.search(r).total == 1);
  SearchRequest q;
  q.query = "beslutning:godkendt";
  CHECK(searcher.search(q).total == 1);
}

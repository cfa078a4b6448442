// Index layouts must be indistinguishable to a reader: a fresh index written
// as parallel shards and merged (IndexOptions::shard_min_bytes) from one
// written in one database, and the two position stores from each other.
#include "catch.hpp"
#include "integration/fixture.hpp"

#include <referat/referat.hpp>

#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

using namespace referat;
namespace fs = std::filesystem;

namespace {

IndexOptions sharded() {
  IndexOptions o;
  o.threads = 2;
  o.shard_min_bytes = 0;  // shard even the tiny test corpus
  o.batch_bytes = 4096;   // and commit the shards many times
  return o;
}

IndexOptions single() {
  IndexOptions o;
  o.threads = 2;
  o.shard_min_bytes = std::numeric_limits<std::uint64_t>::max();
  return o;
}

// Everything a user sees of a query: exact total, facet counts, and each
// hit's id, title, date and snippet (ranking order aside: docids differ).
std::multiset<std::string> answer(Searcher& searcher, const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.limit = 1000;
  auto result = searcher.search(r);
  std::multiset<std::string> out{"total " + std::to_string(result.total)};
  for (const auto& h : result.hits) {
    std::string highlights;
    for (const auto& [b, e] : h.snippet.highlights) highlights += " " + std::to_string(b) + "-" + std::to_string(e);
    out.insert(h.id + " | " + h.title + " | " + h.date.iso() + " | " + h.snippet.text + " |" + highlights);
  }
  for (const auto* facet : {&result.facets.committee, &result.facets.topic, &result.facets.year})
    for (const auto& v : *facet) out.insert("facet " + v.value + " " + std::to_string(v.count));
  return out;
}

std::set<std::string> leftovers(const std::string& db) {
  std::set<std::string> out;
  for (const char* scratch : {".shards", ".merging", ".compacting", ".before-swap"})
    if (fs::exists(db + scratch)) out.insert(scratch);
  return out;
}

}  // namespace

TEST_CASE("a sharded fresh build answers exactly as a single database", "[index][shards]") {
  const std::string dir = fixture::temp_dir("shards-parity");
  const std::string one = dir + "/single", many = dir + "/sharded";
  auto single_report = IndexWriter(one, single()).add_paths({REFERAT_CORPUS_DIR});
  auto sharded_report = IndexWriter(many, sharded()).add_paths({REFERAT_CORPUS_DIR});
  CHECK(sharded_report.items_indexed == single_report.items_indexed);
  CHECK(sharded_report.files_indexed == single_report.files_indexed);
  CHECK(leftovers(many).empty());

  Searcher a(one), b(many);
  CHECK(b.stats().items == a.stats().items);
  for (const char* q : {"demens", "udvalg:VPU strategi", "\"kommunalbestyrelsen godkendte\"", "budget*",
                        "ældre OR børn", "dato:2024-01-01..2024-12-31", "sag:23/2079", "skole NEAR byggeri"}) {
    INFO(q);
    CHECK(answer(b, q) == answer(a, q));
  }
  // The run's file hashes were merged in: nothing is indexed again.
  IndexWriter again(many, sharded());
  auto second = again.add_paths({REFERAT_CORPUS_DIR});
  CHECK(second.files_unchanged == single_report.files_indexed);
  CHECK(second.items_indexed == 0);
}

TEST_CASE("a sharded build replaces an id seen twice in one run, as a single database does", "[index][shards]") {
  const std::string dir = fixture::temp_dir("shards-duplicates");
  std::ofstream(dir + "/a.jsonl") << "{\"id\":\"dup\",\"title\":\"Først\",\"text\":\"Vindmøller ved kysten.\"}\n"
                                  << "{\"id\":\"a2\",\"title\":\"Andet\",\"text\":\"Budget for skoler.\"}\n"
                                  << "{\"id\":\"dup\",\"title\":\"Igen\",\"text\":\"Solceller på taget.\"}\n";
  std::ofstream(dir + "/b.jsonl") << "{\"id\":\"dup\",\"title\":\"Sidst\",\"text\":\"Demens og ældre.\"}\n";
  for (const auto& options : {single(), sharded()}) {
    const std::string db = dir + (options.shard_min_bytes ? "/single" : "/sharded");
    // b.jsonl comes last, and a.jsonl is named twice: read once.
    auto report = IndexWriter(db, options).add_paths({dir + "/a.jsonl", dir + "/a.jsonl", dir + "/b.jsonl"});
    CHECK(report.files_unchanged == 1);
    Searcher searcher(db);
    CHECK(searcher.stats().items == 2);
    auto dup = searcher.item("dup");
    REQUIRE(dup);
    CHECK(dup->hit.title == "Sidst");
    SearchRequest r;
    r.query = "vindmøller OR solceller";
    CHECK(searcher.search(r).total == 0);
  }
}

TEST_CASE("bad files in a sharded batch are reported, the rest goes in", "[index][shards]") {
  const std::string corpus = fixture::temp_dir("shards-bad");
  fs::copy(std::string(REFERAT_CORPUS_DIR) + "/000_ab300e39aad1bfe1.txt", corpus + "/good.txt");
  std::ofstream(corpus + "/empty.txt");
  std::ofstream(corpus + "/broken.pdf") << "%PDF-1.4 truncated";
  std::ofstream(corpus + "/bad.jsonl") << "{oops\n{\"id\":\"j1\",\"title\":\"T\",\"text\":\"Demens og ældre.\"}\n";
  const std::string db = fixture::temp_dir("shards-bad-index");
  auto report = IndexWriter(db, sharded()).add_paths({corpus});
  CHECK(report.files_indexed == 2);
  CHECK(report.files_failed == 2);
  Searcher searcher(db);
  CHECK(searcher.stats().items == report.items_indexed);
  SearchRequest r;
  r.query = "demens";
  CHECK(searcher.search(r).total >= 1);
}

TEST_CASE("scratch folders of a killed sharded build are cleared; the index stays usable", "[index][shards]") {
  const std::string dir = fixture::temp_dir("shards-killed");
  const std::string db = dir + "/idx";
  IndexWriter(db, single()).commit();  // what a fresh build leaves when killed: an empty index
  for (const char* scratch : {".shards/0", ".merging", ".compacting"}) {
    fs::create_directories(db + scratch);
    std::ofstream(db + scratch + "/junk") << "left by kill -9";
  }
  {
    IndexWriter writer(db, sharded());
    CHECK(leftovers(db).empty());
    writer.add_paths({REFERAT_CORPUS_DIR});
  }
  CHECK(Searcher(db).stats().items > 0);
  // Killed between the two renames of a swap: the index folder is back.
  fs::rename(db, db + ".before-swap");
  IndexWriter reopened(db, single());
  CHECK(leftovers(db).empty());
  CHECK(Searcher(db).stats().items > 0);
}

TEST_CASE("an index with items is updated in place, not sharded", "[index][shards]") {
  const std::string corpus = fixture::temp_dir("shards-update");
  fs::copy(std::string(REFERAT_CORPUS_DIR) + "/003_8fb21dcf6d09698d.txt", corpus + "/a.txt");
  const std::string db = fixture::temp_dir("shards-update-index");
  IndexWriter writer(db, sharded());
  writer.add_paths({corpus});
  const auto items = Searcher(db).stats().items;
  std::ofstream(corpus + "/a.txt", std::ios::app) << "\nTilføjet efterfølgende: vindmøller.\n";
  auto report = writer.add_paths({corpus});
  CHECK(report.items_removed == items);
  CHECK(Searcher(db).stats().items == items);
  CHECK(leftovers(db).empty());
}

TEST_CASE("the compact and the xapian position stores answer alike, and an index keeps its store",
          "[index][positions]") {
  const std::string dir = fixture::temp_dir("position-stores");
  IndexOptions compact = single(), xapian = single();
  xapian.positions = PositionStore::xapian;
  {
    IndexWriter c(dir + "/compact", compact), x(dir + "/xapian", xapian);
    CHECK(c.positions() == PositionStore::compact);
    CHECK(x.positions() == PositionStore::xapian);
    c.add_paths({REFERAT_CORPUS_DIR});
    x.add_paths({REFERAT_CORPUS_DIR});
  }
  Searcher a(dir + "/compact"), b(dir + "/xapian");
  CHECK(a.stats().positions == PositionStore::compact);
  CHECK(b.stats().positions == PositionStore::xapian);
  // Phrases, NEAR, compounds found through their parts, lemmas in their
  // dictionary form, and the snippets' highlights.
  for (const char* q : {"demens", "sundhedsreform", "\"den fælles, langsigtede strategi\"", "\"første behandling\"",
                        "strategi NEAR socialområdet", "skole NEAR byggeri", "budget -\"budget 2024\"",
                        "ældrereform OR \"kommunalbestyrelsen godkendte\"", "titel:strategi", "beslutning:tiltrådt"}) {
    INFO(q);
    CHECK(answer(b, q) == answer(a, q));
  }
  // Reopened with the other option, an index with items keeps its store.
  IndexWriter reopened(dir + "/xapian", compact);
  CHECK(reopened.positions() == PositionStore::xapian);
}

TEST_CASE("indexes are written with 4 KiB blocks, fresh, sharded and compacted", "[index][shards]") {
  // schema::block_size: a position check copies whole blocks, so smaller
  // ones made phrase and compound-part searches on Europarl 1.3-1.7x faster.
  // xapian-check (xapian-tools, installed with the dependencies) rather than
  // Xapian::Database::check(), whose own code trips AddressSanitizer's
  // new-delete-type-mismatch check in Debian's libxapian 1.4.22.
  auto block_sizes = [](const std::string& db) {
    const auto check = fixture::run_command("xapian-check '" + db + "' 2>&1");
    INFO(check.out);
    CHECK(check.code == 0);
    std::set<std::string> sizes;
    const std::string& text = check.out;
    for (std::size_t at = text.find("blocksize="); at != std::string::npos; at = text.find("blocksize=", at + 1))
      sizes.insert(text.substr(at, text.find(' ', at) - at));
    return sizes;
  };
  const std::string dir = fixture::temp_dir("block-size");
  const std::string one = dir + "/single", many = dir + "/sharded";
  IndexWriter(one, single()).add_paths({REFERAT_CORPUS_DIR});
  IndexWriter(many, sharded()).add_paths({REFERAT_CORPUS_DIR});
  const std::set<std::string> four_k{"blocksize=4K"};
  CHECK(block_sizes(one) == four_k);
  CHECK(block_sizes(many) == four_k);
  IndexWriter(one, single()).compact();
  CHECK(block_sizes(one) == four_k);
}

// The CLI contract: exit codes, JSON field names, CSV that parses.
#include "catch.hpp"
#include "integration/fixture.hpp"

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

fixture::CommandResult cli(const std::string& args) {
  return fixture::run_command(std::string(REFERAT_CLI) + " " + args + " 2>/dev/null");
}

std::string db() { return "--db '" + fixture::corpus_index() + "'"; }

}  // namespace

TEST_CASE("cli: search --format json has the documented fields", "[cli]") {
  auto r = cli("search " + db() + " --format json demens");
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  for (const char* field : {"query", "total", "offset", "hits", "facets", "notes"}) CHECK(j.contains(field));
  REQUIRE(!j["hits"].empty());
  for (const char* field : {"id", "source", "item_number", "title", "committees", "date", "case_numbers", "topics",
                            "decisions", "score", "snippet"}) {
    CHECK(j["hits"][0].contains(field));
  }
  CHECK(j["hits"][0]["snippet"].contains("highlights"));
  for (const char* facet : {"committee", "topic", "year", "decision"}) CHECK(j["facets"].contains(facet));
}

TEST_CASE("cli: a repeatable filter option takes one value; the words after it are the query", "[cli]") {
  auto two = cli("search " + db() + " --format json --committee VPU --committee ØK strategi");
  REQUIRE(two.code == 0);
  CHECK(nlohmann::json::parse(two.out)["query"] == "strategi");
  auto topic = nlohmann::json::parse(cli("search " + db() + " --format json --topic strategi").out);
  auto topic_and_word = nlohmann::json::parse(cli("search " + db() + " --format json --topic strategi budget").out);
  CHECK(topic_and_word["query"] == "budget");
  CHECK(topic_and_word["total"].get<int>() > 0);
  CHECK(topic_and_word["total"].get<int>() < topic["total"].get<int>());
}

TEST_CASE("cli: a negative --limit or --offset is a usage error, not a huge number", "[cli]") {
  // Before the fix --offset -5 searched from hit 18446744073709551611.
  CHECK(cli("search " + db() + " --offset -5 demens").code == 2);
  CHECK(cli("search " + db() + " --limit -1 demens").code == 2);
  CHECK(cli("search " + db() + " --limit 0 --offset 0 demens").code == 0);
}

TEST_CASE("cli: a date range that starts after it ends, or a day the month lacks, is a usage error", "[cli]") {
  CHECK(cli("search " + db() + " --from 2025-01-01 --to 2024-01-01 demens").code == 2);
  CHECK(cli("trends " + db() + " --from 2025-01-01 --to 2024-01-01 --query demens").code == 2);
  CHECK(cli("search " + db() + " --to 31.2.2024 demens").code == 2);
  CHECK(cli("search " + db() + " 'dato:2024-02-30'").code == 7);
}

TEST_CASE("cli: csv has a header and one row per hit", "[cli]") {
  auto r = cli("search " + db() + " --format csv --limit 50 ''");
  REQUIRE(r.code == 0);
  std::size_t rows = 0, quotes = 0;
  for (char c : r.out) rows += c == '\n', quotes += c == '"';
  CHECK(rows == 13);  // header + 12 items (no raw newlines inside fields)
  CHECK(quotes % 2 == 0);
  CHECK(r.out.rfind("id,date,committees,", 0) == 0);
}

TEST_CASE("cli: exit codes", "[cli]") {
  CHECK(cli("search " + db() + " ingenhitsherxyz").code == 0);
  CHECK(cli("search " + db() + " '\"unbalanced'").code == 7);
  CHECK(cli("search --db /nonexistent/index demens").code == 4);
  CHECK(cli("search --bogus-option").code == 2);
  CHECK(cli("parse /nonexistent.txt").code == 3);
  CHECK(cli("analyze --format json Demensdagcenter").code == 0);
}

TEST_CASE("cli: parse --format json has the documented fields", "[cli]") {
  auto r = cli(std::string("parse --format json ") + REFERAT_CORPUS_DIR + "/003_8fb21dcf6d09698d.txt");
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out)[0];
  for (const char* f : {"source", "encoding", "committee", "date", "participants", "absent", "items", "diagnostics"}) {
    CHECK(j.contains(f));
  }
  auto item = j["items"][0];
  for (const char* f : {"number", "title", "case_numbers", "closed", "committees", "date", "sections", "decisions",
                        "attachments", "pages", "topics"}) {
    CHECK(item.contains(f));
  }
  CHECK(item["decisions"].size() == 3);
}

TEST_CASE("cli: export round-trips into a fresh index", "[cli][export]") {
  std::string dir = fixture::temp_dir("export");
  auto r = cli("export " + db() + " > '" + dir + "/all.jsonl'; echo done");
  REQUIRE(r.out.find("done") != std::string::npos);
  auto index = cli("index --db '" + dir + "/idx' '" + dir + "/all.jsonl'");
  CHECK(index.code == 0);
  for (const char* q : {"demens", "strategi", "udvalg:VPU", "sag:23/2079", "emne:sundhedsreform"}) {
    INFO(q);
    auto a = nlohmann::json::parse(cli("search " + db() + " --format json '" + q + "'").out);
    auto b = nlohmann::json::parse(cli("search --db '" + dir + "/idx' --format json '" + q + "'").out);
    CHECK(a["total"] == b["total"]);
  }
}

TEST_CASE("cli: trends csv and svg", "[cli][trends]") {
  std::string dir = fixture::temp_dir("trends");
  auto r = cli("trends " + db() + " --by year --topic sundhedsreform --query strategi --format csv --svg '" + dir +
               "/chart.svg'");
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("series,period,count,total,share", 0) == 0);
  std::ifstream svg(dir + "/chart.svg");
  std::string content((std::istreambuf_iterator<char>(svg)), {});
  CHECK(content.find("<svg") == 0);
  CHECK(content.find("polyline") != std::string::npos);
  CHECK(content.find("emne:sundhedsreform") != std::string::npos);
  CHECK(content.find("</svg>") != std::string::npos);
  // It renders: rsvg-convert (librsvg, installed by scripts/deps.sh) makes a PNG of it.
  REQUIRE(cli("--version").code == 0);
  int rendered = std::system(("rsvg-convert '" + dir + "/chart.svg' -o '" + dir + "/chart.png'").c_str());
  REQUIRE(rendered == 0);
  std::ifstream png(dir + "/chart.png", std::ios::binary);
  std::string image((std::istreambuf_iterator<char>(png)), {});
  CHECK(image.substr(1, 3) == "PNG");
  CHECK(image.size() > 5000);
}

TEST_CASE("cli: trends options take one value each: an unquoted query is a usage error, not two series",
          "[cli][trends]") {
  auto two = cli("trends " + db() + " --by year --format csv --query klima --query strategi");
  REQUIRE(two.code == 0);
  CHECK(two.out.find("\nklima,") != std::string::npos);
  CHECK(two.out.find("\nstrategi,") != std::string::npos);
  auto unquoted = fixture::run_command(std::string(REFERAT_CLI) + " trends " + db() +
                                       " --by year --format csv --query klima strategi 2>&1");
  CHECK(unquoted.code == 2);
  CHECK(unquoted.out.find("strategi") != std::string::npos);
  CHECK(cli("trends " + db() + " --by year --topic sundhedsreform ældrereform").code == 2);
  CHECK(cli("trends " + db() + " --by year --committee VPU ØK").code == 2);
}

TEST_CASE("cli: index --compact shrinks the index and keeps it writable", "[cli][index]") {
  const std::string dir = fixture::temp_dir("cli-compact");
  const std::string corpus = REFERAT_CORPUS_DIR;
  auto size = [&] {
    std::uintmax_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir + "/idx"))
      if (e.is_regular_file()) n += e.file_size();
    return n;
  };
  REQUIRE(cli("index --db '" + dir + "/idx' '" + corpus + "'").code == 0);
  const auto before = size();
  auto compacted = cli("index --compact --db '" + dir + "/idx/' '" + corpus + "'");
  REQUIRE(compacted.code == 0);
  CHECK(compacted.out.find("0 files (0 items), 5 unchanged") != std::string::npos);  // file hashes survive
  CHECK(compacted.out.find("compacted") != std::string::npos);
  CHECK(size() < before);
  CHECK_FALSE(std::filesystem::exists(dir + "/idx.compacting"));
  auto found = cli("search --db '" + dir + "/idx' --format json demens");
  REQUIRE(found.code == 0);
  CHECK(nlohmann::json::parse(found.out)["total"] == 2);
  CHECK(cli("index --db '" + dir + "/idx' --prune").code == 0);  // still writable
}

TEST_CASE("cli: stats of an empty index says there are no dates", "[cli][index]") {
  const std::string db = fixture::temp_dir("empty-stats") + "/idx";
  REQUIRE(cli("index --db '" + db + "' --prune").code == 0);  // creates the index, adds nothing
  auto stats = cli("stats --db '" + db + "'");
  CHECK(stats.code == 0);
  CHECK(stats.out.find("items:      0\n") != std::string::npos);
  CHECK(stats.out.find("dates:      none\n") != std::string::npos);
}

TEST_CASE("cli: index --positions chooses the store of a new index; stats shows it", "[cli][index][positions]") {
  const std::string db = fixture::temp_dir("positions-cli") + "/idx";
  REQUIRE(cli("index --db '" + db + "' --positions xapian '" + REFERAT_CORPUS_DIR + "'").code == 0);
  auto stats = cli("stats --format json --db '" + db + "'");
  REQUIRE(stats.code == 0);
  CHECK(nlohmann::json::parse(stats.out).at("positions") == "xapian");
  CHECK(nlohmann::json::parse(stats.out).at("format") == "9");
  CHECK(cli("stats --db '" + db + "'").out.find("\nformat:     9\n") != std::string::npos);
  CHECK(cli("search --db '" + db + "' '\"den fælles, langsigtede strategi\"'").out.find("strategi") !=
        std::string::npos);
  // An index with items keeps its store, and says so when asked for another.
  auto again = fixture::run_command(std::string(REFERAT_CLI) + " index --db '" + db + "' --positions compact '" +
                                    REFERAT_CORPUS_DIR + "' 2>&1");
  CHECK(again.code == 0);
  CHECK(again.out.find("keeps its xapian positions") != std::string::npos);
  CHECK(cli("index --db '" + db + "' --positions nowhere").code != 0);  // not a store: a usage error
  CHECK(nlohmann::json::parse(cli("stats --format json " + ::db()).out).at("positions") == "compact");
}

TEST_CASE("cli: kill -9 during indexing leaves the last commit readable", "[cli][index]") {
  std::string dir = fixture::temp_dir("killed");
  const std::string db = dir + "/idx";
  REQUIRE(cli("index --db '" + db + "' '" + REFERAT_CORPUS_DIR + "'").code == 0);
  {  // a big batch: long enough to be killed in the middle
    std::ofstream big(dir + "/big.jsonl");
    for (int i = 0; i < 6000; ++i) {
      big << "{\"id\":\"big-" << i << "\",\"title\":\"Punkt " << i
          << "\",\"text\":\"Kommunalbestyrelsen drøftede budgettet for ældreområdet og sundhedsreformen. "
             "Vindmøller og klimatilpasning blev også drøftet i udvalget "
          << i << ".\"}\n";
    }
  }
  auto killed =
      cli("index --db '" + db + "' '" + dir + "/big.jsonl' & pid=$!; sleep 1; kill -9 $pid; wait $pid; echo killed");
  REQUIRE(killed.out.find("killed") != std::string::npos);
  auto stats = nlohmann::json::parse(cli("stats --format json --db '" + db + "'").out);
  // A committed state: the corpus, plus whatever batches were committed
  // before the kill (commits come every IndexOptions::batch_items items).
  const int items = stats["items"].get<int>();
  CHECK(items >= 12);
  CHECK(items <= 6012);
  CHECK(cli("search --db '" + db + "' demens").code == 0);
  // The lock died with the writer: indexing again completes, without
  // duplicating the items committed before the kill.
  CHECK(cli("index --db '" + db + "' '" + dir + "/big.jsonl'").code == 0);
  CHECK(nlohmann::json::parse(cli("stats --format json --db '" + db + "'").out)["items"] == 6012);
}

TEST_CASE("cli: a query word written -word is a NOT, not an unknown option", "[cli]") {
  // The README writes `budget -anlæg`; typed unquoted, CLI11 read "-anlæg" as
  // an unknown option and the search ended with exit 2.
  auto unquoted = cli("search " + db() + " --format json budget -anlæg");
  REQUIRE(unquoted.code == 0);
  auto quoted = cli("search " + db() + " --format json 'budget -anlæg'");
  REQUIRE(quoted.code == 0);
  CHECK(nlohmann::json::parse(unquoted.out)["query"] == "budget -anlæg");
  CHECK(nlohmann::json::parse(unquoted.out)["total"] == nlohmann::json::parse(quoted.out)["total"]);
  auto only_not = cli("search " + db() + " --format json --limit 1 -strategi");
  REQUIRE(only_not.code == 0);
  CHECK(nlohmann::json::parse(only_not.out)["total"].get<int>() > 0);
  CHECK(cli("facets " + db() + " budget -anlæg").code == 0);
  // An option's value that starts with "-" is still the option's.
  auto newest = cli("search " + db() + " --format json --sort -date strategi");
  REQUIRE(newest.code == 0);
  CHECK(nlohmann::json::parse(newest.out)["query"] == "strategi");
  CHECK(cli("search " + db() + " --offset -5 demens").code == 2);
}

TEST_CASE("cli: text output past the last hit says so; one hit reads as one", "[cli]") {
  // Before: "3 items match 'strategi' (showing 101-100)".
  auto past = cli("search " + db() + " --offset 100 strategi");
  REQUIRE(past.code == 0);
  CHECK(past.out.find("(none shown: --offset 100 is past the last)") != std::string::npos);
  CHECK(past.out.find("showing") == std::string::npos);
  auto one = cli("search " + db() + " titel:strategi");
  REQUIRE(one.code == 0);
  CHECK(one.out.rfind("1 item matches 'titel:strategi'", 0) == 0);
}

TEST_CASE("cli: case and trends headers name what was counted", "[cli][trends]") {
  // Before: "case  23/2079 : 3 events" echoed the pasted spaces, and a
  // trend series of one item read "(1 items)".
  auto spaced = cli("case " + db() + " ' 23/2079 '");
  REQUIRE(spaced.code == 0);
  CHECK(spaced.out.rfind("case 23/2079: 3 events\n", 0) == 0);
  auto json = cli("case " + db() + " --format json ' 23/2079 '");
  REQUIRE(json.code == 0);
  CHECK(nlohmann::json::parse(json.out)["case"] == "23/2079");
  auto one = cli("trends " + db() + " --by year --query titel:strategi");
  REQUIRE(one.code == 0);
  CHECK(one.out.rfind("titel:strategi  (1 item)\n", 0) == 0);
}

TEST_CASE("cli: a browse without query words says what it lists", "[cli]") {
  // Before: "5 items match ''".
  auto filtered = cli("search " + db() + " --decision godkendt");
  REQUIRE(filtered.code == 0);
  CHECK(filtered.out.find(" items match the filters") != std::string::npos);
  CHECK(filtered.out.find("''") == std::string::npos);
  auto all = cli("search " + db());
  REQUIRE(all.code == 0);
  CHECK(all.out.rfind("12 items in the index", 0) == 0);
}

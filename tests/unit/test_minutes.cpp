// Minutes model: dates, committees, case numbers, outcomes, and the five
// seeds parsed into the structure a journalist would expect.
#include "catch.hpp"
#include "test_paths.hpp"

#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace referat;

namespace {

MinutesParser& parser() {
  static MinutesParser p;
  return p;
}

ParsedFile seed(const char* name) { return parser().parse_file(std::string(REFERAT_CORPUS_DIR) + "/" + name); }

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      w += c;
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  if (!w.empty()) out.insert(w);
  return out;
}

std::string all_text(const ParsedFile& f) {
  std::string t;
  for (const auto& item : f.items) t += item.number + " " + item.title + "\n" + item.full_text() + "\n";
  return t;
}

}  // namespace

TEST_CASE("dates in the forms minutes use", "[minutes][dates]") {
  struct Row {
    const char* text;
    int default_year;
    const char* iso;
  };
  const Row rows[] = {{"18-03-2025", 0, "2025-03-18"},
                      {"18.03.2025", 0, "2025-03-18"},
                      {"2025-03-18", 0, "2025-03-18"},
                      {"22-04-2025 12:00 - 14:00", 0, "2025-04-22"},
                      {"Tirsdag den 19. april 2022 kl. 12.00-13.30", 0, "2022-04-19"},
                      {"den 20-12-2023", 0, "2023-12-20"},
                      {"Norddjurs 1.april", 2025, "2025-04-01"},
                      {"9. maj", 2022, "2022-05-09"},
                      {"3. jan. 2024", 0, "2024-01-03"},
                      {"12. sept. 2023", 0, "2023-09-12"},
                      {"1. okt.", 2021, "2021-10-01"},
                      {"30/6/2024", 0, "2024-06-30"}};
  for (const auto& row : rows) {
    INFO(row.text);
    auto d = find_date(row.text, row.default_year);
    REQUIRE(d);
    CHECK(d->iso() == row.iso);
  }
  CHECK_FALSE(find_date("9. maj", 0));
  CHECK_FALSE(find_date("32-13-2024"));
  // Days the month does not have (before the fix any day up to 31 passed).
  CHECK_FALSE(parse_date("2024-02-30"));
  CHECK_FALSE(parse_date("31.4.2024"));
  CHECK_FALSE(parse_date("29-02-2023"));
  CHECK(parse_date("29-02-2024"));  // a leap year
  CHECK_FALSE(parse_date("29-02-2100"));
  CHECK(parse_date("29-02-2000"));
  CHECK_FALSE(find_date("pkt. 5 kl. 13.30"));
}

TEST_CASE("committee aliases", "[minutes][committees]") {
  auto table = CommitteeTable::load();
  struct Row {
    const char* name;
    const char* canonical;
  };
  const Row rows[] = {{"Voksen- og plejeudvalget", "Voksen- og Plejeudvalget"},
                      {"VPU", "Voksen- og Plejeudvalget"},
                      {"ØK", "Økonomiudvalget"},
                      {"Økonomiudvalg", "Økonomiudvalget"},
                      {"KB", "Kommunalbestyrelsen"},
                      {"Byrådet", "Kommunalbestyrelsen"},
                      {"ÆU", "Ældreudvalget"},
                      {"OMU", "Områdeudvalget"},
                      {"  voksen-  og   plejeudvalget ", "Voksen- og Plejeudvalget"}};
  for (const auto& row : rows) {
    INFO(row.name);
    CHECK(table.canonical(row.name) == row.canonical);
  }
  CHECK(table.canonical("Ukendt  Udvalg") == "Ukendt Udvalg");
}

TEST_CASE("case numbers, and document ids kept apart", "[minutes][cases]") {
  CHECK(find_case_numbers("23/2079 Åben Sag") == std::vector<std::string>{"23/2079"});
  CHECK(find_case_numbers("Journal 00.30.10-G01-12-24 og SAG-2024-12345") ==
        std::vector<std::string>{"00.30.10-G01-12-24", "SAG-2024-12345"});
  CHECK(find_case_numbers("(124153/23) (H)").empty());
  CHECK(find_case_numbers("3-5 år, 4,5 mio. kr.").empty());
}

TEST_CASE("decision outcomes", "[minutes][outcomes]") {
  struct Row {
    const char* text;
    const char* outcome;
  };
  const Row rows[] = {{"Godkendt.", "godkendt"},
                      {"Tiltrådt.\n\nVoksen- og Plejeudvalget finder det positivt", "tiltrådt"},
                      {"Anbefales godkendt.", "anbefalet"},
                      {"Ikke godkendt.", "ikke godkendt"},
                      {"Punktet blev udsat.", "udsat"},
                      {"Orienteringen blev taget til efterretning.", "taget til efterretning"},
                      {"Udvalget drøftede sagen.", "drøftet"},
                      {"Oversendt til Kommunalbestyrelsen.", "oversendt"},
                      {"Rådmandsmødekredsen godkendte:", "godkendt"}};
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(classify_outcome(row.text) == row.outcome);
  }
}

TEST_CASE("seed 000: case-system item with a meeting line", "[minutes][seeds]") {
  auto f = seed("000_ab300e39aad1bfe1.txt");
  CHECK(f.committee == "Områdeudvalg sundhed og omsorg");
  CHECK(f.date.iso() == "2025-03-18");
  REQUIRE(f.items.size() == 1);
  const auto& item = f.items[0];
  CHECK(item.title == "Orientering ved formanden");
  CHECK(item.case_numbers == std::vector<std::string>{"25/832"});
  CHECK_FALSE(item.closed);
  REQUIRE(item.decisions.size() == 1);
  CHECK(item.decisions[0].date.iso() == "2025-03-18");
  CHECK(f.absent.size() == 4);
  CHECK(std::find(item.topics.begin(), item.topics.end(), "demens") != item.topics.end());
  CHECK(std::find(item.topics.begin(), item.topics.end(), "ældrereform") != item.topics.end());
  CHECK(std::find(item.topics.begin(), item.topics.end(), "sundhedsreform") != item.topics.end());
}

TEST_CASE("seed 001: Rådmandsmøde with Punkt N items", "[minutes][seeds]") {
  auto f = seed("001_663a87bf173458ce.txt");
  CHECK(f.committee == "Rådmandsmøde");
  CHECK(f.date.iso() == "2025-04-22");
  CHECK(f.time == "12:00-14:00");
  CHECK(f.place == "Rådhuset, vær. 501");
  CHECK(f.participants.size() == 6);
  CHECK(f.absent == std::vector<std::string>{"Christian Boel"});
  REQUIRE(f.items.size() == 2);
  CHECK(f.items[0].number == "1");
  CHECK(f.items[0].title == "KPI");
  CHECK(f.items[1].number == "3");
  CHECK(f.items[1].title == "Proces: Fremskudt visitation og selvstyring i distrikt Midt og Nord, P&R");
  REQUIRE(f.items[1].decisions.size() == 1);
  CHECK(f.items[1].decisions[0].outcome == "godkendt");
}

TEST_CASE("seed 002: no header, committee and date from the decision", "[minutes][seeds]") {
  auto f = seed("002_30e56682dd283b6b.txt");
  CHECK(f.committee == "Voksen- og Plejeudvalget");
  CHECK(f.date.iso() == "2024-04-24");
  REQUIRE(f.items.size() == 1);
  REQUIRE(f.items[0].decisions.size() == 1);
  CHECK(f.items[0].decisions[0].outcome == "godkendt");
  CHECK(f.absent == std::vector<std::string>{"Diana Therese Mikkelsen (Æ)", "Tom Bytoft (A)"});
  REQUIRE(f.items[0].attachments.size() == 1);
  CHECK(f.items[0].attachments[0].document_id == "35064/24");
  CHECK(f.items[0].case_numbers.empty());  // (35064/24) is a document id
}

TEST_CASE("seed 003: decisions through VPU, ØK, KB", "[minutes][seeds]") {
  auto f = seed("003_8fb21dcf6d09698d.txt");
  REQUIRE(f.items.size() == 1);
  const auto& item = f.items[0];
  CHECK(item.title == "Godkendelse af fælles, langsigtet strategi på Socialområdet");
  CHECK(item.case_numbers == std::vector<std::string>{"23/2079"});
  REQUIRE(item.decisions.size() == 3);
  CHECK(item.decisions[0].committee == "Voksen- og Plejeudvalget");
  CHECK(item.decisions[0].date.iso() == "2023-12-20");
  CHECK(item.decisions[0].outcome == "tiltrådt");
  CHECK(item.decisions[1].committee == "Økonomiudvalget");
  CHECK(item.decisions[1].date.iso() == "2024-01-09");
  CHECK(item.decisions[1].outcome == "tiltrådt");
  CHECK(item.decisions[2].committee == "Kommunalbestyrelsen");
  CHECK(item.decisions[2].date.iso() == "2024-01-16");
  CHECK(item.decisions[2].outcome == "godkendt");
  CHECK(item.committees.size() == 3);
  REQUIRE(item.attachments.size() == 7);
  CHECK(item.attachments[0].number == 1);
  CHECK(item.attachments[0].document_id == "124153/23");
  CHECK(item.attachments[0].title == "Udkast - Forslag til fælles langsigtet strategi på Socialområdet");
  CHECK(item.attachments[6].document_id == "125484/23");
}

TEST_CASE("seed 004: Møde/Tid header and numbered items", "[minutes][seeds]") {
  auto f = seed("004_2b0c59381b3098c7.txt");
  CHECK(f.committee == "Sundhedsdirektørernes Forretningsudvalg");
  CHECK(f.date.iso() == "2022-04-19");
  CHECK(f.time == "12:00-13:30");
  CHECK(f.place == "Teams-møde");
  CHECK(f.participants.size() == 8);
  REQUIRE(f.items.size() == 7);
  const char* titles[] = {"Opfølgning på møder",
                          "Forberedelse af møder",
                          "Opgaveglidning",
                          "Fast punkt om sundhedsreformen",
                          "Nyt fra KKR",
                          "Kommende møde i Sundhedsdirektørernes Forretningsudvalg",
                          "Eventuelt"};
  for (std::size_t i = 0; i < 7; ++i) {
    CHECK(f.items[i].number == std::to_string(i + 1));
    CHECK(f.items[i].title == titles[i]);
  }
  CHECK(f.diagnostics.empty());
}

TEST_CASE("text is never lost: every input word is in the model", "[minutes][property]") {
  for (const char* name : {"000_ab300e39aad1bfe1.txt", "001_663a87bf173458ce.txt", "002_30e56682dd283b6b.txt",
                           "003_8fb21dcf6d09698d.txt", "004_2b0c59381b3098c7.txt"}) {
    INFO(name);
    std::ifstream in(std::string(REFERAT_CORPUS_DIR) + "/" + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto parsed = words_of(all_text(seed(name)));
    for (const auto& w : words_of(buffer.str())) {
      if (w == "Punkt") continue;  // "Punkt 3:" markup: kept as the item's number
      INFO(w);
      CHECK(parsed.count(w) == 1);
    }
  }
  std::mt19937 rng(7);
  const char* vocabulary[] = {
      "Punkt",     "1:",     "Beslutning", "i",      "Økonomiudvalget", "den",   "18-03-2025",
      "Godkendt.", "Bilag:", "Møde:",      "Afbud:", "Indstilling",     "\n",    "\n\n",
      "23/2079",   "Åben",   "Sag",        "2.",     "Referat",         "tekst", "Sagsfremstilling"};
  for (int round = 0; round < 300; ++round) {
    std::string text = "x ";
    for (int i = 0; i < 60; ++i) text += std::string(vocabulary[rng() % 21]) + " ";
    auto parsed = words_of(all_text(parser().parse_text(text, "random.txt")));
    for (const auto& w : words_of(text)) {
      if (w == "Punkt") continue;
      INFO(text);
      INFO("lost word: " << w);
      CHECK(parsed.count(w) == 1);
    }
  }
}

TEST_CASE("bad input: empty, binary, Windows-1252, unstructured, huge", "[minutes][bad-input]") {
  CHECK_THROWS_AS(parser().parse_bytes("", "empty.txt"), InputError);
  CHECK_THROWS_AS(parser().parse_bytes("   \n\n ", "blank.txt"), InputError);
  CHECK_THROWS_AS(parser().parse_bytes(std::string("\x00\x01\x02\x03binary", 10), "bin.txt"), InputError);
  auto cp1252 = parser().parse_bytes("Beslutning i \xD8konomiudvalget den 09-01-2024\n\nGodkendt.\n", "old.txt");
  CHECK(cp1252.encoding == Encoding::windows_1252);
  REQUIRE(cp1252.items.size() == 1);
  REQUIRE(cp1252.items[0].decisions.size() == 1);
  CHECK(cp1252.items[0].decisions[0].committee == "Økonomiudvalget");
  auto plain = parser().parse_text("Bare noget tekst uden struktur.\nEn linje mere.", "plain.txt");
  REQUIRE(plain.items.size() == 1);
  CHECK_FALSE(plain.diagnostics.empty());
  std::string huge;
  while (huge.size() < 50u * 1024 * 1024) huge += "Kommunalbestyrelsen drøftede budgettet for ældreområdet igen.\n";
  ParseOptions no_topics;
  no_topics.tag_topics = false;
  MinutesParser fast(no_topics);
  auto big = fast.parse_text(huge, "huge.txt");
  CHECK(big.items.size() == 1);
}

TEST_CASE("JSON Lines: bad lines reported by number, good lines kept", "[minutes][jsonl]") {
  std::string jsonl =
      "{\"id\":\"a1\",\"title\":\"Budget 2024\",\"text\":\"Budgettet blev godkendt.\",\"committee\":\"ØK\","
      "\"date\":\"2024-01-09\",\"case_no\":\"23/1\",\"url\":\"https://example.org/a1\",\"extra\":5}\n"
      "{not json}\n"
      "{\"id\":\"a3\",\"title\":\"Uden tekst\"}\n"
      "{\"id\":\"a4\",\"title\":\"Ældrereform\",\"text\":\"Ældrereformens betydning.\"}\n";
  auto f = parser().parse_jsonl(jsonl, "batch.jsonl");
  REQUIRE(f.items.size() == 2);
  CHECK(f.items[0].committees == std::vector<std::string>{"Økonomiudvalget"});
  CHECK(f.items[0].date.iso() == "2024-01-09");
  CHECK(f.items[0].metadata.at("url") == "https://example.org/a1");
  CHECK(f.items[0].metadata.at("extra") == "5");
  REQUIRE(f.diagnostics.size() == 2);
  CHECK(f.diagnostics[0].line == 2);
  CHECK(f.diagnostics[1].line == 3);
  CHECK(std::find(f.items[1].topics.begin(), f.items[1].topics.end(), "ældrereform") != f.items[1].topics.end());
}

TEST_CASE("attachment titles keep spaced dashes; names lose double spaces", "[minutes][seeds]") {
  auto f3 = seed("003_8fb21dcf6d09698d.txt");
  REQUIRE(f3.items[0].attachments.size() == 7);
  CHECK(f3.items[0].attachments[6].title ==
        "Høringssvar fra Områdeudvalg Socialområdet Voksen - Fælles, langsigtet strategi på Socialområdet");
  auto f0 = seed("000_ab300e39aad1bfe1.txt");
  CHECK(std::find(f0.absent.begin(), f0.absent.end(), "Pia Lichtenstein (TR/FOA)") != f0.absent.end());
}

TEST_CASE("JSON Lines: invalid UTF-8 spoils one line, not the file; line numbers of pieces", "[minutes][jsonl]") {
  std::string jsonl =
      "{\"id\":\"a\",\"title\":\"T\",\"text\":\"ok\"}\n{\"id\":\"b\",\"title\":\"\xff\",\"text\":\"x\"}\n";
  auto f = parser().parse_jsonl(jsonl, "piece.jsonl", 101);
  REQUIRE(f.items.size() == 1);
  REQUIRE(f.diagnostics.size() == 1);
  CHECK(f.diagnostics[0].line == 102);
  CHECK(f.diagnostics[0].message == "not UTF-8");
}

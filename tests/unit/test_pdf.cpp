// PDF input through poppler, on PDFs the test writes itself.
#include "catch.hpp"
#include "integration/fixture.hpp"
#include "pdf_writer.hpp"

#include <referat/error.hpp>
#include <referat/minutes.hpp>

using namespace referat;

namespace {
MinutesParser& parser() {
  static MinutesParser p;
  return p;
}
}  // namespace

TEST_CASE("PDF: text layer, two pages, page numbers, hyphenated line end", "[minutes][pdf]") {
  const std::string path = fixture::temp_dir("pdf") + "/referat.pdf";
  testpdf::write(
      path, {{"Dagsorden", "Møde: Økonomiudvalget", "Tid: Tirsdag den 9. januar 2024 kl. 16.00", "1. Budgetopfølgning",
              "Indstilling:", "Det indstilles, at budgetopfølgningen godkendes.", "Referat:", "Godkendt."},
             {"2. Udviklingsplan for ældreområdet", "Sagsfremstilling", "Forvaltningen har udarbejdet en udvik-",
              "lingsplan for Ældreområdet.", "Referat:", "Udsat."}});
  ParsedFile f = parser().parse_file(path);
  CHECK(f.committee == "Økonomiudvalget");
  CHECK(f.date.iso() == "2024-01-09");
  REQUIRE(f.items.size() == 2);
  CHECK(f.items[0].title == "Budgetopfølgning");
  CHECK(f.items[0].pages == std::vector<int>{1});
  CHECK(f.items[1].title == "Udviklingsplan for ældreområdet");
  CHECK(f.items[1].pages == std::vector<int>{2});
  REQUIRE(f.items[1].decisions.size() == 1);
  CHECK(f.items[1].decisions[0].outcome == "udsat");
  CHECK(f.items[0].decisions.at(0).outcome == "godkendt");
  // The line-end hyphen is joined by the analyzer: "udviklingsplan" is one word.
  Analyzer analyzer;
  bool joined = false;
  for (const auto& t : analyzer.analyze(f.items[1].full_text())) joined |= t.text == "udviklingsplan";
  CHECK(joined);
}

TEST_CASE("PDF without a text layer is a clear error", "[minutes][pdf][bad-input]") {
  const std::string path = fixture::temp_dir("pdf-scan") + "/scan.pdf";
  testpdf::write(path, {{}, {}});
  try {
    (void)parser().parse_file(path);
    FAIL("parsed");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("no text layer") != std::string::npos);
    CHECK(e.source() == path);
  }
}

TEST_CASE("truncated and fake PDFs are clear errors", "[minutes][pdf][bad-input]") {
  const std::string dir = fixture::temp_dir("pdf-bad");
  testpdf::write(dir + "/whole.pdf", {{"Referat", "1. Punkt", "Godkendt."}});
  std::ifstream in(dir + "/whole.pdf", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  CHECK_THROWS_AS(parser().parse_contents(dir + "/cut.pdf", bytes.substr(0, bytes.size() / 3)), InputError);
  CHECK_THROWS_AS(parser().parse_contents(dir + "/fake.pdf", "not a pdf at all"), InputError);
  CHECK_THROWS_AS(parser().parse_contents(dir + "/empty.pdf", ""), InputError);
}

#include "catch.hpp"

#include <referat/analyzer.hpp>
#include <referat/error.hpp>

#include "text/utf8.hpp"

using namespace referat;

TEST_CASE("UTF-8 passes through, BOM dropped", "[encoding]") {
  auto d = decode_text("\xEF\xBB\xBFÆldreråd", "x.txt");
  CHECK(d.encoding == Encoding::utf8);
  CHECK(d.text == "Ældreråd");
}

TEST_CASE("Windows-1252 with æøå is decoded", "[encoding]") {
  auto d = decode_text(
      "\xC6ldrer\xE5"
      "d og \xF8konomi \x96 \x80",
      "old.txt");
  CHECK(d.encoding == Encoding::windows_1252);
  CHECK(d.text == "Ældreråd og økonomi – €");
}

TEST_CASE("truncated UTF-8 is read as Windows-1252, never a crash", "[encoding]") {
  auto d = decode_text("Sundhedsreform \xC3", "cut.txt");
  CHECK(d.encoding == Encoding::windows_1252);
  CHECK(is_valid_utf8(d.text));
}

TEST_CASE("binary content is rejected with the file name", "[encoding]") {
  std::string binary("PK\x03\x04\x00\x00garbage", 14);
  try {
    decode_text(binary, "archive.zip");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.source() == "archive.zip");
    CHECK(std::string(e.what()).find("binary") != std::string::npos);
  }
}

TEST_CASE("trim takes white space and no-break spaces off both ends, nothing else", "[encoding]") {
  CHECK(text::trim(" \t23/2079\r\n") == "23/2079");
  CHECK(text::trim("\xC2\xA0Økonomiudvalget\xC2\xA0 \xC2\xA0") == "Økonomiudvalget");
  CHECK(text::trim("Voksen- og  Plejeudvalget") == "Voksen- og  Plejeudvalget");  // inside: kept
  CHECK(text::trim(" \xC2\xA0\t ").empty());
  CHECK(text::trim("").empty());
  CHECK(text::trim("ab\xC2") == "ab\xC2");  // half a no-break space is not one
  CHECK(text::trim("\xA0x") == "\xA0x");
}

#include "catch.hpp"

#include <referat/analyzer.hpp>
#include <referat/error.hpp>

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

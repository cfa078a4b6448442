// Stored item records: the text in zstd frames, read whole or frame by frame;
// format-6 records (the text as it is) still read; damage is an IndexError.
#include "catch.hpp"

#include <referat/error.hpp>

#include "index/record.hpp"
#include "index/schema.hpp"

#include <random>

using referat::index::Record;
using referat::index::StoredText;

namespace {

Record record_with(std::string text) {
  Record r;
  r.item.hit.id = "x";
  r.item.hit.title = "Titel";
  r.item.text = std::move(text);
  r.ranges.push_back({referat::SectionKind::other, "", 0, r.item.text.size()});
  return r;
}

std::string long_text(std::size_t bytes) {
  std::mt19937 rng(3);
  const char* words[] = {"budget ", "sundhedsreformen ", "æbler ", "Økonomiudvalget ", "år\n"};
  std::string text;
  while (text.size() < bytes) text += words[rng() % 5];
  return text;
}

}  // namespace

TEST_CASE("a record's text round-trips, whole and frame by frame", "[index][record]") {
  for (std::size_t size : {0, 10, 255, 256, 16383, 16384, 16385, 100000}) {
    INFO(size << " bytes");
    const std::string text = long_text(size).substr(0, size);
    const std::string data = referat::index::serialise(record_with(text));
    const Record whole = referat::index::unserialise(data);
    CHECK(whole.item.text == text);
    CHECK(whole.item.hit.title == "Titel");
    REQUIRE(whole.item.sections.size() == 1);
    CHECK(whole.item.sections[0].text == text);
    if (size >= 16384) CHECK(data.size() < text.size() / 2);  // compressed
    StoredText lazy;
    const Record head = referat::index::unserialise(data, &lazy);
    CHECK(head.item.text.empty());
    REQUIRE(lazy.size() == text.size());
    if (size < 50000) continue;
    // Bytes from the third frame only: the first frame stays unread (zeros).
    const std::string& part = lazy.with(40000, 40100);
    CHECK(part.compare(40000, 100, text, 40000, 100) == 0);
    CHECK(part[0] == '\0');
    CHECK(lazy.all() == text);
  }
}

TEST_CASE("a record keeping its text in a value (format 9) reads it from the document", "[index][record]") {
  for (std::size_t size : {0, 10, 300, 40000}) {
    INFO(size << " bytes");
    const std::string text = long_text(size).substr(0, size);
    std::string text_value;
    const std::string data = referat::index::serialise(record_with(text), &text_value);
    CHECK(data.back() == '\n');  // the head alone: Xapian deflates nothing big
    CHECK(data.size() < 300);
    Xapian::Document doc;
    doc.set_data(data);
    doc.add_value(referat::schema::slot_text, text_value);
    const Record whole = referat::index::unserialise(doc);
    CHECK(whole.item.text == text);
    REQUIRE(whole.item.sections.size() == 1);
    CHECK(whole.item.sections[0].text == text);
    StoredText lazy;
    CHECK(referat::index::unserialise(doc, &lazy).item.hit.title == "Titel");
    CHECK(lazy.all() == text);
    // The head alone needs no value; the text without the document is damage.
    CHECK(referat::index::unserialise(data, nullptr).item.hit.id == "x");
    CHECK_THROWS_AS(referat::index::unserialise(data), referat::IndexError);
  }
}

TEST_CASE("a format-6 record (its text as it is) still reads", "[index][record]") {
  const std::string data =
      "{\"id\":\"old\",\"title\":\"Gammel\",\"dec\":[],\"att\":[],"
      "\"ranges\":[[0,\"\",0,11]],\"v\":2}\nDen gamle tekst.";
  const Record r = referat::index::unserialise(data);
  CHECK(r.item.hit.id == "old");
  CHECK(r.item.text == "Den gamle tekst.");
  StoredText lazy;
  referat::index::unserialise(data, &lazy);
  CHECK(lazy.with(4, 9).substr(4, 5) == "gamle");
}

TEST_CASE("a damaged record text is an index error, not a crash", "[index][record]") {
  const std::string good = referat::index::serialise(record_with(long_text(40000)));
  const std::size_t newline = good.find('\n');
  // A frame's bytes changed, the frames cut short, the size claimed wrong.
  std::string flipped = good;
  for (std::size_t i = newline + 20; i < newline + 60; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
  const std::string truncated = good.substr(0, good.size() - 100);
  std::string wrong_size = good;
  const std::size_t tn = wrong_size.find("\"tn\":");
  REQUIRE(tn != std::string::npos);
  wrong_size.replace(tn, 5, "\"tn\":9");
  for (const std::string& data : {flipped, truncated, wrong_size}) {
    CHECK_THROWS_AS(referat::index::unserialise(data), referat::IndexError);
  }
}

TEST_CASE("a damaged record head is an index error, not a JSON library exception", "[index][record]") {
  // Found by fuzz_stored: a head that is valid JSON of the wrong shape threw
  // nlohmann's type_error, which no caller expects from a damaged index.
  const std::string good = referat::index::serialise(record_with("Tekst."));
  const std::string text = good.substr(good.find('\n'));
  for (const char* head : {"2", "[1]", "null", "\"x\"", "{\"id\":3}", "{\"dec\":5}", "{\"dec\":[[1]]}",
                           "{\"att\":[[\"a\"]]}", "{\"ranges\":[[\"x\",1]]}", "{\"ranges\":[[99,\"h\",1,2]]}",
                           "{\"tz\":\"frames\"}", "{\"date\":[1]}", "{\"meta\":{\"a\":1}}", "{\"pages\":[1e300]}",
                           "{\"tn\":1e300,\"tz\":[1]}", "{\"date\":1e300}", "{\"att\":[[1e300,\"a\",\"b\"]]}"}) {
    INFO(head);
    try {
      (void)referat::index::unserialise(head + text);
    } catch (const referat::IndexError& e) {
      CHECK(e.kind() == referat::ErrorKind::index_corrupt);
    }
  }
}

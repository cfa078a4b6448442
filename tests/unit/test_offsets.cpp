// Token offsets stored for snippets: packed round trip and format 2 reading.
#include "catch.hpp"

#include "index/record.hpp"

#include <random>

using Offsets = std::vector<std::pair<std::size_t, std::size_t>>;

TEST_CASE("packed offsets round-trip, about one byte per ordinary word", "[index]") {
  std::mt19937 rng(7);
  Offsets words;
  std::size_t at = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::size_t gap = rng() % 50 == 0 ? rng() % 5000 : rng() % 3;              // sometimes a page break
    const std::size_t length = rng() % 40 == 0 ? 32 + rng() % 300 : 1 + rng() % 15;  // sometimes a long token
    at += gap;
    words.emplace_back(at, at + length);
    at += length;
  }
  // A token that starts inside the previous one (never produced today, but
  // the format must not break on it).
  words.emplace_back(at - 3, at + 2);
  const std::string packed = referat::index::encode_offsets(words);
  CHECK(referat::index::decode_offsets(packed) == words);
  CHECK(packed.size() < words.size() * 3 / 2);
  // Decoding stops early when asked for fewer positions.
  CHECK(referat::index::decode_offsets(packed, 10) == Offsets(words.begin(), words.begin() + 10));
  CHECK(referat::index::decode_offsets("").empty());
}

TEST_CASE("format 2 offsets (varint pairs) still decode", "[index]") {
  // start delta 0, length 3; start delta 4, length 2; start delta 200 (two varint bytes), length 5
  const std::string legacy{'\x00', '\x03', '\x04', '\x02', '\xC8', '\x01', '\x05'};
  CHECK(referat::index::decode_offsets(legacy, SIZE_MAX, false) == Offsets{{0, 3}, {4, 6}, {204, 209}});
  // Truncated data yields the complete positions only.
  CHECK(referat::index::decode_offsets(legacy.substr(0, 5), SIZE_MAX, false) == Offsets{{0, 3}, {4, 6}});
}

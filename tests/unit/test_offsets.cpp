// Token offsets stored for snippets: packed round trip and truncation.
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

TEST_CASE("packed offsets: long gaps and long words escape; truncated data keeps whole positions", "[index]") {
  const Offsets words{{0, 3}, {4, 6}, {300, 340}};  // the third: a 294-byte gap and a 40-byte word
  const std::string packed = referat::index::encode_offsets(words);
  CHECK(referat::index::decode_offsets(packed) == words);
  CHECK(referat::index::decode_offsets(packed.substr(0, packed.size() - 1)) == Offsets{{0, 3}, {4, 6}});
}

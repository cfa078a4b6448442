// libFuzzer target: what the index stores per item. Any bytes as a damaged
// record, packed positions and packed offsets: a record is read or refused
// with an IndexError, positions and offsets read as fewer or none, never
// out of bounds. And the same bytes as a recipe for positions and offsets
// that must come back exactly as written. Build and run: tests/fuzz/README.md.
#include <referat/error.hpp>

#include "index/positions.hpp"
#include "index/record.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

void read_damaged(const std::string& bytes) {
  try {
    (void)referat::index::unserialise(bytes);
  } catch (const referat::IndexError&) {
  }
  (void)referat::index::decode_offsets(bytes);
  referat::index::PositionsReader reader(bytes);
  std::vector<std::uint32_t> out;
  for (const char* term : {"demens", "Zdemens", "og", "a"}) reader.append_positions(reader.id_of(term), out);
  for (std::uint32_t id = 0; id < 64; ++id) reader.append_positions(id, out);
}

// Offsets as the analyzer gives them: ascending starts, gaps of 0-63 bytes,
// lengths 1-31 (most words, one byte each) and 44-299 (the long form).
void offsets_round_trip(const std::uint8_t* data, std::size_t size) {
  std::vector<std::pair<std::size_t, std::size_t>> offsets;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    begin += data[i] % 64;
    const std::size_t length = data[i + 1] % 32 == 0 ? data[i + 1] + 44u : data[i + 1] % 32;
    offsets.emplace_back(begin, begin + length);
    begin += length;
  }
  if (referat::index::decode_offsets(referat::index::encode_offsets(offsets)) != offsets) std::abort();
}

// Positions: terms from a small vocabulary, ascending positions, some terms
// at one position; every term must read back its own positions.
void positions_round_trip(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> vocabulary = [] {
    std::vector<std::string> v;
    for (int i = 0; i < 300; ++i) v.push_back("t" + std::to_string(i * 7919 % 100003));
    return v;
  }();
  referat::index::PositionsWriter writer;
  std::map<std::string, std::vector<std::uint32_t>> expected;
  std::uint32_t position = 0;
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    position += data[i] % 4;
    const std::string& term = vocabulary[data[i + 1] % vocabulary.size()];
    writer.add(position, term);
    auto& list = expected[term];
    if (list.empty() || list.back() != position) list.push_back(position);
  }
  const std::string packed = writer.encode();
  referat::index::PositionsReader reader(packed);
  for (const auto& [term, positions] : expected) {
    std::vector<std::uint32_t> got;
    reader.append_positions(reader.id_of(term), got);
    if (got != positions) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  read_damaged(std::string(reinterpret_cast<const char*>(data), size));
  offsets_round_trip(data, size);
  positions_round_trip(data, size);
  return 0;
}

// Positions kept in a packed value per document (index/positions.hpp) and
// the phrase/NEAR test over them (search/position_filter.hpp).
#include "catch.hpp"

#include "index/positions.hpp"
#include "index/schema.hpp"
#include "search/position_filter.hpp"

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using referat::index::PositionsReader;
using referat::index::PositionsWriter;
using referat::search::PositionConstraint;
using referat::search::positions_satisfy;
using Positions = std::vector<std::uint32_t>;

namespace {

// A document of `distinct` terms over `length` body positions (one to three
// terms each) and a short title; returns what was added, by term.
std::map<std::string, Positions> fill(PositionsWriter& writer, std::mt19937& rng, std::size_t distinct,
                                      std::uint32_t length) {
  std::map<std::string, Positions> added;
  std::uniform_int_distribution<std::size_t> pick(0, distinct - 1);
  auto add = [&](std::uint32_t position, const std::string& term) {
    writer.add(position, term);
    auto& list = added[term];
    if (list.empty() || list.back() != position) list.push_back(position);
  };
  for (std::uint32_t p = 0; p < length; ++p) {
    // Every term at least once, then at random.
    add(p, "t" + std::to_string(p < distinct ? p : pick(rng)));
    if (rng() % 3 == 0) add(p, "Zt" + std::to_string(pick(rng)));
  }
  for (std::uint32_t p = 0; p < 4; ++p) add(referat::schema::title_base + p, "t" + std::to_string(pick(rng)));
  return added;
}

}  // namespace

TEST_CASE("positions round-trip for every term, at every hash width", "[index][positions]") {
  std::mt19937 rng(11);
  // 2-byte hashes up to 800 terms, then 3 and 4 bytes.
  for (std::size_t distinct : {1u, 5u, 40u, 700u, 3000u, 20000u}) {
    PositionsWriter writer;
    auto added = fill(writer, rng, distinct, static_cast<std::uint32_t>(distinct * 2 + 3));
    const std::string packed = writer.encode();
    PositionsReader reader(packed);
    std::set<std::uint32_t> ids;
    for (const auto& [term, expected] : added) {
      const std::uint32_t id = reader.id_of(term);
      REQUIRE(id != 0);
      ids.insert(id);
      Positions got;
      reader.append_positions(id, got);
      REQUIRE(got == expected);
      // Below title_base: the body only.
      Positions body;
      reader.append_positions(id, body, referat::schema::title_base);
      Positions expected_body;
      for (auto p : expected) {
        if (p < referat::schema::title_base) expected_body.push_back(p);
      }
      REQUIRE(body == expected_body);
    }
    CHECK(ids.size() == added.size());  // distinct terms, distinct ids
  }
}

TEST_CASE("a term repeated at one position is stored once; an empty document reads as empty", "[index][positions]") {
  PositionsWriter writer;
  writer.add(0, "budget");
  writer.add(0, "budget");
  writer.add(0, "Zbudget");
  writer.add(2, "budget");
  PositionsReader reader(writer.encode());
  Positions got;
  reader.append_positions(reader.id_of("budget"), got);
  CHECK(got == Positions{0, 2});

  const std::string empty = PositionsWriter().encode();
  PositionsReader none(empty);
  CHECK(none.id_of("budget") == 0);
  got.clear();
  none.append_positions(1, got);
  CHECK(got.empty());
}

TEST_CASE("truncated or random position values never read out of bounds", "[index][positions][fuzz]") {
  std::mt19937 rng(5);
  PositionsWriter writer;
  auto added = fill(writer, rng, 100, 400);
  const std::string packed = writer.encode();
  auto read_all = [](const std::string& data) {
    PositionsReader reader(data);
    for (std::uint32_t id = 0; id < 120; ++id) {
      Positions got;
      reader.append_positions(id, got);
      for (std::size_t i = 1; i < got.size(); ++i) REQUIRE(got[i - 1] <= got[i]);
    }
    (void)reader.id_of("t7");
  };
  for (std::size_t cut = 0; cut <= packed.size(); cut += 7) read_all(packed.substr(0, cut));
  for (int round = 0; round < 300; ++round) {
    std::string noise(rng() % 200, '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    if (!noise.empty()) noise[0] = static_cast<char>(2 + rng() % 3);  // a plausible width
    read_all(noise);
    std::string flipped = packed;
    flipped[rng() % flipped.size()] = static_cast<char>(rng());
    read_all(flipped);
  }
}

TEST_CASE("phrase: in order at consecutive positions; NEAR: distinct positions within the window",
          "[search][positions]") {
  PositionConstraint phrase;
  phrase.words = {{"a"}, {"b"}, {"c"}};
  phrase.phrase = true;
  CHECK(positions_satisfy(phrase, {{1, 7}, {8}, {9}}));
  CHECK_FALSE(positions_satisfy(phrase, {{1}, {2}, {4}}));  // a gap
  CHECK_FALSE(positions_satisfy(phrase, {{3}, {2}, {4}}));  // out of order
  CHECK_FALSE(positions_satisfy(phrase, {{1}, {}, {3}}));   // a word missing

  PositionConstraint near;
  near.words = {{"a"}, {"b"}};
  near.window = 10;
  CHECK(positions_satisfy(near, {{20}, {11}}));        // 20 - 11 < 10, either order
  CHECK_FALSE(positions_satisfy(near, {{20}, {10}}));  // 20 - 10 = 10: outside
  CHECK(positions_satisfy(near, {{0, 50}, {45}}));
  near.window = 0;  // an empty window holds nothing
  CHECK_FALSE(positions_satisfy(near, {{3}, {3, 4}}));
  near.window = 10;
  // The same term twice needs two positions, as in Xapian's NEAR.
  near.words = {{"a"}, {"a"}};
  CHECK_FALSE(positions_satisfy(near, {{5}, {5}}));
  CHECK(positions_satisfy(near, {{5, 9}, {5, 9}}));
}

TEST_CASE("positions added by id pack exactly as positions added by term", "[index][positions]") {
  std::mt19937 rng(5);
  for (std::size_t distinct : {3u, 650u, 4000u}) {
    PositionsWriter by_term;
    const std::uint32_t length = static_cast<std::uint32_t>(distinct * 2);
    std::vector<std::pair<std::uint32_t, std::string>> added;
    std::uniform_int_distribution<std::size_t> pick(0, distinct - 1);
    for (std::uint32_t p = 0; p < length; ++p) {
      added.emplace_back(p, "t" + std::to_string(p < distinct ? p : pick(rng)));
      if (rng() % 4 == 0) added.emplace_back(p, added.back().second);  // a repeat at one position
    }
    std::map<std::string, std::uint32_t> ids;  // std::map: its keys stay in place
    PositionsWriter by_id;
    for (const auto& [position, term] : added) {
      by_term.add(position, term);
      auto [it, inserted] = ids.try_emplace(term, 0);
      if (inserted) it->second = by_id.id_of(&it->first);
      by_id.add(position, it->second);
    }
    CHECK(by_id.encode() == by_term.encode());
  }
}

TEST_CASE("a value packed with hash 1 (index format 4) still reads", "[index][positions]") {
  // Written by PositionsWriter before hash 2 (commit 5c36ea5): budget at 0
  // and 5, Zbudget 0, skolen 1 and title 0, Zskole 1, og 2, kommunen 3.
  const std::string format4(
      "\x02\x00\x06\x63\x18\xa7\x32\x64\x58\x7d\x60\xf6\xb6\x87\xe6\x03\x01\xff\xff\xff\x07\x04\x01\x01\x05\x00\x02"
      "\x06",
      28);
  PositionsReader reader(format4);
  const std::map<std::string, Positions> expected = {
      {"budget", {0, 5}}, {"Zbudget", {0}}, {"skolen", {1, referat::schema::title_base}},
      {"Zskole", {1}},    {"og", {2}},      {"kommunen", {3}}};
  for (const auto& [term, positions] : expected) {
    Positions got;
    reader.append_positions(reader.id_of(term), got);
    CHECK(got == positions);
  }
  // The writer now packs hash 2, flagged in the width byte.
  PositionsWriter writer;
  writer.add(0, "budget");
  CHECK((static_cast<unsigned char>(writer.encode()[0]) & 0x80) != 0);
}

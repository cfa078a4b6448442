// Decompounder quality on a hand-written list of municipal compounds and
// non-compounds: precision/recall are printed, floors are held.
#include "catch.hpp"
#include "test_paths.hpp"

#include <referat/analyzer.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

std::vector<std::string> parts_of(referat::Analyzer& a, const std::string& word) {
  std::vector<std::string> parts;
  for (const auto& token : a.analyze(word)) {
    for (const auto& term : token.terms) {
      if (term.kind == referat::TermKind::part) parts.push_back(term.text);
    }
  }
  return parts;
}

std::vector<std::string> lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("decompounder: heads of municipal compounds, non-compounds left whole", "[analysis][decompound]") {
  referat::Analyzer analyzer;
  auto compounds = lines(REFERAT_TEST_DATA_DIR "/compounds.tsv");
  auto non_compounds = lines(REFERAT_TEST_DATA_DIR "/non-compounds.txt");
  REQUIRE(compounds.size() >= 100);
  REQUIRE(non_compounds.size() >= 50);
  std::size_t right_head = 0, split = 0;
  std::ostringstream misses;
  for (const auto& line : compounds) {
    std::string word = line.substr(0, line.find('\t')), head = line.substr(line.find('\t') + 1);
    auto parts = parts_of(analyzer, word);
    bool whole_is_head = word == head;  // lexicalised (sygeplejerske): not split is right
    if (!parts.empty()) ++split;
    // The head part may itself be lexicalised ("nøgleperson" for person).
    auto ends_with = [](const std::string& s, const std::string& suffix) {
      return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    bool ok = whole_is_head ? true : (!parts.empty() && ends_with(parts.back(), head));
    if (ok)
      ++right_head;
    else
      misses << " " << word;
  }
  std::size_t wrongly_split = 0;
  std::ostringstream wrong;
  for (const auto& word : non_compounds) {
    if (!parts_of(analyzer, word).empty()) ++wrongly_split, wrong << " " << word;
  }
  const double head_rate = static_cast<double>(right_head) / static_cast<double>(compounds.size());
  const double false_split = static_cast<double>(wrongly_split) / static_cast<double>(non_compounds.size());
  std::cout << "decompounder: " << right_head << "/" << compounds.size() << " correct heads (" << 100 * head_rate
            << " %), " << wrongly_split << "/" << non_compounds.size() << " non-compounds split (" << 100 * false_split
            << " %)\n  missed:" << misses.str() << "\n  wrongly split:" << wrong.str() << "\n";
  CHECK(head_rate >= 0.90);
  CHECK(false_split <= 0.05);
}

#pragma once
// Judged queries (bench/relevance/judgments.jsonl) and the measures reported
// for every engine: P@10, nDCG@10 (binary gains), recall@100, zero-hit rate.
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "peer_query.hpp"

namespace bench {

struct Judgment {
  std::string id, corpus, query, kind;
  DateFilter dates;
  std::vector<std::string> relevant;  ///< item keys (see item_key())
};

/// referat names items of minutes files "<file stem>-<hash of the absolute
/// path>-<ordinal>"; judgments use "<file stem>#<ordinal>", which does not
/// depend on where the repository is cloned. JSONL ids are kept as they are.
inline std::string item_key(const std::string& id) {
  static const std::regex file_item("(.*)-[0-9a-f]{6}-([0-9]+)");
  std::smatch m;
  return std::regex_match(id, m, file_item) ? m[1].str() + "#" + m[2].str() : id;
}

inline std::vector<Judgment> read_judgments(const std::string& path, const std::string& corpus) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Judgment> out;
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("relevant"))
      throw std::runtime_error(path + ":" + std::to_string(line_no) + ": not a judgment object");
    if (j.value("corpus", "") != corpus) continue;
    Judgment judgment{j.value("id", ""),
                      corpus,
                      j.value("query", ""),
                      j.value("kind", ""),
                      {j.value("from", ""), j.value("to", "")},
                      j["relevant"].get<std::vector<std::string>>()};
    out.push_back(std::move(judgment));
  }
  return out;
}

struct Scores {
  double p10 = 0, ndcg10 = 0, recall100 = 0;
  bool zero_hits = false;
};

/// Scores one ranked list (ids already mapped through item_key(), duplicates
/// counted once) against the relevant set.
inline Scores score(const std::vector<std::string>& ranked, std::size_t total, const std::set<std::string>& relevant) {
  Scores s;
  s.zero_hits = total == 0;
  std::set<std::string> seen;
  std::size_t rank = 0, found10 = 0, found100 = 0;
  double dcg = 0;
  for (const auto& id : ranked) {
    if (!seen.insert(id).second) continue;
    ++rank;
    if (rank > 100) break;
    if (!relevant.count(id)) continue;
    ++found100;
    if (rank <= 10) {
      ++found10;
      dcg += 1.0 / std::log2(static_cast<double>(rank) + 1);
    }
  }
  double ideal = 0;
  for (std::size_t i = 1; i <= std::min<std::size_t>(10, relevant.size()); ++i) ideal += 1.0 / std::log2(i + 1.0);
  s.p10 = static_cast<double>(found10) / 10.0;
  s.ndcg10 = ideal > 0 ? dcg / ideal : 0;
  s.recall100 = relevant.empty() ? 0 : static_cast<double>(found100) / static_cast<double>(relevant.size());
  return s;
}

}  // namespace bench

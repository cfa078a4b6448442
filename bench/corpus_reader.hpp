#pragma once
// Reads the benchmark corpora (JSON Lines with id/title/text/…), optionally
// capped at a number of bytes of text, so every benchmark sees the same input.
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

struct Record {
  std::string id, title, text, date, committee;
};

inline std::vector<Record> read_jsonl(const std::string& path, std::size_t max_text_bytes) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Record> records;
  std::size_t total = 0;
  for (std::string line; total < max_text_bytes && std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    Record r{j.value("id", ""), j.value("title", ""), j.value("text", ""), j.value("date", ""),
             j.value("committee", "")};
    total += r.text.size() + r.title.size();
    records.push_back(std::move(r));
  }
  return records;
}

/// How the raw-Xapian peer indexes a record: title (weight 3), a position
/// gap, then the text, into `doc` via `generator`.
inline void index_with_termgenerator(Xapian::TermGenerator& generator, Xapian::Document& doc, const Record& r) {
  generator.set_document(doc);
  generator.index_text(r.title, 3);
  generator.increase_termpos();
  generator.index_text(r.text);
}

inline std::size_t text_bytes(const std::vector<Record>& records) {
  std::size_t n = 0;
  for (const auto& r : records) n += r.text.size() + r.title.size();
  return n;
}

}  // namespace bench

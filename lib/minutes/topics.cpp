#include "minutes/topics.hpp"

#include <referat/error.hpp>

#include "index/filter_terms.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <fstream>

namespace referat::minutes {

std::string Resolver::committee_term(const std::string& value) const {
  return index::committee_term(committees_.canonical(value));
}

// Values are trimmed here, for every caller: a topic pasted from a table
// cell (`--topic ' demens '`) was an unknown topic to `referat trends`.
std::string Resolver::topic_id(const std::string& value) const {
  const std::string folded = text::fold(text::trim(value));
  for (const auto& t : topics_) {
    if (t.id == folded || text::fold(t.label) == folded) return t.id;
  }
  return {};
}

std::string Resolver::topic_term(const std::string& value) const {
  const std::string id = topic_id(value);
  return id.empty() ? std::string() : index::topic_term(id);
}

TopicTagger::TopicTagger(const std::vector<Topic>& topics, const query::FilterResolver& resolver) {
  for (const auto& topic : topics) {
    try {
      queries_.emplace_back(topic.id, query::parse(topic.query, resolver));
    } catch (const QueryError& e) {
      throw InputError("topics.tsv", 0, "topic '" + topic.id + "': " + e.what());
    }
  }
}

std::vector<std::string> TopicTagger::tag(const query::ItemTerms& terms, Analyzer& analyzer) const {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < queries_.size(); ++i) {
    const bool match =
        i < prepared_.size() ? prepared_[i].matches(terms) : query::matches(*queries_[i].second, terms, analyzer);
    if (match) ids.push_back(queries_[i].first);
  }
  return ids;
}

const query::TermInterest& TopicTagger::interest(Analyzer& analyzer) {
  if (!interest_) {
    interest_ = std::make_unique<query::TermInterest>();
    for (const auto& entry : queries_) {
      query::collect_interest(*entry.second, analyzer, *interest_);
      prepared_.emplace_back(*entry.second, analyzer);
    }
  }
  return *interest_;
}

query::ItemTerms item_terms(const AgendaItem& item, Analyzer& analyzer, const query::TermInterest* interest) {
  query::ItemTerms terms(interest);
  std::uint32_t next = analyzer.analyze(item.title, [&](const Token& t) { terms.add(t); });
  analyzer.analyze(
      item.full_text(), [&](const Token& t) { terms.add(t); }, next + 1);
  return terms;
}

std::string data_file(const std::string& data_dir, const char* name) {
  if (data_dir.empty()) return {};
  std::string path = data_dir + "/" + name;
  return std::ifstream(path) ? path : std::string();
}

}  // namespace referat::minutes

#pragma once
// Topic tagging: each topic is a query; an item has the topic when the
// query matches the item's analysed terms.
#include <referat/minutes.hpp>

#include "query/query_ast.hpp"
#include "query/terms.hpp"

namespace referat::minutes {

/// Resolves udvalg:/emne: values through the alias table and taxonomy.
class Resolver final : public query::FilterResolver {
 public:
  Resolver(const CommitteeTable& committees, const std::vector<Topic>& topics)
      : committees_(committees), topics_(topics) {}
  std::string committee_term(const std::string& value) const override;
  std::string topic_term(const std::string& value) const override;
  /// The id of the topic `value` names by id or label (trimmed, folded); "" when none does.
  std::string topic_id(const std::string& value) const;

 private:
  const CommitteeTable& committees_;
  const std::vector<Topic>& topics_;
};

class TopicTagger {
 public:
  /// Parses every topic's query; throws InputError naming a bad topic.
  TopicTagger(const std::vector<Topic>& topics, const query::FilterResolver& resolver);
  /// Topic ids whose query matches `terms`. After interest(), the topics'
  /// words are not analysed again (`analyzer` must analyse as the one given
  /// there did); before, they are analysed on every call.
  std::vector<std::string> tag(const query::ItemTerms& terms, Analyzer& analyzer) const;
  /// The terms the topic queries look at (computed on first use, with the
  /// prepared queries tag() uses from then on).
  const query::TermInterest& interest(Analyzer& analyzer);

 private:
  std::vector<std::pair<std::string, query::NodePtr>> queries_;
  std::unique_ptr<query::TermInterest> interest_;
  std::vector<query::PreparedQuery> prepared_;  // one per query, once interest_ is set
};

/// Analyses an item's title and text into ItemTerms (only the terms in
/// `interest` when given).
query::ItemTerms item_terms(const AgendaItem& item, Analyzer& analyzer, const query::TermInterest* interest = nullptr);

/// Path of `name` inside `data_dir` when it exists there, else "" (bundled).
std::string data_file(const std::string& data_dir, const char* name);

}  // namespace referat::minutes

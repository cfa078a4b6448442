#pragma once
// How query words become index terms, and how a query tree is evaluated
// against one item's terms (topic tagging). Both go through the Analyzer, so
// index, search and topics agree.
#include "query/query_ast.hpp"

#include <referat/analyzer.hpp>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace referat::query {

/// For each token of `text`: the lemma-level terms any of which matches it
/// (without the Z prefix). Stop words are left out unless every token is one.
std::vector<std::vector<std::string>> word_terms(Analyzer& analyzer, const std::string& text);

/// The surface forms of `text`'s tokens, in order (for exact phrases).
std::vector<std::string> surface_terms(Analyzer& analyzer, const std::string& text);

/// The terms of one item, for evaluating a query tree without an index.
struct ItemTerms {
  std::unordered_set<std::string> lemmas;                                ///< lemma and part terms
  std::unordered_map<std::string, std::vector<std::uint32_t>> surfaces;  ///< surface → positions
  void add(const Token& token);
};

/// True when the item matches the tree (filters and date ranges never match:
/// topics are defined by words).
bool matches(const Node& node, const ItemTerms& item, Analyzer& analyzer);

}  // namespace referat::query

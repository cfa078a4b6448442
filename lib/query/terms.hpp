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

/// How one query token matches: any of its lemma-level terms (without the Z
/// prefix), and, for a compound, its parts.
struct WordMatch {
  std::vector<std::string> lemmas;  ///< for a stop word: its surface form (stop words have no lemma terms)
  std::vector<std::string> parts;   ///< empty unless the token is a compound
  bool stop_word = false;
};

/// One WordMatch per token of `text`. Stop words are left out unless every
/// token is one.
std::vector<WordMatch> word_matches(Analyzer& analyzer, const std::string& text);

/// The lemmas of word_matches(), per token.
std::vector<std::vector<std::string>> word_terms(Analyzer& analyzer, const std::string& text);

/// The surface forms of `text`'s tokens, in order (for exact phrases).
std::vector<std::string> surface_terms(Analyzer& analyzer, const std::string& text);

/// True when the word `lemma`, written as it is, is one token in its
/// dictionary form (Token::dictionary_form). The index then holds the lemma
/// of every occurrence of that surface form under the surface term alone
/// (schema::format_version 6): the flag depends on the word, not its context.
bool surface_holds_lemma(Analyzer& analyzer, const std::string& lemma);

/// The terms some query trees can look at: an item need record only these.
struct TermInterest {
  std::unordered_set<std::string> lemmas, surfaces;
  std::vector<std::string> prefixes;
};

/// Adds the terms `node` looks at to `interest`.
void collect_interest(const Node& node, Analyzer& analyzer, TermInterest& interest);

/// The terms of one item, for evaluating a query tree without an index.
/// With an interest, only the terms it names are kept (topic tagging at
/// index time touches every token: it must stay cheap).
struct ItemTerms {
  explicit ItemTerms(const TermInterest* interest = nullptr) : interest_(interest) {}
  std::unordered_set<std::string> lemmas;                                ///< lemma and part terms
  std::unordered_map<std::string, std::vector<std::uint32_t>> surfaces;  ///< surface → positions
  void add(const Token& token);

 private:
  const TermInterest* interest_;
  bool wanted_surface(const std::string& text) const;
};

/// A query tree with its words analysed once, for matching many items:
/// topic tagging analysed every topic's words again for each item indexed
/// (about 1% of indexing's CPU on Europarl).
class PreparedQuery {
 public:
  PreparedQuery(const Node& node, Analyzer& analyzer);
  /// True when the item matches the tree (filters and date ranges never
  /// match: topics are defined by words).
  bool matches(const ItemTerms& item) const;

 private:
  struct Step {
    NodeType type;
    std::vector<std::vector<std::string>> lemmas;  // word: each token's alternatives
    std::vector<std::string> surfaces;             // phrase, prefix: the tokens' surface forms
    bool empty = false;                            // analyses to no terms ("?", "§")
    std::vector<Step> children;
  };
  static Step prepare(const Node& node, Analyzer& analyzer);
  static bool matches(const Step& step, const ItemTerms& item);
  Step root_;
};

/// PreparedQuery(node, analyzer).matches(item).
bool matches(const Node& node, const ItemTerms& item, Analyzer& analyzer);

}  // namespace referat::query

#include "query/terms.hpp"

#include <algorithm>

namespace referat::query {

std::vector<WordMatch> word_matches(Analyzer& analyzer, const std::string& text) {
  std::vector<WordMatch> result, stops;
  analyzer.analyze(text, [&](const Token& token) {
    WordMatch match;
    for (const Term& term : token.terms) {
      if (term.kind == TermKind::lemma) match.lemmas.push_back(term.text);
      if (term.kind == TermKind::part) match.parts.push_back(term.text);
    }
    if (match.lemmas.empty()) match.lemmas.push_back(token.text);
    if (match.parts.size() < 2) match.parts.clear();
    match.stop_word = token.stop_word;
    (token.stop_word ? stops : result).push_back(std::move(match));
  });
  return result.empty() ? stops : result;
}

std::vector<std::vector<std::string>> word_terms(Analyzer& analyzer, const std::string& text) {
  std::vector<std::vector<std::string>> out;
  for (auto& match : word_matches(analyzer, text)) out.push_back(std::move(match.lemmas));
  return out;
}

std::vector<std::string> surface_terms(Analyzer& analyzer, const std::string& text) {
  std::vector<std::string> result;
  analyzer.analyze(text, [&](const Token& token) { result.push_back(token.text); });
  return result;
}

bool surface_holds_lemma(Analyzer& analyzer, const std::string& lemma) {
  int tokens = 0;
  bool holds = false;
  analyzer.analyze(lemma, [&](const Token& token) {
    ++tokens;
    holds = token.text == lemma && token.dictionary_form;
  });
  return tokens == 1 && holds;
}

bool ItemTerms::wanted_surface(const std::string& text) const {
  if (!interest_ || interest_->surfaces.count(text)) return true;
  for (const auto& prefix : interest_->prefixes) {
    if (text.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

void ItemTerms::add(const Token& token) {
  for (const Term& term : token.terms) {
    if (term.kind == TermKind::lemma || term.kind == TermKind::part) {
      if (!interest_ || interest_->lemmas.count(term.text)) lemmas.insert(term.text);
    } else if (wanted_surface(term.text)) {
      surfaces[term.text].push_back(token.position);
    }
  }
}

void collect_interest(const Node& node, Analyzer& analyzer, TermInterest& interest) {
  switch (node.type) {
    case NodeType::word:
      for (const auto& alternatives : word_terms(analyzer, node.text)) {
        interest.lemmas.insert(alternatives.begin(), alternatives.end());
      }
      break;
    case NodeType::phrase:
      for (auto& w : surface_terms(analyzer, node.text)) interest.surfaces.insert(std::move(w));
      break;
    case NodeType::prefix:
      for (auto& w : surface_terms(analyzer, node.text)) interest.prefixes.push_back(std::move(w));
      break;
    default:
      for (const auto& child : node.children) collect_interest(*child, analyzer, interest);
  }
}

namespace {

bool phrase_matches(const std::vector<std::string>& words, const ItemTerms& item) {
  if (words.empty()) return false;
  auto first = item.surfaces.find(words[0]);
  if (first == item.surfaces.end()) return false;
  for (std::uint32_t start : first->second) {
    bool all = true;
    for (std::size_t k = 1; k < words.size() && all; ++k) {
      auto it = item.surfaces.find(words[k]);
      all = it != item.surfaces.end() && std::find(it->second.begin(), it->second.end(), start + k) != it->second.end();
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

PreparedQuery::PreparedQuery(const Node& node, Analyzer& analyzer) : root_(prepare(node, analyzer)) {}

PreparedQuery::Step PreparedQuery::prepare(const Node& node, Analyzer& analyzer) {
  Step step;
  step.type = node.type;
  switch (node.type) {
    case NodeType::word:
      step.lemmas = word_terms(analyzer, node.text);
      step.empty = step.lemmas.empty();
      break;
    case NodeType::phrase:
    case NodeType::prefix:
      step.surfaces = surface_terms(analyzer, node.text);
      step.empty = step.surfaces.empty();
      break;
    default:
      for (const NodePtr& child : node.children) step.children.push_back(prepare(*child, analyzer));
  }
  return step;
}

bool PreparedQuery::matches(const ItemTerms& item) const { return matches(root_, item); }

bool PreparedQuery::matches(const Step& step, const ItemTerms& item) {
  switch (step.type) {
    case NodeType::match_all: return true;
    case NodeType::word:
      if (step.empty) return false;
      for (const auto& alternatives : step.lemmas) {
        bool any = std::any_of(alternatives.begin(), alternatives.end(),
                               [&](const std::string& t) { return item.lemmas.count(t) > 0; });
        if (!any) return false;
      }
      return true;
    case NodeType::phrase: return phrase_matches(step.surfaces, item);
    case NodeType::prefix: {
      if (step.surfaces.size() != 1) return false;
      const std::string& start = step.surfaces[0];
      for (const auto& [surface, positions] : item.surfaces) {
        if (surface.compare(0, start.size(), start) == 0) return true;
      }
      return false;
    }
    // A word, phrase or prefix that analyses to no terms is left out of an
    // AND, as search::compile leaves it out, so that a topic tags what its
    // query finds.
    case NodeType::and_:
    case NodeType::near: {
      bool any = false;
      for (const Step& c : step.children) {
        if (c.empty) continue;
        if (!matches(c, item)) return false;
        any = true;
      }
      return any;
    }
    case NodeType::or_:
      return std::any_of(step.children.begin(), step.children.end(), [&](const Step& c) { return matches(c, item); });
    case NodeType::and_not: {
      // As search::compile: nothing before the NOT is every item, nothing
      // after it leaves nothing out.
      const Step& left = step.children[0];
      const Step& right = step.children[1];
      if (right.empty) return left.type != NodeType::match_all && !left.empty && matches(left, item);
      return (left.empty || matches(left, item)) && !matches(right, item);
    }
    case NodeType::filter:
    case NodeType::date_range: return false;
  }
  return false;
}

bool matches(const Node& node, const ItemTerms& item, Analyzer& analyzer) {
  return PreparedQuery(node, analyzer).matches(item);
}

}  // namespace referat::query

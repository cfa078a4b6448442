#include "search/compile.hpp"

#include <referat/error.hpp>

#include "index/lemma_forms.hpp"
#include "index/schema.hpp"
#include "query/terms.hpp"
#include "search/position_filter.hpp"

#include <algorithm>

namespace referat::search {
namespace {

std::string field_prefix(query::Field field) {
  switch (field) {
    case query::Field::title: return std::string(schema::title);
    case query::Field::indstilling: return std::string(schema::indstilling);
    case query::Field::beslutning: return std::string(schema::beslutning);
    case query::Field::sagsfremstilling: return std::string(schema::sagsfremstilling);
    case query::Field::all: break;
  }
  return std::string(schema::lemma);
}

class Compiler {
 public:
  Compiler(Analyzer& analyzer, const Xapian::Database& db, PositionStore positions, SecondReader* second)
      : analyzer_(analyzer), db_(db), positions_(positions), second_(second) {}
  Compiled result;

  Xapian::Query run(const query::Node& node, bool positive) {
    using query::NodeType;
    switch (node.type) {
      case NodeType::match_all: return Xapian::Query::MatchAll;
      case NodeType::word: return word(node, positive);
      case NodeType::phrase: {
        auto words = query::surface_terms(analyzer_, node.text);
        if (words.empty()) return Xapian::Query();
        if (node.field != query::Field::all) {  // sections/title index lemmas only
          std::vector<Xapian::Query> parts;
          for (auto& alternatives : query::word_terms(analyzer_, node.text))
            parts.push_back(any_of(alternatives, node.field, positive));
          return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
        }
        if (positive) {
          for (const auto& w : words) result.highlight_terms.push_back({w});
        }
        if (words.size() == 1) return Xapian::Query(words[0]);
        PositionConstraint phrase;
        for (auto& w : words) phrase.words.push_back({w});
        phrase.phrase = true;
        return positional_query(std::move(phrase), positions_, second_);
      }
      case NodeType::prefix: {
        auto words = query::surface_terms(analyzer_, node.text);
        if (words.empty()) return Xapian::Query();
        return Xapian::Query(Xapian::Query::OP_WILDCARD, words.back(), 200,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      }
      case NodeType::and_:
      case NodeType::or_: {
        // "sanktioner mod Rusland": a stop word between content words is not
        // required (it is kept in "exact phrases"); alone it is searched.
        std::vector<char> stop(node.children.size(), 0);  // analysed once per child
        if (node.type == NodeType::and_) {
          for (std::size_t i = 0; i < stop.size(); ++i) stop[i] = stop_words_only(*node.children[i]);
        }
        const bool skip_stop_words = std::find(stop.begin(), stop.end(), 0) != stop.end();
        std::vector<Xapian::Query> parts;
        for (std::size_t i = 0; i < stop.size(); ++i) {
          if (skip_stop_words && stop[i]) continue;
          // A child with nothing to search for (a pasted " – ", "§", "?")
          // is left out: in an AND it made the whole query match nothing.
          Xapian::Query part = run(*node.children[i], positive);
          if (!part.empty()) parts.push_back(std::move(part));
        }
        if (parts.empty()) return Xapian::Query();
        return Xapian::Query(node.type == NodeType::and_ ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts.begin(),
                             parts.end());
      }
      case NodeType::and_not: {
        // Nothing to search for before the NOT ("? -anlæg") reads as the
        // NOT alone ("-anlæg"): every item but those. Nothing after it
        // ("budget -§") leaves nothing out, and "-?" alone is nothing to
        // search for, not every item.
        const query::Node& kept = *node.children[0];
        Xapian::Query right = run(*node.children[1], false);
        if (right.empty()) return kept.type == NodeType::match_all ? Xapian::Query() : run(kept, positive);
        Xapian::Query left = run(kept, positive);
        if (left.empty()) left = Xapian::Query::MatchAll;
        return Xapian::Query(Xapian::Query::OP_AND_NOT, left, right);
      }
      case NodeType::near: {
        PositionConstraint near;
        for (const auto& c : node.children) {
          auto alternatives = query::word_terms(analyzer_, c->text);
          if (alternatives.empty()) continue;
          const std::string& lemma = alternatives.front().front();
          near.words.push_back(lemma_terms(lemma));
          if (positive) result.highlight_terms.push_back(near.words.back());
        }
        if (near.words.empty()) return Xapian::Query();
        // The window is the span of positions the words must fit in: a plain
        // NEAR 10; NEAR/N the words themselves plus N others.
        const unsigned plain = node.near_plain || node.near_gap < 0 ? 10u : 0u;
        const unsigned gapped =
            node.near_gap < 0 ? 0u : static_cast<unsigned>(node.near_gap) + static_cast<unsigned>(near.words.size());
        near.window = std::max(plain, gapped);
        return positional_query(std::move(near), positions_, second_);
      }
      case NodeType::filter: return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(node.text), 0.0);
      case NodeType::date_range: {
        if (node.from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot_date, node.to);
        if (node.to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, node.from);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, node.from, node.to);
      }
    }
    return Xapian::Query();
  }

 private:
  Analyzer& analyzer_;
  const Xapian::Database& db_;
  PositionStore positions_;
  SecondReader* second_;

  std::vector<std::string> lemma_terms(const std::string& lemma) { return lemma_index_terms(analyzer_, db_, lemma); }

  // Matches a lemma's index terms as one term: their wdfs add up to the
  // count the Z term alone held before format 6.
  static Xapian::Query lemma_query(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  bool stop_words_only(const query::Node& node) {
    if (node.type != query::NodeType::word || node.field != query::Field::all) return false;
    auto tokens = query::word_matches(analyzer_, node.text);
    return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const auto& t) { return t.stop_word; });
  }

  Xapian::Query any_of(const std::vector<std::string>& alternatives, query::Field field, bool positive) {
    std::vector<Xapian::Query> terms;
    const std::string prefix = field_prefix(field);
    for (const auto& a : alternatives) {
      auto held_by = lemma_terms(a);
      // Field terms (titel:, sections) hold every occurrence themselves.
      terms.push_back(prefix == schema::lemma ? lemma_query(held_by) : Xapian::Query(prefix + a));
      if (positive) result.highlight_terms.push_back(std::move(held_by));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

  Xapian::Query word(const query::Node& node, bool positive) {
    auto tokens = query::word_matches(analyzer_, node.text);
    if (tokens.empty()) return Xapian::Query();
    if (positive && node.field == query::Field::all) result.words.push_back(node.text);
    std::vector<Xapian::Query> parts;
    for (const auto& match : tokens) {
      if (match.stop_word && node.field == query::Field::all) {  // indexed by surface form only
        if (positive) result.highlight_terms.push_back({match.lemmas.front()});
        parts.emplace_back(match.lemmas.front());
        continue;
      }
      Xapian::Query whole = any_of(match.lemmas, node.field, positive);
      if (match.parts.empty() || node.field != query::Field::all) {
        parts.push_back(whole);
        continue;
      }
      // A compound also matches its parts written near each other
      // ("sundhedsreform" finds "reformen af sundhedsvæsenet"), weighted
      // below the whole word. Items holding the whole word match through
      // it: the parts clause leaves them out unread (and so no longer adds
      // to their weight), where they were most of its position checks.
      PositionConstraint pieces;
      pieces.window = static_cast<unsigned>(match.parts.size() + 4);
      for (const auto& a : match.lemmas) {
        for (auto& term : lemma_terms(a)) pieces.unless.push_back(std::move(term));
      }
      for (const auto& p : match.parts) {
        pieces.words.push_back(lemma_terms(p));
        if (positive) result.part_terms.push_back(pieces.words.back());
      }
      parts.emplace_back(
          Xapian::Query::OP_OR, whole,
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, positional_query(std::move(pieces), positions_, second_), 0.5));
    }
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }
};

}  // namespace

std::vector<std::string> lemma_index_terms(Analyzer& analyzer, const Xapian::Database& db, const std::string& lemma) {
  std::vector<std::string> terms{std::string(schema::lemma) + lemma};
  if (query::surface_holds_lemma(analyzer, lemma)) terms.push_back(lemma);
  for (auto& form : index::forms_of(db, lemma)) {
    if (std::find(terms.begin(), terms.end(), form) == terms.end()) terms.push_back(std::move(form));
  }
  return terms;
}

Compiled compile(const query::Node& node, Analyzer& analyzer, const Xapian::Database& db, PositionStore positions,
                 SecondReader* second) {
  Compiler compiler(analyzer, db, positions, second);
  Xapian::Query q = compiler.run(node, true);
  // An empty Xapian query stands for "nothing to search for" throughout the
  // compiler; a whole query of it ("?", "-", "\"\"") is an error, not 0 hits.
  if (q.empty()) throw QueryError(node.position, "nothing to search for: the query has no words, numbers or filters");
  compiler.result.query = q;
  return std::move(compiler.result);
}

}  // namespace referat::search

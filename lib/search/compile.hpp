#pragma once
// Compiles the query tree into a Xapian::Query, collecting the terms to
// highlight in snippets.
#include "query/query_ast.hpp"
#include "search/second_reader.hpp"

#include <referat/analyzer.hpp>
#include <referat/index.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace referat::search {

struct Compiled {
  Xapian::Query query;
  /// Positional terms of the positive parts: per query term, the index terms
  /// that hold it (lemma_index_terms).
  std::vector<std::vector<std::string>> highlight_terms;
  /// Compound parts: highlighted only in items where no highlight_terms matched
  /// (the item was found through the parts written apart).
  std::vector<std::vector<std::string>> part_terms;
  std::vector<std::string> words;  ///< plain query words (for spelling suggestions)
};

/// The terms holding `lemma` (without prefix): its Z term; its surface term
/// where a word written in its dictionary form stands for the lemma
/// (schema::format_version 6); and the surface forms `db` lists under the
/// lemma (format 8, index/lemma_forms.hpp). Only those: a surface form that
/// is not its own lemma (the stop word "have", lemma of "haft") must not match.
std::vector<std::string> lemma_index_terms(Analyzer& analyzer, const Xapian::Database& db, const std::string& lemma);

/// `db`: the index searched (for its lemma forms); `positions`: its position
/// store (phrases and NEAR are checked there); `second`: a reader that checks
/// them on a second core, or null.
Compiled compile(const query::Node& node, Analyzer& analyzer, const Xapian::Database& db, PositionStore positions,
                 SecondReader* second = nullptr);

}  // namespace referat::search

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
  std::vector<std::string> highlight_terms;  ///< positional terms of the positive parts
  /// Compound parts: highlighted only in items where no highlight_terms matched
  /// (the item was found through the parts written apart).
  std::vector<std::string> part_terms;
  std::vector<std::string> words;  ///< plain query words (for spelling suggestions)
};

/// `positions`: the index's position store (phrases and NEAR are checked
/// there); `second`: a reader that checks them on a second core, or null.
Compiled compile(const query::Node& node, Analyzer& analyzer, PositionStore positions, SecondReader* second = nullptr);

}  // namespace referat::search

#pragma once
// The filter options every reading command shares (--committee, --topic,
// --case, --decision, --from, --to, QUERY), and the SearchRequest they make.
#include <referat/search.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace referat::cli {

/// Option values of a reading command (search also sets sort, collapse, paging).
struct SearchArgs {
  std::vector<std::string> words, committees, topics, cases, decisions;
  std::string from, to, sort = "relevance", collapse;
  std::size_t limit = 10, offset = 0;
};

/// Registers the filter options and the QUERY words on `app`.
void add_filter_options(CLI::App& app, SearchArgs& args);

/// The request the options describe; bad dates throw a usage error.
SearchRequest request_of(const SearchArgs& args);

}  // namespace referat::cli

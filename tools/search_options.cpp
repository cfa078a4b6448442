// Filter options shared by search, facets and export, and the SearchRequest
// they describe.
#include "search_options.hpp"

#include "commands.hpp"
#include "json_output.hpp"

namespace referat::cli {

void add_filter_options(CLI::App& app, SearchArgs& a) {
  // One value each, repeated for more: a vector option would otherwise take
  // the query words after it as values too.
  app.add_option("--committee", a.committees, "Only items of this committee (name or alias; repeatable)")
      ->allow_extra_args(false);
  app.add_option("--topic", a.topics, "Only items with this topic (repeatable)")->allow_extra_args(false);
  app.add_option("--case", a.cases, "Only items with this case number (repeatable)")->allow_extra_args(false);
  app.add_option("--decision", a.decisions, "Only items with this decision outcome (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--from", a.from, "From date (YYYY-MM-DD or D.M.YYYY), inclusive");
  app.add_option("--to", a.to, "To date, inclusive");
  app.add_option("QUERY", a.words, "Query (see README: Query syntax)");
}

SearchRequest request_of(const SearchArgs& a) {
  SearchRequest r;
  std::vector<std::string> words;  // without the space main() puts before "-word"
  for (const auto& w : a.words) {
    const std::size_t first = w.find_first_not_of(' ');
    if (first != std::string::npos) words.push_back(w.substr(first));
  }
  r.query = join(words, " ");
  r.committees = a.committees;
  r.topics = a.topics;
  r.cases = a.cases;
  r.decisions = a.decisions;
  r.from = date_option(a.from, "--from");
  r.to = date_option(a.to, "--to");
  r.limit = a.limit;
  r.offset = a.offset;
  r.sort = a.sort == "date"    ? SortOrder::date_ascending
           : a.sort == "-date" ? SortOrder::date_descending
                               : SortOrder::relevance;
  r.collapse = a.collapse == "case"      ? Collapse::by_case
               : a.collapse == "meeting" ? Collapse::by_meeting
                                         : Collapse::none;
  return r;
}

}  // namespace referat::cli

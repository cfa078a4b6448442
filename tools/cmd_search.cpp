// search, facets, show, stats: reading the index.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"
#include "search_options.hpp"

#include <unistd.h>
#include <iostream>

namespace referat::cli {
namespace {

std::string highlighted(const Snippet& s, bool colour) {
  std::string out;
  std::size_t at = 0;
  for (const auto& [b, e] : s.highlights) {
    if (b < at || e > s.text.size()) continue;
    out += s.text.substr(at, b - at);
    out += colour ? "\033[1;33m" : "[";
    out += s.text.substr(b, e - b);
    out += colour ? "\033[0m" : "]";
    at = e;
  }
  return out + s.text.substr(at);
}

void print_facets(const Facets& f) {
  auto show = [](const char* name, const std::vector<FacetValue>& values) {
    if (values.empty()) return;
    std::cout << name << ":";
    for (const auto& v : values) std::cout << "  " << v.value << " (" << v.count << ")";
    std::cout << "\n";
  };
  show("udvalg", f.committee);
  show("emne", f.topic);
  show("år", f.year);
  show("beslutning", f.decision);
}

}  // namespace

Runner add_search(CLI::App& app, Common& common) {
  auto a = std::make_shared<SearchArgs>();
  app.add_option("--format", common.format, "text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}));
  // Unsigned options would take "-1" as a huge number: refuse it instead.
  const CLI::Validator not_negative(
      [](std::string& value) { return value.find('-') == std::string::npos ? "" : "must not be negative"; }, "COUNT");
  app.add_option("--limit", a->limit, "Hits to show (default 10)")->check(not_negative);
  app.add_option("--offset", a->offset, "Hits to skip")->check(not_negative);
  app.add_option("--sort", a->sort, "relevance, date (oldest first) or -date")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  app.add_option("--collapse", a->collapse, "One hit per case or meeting")->check(CLI::IsMember({"case", "meeting"}));
  auto exact_spelling = std::make_shared<bool>(false);
  app.add_flag("--exact-spelling", *exact_spelling, "Never show a spelling suggestion's hits instead of no hits");
  add_filter_options(app, *a);
  return [&common, a, exact_spelling]() {
    Searcher searcher = open_searcher(common);
    SearchRequest request = request_of(*a);
    request.correct_spelling = !*exact_spelling;
    SearchResult result = searcher.search(request);
    if (common.format == "json") {
      std::cout << to_json(result).dump(2) << "\n";
    } else if (common.format == "csv") {
      std::cout << csv_line({"id", "date", "committees", "item_number", "title", "case_numbers", "topics", "outcomes",
                             "score", "source", "snippet"});
      for (const auto& h : result.hits) {
        std::vector<std::string> outcomes;
        for (const auto& d : h.decisions) outcomes.push_back(d.outcome);
        std::cout << csv_line({h.id, h.date.iso(), join(h.committees, "; "), h.item_number, h.title,
                               join(h.case_numbers, "; "), join(h.topics, "; "), join(outcomes, "; "),
                               std::to_string(h.score), h.source, h.snippet.text});
      }
    } else {
      const bool colour = isatty(STDOUT_FILENO);
      const bool one = result.total == 1;
      if (!result.query.empty()) {
        std::cout << result.total << (one ? " item matches '" : " items match '") << result.query << "'";
      } else {  // a browse: "5 items match ''" told nothing
        const bool filtered = !request.committees.empty() || !request.topics.empty() || !request.cases.empty() ||
                              !request.decisions.empty() || request.from || request.to;
        std::cout << result.total << (one ? " item" : " items")
                  << (filtered ? (one ? " matches the filters" : " match the filters") : " in the index");
      }
      if (result.hits.empty() && result.total > 0) {  // "(showing 101-100)" before
        std::cout << " (none shown: --offset " << result.offset << " is past the last)";
      } else if (result.total > result.hits.size()) {
        std::cout << " (showing " << result.offset + 1 << "-" << result.offset + result.hits.size() << ")";
      }
      std::cout << "\n";
      for (const auto& n : result.notes) std::cout << "note: " << n << "\n";
      if (result.suggestion && result.notes.empty()) std::cout << "did you mean: " << *result.suggestion << "\n";
      for (const auto& h : result.hits) {
        std::cout << "\n"
                  << (colour ? "\033[1m" : "") << h.title << (colour ? "\033[0m" : "") << "\n  " << h.date.iso()
                  << " · " << join(h.committees, ", ");
        if (!h.case_numbers.empty()) std::cout << " · sag " << join(h.case_numbers, ", ");
        for (const auto& d : h.decisions) {
          if (!d.outcome.empty()) std::cout << " · " << d.committee << ": " << d.outcome;
        }
        std::cout << "\n  id " << h.id << "\n";
        if (!h.snippet.text.empty()) std::cout << "  " << highlighted(h.snippet, colour) << "\n";
      }
      if (!result.hits.empty()) std::cout << "\n";
      print_facets(result.facets);
    }
    return int(exit_ok);
  };
}

Runner add_facets(CLI::App& app, Common& common) {
  auto a = std::make_shared<SearchArgs>();
  app.add_option("--format", common.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  add_filter_options(app, *a);
  return [&common, a]() {
    Searcher searcher = open_searcher(common);
    SearchRequest r = request_of(*a);
    r.limit = 0;
    r.snippet_bytes = 0;
    SearchResult result = searcher.search(r);
    if (common.format == "json") {
      std::cout << nlohmann::json{{"query", result.query}, {"total", result.total}, {"facets", to_json(result.facets)}}
                       .dump(2)
                << "\n";
    } else {
      std::cout << result.total << " items\n";
      print_facets(result.facets);
    }
    return int(exit_ok);
  };
}

Runner add_show(CLI::App& app, Common& common) {
  auto id = std::make_shared<std::string>();
  app.add_option("--format", common.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("ID", *id, "Item id (from search results)")->required();
  return [&common, id]() {
    Searcher searcher = open_searcher(common);
    auto item = searcher.item(*id);
    if (!item) {
      std::cerr << "referat: no item with id '" << *id << "'\n";
      return int(exit_bad_input);
    }
    if (common.format == "json") {
      std::cout << to_json(*item).dump(2) << "\n";
      return int(exit_ok);
    }
    const Hit& h = item->hit;
    std::cout << h.title << "\n"
              << std::string(std::min<std::size_t>(h.title.size(), 78), '=') << "\n"
              << "id:          " << h.id << "\nsource:      " << h.source << "\ndate:        " << h.date.iso()
              << "\ncommittees:  " << join(h.committees, ", ") << "\ncases:       " << join(h.case_numbers, ", ")
              << "\ntopics:      " << join(h.topics, ", ") << "\n";
    for (const auto& d : item->decisions) {
      std::cout << "decision:    " << d.date.iso() << " " << d.committee << ": " << d.outcome << "\n";
    }
    for (const auto& at : item->attachments) {
      std::cout << "attachment:  " << at.number << " " << at.title
                << (at.document_id.empty() ? "" : " (" + at.document_id + ")") << "\n";
    }
    std::cout << "\n" << item->text << "\n";
    return int(exit_ok);
  };
}

Runner add_stats(CLI::App& app, Common& common) {
  app.add_option("--format", common.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [&common]() {
    Searcher searcher = open_searcher(common);
    IndexStats s = searcher.stats();
    if (common.format == "json") {
      std::cout << nlohmann::json{{"path", s.path},
                                  {"items", s.items},
                                  {"meetings", s.meetings},
                                  {"files", s.files},
                                  {"committees", to_json(s.committees)},
                                  {"first_date", s.first.iso()},
                                  {"last_date", s.last.iso()},
                                  {"size_bytes", s.size_bytes},
                                  {"positions", position_store_name(s.positions)},
                                  {"format", s.format}}
                       .dump(2)
                << "\n";
      return int(exit_ok);
    }
    std::cout << "index:      " << s.path << "\nitems:      " << s.items << "\nmeetings:   " << s.meetings
              << "\nfiles:      " << s.files
              << "\ndates:      " << (s.first.valid() ? s.first.iso() + " .. " + s.last.iso() : std::string("none"))
              << "\nsize:       " << s.size_bytes / 1024 << " KiB"
              << "\npositions:  " << position_store_name(s.positions) << "\nformat:     " << s.format
              << "\ncommittees: " << s.committees.size() << "\n";
    for (const auto& c : s.committees) std::cout << "  " << c.count << "\t" << c.value << "\n";
    return int(exit_ok);
  };
}

}  // namespace referat::cli

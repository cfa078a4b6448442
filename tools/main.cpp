// referat: the command-line front end. A thin layer over the library: it
// parses options, calls the public API and prints text, JSON or CSV.
#include "commands.hpp"
#include "exit_codes.hpp"

#include <referat/referat.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace referat::cli;

namespace referat::cli {
std::string database_path(const Common& common) {
  if (!common.db.empty()) return common.db;
  if (const char* env = std::getenv("REFERAT_DB"); env && *env) return env;
  return "referat-index";
}

Searcher open_searcher(const Common& common) {
  ParseOptions parse;
  parse.data_dir = common.data_dir;
  AnalyzerOptions analyzer;
  analyzer.data_dir = common.data_dir;
  return Searcher(database_path(common), analyzer, parse);
}

std::optional<Date> date_option(const std::string& value, const char* option) {
  if (value.empty()) return std::nullopt;
  auto d = parse_date(value);
  if (!d) throw Error(ErrorKind::invalid_argument, std::string("bad ") + option + " date '" + value + "'");
  return d;
}
}  // namespace referat::cli

namespace {

// `referat search budget -anlæg`: CLI11 reads "-anlæg" as an unknown option
// (exit 2), though the README writes the query so. In a command with a QUERY,
// an argument "-word" that is not an option's value ("--sort -date") is a
// query word; it goes on with a space in front, which CLI11 takes as a
// positional and the query parser skips. "--" ends the rewriting.
void mark_negated_query_words(std::vector<std::string>& args, const std::map<CLI::App*, Runner>& commands) {
  if (args.size() < 3) return;
  const CLI::App* command = nullptr;
  for (const auto& entry : commands) {
    if (entry.first->get_name() == args[1]) command = entry.first;
  }
  if (!command || !command->get_option_no_throw("QUERY")) return;
  for (std::size_t i = 2; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return;
    if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-' || arg == "-h") continue;
    const std::string& before = args[i - 1];
    if (before.rfind("--", 0) == 0 && before.find('=') == std::string::npos) {
      const CLI::Option* option = command->get_option_no_throw(before);
      if (option && option->get_type_size_max() > 0) continue;  // its value
    }
    args[i].insert(0, " ");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"referat " REFERAT_VERSION_STRING " - full-text search for Danish political minutes"};
  app.require_subcommand(1);
  app.set_version_flag("--version", REFERAT_VERSION_STRING);
  Common common;
  std::map<CLI::App*, Runner> runners;
  auto add = [&](const char* name, const char* help, auto registrar) {
    CLI::App* sub = app.add_subcommand(name, help);
    sub->add_option("--db", common.db, "Index folder (default: $REFERAT_DB, else ./referat-index)");
    sub->add_option("--data-dir", common.data_dir, "Folder with data files overriding the bundled ones");
    runners[sub] = registrar(*sub, common);
  };
  add("analyze", "Show how text is analysed into tokens and terms", add_analyze);
  add("parse", "Parse minutes files and print the model", add_parse);
  add("index", "Index files and folders (.txt .pdf .jsonl)", add_index);
  add("search", "Search the index", add_search);
  add("show", "Show one item with all fields and full text", add_show);
  add("facets", "Facet counts for a query", add_facets);
  add("stats", "Index statistics", add_stats);
  add("trends", "Topic and query counts over time", add_trends);
  add("case", "Timeline of a case across committees", add_case);
  add("export", "Export matching items as JSON Lines", add_export);

  std::vector<std::string> args(argv, argv + argc);
  mark_negated_query_words(args, runners);
  std::vector<const char*> arg_pointers;
  for (const auto& a : args) arg_pointers.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(arg_pointers.size()), arg_pointers.data());
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  try {
    for (auto& [sub, run] : runners) {
      if (sub->parsed()) return run();
    }
    return exit_usage;
  } catch (const referat::QueryError& e) {
    std::cerr << "referat: query error at position " << e.position() << ": " << e.what() << "\n";
    return exit_query;
  } catch (const referat::Error& e) {
    std::cerr << "referat: " << e.what() << "\n";
    return exit_code_for(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "referat: internal error: " << e.what() << "\n";
    return exit_internal;
  }
}

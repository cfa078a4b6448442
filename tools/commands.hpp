#pragma once
// One function per subcommand; each registers its options on the CLI11 app
// and returns the callback that runs it. Output formatting lives here, never
// in the library.
#include <CLI/CLI.hpp>

#include <referat/referat.hpp>

#include <functional>
#include <optional>
#include <string>

namespace referat::cli {

/// Options shared by every command.
struct Common {
  std::string db;  ///< --db (default: $REFERAT_DB, else ./referat-index)
  std::string format = "text";
  std::string data_dir;  ///< --data-dir: overrides for the bundled data files
};

using Runner = std::function<int()>;

Runner add_analyze(CLI::App& app, Common& common);
Runner add_parse(CLI::App& app, Common& common);
Runner add_index(CLI::App& app, Common& common);
Runner add_search(CLI::App& app, Common& common);
Runner add_show(CLI::App& app, Common& common);
Runner add_facets(CLI::App& app, Common& common);
Runner add_stats(CLI::App& app, Common& common);
Runner add_trends(CLI::App& app, Common& common);
Runner add_case(CLI::App& app, Common& common);
Runner add_export(CLI::App& app, Common& common);

/// The index path: --db, else $REFERAT_DB, else "referat-index".
std::string database_path(const Common& common);

/// Opens the index at database_path() with the --data-dir overrides.
Searcher open_searcher(const Common& common);

/// A --from/--to option value as a date; nullopt when empty; throws a usage
/// error (exit 2) naming the option when it is not a date.
std::optional<Date> date_option(const std::string& value, const char* option);

}  // namespace referat::cli

#include "commands.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace referat::cli {

Runner add_index(CLI::App& app, Common& common) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto prune = std::make_shared<bool>(false);
  auto threads = std::make_shared<unsigned>(0);
  auto compact = std::make_shared<bool>(false);
  auto positions = std::make_shared<std::string>("compact");
  app.add_flag("--prune", *prune, "Remove items whose source file is gone");
  app.add_flag("--compact", *compact, "Compact the index afterwards (about half the size after a large run)");
  app.add_option("--threads", *threads,
                 "Indexing threads (default: one per core; a new index is written as one shard per thread)");
  auto* positions_option =
      app.add_option("--positions", *positions,
                     "Where a new index keeps word positions: compact (smaller, default) or xapian (faster phrase and "
                     "NEAR queries on large collections)")
          ->check(CLI::IsMember({"compact", "xapian"}));
  app.add_option("PATH", *paths, "Files or folders: .txt .pdf .jsonl");
  return [&common, paths, prune, threads, compact, positions, positions_option]() {
    if (paths->empty() && !*prune && !*compact) {
      std::cerr << "referat index: give at least one PATH (or --prune, --compact)\n";
      return int(exit_usage);
    }
    IndexOptions options;
    options.threads = *threads;
    options.positions = *positions == "xapian" ? PositionStore::xapian : PositionStore::compact;
    options.parser.data_dir = common.data_dir;
    const std::string db = database_path(common);
    IndexWriter writer(db, options);
    if (positions_option->count() > 0 && writer.positions() != options.positions) {
      std::cerr << "referat: note: " << db << " already has items and keeps its "
                << position_store_name(writer.positions()) << " positions (--positions applies to a new index)\n";
    }
    const bool tty = isatty(STDERR_FILENO);
    const auto start = std::chrono::steady_clock::now();
    ProgressFn progress;
    if (tty) {
      progress = [start](std::size_t done, std::size_t total, std::uint64_t bytes, std::uint64_t total_bytes) {
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double rate = s > 0 ? static_cast<double>(bytes) / s : 0;
        double eta = rate > 0 ? static_cast<double>(total_bytes - bytes) / rate : 0;
        const int width = 30;  // filled by bytes: one big file moves the bar too
        const int filled = total_bytes
                               ? static_cast<int>(width * static_cast<double>(bytes) / static_cast<double>(total_bytes))
                               : width;
        std::fprintf(stderr, "\r[%-*s] %zu/%zu files  %.1f files/s  %.2f MB/s  ETA %.0fs ", width,
                     std::string(static_cast<std::size_t>(filled), '#').c_str(), done, total,
                     s > 0 ? static_cast<double>(done) / s : 0.0, rate / 1e6, eta);
        if (done == total) std::fprintf(stderr, "\n");
      };
    }
    IndexReport report;
    if (!paths->empty()) report = writer.add_paths(*paths, progress);
    std::size_t pruned = 0;
    if (*prune) {
      pruned = writer.prune();
      writer.commit();
    }
    if (*compact) writer.compact();
    for (const auto& w : report.warnings) std::cerr << "referat: note: " << w << "\n";
    for (const auto& f : report.failures) std::cerr << "referat: skipped " << f.path << ": " << f.reason << "\n";
    for (const auto& d : report.duplicates)
      std::cerr << "referat: note: " << d.path << ": same content as " << d.original << ", not indexed again\n";
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "indexed " << report.files_indexed << " files (" << report.items_indexed << " items), "
              << report.files_unchanged << " unchanged, ";
    if (report.files_duplicate) std::cout << report.files_duplicate << " duplicate, ";
    std::cout << report.files_failed << " failed";
    if (*prune) std::cout << ", pruned " << pruned << " items";
    if (*compact) std::cout << ", compacted";
    std::printf(" in %.2fs -> %s\n", seconds, db.c_str());
    return report.files_failed ? int(exit_partial) : int(exit_ok);
  };
}

}  // namespace referat::cli

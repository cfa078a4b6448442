#pragma once
// The engines the benchmarks compare: referat and its peers (raw Xapian,
// SQLite FTS5, PostgreSQL `danish` + GIN). Each one indexes the same records
// and answers the same queries through this interface, so timing and
// relevance code is shared and a peer cannot get an easier path.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus_reader.hpp"
#include "peer_query.hpp"

namespace bench {

/// What one query returned: the exact total and the ranked ids (top `limit`).
struct Answer {
  std::size_t total = 0;
  std::vector<std::string> ids;
};

/// What to compute besides the ranked ids: the full work of a results page
/// (facet counts over all matches and snippets of the returned hits).
struct SearchWork {
  std::size_t limit = 10;
  bool facets_and_snippets = true;
};

class Engine {
 public:
  virtual ~Engine() = default;
  /// `query` is in referat's syntax; peers translate it (peer_query.hpp).
  /// `extra` is a date range applied on top (relevance judgments carry one).
  virtual Answer search(const std::string& query, const DateFilter& extra, const SearchWork& work) = 0;
};

/// What indexing measured, besides the caller's wall clock.
struct IndexFigures {
  std::size_t items = 0;
  double seconds = 0;               ///< indexing until durable (committed), without compaction
  std::uint64_t bytes = 0;          ///< index size as built
  std::uint64_t compact_bytes = 0;  ///< after the engine's compaction / optimize (0: none)
  double compact_seconds = 0;
  double server_peak_rss_mib = 0;  ///< a server process's own peak (PostgreSQL), else 0
  std::string threads = "1";
};

/// Location of an index: a folder or file, or for PostgreSQL a database name
/// on the server named by $BENCH_PG (a libpq connection string).
IndexFigures index_xapian(const std::vector<Record>& records, const std::string& where);
IndexFigures index_sqlite(const std::vector<Record>& records, const std::string& where);
IndexFigures index_postgres(const std::vector<Record>& records, const std::string& where);

std::unique_ptr<Engine> open_referat(const std::string& where);
std::unique_ptr<Engine> open_xapian(const std::string& where);
std::unique_ptr<Engine> open_sqlite(const std::string& where);
std::unique_ptr<Engine> open_postgres(const std::string& where);

/// Later of two ISO dates' lower bounds / earlier of upper bounds.
inline DateFilter intersect(const DateFilter& a, const DateFilter& b) {
  DateFilter out;
  out.from = a.from.empty() ? b.from : (b.from.empty() ? a.from : std::max(a.from, b.from));
  out.to = a.to.empty() ? b.to : (b.to.empty() ? a.to : std::min(a.to, b.to));
  return out;
}

}  // namespace bench

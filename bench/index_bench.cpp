// Indexing, search latency and relevance on real corpora: referat against its
// peers (raw Xapian, SQLite FTS5, PostgreSQL `danish`), all through the same
// Engine interface (engines.hpp). One configuration per process, so peak RSS
// is that configuration's own.
//   index_bench index     ENGINE CORPUS.jsonl WHERE [THREADS]
//   index_bench search    ENGINE WHERE QUERIES.txt ROUNDS
//   index_bench relevance ENGINE WHERE JUDGMENTS.jsonl LABEL [CORPUS.jsonl]
//   index_bench trends-referat DB SERIES
// BENCH_BATCH_MB=N (or BENCH_BATCH_KB=N) sets referat's commit size (IndexOptions::batch_bytes) to try others;
// BENCH_SHARD_MIN_MB=N its IndexOptions::shard_min_bytes (a huge N: no shards).
// ENGINE is referat, referat-xpos (referat with --positions xapian), xapian,
// sqlite or postgres; WHERE is an index folder or
// file, or for postgres a database name on the server in $BENCH_PG.
// Each prints "RESULT key=value …" lines for bench/run.
#include <referat/referat.hpp>

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "corpus_reader.hpp"
#include "engines.hpp"
#include "relevance.hpp"
#include "stats.hpp"

namespace fs = std::filesystem;

namespace {

// bench/run sets BENCH_LABEL (ft, ep) so it can tell the corpora apart.
const char* label() {
  const char* l = std::getenv("BENCH_LABEL");
  return l && *l ? l : "-";
}

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// referat indexes the JSONL file itself (reading and parsing it is part of
// its indexing); the peers get the records already in memory.
bench::IndexFigures index_referat(const std::string& corpus, const std::string& db, unsigned threads,
                                  referat::PositionStore positions) {
  fs::remove_all(db);
  referat::IndexOptions options;
  options.threads = threads;
  options.positions = positions;
  if (const char* batch = std::getenv("BENCH_BATCH_MB")) options.batch_bytes = std::stoul(batch) << 20;
  if (const char* batch = std::getenv("BENCH_BATCH_KB")) options.batch_bytes = std::stoul(batch) << 10;
  if (const char* shard = std::getenv("BENCH_SHARD_MIN_MB")) options.shard_min_bytes = std::stoull(shard) << 20;
  bench::IndexFigures figures;
  const double start = bench::now_seconds();
  referat::IndexReport report;
  {
    referat::IndexWriter writer(db, options);
    report = writer.add_paths({corpus});
  }
  figures.seconds = bench::now_seconds() - start;
  if (report.files_failed) throw std::runtime_error("referat failed to index " + corpus);
  figures.items = report.items_indexed;
  figures.bytes = bench::folder_bytes(db);
  figures.threads = std::to_string(threads);
  const double t0 = bench::now_seconds();
  referat::compact_index(db, db + ".compact");
  figures.compact_seconds = bench::now_seconds() - t0;
  figures.compact_bytes = bench::folder_bytes(db + ".compact");
  fs::remove_all(db);
  fs::rename(db + ".compact", db);
  return figures;
}

int run_index(const std::string& engine, const std::string& corpus, const std::string& where, unsigned threads) {
  const auto records = bench::read_jsonl(corpus, SIZE_MAX);
  const double mb = static_cast<double>(bench::text_bytes(records)) / 1e6;
  bench::IndexFigures f;
  if (engine == "referat")
    f = index_referat(corpus, where, threads, referat::PositionStore::compact);
  else if (engine == "referat-xpos")
    f = index_referat(corpus, where, threads, referat::PositionStore::xapian);
  else if (engine == "xapian")
    f = bench::index_xapian(records, where);
  else if (engine == "sqlite")
    f = bench::index_sqlite(records, where);
  else if (engine == "postgres")
    f = bench::index_postgres(records, where);
  else
    throw std::runtime_error("unknown engine " + engine);
  // A server's memory is its own process; the client holds the corpus.
  const double peak = bench::peak_rss_mib() + f.server_peak_rss_mib;
  const double bytes = mb * 1e6;
  std::printf(
      "RESULT index corpus=%s engine=%s threads=%s items=%zu mb=%.1f seconds=%.2f mbs=%.2f items_per_s=%.0f "
      "peak_rss_mib=%.0f size_ratio=%.2f compact_size_ratio=%.2f compact_seconds=%.2f\n",
      label(), engine.c_str(), f.threads.c_str(), f.items, mb, f.seconds, mb / f.seconds,
      static_cast<double>(f.items) / f.seconds, peak, static_cast<double>(f.bytes) / bytes,
      static_cast<double>(f.compact_bytes ? f.compact_bytes : f.bytes) / bytes, f.compact_seconds);
  return 0;
}

std::unique_ptr<bench::Engine> open_engine(const std::string& engine, const std::string& where) {
  if (engine == "referat" || engine == "referat-xpos") return bench::open_referat(where);
  if (engine == "xapian") return bench::open_xapian(where);
  if (engine == "sqlite") return bench::open_sqlite(where);
  if (engine == "postgres") return bench::open_postgres(where);
  throw std::runtime_error("unknown engine " + engine);
}

// Every query: exact total, facets, top 10 with snippets. Round -1 warms up
// right before the timed rounds.
int run_search(const std::string& engine, const std::string& where, const std::string& query_file, int rounds) {
  auto queries = read_queries(query_file);
  auto searcher = open_engine(engine, where);
  std::vector<double> ms;
  std::size_t hits = 0;
  for (int round = -1; round < rounds; ++round) {
    for (const auto& q : queries) {
      const double t0 = bench::now_seconds();
      auto answer = searcher->search(q, {}, bench::SearchWork{});
      const double elapsed = (bench::now_seconds() - t0) * 1000;
      if (round >= 0) ms.push_back(elapsed), hits += answer.total;
      if (round == 0 && std::getenv("BENCH_VERBOSE")) {
        std::fprintf(stderr, "%-8s %8.2f ms %7zu hits  %s\n", engine.c_str(), elapsed, answer.total, q.c_str());
      }
    }
  }
  std::printf(
      "RESULT search corpus=%s engine=%s queries=%zu runs=%zu median_ms=%.2f p99_ms=%.2f min_ms=%.2f max_ms=%.2f "
      "total_hits=%zu\n",
      label(), engine.c_str(), queries.size(), ms.size(), bench::median(ms), bench::percentile(ms, 99),
      *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()), hits);
  return 0;
}

// Relevance over the judged queries of corpus LABEL. With CORPUS.jsonl (a
// subset, as in bench/run --quick) judged items outside it are dropped, and
// queries left with none are skipped.
int run_relevance(const std::string& engine, const std::string& where, const std::string& judgments_file,
                  const std::string& corpus_label, const std::string& corpus) {
  auto judgments = bench::read_judgments(judgments_file, corpus_label);
  std::set<std::string> present;
  if (!corpus.empty()) {
    for (const auto& r : bench::read_jsonl(corpus, SIZE_MAX)) present.insert(r.id);
  }
  auto searcher = open_engine(engine, where);
  bench::SearchWork work;
  work.limit = 100;
  work.facets_and_snippets = false;
  bench::Scores sum;
  std::size_t n = 0, zero = 0;
  for (const auto& j : judgments) {
    std::set<std::string> relevant;
    for (const auto& id : j.relevant) {
      if (corpus.empty() || present.count(id)) relevant.insert(id);
    }
    if (relevant.empty()) continue;
    auto answer = searcher->search(j.query, j.dates, work);
    std::vector<std::string> ranked;
    for (const auto& id : answer.ids) ranked.push_back(bench::item_key(id));
    const auto s = bench::score(ranked, answer.total, relevant);
    std::printf("RESULT relq corpus=%s engine=%s query=%s p10=%.2f ndcg10=%.3f recall100=%.3f total=%zu\n",
                corpus_label.c_str(), engine.c_str(), j.id.c_str(), s.p10, s.ndcg10, s.recall100, answer.total);
    sum.p10 += s.p10, sum.ndcg10 += s.ndcg10, sum.recall100 += s.recall100;
    zero += s.zero_hits;
    ++n;
  }
  const double d = n ? static_cast<double>(n) : 1.0;
  std::printf(
      "RESULT relevance corpus=%s engine=%s queries=%zu p10=%.3f ndcg10=%.3f recall100=%.3f zero_hits=%zu "
      "zero_hit_rate=%.3f\n",
      corpus_label.c_str(), engine.c_str(), n, sum.p10 / d, sum.ndcg10 / d, sum.recall100 / d, zero,
      static_cast<double>(zero) / d);
  return 0;
}

// Five topic series by month over the whole index, as `referat trends` runs them.
int run_trends(const std::string& db, int series) {
  referat::Searcher searcher(db);
  referat::TrendRequest request;
  request.by = referat::Period::month;
  const char* topics[] = {"sundhedsreform", "ældrereform", "socialområdet", "demens",
                          "psykiatri",      "budget",      "klima",         "beskæftigelse"};
  for (int i = 0; i < series && i < 8; ++i) request.topics.push_back(topics[i]);
  (void)searcher.trends(request);  // warm-up
  std::vector<double> seconds;
  std::size_t points = 0;
  for (int run = 0; run < 3; ++run) {
    const double t0 = bench::now_seconds();
    auto result = searcher.trends(request);
    seconds.push_back(bench::now_seconds() - t0);
    points = result.empty() ? 0 : result.front().points.size();
  }
  std::printf("RESULT trends corpus=%s engine=referat series=%d periods=%zu items=%zu seconds=%.4f\n", label(), series,
              points, searcher.stats().items, bench::median(seconds));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> a(argv, argv + argc);
  a.resize(std::max<std::size_t>(a.size(), 7));
  const std::string& mode = a[1];
  try {
    if (mode == "index" && argc >= 5) return run_index(a[2], a[3], a[4], argc > 5 ? std::stoi(a[5]) : 0);
    if (mode == "search" && argc >= 5) return run_search(a[2], a[3], a[4], argc > 5 ? std::stoi(a[5]) : 3);
    if (mode == "relevance" && argc >= 6) return run_relevance(a[2], a[3], a[4], a[5], a[6]);
    if (mode == "trends-referat" && argc >= 4) return run_trends(a[2], std::stoi(a[3]));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "index_bench: %s\n", e.what());
    return 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_bench: %s\n", e.get_description().c_str());
    return 1;
  }
  std::fprintf(stderr, "usage: see the comment at the top of bench/index_bench.cpp\n");
  return 2;
}

// Indexing and search on real corpora: referat against raw Xapian
// (TermGenerator + Stem("danish") + positions; QueryParser + MSet::snippet).
// One configuration per process, so peak RSS is that configuration's own.
//   index_bench index-referat  CORPUS.jsonl DB THREADS
//   index_bench index-xapian   CORPUS.jsonl DB
//   index_bench search-referat DB QUERIES.txt ROUNDS
//   index_bench search-xapian  DB QUERIES.txt ROUNDS
//   index_bench trends-referat DB SERIES
// Each prints one "RESULT key=value …" line for bench/run.
#include <referat/referat.hpp>

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "corpus_reader.hpp"
#include "stats.hpp"

namespace fs = std::filesystem;

namespace {

// bench/run sets BENCH_LABEL (ft, ep) so it can tell the corpora apart.
const char* label() {
  const char* l = std::getenv("BENCH_LABEL");
  return l && *l ? l : "-";
}

std::uint64_t folder_bytes(const std::string& dir) {
  std::uint64_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) n += e.file_size();
  }
  return n;
}

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

int index_referat(const std::string& corpus, const std::string& db, unsigned threads) {
  fs::remove_all(db);
  const auto records = bench::read_jsonl(corpus, SIZE_MAX);
  const double mb = static_cast<double>(bench::text_bytes(records)) / 1e6;
  referat::IndexOptions options;
  options.threads = threads;
  double t0 = bench::now_seconds();
  referat::IndexReport report;
  {
    referat::IndexWriter writer(db, options);
    report = writer.add_paths({corpus});
  }
  const double seconds = bench::now_seconds() - t0;
  const double size = static_cast<double>(folder_bytes(db));
  t0 = bench::now_seconds();
  referat::compact_index(db, db + ".compact");
  const double compact_seconds = bench::now_seconds() - t0;
  const double compact_size = static_cast<double>(folder_bytes(db + ".compact"));
  fs::remove_all(db);
  fs::rename(db + ".compact", db);
  std::printf(
      "RESULT index corpus=%s engine=referat threads=%u items=%zu mb=%.1f seconds=%.2f mbs=%.2f items_per_s=%.0f "
      "peak_rss_mib=%.0f size_ratio=%.2f compact_size_ratio=%.2f compact_seconds=%.2f failed=%zu\n",
      label(), threads, report.items_indexed, mb, seconds, mb / seconds,
      static_cast<double>(report.items_indexed) / seconds, bench::peak_rss_mib(), size / (mb * 1e6),
      compact_size / (mb * 1e6), compact_seconds, report.files_failed);
  return report.files_failed ? 1 : 0;
}

int index_xapian(const std::string& corpus, const std::string& db) {
  fs::remove_all(db);
  const auto records = bench::read_jsonl(corpus, SIZE_MAX);
  const double mb = static_cast<double>(bench::text_bytes(records)) / 1e6;
  const double t0 = bench::now_seconds();
  {
    Xapian::WritableDatabase wdb(db, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("danish"));
    for (const auto& r : records) {
      Xapian::Document doc;
      bench::index_with_termgenerator(generator, doc, r);
      doc.add_value(0, r.date);
      doc.set_data(r.title + "\n" + r.text);  // both store the text for snippets
      wdb.add_document(doc);
    }
    wdb.commit();
  }
  const double seconds = bench::now_seconds() - t0;
  const double size = static_cast<double>(folder_bytes(db));
  // Both engines are searched on a compacted index.
  Xapian::Database(db).compact(db + ".compact");
  const double compact_size = static_cast<double>(folder_bytes(db + ".compact"));
  fs::remove_all(db);
  fs::rename(db + ".compact", db);
  std::printf(
      "RESULT index corpus=%s engine=xapian threads=1 items=%zu mb=%.1f seconds=%.2f mbs=%.2f items_per_s=%.0f "
      "peak_rss_mib=%.0f size_ratio=%.2f compact_size_ratio=%.2f\n",
      label(), records.size(), mb, seconds, mb / seconds, static_cast<double>(records.size()) / seconds,
      bench::peak_rss_mib(), size / (mb * 1e6), compact_size / (mb * 1e6));
  return 0;
}

void report_latencies(const char* engine, std::vector<double> ms, std::size_t queries) {
  std::printf(
      "RESULT search corpus=%s engine=%s queries=%zu runs=%zu median_ms=%.2f p99_ms=%.2f min_ms=%.2f max_ms=%.2f\n",
      label(), engine, queries, ms.size(), bench::median(ms), bench::percentile(ms, 99),
      *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
}

int search_referat(const std::string& db, const std::string& query_file, int rounds) {
  auto queries = read_queries(query_file);
  referat::Searcher searcher(db);
  std::vector<double> ms;
  std::size_t hits = 0;
  for (int round = -1; round < rounds; ++round) {  // round -1 warms up
    for (const auto& q : queries) {
      referat::SearchRequest r;
      r.query = q;
      r.limit = 10;
      r.facets = true;
      r.snippet_bytes = 240;
      const double t0 = bench::now_seconds();
      auto result = searcher.search(r);
      const double elapsed = (bench::now_seconds() - t0) * 1000;
      if (round >= 0) ms.push_back(elapsed), hits += result.total;
      if (round == 0 && std::getenv("BENCH_VERBOSE")) {
        std::fprintf(stderr, "%8.2f ms %7zu hits  %s\n", elapsed, result.total, q.c_str());
      }
    }
  }
  report_latencies("referat", ms, queries.size());
  std::printf("RESULT hits corpus=%s engine=referat total=%zu\n", label(), hits);
  return 0;
}

int search_xapian(const std::string& db, const std::string& query_file, int rounds) {
  auto queries = read_queries(query_file);
  Xapian::Database database(db);
  Xapian::QueryParser parser;
  parser.set_database(database);
  parser.set_stemmer(Xapian::Stem("danish"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  std::vector<double> ms;
  std::size_t hits = 0;
  for (int round = -1; round < rounds; ++round) {
    for (const auto& q : queries) {
      const double t0 = bench::now_seconds();
      Xapian::Query query;
      try {
        query = parser.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
      } catch (const Xapian::QueryParserError&) {
        query = Xapian::Query();  // e.g. our field syntax: counts as no hits
      }
      Xapian::Enquire enquire(database);
      enquire.set_query(query);
      // Facet-equivalent: an exact count and a value count over all matches.
      Xapian::ValueCountMatchSpy spy(0);
      enquire.add_matchspy(&spy);
      Xapian::MSet mset = enquire.get_mset(0, 10, database.get_doccount());
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        (void)mset.snippet(it.get_document().get_data(), 240, Xapian::Stem("danish"));
      }
      const double elapsed = (bench::now_seconds() - t0) * 1000;
      if (round >= 0) ms.push_back(elapsed), hits += mset.get_matches_estimated();
    }
  }
  report_latencies("xapian", ms, queries.size());
  std::printf("RESULT hits corpus=%s engine=xapian total=%zu\n", label(), hits);
  return 0;
}

// Five topic series by month over the whole index, as `referat trends` runs them.
int trends_referat(const std::string& db, int series) {
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
  if (argc < 4) {
    std::fprintf(stderr, "usage: see the comment at the top of bench/index_bench.cpp\n");
    return 2;
  }
  const std::string mode = argv[1];
  try {
    if (mode == "index-referat") return index_referat(argv[2], argv[3], argc > 4 ? std::atoi(argv[4]) : 0);
    if (mode == "index-xapian") return index_xapian(argv[2], argv[3]);
    if (mode == "search-referat") return search_referat(argv[2], argv[3], argc > 4 ? std::atoi(argv[4]) : 3);
    if (mode == "trends-referat") return trends_referat(argv[2], std::atoi(argv[3]));
    if (mode == "search-xapian") return search_xapian(argv[2], argv[3], argc > 4 ? std::atoi(argv[4]) : 3);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "index_bench: %s\n", e.what());
    return 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_bench: %s\n", e.get_description().c_str());
    return 1;
  }
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}

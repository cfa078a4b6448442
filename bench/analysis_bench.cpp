// Analysis throughput on real Danish political text, one core: referat's full
// chain (lemmas + decompounding + variants) against Xapian's TermGenerator +
// Stem("danish") on the same texts, interleaved A B A B after a warm-up.
//   analysis_bench CORPUS.jsonl [MAX_MB] [TRIALS]
#include <referat/analyzer.hpp>

#include <xapian.h>

#include <cstdio>
#include <cstdlib>

#include "corpus_reader.hpp"
#include "stats.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: analysis_bench CORPUS.jsonl [MAX_MB] [TRIALS]\n");
    return 2;
  }
  const double max_mb = argc > 2 ? std::atof(argv[2]) : 1e9;
  const int trials = argc > 3 ? std::atoi(argv[3]) : 3;
  auto records = bench::read_jsonl(argv[1], static_cast<std::size_t>(max_mb * 1e6));
  const double mb = static_cast<double>(bench::text_bytes(records)) / 1e6;
  const double rss_after_load = bench::peak_rss_mib();

  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("danish"));
  auto run_xapian = [&] {
    std::size_t terms = 0;
    for (const auto& r : records) {
      Xapian::Document doc;
      bench::index_with_termgenerator(generator, doc, r);
      terms += doc.termlist_count();
    }
    return terms;
  };

  double t0 = bench::now_seconds();
  referat::Analyzer analyzer;
  const double load_seconds = bench::now_seconds() - t0;
  // Same work as indexing: every term becomes a posting in a Xapian document.
  auto run_referat = [&] {
    std::size_t terms = 0;
    for (const auto& r : records) {
      Xapian::Document doc;
      auto sink = [&](const referat::Token& t) {
        for (const auto& term : t.terms) {
          const bool lemma = term.kind == referat::TermKind::lemma || term.kind == referat::TermKind::part;
          if (lemma && t.dictionary_form && term.text == t.text) continue;  // as the index: format 6
          doc.add_posting(lemma ? "Z" + term.text : term.text, t.position);
        }
      };
      std::uint32_t next = analyzer.analyze(r.title, sink);
      analyzer.analyze(r.text, sink, next + 1);
      terms += doc.termlist_count();
    }
    return terms;
  };

  // Analysis alone: tokens and terms, no postings.
  auto run_referat_terms_only = [&] {
    std::size_t terms = 0;
    auto sink = [&](const referat::Token& t) { terms += t.terms.size(); };
    for (const auto& r : records) {
      std::uint32_t next = analyzer.analyze(r.title, sink);
      analyzer.analyze(r.text, sink, next + 1);
    }
    return terms;
  };

  // The first referat pass fills the per-word cache (hunspell look-ups):
  // reported separately as the cold pass.
  t0 = bench::now_seconds();
  run_referat();
  const double cold = bench::now_seconds() - t0;
  run_xapian();  // warm-up

  std::vector<double> xapian_mbs, referat_mbs, analysis_only_mbs;
  std::size_t xapian_terms = 0, referat_terms = 0, emitted = 0;
  for (int i = 0; i < trials; ++i) {
    t0 = bench::now_seconds();
    emitted = run_referat_terms_only();
    analysis_only_mbs.push_back(mb / (bench::now_seconds() - t0));
    t0 = bench::now_seconds();
    xapian_terms = run_xapian();
    xapian_mbs.push_back(mb / (bench::now_seconds() - t0));
    t0 = bench::now_seconds();
    referat_terms = run_referat();
    referat_mbs.push_back(mb / (bench::now_seconds() - t0));
  }
  auto minmax = [](const std::vector<double>& v) {
    return std::make_pair(*std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end()));
  };
  auto [xmin, xmax] = minmax(xapian_mbs);
  auto [rmin, rmax] = minmax(referat_mbs);
  std::printf("corpus: %s, %zu items, %.1f MB text, %d trials, 1 thread\n", argv[1], records.size(), mb, trials);
  std::printf("xapian TermGenerator+Snowball: median %.2f MB/s (min %.2f, max %.2f), %zu distinct terms/doc total\n",
              bench::median(xapian_mbs), xmin, xmax, xapian_terms);
  std::printf("referat Analyzer (full chain): median %.2f MB/s (min %.2f, max %.2f), %zu distinct terms/doc total\n",
              bench::median(referat_mbs), rmin, rmax, referat_terms);
  std::printf("referat Analyzer alone (no postings): median %.2f MB/s, %zu terms emitted\n",
              bench::median(analysis_only_mbs), emitted);
  std::printf("referat cold first pass: %.2f MB/s (dictionary load %.2f s, %zu distinct words cached)\n", mb / cold,
              load_seconds, analyzer.cached_words());
  std::printf("ratio referat/xapian (median): %.2fx\n", bench::median(referat_mbs) / bench::median(xapian_mbs));
  std::printf("peak RSS: %.0f MiB (corpus in memory: %.0f MiB)\n", bench::peak_rss_mib(), rss_after_load);
  std::printf(
      "RESULT analysis xapian_mbs=%.2f referat_mbs=%.2f analysis_only_mbs=%.2f referat_cold_mbs=%.2f ratio=%.2f "
      "peak_rss_mib=%.0f\n",
      bench::median(xapian_mbs), bench::median(referat_mbs), bench::median(analysis_only_mbs), mb / cold,
      bench::median(referat_mbs) / bench::median(xapian_mbs), bench::peak_rss_mib());
  return 0;
}

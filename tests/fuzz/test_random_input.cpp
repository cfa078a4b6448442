// Random bytes into the decoder, parser and query parser, and random queries
// through the whole search: no crash, no hang.
// Runs under ASan+UBSan in CI. Fixed seed, printed on failure.
#include "catch.hpp"

#include "integration/fixture.hpp"

#include <referat/error.hpp>
#include <referat/minutes.hpp>
#include <referat/search.hpp>

#include "query/query_ast.hpp"

#include <random>
#include <string>
#include <vector>

namespace {
struct NullResolver final : referat::query::FilterResolver {
  std::string committee_term(const std::string& v) const override { return "XC" + v; }
  std::string topic_term(const std::string&) const override { return "XTx"; }
};
}  // namespace

TEST_CASE("fuzz: parser and query parser on random input", "[fuzz]") {
  const unsigned seed = 4242;
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  referat::ParseOptions options;
  options.tag_topics = false;
  referat::MinutesParser parser(options);
  const std::string alphabet = "Punkt 1:2.\n\n Beslutning i den 18-03-2025 Møde:Afbud:Bilag:()\"*-OR NOT NEAR ÆØÅæøå/";
  NullResolver resolver;
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    std::size_t n = rng() % 300;
    for (std::size_t i = 0; i < n; ++i) {
      input += (rng() % 4 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    INFO("round " << round);
    try {
      (void)parser.parse_bytes(input, "fuzz.txt");
    } catch (const referat::InputError&) {
    }
    try {
      (void)referat::query::parse(input, resolver);
    } catch (const referat::QueryError&) {
    }
  }
  SUCCEED("no crash");
}

TEST_CASE("fuzz: random queries through the whole search", "[fuzz][search]") {
  // Query words, operators, fields, NEAR/N and punctuation in random order:
  // every search ends in results or a QueryError / invalid-argument Error,
  // and the total is never below the hits shown.
  const unsigned seed = 77;
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  const std::vector<std::string> pieces{"demens",
                                        "strategi",
                                        "Socialområdet",
                                        "sundhedsreform",
                                        "ældre",
                                        "og",
                                        "den",
                                        "OR",
                                        "AND",
                                        "NOT",
                                        "NEAR",
                                        "NEAR/0",
                                        "NEAR/3",
                                        "NEAR/",
                                        "NEAR/x",
                                        "-",
                                        "–",
                                        "§",
                                        "?",
                                        "*",
                                        "strat*",
                                        "(",
                                        ")",
                                        "\"",
                                        "\"\"",
                                        "udvalg:",
                                        "udvalg:VPU",
                                        "sag:",
                                        "sag:23/2079",
                                        "emne:demens",
                                        "dato:2024",
                                        "dato:..2023",
                                        "år:2024",
                                        "titel:",
                                        "titel:strategi",
                                        "-demens",
                                        "beslutning:godkendt",
                                        "17",
                                        "23/2079",
                                        "\xff",
                                        "Århus",
                                        "aeldre"};
  referat::Searcher searcher(fixture::corpus_index());
  for (int round = 0; round < 1500; ++round) {
    std::string query;
    const std::size_t n = 1 + rng() % 6;
    for (std::size_t i = 0; i < n; ++i) query += (i ? " " : "") + pieces[rng() % pieces.size()];
    INFO("round " << round << ": " << query);
    referat::SearchRequest request;
    request.query = query;
    request.limit = 3;
    try {
      const referat::SearchResult result = searcher.search(request);
      CHECK(result.total >= result.hits.size());
    } catch (const referat::QueryError&) {
    } catch (const referat::Error& e) {
      CHECK(e.kind() == referat::ErrorKind::invalid_argument);
    }
  }
}

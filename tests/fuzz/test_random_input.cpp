// Random bytes into the decoder, parser and query parser: no crash, no hang.
// Runs under ASan+UBSan in CI. Fixed seed, printed on failure.
#include "catch.hpp"

#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include "query/query_ast.hpp"

#include <random>

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

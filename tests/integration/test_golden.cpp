// Golden files: the parsed model of each seed, reviewed by hand (every item,
// decision, date and case number). Update deliberately:
//   REFERAT_UPDATE_GOLDEN=1 build-test/tests/referat_tests "[golden]"
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "catch.hpp"
#include "integration/fixture.hpp"
#include "test_paths.hpp"

TEST_CASE("golden: parse --format json of every seed", "[golden][minutes][cli]") {
  const char* seeds[] = {"000_ab300e39aad1bfe1", "001_663a87bf173458ce", "002_30e56682dd283b6b", "003_8fb21dcf6d09698d",
                         "004_2b0c59381b3098c7"};
  const bool update = std::getenv("REFERAT_UPDATE_GOLDEN") != nullptr;
  for (const char* seed : seeds) {
    INFO(seed);
    const std::string input = std::string(REFERAT_CORPUS_DIR) + "/" + seed + ".txt";
    auto parsed = nlohmann::json::parse(
        fixture::run_command(std::string(REFERAT_CLI) + " parse --format json '" + input + "'").out);
    REQUIRE(parsed.size() == 1);
    nlohmann::json actual = parsed[0];
    actual["source"] = std::string("corpus/") + seed + ".txt";  // independent of the checkout's path
    const std::string golden_path = std::string(REFERAT_SOURCE_DIR) + "/tests/golden/" + seed + ".json";
    if (update) std::ofstream(golden_path) << actual.dump(1) << "\n";
    std::ifstream in(golden_path);
    REQUIRE(in);
    nlohmann::json expected = nlohmann::json::parse(in);
    if (actual != expected) {
      auto diff = nlohmann::json::diff(expected, actual);
      INFO("differences (expected -> actual): " << diff.dump(1));
      CHECK(actual == expected);
    }
  }
}

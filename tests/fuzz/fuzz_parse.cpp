// libFuzzer target: any bytes as a minutes text file (UTF-8, CP1252 or
// binary) and as JSON Lines, the parsed items' text through the analyzer,
// and the raw bytes through the analyzer as well. A bad file may be refused
// with an InputError; anything else that escapes, and every sanitizer
// report, is a bug. Build and run: tests/fuzz/README.md.
#include <referat/analyzer.hpp>
#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void analyze_items(referat::Analyzer& analyzer, const referat::ParsedFile& file) {
  for (const auto& item : file.items) {
    (void)analyzer.analyze(item.title);
    for (const auto& section : item.sections) (void)analyzer.analyze(section.text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static referat::MinutesParser parser;
  static referat::Analyzer analyzer;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    analyze_items(analyzer, parser.parse_bytes(bytes, "fuzz.txt"));
  } catch (const referat::InputError&) {
  }
  try {
    analyze_items(analyzer, parser.parse_jsonl(bytes, "fuzz.jsonl"));
  } catch (const referat::InputError&) {
  }
  (void)analyzer.analyze(bytes);
  return 0;
}

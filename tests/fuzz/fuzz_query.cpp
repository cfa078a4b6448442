// libFuzzer target: any bytes as a query, searched with facets and snippets
// in an index of corpus/ (built once, into a fresh temporary folder). A
// query may be refused with a QueryError or an invalid-argument Error;
// anything else that escapes, and every sanitizer report, is a bug.
// Build and run: tests/fuzz/README.md.
#include <referat/error.hpp>
#include <referat/index.hpp>
#include <referat/search.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#ifndef REFERAT_FUZZ_CORPUS
#error "REFERAT_FUZZ_CORPUS: the folder of minutes to index"
#endif

namespace {
std::unique_ptr<referat::Searcher> searcher;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char folder[] = "/tmp/referat-fuzz-query-XXXXXX";
  if (!::mkdtemp(folder)) std::abort();
  const std::string index = std::string(folder) + "/index";
  referat::IndexWriter(index).add_paths({REFERAT_FUZZ_CORPUS});
  searcher = std::make_unique<referat::Searcher>(index);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  referat::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  try {
    const auto result = searcher->search(request);
    if (result.total < result.hits.size()) std::abort();
  } catch (const referat::QueryError&) {
  } catch (const referat::Error& e) {
    if (e.kind() != referat::ErrorKind::invalid_argument) throw;
  }
  return 0;
}

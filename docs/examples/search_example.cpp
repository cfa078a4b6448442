// Embedding referat: index a folder of minutes and search it.
//   search_example INDEX_DIR CORPUS_DIR
#include <referat/referat.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_example INDEX_DIR CORPUS_DIR\n";
    return 2;
  }
  try {
    {
      referat::IndexWriter writer(argv[1]);
      referat::IndexReport report = writer.add_paths({argv[2]});
      std::cout << report.items_indexed << " items indexed, " << report.files_failed << " files failed\n";
    }  // the writer's lock is released here

    referat::Searcher searcher(argv[1]);
    referat::SearchRequest request;
    request.query = "demens";
    request.sort = referat::SortOrder::date_descending;
    referat::SearchResult result = searcher.search(request);
    std::cout << result.total << " hits\n";
    for (const referat::Hit& hit : result.hits) {
      std::cout << hit.date.iso() << "  " << hit.title << "\n";
      for (const auto& [begin, end] : hit.snippet.highlights) {
        std::cout << "  matched: " << hit.snippet.text.substr(begin, end - begin) << "\n";
      }
    }
  } catch (const referat::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

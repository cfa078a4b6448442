// referat through its public API, as an embedding app would use it.
#include <referat/referat.hpp>

#include "engines.hpp"

namespace bench {
namespace {

class ReferatEngine : public Engine {
 public:
  explicit ReferatEngine(const std::string& where) : searcher_(where) {}

  Answer search(const std::string& query, const DateFilter& extra, const SearchWork& work) override {
    referat::SearchRequest r;
    r.query = query;
    r.limit = work.limit;
    r.facets = work.facets_and_snippets;
    r.snippet_bytes = work.facets_and_snippets ? 240 : 0;
    if (!extra.from.empty()) r.from = referat::parse_date(extra.from);
    if (!extra.to.empty()) r.to = referat::parse_date(extra.to);
    Answer answer;
    try {
      auto result = searcher_.search(r);
      answer.total = result.total;
      for (const auto& h : result.hits) answer.ids.push_back(h.id);
    } catch (const referat::QueryError&) {
      // a user would see the message and no hits
    }
    return answer;
  }

 private:
  referat::Searcher searcher_;
};

}  // namespace

std::unique_ptr<Engine> open_referat(const std::string& where) { return std::make_unique<ReferatEngine>(where); }

}  // namespace bench

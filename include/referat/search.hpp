#pragma once
/// @file
/// Searching an index: a request struct in, plain result structs out.

#include <referat/index.hpp>
#include <referat/minutes.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace referat {

enum class SortOrder : std::uint8_t { relevance, date_ascending, date_descending };
enum class Collapse : std::uint8_t { none, by_case, by_meeting };

/// A search. Words in `query` use referat's query language (see README);
/// the filter fields are ANDed with it. An empty query with filters browses.
struct SearchRequest {
  std::string query;
  std::vector<std::string> committees;  ///< any of these (names or aliases)
  std::vector<std::string> topics;      ///< any of these topic ids
  std::vector<std::string> cases;       ///< any of these case numbers
  std::vector<std::string> decisions;   ///< any of these outcomes
  std::optional<Date> from, to;         ///< inclusive date range
  SortOrder sort = SortOrder::relevance;
  Collapse collapse = Collapse::none;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool facets = true;               ///< compute facet counts
  std::size_t snippet_bytes = 240;  ///< 0: no snippets
  /// 0: none. Otherwise an item gains up to this much score for being new:
  /// recency_weight × 0.5^(age / 1 year), age counted from the newest item in
  /// the index (BM25 scores of a good match are typically 5–20).
  double recency_weight = 0.0;
  /// When the query has no hits and a spelling suggestion has some, return
  /// the suggestion's hits (with a note; `suggestion` set). False: never.
  bool correct_spelling = true;
};

/// A snippet: a fragment of the item's text and the byte ranges in it that
/// matched the query.
struct Snippet {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  ///< [start, end) in `text`
};

struct DecisionSummary {
  std::string committee;
  Date date;
  std::string outcome;
};

struct Hit {
  std::string id;      ///< stable item id (use with Searcher::item())
  std::string source;  ///< the input file path, or the JSONL id
  std::string item_number;
  std::string title;
  std::vector<std::string> committees;
  Date date;
  std::vector<std::string> case_numbers;
  std::vector<std::string> topics;
  std::vector<DecisionSummary> decisions;
  double score = 0;
  Snippet snippet;
  std::size_t collapsed = 0;  ///< other hits folded into this one by collapse
};

struct FacetValue {
  std::string value;
  std::size_t count = 0;
};

/// Facet counts are exact; a facet's counts ignore that facet's own filter
/// (disjunctive), so a UI can offer the alternatives.
struct Facets {
  std::vector<FacetValue> committee, topic, year, decision;
};

struct SearchResult {
  std::string query;      ///< the query as run (after any æøå retry)
  std::size_t total = 0;  ///< exact number of matching items (before collapse)
  std::size_t offset = 0;
  std::vector<Hit> hits;
  Facets facets;
  std::optional<std::string> suggestion;  ///< a spelling suggestion worth offering
  std::vector<std::string> notes;         ///< e.g. that æøå variants were tried
};

/// The stored form of one item, for `referat show` and exports.
struct StoredItem {
  Hit hit;  ///< id, title, committees, … (no score/snippet)
  std::string meeting_committee;
  std::string text;  ///< full text, sections joined
  std::vector<Section> sections;
  std::vector<Decision> decisions;
  std::vector<Attachment> attachments;
  std::vector<int> pages;
  bool closed = false;
  std::map<std::string, std::string> metadata;
};

struct IndexStats {
  std::size_t items = 0, meetings = 0, files = 0;
  std::vector<FacetValue> committees;
  Date first, last;
  std::uint64_t size_bytes = 0;
  std::string path;
  PositionStore positions = PositionStore::compact;
  /// The index's layout version ("9" now; "6", "7" or "8" for an index
  /// written by an older referat, which this one reads; 6 and 7 are updated
  /// in their own layout, 8 becomes 9).
  std::string format;
};

/// Granularity of a trend series.
enum class Period : std::uint8_t { month, quarter, year };

struct TrendRequest {
  Period by = Period::month;
  std::optional<Date> from, to;
  std::vector<std::string> topics;      ///< one series per topic id
  std::vector<std::string> queries;     ///< one series per query
  std::vector<std::string> committees;  ///< filter; with split_by_committee one series each
  bool split_by_committee = false;
  bool normalize = false;
};

struct TrendPoint {
  std::string period;     ///< "2024-03", "2024-Q1", "2024"
  std::size_t count = 0;  ///< matching items in the period (exact)
  std::size_t total = 0;  ///< all items in the period (same committee filter)
  double share = 0;       ///< count / total (0 when total is 0)
};

struct TrendSeries {
  std::string label;  ///< "emne:ældrereform", the query, or "… · committee"
  std::string query;  ///< the query the series counts
  std::vector<TrendPoint> points;
};

/// One entry of a case timeline.
struct CaseEvent {
  Date date;
  std::string committee;
  std::string item_id;
  std::string title;
  std::string outcome;
};

/// A read-only view of an index. Cheap to keep open; reopen() sees new commits.
/// Use it from one thread at a time (one Searcher per thread). On a machine
/// with two or more cores it keeps a second index handle and a thread of its
/// own for the costly parts of a search (see set_threads()).
class Searcher {
 public:
  /// Throws IndexError{index_missing} when there is no index at `path`.
  explicit Searcher(const std::string& path, const AnalyzerOptions& analyzer = {}, const ParseOptions& parser = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Throws QueryError, with the byte position, for a malformed query
  /// (unbalanced quotes or parentheses, unknown field, bad date, `NEAR/x`) or
  /// one with nothing to search for ("?", "-"); Error{invalid_argument} for an
  /// unknown topic filter or a date range that ends before it starts.
  [[nodiscard]] SearchResult search(const SearchRequest& request);
  /// Facet counts only (no hits).
  [[nodiscard]] Facets facets(const SearchRequest& request);
  /// One item by id; nullopt when unknown.
  [[nodiscard]] std::optional<StoredItem> item(const std::string& id);
  /// Every matching item, in date order (for exports).
  [[nodiscard]] std::vector<StoredItem> all_items(const SearchRequest& request);
  [[nodiscard]] IndexStats stats();
  [[nodiscard]] std::vector<TrendSeries> trends(const TrendRequest& request);
  [[nodiscard]] std::vector<CaseEvent> case_timeline(const std::string& case_number);
  /// Sees the latest commit.
  void reopen();
  /// Threads one search may use: 1 keeps all work on the calling thread; 0
  /// (the default) uses two where the machine has two or more cores. The
  /// second thread checks phrase, NEAR and compound-part candidates (compact
  /// position store) and counts facets over 2,000 or more matches. Results
  /// are the same either way.
  void set_threads(unsigned threads);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace referat

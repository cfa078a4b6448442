#include "search/position_filter.hpp"

#include "index/positions.hpp"
#include "index/schema.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace referat::search {
namespace {

// Assigns words first.. a distinct position each among events[l, r).
bool assign(const std::vector<std::pair<std::uint32_t, std::size_t>>& events, std::size_t l, std::size_t r,
            std::size_t word, std::size_t words, std::vector<std::uint32_t>& used) {
  if (word == words) return true;
  for (std::size_t e = l; e < r; ++e) {
    if (events[e].second != word || std::find(used.begin(), used.end(), events[e].first) != used.end()) continue;
    used.push_back(events[e].first);
    if (assign(events, l, r, word + 1, words, used)) return true;
    used.pop_back();
  }
  return false;
}

bool near(const std::vector<std::vector<std::uint32_t>>& positions, unsigned window) {
  if (window == 0) return false;                              // no positions are less than 0 apart
  std::vector<std::pair<std::uint32_t, std::size_t>> events;  // (position, word), ascending
  for (std::size_t w = 0; w < positions.size(); ++w) {
    for (auto p : positions[w]) events.emplace_back(p, w);
  }
  std::sort(events.begin(), events.end());
  std::vector<std::size_t> in_window(positions.size(), 0);
  std::size_t covered = 0, l = 0;
  std::vector<std::uint32_t> used;
  for (std::size_t r = 0; r < events.size(); ++r) {
    while (l < r && events[r].first - events[l].first >= window) {
      if (--in_window[events[l].second] == 0) --covered;
      ++l;
    }
    if (in_window[events[r].second]++ == 0) ++covered;
    // Every set of positions that fits the window ends at some r: checking
    // each window [l, r] finds it. Words may share terms, hence the
    // assignment of distinct positions (as Xapian's NEAR requires).
    if (covered == positions.size()) {
      used.clear();
      if (assign(events, l, r + 1, 0, positions.size(), used)) return true;
    }
  }
  return false;
}

// Filters the documents of an AND of the words to those whose positions
// satisfy the constraint. Weight 0: the AND beside it in OP_FILTER weights.
class PositionFilter final : public Xapian::PostingSource {
 public:
  explicit PositionFilter(PositionConstraint c) : c_(std::move(c)) {}

  PositionFilter* clone() const override { return new PositionFilter(c_); }

  void init(const Xapian::Database& db) override {
    set_maxweight(0);
    current_ = 0;
    definite_ = false;
    ended_ = c_.words.empty();
    words_.assign(c_.words.size(), {});
    positions_.assign(c_.words.size(), {});
    Xapian::doccount rarest = db.get_doccount();
    for (std::size_t w = 0; w < c_.words.size(); ++w) {
      Xapian::doccount frequency = 0;
      for (const auto& term : c_.words[w]) {
        const Xapian::doccount f = db.get_termfreq(term);
        if (f == 0) continue;
        frequency += f;
        words_[w].push_back({term, db.postlist_begin(term)});
      }
      rarest = std::min(rarest, frequency);
    }
    if (rarest == 0) ended_ = true;
    termfreq_max_ = rarest;
    values_ = db.valuestream_begin(schema::slot_positions);
  }

  Xapian::doccount get_termfreq_min() const override { return 0; }
  // As Xapian guesses for OP_PHRASE and OP_NEAR.
  Xapian::doccount get_termfreq_est() const override { return (termfreq_max_ + 1) / 2; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }

  void next(double) override { seek(current_ + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (!(definite_ && did <= current_)) seek(did);
  }
  bool check(Xapian::docid did, double) override {
    if (definite_ && did <= current_) return true;  // already at a match >= did
    current_ = did;
    // False leaves an "indeterminate" position: the next next() moves past did.
    definite_ = align(did) == did && satisfied(did);
    return definite_;
  }
  bool at_end() const override { return ended_; }
  Xapian::docid get_docid() const override { return current_; }
  std::string get_description() const override { return "referat::PositionFilter"; }

 private:
  struct Alternative {
    std::string term;
    Xapian::PostingIterator postings;
  };
  PositionConstraint c_;
  std::vector<std::vector<Alternative>> words_;        // present alternatives per word
  std::vector<std::vector<std::uint32_t>> positions_;  // per word, for the document checked
  Xapian::ValueIterator values_;
  Xapian::docid current_ = 0;
  bool definite_ = false;  // current_ is a match (not just a failed check)
  Xapian::doccount termfreq_max_ = 0;
  bool ended_ = false;

  // The first document >= did holding every word; 0 at the end.
  Xapian::docid align(Xapian::docid did) {
    for (std::size_t w = 0; w < words_.size();) {
      Xapian::docid first = std::numeric_limits<Xapian::docid>::max();
      for (auto& a : words_[w]) {
        if (a.postings == Xapian::PostingIterator()) continue;
        a.postings.skip_to(did);
        if (a.postings != Xapian::PostingIterator()) first = std::min(first, *a.postings);
      }
      if (first == std::numeric_limits<Xapian::docid>::max()) return 0;
      if (first > did) {
        did = first;
        w = 0;  // the other words again, from the new document
        continue;
      }
      ++w;
    }
    return did;
  }

  void seek(Xapian::docid did) {
    while (!ended_) {
      const Xapian::docid candidate = align(did);
      if (candidate == 0) {
        ended_ = true;
        return;
      }
      if (satisfied(candidate)) {
        current_ = candidate;
        definite_ = true;
        return;
      }
      did = candidate + 1;
    }
  }

  // Positions of the words in document did (which holds every word).
  bool satisfied(Xapian::docid did) {
    if (values_ == Xapian::ValueIterator()) return false;  // past the last value
    values_.skip_to(did);
    if (values_ == Xapian::ValueIterator() || values_.get_docid() != did) return false;
    const std::string stream = *values_;
    index::PositionsReader reader(stream);
    for (std::size_t w = 0; w < words_.size(); ++w) {
      auto& p = positions_[w];
      p.clear();
      int found = 0;
      for (const auto& a : words_[w]) {
        if (a.postings == Xapian::PostingIterator() || *a.postings != did) continue;
        if (const std::uint32_t id = reader.id_of(a.term)) reader.append_positions(id, p), ++found;
      }
      if (found > 1) {  // a word's alternatives, e.g. lemma and surface form
        std::sort(p.begin(), p.end());
        p.erase(std::unique(p.begin(), p.end()), p.end());
      }
    }
    return positions_satisfy(c_, positions_);
  }
};

}  // namespace

bool positions_satisfy(const PositionConstraint& c, const std::vector<std::vector<std::uint32_t>>& positions) {
  if (positions.empty() || positions.size() != c.words.size()) return false;
  for (const auto& p : positions) {
    if (p.empty()) return false;
  }
  if (!c.phrase) return near(positions, c.window);
  for (auto start : positions[0]) {
    bool all = true;
    for (std::size_t w = 1; w < positions.size() && all; ++w)
      all = std::binary_search(positions[w].begin(), positions[w].end(), start + static_cast<std::uint32_t>(w));
    if (all) return true;
  }
  return false;
}

Xapian::Query positional_query(PositionConstraint c, PositionStore store) {
  std::vector<Xapian::Query> words;
  for (const auto& alternatives : c.words)
    words.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  if (store == PositionStore::xapian) {
    // OP_PHRASE with a window of its length: consecutive, in order.
    return Xapian::Query(c.phrase ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, words.begin(), words.end(),
                         c.phrase ? static_cast<Xapian::termcount>(words.size()) : c.window);
  }
  Xapian::Query all(Xapian::Query::OP_AND, words.begin(), words.end());
  if (c.words.size() < 2) return all;  // one word: nothing to place
  return Xapian::Query(Xapian::Query::OP_FILTER, all, Xapian::Query((new PositionFilter(std::move(c)))->release()));
}

}  // namespace referat::search

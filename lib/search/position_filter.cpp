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

// Per thread: the values it reads, and scratch space for one document.
struct Reading {
  Xapian::ValueIterator values;
  bool started = false;
  std::vector<std::vector<std::uint32_t>> positions;  // per word
};

// Filters the documents of an AND of the words to those whose positions
// satisfy the constraint. Weight 0: the AND beside it in OP_FILTER weights.
//
// Candidates (documents holding every word) are checked in batches: while
// the matcher walks them in order, the batch grows (up to 256) and a
// SecondReader shares its checks between two cores. Where the matcher
// asks about scattered documents, the batch shrinks back to one, which is
// exactly the sequential check.
class PositionFilter final : public Xapian::PostingSource {
 public:
  PositionFilter(PositionConstraint c, SecondReader* second) : c_(std::move(c)), second_(second) {}

  PositionFilter* clone() const override { return new PositionFilter(c_, second_); }

  void init(const Xapian::Database& db) override {
    set_maxweight(0);
    current_ = 0;
    definite_ = false;
    ended_ = c_.words.empty();
    words_.assign(c_.words.size(), {});
    Xapian::doccount rarest = db.get_doccount();
    std::size_t alternatives = 0;
    for (std::size_t w = 0; w < c_.words.size(); ++w) {
      Xapian::doccount frequency = 0;
      for (const auto& term : c_.words[w]) {
        const Xapian::doccount f = db.get_termfreq(term);
        if (f == 0) continue;
        frequency += f;
        words_[w].push_back({term, db.postlist_begin(term), alternatives++});
      }
      rarest = std::min(rarest, frequency);
    }
    unless_.clear();
    for (const auto& term : c_.unless) {
      if (db.get_termfreq(term) > 0) unless_.push_back(db.postlist_begin(term));
    }
    if (rarest == 0) ended_ = true;
    exhausted_ = ended_;
    next_candidate_ = 0;
    termfreq_max_ = rarest;
    main_ = Reading{db.valuestream_begin(schema::slot_positions), true, {}};
    helper_ = Reading{};
    batch_ = {};
    batch_size_ = 1;
    // Document ids must mean the same documents in both handles.
    use_second_ = second_ && alternatives <= 64 && second_->sync(db);
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
    if (!batch_.covers(did)) fill(did);
    // False leaves an "indeterminate" position: the next next() moves past did.
    definite_ = batch_.match(did);
    return definite_;
  }
  bool at_end() const override { return exhausted_; }
  Xapian::docid get_docid() const override { return current_; }
  std::string get_description() const override { return "referat::PositionFilter"; }

 private:
  struct Alternative {
    std::string term;
    Xapian::PostingIterator postings;
    std::size_t bit = 0;  // in Batch::present
  };
  // Candidates checked ahead: every candidate in [from, to] is in `docs`.
  struct Batch {
    Xapian::docid from = 1, to = 0;
    std::vector<Xapian::docid> docs;
    std::vector<std::uint64_t> present;  // per candidate: which alternatives it holds
    std::vector<char> ok;

    bool covers(Xapian::docid did) const { return did >= from && did <= to; }
    bool match(Xapian::docid did) const {
      auto it = std::lower_bound(docs.begin(), docs.end(), did);
      return it != docs.end() && *it == did && ok[static_cast<std::size_t>(it - docs.begin())];
    }
    // The first match >= did, or 0.
    Xapian::docid first_match(Xapian::docid did) const {
      for (auto it = std::lower_bound(docs.begin(), docs.end(), did); it != docs.end(); ++it) {
        if (ok[static_cast<std::size_t>(it - docs.begin())]) return *it;
      }
      return 0;
    }
  };

  PositionConstraint c_;
  SecondReader* second_ = nullptr;
  bool use_second_ = false;
  std::vector<std::vector<Alternative>> words_;  // present alternatives per word
  std::vector<Xapian::PostingIterator> unless_;  // of c_.unless: documents left out
  Reading main_, helper_;                        // helper_: touched by the second thread only
  Batch batch_;
  std::size_t batch_size_ = 1;
  Xapian::docid current_ = 0;
  bool definite_ = false;  // current_ is a match (not just a failed check)
  Xapian::doccount termfreq_max_ = 0;
  bool ended_ = false;                // no candidates after batch_
  bool exhausted_ = false;            // no matches from current_ on
  Xapian::docid next_candidate_ = 0;  // the first candidate after batch_

  void seek(Xapian::docid did) {
    definite_ = false;
    for (;;) {
      if (batch_.covers(did)) {
        if (const Xapian::docid match = batch_.first_match(did)) {
          current_ = match;
          definite_ = true;
          return;
        }
        did = batch_.to + 1;
      }
      if (ended_) {
        exhausted_ = true;
        return;
      }
      fill(did);
    }
  }

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

  // Whether candidate holds a term of c_.unless (candidates ascend).
  bool left_out(Xapian::docid candidate) {
    for (auto& postings : unless_) {
      if (postings == Xapian::PostingIterator()) continue;
      postings.skip_to(candidate);
      if (postings != Xapian::PostingIterator() && *postings == candidate) return true;
    }
    return false;
  }

  // Which alternatives candidate holds (align() left their postings there).
  std::uint64_t alternatives_at(Xapian::docid candidate) const {
    std::uint64_t present = 0;
    for (const auto& alternatives : words_) {
      for (const auto& a : alternatives) {
        if (a.postings != Xapian::PostingIterator() && *a.postings == candidate) present |= std::uint64_t{1} << a.bit;
      }
    }
    return present;
  }

  // Checks the next batch of candidates from did on (did is past batch_).
  void fill(Xapian::docid did) {
    // Grow while the matcher walks the candidates in order (it skipped none
    // since the last batch); back to one when it jumps.
    batch_size_ = did <= next_candidate_ ? std::min<std::size_t>(batch_size_ * 4, 256) : 1;
    batch_.docs.clear();
    batch_.present.clear();
    batch_.from = did;
    while (batch_.docs.size() < batch_size_) {
      const Xapian::docid candidate = align(did);
      if (candidate == 0) {
        ended_ = true;
        break;
      }
      if (!left_out(candidate)) {
        batch_.docs.push_back(candidate);
        batch_.present.push_back(alternatives_at(candidate));
      }
      if (candidate == std::numeric_limits<Xapian::docid>::max()) {
        ended_ = true;
        break;
      }
      did = candidate + 1;
    }
    if (!ended_) {
      batch_.to = batch_.docs.back();
      next_candidate_ = align(batch_.to + 1);  // postings only: cheap
      ended_ = next_candidate_ == 0;
    }
    if (ended_) batch_.to = std::numeric_limits<Xapian::docid>::max();
    batch_.ok.assign(batch_.docs.size(), 0);
    check_batch();
  }

  void check_batch() {
    const std::size_t n = batch_.docs.size();
    if (!use_second_ || n < 8) {
      check_range(main_, 0, n);
      return;
    }
    // Pieces of 4: a few dozen µs each, so a thread held up elsewhere
    // leaves little for the other to wait on.
    second_->share(n, 4, [this](std::size_t begin, std::size_t end, Xapian::Database* db) {
      if (!db) return check_range(main_, begin, end);
      if (!helper_.started) helper_ = Reading{db->valuestream_begin(schema::slot_positions), true, {}};
      check_range(helper_, begin, end);
    });
  }

  void check_range(Reading& r, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) batch_.ok[i] = satisfied(r, batch_.docs[i], batch_.present[i]);
  }

  // Whether document did (which holds the alternatives in `present`) has
  // positions satisfying the constraint; `r` reads its value.
  bool satisfied(Reading& r, Xapian::docid did, std::uint64_t present) const {
    if (r.values == Xapian::ValueIterator()) return false;  // past the last value
    r.values.skip_to(did);
    if (r.values == Xapian::ValueIterator() || r.values.get_docid() != did) return false;
    const std::string stream = *r.values;
    index::PositionsReader reader(stream);
    r.positions.resize(words_.size());
    for (std::size_t w = 0; w < words_.size(); ++w) {
      auto& p = r.positions[w];
      p.clear();
      int found = 0;
      for (const auto& a : words_[w]) {
        if (!(present >> a.bit & 1)) continue;
        if (const std::uint32_t id = reader.id_of(a.term)) reader.append_positions(id, p), ++found;
      }
      if (found > 1) {  // a word's alternatives, e.g. lemma and surface form
        std::sort(p.begin(), p.end());
        p.erase(std::unique(p.begin(), p.end()), p.end());
      }
    }
    return positions_satisfy(c_, r.positions);
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

namespace {
Xapian::Query without(Xapian::Query q, const std::vector<std::string>& unless) {
  if (unless.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, q, Xapian::Query(Xapian::Query::OP_OR, unless.begin(), unless.end()));
}
}  // namespace

Xapian::Query positional_query(PositionConstraint c, PositionStore store, SecondReader* second) {
  // A word's alternatives weigh as one term (a lemma's Z term and the forms
  // standing for it: search::lemma_index_terms). Under OP_OR each form
  // would add its own BM25 weight, with its own, higher idf.
  std::vector<Xapian::Query> words;
  for (const auto& alternatives : c.words)
    words.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  Xapian::Query all(Xapian::Query::OP_AND, words.begin(), words.end());
  if (store == PositionStore::xapian) {
    // OP_PHRASE and OP_NEAR take terms or ORs of terms, and weigh them so.
    // OP_PHRASE with a window of its length: consecutive, in order.
    std::vector<Xapian::Query> placed;
    for (const auto& alternatives : c.words)
      placed.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    Xapian::Query where(c.phrase ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, placed.begin(), placed.end(),
                        c.phrase ? static_cast<Xapian::termcount>(placed.size()) : c.window);
    // One term per word (every exact phrase) weighs as the AND would; with
    // alternatives, the positional operator only filters the AND.
    const bool single = std::all_of(c.words.begin(), c.words.end(), [](const auto& a) { return a.size() == 1; });
    return without(single ? where : Xapian::Query(Xapian::Query::OP_FILTER, all, where), c.unless);
  }
  if (c.words.size() < 2) return without(all, c.unless);  // one word: nothing to place
  // The filter skips c.unless itself, before reading any positions.
  return Xapian::Query(Xapian::Query::OP_FILTER, all,
                       Xapian::Query((new PositionFilter(std::move(c), second))->release()));
}

}  // namespace referat::search

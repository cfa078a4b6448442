#include "search/facets.hpp"

#include "common/files.hpp"
#include "index/schema.hpp"
#include "search/second_reader.hpp"

#include <algorithm>

namespace referat::search {

FacetCounts::FacetCounts(std::vector<Xapian::valueno> slots)
    : slots_(std::move(slots)), whole_(slots_.size()), counts_(slots_.size()) {}

void FacetCounts::add(std::size_t i, const std::string& value, std::size_t n) {
  if (value.empty() || n == 0) return;
  auto it = whole_[i].find(value);
  if (it == whole_[i].end()) it = whole_[i].emplace(value, 0).first;
  it->second += n;
  summed_ = false;
}

void FacetCounts::merge(const FacetCounts& other) {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    for (const auto& [value, n] : other.whole_[i]) add(i, value, n);
  }
}

std::vector<FacetValue> FacetCounts::values(std::size_t i, bool by_value) const {
  std::vector<FacetValue> out;
  for (const auto& [v, c] : counts(i)) out.push_back({v, c});
  std::stable_sort(out.begin(), out.end(), [by_value](const FacetValue& a, const FacetValue& b) {
    return by_value ? a.value < b.value : a.count > b.count;
  });
  return out;
}

const std::map<std::string, std::size_t>& FacetCounts::counts(std::size_t i) const {
  if (!summed_) sum();
  return counts_[i];
}

void FacetCounts::sum() const {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    counts_[i].clear();
    for (const auto& [value, n] : whole_[i]) {
      for (const std::string& part : detail::split(value, schema::multi_separator)) {
        if (!part.empty()) counts_[i][part] += n;
      }
    }
  }
  summed_ = true;
}

namespace {

// Counts documents [begin, end) (ascending) from the slots' streams, read
// forward: Document::get_value() would decode a value chunk from its start
// for every document.
void count_streams(const Xapian::Database& db, const Xapian::docid* begin, const Xapian::docid* end,
                   FacetCounts& counts) {
  for (std::size_t i = 0; i < counts.slots().size(); ++i) {
    Xapian::ValueIterator stream = db.valuestream_begin(counts.slots()[i]);
    for (const Xapian::docid* d = begin; d != end && stream != Xapian::ValueIterator(); ++d) {
      stream.skip_to(*d);
      if (stream != Xapian::ValueIterator() && stream.get_docid() == *d) counts.add(i, *stream);
    }
  }
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots) {
  const Xapian::docid last = db.get_lastdocid();
  for (Xapian::valueno slot : slots) {
    Column column;
    column.slot = slot;
    column.ids.assign(static_cast<std::size_t>(last) + 1, 0);
    std::unordered_map<std::string, std::uint32_t> id_of;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      if (it.get_docid() > last) break;  // not in this revision's range (cannot happen at one revision)
      auto [known, added] = id_of.try_emplace(*it, static_cast<std::uint32_t>(column.values.size() + 1));
      if (added) column.values.push_back(known->first);
      column.ids[it.get_docid()] = known->second;
    }
    columns_.push_back(std::move(column));
  }
}

const FacetColumns::Column* FacetColumns::find(Xapian::valueno slot) const {
  for (const Column& c : columns_) {
    if (c.slot == slot) return &c;
  }
  return nullptr;
}

void FacetColumns::count(const Xapian::docid* begin, const Xapian::docid* end, FacetCounts& counts) const {
  std::vector<std::size_t> per_id;
  for (std::size_t i = 0; i < counts.slots().size(); ++i) {
    const Column* column = find(counts.slots()[i]);
    if (!column) continue;
    per_id.assign(column->values.size() + 1, 0);
    for (const Xapian::docid* d = begin; d != end; ++d) {
      if (*d < column->ids.size()) ++per_id[column->ids[*d]];
    }
    for (std::size_t id = 1; id < per_id.size(); ++id) counts.add(i, column->values[id - 1], per_id[id]);
  }
}

bool FacetCounter::columns_ready(const Xapian::Database& db, std::size_t documents, std::size_t slot_count) {
  Xapian::rev revision = 0;
  try {
    revision = db.get_revision();
  } catch (const Xapian::InvalidOperationError&) {  // several indexes in one handle: no single revision
    return false;
  }
  if (revision_ != revision) {  // a new revision: what was read no longer holds
    columns_.reset();
    streamed_ = 0;
    revision_ = revision;
  }
  if (columns_) return true;
  // Read whole once the streams have cost as much as that (this search's
  // count included).
  constexpr std::size_t scattered_cost = 5;  // a value read at scattered documents, in values read whole
  streamed_ += documents * slot_count;
  if (streamed_ * scattered_cost < static_cast<std::size_t>(db.get_doccount()) * slots_.size()) return false;
  columns_ = std::make_unique<FacetColumns>(db, slots_);
  return true;
}

FacetCounts FacetCounter::count(const Xapian::Database& db, std::vector<Xapian::docid>& docs,
                                const std::vector<Xapian::valueno>& slots, SecondReader* second) {
  if (!std::is_sorted(docs.begin(), docs.end())) std::sort(docs.begin(), docs.end());
  FacetCounts mine(slots);
  const Xapian::docid* begin = docs.data();
  const Xapian::docid* end = begin + docs.size();
  const bool kept = std::all_of(slots.begin(), slots.end(), [this](Xapian::valueno s) {
    return std::find(slots_.begin(), slots_.end(), s) != slots_.end();
  });
  if (kept && columns_ready(db, docs.size(), slots.size())) {
    columns_->count(begin, end, mine);
    return mine;
  }
  if (docs.size() < 2000 || !second || !second->sync(db)) {
    count_streams(db, begin, end, mine);
    return mine;
  }
  // Pieces of 512 documents: each opens the slots' streams once.
  FacetCounts theirs(slots);
  second->share(docs.size(), 512, [&](std::size_t from, std::size_t to, Xapian::Database* own) {
    if (own)
      count_streams(*own, begin + from, begin + to, theirs);
    else
      count_streams(db, begin + from, begin + to, mine);
  });
  mine.merge(theirs);
  return mine;
}

}  // namespace referat::search

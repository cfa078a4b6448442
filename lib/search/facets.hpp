#pragma once
// Facet counts over the documents a search matched: per value of the
// committee, topic, year and outcome slots, exact.
//
// Counting reads each slot's value for every match. On a large index a
// search with thousands of matches spent about half its time there (Europarl,
// 4,475 matches: 3 of 6 ms), reading value chunks through Xapian. A value
// read at scattered documents costs about 5 times one read in a whole pass
// (Europarl: 0.17 against 0.035 µs). So a FacetCounter reads the slots'
// streams until they have cost as much as reading the kept slots whole, then
// reads them whole, once, and counts from memory (4 bytes per document and
// slot) until the index changes: a one-shot search pays about what the
// streams would have cost, and a long-lived searcher counts in microseconds.
#include <referat/search.hpp>

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace referat::search {

class SecondReader;

/// Documents per value of each slot. Multi-valued slots ("Økonomiudvalget
/// \x1f Byrådet") count for each of their parts; a document's whole value is
/// counted first (few distinct values recur over thousands of matches), and
/// the parts are added up once.
class FacetCounts {
 public:
  explicit FacetCounts(std::vector<Xapian::valueno> slots);

  /// Counts `n` more documents with whole value `value` in slot index `i`.
  void add(std::size_t i, const std::string& value, std::size_t n = 1);
  void merge(const FacetCounts& other);

  const std::vector<Xapian::valueno>& slots() const { return slots_; }
  /// Slot index i's values, most documents first, or by value.
  std::vector<FacetValue> values(std::size_t i, bool by_value = false) const;
  /// Slot index i's parts → documents.
  const std::map<std::string, std::size_t>& counts(std::size_t i) const;

 private:
  std::vector<Xapian::valueno> slots_;
  std::vector<std::unordered_map<std::string, std::size_t>> whole_;  // per slot: whole value → documents
  mutable std::vector<std::map<std::string, std::size_t>> counts_;   // per slot: one value → documents
  mutable bool summed_ = true;

  void sum() const;
};

/// Every document's value of some slots, read whole from the slots' streams:
/// per slot, a number per document id naming one of the slot's distinct
/// values.
class FacetColumns {
 public:
  FacetColumns(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots);

  /// Adds documents [begin, end) to `counts` for its slots held here.
  void count(const Xapian::docid* begin, const Xapian::docid* end, FacetCounts& counts) const;

 private:
  struct Column {
    Xapian::valueno slot = 0;
    std::vector<std::uint32_t> ids;   // by document id: 0 none, else 1 + index into values
    std::vector<std::string> values;  // the slot's distinct whole values
  };
  std::vector<Column> columns_;

  const Column* find(Xapian::valueno slot) const;
};

/// Counts facets for one Searcher (used by one thread at a time).
class FacetCounter {
 public:
  /// `slots`: the slots held in memory once that pays (see the top of this file).
  explicit FacetCounter(std::vector<Xapian::valueno> slots) : slots_(std::move(slots)) {}

  /// Counts `slots` over `docs` (sorted here). With `second`, thousands of
  /// documents read from streams are split between two threads.
  FacetCounts count(const Xapian::Database& db, std::vector<Xapian::docid>& docs,
                    const std::vector<Xapian::valueno>& slots, SecondReader* second);

  /// True once the slots are held in memory for the current revision.
  bool in_memory() const { return columns_ != nullptr; }

 private:
  std::vector<Xapian::valueno> slots_;
  std::unique_ptr<FacetColumns> columns_;
  std::optional<Xapian::rev> revision_;  // of the index the streams and columns were read at
  std::size_t streamed_ = 0;             // values read from streams at this revision

  bool columns_ready(const Xapian::Database& db, std::size_t documents, std::size_t slot_count);
};

}  // namespace referat::search

#pragma once
// Snippets from stored offsets: no re-tokenising of the document (the cost
// that makes Xapian's MSet::snippet slow on long items).
#include <referat/index.hpp>
#include <referat/search.hpp>

#include "index/record.hpp"

#include <xapian.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace referat::search {

/// Where a document's query terms stand: body positions, ascending, each
/// with the index of the first of the terms asked for found there.
using Matches = std::vector<std::pair<std::uint32_t, std::size_t>>;

/// Finds the positions of query terms in the hits shown, from the index's
/// position store. A query term is a group of index terms (a lemma's Z term
/// and the surface terms standing for it, search::lemma_index_terms).
class HitPositions {
 public:
  using Terms = std::vector<std::vector<std::string>>;
  /// `terms`: every term matches() will be asked for; `docs`: the hits.
  HitPositions(const Xapian::Database& db, PositionStore store, const Terms& terms,
               const std::vector<Xapian::docid>& docs);
  /// Positions of `terms` in the hit; a match's index is its group's.
  Matches matches(Xapian::docid did, const Xapian::Document& doc, const Terms& terms) const;

 private:
  const Xapian::Database& db_;
  PositionStore store_;
  // Compact store: which terms each hit holds (a position value names only
  // those exactly), read from the terms' postings: a long item's termlist is
  // tens of kilobytes to decompress, a posting look-up is not.
  std::set<std::pair<std::string, Xapian::docid>> present_;
};

/// Best passage of about `max_bytes` of `text` around `matched` (positions of
/// `term_count` query terms), with highlight ranges relative to it.
/// `offsets_value`: the document's token offsets (schema::slot_offsets_packed).
Snippet make_snippet(const Matches& matched, std::size_t term_count, index::StoredText& text,
                     const std::string& offsets_value, std::size_t max_bytes);

}  // namespace referat::search

#pragma once
// Word positions kept outside Xapian's position table (index format 4).
//
// Xapian keeps one B-tree entry per (term, document) with positions, about
// 19 bytes each before the positions themselves; on short items (Europarl)
// that made the position table more than half of the index. referat keeps
// one packed value per document instead (schema::slot_positions):
//
//   byte    hash width w (2, 3, 4 or 8 bytes), plus 0x80 for hash 2 (below)
//   byte    salt
//   varint  n, then n hashes of w bytes (little endian), ascending: the
//           document's positional terms; a term's local id is its index + 1
//   4 bytes (little endian) per 32 terms after the first 32: where the
//           records of terms 32, 64, … start, counted from the first record
//   records, one per term in id order: varint (first position << 1 | more),
//           and if more: varint k, then k varint position deltas
//
// The salt is chosen at index time so that the document's terms hash to
// distinct values. Hash 1 (index format 4) hashes the term's bytes with the
// salt; hash 2 (format 5, written from then on) mixes the salt into one
// salt-free hash of the term. Europarl items hold 500-800 positional terms,
// where 2-byte hashes need 7-130 salts on average: trying a salt then costs
// a few multiplications per term instead of a pass over its bytes. A reader only looks up terms it knows the document
// contains (from their postings), so a hash names the term exactly: no false
// matches, with 2–3 bytes per distinct term instead of the term itself. A
// look-up is a binary search and at most 31 records skipped, so a phrase
// candidate costs about the same on a long item as on a short one.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace referat::index {

/// Hash 1 of `term` under `salt`, cut to `width` bytes (read only).
std::uint64_t position_term_hash(std::string_view term, unsigned salt, unsigned width);
/// The salt-free part of hash 2.
std::uint64_t position_term_base(std::string_view term);
/// Hash 2 of a term whose position_term_base() is `base`, under `salt`, cut
/// to `width` bytes.
std::uint64_t position_salted_hash(std::uint64_t base, unsigned salt, unsigned width);

/// Collects one document's (position, term) pairs and packs them.
class PositionsWriter {
 public:
  /// `position`: body positions from 0, title positions from
  /// schema::title_base; each ascending. A term repeated at one position is
  /// kept once.
  void add(std::uint32_t position, std::string_view term);
  /// The id add() takes for `term`: call it once per distinct term (two ids
  /// for one term make encode() fail); `term` must outlive encode(). For
  /// callers that already keep a document's terms, so a term is looked up
  /// once rather than per position.
  std::uint32_t id_of(const std::string* term);
  /// As add(position, term), for an id from id_of().
  void add(std::uint32_t position, std::uint32_t id);
  std::string encode() const;

 private:
  struct Entry {
    std::uint32_t position, id;
  };
  std::unordered_map<std::string, std::uint32_t> ids_;  // for add(position, term): term → id
  std::vector<const std::string*> terms_;               // by id, in order of first use
  std::vector<Entry> entries_;
};

/// Reads a packed value. Malformed or truncated data reads as fewer (or no)
/// positions, never out of bounds.
class PositionsReader {
 public:
  explicit PositionsReader(std::string_view data);

  /// Local id of `term`, which the document must contain (for another term
  /// the answer may be a different term's id); 0 when absent.
  std::uint32_t id_of(std::string_view term) const;

  /// Appends the ascending positions of local id `id` (title positions from
  /// schema::title_base) below `limit` to `out`.
  void append_positions(std::uint32_t id, std::vector<std::uint32_t>& out, std::uint32_t limit = UINT32_MAX) const;

 private:
  std::uint64_t hash_at(std::size_t index) const;
  std::string_view data_;
  unsigned width_ = 0, salt_ = 0;
  bool salted_base_ = false;                                          // hash 2
  std::size_t terms_ = 0, dictionary_ = 0, skips_ = 0, records_ = 0;  // term count, byte offsets
};

}  // namespace referat::index

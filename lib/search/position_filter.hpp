#pragma once
// Phrase and NEAR matching over referat's own position streams
// (index/positions.hpp): Xapian's OP_PHRASE and OP_NEAR need its position
// table, which referat does not write.
#include <referat/index.hpp>

#include "search/second_reader.hpp"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace referat::search {

/// Words that must stand in order next to each other (phrase) or all within
/// `window` positions (NEAR). Each word is a set of alternative terms, any of
/// which may stand at its position.
struct PositionConstraint {
  std::vector<std::vector<std::string>> words;
  bool phrase = false;
  unsigned window = 0;  ///< NEAR: largest position − smallest position < window
  /// Documents holding any of these terms do not match, and their positions
  /// are never read. For a clause beside another that matches those
  /// documents anyway: a compound's parts written near each other, beside
  /// the compound itself, where checking the compound's own items was most
  /// of the query's time (`menneskerettigheder` on Europarl).
  std::vector<std::string> unless;
};

/// True if one position per word, all different, satisfies `c`;
/// `positions[i]`: ascending positions of word i.
bool positions_satisfy(const PositionConstraint& c, const std::vector<std::vector<std::uint32_t>>& positions);

/// The documents holding every word whose positions satisfy `c`, weighted as
/// Xapian's AND of the words. With PositionStore::xapian that is Xapian's
/// OP_PHRASE or OP_NEAR; with PositionStore::compact the AND filtered by a
/// PostingSource reading the position values. Exact either way: every
/// candidate is checked, so counts stay exact. With `second`, long runs of
/// candidates are checked on two threads. `c.unless` leaves documents out
/// either way (with PositionStore::xapian, by OP_AND_NOT).
Xapian::Query positional_query(PositionConstraint c, PositionStore store, SecondReader* second = nullptr);

}  // namespace referat::search

#pragma once
// Snippets from stored offsets: no re-tokenising of the document (the cost
// that makes Xapian's MSet::snippet slow on long items).
#include <referat/search.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace referat::search {

/// Best passage of about `max_bytes` around the positions where any of
/// `terms` occur in document `did`, with highlight ranges relative to it.
/// `offsets_value` holds the token offsets (packed: format 3, else format 2).
Snippet make_snippet(const Xapian::Database& db, Xapian::docid did, const std::string& text,
                     const std::string& offsets_value, bool packed_offsets, const std::vector<std::string>& terms,
                     std::size_t max_bytes);

}  // namespace referat::search

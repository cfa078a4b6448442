#pragma once
// The stored form of an item in a Xapian document's data (JSON, so that
// `xapian-delve -d` shows something readable) and the compact position →
// byte offset table used for snippets.
#include <referat/search.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace referat::index {

/// An item as stored: the searchable text plus everything shown for a hit.
struct Record {
  StoredItem item;
  /// Section byte ranges in item.text: (kind, heading, begin, end).
  struct Range {
    SectionKind kind;
    std::string heading;
    std::size_t begin, end;
  };
  std::vector<Range> ranges;
};

/// Builds the record's text (sections joined; headings on their own lines)
/// and ranges from an item. Index time and display use the same text.
Record make_record(const AgendaItem& item, const ParsedFile& file, const std::string& id, const std::string& source);

std::string serialise(const Record& record);
Record unserialise(const std::string& data);

/// Position → [begin, end) byte offsets, packed (schema::slot_offsets_packed):
/// one byte per token when it starts fewer than 8 bytes after the previous
/// one ends and is 1–31 bytes long (most words), else a 0 byte and two
/// varints (start delta from the previous start, length).
std::string encode_offsets(const std::vector<std::pair<std::size_t, std::size_t>>& offsets);
/// Offsets of the first `positions` positions (all by default).
std::vector<std::pair<std::size_t, std::size_t>> decode_offsets(const std::string& data,
                                                                std::size_t positions = SIZE_MAX);

}  // namespace referat::index

#pragma once
// The stored form of an item in a Xapian document's data (JSON, so that
// `xapian-delve -d` shows something readable; from format 9 its text in
// schema::slot_text) and the compact position → byte offset table used for
// snippets.
#include <referat/search.hpp>

#include <xapian.h>

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

/// An item's text as stored: compressed (zstd) in frames of
/// text_frame_bytes, so a snippet of a 7 MB item decompresses the frames it
/// shows, not the whole text. Texts of format 6 and short texts are stored
/// as they are.
class StoredText {
 public:
  static constexpr std::size_t text_frame_bytes = 16384;

  StoredText() = default;
  /// `stored`: what serialise() wrote after the JSON line; `frames`: the
  /// compressed size of each frame (none: `stored` is the text itself).
  StoredText(std::string stored, std::size_t size, std::vector<std::size_t> frames);

  std::size_t size() const { return size_; }
  /// The text with at least bytes [begin, end) in place; bytes of frames not
  /// yet needed are zero. Throws IndexError on damaged data.
  const std::string& with(std::size_t begin, std::size_t end);
  const std::string& all() { return with(0, size_); }
  /// The whole text, moved out (this is left empty).
  std::string release();

 private:
  std::string stored_;
  std::size_t size_ = 0;
  std::vector<std::size_t> frame_starts_;  // offsets into stored_, one past the last at the end
  std::vector<bool> decoded_;
  std::string text_;
};

/// The document data of `record`. With `text_value` (format 9), the stored
/// text goes there, for schema::slot_text, and the data says so; without,
/// it follows the data's JSON line (formats 6-8).
std::string serialise(const Record& record, std::string* text_value = nullptr);
/// The record with its text and sections. The overloads taking the data
/// alone read records that keep their text in the data; one that keeps it
/// in slot_text is IndexError there.
Record unserialise(const Xapian::Document& doc);
Record unserialise(const std::string& data);
/// The record without its text and sections, which go to `text` (read later,
/// as far as needed); `text` may be null, and then no text is read.
Record unserialise(const Xapian::Document& doc, StoredText* text);
Record unserialise(const std::string& data, StoredText* text);

/// Position → [begin, end) byte offsets, packed (schema::slot_offsets_packed):
/// one byte per token when it starts fewer than 8 bytes after the previous
/// one ends and is 1–31 bytes long (most words), else a 0 byte and two
/// varints (start delta from the previous start, length).
std::string encode_offsets(const std::vector<std::pair<std::size_t, std::size_t>>& offsets);
/// Offsets of the first `positions` positions (all by default).
std::vector<std::pair<std::size_t, std::size_t>> decode_offsets(const std::string& data,
                                                                std::size_t positions = SIZE_MAX);

}  // namespace referat::index

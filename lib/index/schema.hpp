#pragma once
// The index schema in one place (documented in docs/index-schema.md).
// Follows Xapian Omega's conventions: Q unique id, S title, Z stemmed
// (lemma) terms, X… for referat's own prefixes, dates in value slots.
#include <referat/index.hpp>

#include <string>
#include <string_view>

namespace referat::schema {

// Term prefixes.
inline constexpr std::string_view id = "Q";                 // Q<item id>
inline constexpr std::string_view lemma = "Z";              // Z<lemma or compound part>
inline constexpr std::string_view title = "S";              // S<lemma> for titel:
inline constexpr std::string_view indstilling = "XI";       // XI<lemma> for indstilling:
inline constexpr std::string_view beslutning = "XB";        // XB<lemma> for beslutning: text
inline constexpr std::string_view sagsfremstilling = "XF";  // XF<lemma>
inline constexpr std::string_view committee = "XC";         // XC<canonical, folded>
inline constexpr std::string_view case_number = "XK";       // XK<case number, folded>
inline constexpr std::string_view topic = "XT";             // XT<topic id>
inline constexpr std::string_view outcome = "XO";           // XO<outcome>
inline constexpr std::string_view year = "XY";              // XY<yyyy>
inline constexpr std::string_view source = "XP";            // XP<absolute source path or jsonl file>
inline constexpr std::string_view meeting = "XM";           // XM<meeting key>

// Block size of the index's B-tree files (Xapian's default is 8 KiB). A
// phrase, NEAR or compound-part candidate costs one read of its packed
// positions (slot_positions, about 3.3 KB on Europarl), and each read copies
// whole blocks out of the page cache: with 4 KiB blocks Europarl's `klimaplan`
// copied 25% fewer bytes and the benchmark's p99 fell from 21-23 to 16-19 ms
// (bench/EXPERIMENTS.md). Used where an index is created or compacted; the
// shards of a fresh build are scratch space and keep Xapian's default.
inline constexpr int block_size = 4096;

// Value slots.
enum Slot : unsigned {
  slot_date = 0,        // "YYYYMMDD" (sorts and ranges as a string)
  slot_year = 1,        // "YYYY"
  slot_committees = 2,  // canonical names joined by '\x1f' (multi-valued facet)
  slot_topics = 3,      // topic ids joined by '\x1f'
  slot_outcomes = 4,    // outcomes joined by '\x1f'
  slot_case = 5,        // first case number, else the id (collapse key)
  slot_meeting = 6,     // meeting key (collapse key)
  // 7: format 2's offsets, no longer written or read
  slot_offsets_packed = 8,  // byte offsets per body position, for snippets (index::encode_offsets)
  slot_positions = 9,       // format 4: the document's term positions (index/positions.hpp)
  slot_text = 10            // format 9: the item's stored text, where its record says "tv" (index/record.hpp)
};

inline constexpr char multi_separator = '\x1f';

// Body positions start at 0; title positions at title_base so that a phrase
// never spans title and body. 2^24: an item of 16.7 million words (a
// thousand-page appendix) still keeps its body below its title; at 10^6
// (format 3) a 7 MB item's body ran into its title's positions.
inline constexpr unsigned title_base = 1u << 24;

// Metadata keys.
inline constexpr std::string_view file_hash_key = "file:";  // file:<path> → content hash + analysis
// Bumped whenever the analysis code gives different terms for the same text
// (2: the decompounder stopped splitting listed words like skolen, personale;
// 3: names are not split (danmark is not dan+mark), lemmas are folded;
// 4: an inflected head keeps its doubled consonant, proces|sen → processen;
// 5: outcome terms are folded, XOGodkendt → XOgodkendt, index/filter_terms).
// Stored with each file's content hash, so `referat index` re-indexes files
// analysed the old way instead of skipping them as unchanged.
inline constexpr std::string_view analysis_version = "5";
// content:<raw content hash> → the file (file_hash_key's path) whose items
// hold that content; a copy's file_hash_key value is then duplicate_marker,
// its original's path, a newline and the versioned hash it was checked with.
inline constexpr std::string_view content_key = "content:";
inline constexpr std::string_view duplicate_marker = "duplicate\n";
inline constexpr std::string_view format_key = "referat:format";
inline constexpr std::string_view positions_key = "referat:positions";  // "compact" or "xapian"

// Version of the stored layout (terms, values, record format). An index of
// another version is refused with a clear message instead of being misread.
// 2: record = one JSON line, then the text.
// 3: a lemma term (Z) has no positions for occurrences written in the
//    dictionary form itself: those positions are the surface term's.
// 4: positions in one packed value per document (slot_positions,
//    PositionStore::compact) or in Xapian's position table (PositionStore::
//    xapian), as positions_key says; the rule of format 3 holds in both.
//    Title positions from 2^24. Formats 2 and 3 are no longer read.
// 5: packed positions may use hash 2 (index/positions.hpp), which format-4
//    readers cannot look up; values of format 4 still read, so a format-4
//    index is read and updated as it is.
// 6: a word written in its dictionary form has no lemma term (Z) at all:
//    its surface term stands for the lemma (query::surface_holds_lemma). A
//    lemma query is OP_SYNONYM of both, which on an older index would count
//    such words twice, so formats 4 and 5 are no longer read.
// 7: an item's text is stored in zstd frames (index::StoredText); a format-6
//    record (its text as it is) still reads, so a format-6 index is read and
//    updated as it is, and older referat versions refuse the index.
// 8: a lemma the written word alone gives (not an elliptical expansion) has
//    no Z posting where the word is not in its dictionary form either: the
//    Z term's synonyms (index/lemma_forms.hpp) list the surface forms that
//    stand for it. Formats 6 and 7 have no such lists and read as they are;
//    an index of theirs with items is updated in its own layout and stays 7.
// 9: an item's stored text may sit in its own value (slot_text; the record
//    says so) instead of after the record's JSON line, where Xapian deflated
//    the zstd frames once more. Records of either kind read, so a format-8
//    index is read as it is and becomes 9 when updated.
inline constexpr std::string_view format_version = "9";
inline constexpr std::string_view format_with_lemma_postings = "7";  // formats 6 and 7, updated
inline constexpr std::string_view readable_formats[] = {"6", "7", "8", "9"};

/// Whether an index of `format` lists lemmas under their forms (8 and later).
inline bool lemmas_under_forms(const std::string& format) { return format == "8" || format == format_version; }

/// The store named by an index's positions_key metadata (position_store_name).
inline PositionStore position_store(const std::string& name) {
  return name == "xapian" ? PositionStore::xapian : PositionStore::compact;
}

/// Empty when `found` (the format_key metadata of an index holding
/// `documents` documents) is readable; else why not.
inline std::string format_problem(const std::string& found, unsigned documents) {
  for (auto readable : readable_formats) {
    if (found == readable) return {};
  }
  if (found.empty() && documents == 0) return {};
  return "index format " + (found.empty() ? std::string("1") : found) + " is not this referat's format " +
         std::string(format_version) + ": delete the index folder and index again";
}

}  // namespace referat::schema

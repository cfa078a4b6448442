#pragma once
/// @file
/// Writing an index: one Xapian document per agenda item. Only one writer
/// may hold an index at a time; readers (referat::Searcher) can search while
/// it writes and see each commit atomically.

#include <referat/minutes.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace referat {

/// One file that could not be indexed.
struct FileFailure {
  std::string path;
  std::string reason;
};

/// A file left out because another file's items hold the same content.
struct DuplicateFile {
  std::string path;
  std::string original;  ///< absolute path of the file whose items hold the content
};

/// What an add_paths() run did.
struct IndexReport {
  std::size_t files_seen = 0;       ///< input files found
  std::size_t files_indexed = 0;    ///< new or changed files (re)indexed
  std::size_t files_unchanged = 0;  ///< skipped: same content hash as indexed
  /// Text and PDF files with the same bytes as an indexed file (a copy under
  /// another name): not indexed again, so counts stay true. Checked again
  /// on every run; a copy is indexed when its original changes or is pruned.
  std::size_t files_duplicate = 0;
  std::vector<DuplicateFile> duplicates;
  std::size_t files_failed = 0;
  std::size_t items_indexed = 0;
  std::size_t items_removed = 0;  ///< stale items replaced or pruned
  std::size_t bytes_read = 0;
  std::vector<FileFailure> failures;
  std::vector<std::string> warnings;  ///< parser diagnostics and bad JSONL lines, "path:line: …"
};

/// Progress callback: files done, files total, bytes done, bytes total.
using ProgressFn = std::function<void(std::size_t, std::size_t, std::uint64_t, std::uint64_t)>;

/// Where an index keeps word positions (phrases, NEAR, compound parts near
/// each other, snippet highlights). Chosen when the index is created; an
/// existing index keeps its own (IndexWriter::positions()).
enum class PositionStore {
  /// One packed value per item: on Europarl (short items) the index is 2.4×
  /// the text instead of 3.9×, and indexing is faster. A phrase or NEAR
  /// candidate costs a value read (5–10 µs against about 1 µs), so queries
  /// whose words co-occur in thousands of items take longer.
  compact,
  /// Xapian's position table: the fastest phrase and NEAR checks, the
  /// largest index on short items.
  xapian
};

/// "compact" or "xapian": the store's name in the CLI, `stats` and the index.
inline const char* position_store_name(PositionStore store) {
  return store == PositionStore::xapian ? "xapian" : "compact";
}

struct IndexOptions {
  AnalyzerOptions analyzer;
  /// For a new index; bench/RESULTS.md measures both.
  PositionStore positions = PositionStore::compact;
  ParseOptions parser;
  /// Analysis threads (0: one per core). Xapian writes on the calling thread
  /// (or, for a fresh index, one shard per thread: see shard_min_bytes).
  unsigned threads = 0;
  /// Items, or bytes of input, between commits inside one run, whichever
  /// comes first. Each commit is atomic, so an interrupted run leaves the last
  /// commit readable. Xapian buffers postings in memory and slows down as the
  /// buffer grows: with two shards writing at once, 2 MB measured fastest
  /// (8 MB took about a third longer on Europarl; bench/RESULTS.md). Shards
  /// commit after batch_bytes of their own input.
  std::size_t batch_items = 5000;
  std::size_t batch_bytes = 2u << 20;
  /// A fresh index (no items yet) that add_paths() is to fill with at least
  /// this many bytes is written as one Xapian database per thread, in
  /// parallel, and merged by compaction at the end of the run: about twice
  /// as fast on two cores, and the result is already compact. Until the end
  /// of that run readers see the empty index; if it is killed, the index
  /// stays empty and the next run starts again. Set above any input size to
  /// turn this off.
  std::uint64_t shard_min_bytes = 16u << 20;
};

/// An index opened for writing (created when missing). Holds Xapian's write
/// lock: a second writer gets IndexError{index_locked}.
class IndexWriter {
 public:
  explicit IndexWriter(const std::string& path, const IndexOptions& options = {});
  ~IndexWriter();  ///< rolls back anything not committed
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  /// Indexes files and folders (recursively: .txt .pdf .jsonl). Unchanged files
  /// are skipped by content hash; changed files replace their items. Bad files
  /// are reported and skipped. Commits at the end of the run.
  IndexReport add_paths(const std::vector<std::string>& paths, const ProgressFn& progress = {});

  /// Adds or replaces the items of one already-parsed file (no commit).
  std::size_t add_parsed(const ParsedFile& file, const std::string& content_hash = {});

  /// Removes items whose source file no longer exists, and indexes in their
  /// place the copies left out as their duplicates. Returns items removed.
  std::size_t prune();

  /// Makes all changes durable and visible to readers, atomically.
  void commit();

  /// Commits, then replaces the index with a compacted copy (Xapian
  /// compaction: after a large run about half the size, and faster to
  /// search). Readers keep their view until they reopen. The write lock is
  /// released for the moment the folders are swapped.
  void compact();

  /// The position store of this index (set when it was created).
  PositionStore positions() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Merges an index into a compact copy at `destination` (smaller, faster).
void compact_index(const std::string& source, const std::string& destination);

}  // namespace referat

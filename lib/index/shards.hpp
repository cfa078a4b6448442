#pragma once
// A fresh index built as several Xapian databases ("shards") written in
// parallel, one thread each, then merged into one by Xapian's compaction.
// Why: Xapian's writer is single-threaded, and on two cores it, not the
// analysis, limited indexing speed. The merge also leaves the index compact.
//
// Each item goes to the shard its id hashes to, so an id seen twice in one run
// replaces the first copy, exactly as in a single database.
#include "index/document_builder.hpp"

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace referat::index {

class ShardedBuild {
 public:
  /// Builds item `i` of one add() call with the shard thread's analyzer.
  using Builder = std::function<BuiltDocument(std::size_t, Analyzer&)>;

  /// One shard (and one thread) per analyzer, in fresh folders under
  /// `folder` (a stale one from a killed run is removed first). Each shard
  /// commits after `batch_bytes` of input, which bounds Xapian's memory.
  ShardedBuild(std::string folder, const std::vector<Analyzer*>& analyzers, std::uint64_t batch_bytes);
  ~ShardedBuild();  ///< stops the threads and deletes the shard folders
  ShardedBuild(const ShardedBuild&) = delete;
  ShardedBuild& operator=(const ShardedBuild&) = delete;

  /// Queues items 0..ids.size()-1 (ids[i]: the item's unique id, sizes[i]:
  /// its input bytes). `build` must own what it reads; it runs later, on the
  /// shard threads. Blocks while the chosen shard has too much queued.
  void add(const std::vector<std::string>& ids, const std::vector<std::size_t>& sizes, Builder build);

  /// Waits until every queued item is written, then deletes the documents
  /// indexed by boolean `term` in every shard. Returns how many.
  std::size_t remove(const std::string& term);

  /// Recorded in the merged index (wins over the base's value).
  void set_metadata(const std::string& key, const std::string& value);
  /// A value set_metadata() recorded, or nullptr.
  [[nodiscard]] const std::string* metadata(const std::string& key) const;

  /// Writes everything queued, commits the shards and compacts them, with
  /// the committed database at `base` (for its metadata), into the new
  /// folder `destination`. Documents are renumbered shard after shard.
  void merge(const std::string& base, const std::string& destination);

 private:
  struct Job {
    std::shared_ptr<Builder> build;
    std::size_t item = 0;
    std::size_t bytes = 0;
  };
  struct Shard {
    std::string path;
    Analyzer* analyzer = nullptr;
    Xapian::WritableDatabase db;
    LemmaForms forms;  // written before each of the shard's commits
    std::deque<Job> queue;
    std::size_t queued_bytes = 0;
    bool busy = false;
    std::uint64_t uncommitted_bytes = 0;
    std::thread thread;
  };

  void work(Shard& shard);
  void wait_idle(std::unique_lock<std::mutex>& lock);
  void stop();
  void rethrow_failure();

  std::string folder_;
  std::uint64_t batch_bytes_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::map<std::string, std::string> metadata_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stopping_ = false;
  std::exception_ptr failure_;
};

}  // namespace referat::index

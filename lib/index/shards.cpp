#include "index/shards.hpp"

#include "index/schema.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace referat::index {
namespace {

// Input bytes a shard may have waiting: enough to even out long and short
// items between the shards, small enough to keep memory flat and the
// caller's progress (bytes handed over) close to what is written.
// 16 MB made Folketinget's progress reach 90% in its first second.
constexpr std::size_t queue_limit = 4u << 20;

// FNV-1a: the same id always lands on the same shard.
std::size_t shard_of(const std::string& id, std::size_t shards) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  return static_cast<std::size_t>(h % shards);
}

}  // namespace

ShardedBuild::ShardedBuild(std::string folder, const std::vector<Analyzer*>& analyzers, std::uint64_t batch_bytes)
    : folder_(std::move(folder)), batch_bytes_(batch_bytes) {
  fs::remove_all(folder_);
  fs::create_directories(folder_);
  for (std::size_t i = 0; i < analyzers.size(); ++i) {
    auto shard = std::make_unique<Shard>();
    shard->path = folder_ + "/" + std::to_string(i);
    shard->analyzer = analyzers[i];
    // No fsync: a shard is scratch space; a killed build starts again.
    shard->db = Xapian::WritableDatabase(shard->path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    shards_.push_back(std::move(shard));
  }
  for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { work(*s); });
}

ShardedBuild::~ShardedBuild() {
  stop();
  for (auto& shard : shards_) {
    try {
      shard->db.close();
    } catch (const Xapian::Error&) {  // nothing to keep: the folder goes next
    }
  }
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

void ShardedBuild::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (auto& shard : shards_) shard->queue.clear();  // after a failure: drop, don't write
  }
  changed_.notify_all();
  for (auto& shard : shards_) {
    if (shard->thread.joinable()) shard->thread.join();
  }
}

void ShardedBuild::work(Shard& shard) {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return !shard.queue.empty() || stopping_ || failure_; });
      if (shard.queue.empty() || failure_) return;
      job = std::move(shard.queue.front());
      shard.queue.pop_front();
      shard.busy = true;
    }
    try {
      BuiltDocument built = (*job.build)(job.item, *shard.analyzer);
      shard.db.replace_document(built.id_term, built.document);
      shard.forms.add(built.forms);
      shard.uncommitted_bytes += job.bytes;
      if (shard.uncommitted_bytes >= batch_bytes_) {
        shard.forms.write(shard.db);
        shard.db.commit();
        shard.uncommitted_bytes = 0;
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      shard.queued_bytes -= job.bytes;
      shard.busy = false;
    }
    changed_.notify_all();
  }
}

void ShardedBuild::rethrow_failure() {
  std::exception_ptr failure;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    failure = failure_;
  }
  if (failure) std::rethrow_exception(failure);
}

void ShardedBuild::add(const std::vector<std::string>& ids, const std::vector<std::size_t>& sizes, Builder build) {
  auto shared = std::make_shared<Builder>(std::move(build));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Shard& shard = *shards_[shard_of(ids[i], shards_.size())];
    std::unique_lock<std::mutex> lock(mutex_);
    // One item over the limit still goes in, alone.
    changed_.wait(lock,
                  [&] { return failure_ || shard.queue.empty() || shard.queued_bytes + sizes[i] <= queue_limit; });
    if (failure_) break;
    shard.queue.push_back({shared, i, sizes[i]});
    shard.queued_bytes += sizes[i];
    lock.unlock();
    changed_.notify_all();
  }
  rethrow_failure();
}

void ShardedBuild::wait_idle(std::unique_lock<std::mutex>& lock) {
  changed_.wait(lock, [&] {
    if (failure_) return true;
    for (const auto& shard : shards_) {
      if (!shard->queue.empty() || shard->busy) return false;
    }
    return true;
  });
}

std::size_t ShardedBuild::remove(const std::string& term) {
  std::unique_lock<std::mutex> lock(mutex_);
  wait_idle(lock);
  if (failure_) std::rethrow_exception(failure_);
  // The shard threads wait on the lock held here, so their databases are ours.
  std::size_t removed = 0;
  for (auto& shard : shards_) {
    const std::size_t n = shard->db.get_termfreq(term);
    if (n) shard->db.delete_document(term);
    removed += n;
  }
  return removed;
}

void ShardedBuild::set_metadata(const std::string& key, const std::string& value) { metadata_[key] = value; }

const std::string* ShardedBuild::metadata(const std::string& key) const {
  auto it = metadata_.find(key);
  return it == metadata_.end() ? nullptr : &it->second;
}

void ShardedBuild::merge(const std::string& base, const std::string& destination) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    wait_idle(lock);
  }
  stop();
  rethrow_failure();
  for (const auto& [key, value] : metadata_) shards_.front()->db.set_metadata(key, value);
  for (auto& shard : shards_) {
    shard->forms.write(shard->db);
    shard->db.commit();
    shard->db.close();
  }
  // Compaction keeps the first value of a metadata key (shards before base)
  // and the union of the synonym lists (the lemma forms).
  Xapian::Database all;
  for (const auto& shard : shards_) all.add_database(Xapian::Database(shard->path));
  all.add_database(Xapian::Database(base));
  all.compact(destination, 0, schema::block_size);
}

}  // namespace referat::index

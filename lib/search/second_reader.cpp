#include "search/second_reader.hpp"

#include <algorithm>
#include <atomic>
#include <utility>

namespace referat::search {

SecondReader::SecondReader(std::string path) : path_(std::move(path)), thread_([this] { loop(); }) {}

SecondReader::~SecondReader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

bool SecondReader::sync(const Xapian::Database& theirs) {
  std::lock_guard<std::mutex> lock(mutex_);  // the thread is idle: nothing else touches db_
  try {
    const Xapian::rev revision = theirs.get_revision();  // throws for several shards in one handle
    if (!opened_) {
      db_ = Xapian::Database(path_);
      opened_ = true;
    }
    if (db_.get_revision() != revision) db_.reopen();
    return db_.get_revision() == revision;
  } catch (const Xapian::Error&) {
    opened_ = false;  // e.g. the index was replaced: try afresh next time
    return false;
  }
}

struct SecondReader::Job {
  std::size_t count, piece;
  const Work* work;
  std::atomic<std::size_t> next{0};  // the first item no thread has taken
};

void SecondReader::take_pieces(Job& job, Xapian::Database* db) {
  try {
    for (;;) {
      const std::size_t begin = job.next.fetch_add(job.piece);
      if (begin >= job.count) return;
      (*job.work)(begin, std::min(begin + job.piece, job.count), db);
    }
  } catch (...) {
    job.next.store(job.count);  // the other thread stops after its piece
    throw;
  }
}

void SecondReader::share(std::size_t count, std::size_t piece, const Work& work) {
  Job job{count, std::max<std::size_t>(piece, 1), &work};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job_ = &job;
    error_ = nullptr;
  }
  wake_.notify_one();
  std::exception_ptr mine;
  try {
    take_pieces(job, nullptr);
  } catch (...) {
    mine = std::current_exception();
  }
  std::unique_lock<std::mutex> lock(mutex_);
  job_ = nullptr;  // not taken yet: the second thread never sees it
  done_.wait(lock, [this] { return !helping_; });
  if (mine) std::rethrow_exception(mine);
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void SecondReader::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return job_ || stopping_; });
    if (stopping_) return;
    Job* job = std::exchange(job_, nullptr);
    helping_ = true;
    lock.unlock();
    std::exception_ptr error;
    try {
      take_pieces(*job, &db_);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    error_ = error;
    helping_ = false;
    done_.notify_one();
  }
}

}  // namespace referat::search

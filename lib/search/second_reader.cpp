#include "search/second_reader.hpp"

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

void SecondReader::run_beside(const std::function<void(Xapian::Database&)>& theirs, const std::function<void()>& mine) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_ = &theirs;
    busy_ = true;
    error_ = nullptr;
  }
  wake_.notify_one();
  try {
    mine();
  } catch (...) {
    try {
      wait();  // `theirs` may use what the caller is about to unwind
    } catch (...) {
    }
    throw;
  }
  wait();
}

void SecondReader::wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return !busy_; });
  work_ = nullptr;
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void SecondReader::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return busy_ || stopping_; });
    if (stopping_) return;
    lock.unlock();
    std::exception_ptr error;
    try {
      (*work_)(db_);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    error_ = error;
    busy_ = false;
    done_.notify_one();
  }
}

}  // namespace referat::search

#pragma once
// A second handle on the index, read on a thread of its own, so the position
// filter (search/position_filter.hpp) checks phrase and NEAR candidates on
// two cores, and facet counts over many matches read their value streams on
// two. Each position check reads one value, a few µs on a large index; a
// search with thousands of candidates spends most of its time there.
#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace referat::search {

/// Serves one search at a time: the owner (a Searcher, itself used by one
/// thread at a time) calls sync(), then share().
class SecondReader {
 public:
  /// `work(begin, end, db)` handles items [begin, end) of a shared job; `db`
  /// is nullptr on the calling thread (it reads with its own handle) and the
  /// second handle on the second thread.
  using Work = std::function<void(std::size_t, std::size_t, Xapian::Database*)>;

  explicit SecondReader(std::string path);
  ~SecondReader();
  SecondReader(const SecondReader&) = delete;
  SecondReader& operator=(const SecondReader&) = delete;

  /// Brings the second handle to the revision of `theirs` (the caller's
  /// handle). False if it cannot, e.g. a writer committed in between, or
  /// `theirs` has no single revision: then the caller reads alone, since
  /// document ids may mean other documents at another revision.
  bool sync(const Xapian::Database& theirs);

  /// Runs `work` over items [0, count) in pieces of `piece` items, on the
  /// calling thread and on the second thread, each taking the next free
  /// piece; the pieces one thread takes ascend. Returns when every piece is
  /// done. A second thread that has not started by the time the pieces run
  /// out takes none, and one slowed down holds up the caller by at most the
  /// piece in its hands: on a busy machine the caller does the work alone
  /// instead of waiting for a core. Rethrows what either thread threw (the
  /// calling thread's first). Not reentrant.
  void share(std::size_t count, std::size_t piece, const Work& work);

 private:
  struct Job;

  std::string path_;
  Xapian::Database db_;
  bool opened_ = false;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  Job* job_ = nullptr;    // waiting for the second thread to take it
  bool helping_ = false;  // the second thread is working on a job
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything above exists

  void loop();
  static void take_pieces(Job& job, Xapian::Database* db);
};

}  // namespace referat::search

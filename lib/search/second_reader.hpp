#pragma once
// A second handle on the index, read on a thread of its own, so the position
// filter (search/position_filter.hpp) checks phrase and NEAR candidates on
// two cores. Each check reads one position value, about 10 µs on a large
// index; a search with thousands of candidates spends most of its time there.
#include <xapian.h>

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace referat::search {

/// Serves one search at a time: the owner (a Searcher, itself used by one
/// thread at a time) calls sync(), then run_beside().
class SecondReader {
 public:
  explicit SecondReader(std::string path);
  ~SecondReader();
  SecondReader(const SecondReader&) = delete;
  SecondReader& operator=(const SecondReader&) = delete;

  /// Brings the second handle to the revision of `theirs` (the caller's
  /// handle). False if it cannot, e.g. a writer committed in between, or
  /// `theirs` has no single revision: then the caller reads alone, since
  /// document ids may mean other documents at another revision.
  bool sync(const Xapian::Database& theirs);

  /// Runs `theirs` on the second thread with the second handle and `mine` on
  /// the calling thread; returns when both are done. Rethrows what either
  /// threw (the calling thread's first). Not reentrant.
  void run_beside(const std::function<void(Xapian::Database&)>& theirs, const std::function<void()>& mine);

 private:
  std::string path_;
  Xapian::Database db_;
  bool opened_ = false;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(Xapian::Database&)>* work_ = nullptr;
  bool busy_ = false, stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything above exists

  void loop();
  void wait();
};

}  // namespace referat::search

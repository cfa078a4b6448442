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
/// thread at a time) calls sync(), then start() and wait() in pairs.
class SecondReader {
 public:
  explicit SecondReader(std::string path);
  ~SecondReader();
  SecondReader(const SecondReader&) = delete;
  SecondReader& operator=(const SecondReader&) = delete;

  /// Brings the second handle to `revision` (the caller's handle's). False if
  /// it cannot, e.g. a writer committed in between: then the caller reads
  /// alone, since document ids may mean other documents at another revision.
  bool sync(Xapian::rev revision);

  /// Runs `work` on the second thread with the second handle. Not reentrant:
  /// wait() before the next start().
  void start(std::function<void(Xapian::Database&)> work);
  /// Waits for the work; rethrows what it threw.
  void wait();

 private:
  std::string path_;
  Xapian::Database db_;
  bool opened_ = false;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::function<void(Xapian::Database&)> work_;
  bool busy_ = false, stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything above exists

  void loop();
};

}  // namespace referat::search

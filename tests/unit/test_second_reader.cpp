// The second reading thread of a search (search/second_reader.hpp): work is
// shared piece by piece, so a thread held up elsewhere costs little.
#include "search/second_reader.hpp"

#include "catch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using referat::search::SecondReader;

TEST_CASE("shared work covers every item once, each thread's pieces in order", "[threads]") {
  SecondReader second("/nonexistent/never-opened");  // share() without sync(): the handle stays unused
  for (std::size_t piece : {1u, 3u, 64u}) {
    INFO("piece " << piece);
    const std::size_t count = 1000;
    std::vector<std::atomic<int>> seen(count);
    // Each written by one thread only; checked after share() (Catch2's
    // assertions are not thread-safe).
    std::vector<std::pair<std::size_t, std::size_t>> caller, helper;
    second.share(count, piece, [&](std::size_t begin, std::size_t end, Xapian::Database* db) {
      for (std::size_t i = begin; i < end; ++i) ++seen[i];
      (db ? helper : caller).emplace_back(begin, end);
    });
    for (std::size_t i = 0; i < count; ++i) CHECK(seen[i].load() == 1);
    for (const auto* pieces : {&caller, &helper}) {
      CHECK(std::is_sorted(pieces->begin(), pieces->end()));
      for (const auto& [begin, end] : *pieces) CHECK((begin < end && end - begin <= piece));
    }
    CHECK(caller.size() + helper.size() == (count + piece - 1) / piece);
  }
}

TEST_CASE("a second thread held up leaves the remaining pieces to the caller", "[threads]") {
  // Before, each thread had a fixed half: a second thread without a core
  // made the caller wait for all of its half.
  SecondReader second("/nonexistent/never-opened");
  std::size_t helper_pieces = 0, caller_pieces = 0;
  second.share(400, 1, [&](std::size_t, std::size_t, Xapian::Database* db) {
    if (!db) {
      ++caller_pieces;
      return;
    }
    if (helper_pieces++ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(300));
  });
  CHECK(helper_pieces <= 1);
  CHECK(caller_pieces + helper_pieces == 400);
}

TEST_CASE("a failure on either thread reaches the caller, and the reader works on", "[threads]") {
  SecondReader second("/nonexistent/never-opened");
  for (bool on_helper : {false, true}) {
    INFO((on_helper ? "second thread throws" : "calling thread throws"));
    std::atomic<bool> helper_started{false};
    CHECK_THROWS_AS(second.share(100, 1,
                                 [&](std::size_t begin, std::size_t, Xapian::Database* db) {
                                   if (db) {
                                     helper_started = true;
                                     if (on_helper) throw std::runtime_error("second thread's piece failed");
                                     return;
                                   }
                                   if (!on_helper) throw std::runtime_error("caller's piece failed");
                                   // Hold the first piece until the second thread has one.
                                   while (begin == 0 && !helper_started) std::this_thread::yield();
                                 }),
                    std::runtime_error);
  }
  std::atomic<std::size_t> done{0};
  second.share(100, 7, [&](std::size_t begin, std::size_t end, Xapian::Database*) { done += end - begin; });
  CHECK(done.load() == 100);
}

#pragma once
// A fresh index of corpus/ in a temporary folder, shared by integration tests.
#include "test_paths.hpp"

#include <referat/referat.hpp>

#include <unistd.h>
#include <filesystem>
#include <string>

namespace fixture {

// CTest runs test cases as parallel processes: each gets its own folders.
inline std::string temp_dir(const std::string& name) {
  auto dir = std::filesystem::path(REFERAT_BINARY_DIR) / "tmp" / std::to_string(getpid()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

/// Path of an index holding corpus/ (built once per test run).
inline const std::string& corpus_index() {
  static const std::string path = [] {
    std::string dir = temp_dir("corpus-index");
    referat::IndexWriter writer(dir);
    writer.add_paths({REFERAT_CORPUS_DIR});
    return dir;
  }();
  return path;
}

}  // namespace fixture

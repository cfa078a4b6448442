#pragma once
// A fresh index of corpus/ in a temporary folder, shared by integration tests.
#include "test_paths.hpp"

#include <referat/referat.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
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

/// Output and exit code of a shell command.
struct CommandResult {
  int code;
  std::string out;
};

/// Runs `command` through the shell and captures its standard output.
inline CommandResult run_command(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {-1, {}};
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
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

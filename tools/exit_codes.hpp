#pragma once
// The CLI's documented exit codes (README "Exit codes"); stable for scripts.
#include <referat/error.hpp>

namespace referat::cli {

enum ExitCode : int {
  exit_ok = 0,             ///< success, including searches with no hits
  exit_partial = 1,        ///< some input files failed; the rest went in
  exit_usage = 2,          ///< bad command line
  exit_bad_input = 3,      ///< an input file could not be read or parsed
  exit_index_missing = 4,  ///< no index at --db
  exit_index_locked = 5,   ///< another process is writing the index
  exit_index_corrupt = 6,  ///< the index cannot be read
  exit_query = 7,          ///< malformed query
  exit_internal = 70       ///< unexpected error (a bug: please report)
};

inline int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input: return exit_bad_input;
    case ErrorKind::query_syntax: return exit_query;
    case ErrorKind::index_missing: return exit_index_missing;
    case ErrorKind::index_locked: return exit_index_locked;
    case ErrorKind::index_corrupt: return exit_index_corrupt;
    case ErrorKind::io: return exit_bad_input;
    case ErrorKind::invalid_argument: return exit_usage;
  }
  return exit_internal;
}

}  // namespace referat::cli

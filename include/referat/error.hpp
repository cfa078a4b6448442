#pragma once
/// @file
/// referat's one exception hierarchy. Every error the library raises derives
/// from referat::Error; errors of Xapian, ICU, hunspell and poppler are
/// translated at the library boundary and never escape as their own types.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace referat {

/// Stable error kinds; the CLI maps each to a documented exit code.
enum class ErrorKind {
  invalid_input,    ///< a file or item could not be read or parsed
  query_syntax,     ///< a malformed query (see QueryError::position())
  index_missing,    ///< no index at the given path
  index_locked,     ///< another process holds the index's write lock
  index_corrupt,    ///< the index exists but cannot be opened or read
  io,               ///< an operating-system level failure (permissions, disk full)
  invalid_argument  ///< a bad option value passed through the API
};

/// Base of all referat exceptions.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

/// A file or record that could not be read. `source()` names the file (or
/// the JSONL record), `line()` is 1-based or 0 when not applicable.
class InputError : public Error {
 public:
  InputError(std::string source, std::size_t line, const std::string& reason)
      : Error(ErrorKind::invalid_input, source + (line ? ":" + std::to_string(line) : std::string()) + ": " + reason),
        source_(std::move(source)),
        line_(line),
        reason_(reason) {}
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  std::string source_;
  std::size_t line_;
  std::string reason_;
};

/// A query the parser rejected. `position()` is the byte offset into the query
/// text where the problem was found.
class QueryError : public Error {
 public:
  QueryError(std::size_t position, const std::string& message)
      : Error(ErrorKind::query_syntax, message), position_(position) {}
  [[nodiscard]] std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_;
};

/// An index-level failure: missing, locked, corrupt.
class IndexError : public Error {
 public:
  using Error::Error;
};

}  // namespace referat

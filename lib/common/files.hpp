#pragma once
// Small file helpers shared by the stages; errors become referat::InputError.
#include <fstream>
#include <string>
#include <vector>

namespace referat::detail {

/// Whole file as bytes; throws InputError naming the path.
std::string read_file(const std::string& path);

/// Splits on a single character (keeps empty fields).
std::vector<std::string> split(const std::string& text, char separator);

/// The extension of `path` in lower case, with its dot (".pdf"), or "".
std::string lower_extension(const std::string& path);

/// 64-bit FNV-1a of `bytes` as 16 hex digits (content hashes of input files).
std::string content_hash(const std::string& bytes);

/// content_hash() of a file's bytes, read in blocks (no whole-file copy).
/// Throws InputError naming the path.
std::string file_content_hash(const std::string& path);

/// Reads a file in pieces of about `block` bytes that end at a newline (the
/// last piece ends where the file does).
class LineBlockReader {
 public:
  LineBlockReader(const std::string& path, std::size_t block);
  /// The next piece; false at the end of the file.
  bool next(std::string& piece);

 private:
  std::string path_;
  std::ifstream in_;
  std::size_t block_;
  std::string carry_;  // bytes after the last newline of the previous read
};

}  // namespace referat::detail

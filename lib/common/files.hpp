#pragma once
// Small file helpers shared by the stages; errors become referat::InputError.
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

}  // namespace referat::detail

#pragma once
// Default data files compiled into the library (see cmake/EmbedData.cmake),
// so it works without an install step; users override them with their own.
#include <string>
#include <string_view>
#include <vector>

namespace referat::detail {

/// Bundled contents of `name` (e.g. "committees.tsv"), or "" if unknown.
std::string_view embedded_data(std::string_view name);

/// Contents of `override_path` when given, else of the bundled `name`.
/// Throws InputError when the override cannot be read.
std::string load_data(const std::string& override_path, std::string_view name);

/// Splits data-file text into non-empty, non-comment (#) lines, trimmed.
std::vector<std::string> data_lines(std::string_view text);

}  // namespace referat::detail

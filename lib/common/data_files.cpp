#include "common/embedded_data.hpp"

#include "common/files.hpp"

namespace referat::detail {

std::string load_data(const std::string& override_path, std::string_view name) {
  if (!override_path.empty()) return read_file(override_path);
  return std::string(embedded_data(name));
}

std::vector<std::string> data_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty() && line.front() != '#') lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace referat::detail

// Reading input files in pieces (detail::LineBlockReader).
#include "catch.hpp"

#include "common/files.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

TEST_CASE("pieces end at newlines, and a line longer than a piece is kept whole", "[index]") {
  // Before the fix a line longer than the piece size was cut in two, and a
  // JSON Lines record of over 4 MB was dropped as "invalid JSON".
  const std::string path = (std::filesystem::temp_directory_path() / "referat-line-blocks.txt").string();
  const std::string text = "short\n" + std::string(100, 'x') + "\nmiddle line\n" + std::string(50, 'y') + "\nend";
  std::ofstream(path, std::ios::binary) << text;
  referat::detail::LineBlockReader reader(path, 16);
  std::vector<std::string> pieces;
  for (std::string piece; reader.next(piece);) pieces.push_back(piece);
  std::string joined;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    joined += pieces[i];
    if (i + 1 < pieces.size()) CHECK(pieces[i].back() == '\n');  // only the last may end without one
  }
  CHECK(joined == text);
  bool long_line_whole = false;
  for (const auto& p : pieces) long_line_whole |= p.find(std::string(100, 'x') + "\n") != std::string::npos;
  CHECK(long_line_whole);
  std::remove(path.c_str());
}

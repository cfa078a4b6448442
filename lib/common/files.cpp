#include "common/files.hpp"

#include <referat/error.hpp>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace referat::detail {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError(path, 0, "read error");
  return std::move(buffer).str();
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::string lower_extension(const std::string& path) {
  std::size_t dot = path.find_last_of('.');
  std::size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

namespace {

constexpr std::uint64_t fnv_offset = 1469598103934665603ULL;

std::uint64_t fnv_update(std::uint64_t hash, const char* data, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string hex(std::uint64_t hash) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

}  // namespace

std::string content_hash(const std::string& bytes) { return hex(fnv_update(fnv_offset, bytes.data(), bytes.size())); }

std::string file_content_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  std::uint64_t hash = fnv_offset;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash = fnv_update(hash, buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError(path, 0, "read error");
  return hex(hash);
}

LineBlockReader::LineBlockReader(const std::string& path, std::size_t block)
    : path_(path), in_(path, std::ios::binary), block_(block) {
  if (!in_) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
}

bool LineBlockReader::next(std::string& piece) {
  piece.swap(carry_);
  carry_.clear();
  // At least a block, and on to a newline: a line longer than a block stays
  // whole (a JSON Lines record cut in two would be lost as invalid JSON).
  std::size_t searched = 0;
  while (in_ && (piece.size() < block_ || piece.find('\n', searched) == std::string::npos)) {
    const std::size_t old = piece.size();
    if (old >= block_) searched = old;
    piece.resize(old + block_);
    in_.read(&piece[old], static_cast<std::streamsize>(block_));
    piece.resize(old + static_cast<std::size_t>(in_.gcount()));
  }
  if (in_.bad()) throw InputError(path_, 0, "read error");
  if (in_) {  // more to come: keep the unfinished last line for next time
    const std::size_t newline = piece.rfind('\n');
    if (newline != std::string::npos) {
      carry_.assign(piece, newline + 1, std::string::npos);
      piece.resize(newline + 1);
    }
  }
  return !piece.empty();
}

}  // namespace referat::detail

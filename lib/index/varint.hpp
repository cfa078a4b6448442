#pragma once
// LEB128 varints and fixed-width little-endian integers for the values
// referat packs into Xapian documents.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace referat::index {

inline void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

/// Reads a varint at `pos`, advancing it; false on truncated or overlong input.
inline bool get_varint(std::string_view in, std::size_t& pos, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; pos < in.size() && shift < 64; shift += 7) {
    const auto b = static_cast<unsigned char>(in[pos++]);
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

/// The low `bytes` bytes of `v`, least significant first.
inline void put_fixed(std::string& out, std::uint64_t v, unsigned bytes) {
  for (unsigned b = 0; b < bytes; ++b) out += static_cast<char>((v >> (8 * b)) & 0xFF);
}

/// Reads what put_fixed wrote; the caller checks that `bytes` bytes are there.
inline std::uint64_t get_fixed(const char* p, unsigned bytes) {
  std::uint64_t v = 0;
  for (unsigned b = 0; b < bytes; ++b) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[b])) << (8 * b);
  return v;
}

}  // namespace referat::index

#include "text/utf8.hpp"

namespace referat::text {

std::string_view trim(std::string_view s) noexcept {
  constexpr std::string_view nbsp = "\xC2\xA0";
  auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  for (;;) {
    if (!s.empty() && ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.substr(0, 2) == nbsp) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == nbsp) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++pos;
    return replacement_char;
  }
  if (pos + static_cast<std::size_t>(extra) >= s.size()) {  // truncated sequence
    ++pos;
    return replacement_char;
  }
  for (int i = 1; i <= extra; ++i) {
    unsigned char b = byte(pos + static_cast<std::size_t>(i));
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return replacement_char;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return replacement_char;
  }
  pos += static_cast<std::size_t>(extra) + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_truncate(std::string_view s, std::size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s.size();
  std::size_t end = max_bytes;
  while (end > 0 && !is_boundary(s, end)) --end;
  return end;
}

}  // namespace referat::text

#pragma once
// UTF-8 primitives used by every stage (decoding never reads past the end).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace referat::text {

constexpr char32_t replacement_char = 0xFFFD;

/// Decodes the code point at `pos` and advances `pos`; malformed bytes yield
/// U+FFFD and advance by one byte.
char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept;

/// Appends `cp` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Length of the longest valid UTF-8 prefix of `s` no longer than `max_bytes`
/// that ends on a code point boundary.
std::size_t utf8_truncate(std::string_view s, std::size_t max_bytes) noexcept;

/// `s` without the white space around it: ASCII spaces, tabs, line and page
/// breaks, and U+00A0 (PDF extraction leaves no-break spaces at line ends;
/// values pasted from a table cell bring spaces along).
std::string_view trim(std::string_view s) noexcept;

/// True when `pos` is at a code point boundary of `s`.
inline bool is_boundary(std::string_view s, std::size_t pos) noexcept {
  return pos >= s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

}  // namespace referat::text

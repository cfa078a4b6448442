// Encoding detection: minutes come as UTF-8 or, in older files, Windows-1252.
#include <referat/analyzer.hpp>
#include <referat/error.hpp>

#include "text/utf8.hpp"

namespace referat {
namespace {

// Windows-1252 0x80–0x9F; 0 marks the five undefined bytes (kept as U+FFFD).
constexpr char32_t cp1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool looks_binary(std::string_view bytes) {
  std::size_t control = 0;
  for (unsigned char c : bytes) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
  }
  // PDF text extraction leaves a few form feeds and odd controls; real
  // binaries have far more.
  return bytes.size() >= 16 && control * 10 > bytes.size();
}

}  // namespace

const char* to_string(Encoding encoding) noexcept { return encoding == Encoding::utf8 ? "UTF-8" : "windows-1252"; }

bool is_valid_utf8(std::string_view bytes) noexcept {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto c = static_cast<unsigned char>(bytes[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    std::size_t before = pos;
    if (text::next_code_point(bytes, pos) == text::replacement_char) {
      // A literal U+FFFD (EF BF BD) is valid; anything else that decodes to it is not.
      if (bytes.substr(before, 3) != "\xEF\xBF\xBD") return false;
    }
  }
  return true;
}

DecodedText decode_text(std::string_view bytes, const std::string& source) {
  if (looks_binary(bytes)) {
    throw InputError(source, 0, "binary content (NUL or control bytes), not text");
  }
  DecodedText out;
  if (is_valid_utf8(bytes)) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    out.text.assign(bytes);
    out.encoding = Encoding::utf8;
    return out;
  }
  out.encoding = Encoding::windows_1252;
  out.text.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    char32_t cp = c;
    if (c >= 0x80 && c < 0xA0) {
      cp = cp1252_high[c - 0x80];
      if (cp == 0) cp = text::replacement_char;
    }
    text::append_utf8(out.text, cp);
  }
  return out;
}

}  // namespace referat

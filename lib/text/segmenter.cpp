#include "text/segmenter.hpp"

#include "text/utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace referat::text {
namespace {

constexpr char16_t soft_hyphen = 0x00AD;

// What cleanup does with one code point from a PDF extraction.
enum class Clean { keep, space, hyphen, soft };

Clean classify(char32_t cp) {
  if (cp < 0x80) return Clean::keep;
  if (cp >= 0xE000 && cp <= 0xF8FF) return Clean::space;  // Symbol-font bullets (U+F0B7 …)
  switch (cp) {
    case 0x00A0:
    case 0x2007:
    case 0x202F:  // no-break spaces
    case 0x2022:
    case 0x2023:
    case 0x2043:
    case 0x25AA:  // bullets • ‣ ⁃ ▪
    case 0x25CF:
    case 0x25E6:
    case 0x25A0:
    case 0x25A1:  // ● ◦ ■ □
    case 0x2219:
    case 0x27A2:
    case 0x2713:
    case 0xFFFD:  // ∙ ➢ ✓ replacement char
      return Clean::space;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2212:  // hyphens, minus
    case 0xFE63:
    case 0xFF0D: return Clean::hyphen;
    case 0x00AD: return Clean::soft;
    default: return Clean::keep;
  }
}

bool is_space(char16_t u) { return u == ' ' || u == '\t' || u == '\r' || u == '\f'; }
bool is_letter(char16_t u) { return u_isalpha(u) != 0; }
bool is_digit(char16_t u) { return u >= '0' && u <= '9'; }

// Words that follow a suspended hyphen ("Voksen- og Plejeudvalget"): a
// line-end hyphen before them is never joined.
bool is_coordinator(std::u16string_view w) {
  static const std::array<std::u16string_view, 8> words = {u"og",  u"eller", u"samt", u"til",
                                                           u"som", u"end",   u"men",  u"&"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::u16string_view word_at(const std::u16string& units, std::size_t k) {
  std::size_t e = k;
  while (e < units.size() && (is_letter(units[e]) || units[e] == '&')) ++e;
  return std::u16string_view(units).substr(k, e - k);
}

bool all_digits(std::u16string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char16_t u) { return is_digit(u); });
}

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::u16string units;              // cleaned text
  std::vector<std::uint32_t> start;  // byte offset in the original of each unit
  std::vector<std::uint32_t> stop;   // byte offset after each unit

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
    if (U_FAILURE(status) || !words) throw std::runtime_error("ICU word break iterator unavailable");
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
  }

  void push(char16_t u, std::uint32_t b, std::uint32_t e) {
    units.push_back(u);
    start.push_back(b);
    stop.push_back(e);
  }

  // Cleanup: map PDF artefacts, keep an offset map to the original bytes.
  void clean(std::string_view original) {
    units.clear();
    start.clear();
    stop.clear();
    units.reserve(original.size());
    start.reserve(original.size());
    stop.reserve(original.size());
    std::size_t pos = 0;
    while (pos < original.size()) {
      auto b = static_cast<std::uint32_t>(pos);
      char32_t cp = next_code_point(original, pos);
      auto e = static_cast<std::uint32_t>(pos);
      switch (classify(cp)) {
        case Clean::space: push(u' ', b, e); break;
        case Clean::hyphen: push(u'-', b, e); break;
        case Clean::soft: push(soft_hyphen, b, e); break;
        case Clean::keep:
          if (cp >= 0x10000) {
            push(static_cast<char16_t>(0xD7C0 + (cp >> 10)), b, e);
            push(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)), b, e);
          } else {
            push(static_cast<char16_t>(cp), b, e);
          }
      }
    }
    join_line_end_hyphens();
  }

  // "udvik-⏎lingsplan" → "udviklingsplan"; "COVID-⏎19" → "COVID-19"; a
  // suspended hyphen ("Voksen-⏎og") stays. Soft hyphens vanish; at a line
  // end they are hyphenation points.
  void join_line_end_hyphens() {
    std::size_t w = 0;
    const std::size_t n = units.size();
    for (std::size_t r = 0; r < n;) {
      char16_t u = units[r];
      if ((u == '-' || u == soft_hyphen) && w > 0 && is_letter(units[w - 1])) {
        std::size_t k = r + 1;
        int newlines = 0;
        while (k < n && (is_space(units[k]) || units[k] == '\n')) {
          if (units[k] == '\n') ++newlines;
          ++k;
        }
        if (newlines >= 1 && newlines <= 2 && k < n) {
          char16_t next = units[k];
          bool lower_prev = u_islower(units[w - 1]) != 0;
          if (u_islower(next) && (lower_prev || u == soft_hyphen) && !is_coordinator(word_at(units, k))) {
            r = k;  // drop hyphen and line break: one word
            continue;
          }
          if (u == '-' && (u_isupper(next) || is_digit(next) ||
                           (u_islower(next) && !lower_prev && !is_coordinator(word_at(units, k))))) {
            copy(w++, r);  // keep the hyphen, drop the line break
            r = k;
            continue;
          }
        }
        if (u == soft_hyphen) {
          ++r;  // an inline soft hyphen is invisible
          continue;
        }
      } else if (u == soft_hyphen) {
        ++r;
        continue;
      }
      copy(w++, r++);
    }
    units.resize(w);
    start.resize(w);
    stop.resize(w);
  }

  void copy(std::size_t to, std::size_t from) {
    units[to] = units[from];
    start[to] = start[from];
    stop[to] = stop[from];
  }

  std::string fold_units(std::size_t b, std::size_t e) const {
    std::string out;
    out.reserve(e - b + 4);
    for (std::size_t i = b; i < e; ++i) {
      char16_t u = units[i];
      if (u < 0x80) {
        out += static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u);
      } else if (u >= 0xC0 && u <= 0xDE && u != 0xD7) {
        append_utf8(out, static_cast<char32_t>(u + 0x20));
      } else if (u >= 0xE0 && u <= 0xFF && u != 0xF7) {
        append_utf8(out, u);
      } else {
        return fold_slow(b, e);
      }
    }
    return out;
  }

  std::string fold_slow(std::size_t b, std::size_t e) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString src(false, units.data() + b, static_cast<int32_t>(e - b));
    icu::UnicodeString folded = nfkc_casefold->normalize(src, status);
    std::string out;
    if (U_SUCCESS(status)) folded.toUTF8String(out);
    return out;
  }

  bool followed_by_coordinator(std::size_t e) const {
    if (e >= units.size() || units[e] != '-') return false;
    std::size_t k = e + 1;
    if (k < units.size() && units[k] == ',') return true;  // "Social-, Sundheds- og …"
    bool gap = false;
    while (k < units.size() && (is_space(units[k]) || units[k] == '\n')) ++k, gap = true;
    return gap && k < units.size() && is_coordinator(word_at(units, k));
  }

  bool preceded_by_coordinator(std::size_t b) const {
    if (b < 2 || units[b - 1] != '-' || !(is_space(units[b - 2]) || units[b - 2] == '\n')) {
      return false;
    }
    std::size_t k = b - 2;
    while (k > 0 && (is_space(units[k]) || units[k] == '\n')) --k;
    std::size_t e = k + 1;
    while (k > 0 && is_letter(units[k - 1])) --k;
    return is_coordinator(std::u16string_view(units).substr(k, e - k));
  }

  void emit(std::size_t b, std::size_t e, TokenType type, std::vector<RawToken>& out) {
    RawToken token;
    token.folded = fold_units(b, e);
    // Genitive after abbreviations and names: ØK's → øk.
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (token.folded.size() > suffix.size() &&
          token.folded.compare(token.folded.size() - suffix.size(), suffix.size(), suffix) == 0) {
        token.folded.resize(token.folded.size() - suffix.size());
      }
    }
    token.folded.resize(utf8_truncate(token.folded, max_token_bytes));
    if (token.folded.empty()) return;
    token.begin = start[b];
    token.end = stop[e - 1];
    token.type = type;
    if (type == TokenType::word) {
      token.suspended = followed_by_coordinator(e);
      token.leading_hyphen = preceded_by_coordinator(b);
    }
    out.push_back(std::move(token));
  }
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

void Segmenter::segment(std::string_view original, std::vector<RawToken>& out) {
  Impl& m = *impl_;
  m.clean(original);
  if (m.units.empty()) return;

  struct Seg {
    std::size_t b, e;
    bool number;
  };
  std::vector<Seg> segs;
  icu::UnicodeString alias(false, m.units.data(), static_cast<int32_t>(m.units.size()));
  m.words->setText(alias);
  int32_t b = m.words->first();
  for (int32_t e = m.words->next(); e != icu::BreakIterator::DONE; b = e, e = m.words->next()) {
    int32_t status = m.words->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;
    segs.push_back({static_cast<std::size_t>(b), static_cast<std::size_t>(e),
                    status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT});
  }

  const std::u16string& u = m.units;
  auto text_of = [&](const Seg& s) { return std::u16string_view(u).substr(s.b, s.e - s.b); };
  for (std::size_t i = 0; i < segs.size();) {
    // A chain: segments joined by single '-' or '/' with no spaces.
    std::size_t j = i;
    bool has_digit = false, has_letter = false, slash = false;
    for (;;) {
      for (char16_t c : text_of(segs[j])) (is_digit(c) ? has_digit : has_letter) |= true;
      if (j + 1 < segs.size() && segs[j + 1].b == segs[j].e + 1 && (u[segs[j].e] == '-' || u[segs[j].e] == '/')) {
        slash |= u[segs[j].e] == '/';
        ++j;
      } else {
        break;
      }
    }
    const std::size_t count = j - i + 1;
    std::size_t b0 = segs[i].b, e0 = segs[j].e;
    std::u16string_view whole = std::u16string_view(u).substr(b0, e0 - b0);
    std::string folded_whole;
    if (count == 3 && !slash && all_digits(text_of(segs[i])) && all_digits(text_of(segs[i + 1])) &&
        all_digits(text_of(segs[j]))) {
      m.emit(b0, e0, TokenType::date, out);
      if (canonical_numeric_date(out.back().folded).empty()) out.back().type = TokenType::number;
      i = j + 1;
      continue;
    }
    if (count == 2 && slash && all_digits(text_of(segs[i])) && all_digits(text_of(segs[j]))) {
      m.emit(b0, e0, TokenType::case_number, out);  // 23/2079, (124153/23)
      i = j + 1;
      continue;
    }
    if (count >= 2 && has_digit && has_letter && !slash) {
      // COVID-19, SAG-2024-12345, 00.30.10-G01-12-24: one token, parts kept.
      bool kle = whole.size() > 9 && whole[2] == '.' && whole[5] == '.';
      bool sag = whole.size() > 4 && (whole.substr(0, 4) == u"SAG-" || whole.substr(0, 4) == u"sag-");
      m.emit(b0, e0, kle || sag ? TokenType::case_number : TokenType::word, out);
      for (std::size_t k = i; k <= j; ++k) out.back().chain_parts.push_back(m.fold_units(segs[k].b, segs[k].e));
      i = j + 1;
      continue;
    }
    const Seg& s = segs[i];
    TokenType type = s.number ? TokenType::number : TokenType::word;
    m.emit(s.b, s.e, type, out);
    if (type == TokenType::number && !out.empty() && !canonical_numeric_date(out.back().folded).empty()) {
      out.back().type = TokenType::date;  // 18.03.2025 is one ICU number
    }
    ++i;
  }
}

std::string fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString folded = n->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
  std::string out;
  if (U_SUCCESS(status)) folded.toUTF8String(out);
  return out;
}

std::string canonical_numeric_date(std::string_view text) {
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int n = 0;
  char sep = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (digits[n] >= 4) return {};
      parts[n] = parts[n] * 10 + (c - '0');
      ++digits[n];
    } else if ((c == '-' || c == '.') && n < 2 && digits[n] > 0 && (sep == 0 || sep == c)) {
      sep = c;
      ++n;
    } else {
      return {};
    }
  }
  if (n != 2 || digits[2] == 0) return {};
  int y, m, d;
  if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2 && sep == '-') {
    y = parts[0], m = parts[1], d = parts[2];
  } else if (digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4) {
    d = parts[0], m = parts[1], y = parts[2];
  } else {
    return {};
  }
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[11];
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  buf[10] = 0;
  return buf;
}

}  // namespace referat::text

// Dates as Danish minutes write them: 18-03-2025, 18.03.2025, 2025-03-18,
// "Tirsdag den 19. april 2022", "1.april", "9. maj", "sept. 2024".
#include <referat/minutes.hpp>

#include "text/segmenter.hpp"

#include <cctype>
#include <cstdio>

namespace referat {
namespace {

int month_number(std::string_view w) {
  static const struct {
    const char* name;
    int month;
  } months[] = {{"januar", 1},    {"februar", 2},   {"marts", 3},  {"april", 4},     {"maj", 5},
                {"juni", 6},      {"juli", 7},      {"august", 8}, {"september", 9}, {"oktober", 10},
                {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},       {"febr", 2},
                {"mar", 3},       {"apr", 4},       {"jun", 6},    {"jul", 7},       {"aug", 8},
                {"sep", 9},       {"sept", 9},      {"okt", 10},   {"nov", 11},      {"dec", 12}};
  for (const auto& m : months) {
    if (w == m.name) return m.month;
  }
  return 0;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max` digits at `pos`.
int read_number(std::string_view s, std::size_t& pos, int max, int& count) {
  int value = 0;
  count = 0;
  while (pos < s.size() && digit(s[pos]) && count < max) value = value * 10 + (s[pos++] - '0'), ++count;
  return value;
}

// Tries a date starting exactly at `pos` (a digit). On success sets `end`.
std::optional<Date> date_at(std::string_view s, std::size_t pos, int default_year, std::size_t& end) {
  std::size_t p = pos;
  int n1 = 0;
  int a = read_number(s, p, 4, n1);
  if (p < s.size() && digit(s[p])) return std::nullopt;  // longer number
  if (n1 == 4 && p + 5 < s.size() + 0 && s[p] == '-') {  // 2025-03-18
    std::size_t q = p + 1;
    int n2 = 0, n3 = 0;
    int m = read_number(s, q, 2, n2);
    if (n2 == 2 && q < s.size() && s[q] == '-') {
      ++q;
      int d = read_number(s, q, 2, n3);
      if (n3 == 2 && (q >= s.size() || !digit(s[q])) && is_calendar_date(a, m, d)) {
        end = q;
        return Date{a, m, d};
      }
    }
    return std::nullopt;
  }
  if (n1 > 2) return std::nullopt;
  // d-m-yyyy, d.m.yyyy, d/m/yyyy
  if (p < s.size() && (s[p] == '-' || s[p] == '.' || s[p] == '/')) {
    char sep = s[p];
    std::size_t q = p + 1;
    int n2 = 0;
    int m = read_number(s, q, 2, n2);
    if (n2 >= 1 && q < s.size() && s[q] == sep) {
      std::size_t r = q + 1;
      int n3 = 0;
      int y = read_number(s, r, 4, n3);
      if (n3 == 4 && (r >= s.size() || !digit(s[r])) && is_calendar_date(y, m, a)) {
        end = r;
        return Date{y, m, a};
      }
    }
  }
  // "19. april 2022", "1.april", "9. maj", "19 april"
  std::size_t q = p;
  if (q < s.size() && s[q] == '.') ++q;
  while (q < s.size() && s[q] == ' ') ++q;
  std::size_t w = q;
  while (w < s.size() && (std::isalpha(static_cast<unsigned char>(s[w])))) ++w;
  if (w == q) return std::nullopt;
  std::string word = text::fold(s.substr(q, w - q));
  int month = month_number(word);
  if (!month) return std::nullopt;
  if (w < s.size() && s[w] == '.') ++w;
  std::size_t y = w;
  while (y < s.size() && s[y] == ' ') ++y;
  int ny = 0;
  std::size_t y_end = y;
  int year = read_number(s, y_end, 4, ny);
  if (ny == 4 && (y_end >= s.size() || !digit(s[y_end]))) {
    w = y_end;
  } else {
    year = default_year;
  }
  if (!is_calendar_date(year, month, a)) return std::nullopt;
  end = w;
  return Date{year, month, a};
}

}  // namespace

bool is_calendar_date(int year, int month, int day) noexcept {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string Date::iso() const {
  if (!valid()) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> parse_date(std::string_view text, int default_year) {
  std::size_t start = 0;
  while (start < text.size() && !digit(text[start])) ++start;
  if (start == text.size()) return std::nullopt;
  std::size_t end = 0;
  return date_at(text, start, default_year, end);
}

std::optional<Date> find_date(std::string_view text, int default_year) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit(text[i]) || (i > 0 && digit(text[i - 1]))) continue;
    std::size_t end = 0;
    if (auto d = date_at(text, i, default_year, end)) return d;
  }
  return std::nullopt;
}

}  // namespace referat

// The small vocabularies of minutes: committee aliases, case numbers,
// decision outcomes, the topic taxonomy.
#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include "common/embedded_data.hpp"
#include "common/files.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace referat {
namespace {

// Lookup key: case-folded, whitespace collapsed, "- og" spacing unified.
std::string committee_key(std::string_view name) {
  std::string folded = text::fold(name);
  std::string key;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  while (!key.empty() && (key.back() == ' ' || key.back() == '.' || key.back() == ':')) key.pop_back();
  return key;
}

std::string tidy(std::string_view name) {
  std::string out;
  for (char c : name) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ':')) out.pop_back();
  return out;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

CommitteeTable CommitteeTable::load(const std::string& path) {
  CommitteeTable table;
  for (const auto& line : detail::data_lines(detail::load_data(path, "committees.tsv"))) {
    auto fields = detail::split(line, '\t');
    const std::string canonical = tidy(fields[0]);
    for (const auto& alias : fields) {
      if (!alias.empty()) table.map_[committee_key(alias)] = canonical;
    }
  }
  return table;
}

std::string CommitteeTable::canonical(std::string_view name) const {
  name = text::trim(name);  // also a no-break space, which committee_key keeps
  std::string key = committee_key(name);
  if (auto it = map_.find(key); it != map_.end()) return it->second;
  // Definite/indefinite: "Plejeudvalg" ↔ "Plejeudvalget".
  for (std::string_view suffix : {"et", "en"}) {
    if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      if (auto it = map_.find(key.substr(0, key.size() - suffix.size())); it != map_.end()) return it->second;
    }
    if (auto it = map_.find(key + std::string(suffix)); it != map_.end()) return it->second;
  }
  return tidy(name);
}

bool CommitteeTable::known(std::string_view name) const {
  return map_.count(committee_key(name)) > 0 || canonical(name) != tidy(name);
}

std::vector<std::string> find_case_numbers(std::string_view text) {
  std::vector<std::string> found;
  auto add = [&](std::string v) {
    if (std::find(found.begin(), found.end(), v) == found.end()) found.push_back(std::move(v));
  };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '/' || text[i - 1] == '-' ||
                  text[i - 1] == '.')) {
      continue;
    }
    // SAG-2024-12345
    if (text.compare(i, 4, "SAG-") == 0) {
      std::size_t e = i + 4;
      while (e < n && (is_digit(text[e]) || text[e] == '-')) ++e;
      while (e > i + 4 && text[e - 1] == '-') --e;
      if (e > i + 8) add(std::string(text.substr(i, e - i)));
      continue;
    }
    if (!is_digit(text[i])) continue;
    bool in_parens = i > 0 && text[i - 1] == '(';
    std::size_t e = i;
    while (e < n && is_digit(text[e])) ++e;
    std::size_t digits = e - i;
    // KLE: 00.30.10-G01-12-24 (journal plan number, group, year, serial)
    if (digits == 2 && e + 6 < n && text[e] == '.' && is_digit(text[e + 1]) && is_digit(text[e + 2]) &&
        text[e + 3] == '.') {
      std::size_t k = e;
      while (k < n && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '.' || text[k] == '-')) ++k;
      while (k > e && (text[k - 1] == '.' || text[k - 1] == '-')) --k;
      std::string_view candidate = text.substr(i, k - i);
      if (candidate.size() >= 8 && std::count(candidate.begin(), candidate.end(), '.') >= 2) {
        add(std::string(candidate));
        i = k;
      }
      continue;
    }
    // 23/2079: short year / serial. (124153/23) is a document id, not a case.
    if (digits >= 1 && digits <= 4 && e < n && text[e] == '/' && !in_parens) {
      std::size_t k = e + 1;
      while (k < n && is_digit(text[k])) ++k;
      std::size_t serial = k - e - 1;
      bool followed_ok = k >= n || !(std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '/');
      if (digits == 2 && serial >= 1 && serial <= 6 && followed_ok) add(std::string(text.substr(i, k - i)));
      i = k;
    }
  }
  return found;
}

std::string classify_outcome(std::string_view decision_text) {
  std::string t = text::fold(decision_text.substr(0, 600));
  std::string first = t.substr(0, std::min<std::size_t>(t.size(), 160));
  // Most specific first; the decision's first words decide when they can.
  static const struct {
    const char* needle;
    const char* outcome;
  } rules[] = {{"ikke godkendt", "ikke godkendt"},
               {"ikke tiltrådt", "ikke godkendt"},
               {"forkastet", "ikke godkendt"},
               {"udsat", "udsat"},
               {"udsættes", "udsat"},
               {"oversendt", "oversendt"},
               {"oversendes", "oversendt"},
               {"anbefal", "anbefalet"},
               {"tiltrådt", "tiltrådt"},
               {"tiltræde", "tiltrådt"},
               {"godkendt", "godkendt"},
               {"godkende", "godkendt"},
               {"vedtaget", "godkendt"},
               {"til efterretning", "taget til efterretning"},
               {"drøftet", "drøftet"},
               {"drøftede", "drøftet"},
               {"besluttede", "godkendt"},
               {"orienterede", "orienteret"},
               {"orientering", "orienteret"}};
  for (const std::string* scope : {&first, &t}) {
    for (const auto& rule : rules) {
      if (contains(*scope, rule.needle)) return rule.outcome;
    }
  }
  return {};
}

std::vector<Topic> load_topics(const std::string& path) {
  std::vector<Topic> topics;
  for (const auto& line : detail::data_lines(detail::load_data(path, "topics.tsv"))) {
    auto fields = detail::split(line, '\t');
    if (fields.size() < 3 || fields[0].empty() || fields[2].empty()) {
      throw InputError(path.empty() ? "topics.tsv" : path, 0, "topic line needs id<TAB>label<TAB>query: " + line);
    }
    topics.push_back(Topic{text::fold(fields[0]), fields[1], fields[2]});
  }
  return topics;
}

}  // namespace referat

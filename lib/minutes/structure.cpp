// The line-based parser of minutes text: meeting header, agenda items,
// sections, decisions, attachments. It never drops text: header lines are
// kept as the first item's "Møde" section, and a file without recognisable
// structure becomes one item holding all of it, with a diagnostic.
#include "minutes/structure.hpp"

#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace referat::minutes {
namespace {

struct Line {
  std::string text;  // trimmed
  std::size_t number = 0;
  int page = 1;
};

std::string trim(std::string_view s) { return std::string(text::trim(s)); }

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0, number = 1;
  int page = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    // A form feed (page break) before the line's text starts a new page for
    // this line; one after its text, for the next line.
    const std::size_t content = raw.find_first_not_of(" \t\r\f");
    const std::string_view before = raw.substr(0, std::min(content, raw.size()));
    const int leading = static_cast<int>(std::count(before.begin(), before.end(), '\f'));
    page += leading;
    Line line{trim(raw), number++, page};
    page += static_cast<int>(std::count(raw.begin(), raw.end(), '\f')) - leading;
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string strip_colon(std::string s) {
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.pop_back();
  return s;
}

// Header labels of a meeting ("Møde:", "Tid:", …); returns the label key.
std::string header_label(const std::string& line, std::string& value) {
  static const std::pair<const char*, const char*> labels[] = {{"møde", "committee"},
                                                               {"tid", "time"},
                                                               {"sted", "place"},
                                                               {"deltagere", "participants"},
                                                               {"mødedeltagere", "participants"},
                                                               {"afbud", "absent"},
                                                               {"fraværende", "absent"},
                                                               {"gæster", "guests"},
                                                               {"information", "information"}};
  std::size_t colon = line.find(':');
  if (colon == std::string::npos || colon > 20) return {};
  std::string key = text::fold(trim(line.substr(0, colon)));
  for (const auto& [name, kind] : labels) {
    if (key == name) {
      value = trim(line.substr(colon + 1));
      return kind;
    }
  }
  return {};
}

struct Heading {
  SectionKind kind = SectionKind::other;
  bool decision = false;
  std::string committee;  // for "Beslutning i X den D"
  std::string date_text;
};

std::optional<Heading> section_heading(const std::string& line) {
  if (line.empty() || line.size() > 160) return std::nullopt;
  std::string folded = text::fold(strip_colon(line));
  static const std::pair<const char*, SectionKind> exact[] = {
      {"sagsgang", SectionKind::sagsgang},
      {"sagsfremstilling", SectionKind::sagsfremstilling},
      {"resumé", SectionKind::resume},
      {"resume", SectionKind::resume},
      {"indstilling", SectionKind::indstilling},
      {"beslutning", SectionKind::beslutning},
      {"referat", SectionKind::referat},
      {"økonomiske konsekvenser", SectionKind::okonomi},
      {"lovgrundlag", SectionKind::lovgrundlag},
      {"bilag", SectionKind::bilag},
      {"sagens tidligere behandling", SectionKind::other},
      {"høring", SectionKind::other},
      {"kommunikation", SectionKind::other},
      {"beslutningskompetence", SectionKind::other},
  };
  for (const auto& [name, kind] : exact) {
    if (folded == name) return Heading{kind, false, {}, {}};
  }
  if (starts_with(folded, "sammenhæng til") && folded.size() < 90)
    return Heading{SectionKind::sammenhaeng, false, {}, {}};
  // "Beslutning i Økonomiudvalget den 09-01-2024" (capital B: not a sentence).
  if (starts_with(line, "Beslutning i ") && folded.find(" den ") != std::string::npos && find_date(line).has_value()) {
    std::string rest = trim(line.substr(line.find(' ', 11) + 1));
    std::size_t den = rest.rfind(" den ");
    Heading h{SectionKind::beslutning, true, rest, {}};
    if (den != std::string::npos) {
      h.committee = trim(rest.substr(0, den));
      h.date_text = trim(rest.substr(den + 5));
    }
    return h;
  }
  return std::nullopt;
}

bool is_coordinator_end(const std::string& title) {
  static const char* words[] = {" og", " eller", " i", " på", " for", " af", " til", " med", " om", ","};
  for (const char* w : words) {
    std::size_t n = std::char_traits<char>::length(w);
    if (title.size() > n && title.compare(title.size() - n, n, w) == 0) return true;
  }
  return !title.empty() && title.back() == '-';
}

// "25/832 Åben Sag", "23/2079 Lukket Sag", "Lukket punkt".
bool case_line(const std::string& line, std::vector<std::string>& cases, bool& closed) {
  std::string folded = text::fold(line);
  bool open_marker = folded.find("åben sag") != std::string::npos;
  bool closed_marker =
      folded.find("lukket sag") != std::string::npos || folded == "lukket punkt" || starts_with(folded, "lukket punkt");
  if (!open_marker && !closed_marker) return false;
  if (line.size() > 80) return false;
  for (auto& c : find_case_numbers(line)) cases.push_back(c);
  closed = closed || closed_marker;
  return true;
}

struct ItemStart {
  std::size_t line = 0;
  std::string number, title;
};

// "Punkt 3: Proces: …"
bool punkt_line(const std::string& line, ItemStart& start) {
  std::string folded = text::fold(line);
  if (!starts_with(folded, "punkt ")) return false;
  std::size_t p = 6;
  std::size_t b = p;
  while (p < line.size() && (std::isdigit(static_cast<unsigned char>(line[p])) || line[p] == '.' ||
                             std::islower(static_cast<unsigned char>(line[p])))) {
    ++p;
  }
  if (p == b || !std::isdigit(static_cast<unsigned char>(line[b]))) return false;
  std::string number = line.substr(b, p - b);
  while (!number.empty() && number.back() == '.') number.pop_back();
  while (p < line.size() && line[p] == ' ') ++p;
  if (p >= line.size() || line[p] != ':') return false;
  start.number = number;
  start.title = trim(line.substr(p + 1));
  return true;
}

// "3. Opgaveglidning" (numbered agenda after a Møde:/Dagsorden header).
bool numbered_line(const std::string& line, int expected, ItemStart& start) {
  std::size_t p = 0;
  while (p < line.size() && std::isdigit(static_cast<unsigned char>(line[p]))) ++p;
  if (p == 0 || p > 2 || p + 2 >= line.size() || line[p] != '.' || line[p + 1] != ' ') return false;
  if (std::stoi(line.substr(0, p)) != expected) return false;
  std::string title = trim(line.substr(p + 2));
  if (title.empty() || title.size() > 150) return false;
  unsigned char first = static_cast<unsigned char>(title[0]);
  if (!(std::isupper(first) || first >= 0xC3)) return false;  // titles start with a capital
  start.number = line.substr(0, p);
  start.title = title;
  return true;
}

// "Pia  Lichtenstein" → "Pia Lichtenstein".
std::string collapse_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

std::vector<std::string> split_names(const std::string& value) {
  std::vector<std::string> names;
  std::string current;
  int depth = 0;
  for (char c : value) {
    if (c == '(') ++depth;
    if (c == ')') depth = std::max(0, depth - 1);
    if (c == ',' && depth == 0) {
      if (!trim(current).empty()) names.push_back(collapse_spaces(trim(current)));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!trim(current).empty()) names.push_back(collapse_spaces(trim(current)));
  return names;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::vector<std::string> dissent_notes(const std::string& text) {
  std::vector<std::string> notes;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(".\n", start);
    if (end == std::string::npos) end = text.size();
    std::string sentence = trim(text.substr(start, end - start));
    std::string folded = text::fold(sentence);
    if (folded.find("til protokol") != std::string::npos || folded.find("stemmer imod") != std::string::npos ||
        folded.find("stemte imod") != std::string::npos || folded.find("tager forbehold") != std::string::npos ||
        folded.find("kan ikke tiltræde") != std::string::npos) {
      notes.push_back(sentence);
    }
    start = end + 1;
  }
  return notes;
}

class Builder {
 public:
  Builder(ParsedFile& file, const CommitteeTable& committees) : file_(file), committees_(committees) {}

  void run(const std::vector<Line>& lines) {
    // Which agenda format is this?
    bool labels = false;
    for (std::size_t i = 0; i < lines.size() && i < 80; ++i) {
      std::string value;
      std::string label = header_label(lines[i].text, value);
      if (label == "committee" || label == "time" || text::fold(lines[i].text) == "dagsorden") labels = true;
    }
    std::vector<ItemStart> starts;
    int expected = 1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ItemStart s;
      if (punkt_line(lines[i].text, s) || (labels && numbered_line(lines[i].text, expected, s))) {
        s.line = i;
        if (s.number == std::to_string(expected)) ++expected;
        starts.push_back(std::move(s));
      }
    }

    std::size_t body_begin = 0;
    if (!starts.empty()) {
      body_begin = starts.front().line;
      parse_header(lines, 0, body_begin);
      for (std::size_t k = 0; k < starts.size(); ++k) {
        std::size_t end = k + 1 < starts.size() ? starts[k + 1].line : lines.size();
        parse_item(lines, starts[k], end);
      }
    } else {
      // A single item exported from a case system (seeds 000, 002, 003).
      std::size_t i = 0;
      while (i < lines.size() && lines[i].text.empty()) ++i;
      ItemStart s;
      s.line = i;
      if (i < lines.size()) {
        const std::string& first = lines[i].text;
        std::vector<std::string> cases;
        bool closed = false;
        auto date = find_date(first);
        if (date && !section_heading(first) && !case_line(first, cases, closed) && ends_with_date(first)) {
          parse_header(lines, i, i + 1);  // "Områdeudvalg sundhed og omsorg 18-03-2025"
          ++i;
          while (i < lines.size() && lines[i].text.empty()) ++i;
          s.line = i;
        }
      }
      if (s.line < lines.size() && !section_heading(lines[s.line].text) && !is_case_line(lines[s.line].text)) {
        s.title = lines[s.line].text;
        s.number.clear();
      } else {
        s.title.clear();
        --s.line;  // no title line: the body starts at s.line
      }
      parse_item(lines, s, lines.size());
      AgendaItem& item = file_.items.back();
      bool structured = !item.case_numbers.empty() || item.sections.size() > 1;
      if (!structured) {
        file_.diagnostics.push_back({1, "no recognisable minutes structure: the whole text is one item"});
      }
    }
    finish();
  }

 private:
  ParsedFile& file_;
  const CommitteeTable& committees_;
  std::vector<std::string> header_text_;
  bool is_referat_ = false;  // the header says "Referat": item bodies are what was decided
  std::size_t header_line_ = 0;

  static bool ends_with_date(const std::string& line) {
    std::size_t i = line.size();
    while (i > 0 &&
           (std::isdigit(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '-' || line[i - 1] == '.')) {
      --i;
    }
    return i < line.size() && i > 0 && line.size() - i >= 8 && parse_date(line.substr(i)).has_value();
  }

  static bool is_case_line(const std::string& line) {
    std::vector<std::string> cases;
    bool closed = false;
    return case_line(line, cases, closed);
  }

  void parse_header(const std::vector<Line>& lines, std::size_t begin, std::size_t end) {
    std::string* continuation = nullptr;
    std::string continued;
    std::string current_label;
    header_line_ = begin < lines.size() ? lines[begin].number : 1;
    bool first_content = true;
    for (std::size_t i = begin; i < end; ++i) {
      const std::string& line = lines[i].text;
      if (line.empty()) continue;
      header_text_.push_back(line);
      std::string value;
      std::string label = header_label(line, value);
      if (!label.empty()) {
        flush_label(current_label, continued);
        current_label = label;
        continued = value;
        continuation = &continued;
        first_content = false;
        continue;
      }
      if (first_content) {
        first_content = false;
        // "Rådmandsmøde (Rådmandsmøde)" or "Områdeudvalg sundhed og omsorg 18-03-2025"
        std::string name = line;
        if (auto d = find_date(line); d && ends_with_date(line)) {
          file_.date = *d;
          name = trim(line.substr(0, line.find_last_of(' ') == std::string::npos ? 0 : line.find_last_of(' ')));
        }
        std::size_t paren = name.find(" (");
        if (paren != std::string::npos) name = trim(name.substr(0, paren));
        std::string folded = text::fold(name);
        if (folded != "dagsorden" && folded != "referat" && !name.empty())
          file_.committee = committees_.canonical(name);
        continue;
      }
      if (!file_.date.valid()) {
        if (auto d = find_date(line); d && std::isdigit(static_cast<unsigned char>(line[0]))) {
          file_.date = *d;  // "22-04-2025 12:00 - 14:00"
          std::size_t sp = line.find(' ');
          if (sp != std::string::npos) file_.time = time_range(line.substr(sp + 1));
          continuation = nullptr;
          continue;
        }
      }
      std::string folded = text::fold(line);
      if (folded == "referat" || folded == "dagsorden" || folded == "dagsorden/referat") {
        is_referat_ = is_referat_ || folded != "dagsorden";
        flush_label(current_label, continued);
        current_label.clear();
        continuation = nullptr;
        continue;
      }
      if (continuation &&
          (current_label == "participants" || current_label == "absent" || current_label == "information")) {
        continued += (continued.empty() || continued.back() == ',' ? " " : " ") + line;
        continue;
      }
      if (file_.place.empty() && file_.date.valid() && line.find(':') == std::string::npos && line.size() < 80) {
        file_.place = line;  // "Rådhuset, vær. 501"
      }
    }
    flush_label(current_label, continued);
  }

  static std::string time_range(const std::string& s) {
    // "12:00 - 14:00", "kl. 12.00-13.30" → "12:00-14:00"
    std::string out;
    for (char c : s) {
      if (std::isdigit(static_cast<unsigned char>(c)))
        out += c;
      else if (c == ':' || c == '.')
        out += ':';
      else if (c == '-')
        out += '-';
    }
    while (!out.empty() && (out.front() == ':' || out.front() == '-')) out.erase(out.begin());
    return out;
  }

  void flush_label(const std::string& label, const std::string& value) {
    if (label.empty()) return;
    std::string v = trim(value);
    if (label == "committee" && !v.empty()) {
      file_.committee = committees_.canonical(v);
    } else if (label == "time" && !v.empty()) {
      if (auto d = find_date(v)) file_.date = *d;
      std::size_t kl = v.find("kl.");
      if (kl != std::string::npos) file_.time = time_range(v.substr(kl + 3));
    } else if (label == "place") {
      file_.place = v;
    } else if (label == "participants") {
      for (auto& n : split_names(v)) add_unique(file_.participants, n);
    } else if (label == "absent") {
      for (auto& n : split_names(v)) add_unique(file_.absent, n);
    }
  }

  void parse_item(const std::vector<Line>& lines, ItemStart start, std::size_t end) {
    AgendaItem item;
    item.number = start.number;
    item.title = start.title;
    std::set<int> pages;
    std::size_t i = start.line + 1;
    if (start.line < lines.size() && !start.title.empty()) pages.insert(lines[start.line].page);
    // Titles wrapped over two lines ("… i distrikt Midt og⏎Nord, P&R").
    while (!item.title.empty() && is_coordinator_end(item.title) && i < end && !lines[i].text.empty() &&
           !section_heading(lines[i].text)) {
      item.title += (item.title.back() == '-' ? "" : " ") + lines[i].text;
      ++i;
    }
    if (file_.items.empty() && !header_text_.empty()) {
      std::string header;
      for (auto& h : header_text_) header += (header.empty() ? "" : "\n") + h;
      item.sections.push_back({SectionKind::preamble, "Møde", header});
    }
    Section* current = nullptr;
    auto section = [&](SectionKind kind, const std::string& heading) {
      item.sections.push_back({kind, heading, {}});
      current = &item.sections.back();
    };
    bool absent_block = false;
    std::vector<std::size_t> decision_sections;
    for (; i < end; ++i) {
      const Line& line = lines[i];
      if (line.text.empty()) continue;
      pages.insert(line.page);
      if (auto h = section_heading(line.text)) {
        section(h->kind, line.text);
        absent_block = false;
        if (h->decision) {
          Decision d;
          d.committee = committees_.canonical(h->committee);
          if (auto date = find_date(h->date_text, file_.date.year))
            d.date = *date;
          else
            file_.diagnostics.push_back({line.number, "decision heading without a date: " + line.text});
          item.decisions.push_back(std::move(d));
          decision_sections.push_back(item.sections.size() - 1);
        }
        continue;
      }
      std::string value;
      std::string label = header_label(line.text, value);
      if (label == "absent") {  // "Afbud:" / "Fraværende:" inside an item
        section(SectionKind::other, line.text);
        absent_block = true;
        for (auto& n : split_names(value)) add_unique(file_.absent, n);
        current->text = value;
        continue;
      }
      if (absent_block && line.text.size() < 80) {
        add_unique(file_.absent, collapse_spaces(line.text));
      }
      if (!current) section(SectionKind::preamble, "");
      case_line(line.text, item.case_numbers, item.closed);
      if (current->kind == SectionKind::bilag || starts_with(text::fold(line.text), "bilag ")) {
        attachment_line(item, line.text);
      }
      current->text += (current->text.empty() ? "" : "\n") + line.text;
    }
    item.pages.assign(pages.begin(), pages.end());
    // Decision texts and outcomes; a trailing "Afbud" block is its own section.
    for (std::size_t k = 0; k < item.decisions.size(); ++k) {
      const Section& s = item.sections[decision_sections[k]];
      Decision& d = item.decisions[k];
      d.text = s.text;
      d.outcome = classify_outcome(s.text);
      d.dissent = dissent_notes(s.text);
    }
    std::sort(item.case_numbers.begin(), item.case_numbers.end());
    item.case_numbers.erase(std::unique(item.case_numbers.begin(), item.case_numbers.end()), item.case_numbers.end());
    finish_attachment(item);
    file_.items.push_back(std::move(item));
  }

  // Bilag lines: "1 -", "3554863", "Åben Udkast - …", "(124153/23) (H)";
  // or "Bilag 1: Referat fra …".
  Attachment pending_;
  bool has_pending_ = false;

  void attachment_line(AgendaItem& item, const std::string& line) {
    std::string folded = text::fold(line);
    if (starts_with(folded, "bilag ") && line.find(':') != std::string::npos) {
      std::size_t colon = line.find(':');
      std::string number = trim(line.substr(6, colon - 6));
      if (!number.empty() && std::all_of(number.begin(), number.end(), ::isdigit)) {
        finish_attachment(item);
        item.attachments.push_back({std::stoi(number), trim(line.substr(colon + 1)), {}});
      }
      return;
    }
    std::size_t dash = line.find(" -");
    if (dash != std::string::npos && dash > 0 && dash <= 3 && trim(line.substr(dash + 2)).empty() &&
        std::all_of(line.begin(), line.begin() + static_cast<long>(dash), ::isdigit)) {
      finish_attachment(item);
      pending_ = Attachment{std::stoi(line.substr(0, dash)), {}, {}};
      has_pending_ = true;
      return;
    }
    if (!has_pending_) return;
    if (std::all_of(line.begin(), line.end(), ::isdigit)) return;  // internal record number
    if (line.front() == '(') {
      std::size_t close = line.find(')');
      if (close != std::string::npos) pending_.document_id = line.substr(1, close - 1);
      finish_attachment(item);
      return;
    }
    std::string title = line;
    for (std::string_view prefix : {"Åben ", "Lukket "}) {
      if (pending_.title.empty() && starts_with(title, prefix)) title = title.substr(prefix.size());
    }
    // "Voksen -" + "Fælles" is a spaced dash (keep the space); "udvik-" + "ling" a hyphenated word.
    const std::string& t = pending_.title;
    const bool hyphenated = t.size() >= 2 && t.back() == '-' && t[t.size() - 2] != ' ';
    pending_.title += (t.empty() || hyphenated ? "" : " ") + title;
  }

  void finish_attachment(AgendaItem& item) {
    if (!has_pending_) return;
    pending_.title = trim(pending_.title);
    item.attachments.push_back(pending_);
    pending_ = Attachment{};
    has_pending_ = false;
  }

  void finish() {
    // A file without a meeting header takes committee and date from its last
    // decision (the meeting that produced this version of the item).
    if (file_.committee.empty() || !file_.date.valid()) {
      for (const auto& item : file_.items) {
        for (const auto& d : item.decisions) {
          if (file_.committee.empty() || !file_.date.valid() || file_.date < d.date) {
            if (!d.committee.empty()) file_.committee = d.committee;
            if (d.date.valid()) file_.date = d.date;
          }
        }
      }
    }
    for (auto& item : file_.items) {
      if (!file_.committee.empty()) add_unique(item.committees, file_.committee);
      for (auto& d : item.decisions) {
        add_unique(item.committees, d.committee);
        if (!d.date.valid()) d.date = file_.date;
      }
      if (!item.date.valid()) item.date = file_.date;
      // Minutes without "Beslutning i …": the Referat/Beslutning section is
      // the meeting's decision.
      if (item.decisions.empty()) {
        for (const auto& s : item.sections) {
          bool body_is_referat = is_referat_ && s.kind == SectionKind::preamble && s.heading.empty();
          if ((s.kind == SectionKind::referat || s.kind == SectionKind::beslutning || body_is_referat) &&
              !s.text.empty()) {
            Decision d{file_.committee, file_.date, classify_outcome(s.text), s.text, dissent_notes(s.text)};
            item.decisions.push_back(std::move(d));
            break;
          }
        }
      }
      if (item.title.empty()) {
        for (const auto& s : item.sections) {
          if (s.kind == SectionKind::indstilling || s.kind == SectionKind::sagsfremstilling) {
            std::string first = s.text.substr(0, s.text.find('\n'));
            item.title = first.substr(0, text::utf8_truncate(first, 100));
            break;
          }
        }
        file_.diagnostics.push_back({1, "item has no title line; title taken from its first section"});
      }
    }
    if (file_.items.empty()) file_.diagnostics.push_back({1, "no items found"});
  }
};

}  // namespace

void parse_structure(std::string_view text, ParsedFile& file, const CommitteeTable& committees) {
  Builder(file, committees).run(split_lines(text));
}

}  // namespace referat::minutes

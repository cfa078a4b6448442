// MinutesParser: reads .txt, .pdf and .jsonl files into the minutes model.
#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include "common/files.hpp"
#include "minutes/structure.hpp"
#include "minutes/topics.hpp"
#include "text/segmenter.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace referat {

const char* to_string(SectionKind kind) noexcept {
  switch (kind) {
    case SectionKind::preamble: return "preamble";
    case SectionKind::sagsgang: return "sagsgang";
    case SectionKind::sagsfremstilling: return "sagsfremstilling";
    case SectionKind::resume: return "resume";
    case SectionKind::indstilling: return "indstilling";
    case SectionKind::beslutning: return "beslutning";
    case SectionKind::referat: return "referat";
    case SectionKind::okonomi: return "okonomi";
    case SectionKind::lovgrundlag: return "lovgrundlag";
    case SectionKind::bilag: return "bilag";
    case SectionKind::sammenhaeng: return "sammenhaeng";
    case SectionKind::other: return "other";
  }
  return "other";
}

std::string AgendaItem::full_text(std::vector<std::pair<std::size_t, std::size_t>>* section_ranges) const {
  std::string text;
  for (const auto& s : sections) {
    if (!text.empty()) text += "\n\n";
    const std::size_t begin = text.size();
    if (!s.heading.empty()) text += s.heading + "\n";
    text += s.text;
    if (section_ranges) section_ranges->emplace_back(begin, text.size());
  }
  return text;
}

namespace {

std::string json_string(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  return v.dump();
}

}  // namespace

struct MinutesParser::Impl {
  ParseOptions options;
  CommitteeTable committees;
  std::vector<Topic> topics;
  minutes::Resolver resolver{committees, topics};
  std::unique_ptr<minutes::TopicTagger> tagger;
  std::unique_ptr<Analyzer> analyzer;

  explicit Impl(const ParseOptions& o)
      : options(o),
        committees(CommitteeTable::load(minutes::data_file(o.data_dir, "committees.tsv"))),
        topics(load_topics(minutes::data_file(o.data_dir, "topics.tsv"))) {
    tagger = std::make_unique<minutes::TopicTagger>(topics, resolver);
  }

  void tag(ParsedFile& file) {
    if (!options.tag_topics || topics.empty()) return;
    if (!analyzer) {
      AnalyzerOptions a = options.analyzer;
      if (a.data_dir.empty()) a.data_dir = options.data_dir;
      analyzer = std::make_unique<Analyzer>(a);
    }
    for (auto& item : file.items) {
      auto terms = minutes::item_terms(item, *analyzer, &tagger->interest(*analyzer));
      for (auto& id : tagger->tag(terms, *analyzer)) {
        if (std::find(item.topics.begin(), item.topics.end(), id) == item.topics.end()) item.topics.push_back(id);
      }
    }
  }
};

MinutesParser::MinutesParser(const ParseOptions& options) : impl_(std::make_unique<Impl>(options)) {}
MinutesParser::~MinutesParser() = default;
MinutesParser::MinutesParser(MinutesParser&&) noexcept = default;
MinutesParser& MinutesParser::operator=(MinutesParser&&) noexcept = default;

const CommitteeTable& MinutesParser::committees() const noexcept { return impl_->committees; }
const std::vector<Topic>& MinutesParser::topics() const noexcept { return impl_->topics; }

ParsedFile MinutesParser::parse_file(const std::string& path) { return parse_contents(path, detail::read_file(path)); }

ParsedFile MinutesParser::parse_contents(const std::string& path, std::string_view bytes) {
  const std::string ext = detail::lower_extension(path);
  if (ext == ".pdf") return parse_pdf_bytes(bytes, path);
  if (ext == ".jsonl" || ext == ".ndjson") return parse_jsonl(bytes, path);
  return parse_bytes(bytes, path);
}

ParsedFile MinutesParser::parse_bytes(std::string_view bytes, const std::string& source) {
  DecodedText decoded = decode_text(bytes, source);
  ParsedFile file = parse_text(decoded.text, source);
  file.encoding = decoded.encoding;
  return file;
}

ParsedFile MinutesParser::parse_text(std::string_view text, const std::string& source) {
  bool has_text = std::any_of(text.begin(), text.end(),
                              [](char c) { return !(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'); });
  if (!has_text) throw InputError(source, 0, "empty file: no text");
  ParsedFile file;
  file.source = source;
  minutes::parse_structure(text, file, impl_->committees);
  impl_->tag(file);
  return file;
}

ParsedFile MinutesParser::parse_jsonl(std::string_view bytes, const std::string& source, std::size_t first_line) {
  ParsedFile file;
  file.source = source;
  std::size_t start = 0, line_number = first_line ? first_line - 1 : 0;
  static const char* known[] = {"id",           "title",  "text", "committee", "committees",  "date",  "case_no",
                                "case_numbers", "topics", "url",  "decisions", "item_number", "source"};
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!is_valid_utf8(line)) {  // one bad line, not a bad file
      file.diagnostics.push_back({line_number, "not UTF-8"});
      continue;
    }
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      file.diagnostics.push_back({line_number, "invalid JSON"});
      continue;
    }
    std::string missing;
    for (const char* field : {"id", "title", "text"}) {
      if (!record.contains(field) || !record[field].is_string() || record[field].get<std::string>().empty()) {
        missing += missing.empty() ? field : std::string(", ") + field;
      }
    }
    if (!missing.empty()) {
      file.diagnostics.push_back({line_number, "missing required field(s): " + missing});
      continue;
    }
    AgendaItem item;
    item.id = record["id"].get<std::string>();
    item.title = record["title"].get<std::string>();
    // Imported text has no known section structure: plain body text, no section field.
    item.sections.push_back({SectionKind::other, "", record["text"].get<std::string>()});
    if (record.contains("committee") && !json_string(record["committee"]).empty()) {
      item.committees.push_back(impl_->committees.canonical(json_string(record["committee"])));
    }
    if (record.contains("committees") && record["committees"].is_array()) {
      for (auto& c : record["committees"]) {
        std::string name = impl_->committees.canonical(json_string(c));
        if (!name.empty() && std::find(item.committees.begin(), item.committees.end(), name) == item.committees.end()) {
          item.committees.push_back(name);
        }
      }
    }
    if (record.contains("item_number")) item.number = json_string(record["item_number"]);
    if (record.contains("date")) {
      auto d = parse_date(json_string(record["date"]));
      if (d)
        item.date = *d;
      else if (!json_string(record["date"]).empty())
        file.diagnostics.push_back({line_number, "bad date: " + json_string(record["date"])});
    }
    if (record.contains("case_no") && !json_string(record["case_no"]).empty()) {
      item.case_numbers.push_back(json_string(record["case_no"]));
    }
    if (record.contains("case_numbers") && record["case_numbers"].is_array()) {
      for (auto& c : record["case_numbers"]) item.case_numbers.push_back(json_string(c));
    }
    if (record.contains("topics") && record["topics"].is_array()) {
      for (auto& t : record["topics"]) item.topics.push_back(text::fold(json_string(t)));
    }
    for (auto& field : record.items()) {
      // Not a structured binding: a lambda cannot capture one in C++17 (clang refuses).
      const std::string& key = field.key();
      const auto& value = field.value();
      if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return key == k; }) ==
              std::end(known) ||
          key == "url") {
        item.metadata[key] = json_string(value);
      }
    }
    if (record.contains("decisions") && record["decisions"].is_array()) {
      for (auto& d : record["decisions"]) {
        if (!d.is_object()) continue;
        Decision decision;
        decision.committee = impl_->committees.canonical(json_string(d.value("committee", nlohmann::json())));
        if (auto date = parse_date(json_string(d.value("date", nlohmann::json())))) decision.date = *date;
        decision.outcome = json_string(d.value("outcome", nlohmann::json()));
        decision.text = json_string(d.value("text", nlohmann::json()));
        item.decisions.push_back(std::move(decision));
      }
    }
    file.items.push_back(std::move(item));
  }
  if (file.items.empty()) {
    throw InputError(source, file.diagnostics.empty() ? 0 : file.diagnostics.front().line,
                     file.diagnostics.empty()
                         ? "no records"
                         : "no valid records (first problem: " + file.diagnostics.front().message + ")");
  }
  impl_->tag(file);
  return file;
}

ParsedFile MinutesParser::parse_pdf(const std::string& path) { return parse_pdf_bytes(detail::read_file(path), path); }

ParsedFile MinutesParser::parse_pdf_bytes(std::string_view bytes, const std::string& path) {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw InputError(path, 0, "PDF larger than 2 GiB");
  }
  // poppler reports problems on stderr unless told otherwise; the library
  // never prints (the InputError below says what went wrong).
  static const bool silenced = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)silenced;
  // poppler reads from our buffer; `bytes` outlives the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError(path, 0, "not a readable PDF (damaged, truncated or not a PDF)");
  if (doc->is_locked()) throw InputError(path, 0, "PDF is encrypted");
  std::string text;
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (i > 0) text += '\f';
    if (!page) continue;
    auto page_text = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
    while (!page_text.empty() && page_text.back() == '\f') page_text.pop_back();  // we mark page ends ourselves
    text.append(page_text.begin(), page_text.end());
  }
  bool has_letters = std::any_of(text.begin(), text.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0xC3;
  });
  if (!has_letters) throw InputError(path, 0, "PDF has no text layer (scanned image?); run OCR first");
  if (!is_valid_utf8(text)) text = decode_text(text, path).text;
  ParsedFile file = parse_text(text, path);
  file.encoding = Encoding::utf8;
  return file;
}

}  // namespace referat

#include "json_output.hpp"

namespace referat::cli {

using nlohmann::json;

json to_json(const Date& d) { return d.valid() ? json(d.iso()) : json(nullptr); }

json to_json(const std::vector<FacetValue>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
  return out;
}

namespace {

json decisions_json(const std::vector<Decision>& decisions, bool with_text) {
  json out = json::array();
  for (const auto& d : decisions) {
    json j = {{"committee", d.committee}, {"date", to_json(d.date)}, {"outcome", d.outcome}};
    if (with_text) {
      j["text"] = d.text;
      j["dissent"] = d.dissent;
    }
    out.push_back(std::move(j));
  }
  return out;
}

json sections_json(const std::vector<Section>& sections) {
  json out = json::array();
  for (const auto& s : sections) out.push_back({{"kind", to_string(s.kind)}, {"heading", s.heading}, {"text", s.text}});
  return out;
}

json attachments_json(const std::vector<Attachment>& attachments) {
  json out = json::array();
  for (const auto& a : attachments) {
    out.push_back({{"number", a.number}, {"title", a.title}, {"document_id", a.document_id}});
  }
  return out;
}

}  // namespace

json to_json(const AgendaItem& item) {
  json j = {{"number", item.number},
            {"title", item.title},
            {"case_numbers", item.case_numbers},
            {"closed", item.closed},
            {"committees", item.committees},
            {"date", to_json(item.date)},
            {"sections", sections_json(item.sections)},
            {"decisions", decisions_json(item.decisions, true)},
            {"attachments", attachments_json(item.attachments)},
            {"pages", item.pages},
            {"topics", item.topics}};
  if (!item.id.empty()) j["id"] = item.id;
  if (!item.metadata.empty()) j["metadata"] = item.metadata;
  return j;
}

json to_json(const ParsedFile& file) {
  json items = json::array();
  for (const auto& item : file.items) items.push_back(to_json(item));
  json diagnostics = json::array();
  for (const auto& d : file.diagnostics) diagnostics.push_back({{"line", d.line}, {"message", d.message}});
  return {{"source", file.source},
          {"encoding", to_string(file.encoding)},
          {"committee", file.committee},
          {"date", to_json(file.date)},
          {"time", file.time},
          {"place", file.place},
          {"participants", file.participants},
          {"absent", file.absent},
          {"items", items},
          {"diagnostics", diagnostics}};
}

json to_json(const Hit& hit) {
  json decisions = json::array();
  for (const auto& d : hit.decisions) {
    decisions.push_back({{"committee", d.committee}, {"date", to_json(d.date)}, {"outcome", d.outcome}});
  }
  json highlights = json::array();
  for (const auto& [b, e] : hit.snippet.highlights) highlights.push_back({b, e});
  json j = {{"id", hit.id},
            {"source", hit.source},
            {"item_number", hit.item_number},
            {"title", hit.title},
            {"committees", hit.committees},
            {"date", to_json(hit.date)},
            {"case_numbers", hit.case_numbers},
            {"topics", hit.topics},
            {"decisions", decisions},
            {"score", hit.score},
            {"snippet", {{"text", hit.snippet.text}, {"highlights", highlights}}}};
  if (hit.collapsed) j["collapsed"] = hit.collapsed;
  return j;
}

json to_json(const Facets& facets) {
  return {{"committee", to_json(facets.committee)},
          {"topic", to_json(facets.topic)},
          {"year", to_json(facets.year)},
          {"decision", to_json(facets.decision)}};
}

json to_json(const SearchResult& result) {
  json hits = json::array();
  for (const auto& h : result.hits) hits.push_back(to_json(h));
  json j = {{"query", result.query},
            {"total", result.total},
            {"offset", result.offset},
            {"hits", hits},
            {"facets", to_json(result.facets)},
            {"notes", result.notes}};
  if (result.suggestion) j["suggestion"] = *result.suggestion;
  return j;
}

json to_json(const StoredItem& item) {
  json j = to_json(item.hit);
  j.erase("score");
  j.erase("snippet");
  j["meeting_committee"] = item.meeting_committee;
  j["closed"] = item.closed;
  j["sections"] = sections_json(item.sections);
  j["decisions"] = decisions_json(item.decisions, true);
  j["attachments"] = attachments_json(item.attachments);
  j["pages"] = item.pages;
  j["metadata"] = item.metadata;
  j["text"] = item.text;
  return j;
}

json to_export_record(const StoredItem& item) {
  json j;
  j["id"] = item.hit.id;
  j["title"] = item.hit.title;
  j["text"] = item.text;
  if (!item.hit.committees.empty()) j["committee"] = item.hit.committees.front();
  j["committees"] = item.hit.committees;
  if (item.hit.date.valid()) j["date"] = item.hit.date.iso();
  j["case_numbers"] = item.hit.case_numbers;
  j["topics"] = item.hit.topics;
  j["source"] = item.hit.source;
  j["item_number"] = item.hit.item_number;
  j["decisions"] = decisions_json(item.decisions, true);
  for (const auto& [k, v] : item.metadata) {
    if (!j.contains(k)) j[k] = v;
  }
  return j;
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
  return line + "\r\n";
}

std::string join(const std::vector<std::string>& values, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? separator : "") + values[i];
  return out;
}

}  // namespace referat::cli

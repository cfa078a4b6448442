#include "index/record.hpp"
#include "index/varint.hpp"

#include <referat/error.hpp>

#include <nlohmann/json.hpp>

namespace referat::index {

using nlohmann::json;

Record make_record(const AgendaItem& item, const ParsedFile& file, const std::string& id, const std::string& source) {
  Record r;
  StoredItem& s = r.item;
  s.hit.id = id;
  s.hit.source = source;
  s.hit.item_number = item.number;
  s.hit.title = item.title;
  s.hit.committees = item.committees;
  s.hit.date = item.date;
  s.hit.case_numbers = item.case_numbers;
  s.hit.topics = item.topics;
  for (const auto& d : item.decisions) s.hit.decisions.push_back({d.committee, d.date, d.outcome});
  s.meeting_committee = file.committee;
  s.decisions = item.decisions;
  s.attachments = item.attachments;
  s.pages = item.pages;
  s.closed = item.closed;
  s.metadata = item.metadata;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  s.text = item.full_text(&spans);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    r.ranges.push_back({item.sections[i].kind, item.sections[i].heading, spans[i].first, spans[i].second});
  }
  return r;
}

namespace {

json date_json(const Date& d) { return d.valid() ? json(d.key()) : json(0); }
Date date_of(const json& j) {
  int k = j.is_number() ? j.get<int>() : 0;
  return k ? Date{k / 10000, k / 100 % 100, k % 100} : Date{};
}

}  // namespace

std::string serialise(const Record& r) {
  const StoredItem& s = r.item;
  json decisions = json::array();
  for (const auto& d : s.decisions) {
    decisions.push_back({d.committee, date_json(d.date), d.outcome, d.text, d.dissent});
  }
  json attachments = json::array();
  for (const auto& a : s.attachments) attachments.push_back({a.number, a.title, a.document_id});
  json ranges = json::array();
  for (const auto& g : r.ranges) ranges.push_back({static_cast<int>(g.kind), g.heading, g.begin, g.end});
  json j = {{"id", s.hit.id},
            {"src", s.hit.source},
            {"no", s.hit.item_number},
            {"title", s.hit.title},
            {"com", s.hit.committees},
            {"date", date_json(s.hit.date)},
            {"cases", s.hit.case_numbers},
            {"topics", s.hit.topics},
            {"mc", s.meeting_committee},
            {"dec", decisions},
            {"att", attachments},
            {"pages", s.pages},
            {"closed", s.closed},
            {"meta", s.metadata},
            {"ranges", ranges},
            {"v", 2}};
  // One line of JSON (dump() escapes every newline), then the text as is:
  // reading a hit parses only the small JSON part.
  return j.dump() + '\n' + s.text;
}

Record unserialise(const std::string& data) {
  const std::size_t newline = data.find('\n');
  json j =
      json::parse(data.begin(), newline == std::string::npos ? data.end() : data.begin() + static_cast<long>(newline),
                  nullptr, false);
  if (j.is_discarded() || newline == std::string::npos)
    throw IndexError(ErrorKind::index_corrupt, "unreadable item record in index");
  Record r;
  StoredItem& s = r.item;
  s.hit.id = j.value("id", "");
  s.hit.source = j.value("src", "");
  s.hit.item_number = j.value("no", "");
  s.hit.title = j.value("title", "");
  s.hit.committees = j.value("com", std::vector<std::string>{});
  s.hit.date = date_of(j["date"]);
  s.hit.case_numbers = j.value("cases", std::vector<std::string>{});
  s.hit.topics = j.value("topics", std::vector<std::string>{});
  s.meeting_committee = j.value("mc", "");
  for (const auto& d : j["dec"]) {
    Decision decision{d[0].get<std::string>(), date_of(d[1]), d[2].get<std::string>(), d[3].get<std::string>(),
                      d[4].get<std::vector<std::string>>()};
    s.hit.decisions.push_back({decision.committee, decision.date, decision.outcome});
    s.decisions.push_back(std::move(decision));
  }
  for (const auto& a : j["att"])
    s.attachments.push_back({a[0].get<int>(), a[1].get<std::string>(), a[2].get<std::string>()});
  s.pages = j.value("pages", std::vector<int>{});
  s.closed = j.value("closed", false);
  s.metadata = j.value("meta", std::map<std::string, std::string>{});
  s.text = data.substr(newline + 1);
  for (const auto& g : j["ranges"]) {
    Record::Range range{static_cast<SectionKind>(g[0].get<int>()), g[1].get<std::string>(), g[2].get<std::size_t>(),
                        g[3].get<std::size_t>()};
    // The section's own text starts after its heading line.
    std::size_t body = std::min(range.begin + (range.heading.empty() ? 0 : range.heading.size() + 1), range.end);
    std::size_t end = std::min(range.end, s.text.size());
    s.sections.push_back({range.kind, range.heading, s.text.substr(std::min(body, end), end - std::min(body, end))});
    r.ranges.push_back(std::move(range));
  }
  return r;
}

std::string encode_offsets(const std::vector<std::pair<std::size_t, std::size_t>>& offsets) {
  std::string out;
  out.reserve(offsets.size() + 16);
  std::size_t previous_begin = 0, previous_end = 0;
  for (const auto& [b, e] : offsets) {
    const std::size_t length = e > b ? e - b : 0;
    if (b >= previous_end && b - previous_end < 8 && length >= 1 && length <= 31) {
      out += static_cast<char>(((b - previous_end) << 5) | length);
    } else {
      out += '\0';
      put_varint(out, b >= previous_begin ? b - previous_begin : 0);
      put_varint(out, length);
    }
    previous_begin = b;
    previous_end = b + length;
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> decode_offsets(const std::string& data, std::size_t positions) {
  std::vector<std::pair<std::size_t, std::size_t>> offsets;
  std::size_t pos = 0, previous_begin = 0, previous_end = 0;
  std::uint64_t delta = 0, length = 0;
  while (offsets.size() < positions && pos < data.size()) {
    const auto byte = static_cast<unsigned char>(data[pos]);
    if ((byte & 0x1F) != 0) {
      ++pos;
      previous_begin = previous_end + (byte >> 5);
      length = byte & 0x1F;
    } else {
      ++pos;  // the 0 byte
      if (!get_varint(data, pos, delta) || !get_varint(data, pos, length)) break;
      previous_begin += delta;
    }
    previous_end = previous_begin + length;
    offsets.emplace_back(previous_begin, previous_end);
  }
  return offsets;
}

}  // namespace referat::index

#include "index/record.hpp"
#include "index/schema.hpp"
#include "index/varint.hpp"

#include <referat/error.hpp>

#include <zstd.h>
#include <nlohmann/json.hpp>

#include <memory>

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
  // A damaged value must not overflow the conversion to int.
  const std::int64_t k = j.is_number_integer() ? j.get<std::int64_t>() : 0;
  if (k <= 0 || k > 99991231) return Date{};
  const int key = static_cast<int>(k);
  return Date{key / 10000, key / 100 % 100, key % 100};
}

SectionKind section_kind_of(int k) {
  return k >= 0 && k <= static_cast<int>(SectionKind::other) ? static_cast<SectionKind>(k) : SectionKind::other;
}

}  // namespace

std::string serialise(const Record& r, std::string* text_value) {
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
            {"v", 3}};
  // One line of JSON (dump() escapes every newline), then the text: reading a
  // hit parses only the small JSON part. Xapian would deflate the text at
  // zlib's default level (zlib was 7% of indexing's CPU) and inflate all of it
  // for every hit shown (half of a search on Folketinget's long items); zstd
  // writes about 5 and reads about 3 times quicker, one frame at a time.
  // Format 9: the text goes to its own value (schema::slot_text), which
  // Xapian stores as it is; in the document data it would deflate the zstd
  // frames once more for about 1% less space (2-4% of indexing's CPU).
  if (text_value) j["tv"] = 1;
  auto finish = [&](std::string body) {
    if (!text_value) return j.dump() + '\n' + body;
    *text_value = std::move(body);
    return j.dump() + '\n';
  };
  if (s.text.size() < 256) return finish(s.text);  // a frame would not pay
  // One compression context per thread, kept: making one costs more than a
  // small frame. Each frame carries a checksum, so damage is an error, not
  // wrong text.
  struct FreeContext {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
  };
  thread_local std::unique_ptr<ZSTD_CCtx, FreeContext> context;
  if (!context) {
    context.reset(ZSTD_createCCtx());
    if (!context) throw std::bad_alloc();
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, 1);
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
  }
  std::string body;
  json frames = json::array();
  for (std::size_t at = 0; at < s.text.size(); at += StoredText::text_frame_bytes) {
    const std::size_t n = std::min(StoredText::text_frame_bytes, s.text.size() - at);
    const std::size_t old_size = body.size();
    body.resize(old_size + ZSTD_compressBound(n));
    const std::size_t written =
        ZSTD_compress2(context.get(), &body[old_size], body.size() - old_size, s.text.data() + at, n);
    if (ZSTD_isError(written)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(written));
    body.resize(old_size + written);
    frames.push_back(written);
  }
  j["tz"] = frames;
  j["tn"] = s.text.size();
  return finish(std::move(body));
}

StoredText::StoredText(std::string stored, std::size_t size, std::vector<std::size_t> frames)
    : stored_(std::move(stored)), size_(size) {
  if (frames.empty()) {  // the text as it is
    text_ = std::move(stored_);
    size_ = text_.size();
    return;
  }
  const std::size_t expected = (size + text_frame_bytes - 1) / text_frame_bytes;
  std::size_t at = 0;
  for (std::size_t f : frames) frame_starts_.push_back(at), at += f;
  frame_starts_.push_back(at);
  if (frames.size() != expected || at != stored_.size())
    throw IndexError(ErrorKind::index_corrupt, "unreadable item text in index (frames do not add up)");
  decoded_.assign(frames.size(), false);
  text_.assign(size_, '\0');
}

const std::string& StoredText::with(std::size_t begin, std::size_t end) {
  end = std::min(end, size_);
  if (decoded_.empty() || begin >= end) return text_;
  for (std::size_t f = begin / text_frame_bytes; f <= (end - 1) / text_frame_bytes; ++f) {
    if (decoded_[f]) continue;
    const std::size_t at = f * text_frame_bytes, n = std::min(text_frame_bytes, size_ - at);
    const std::size_t got =
        ZSTD_decompress(&text_[at], n, stored_.data() + frame_starts_[f], frame_starts_[f + 1] - frame_starts_[f]);
    if (ZSTD_isError(got) || got != n)
      throw IndexError(ErrorKind::index_corrupt, "unreadable item text in index (frame " + std::to_string(f) + ")");
    decoded_[f] = true;
  }
  return text_;
}

std::string StoredText::release() {
  all();
  std::string out = std::move(text_);
  *this = StoredText();
  return out;
}

namespace {

Record read_record(const std::string& data, StoredText* text, const Xapian::Document* doc);

// The record with its text and sections.
Record whole_record(const std::string& data, const Xapian::Document* doc) {
  StoredText text;
  Record r = read_record(data, &text, doc);
  r.item.text = text.release();
  for (const Record::Range& range : r.ranges) {
    // The section's own text starts after its heading line.
    const std::string& t = r.item.text;
    std::size_t body = std::min(range.begin + (range.heading.empty() ? 0 : range.heading.size() + 1), range.end);
    std::size_t end = std::min(range.end, t.size());
    r.item.sections.push_back({range.kind, range.heading, t.substr(std::min(body, end), end - std::min(body, end))});
  }
  return r;
}

}  // namespace

Record unserialise(const std::string& data) { return whole_record(data, nullptr); }
Record unserialise(const Xapian::Document& doc) { return whole_record(doc.get_data(), &doc); }
Record unserialise(const std::string& data, StoredText* text) { return read_record(data, text, nullptr); }
Record unserialise(const Xapian::Document& doc, StoredText* text) { return read_record(doc.get_data(), text, &doc); }

namespace {

// An integer in a record's head. A float there is damage, and converting a
// huge float to an integer is undefined behaviour.
template <typename T>
T integer_of(const json& v) {
  if (!v.is_number_integer()) throw IndexError(ErrorKind::index_corrupt, "unreadable item record in index (number)");
  return v.get<T>();
}

template <typename T>
std::vector<T> integers_of(const json& head, const char* key) {
  std::vector<T> out;
  for (const auto& v : head.value(key, json::array())) out.push_back(integer_of<T>(v));
  return out;
}

// The record's head (JSON) into a Record; json::exception on a wrong shape.
// at() rather than [], which does not check bounds on a const array.
Record unserialise_head(const json& j, const std::string& data, std::size_t newline, StoredText* text,
                        const Xapian::Document* doc) {
  Record r;
  StoredItem& s = r.item;
  s.hit.id = j.value("id", "");
  s.hit.source = j.value("src", "");
  s.hit.item_number = j.value("no", "");
  s.hit.title = j.value("title", "");
  s.hit.committees = j.value("com", std::vector<std::string>{});
  s.hit.date = date_of(j.value("date", json()));
  s.hit.case_numbers = j.value("cases", std::vector<std::string>{});
  s.hit.topics = j.value("topics", std::vector<std::string>{});
  s.meeting_committee = j.value("mc", "");
  for (const auto& d : j.value("dec", json::array())) {
    Decision decision{d.at(0).get<std::string>(), date_of(d.at(1)), d.at(2).get<std::string>(),
                      d.at(3).get<std::string>(), d.at(4).get<std::vector<std::string>>()};
    s.hit.decisions.push_back({decision.committee, decision.date, decision.outcome});
    s.decisions.push_back(std::move(decision));
  }
  for (const auto& a : j.value("att", json::array()))
    s.attachments.push_back({integer_of<int>(a.at(0)), a.at(1).get<std::string>(), a.at(2).get<std::string>()});
  s.pages = integers_of<int>(j, "pages");
  s.closed = j.value("closed", false);
  s.metadata = j.value("meta", std::map<std::string, std::string>{});
  for (const auto& g : j.value("ranges", json::array())) {
    r.ranges.push_back({section_kind_of(integer_of<int>(g.at(0))), g.at(1).get<std::string>(),
                        integer_of<std::size_t>(g.at(2)), integer_of<std::size_t>(g.at(3))});
  }
  if (text) {
    std::vector<std::size_t> frames = integers_of<std::size_t>(j, "tz");
    const std::size_t size = j.contains("tn") ? integer_of<std::size_t>(j["tn"]) : 0;
    // "tv": the text is in its own value (format 9), which only a caller
    // with the document can read.
    if (j.contains("tv") && !doc)
      throw IndexError(ErrorKind::index_corrupt, "item record keeps its text in a value, but no document was given");
    *text = StoredText(j.contains("tv") ? doc->get_value(schema::slot_text) : data.substr(newline + 1), size,
                       std::move(frames));
  }
  return r;
}

Record read_record(const std::string& data, StoredText* text, const Xapian::Document* doc) {
  const std::size_t newline = data.find('\n');
  json j =
      json::parse(data.begin(), newline == std::string::npos ? data.end() : data.begin() + static_cast<long>(newline),
                  nullptr, false);
  if (j.is_discarded() || newline == std::string::npos || !j.is_object())
    throw IndexError(ErrorKind::index_corrupt, "unreadable item record in index");
  try {
    return unserialise_head(j, data, newline, text, doc);
  } catch (const json::exception& e) {  // valid JSON of the wrong shape
    throw IndexError(ErrorKind::index_corrupt, std::string("unreadable item record in index: ") + e.what());
  }
}

}  // namespace

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

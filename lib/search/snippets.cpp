#include "search/snippets.hpp"

#include "index/positions.hpp"
#include "index/record.hpp"
#include "index/schema.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <map>

namespace referat::search {
namespace {

// Moves `pos` back to a word boundary (space/newline), at most 30 bytes.
std::size_t back_to_space(const std::string& text, std::size_t pos) {
  std::size_t limit = pos > 30 ? pos - 30 : 0;
  std::size_t p = pos;
  while (p > limit && text[p - 1] != ' ' && text[p - 1] != '\n') --p;
  if (p == limit && limit > 0) p = pos;
  while (p > 0 && !text::is_boundary(text, p)) --p;
  return p;
}

std::size_t forward_to_space(const std::string& text, std::size_t pos) {
  std::size_t limit = std::min(text.size(), pos + 30);
  std::size_t p = pos;
  while (p < limit && text[p] != ' ' && text[p] != '\n') ++p;
  if (p == limit && limit < text.size()) p = pos;
  while (p < text.size() && !text::is_boundary(text, p)) ++p;
  return p;
}

}  // namespace

HitPositions::HitPositions(const Xapian::Database& db, PositionStore store, const Terms& terms,
                           const std::vector<Xapian::docid>& docs)
    : db_(db), store_(store) {
  if (store_ != PositionStore::compact) return;
  std::vector<Xapian::docid> ascending = docs;
  std::sort(ascending.begin(), ascending.end());
  std::set<std::string> all;
  for (const auto& group : terms) all.insert(group.begin(), group.end());
  for (const auto& term : all) {
    Xapian::PostingIterator it = db.postlist_begin(term);
    for (Xapian::docid did : ascending) {
      it.skip_to(did);
      if (it == db.postlist_end(term)) break;
      if (*it == did) present_.emplace(term, did);
    }
  }
}

Matches HitPositions::matches(Xapian::docid did, const Xapian::Document& doc, const Terms& terms) const {
  Matches matched;
  std::vector<std::uint32_t> found;
  const std::string packed = store_ == PositionStore::compact ? doc.get_value(schema::slot_positions) : "";
  index::PositionsReader reader(packed);
  auto collect = [&](const std::string& term, std::size_t t) {
    found.clear();
    if (store_ == PositionStore::compact) {
      if (!present_.count({term, did})) return;
      reader.append_positions(reader.id_of(term), found, schema::title_base);
    } else {
      try {
        for (auto it = db_.positionlist_begin(did, term); it != db_.positionlist_end(did, term); ++it) {
          if (*it < schema::title_base) found.push_back(*it);
        }
      } catch (const Xapian::Error&) {
        return;  // term absent from this document
      }
    }
    for (auto p : found) matched.emplace_back(p, t);
  };
  for (std::size_t t = 0; t < terms.size(); ++t) {
    for (const auto& term : terms[t]) collect(term, t);
  }
  // One entry per position: the first query term found there.
  std::sort(matched.begin(), matched.end());
  matched.erase(
      std::unique(matched.begin(), matched.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
      matched.end());
  return matched;
}

Snippet make_snippet(const Matches& matched, std::size_t term_count, index::StoredText& stored,
                     const std::string& offsets_value, std::size_t max_bytes) {
  Snippet snippet;
  const std::size_t text_size = stored.size();
  if (text_size == 0 || max_bytes == 0) return snippet;
  // Decode only as far as the last matched position.
  auto offsets = index::decode_offsets(offsets_value, matched.empty() ? 0 : matched.back().first + 1);
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte ranges of matches
  std::vector<std::size_t> which;
  for (const auto& [pos, t] : matched) {
    if (pos < offsets.size() && offsets[pos].second <= text_size) {
      spans.push_back(offsets[pos]);
      which.push_back(t);
    }
  }
  // The window of max_bytes holding the most distinct terms, then most matches.
  std::size_t best_start = 0, best_distinct = 0, best_count = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    std::vector<bool> seen(term_count, false);
    std::size_t distinct = 0, count = 0;
    for (std::size_t j = i; j < spans.size() && spans[j].second <= spans[i].first + max_bytes; ++j) {
      if (!seen[which[j]]) seen[which[j]] = true, ++distinct;
      ++count;
    }
    if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
      best_distinct = distinct, best_count = count, best_start = i;
    }
  }
  // Some context before the first match. Only the bytes around the window
  // are read: back_to_space and forward_to_space move at most 30 bytes, and
  // then to a UTF-8 boundary.
  const std::size_t first = spans.empty() ? 0 : spans[best_start].first;
  const std::size_t start = first - std::min<std::size_t>(first, max_bytes / 4);
  const std::string& text = stored.with(start > 64 ? start - 64 : 0, start + max_bytes + 64);
  std::size_t begin = spans.empty() ? 0 : back_to_space(text, start);
  std::size_t end = forward_to_space(text, std::min(text.size(), begin + max_bytes));
  end = std::max(end, begin);
  std::string body = text.substr(begin, end - begin);
  for (char& c : body) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  std::size_t shift = 0;
  if (begin > 0) {
    snippet.text = "…";
    shift = snippet.text.size();
  }
  snippet.text += body;
  for (const auto& [b, e] : spans) {
    if (b >= begin && e <= end) snippet.highlights.emplace_back(b - begin + shift, e - begin + shift);
  }
  if (end < text.size()) snippet.text += "…";
  return snippet;
}

}  // namespace referat::search

#include "index/positions.hpp"

#include "index/schema.hpp"
#include "index/varint.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace referat::index {
namespace {

std::uint64_t width_mask(unsigned width) { return width >= 8 ? ~0ULL : (1ULL << (8 * width)) - 1; }

constexpr std::size_t skip_every = 32;  // terms per block of the skip table

// Widths and salts: the narrowest width where some salt gives the terms
// distinct hashes. Two bytes hold up to about 800 terms (a salt works with
// p ≥ 0.7%, and a failing salt usually fails within the first ~300 terms).
constexpr unsigned max_terms_for_width(unsigned width) {
  return width == 2 ? 800 : width == 3 ? 5000 : width == 4 ? 80000 : ~0u;
}

constexpr unsigned hash2_flag = 0x80;  // in the width byte

// True if `hash(i, salt, width)` of the terms i < n, left in `hashes`, are
// distinct: checked in the bit set `seen` (65,536 bits, left cleared) for
// width 2, stopping at the first clash; by sorting for wider hashes.
template <typename Hash>
bool distinct_hashes(std::size_t n, const Hash& hash, unsigned salt, unsigned width, std::vector<std::uint64_t>& hashes,
                     std::vector<std::uint64_t>& seen) {
  hashes.clear();
  if (width == 2) {
    bool distinct = true;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t h = hash(i, salt, width);
      if (seen[h >> 6] & (1ULL << (h & 63))) {
        distinct = false;
        break;
      }
      seen[h >> 6] |= 1ULL << (h & 63);
      hashes.push_back(h);
    }
    for (std::uint64_t h : hashes) seen[h >> 6] = 0;  // cheaper than clearing 8 KB per salt
    return distinct;
  }
  for (std::size_t i = 0; i < n; ++i) hashes.push_back(hash(i, salt, width));
  std::vector<std::uint64_t> sorted = hashes;
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

// The narrowest width, and a salt, at which `hash` gives the n terms
// distinct values (left in `hashes`); width 0 if none does.
template <typename Hash>
std::pair<unsigned, unsigned> choose_salt(std::size_t n, const Hash& hash, std::vector<std::uint64_t>& hashes) {
  std::vector<std::uint64_t> seen(65536 / 64, 0);
  for (unsigned width : {2u, 3u, 4u, 8u}) {
    if (n > max_terms_for_width(width)) continue;
    for (unsigned salt = 0; salt < 256; ++salt) {
      if (distinct_hashes(n, hash, salt, width, hashes, seen)) return {width, salt};
    }
  }
  return {0, 0};
}

// FNV-1a over `term` from `start`: hash 1 seeds the salt into `start`, hash 2
// starts from the plain basis.
constexpr std::uint64_t fnv_basis = 0xcbf29ce484222325ULL;
std::uint64_t fnv1a(std::string_view term, std::uint64_t start) {
  for (unsigned char c : term) start = (start ^ c) * 0x100000001b3ULL;
  return start;
}

std::uint64_t splitmix_finish(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// Reads the record at `pos` (one term's positions), appending those below
// `limit` to `out` when given. False on truncated data.
bool read_record(std::string_view data, std::size_t& pos, std::uint32_t limit, std::vector<std::uint32_t>* out) {
  std::uint64_t head = 0, more = 0, delta = 0;
  if (!get_varint(data, pos, head)) return false;
  std::uint64_t position = head >> 1;
  if (out && position < limit) out->push_back(static_cast<std::uint32_t>(position));
  if (!(head & 1)) return true;
  if (!get_varint(data, pos, more)) return false;
  for (std::uint64_t k = 0; k < more; ++k) {
    if (!get_varint(data, pos, delta)) return false;
    position += delta;
    if (out && position < limit) out->push_back(static_cast<std::uint32_t>(position));
  }
  return true;
}

}  // namespace

std::uint64_t position_term_hash(std::string_view term, unsigned salt, unsigned width) {
  const std::uint64_t h = fnv1a(term, fnv_basis ^ (static_cast<std::uint64_t>(salt + 1) * 0x9e3779b97f4a7c15ULL));
  // splitmix64's finaliser: FNV alone leaves the low bytes poorly mixed.
  return splitmix_finish(h) & width_mask(width);
}

std::uint64_t position_term_base(std::string_view term) { return fnv1a(term, fnv_basis); }

std::uint64_t position_salted_hash(std::uint64_t base, unsigned salt, unsigned width) {
  return splitmix_finish(base + (static_cast<std::uint64_t>(salt) + 1) * 0x9e3779b97f4a7c15ULL) & width_mask(width);
}

void PositionsWriter::add(std::uint32_t position, std::string_view term) {
  auto [it, inserted] = ids_.try_emplace(std::string(term), 0);
  if (inserted) it->second = id_of(&it->first);
  add(position, it->second);
}

std::uint32_t PositionsWriter::id_of(const std::string* term) {
  terms_.push_back(term);
  return static_cast<std::uint32_t>(terms_.size() - 1);
}

void PositionsWriter::add(std::uint32_t position, std::uint32_t id) {
  for (auto e = entries_.rbegin(); e != entries_.rend() && e->position == position; ++e) {
    if (e->id == id) return;
  }
  entries_.push_back({position, id});
}

std::string PositionsWriter::encode() const {
  std::vector<std::uint64_t> bases, hashes;
  bases.reserve(terms_.size());
  for (const std::string* t : terms_) bases.push_back(position_term_base(*t));
  auto [width, salt] = choose_salt(
      bases.size(), [&](std::size_t i, unsigned s, unsigned w) { return position_salted_hash(bases[i], s, w); },
      hashes);
  unsigned hash_flag = hash2_flag;
  if (!width) {  // two terms share a salt-free hash (p < 1e-9 at 100,000 terms): hash 1
    std::tie(width, salt) = choose_salt(
        terms_.size(), [&](std::size_t i, unsigned s, unsigned w) { return position_term_hash(*terms_[i], s, w); },
        hashes);
    hash_flag = 0;
  }
  if (!width) throw std::logic_error("no salt gives distinct position hashes");  // p < 1e-30
  // Each term's positions, one after another in `positions` from
  // starts[id] (a vector per term was ~700 allocations per Europarl item);
  // entries come body first, then title, each ascending (see add()), so
  // every term's run ascends.
  std::vector<std::uint32_t> starts(terms_.size() + 1, 0), positions(entries_.size());
  for (const Entry& e : entries_) ++starts[e.id + 1];
  for (std::size_t i = 1; i < starts.size(); ++i) starts[i] += starts[i - 1];
  {
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    for (const Entry& e : entries_) positions[next[e.id]++] = e.position;
  }
  std::vector<std::uint32_t> order(terms_.size());  // local id - 1 → index in terms_
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return hashes[a] < hashes[b]; });

  std::string out;
  out += static_cast<char>(width | hash_flag);
  out += static_cast<char>(salt);
  put_varint(out, terms_.size());
  for (std::uint32_t i : order) put_fixed(out, hashes[i], width);
  std::string records;
  std::vector<std::uint32_t> skips;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && k % skip_every == 0) skips.push_back(static_cast<std::uint32_t>(records.size()));
    const std::uint32_t* list = &positions[starts[order[k]]];
    const std::size_t size = starts[order[k] + 1] - starts[order[k]];
    put_varint(records, (static_cast<std::uint64_t>(list[0]) << 1) | (size > 1 ? 1 : 0));
    if (size > 1) {
      put_varint(records, size - 1);
      for (std::size_t p = 1; p < size; ++p) put_varint(records, list[p] - list[p - 1]);
    }
  }
  for (std::uint32_t s : skips) put_fixed(out, s, 4);
  out += records;
  return out;
}

PositionsReader::PositionsReader(std::string_view data) : data_(data) {
  if (data.size() < 3) return;
  const bool hash2 = static_cast<unsigned char>(data[0]) & hash2_flag;
  const unsigned width = static_cast<unsigned char>(data[0]) & ~hash2_flag;
  if (width != 2 && width != 3 && width != 4 && width != 8) return;
  std::size_t pos = 2;
  std::uint64_t n = 0;
  if (!get_varint(data, pos, n) || n > (data.size() - pos) / width) return;
  const std::size_t skip_count = n > 0 ? (n - 1) / skip_every : 0;
  if (skip_count * 4 > data.size() - pos - n * width) return;
  salt_ = static_cast<unsigned char>(data[1]);
  terms_ = static_cast<std::size_t>(n);
  dictionary_ = pos;
  skips_ = pos + terms_ * width;
  records_ = skips_ + skip_count * 4;
  width_ = width;
  salted_base_ = hash2;
}

std::uint64_t PositionsReader::hash_at(std::size_t index) const {
  return get_fixed(data_.data() + dictionary_ + index * width_, width_);
}

std::uint32_t PositionsReader::id_of(std::string_view term) const {
  if (width_ == 0) return 0;
  const std::uint64_t h = salted_base_ ? position_salted_hash(position_term_base(term), salt_, width_)
                                       : position_term_hash(term, salt_, width_);
  std::size_t low = 0, high = terms_;  // binary search: the hashes ascend
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (hash_at(mid) < h)
      low = mid + 1;
    else
      high = mid;
  }
  return low < terms_ && hash_at(low) == h ? static_cast<std::uint32_t>(low + 1) : 0;
}

void PositionsReader::append_positions(std::uint32_t id, std::vector<std::uint32_t>& out, std::uint32_t limit) const {
  if (width_ == 0 || id == 0 || id > terms_) return;
  const std::size_t index = id - 1, block = index / skip_every;
  std::size_t pos = records_;
  if (block > 0) {
    const std::uint64_t offset = get_fixed(data_.data() + skips_ + (block - 1) * 4, 4);
    if (offset > data_.size() - records_) return;
    pos += offset;
  }
  for (std::size_t skip = index % skip_every; skip > 0; --skip) {  // the records before it in its block
    if (!read_record(data_, pos, limit, nullptr)) return;
  }
  read_record(data_, pos, limit, &out);
}

}  // namespace referat::index

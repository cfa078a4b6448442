#include <referat/error.hpp>
#include <referat/search.hpp>

#include "common/files.hpp"
#include "index/document_builder.hpp"
#include "index/filter_terms.hpp"
#include "index/record.hpp"
#include "index/schema.hpp"
#include "minutes/topics.hpp"
#include "query/query_ast.hpp"
#include "search/compile.hpp"
#include "search/facets.hpp"
#include "search/snippets.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>

namespace fs = std::filesystem;

namespace referat {
namespace {

// The documents a search matched. Searches run with checkatleast =
// doccount, so every match is seen: facet counts are exact.
class MatchedDocs final : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override { docs.push_back(doc.get_docid()); }
  std::vector<Xapian::docid> docs;
};

// Days since 0000-03-01 for a YYYYMMDD value (a civil-calendar day count).
long day_number(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return 0;
  long y = std::stol(yyyymmdd.substr(0, 4)), m = std::stol(yyyymmdd.substr(4, 2)), d = std::stol(yyyymmdd.substr(6, 2));
  if (m < 3) y -= 1, m += 12;
  return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

// Extra weight for newer items: weight × 0.5^(age in years), the age counted
// from the newest date in the index.
class RecencySource final : public Xapian::ValuePostingSource {
 public:
  explicit RecencySource(double weight) : Xapian::ValuePostingSource(schema::slot_date), weight_(weight) {}
  void init(const Xapian::Database& database) override {
    Xapian::ValuePostingSource::init(database);
    newest_ = day_number(database.get_value_upper_bound(schema::slot_date));
    set_maxweight(weight_);
  }
  double get_weight() const override {
    const long age = std::max(0L, newest_ - day_number(get_value()));
    return weight_ * std::pow(0.5, static_cast<double>(age) / 365.25);
  }
  RecencySource* clone() const override { return new RecencySource(weight_); }
  std::string name() const override { return "referat::RecencySource"; }

 private:
  double weight_;
  long newest_ = 0;
};

[[noreturn]] void rethrow(const Xapian::Error& e, const std::string& path) {
  std::string type = e.get_type();
  if (type == "DatabaseNotFoundError" || (type == "DatabaseOpeningError" && !fs::exists(path))) {
    throw IndexError(ErrorKind::index_missing, "no index at " + path + " (run `referat index` first)");
  }
  if (type == "DatabaseCorruptError" || type == "DatabaseOpeningError" || type == "DatabaseVersionError") {
    throw IndexError(ErrorKind::index_corrupt, "index at " + path + " cannot be read (" + type + "): " + e.get_msg());
  }
  throw IndexError(ErrorKind::io, "index error (" + type + "): " + e.get_msg());
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::u32string u32(const std::string& s) {
  std::u32string out;
  for (std::size_t p = 0; p < s.size();) out += text::next_code_point(s, p);
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

std::string period_of(const std::string& yyyymmdd, Period by) {
  if (yyyymmdd.size() != 8) return {};
  std::string y = yyyymmdd.substr(0, 4), m = yyyymmdd.substr(4, 2);
  switch (by) {
    case Period::year: return y;
    case Period::quarter: return y + "-Q" + std::to_string((std::stoi(m) - 1) / 3 + 1);
    case Period::month: return y + "-" + m;
  }
  return y;
}

// Every period from `first` to `last` (inclusive), so empty periods show as 0.
std::vector<std::string> periods_between(const std::string& first, const std::string& last, Period by) {
  std::vector<std::string> out;
  if (first.size() != 8 || last.size() != 8) return out;
  int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(4, 2));
  const std::string end = period_of(last, by);
  for (int guard = 0; guard < 5000; ++guard) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d01", y, m);
    std::string p = period_of(buf, by);
    if (out.empty() || out.back() != p) out.push_back(p);
    if (p == end) break;
    int step = by == Period::month ? 1 : by == Period::quarter ? 3 : 12;
    m += step;
    while (m > 12) m -= 12, ++y;
    if (by == Period::quarter) m = (m - 1) / 3 * 3 + 1;
    if (by == Period::year) m = 1;
  }
  return out;
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  Analyzer analyzer;
  CommitteeTable committees;
  std::vector<Topic> topics;
  minutes::Resolver resolver{committees, topics};
  PositionStore positions = PositionStore::compact;
  // Checks phrase and NEAR candidates and counts facets on a second core.
  std::unique_ptr<search::SecondReader> second;
  search::FacetCounter facets{
      {schema::slot_committees, schema::slot_topics, schema::slot_year, schema::slot_outcomes, schema::slot_date}};

  Impl(const std::string& p, const AnalyzerOptions& a, const ParseOptions& parse)
      : path(p),
        analyzer(a),
        committees(CommitteeTable::load(minutes::data_file(parse.data_dir, "committees.tsv"))),
        topics(load_topics(minutes::data_file(parse.data_dir, "topics.tsv"))) {
    if (!fs::exists(p)) throw IndexError(ErrorKind::index_missing, "no index at " + p + " (run `referat index` first)");
    try {
      db = Xapian::Database(p);
      const std::string problem =
          schema::format_problem(db.get_metadata(std::string(schema::format_key)), db.get_doccount());
      if (!problem.empty()) throw IndexError(ErrorKind::index_corrupt, p + ": " + problem);
      positions = schema::position_store(db.get_metadata(std::string(schema::positions_key)));
    } catch (const Xapian::Error& e) {
      rethrow(e, p);
    }
    set_threads(0);
  }

  void set_threads(unsigned threads) {
    if (threads == 0) threads = std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
    const bool wanted = threads >= 2;
    if (!wanted)
      second.reset();
    else if (!second)
      second = std::make_unique<search::SecondReader>(path);
  }

  // Request filters as one boolean query per facet (so each can be left out
  // for disjunctive counts).
  struct Filters {
    Xapian::Query committee, topic, decision, cases, dates;
  };

  Filters filters(const SearchRequest& r) {
    // Xapian makes a reversed value range an empty query, which apply()
    // would read as no filter at all.
    if (r.from && r.to && *r.to < *r.from)
      throw Error(ErrorKind::invalid_argument,
                  "date range starts after it ends: from " + r.from->iso() + " to " + r.to->iso());
    Filters f;
    auto any = [](const std::vector<std::string>& terms) {
      std::vector<Xapian::Query> q;
      for (const auto& t : terms) q.emplace_back(t);
      return q.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
    };
    std::vector<std::string> terms;
    for (const auto& c : r.committees) terms.push_back(resolver.committee_term(c));
    f.committee = any(terms);
    terms.clear();
    for (const auto& t : r.topics) {
      std::string term = resolver.topic_term(t);
      if (term.empty()) throw Error(ErrorKind::invalid_argument, "unknown topic '" + t + "'");
      terms.push_back(term);
    }
    f.topic = any(terms);
    terms.clear();
    for (const auto& d : r.decisions) terms.push_back(index::outcome_term(d));
    f.decision = any(terms);
    terms.clear();
    for (const auto& c : r.cases) terms.push_back(index::case_term(c));
    f.cases = any(terms);
    std::string from = r.from ? std::to_string(r.from->key()) : "", to = r.to ? std::to_string(r.to->key()) : "";
    if (!from.empty() && !to.empty())
      f.dates = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, from, to);
    else if (!from.empty())
      f.dates = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, from);
    else if (!to.empty())
      f.dates = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot_date, to);
    return f;
  }

  static Xapian::Query apply(Xapian::Query q, std::initializer_list<const Xapian::Query*> filters) {
    for (const Xapian::Query* f : filters) {
      if (!f->empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, *f);
    }
    return q;
  }

  Hit hit_of(const Xapian::Document& doc) { return index::unserialise(doc, nullptr).item.hit; }

  std::optional<std::string> suggest(const std::vector<std::string>& words, const std::string& query_text) {
    std::string suggestion = query_text;
    bool changed = false;
    for (const auto& w : words) {
      std::string folded = text::fold(w);
      if (folded.size() < 4 || db.get_termfreq(folded) > 0) continue;
      bool has_lemma = false;
      for (const auto& l : analyzer.lemmas_of(folded)) {
        for (const auto& term : search::lemma_index_terms(analyzer, db, l)) has_lemma |= db.get_termfreq(term) > 0;
      }
      if (has_lemma) continue;
      std::u32string target = u32(folded);
      std::string first_char = folded.substr(0, text::utf8_truncate(folded, folded[0] & 0x80 ? 2 : 1));
      std::string best;
      Xapian::doccount best_freq = 0;
      for (auto it = db.allterms_begin(first_char); it != db.allterms_end(first_char); ++it) {
        const std::string& term = *it;
        if (term.size() + 3 < folded.size() || term.size() > folded.size() + 3) continue;
        Xapian::doccount freq = it.get_termfreq();
        if (freq <= best_freq || freq < 2) continue;
        if (edit_distance(target, u32(term)) <= (target.size() > 7 ? 2u : 1u)) best = term, best_freq = freq;
      }
      if (!best.empty()) {
        std::size_t p = suggestion.find(w);
        if (p != std::string::npos) suggestion.replace(p, w.size(), best), changed = true;
      }
    }
    if (!changed) return std::nullopt;
    return suggestion;
  }

  SearchResult run(const SearchRequest& r, const std::string& query_text) {
    SearchResult result;
    result.query = query_text;
    result.offset = r.offset;
    auto tree = query::parse(query_text, resolver);
    search::Compiled compiled = search::compile(*tree, analyzer, db, positions, second.get());
    Filters f = filters(r);
    Xapian::Query full = apply(compiled.query, {&f.committee, &f.topic, &f.decision, &f.cases, &f.dates});
    Xapian::Enquire enquire(db);
    // BM25 with the usual k1 = 1.2, b = 0.75 (Lucene, SQLite FTS5) and a low
    // length floor: Xapian's defaults (b = 0.5, floor 0.5) let a long debate
    // that repeats a word outrank the short item that is about it (a 2nd
    // reading, a decision); bench/relevance measured P@10 0.27 → 0.32.
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.1));
    if (r.recency_weight > 0) {
      full = Xapian::Query(Xapian::Query::OP_AND_MAYBE, full,
                           Xapian::Query((new RecencySource(r.recency_weight))->release()));
    }
    enquire.set_query(full);
    const Xapian::doccount all = std::max<Xapian::doccount>(1, db.get_doccount());
    switch (r.sort) {
      case SortOrder::relevance: break;
      case SortOrder::date_ascending: enquire.set_sort_by_value_then_relevance(schema::slot_date, false); break;
      case SortOrder::date_descending: enquire.set_sort_by_value_then_relevance(schema::slot_date, true); break;
    }
    if (r.collapse == Collapse::by_case) enquire.set_collapse_key(schema::slot_case);
    if (r.collapse == Collapse::by_meeting) enquire.set_collapse_key(schema::slot_meeting);
    MatchedDocs matched;
    if (r.facets) enquire.add_matchspy(&matched);
    Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(r.offset), static_cast<Xapian::doccount>(r.limit), all);
    result.total = mset.get_matches_estimated();
    double max_weight = mset.get_max_attained();
    std::vector<Xapian::docid> shown;
    for (auto it = mset.begin(); it != mset.end(); ++it) shown.push_back(*it);
    search::HitPositions::Terms snippet_terms = compiled.highlight_terms;
    snippet_terms.insert(snippet_terms.end(), compiled.part_terms.begin(), compiled.part_terms.end());
    const search::HitPositions where(db, positions, r.snippet_bytes ? snippet_terms : search::HitPositions::Terms(),
                                     shown);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      index::StoredText text;  // read only as far as the snippet needs
      index::Record record = index::unserialise(doc, &text);
      Hit hit = std::move(record.item.hit);
      hit.score = max_weight > 0 ? it.get_weight() / max_weight : 0.0;
      hit.collapsed = it.get_collapse_count();
      if (r.snippet_bytes) {
        const std::string offsets = doc.get_value(schema::slot_offsets_packed);
        auto snippet_of = [&](const search::HitPositions::Terms& terms) {
          return search::make_snippet(where.matches(*it, doc, terms), terms.size(), text, offsets, r.snippet_bytes);
        };
        hit.snippet = snippet_of(compiled.highlight_terms);
        if (hit.snippet.highlights.empty() && !compiled.part_terms.empty())
          hit.snippet = snippet_of(compiled.part_terms);
      }
      result.hits.push_back(std::move(hit));
    }
    if (r.facets) {
      const search::FacetCounts counts = count_facets(
          matched.docs, {schema::slot_committees, schema::slot_topics, schema::slot_year, schema::slot_outcomes});
      result.facets.committee = counts.values(0);
      result.facets.topic = counts.values(1);
      result.facets.year = counts.values(2, true);
      result.facets.decision = counts.values(3);
      // Disjunctive: a facet with an active filter counts without it.
      auto recount = [&](Xapian::valueno slot, std::vector<FacetValue>& out,
                         std::initializer_list<const Xapian::Query*> others) {
        Xapian::Enquire e(db);
        e.set_query(apply(compiled.query, others));
        MatchedDocs one;
        e.add_matchspy(&one);
        e.get_mset(0, 0, all);
        out = count_facets(one.docs, {slot}).values(0);
      };
      if (!f.committee.empty())
        recount(schema::slot_committees, result.facets.committee, {&f.topic, &f.decision, &f.cases, &f.dates});
      if (!f.topic.empty())
        recount(schema::slot_topics, result.facets.topic, {&f.committee, &f.decision, &f.cases, &f.dates});
      if (!f.decision.empty())
        recount(schema::slot_outcomes, result.facets.decision, {&f.committee, &f.topic, &f.cases, &f.dates});
    }
    if (result.total < 5 && !compiled.words.empty()) result.suggestion = suggest(compiled.words, query_text);
    return result;
  }

  search::FacetCounts count_facets(std::vector<Xapian::docid>& docs, const std::vector<Xapian::valueno>& slots) {
    return facets.count(db, docs, slots, second.get());
  }

  // The hits of `text` in place of a query that had none, with a note; empty
  // when `text` has none either.
  std::optional<SearchResult> shown_instead(const SearchRequest& r, const std::string& text, const std::string& why) {
    SearchResult retry = run(r, text);
    if (retry.total == 0) return std::nullopt;
    retry.notes.push_back("no hits for '" + r.query + "'; showing hits for '" + text + "'" + why);
    return retry;
  }

  SearchResult search(const SearchRequest& r) {
    SearchResult result = run(r, r.query);
    if (result.total > 0) return result;
    // A query typed without æøå: retry with ae→æ, oe→ø, aa→å.
    const std::string folded = text::fold(r.query);
    const std::string variant = replace_all(replace_all(replace_all(folded, "ae", "æ"), "oe", "ø"), "aa", "å");
    if (variant != folded) {
      if (auto retry = shown_instead(r, variant, " (ae/oe/aa read as æ/ø/å)")) {
        retry->suggestion.reset();
        return *retry;
      }
    }
    // A much more frequent spelling: show its hits, as a user would have
    // retyped it; the suggestion stays so a UI can say so.
    if (result.suggestion && r.correct_spelling) {
      if (auto retry = shown_instead(r, *result.suggestion, "")) {
        retry->suggestion = result.suggestion;
        retry->query = r.query;
        return *retry;
      }
    }
    return result;
  }

  template <typename F>
  auto guarded(F&& f) -> decltype(f()) {
    for (int attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= 2) throw IndexError(ErrorKind::io, "index kept changing during the search; try again");
        db.reopen();  // a writer committed meanwhile
      } catch (const Xapian::Error& e) {
        rethrow(e, path);
      }
    }
  }
};

Searcher::Searcher(const std::string& path, const AnalyzerOptions& analyzer, const ParseOptions& parser)
    : impl_(std::make_unique<Impl>(path, analyzer, parser)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
  return impl_->guarded([&] { return impl_->search(request); });
}

Facets Searcher::facets(const SearchRequest& request) {
  SearchRequest r = request;
  r.limit = 0;
  r.facets = true;
  r.snippet_bytes = 0;
  return search(r).facets;
}

std::optional<StoredItem> Searcher::item(const std::string& id) {
  return impl_->guarded([&]() -> std::optional<StoredItem> {
    const std::string term = std::string(schema::id) + id;
    auto it = impl_->db.postlist_begin(term);
    if (it == impl_->db.postlist_end(term)) return std::nullopt;
    return index::unserialise(impl_->db.get_document(*it)).item;
  });
}

std::vector<StoredItem> Searcher::all_items(const SearchRequest& request) {
  return impl_->guarded([&] {
    SearchRequest r = request;
    r.offset = 0;
    r.limit = impl_->db.get_doccount();
    r.facets = false;
    r.snippet_bytes = 0;
    r.sort = SortOrder::date_ascending;
    std::vector<StoredItem> items;
    auto tree = query::parse(r.query, impl_->resolver);
    auto compiled = search::compile(*tree, impl_->analyzer, impl_->db, impl_->positions, impl_->second.get());
    auto f = impl_->filters(r);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Impl::apply(compiled.query, {&f.committee, &f.topic, &f.decision, &f.cases, &f.dates}));
    enquire.set_sort_by_value_then_relevance(schema::slot_date, false);
    Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(1, impl_->db.get_doccount()));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      items.push_back(index::unserialise(it.get_document()).item);
    }
    return items;
  });
}

IndexStats Searcher::stats() {
  return impl_->guarded([&] {
    IndexStats s;
    s.path = impl_->path;
    s.positions = impl_->positions;
    Xapian::Database& db = impl_->db;
    s.format = db.get_metadata(std::string(schema::format_key));
    s.items = db.get_doccount();
    const std::string m(schema::meeting);
    for (auto it = db.allterms_begin(m); it != db.allterms_end(m); ++it) ++s.meetings;
    const std::string f(schema::file_hash_key);
    for (auto it = db.metadata_keys_begin(f); it != db.metadata_keys_end(f); ++it) ++s.files;
    SearchRequest r;
    r.limit = 0;
    r.snippet_bytes = 0;
    s.committees = impl_->search(r).facets.committee;
    std::string lo = db.get_value_lower_bound(schema::slot_date), hi = db.get_value_upper_bound(schema::slot_date);
    if (lo.size() == 8)
      s.first = Date{std::stoi(lo.substr(0, 4)), std::stoi(lo.substr(4, 2)), std::stoi(lo.substr(6, 2))};
    if (hi.size() == 8)
      s.last = Date{std::stoi(hi.substr(0, 4)), std::stoi(hi.substr(4, 2)), std::stoi(hi.substr(6, 2))};
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(impl_->path, ec)) {
      if (e.is_regular_file(ec)) s.size_bytes += e.file_size(ec);
    }
    return s;
  });
}

std::vector<TrendSeries> Searcher::trends(const TrendRequest& request) {
  return impl_->guarded([&] {
    Impl& m = *impl_;
    SearchRequest base;
    base.from = request.from;
    base.to = request.to;
    std::vector<std::string> committee_groups;
    if (request.split_by_committee) committee_groups = request.committees;
    if (committee_groups.empty()) committee_groups.push_back("");     // one group: the filter as given
    std::vector<std::pair<std::string, std::string>> series_queries;  // label, query
    for (const auto& t : request.topics) {
      // The series is the resolved topic id: a topic named by its label
      // ("Budget og økonomi") became the query `emne:budget og økonomi`,
      // which is the topic `budget` AND the word `økonomi`.
      const std::string id = m.resolver.topic_id(t);
      if (id.empty()) throw Error(ErrorKind::invalid_argument, "unknown topic '" + t + "'");
      const bool plain = id.find_first_of(" \t\"()") == std::string::npos;
      series_queries.emplace_back("emne:" + id, plain ? "emne:" + id : "emne:\"" + id + "\"");
    }
    for (const auto& q : request.queries) series_queries.emplace_back(q, q);
    if (series_queries.empty()) series_queries.emplace_back("alle", "");

    auto count_by_period = [&](const Xapian::Query& q) {
      Xapian::Enquire e(m.db);
      e.set_query(q);
      MatchedDocs matched;
      e.add_matchspy(&matched);
      e.get_mset(0, 0, std::max<Xapian::doccount>(1, m.db.get_doccount()));
      std::map<std::string, std::size_t> counts;
      const search::FacetCounts by_date = m.count_facets(matched.docs, {schema::slot_date});
      for (const auto& [date, c] : by_date.counts(0)) counts[period_of(date, request.by)] += c;
      return counts;
    };
    std::string first =
        request.from ? std::to_string(request.from->key()) : m.db.get_value_lower_bound(schema::slot_date);
    std::string last = request.to ? std::to_string(request.to->key()) : m.db.get_value_upper_bound(schema::slot_date);
    std::vector<std::string> periods = periods_between(first, last, request.by);

    std::vector<TrendSeries> out;
    for (const auto& group : committee_groups) {
      SearchRequest r = base;
      if (!group.empty())
        r.committees = {group};
      else
        r.committees = request.split_by_committee ? std::vector<std::string>{} : request.committees;
      auto f = m.filters(r);
      auto totals = count_by_period(Impl::apply(Xapian::Query::MatchAll, {&f.committee, &f.dates}));
      for (const auto& [label, q] : series_queries) {
        auto tree = query::parse(q, m.resolver);
        auto compiled = search::compile(*tree, m.analyzer, m.db, m.positions, m.second.get());
        auto counts = count_by_period(Impl::apply(compiled.query, {&f.committee, &f.dates}));
        TrendSeries s;
        s.label = group.empty() ? label : label + " · " + m.committees.canonical(group);
        s.query = q;
        for (const auto& p : periods) {
          TrendPoint point;
          point.period = p;
          point.count = counts.count(p) ? counts.at(p) : 0;
          point.total = totals.count(p) ? totals.at(p) : 0;
          point.share = point.total ? static_cast<double>(point.count) / static_cast<double>(point.total) : 0.0;
          s.points.push_back(point);
        }
        out.push_back(std::move(s));
      }
    }
    return out;
  });
}

std::vector<CaseEvent> Searcher::case_timeline(const std::string& case_number) {
  SearchRequest r;
  r.cases = {case_number};
  std::vector<CaseEvent> events;
  for (const auto& item : all_items(r)) {
    if (item.decisions.empty()) {
      events.push_back({item.hit.date, item.hit.committees.empty() ? "" : item.hit.committees.front(), item.hit.id,
                        item.hit.title, ""});
    }
    for (const auto& d : item.decisions) {
      events.push_back({d.date, d.committee, item.hit.id, item.hit.title, d.outcome});
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const CaseEvent& a, const CaseEvent& b) { return a.date < b.date; });
  // The same decision can come from several files (the item is re-published
  // at each meeting): keep one.
  events.erase(std::unique(events.begin(), events.end(),
                           [](const CaseEvent& a, const CaseEvent& b) {
                             return a.date == b.date && a.committee == b.committee && a.outcome == b.outcome;
                           }),
               events.end());
  return events;
}

void Searcher::set_threads(unsigned threads) { impl_->set_threads(threads); }

void Searcher::reopen() {
  try {
    impl_->db.reopen();
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path);
  }
}

}  // namespace referat

// Raw Xapian peer, the floor referat builds on: TermGenerator +
// Stem("danish") + positions; QueryParser, ValueCountMatchSpy for facets and
// MSet::snippet for highlights. The date is in value slot 0 (ISO text).
#include <xapian.h>

#include <filesystem>

#include "engines.hpp"
#include "stats.hpp"

namespace bench {
namespace {

class XapianEngine : public Engine {
 public:
  explicit XapianEngine(const std::string& where) : db_(where) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("danish"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
  }

  Answer search(const std::string& query, const DateFilter& extra, const SearchWork& work) override {
    Answer answer;
    PeerQuery q = parse_peer_query(query);
    if (!q.root) return answer;
    Xapian::Query parsed;
    try {
      parsed = parser_.parse_query(to_xapian_text(*q.root),
                                   Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
    } catch (const Xapian::QueryParserError&) {
      return answer;  // a user would see no hits
    }
    const DateFilter dates = intersect(q.dates, extra);
    if (!dates.empty()) {
      Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, 0, dates.from, dates.to.empty() ? "9999" : dates.to);
      parsed = Xapian::Query(Xapian::Query::OP_FILTER, parsed, range);
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed);
    // Facet-equivalent: an exact count and a value count over all matches.
    Xapian::ValueCountMatchSpy spy(0);
    if (work.facets_and_snippets) enquire.add_matchspy(&spy);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(work.limit), db_.get_doccount());
    answer.total = mset.get_matches_estimated();  // exact: check_at_least covers every document
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      if (work.facets_and_snippets) (void)mset.snippet(doc.get_data(), 240, stemmer_);
      answer.ids.push_back(doc.get_value(1));
    }
    return answer;
  }

 private:
  Xapian::Database db_;
  Xapian::QueryParser parser_;
  Xapian::Stem stemmer_{"danish"};
};

}  // namespace

IndexFigures index_xapian(const std::vector<Record>& records, const std::string& where) {
  std::filesystem::remove_all(where);
  IndexFigures figures;
  const double start = now_seconds();
  {
    Xapian::WritableDatabase wdb(where, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("danish"));
    for (const auto& r : records) {
      Xapian::Document doc;
      index_with_termgenerator(generator, doc, r);
      doc.add_value(0, r.date);
      doc.add_value(1, r.id);
      doc.set_data(r.title + "\n" + r.text);  // both engines store the text for snippets
      wdb.add_document(doc);
    }
    wdb.commit();
  }
  figures.seconds = now_seconds() - start;
  figures.items = records.size();
  figures.bytes = folder_bytes(where);
  const double t0 = now_seconds();
  Xapian::Database(where).compact(where + ".compact");
  figures.compact_seconds = now_seconds() - t0;
  figures.compact_bytes = folder_bytes(where + ".compact");
  std::filesystem::remove_all(where);
  std::filesystem::rename(where + ".compact", where);  // searched compacted, like referat
  return figures;
}

std::unique_ptr<Engine> open_xapian(const std::string& where) { return std::make_unique<XapianEngine>(where); }

}  // namespace bench

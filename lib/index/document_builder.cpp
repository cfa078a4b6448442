#include "index/document_builder.hpp"

#include "index/filter_terms.hpp"
#include "index/positions.hpp"
#include "index/record.hpp"
#include "index/schema.hpp"
#include "query/terms.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace referat::index {
namespace {

std::string packed(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += schema::multi_separator;
    out += v;
  }
  return out;
}

std::string_view field_prefix(SectionKind kind) {
  switch (kind) {
    case SectionKind::indstilling: return schema::indstilling;
    case SectionKind::beslutning:
    case SectionKind::referat: return schema::beslutning;
    case SectionKind::sagsfremstilling:
    case SectionKind::resume: return schema::sagsfremstilling;
    default: return {};
  }
}

// Xapian rejects terms over 245 bytes; values from input files can be longer.
std::string bounded(const std::string& term) { return term.substr(0, text::utf8_truncate(term, 240)); }

bool positional_lemma(TermKind kind) { return kind == TermKind::lemma || kind == TermKind::part; }

// A document's terms on their way into the Xapian::Document. Each distinct
// term is looked up here once per occurrence (one hash, no allocation) and
// goes to Xapian once with its summed wdf: Xapian's Document keeps a
// std::map, and a tree walk per occurrence was a measurable share of
// indexing. Positions go to the document's packed value
// (PositionStore::compact, index/positions.hpp) or Xapian's position table.
class DocumentTerms {
 public:
  DocumentTerms(Xapian::Document& doc, const DocumentLayout& layout, std::vector<LemmaForm>& forms)
      : doc_(doc), store_(layout.positions), lemmas_under_forms_(layout.lemmas_under_forms), forms_(forms) {}

  // `prefix` + `text` occurs `wdf` times; at `position` if positioned.
  // Returns whether the term is new in this document.
  bool add(std::string_view prefix, const std::string& text, std::uint32_t position, Xapian::termcount wdf,
           bool positioned) {
    key_.assign(prefix).append(text);
    if (positioned && store_ == PositionStore::xapian) {
      const bool fresh = seen_.insert(key_).second;
      doc_.add_posting(key_, position, wdf);
      return fresh;
    }
    auto [it, inserted] = index_.try_emplace(key_, static_cast<std::uint32_t>(slots_.size()));
    if (inserted) slots_.push_back({&it->first, 0, no_id});
    Slot& slot = slots_[it->second];
    slot.wdf += wdf;
    if (positioned) {
      if (slot.position_id == no_id) slot.position_id = positions_.id_of(slot.term);
      positions_.add(position, slot.position_id);
    }
    return inserted;
  }

  // One term of `token` (its surface term comes first). A lemma that the
  // word alone gives gets no Z term: where the word is written in that
  // dictionary form (format 6, query::surface_holds_lemma), or where the
  // index lists the surface form under the lemma (format 8,
  // index/lemma_forms.hpp). Both look in the surface term's posting, which
  // every occurrence of the form has. A lemma from the context (an
  // elliptical expansion) or a compound part keeps its Z term.
  void add(const Term& term, const Token& token, Xapian::termcount wdf) {
    if (!positional_lemma(term.kind)) {
      const bool fresh = add({}, term.text, token.position, wdf, true);
      if (term.kind == TermKind::surface) surface_fresh_ = fresh;
      return;
    }
    const bool own_lemma = term.kind == TermKind::lemma && !term.from_context;
    if (own_lemma && token.dictionary_form && term.text == token.text) return;
    if (own_lemma && lemmas_under_forms_) {
      if (surface_fresh_) forms_.emplace_back(term.text, token.text);  // once per form and item
      return;
    }
    add(schema::lemma, term.text, token.position, wdf, true);
  }

  // Hands the terms to the document; the packed positions when compact.
  void finish() {
    for (const Slot& slot : slots_) doc_.add_term(*slot.term, slot.wdf);
    if (store_ == PositionStore::compact) doc_.add_value(schema::slot_positions, positions_.encode());
  }

 private:
  static constexpr std::uint32_t no_id = UINT32_MAX;
  struct Slot {
    const std::string* term;  // key in index_
    Xapian::termcount wdf;
    std::uint32_t position_id;  // in positions_, or no_id
  };
  Xapian::Document& doc_;
  PositionStore store_;
  bool lemmas_under_forms_;
  std::vector<LemmaForm>& forms_;
  bool surface_fresh_ = false;                            // the current token's surface term is new in the item
  std::unordered_map<std::string, std::uint32_t> index_;  // term → slot
  std::unordered_set<std::string> seen_;                  // positioned terms, Xapian's store
  std::vector<Slot> slots_;
  PositionsWriter positions_;
  std::string key_;  // scratch: prefix + text
};

}  // namespace

BuiltDocument build_document(const AgendaItem& item, const ParsedFile& file, const std::string& id,
                             const std::string& source, const std::string& source_key, Analyzer& analyzer,
                             const minutes::TopicTagger& tagger, const query::TermInterest& interest,
                             const DocumentLayout& layout) {
  Record record = make_record(item, file, id, source);
  const std::string& text = record.item.text;
  Xapian::Document doc;
  std::vector<LemmaForm> forms;
  DocumentTerms doc_terms(doc, layout, forms);
  query::ItemTerms terms(&interest);
  const bool tag_topics = item.topics.empty();

  // Body: surface and lemma terms share a position; section fields get
  // their lemma terms under the field's prefix.
  std::vector<std::pair<std::size_t, std::size_t>> offsets;
  std::size_t range = 0;
  analyzer.analyze(text, [&](const Token& token) {
    offsets.emplace_back(token.begin, token.end);
    while (range < record.ranges.size() && record.ranges[range].end <= token.begin) ++range;
    const std::string_view prefix =
        range < record.ranges.size() ? field_prefix(record.ranges[range].kind) : std::string_view();
    for (const Term& term : token.terms) {
      doc_terms.add(term, token, 1);
      if (!prefix.empty() && positional_lemma(term.kind)) doc_terms.add(prefix, term.text, 0, 1, false);
    }
    if (tag_topics) terms.add(token);
  });
  // Title: weighted above the body (wdf 3), and searchable as titel:.
  analyzer.analyze(
      item.title,
      [&](const Token& token) {
        for (const Term& term : token.terms) {
          doc_terms.add(term, token, 3);
          if (positional_lemma(term.kind)) doc_terms.add(schema::title, term.text, 0, 1, false);
        }
        if (tag_topics) terms.add(token);
      },
      schema::title_base);

  doc_terms.finish();

  if (tag_topics) {
    auto topics = tagger.tag(terms, analyzer);
    record.item.hit.topics = topics;
  }
  const auto& hit = record.item.hit;
  doc.add_boolean_term(bounded(std::string(schema::id) + id));
  doc.add_boolean_term(bounded(std::string(schema::source) + source_key));
  for (const auto& c : hit.committees) doc.add_boolean_term(committee_term(c));
  for (const auto& c : hit.case_numbers) doc.add_boolean_term(case_term(c));
  for (const auto& t : hit.topics) doc.add_boolean_term(topic_term(t));
  std::vector<std::string> outcomes;
  for (const auto& d : hit.decisions) {
    if (!d.outcome.empty() && std::find(outcomes.begin(), outcomes.end(), d.outcome) == outcomes.end()) {
      outcomes.push_back(d.outcome);
      doc.add_boolean_term(outcome_term(d.outcome));
    }
  }
  std::string meeting = source_key + "|" + file.committee + "|" + file.date.iso();
  if (!item.id.empty())
    meeting = (hit.committees.empty() ? std::string() : hit.committees.front()) + "|" + hit.date.iso();
  doc.add_boolean_term(bounded(std::string(schema::meeting) + meeting.substr(0, 200)));
  if (hit.date.valid()) {
    doc.add_value(schema::slot_date, std::to_string(hit.date.key()));
    doc.add_value(schema::slot_year, std::to_string(hit.date.year));
    doc.add_boolean_term(year_term(hit.date.year));
  }
  doc.add_value(schema::slot_committees, packed(hit.committees));
  doc.add_value(schema::slot_topics, packed(hit.topics));
  doc.add_value(schema::slot_outcomes, packed(outcomes));
  doc.add_value(schema::slot_case, hit.case_numbers.empty() ? id : text::fold(hit.case_numbers.front()));
  doc.add_value(schema::slot_meeting, meeting);
  doc.add_value(schema::slot_offsets_packed, encode_offsets(offsets));
  std::string text_value;
  doc.set_data(serialise(record, layout.text_in_value ? &text_value : nullptr));
  if (!text_value.empty()) doc.add_value(schema::slot_text, text_value);
  return {std::string(schema::id) + id, std::move(doc), std::move(forms)};
}

}  // namespace referat::index

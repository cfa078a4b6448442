#pragma once
// Turns one agenda item into a Xapian document following index/schema.hpp.
// Runs on analysis threads: it touches no database.
#include <referat/analyzer.hpp>
#include <referat/index.hpp>
#include <referat/minutes.hpp>

#include "index/lemma_forms.hpp"
#include "minutes/topics.hpp"

#include <xapian.h>

namespace referat::index {

struct BuiltDocument {
  std::string id_term;
  Xapian::Document document;
  /// Lemmas standing under a surface form instead of a Z posting (format 8),
  /// for the database's LemmaForms; each pair once per document.
  std::vector<LemmaForm> forms;
};

/// How documents are laid out in the index being written.
struct DocumentLayout {
  PositionStore positions = PositionStore::compact;
  /// Format 8: a lemma the word alone gives has no Z posting (its surface
  /// form's posting stands for it; BuiltDocument::forms). False while
  /// updating an index of format 6 or 7, whose Z terms hold every lemma.
  bool lemmas_under_forms = true;
  /// Format 9: the stored text in schema::slot_text, not in the record.
  /// False while updating an index of format 6 or 7, whose readers look for
  /// it in the record.
  bool text_in_value = true;
};

/// Builds the document of `item` (the `ordinal`-th item of `file`). Tags
/// topics with `tagger` unless the item already has topics (JSONL input);
/// `interest` is tagger's TermInterest (computed once, shared read-only).
BuiltDocument build_document(const AgendaItem& item, const ParsedFile& file, const std::string& id,
                             const std::string& source, const std::string& source_key, Analyzer& analyzer,
                             const minutes::TopicTagger& tagger, const query::TermInterest& interest,
                             const DocumentLayout& layout);

}  // namespace referat::index

#pragma once
// Turns one agenda item into a Xapian document following index/schema.hpp.
// Runs on analysis threads: it touches no database.
#include <referat/analyzer.hpp>
#include <referat/index.hpp>
#include <referat/minutes.hpp>

#include "minutes/topics.hpp"

#include <xapian.h>

namespace referat::index {

struct BuiltDocument {
  std::string id_term;
  Xapian::Document document;
};

/// Builds the document of `item` (the `ordinal`-th item of `file`). Tags
/// topics with `tagger` unless the item already has topics (JSONL input);
/// `interest` is tagger's TermInterest (computed once, shared read-only).
BuiltDocument build_document(const AgendaItem& item, const ParsedFile& file, const std::string& id,
                             const std::string& source, const std::string& source_key, Analyzer& analyzer,
                             const minutes::TopicTagger& tagger, const query::TermInterest& interest,
                             PositionStore positions);

}  // namespace referat::index

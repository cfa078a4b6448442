#pragma once
// Which surface forms stand for a lemma (index format 8).
//
// A lemma the written word alone gives (`reform` for `reformen`: every
// occurrence of `reformen` has it, wherever it is written) gets no Z posting:
// the surface term's posting already says which items hold it, and on
// Europarl those lemma postings were 29% of all postings Xapian had to invert
// (bench/EXPERIMENTS.md). Instead the index lists the form under the lemma's
// Z term in Xapian's synonym table (Z<lemma> → form, …), and a lemma query
// looks in the Z term and in each listed form (search::lemma_index_terms).
// Xapian's compaction merges the lists of several shards by union.
#include <xapian.h>

#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace referat::index {

/// (lemma, surface form): every occurrence of the form has the lemma.
using LemmaForm = std::pair<std::string, std::string>;

/// The forms one database has been given in this run, and the pairs not yet
/// written to it. Xapian's synonym table rewrites a lemma's whole list each
/// time another lemma is touched in between, so new pairs wait here and are
/// written grouped by lemma, once, before each commit.
class LemmaForms {
 public:
  LemmaForms();
  /// Remembers the pairs of forms not seen before in this run. A form's
  /// lemmas are the same wherever it is written, so a form seen once has
  /// given all its pairs; `forms` holds each form's pairs one after another.
  void add(const std::vector<LemmaForm>& forms);
  /// Writes the waiting pairs to `db`: before each commit, or (where Xapian
  /// may commit by itself) before each item.
  void write(Xapian::WritableDatabase& db);

 private:
  // Checked for every distinct form of every item: recent forms sit in a
  // small direct-mapped table (exact strings, in the L2 cache) in front of
  // the set of all forms seen.
  std::vector<std::string> recent_;
  std::unordered_set<std::string> seen_;
  std::map<std::string, std::vector<std::string>> waiting_;
};

/// The surface forms listed under `lemma` (without prefix) in `db`; empty in
/// indexes of formats 6 and 7, whose Z terms hold every occurrence.
std::vector<std::string> forms_of(const Xapian::Database& db, const std::string& lemma);

}  // namespace referat::index

#include "index/lemma_forms.hpp"

#include "index/schema.hpp"

#include <functional>

namespace referat::index {

namespace {
constexpr std::size_t recent_slots = 4096;  // a power of two
}  // namespace

LemmaForms::LemmaForms() : recent_(recent_slots) {}

void LemmaForms::add(const std::vector<LemmaForm>& forms) {
  const std::string* previous = nullptr;
  bool previous_new = false;
  for (const auto& [lemma, form] : forms) {
    if (!previous || form != *previous) {
      std::string& slot = recent_[std::hash<std::string>()(form) & (recent_slots - 1)];
      const bool recent = slot == form;
      previous_new = !recent && seen_.insert(form).second;
      if (!recent) slot = form;
      previous = &form;
    }
    if (previous_new) waiting_[lemma].push_back(form);
  }
}

void LemmaForms::write(Xapian::WritableDatabase& db) {
  const std::string prefix(schema::lemma);
  for (const auto& [lemma, forms] : waiting_) {
    const std::string term = prefix + lemma;
    for (const auto& form : forms) db.add_synonym(term, form);
  }
  waiting_.clear();
}

std::vector<std::string> forms_of(const Xapian::Database& db, const std::string& lemma) {
  const std::string term = std::string(schema::lemma) + lemma;
  return {db.synonyms_begin(term), db.synonyms_end(term)};
}

}  // namespace referat::index

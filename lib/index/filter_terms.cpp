#include "index/filter_terms.hpp"

#include "index/schema.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

namespace referat::index {
namespace {

// Xapian rejects terms over 245 bytes, and values from input files can be
// longer. Cut here, where the index and the queries both get their terms.
std::string term(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  out.resize(text::utf8_truncate(out, 240));
  return out;
}

}  // namespace

std::string committee_term(std::string_view canonical) { return term(schema::committee, text::fold(canonical)); }
std::string case_term(std::string_view case_number) {
  return term(schema::case_number, text::fold(text::trim(case_number)));
}
std::string topic_term(std::string_view topic_id) { return term(schema::topic, topic_id); }
std::string outcome_term(std::string_view outcome) { return term(schema::outcome, text::fold(text::trim(outcome))); }
std::string year_term(int year) { return term(schema::year, std::to_string(year)); }

}  // namespace referat::index

#pragma once
// The boolean terms that filters match, made in one place for the document
// builder (which writes them), the query parser (udvalg:, sag:, emne:, år:,
// beslutning:) and the searcher's filter options (--committee, --case, …),
// so a value written by one is found by the others. Prefixes: schema.hpp.
#include <string>
#include <string_view>

namespace referat::index {

/// XC + a canonical committee name, folded.
std::string committee_term(std::string_view canonical);
/// XK + a case number, trimmed and folded (`' 23/2079 '` is 23/2079).
std::string case_term(std::string_view case_number);
/// XT + a topic id.
std::string topic_term(std::string_view topic_id);
/// XO + an outcome ("godkendt", "taget til efterretning"), trimmed and folded.
std::string outcome_term(std::string_view outcome);
/// XY + a year.
std::string year_term(int year);

}  // namespace referat::index

#pragma once
// Internal: the structure parser behind MinutesParser.
#include <referat/minutes.hpp>

#include <string_view>

namespace referat::minutes {

/// Fills `file` (meeting fields, items, diagnostics) from UTF-8 text.
void parse_structure(std::string_view text, ParsedFile& file, const CommitteeTable& committees);

}  // namespace referat::minutes

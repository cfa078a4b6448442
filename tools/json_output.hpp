#pragma once
// JSON and CSV renderings of library results; field names are the CLI's
// contract (see README).
#include <referat/referat.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace referat::cli {

/// "YYYY-MM-DD", or null for an unknown date.
nlohmann::json to_json(const Date& date);
/// [{"value", "count"}, …]
nlohmann::json to_json(const std::vector<FacetValue>& values);
nlohmann::json to_json(const ParsedFile& file);
nlohmann::json to_json(const AgendaItem& item);
nlohmann::json to_json(const Hit& hit);
nlohmann::json to_json(const Facets& facets);
nlohmann::json to_json(const SearchResult& result);
nlohmann::json to_json(const StoredItem& item);
/// The JSON Lines record `referat index` reads back (export round trip).
nlohmann::json to_export_record(const StoredItem& item);

/// One RFC 4180 CSV field (quoted when needed).
std::string csv_field(const std::string& value);
/// Joins CSV fields into a line ending in CRLF.
std::string csv_line(const std::vector<std::string>& fields);

/// Joins strings with a separator.
std::string join(const std::vector<std::string>& values, const std::string& separator);

}  // namespace referat::cli

#pragma once
// referat's query language, parsed into a small tree. The tree is shared by
// search (compiled to a Xapian::Query) and by topic tagging (evaluated
// against one item's terms), so a topic tags exactly what its query finds.
#include <memory>
#include <string>
#include <vector>

namespace referat::query {

enum class NodeType {
  match_all,  ///< browse: every item
  word,       ///< analysed word(s): lemma match (several tokens: a phrase)
  phrase,     ///< "exact words": surface forms in order
  prefix,     ///< word*: surface forms starting with text
  and_,
  or_,
  and_not,  ///< children[0] AND NOT children[1]
  near,
  filter,     ///< boolean term (committee, case, topic, outcome, year)
  date_range  ///< from/to as YYYYMMDD (empty: open)
};

/// Text fields a word can be restricted to.
enum class Field { all, title, indstilling, beslutning, sagsfremstilling };

struct Node {
  NodeType type = NodeType::word;
  Field field = Field::all;
  std::string text;      ///< word, phrase or prefix text; filter's full term
  std::string from, to;  ///< date_range bounds (YYYYMMDD)
  /// near: the widest `NEAR/N` of the chain (at most N other words among the
  /// near words), -1 when none had a number; near_plain: a plain `NEAR` (all
  /// words within 10 consecutive words) was among them.
  int near_gap = -1;
  bool near_plain = false;
  std::vector<std::unique_ptr<Node>> children;
  std::size_t position = 0;  ///< byte offset in the query (for messages)
};

using NodePtr = std::unique_ptr<Node>;

/// Resolves field values into boolean terms (committee aliases, topics).
struct FilterResolver {
  virtual ~FilterResolver() = default;
  /// Boolean term for `udvalg:VALUE` etc.; "" when the value is unknown.
  virtual std::string committee_term(const std::string& value) const = 0;
  virtual std::string topic_term(const std::string& value) const = 0;
};

/// Parses query text. Throws referat::QueryError with the byte position of
/// the problem (unbalanced quotes/parentheses, unknown field, bad date).
/// An empty query yields match_all.
NodePtr parse(const std::string& text, const FilterResolver& resolver);

/// "dato:" values: a date or range in ISO or Danish forms → YYYYMMDD bounds.
/// Returns false when the value is not a date.
bool parse_date_range(const std::string& value, std::string& from, std::string& to);

/// Canonical outcome words accepted by beslutning: as a filter.
bool is_outcome(const std::string& folded);

}  // namespace referat::query

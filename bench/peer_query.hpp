#pragma once
// Translates a benchmark query (referat's syntax: words, "phrases", AND, OR,
// NOT/-word, parentheses, NEAR, word*, field:value, dato:A..B, år:YYYY) into
// what each peer engine understands, so every engine answers the same need:
//   - dato:/år: become a date filter (each engine's own way of filtering);
//   - titel:word searches the title where the peer can (FTS5 column filter,
//     PostgreSQL weight A), other fields (sag:, udvalg:, emne:) keep their
//     value as plain words: the peers have no such fields;
//   - NEAR is NEAR(…, 10) in FTS5 and Xapian, AND in PostgreSQL (its <N>
//     operator means "exactly N apart").
#include <cctype>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace bench {

/// Inclusive ISO date range; empty ends are open.
struct DateFilter {
  std::string from, to;
  [[nodiscard]] bool empty() const { return from.empty() && to.empty(); }
};

struct QueryNode {
  enum Kind { word, prefix, phrase, title_word, all_of, any_of, none_of, near } kind = word;
  std::string text;
  std::vector<std::unique_ptr<QueryNode>> children;
};

struct PeerQuery {
  std::unique_ptr<QueryNode> root;  ///< null when only filters remain
  DateFilter dates;
};

namespace detail {

class PeerQueryParser {
 public:
  explicit PeerQueryParser(const std::string& q) { tokenize(q); }

  PeerQuery parse() {
    PeerQuery out;
    out.root = parse_or();
    out.dates = dates_;
    return out;
  }

 private:
  struct Tok {
    enum Kind { word, phrase, lparen, rparen, op_and, op_or, op_not, op_near, minus } kind;
    std::string text;
  };
  std::vector<Tok> toks_;
  std::size_t pos_ = 0;
  DateFilter dates_;

  void tokenize(const std::string& q) {
    std::size_t i = 0;
    while (i < q.size()) {
      const char c = q[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '(' || c == ')') {
        toks_.push_back({c == '(' ? Tok::lparen : Tok::rparen, ""});
        ++i;
      } else if (c == '"') {
        std::size_t end = q.find('"', i + 1);
        if (end == std::string::npos) end = q.size();
        toks_.push_back({Tok::phrase, q.substr(i + 1, end - i - 1)});
        i = end + 1;
      } else if (c == '-' && i + 1 < q.size() && !std::isspace(static_cast<unsigned char>(q[i + 1]))) {
        toks_.push_back({Tok::minus, ""});
        ++i;
      } else {
        std::size_t end = i;
        while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end])) && q[end] != '(' && q[end] != ')')
          ++end;
        std::string w = q.substr(i, end - i);
        i = end;
        if (w == "AND")
          toks_.push_back({Tok::op_and, w});
        else if (w == "OR")
          toks_.push_back({Tok::op_or, w});
        else if (w == "NOT")
          toks_.push_back({Tok::op_not, w});
        else if (w == "NEAR")
          toks_.push_back({Tok::op_near, w});
        else if (!take_filter(w))
          toks_.push_back({Tok::word, w});
      }
    }
  }

  // dato:A..B and år:YYYY become the date filter.
  bool take_filter(const std::string& w) {
    static const std::regex range(R"(dato:(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)");
    static const std::regex year("år:(\\d{4})");
    std::smatch m;
    if (std::regex_match(w, m, range)) {
      dates_ = {m[1], m[2]};
      return true;
    }
    if (std::regex_match(w, m, year)) {
      dates_ = {m[1].str() + "-01-01", m[1].str() + "-12-31"};
      return true;
    }
    return false;
  }

  [[nodiscard]] bool at(Tok::Kind k) const { return pos_ < toks_.size() && toks_[pos_].kind == k; }

  static std::unique_ptr<QueryNode> make(QueryNode::Kind kind, std::string text = {}) {
    auto n = std::make_unique<QueryNode>();
    n->kind = kind;
    n->text = std::move(text);
    return n;
  }

  static std::unique_ptr<QueryNode> join(QueryNode::Kind kind, std::vector<std::unique_ptr<QueryNode>> parts) {
    if (parts.empty()) return nullptr;
    if (parts.size() == 1 && kind != QueryNode::none_of) return std::move(parts.front());
    auto n = make(kind);
    n->children = std::move(parts);
    return n;
  }

  std::unique_ptr<QueryNode> parse_or() {
    std::vector<std::unique_ptr<QueryNode>> parts;
    if (auto first = parse_and()) parts.push_back(std::move(first));
    while (at(Tok::op_or)) {
      ++pos_;
      if (auto next = parse_and()) parts.push_back(std::move(next));
    }
    return join(QueryNode::any_of, std::move(parts));
  }

  std::unique_ptr<QueryNode> parse_and() {
    std::vector<std::unique_ptr<QueryNode>> parts;
    while (pos_ < toks_.size() && !at(Tok::op_or) && !at(Tok::rparen)) {
      if (at(Tok::op_and)) {
        ++pos_;
        continue;
      }
      if (auto n = parse_unary()) parts.push_back(std::move(n));
    }
    return join(QueryNode::all_of, std::move(parts));
  }

  std::unique_ptr<QueryNode> parse_unary() {
    if (at(Tok::op_not) || at(Tok::minus)) {
      ++pos_;
      auto inner = parse_unary();
      if (!inner) return nullptr;
      auto n = make(QueryNode::none_of);
      n->children.push_back(std::move(inner));
      return n;
    }
    auto left = parse_primary();
    if (left && at(Tok::op_near)) {
      ++pos_;
      auto right = parse_primary();
      if (!right) return left;
      auto n = make(QueryNode::near);
      n->children.push_back(std::move(left));
      n->children.push_back(std::move(right));
      return n;
    }
    return left;
  }

  std::unique_ptr<QueryNode> parse_primary() {
    if (pos_ >= toks_.size()) return nullptr;
    const Tok t = toks_[pos_++];
    switch (t.kind) {
      case Tok::lparen: {
        auto inner = parse_or();
        if (at(Tok::rparen)) ++pos_;
        return inner;
      }
      case Tok::phrase: return t.text.empty() ? nullptr : make(QueryNode::phrase, t.text);
      case Tok::word: return word_node(t.text);
      default: return nullptr;
    }
  }

  static std::unique_ptr<QueryNode> word_node(std::string w) {
    std::size_t colon = w.find(':');
    bool title = false;
    if (colon != std::string::npos && colon > 0) {
      title = w.compare(0, colon, "titel") == 0;
      w = w.substr(colon + 1);  // sag:, udvalg:, emne: … keep their value as words
    }
    if (w.empty()) return nullptr;
    if (w.back() == '*' && w.size() > 1) return make(QueryNode::prefix, w.substr(0, w.size() - 1));
    return make(title ? QueryNode::title_word : QueryNode::word, w);
  }
};

inline std::string quoted(const std::string& s, char quote) {
  std::string out(1, quote);
  for (char c : s) {
    out += c;
    if (c == quote) out += c;
  }
  return out + quote;
}

/// Letters and digits only (for to_tsquery operands, whose syntax is fragile).
inline std::string word_chars(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x80 || std::isalnum(c)) out += static_cast<char>(c);
  }
  return out;
}

}  // namespace detail

inline PeerQuery parse_peer_query(const std::string& q) { return detail::PeerQueryParser(q).parse(); }

/// SQLite FTS5 MATCH expression ("" when nothing can be searched).
inline std::string to_fts5(const QueryNode& n) {
  using detail::quoted;
  switch (n.kind) {
    case QueryNode::word:
    case QueryNode::phrase: return quoted(n.text, '"');
    case QueryNode::prefix: return quoted(n.text, '"') + " *";
    case QueryNode::title_word: return "title : " + quoted(n.text, '"');
    case QueryNode::near: {
      if (n.children[0]->kind <= QueryNode::phrase && n.children[1]->kind <= QueryNode::phrase)
        return "NEAR(" + to_fts5(*n.children[0]) + " " + to_fts5(*n.children[1]) + ", 10)";
      return "(" + to_fts5(*n.children[0]) + " AND " + to_fts5(*n.children[1]) + ")";
    }
    case QueryNode::any_of: {
      std::string out;
      for (const auto& c : n.children) out += (out.empty() ? "" : " OR ") + to_fts5(*c);
      return "(" + out + ")";
    }
    case QueryNode::none_of: return "";  // only meaningful inside all_of (FTS5's NOT is binary)
    case QueryNode::all_of: {
      std::string positive, negative;
      for (const auto& c : n.children) {
        if (c->kind == QueryNode::none_of)
          negative += " NOT " + to_fts5(*c->children[0]);
        else
          positive += (positive.empty() ? "" : " AND ") + to_fts5(*c);
      }
      return positive.empty() ? "" : "(" + positive + negative + ")";
    }
  }
  return "";
}

/// PostgreSQL tsquery expression (SQL) with the `danish` configuration.
inline std::string to_tsquery_sql(const QueryNode& n) {
  using detail::quoted;
  switch (n.kind) {
    case QueryNode::word: return "plainto_tsquery('danish', " + quoted(n.text, '\'') + ")";
    case QueryNode::phrase: return "phraseto_tsquery('danish', " + quoted(n.text, '\'') + ")";
    case QueryNode::prefix: {
      std::string w = detail::word_chars(n.text);
      return w.empty() ? "''::tsquery" : "to_tsquery('danish', " + quoted(w + ":*", '\'') + ")";
    }
    case QueryNode::title_word: {
      std::string w = detail::word_chars(n.text);
      return w.empty() ? "''::tsquery" : "to_tsquery('danish', " + quoted(w + ":A", '\'') + ")";
    }
    case QueryNode::none_of: return "(!! " + to_tsquery_sql(*n.children[0]) + ")";
    case QueryNode::near:
    case QueryNode::all_of:
    case QueryNode::any_of: {
      const char* op = n.kind == QueryNode::any_of ? " || " : " && ";
      std::string out;
      for (const auto& c : n.children) out += (out.empty() ? "" : op) + to_tsquery_sql(*c);
      return "(" + out + ")";
    }
  }
  return "''::tsquery";
}

/// Xapian QueryParser text (filters removed; the date filter is applied as a
/// value range on the date slot).
inline std::string to_xapian_text(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::word:
    case QueryNode::title_word: return n.text;
    case QueryNode::phrase: return "\"" + n.text + "\"";
    case QueryNode::prefix: return n.text + "*";
    case QueryNode::near: return to_xapian_text(*n.children[0]) + " NEAR " + to_xapian_text(*n.children[1]);
    case QueryNode::none_of: return "NOT " + to_xapian_text(*n.children[0]);
    case QueryNode::any_of:
    case QueryNode::all_of: {
      std::string out;
      for (const auto& c : n.children) {
        if (!out.empty()) out += n.kind == QueryNode::any_of ? " OR " : " AND ";
        out += to_xapian_text(*c);
      }
      return "(" + out + ")";
    }
  }
  return "";
}

}  // namespace bench

#include "query/query_ast.hpp"

#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include "index/filter_terms.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace referat::query {
namespace {

enum class FieldKind { committee, case_no, topic, date, year, decision, text };

struct FieldSpec {
  FieldKind kind;
  Field field;
};

const std::map<std::string, FieldSpec>& fields() {
  static const std::map<std::string, FieldSpec> table = {
      {"udvalg", {FieldKind::committee, Field::all}},
      {"committee", {FieldKind::committee, Field::all}},
      {"sag", {FieldKind::case_no, Field::all}},
      {"case", {FieldKind::case_no, Field::all}},
      {"emne", {FieldKind::topic, Field::all}},
      {"topic", {FieldKind::topic, Field::all}},
      {"dato", {FieldKind::date, Field::all}},
      {"date", {FieldKind::date, Field::all}},
      {"år", {FieldKind::year, Field::all}},
      {"aar", {FieldKind::year, Field::all}},
      {"year", {FieldKind::year, Field::all}},
      {"beslutning", {FieldKind::decision, Field::beslutning}},
      {"decision", {FieldKind::decision, Field::beslutning}},
      {"titel", {FieldKind::text, Field::title}},
      {"title", {FieldKind::text, Field::title}},
      {"indstilling", {FieldKind::text, Field::indstilling}},
      {"sagsfremstilling", {FieldKind::text, Field::sagsfremstilling}},
  };
  return table;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_word_end(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

NodePtr make(NodeType type, std::size_t position) {
  auto node = std::make_unique<Node>();
  node->type = type;
  node->position = position;
  return node;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// One bound: yyyy, yyyy-mm, yyyy-mm-dd, d.m.yyyy, d-m-yyyy. `upper` fills the
// missing parts to the end of the period.
bool parse_bound(const std::string& s, bool upper, std::string& out) {
  int a = 0, b = 0, c = 0;
  char s1 = 0, s2 = 0;
  int n = 0;
  if (std::sscanf(s.c_str(), "%4d%n", &a, &n) == 1 && n == 4 && static_cast<std::size_t>(n) == s.size()) {
    out = std::to_string(a) + (upper ? "1231" : "0101");
    return is_calendar_date(a, 1, 1);
  }
  if (std::sscanf(s.c_str(), "%4d-%2d%n", &a, &b, &n) == 2 && static_cast<std::size_t>(n) == s.size() && a > 999) {
    out = std::to_string(a) + two(b) + (upper ? "31" : "01");
    return is_calendar_date(a, b, 1);
  }
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &a, &b, &c, &n) == 3 && static_cast<std::size_t>(n) == s.size() &&
      a > 999) {
    out = std::to_string(a) + two(b) + two(c);
    return is_calendar_date(a, b, c);
  }
  if (std::sscanf(s.c_str(), "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &c, &n) == 5 &&
      static_cast<std::size_t>(n) == s.size() && s1 == s2 && (s1 == '.' || s1 == '-' || s1 == '/')) {
    out = std::to_string(c) + two(b) + two(a);
    return is_calendar_date(c, b, a);
  }
  return false;
}

class Parser {
 public:
  Parser(const std::string& text, const FilterResolver& resolver) : s_(text), resolver_(resolver) {}

  NodePtr run() {
    reject_invalid_utf8();
    skip();
    if (pos_ >= s_.size()) return make(NodeType::match_all, 0);
    NodePtr node = parse_or();
    skip();
    if (pos_ < s_.size()) {
      if (s_[pos_] == ')') throw QueryError(pos_, "unbalanced ')' at position " + std::to_string(pos_));
      throw QueryError(pos_, "unexpected text at position " + std::to_string(pos_));
    }
    return node;
  }

 private:
  // Malformed bytes (a CP1252 'ø' in a query) would be read as word breaks
  // and find other items; the caller is told where they are instead.
  void reject_invalid_utf8() const {
    constexpr std::string_view typed_replacement = "\xEF\xBF\xBD";  // U+FFFD written as such
    for (std::size_t at = 0; at < s_.size();) {
      const std::size_t start = at;
      if (text::next_code_point(s_, at) == text::replacement_char &&
          std::string_view(s_).substr(start, 3) != typed_replacement)
        throw QueryError(start, "invalid UTF-8 at position " + std::to_string(start) + " (byte 0x" +
                                    hex_byte(static_cast<unsigned char>(s_[start])) + ")");
    }
  }
  static std::string hex_byte(unsigned char b) {
    const char* digits = "0123456789ABCDEF";
    return {digits[b >> 4], digits[b & 15]};
  }

  const std::string& s_;
  const FilterResolver& resolver_;
  std::size_t pos_ = 0;
  int depth_ = 0;

  void skip() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  bool keyword(const char* word) {
    skip();
    std::size_t n = std::char_traits<char>::length(word);
    if (s_.compare(pos_, n, word) == 0 && (pos_ + n == s_.size() || is_word_end(s_[pos_ + n]))) {
      pos_ += n;
      return true;
    }
    return false;
  }

  // NEAR, or NEAR/N with N the words allowed among the near words. `gap` is
  // N, or -1 for a plain NEAR. Before NEAR/N was known, "NEAR/3" was read as
  // the words near and 3, and such a query found nothing, silently.
  bool near_keyword(int& gap) {
    skip();
    constexpr std::string_view near = "NEAR";
    if (s_.compare(pos_, near.size(), near) != 0) return false;
    const std::size_t after = pos_ + near.size();
    if (after == s_.size() || is_word_end(s_[after])) {
      pos_ = after;
      gap = -1;
      return true;
    }
    if (s_[after] != '/') return false;  // NEARBY: a word
    std::size_t end = after + 1;
    int n = 0;
    while (end < s_.size() && s_[end] >= '0' && s_[end] <= '9' && n <= max_near_gap) n = n * 10 + (s_[end++] - '0');
    if (end == after + 1 || n > max_near_gap || (end < s_.size() && !is_word_end(s_[end])))
      throw QueryError(after + 1, "NEAR/ needs a number of words from 0 to " + std::to_string(max_near_gap) +
                                      " at position " + std::to_string(after + 1) + " (e.g. strategi NEAR/5 børn)");
    pos_ = end;
    gap = n;
    return true;
  }
  static constexpr int max_near_gap = 1000;

  bool at_operand() {
    skip();
    if (pos_ >= s_.size() || s_[pos_] == ')') return false;
    std::size_t save = pos_;
    int gap = 0;
    bool op = keyword("OR") || keyword("AND") || near_keyword(gap);
    pos_ = save;
    return !op;
  }

  NodePtr parse_or() {
    NodePtr left = parse_and();
    while (keyword("OR")) {
      std::size_t at = pos_;
      if (!at_operand()) throw QueryError(at, "OR needs a term after it (position " + std::to_string(at) + ")");
      NodePtr right = parse_and();
      left = combine(NodeType::or_, std::move(left), std::move(right));
    }
    return left;
  }

  NodePtr parse_and() {
    std::size_t start = pos_;
    std::vector<NodePtr> positives, negatives;
    for (;;) {
      skip();
      if (keyword("AND")) continue;
      if (!at_operand()) break;
      bool negate = false;
      if (keyword("NOT")) {
        negate = true;
      } else if (s_[pos_] == '-' && pos_ + 1 < s_.size() && !is_space(s_[pos_ + 1]) && s_[pos_ + 1] != ')') {
        // -word, -"phrase", -(group)
        negate = true;
        ++pos_;
      }
      if (negate && !at_operand())
        throw QueryError(pos_, "NOT needs a term after it (position " + std::to_string(pos_) + ")");
      NodePtr node = parse_near();
      (negate ? negatives : positives).push_back(std::move(node));
    }
    if (positives.empty() && negatives.empty()) {
      throw QueryError(start, "expected a search term at position " + std::to_string(start));
    }
    NodePtr left;
    if (positives.empty()) {
      left = make(NodeType::match_all, start);
    } else if (positives.size() == 1) {
      left = std::move(positives.front());
    } else {
      left = make(NodeType::and_, start);
      for (auto& p : positives) left->children.push_back(std::move(p));
    }
    for (auto& n : negatives) {
      NodePtr node = make(NodeType::and_not, start);
      node->children.push_back(std::move(left));
      node->children.push_back(std::move(n));
      left = std::move(node);
    }
    return left;
  }

  NodePtr parse_near() {
    NodePtr left = parse_primary();
    int gap = -1;
    while (near_keyword(gap)) {
      std::size_t at = pos_;
      if (!at_operand()) throw QueryError(at, "NEAR needs a term after it (position " + std::to_string(at) + ")");
      NodePtr right = parse_primary();
      if (left->type != NodeType::near) {
        NodePtr near = make(NodeType::near, left->position);
        near->children.push_back(std::move(left));
        left = std::move(near);
      }
      left->children.push_back(std::move(right));
      if (gap < 0) {
        left->near_plain = true;
      } else {
        left->near_gap = std::max(left->near_gap, gap);
      }
    }
    return left;
  }

  static NodePtr combine(NodeType type, NodePtr left, NodePtr right) {
    if (left->type == type) {
      left->children.push_back(std::move(right));
      return left;
    }
    NodePtr node = make(type, left->position);
    node->children.push_back(std::move(left));
    node->children.push_back(std::move(right));
    return node;
  }

  std::string quoted() {  // at '"'
    std::size_t open = pos_++;
    std::size_t close = s_.find('"', pos_);
    if (close == std::string::npos) {
      throw QueryError(open, "unbalanced quote: the '\"' at position " + std::to_string(open) + " is never closed");
    }
    std::string inner = s_.substr(pos_, close - pos_);
    pos_ = close + 1;
    return inner;
  }

  NodePtr parse_primary() {
    skip();
    std::size_t start = pos_;
    char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      if (++depth_ > 100) throw QueryError(start, "parentheses nested too deeply");
      skip();
      if (pos_ < s_.size() && s_[pos_] == ')')
        throw QueryError(start, "empty parentheses at position " + std::to_string(start));
      NodePtr inner = parse_or();
      skip();
      if (pos_ >= s_.size() || s_[pos_] != ')') {
        throw QueryError(start, "unbalanced '(' at position " + std::to_string(start) + ": missing ')'");
      }
      ++pos_;
      --depth_;
      return inner;
    }
    if (c == '"') return text_node(NodeType::phrase, quoted(), Field::all, start);
    std::size_t end = pos_;
    while (end < s_.size() && !is_word_end(s_[end])) ++end;
    std::string word = s_.substr(pos_, end - pos_);
    std::size_t colon = word.find(':');
    if (colon != std::string::npos && colon > 0) {
      std::string name = text::fold(word.substr(0, colon));
      bool alpha = true;
      for (unsigned char ch : name) alpha &= (std::isalpha(ch) || ch >= 0x80);
      if (alpha) {
        auto it = fields().find(name);
        if (it == fields().end()) {
          throw QueryError(start, "unknown field '" + word.substr(0, colon) + ":' at position " +
                                      std::to_string(start) +
                                      " (known: udvalg, sag, emne, dato, år, beslutning, titel, "
                                      "indstilling, sagsfremstilling)");
        }
        pos_ += colon + 1;
        std::size_t value_pos = pos_;
        std::string value;
        bool was_quoted = false;
        if (pos_ < s_.size() && s_[pos_] == '"') {
          value = quoted();
          was_quoted = true;
        } else {
          std::size_t e = pos_;
          while (e < s_.size() && !is_word_end(s_[e])) ++e;
          value = s_.substr(pos_, e - pos_);
          pos_ = e;
        }
        if (value.empty())
          throw QueryError(value_pos, "field '" + name + ":' needs a value at position " + std::to_string(value_pos));
        return field_node(it->second, value, was_quoted, value_pos);
      }
    }
    pos_ = end;
    if (word.size() > 1 && word.back() == '*') {
      return text_node(NodeType::prefix, word.substr(0, word.size() - 1), Field::all, start);
    }
    return text_node(NodeType::word, word, Field::all, start);
  }

  static NodePtr text_node(NodeType type, std::string text, Field field, std::size_t at) {
    NodePtr node = make(type, at);
    node->text = std::move(text);
    node->field = field;
    return node;
  }

  NodePtr filter(std::string term, std::size_t at) {
    NodePtr node = make(NodeType::filter, at);
    node->text = std::move(term);
    return node;
  }

  NodePtr field_node(const FieldSpec& spec, const std::string& value, bool was_quoted, std::size_t at) {
    switch (spec.kind) {
      case FieldKind::committee: return filter(resolver_.committee_term(value), at);
      case FieldKind::case_no: return filter(index::case_term(value), at);
      case FieldKind::topic: {
        std::string term = resolver_.topic_term(value);
        if (term.empty()) throw QueryError(at, "unknown topic '" + value + "' at position " + std::to_string(at));
        return filter(term, at);
      }
      case FieldKind::year: {
        std::string from, to;
        if (value.size() == 4 && parse_bound(value, false, from)) return filter(index::year_term(std::stoi(value)), at);
        if (value.find("..") != std::string::npos && parse_date_range(value, from, to)) {
          NodePtr node = make(NodeType::date_range, at);
          node->from = from, node->to = to;
          return node;
        }
        throw QueryError(at, "bad year '" + value + "' at position " + std::to_string(at) + " (use e.g. år:2024)");
      }
      case FieldKind::date: {
        NodePtr node = make(NodeType::date_range, at);
        if (!parse_date_range(value, node->from, node->to)) {
          throw QueryError(at, "bad date '" + value + "' at position " + std::to_string(at) +
                                   " (use e.g. dato:2024-01-01..2024-06-30 or dato:1.1.2024..30.6.2024)");
        }
        return node;
      }
      case FieldKind::decision:
        if (is_outcome(text::fold(value))) return filter(index::outcome_term(value), at);
        [[fallthrough]];
      case FieldKind::text: return text_node(was_quoted ? NodeType::phrase : NodeType::word, value, spec.field, at);
    }
    return nullptr;
  }
};

}  // namespace

bool parse_date_range(const std::string& value, std::string& from, std::string& to) {
  std::size_t dots = value.find("..");
  if (dots == std::string::npos) return parse_bound(value, false, from) && parse_bound(value, true, to);
  std::string a = value.substr(0, dots), b = value.substr(dots + 2);
  if (a.empty() && b.empty()) return false;
  from.clear(), to.clear();
  if (!a.empty() && !parse_bound(a, false, from)) return false;
  if (!b.empty() && !parse_bound(b, true, to)) return false;
  return from.empty() || to.empty() || from <= to;
}

bool is_outcome(const std::string& folded) {
  static const char* outcomes[] = {"godkendt",     "anbefalet", "tiltrådt",   "udsat",
                                   "drøftet",      "oversendt", "orienteret", "taget til efterretning",
                                   "ikke godkendt"};
  for (const char* o : outcomes) {
    if (folded == o) return true;
  }
  return false;
}

NodePtr parse(const std::string& text, const FilterResolver& resolver) { return Parser(text, resolver).run(); }

}  // namespace referat::query

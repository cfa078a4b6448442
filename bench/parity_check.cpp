// Index/query parity of the dictionary-form rule on a real corpus. The index
// lets a token's surface term stand for its lemma where the token, in its
// text, has Token::dictionary_form; a query looks in the surface term where
// the word analysed alone has it (query::surface_holds_lemma). The flag must
// depend on the word only, so both must agree on every token.
//   parity_check CORPUS.jsonl [MAX_MB]
// Prints one RESULT line and up to 20 disagreeing forms; exit 1 if any.
#include <referat/analyzer.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "corpus_reader.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parity_check CORPUS.jsonl [MAX_MB]\n");
    return 2;
  }
  const double max_mb = argc > 2 ? std::atof(argv[2]) : 1e9;
  const auto records = bench::read_jsonl(argv[1], static_cast<std::size_t>(max_mb * 1e6));
  referat::Analyzer analyzer;
  std::unordered_map<std::string, bool> alone;  // form → dictionary_form when analysed alone
  std::map<std::string, std::size_t> disagreeing;
  std::size_t tokens = 0, in_dictionary_form = 0;
  for (const auto& r : records) {
    for (const referat::Token& t : analyzer.analyze(r.title + "\n" + r.text)) {
      ++tokens;
      in_dictionary_form += t.dictionary_form;
      auto [it, fresh] = alone.try_emplace(t.text, false);
      if (fresh) {
        const auto own = analyzer.analyze(t.text);
        it->second = own.size() == 1 && own[0].text == t.text && own[0].dictionary_form;
      }
      const bool has_lemma = std::any_of(t.terms.begin(), t.terms.end(), [&](const referat::Term& term) {
        return term.kind == referat::TermKind::lemma && term.text == t.text;
      });
      if (t.dictionary_form != it->second || (t.dictionary_form && !has_lemma)) ++disagreeing[t.text];
    }
  }
  std::printf("RESULT parity items=%zu tokens=%zu dictionary_form=%zu forms=%zu disagreeing_forms=%zu\n",
              records.size(), tokens, in_dictionary_form, alone.size(), disagreeing.size());
  std::size_t shown = 0;
  for (const auto& [form, count] : disagreeing) {
    if (shown++ == 20) break;
    std::printf("  %s ×%zu\n", form.c_str(), count);
  }
  return disagreeing.empty() ? 0 : 1;
}

// Index/query parity of the rules that let a surface term stand for a lemma,
// on a real corpus. The index gives a token no Z term for a lemma the word
// alone gives: where the token has Token::dictionary_form (format 6; a query
// looks in the surface term where the word analysed alone has the flag,
// query::surface_holds_lemma), and for every other lemma term not from its
// context (format 8; the index lists the form under the lemma). Both must
// depend on the word only: the flag and the set of such lemma terms of every
// token must be those of its word analysed alone.
//   parity_check CORPUS.jsonl [MAX_MB]
// Prints one RESULT line and up to 20 disagreeing forms; exit 1 if any.
#include <referat/analyzer.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus_reader.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parity_check CORPUS.jsonl [MAX_MB]\n");
    return 2;
  }
  const double max_mb = argc > 2 ? std::atof(argv[2]) : 1e9;
  const auto records = bench::read_jsonl(argv[1], static_cast<std::size_t>(max_mb * 1e6));
  referat::Analyzer analyzer;
  struct Alone {
    bool dictionary_form = false;
    std::vector<std::string> lemmas;  // lemma terms not from the context, sorted
  };
  auto own_lemmas = [](const referat::Token& t) {
    std::vector<std::string> lemmas;
    for (const auto& term : t.terms) {
      if (term.kind == referat::TermKind::lemma && !term.from_context) lemmas.push_back(term.text);
    }
    std::sort(lemmas.begin(), lemmas.end());
    return lemmas;
  };
  std::unordered_map<std::string, Alone> alone;  // form → its analysis alone
  std::map<std::string, std::size_t> disagreeing;
  std::size_t tokens = 0, in_dictionary_form = 0, under_forms = 0;
  for (const auto& r : records) {
    for (const referat::Token& t : analyzer.analyze(r.title + "\n" + r.text)) {
      ++tokens;
      in_dictionary_form += t.dictionary_form;
      auto [it, fresh] = alone.try_emplace(t.text);
      if (fresh) {
        const auto own = analyzer.analyze(t.text);
        const bool one = own.size() == 1 && own[0].text == t.text;
        it->second.dictionary_form = one && own[0].dictionary_form;
        if (one)
          it->second.lemmas = own_lemmas(own[0]);
        else
          it->second.lemmas = {"(not one token)"};
      }
      const bool has_lemma = std::any_of(t.terms.begin(), t.terms.end(), [&](const referat::Term& term) {
        return term.kind == referat::TermKind::lemma && term.text == t.text;
      });
      const auto lemmas = own_lemmas(t);
      under_forms += std::any_of(lemmas.begin(), lemmas.end(), [&](const std::string& l) { return l != t.text; });
      if (t.dictionary_form != it->second.dictionary_form || (t.dictionary_form && !has_lemma) ||
          lemmas != it->second.lemmas)
        ++disagreeing[t.text];
    }
  }
  std::printf(
      "RESULT parity items=%zu tokens=%zu dictionary_form=%zu under_forms=%zu forms=%zu disagreeing_forms=%zu\n",
      records.size(), tokens, in_dictionary_form, under_forms, alone.size(), disagreeing.size());
  std::size_t shown = 0;
  for (const auto& [form, count] : disagreeing) {
    if (shown++ == 20) break;
    std::printf("  %s ×%zu\n", form.c_str(), count);
  }
  return disagreeing.empty() ? 0 : 1;
}

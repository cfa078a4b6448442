#include <referat/analyzer.hpp>

#include "analysis/lexicon.hpp"
#include "text/segmenter.hpp"

#include <algorithm>

namespace referat {

const char* to_string(TermKind kind) noexcept {
  switch (kind) {
    case TermKind::surface: return "surface";
    case TermKind::lemma: return "lemma";
    case TermKind::part: return "part";
    case TermKind::variant: return "variant";
  }
  return "?";
}

const char* to_string(TokenType type) noexcept {
  switch (type) {
    case TokenType::word: return "word";
    case TokenType::number: return "number";
    case TokenType::date: return "date";
    case TokenType::case_number: return "case_number";
  }
  return "?";
}

namespace {

// Appends a term unless the token already has it (a part equal to a lemma
// is not repeated). Term strings of earlier tokens are reused in place: the
// hot loop then allocates only for terms longer than any seen in that slot.
void add_term(Token& token, std::size_t& live, const std::string& text, TermKind kind, bool from_context = false) {
  if (text.empty()) return;
  for (std::size_t i = 0; i < live; ++i) {
    const Term& t = token.terms[i];
    if (t.text == text && (t.kind == kind || (kind == TermKind::part && t.kind == TermKind::lemma))) return;
  }
  if (live < token.terms.size()) {
    token.terms[live].text.assign(text);
    token.terms[live].kind = kind;
    token.terms[live].from_context = from_context;
  } else {
    token.terms.push_back(Term{text, kind, from_context});
  }
  ++live;
}

bool is_coordinator(const std::string& w) { return w == "og" || w == "eller" || w == "samt" || w == "&"; }

}  // namespace

struct Analyzer::Impl {
  AnalyzerOptions options;
  text::Segmenter segmenter;
  analysis::Lexicon lexicon;
  std::vector<text::RawToken> raw;
  Token token;
  std::size_t live = 0;  // terms of `token` in use; the rest are reusable slots

  explicit Impl(const AnalyzerOptions& o) : options(o), lexicon(o) {}
  Impl(const AnalyzerOptions& o, std::shared_ptr<analysis::SharedWordCache> shared)
      : options(o), lexicon(o, std::move(shared)) {}

  // `expansion`: the terms of an elliptical expansion, given by the context.
  void add_word_terms(Token& out, const std::string& word, const analysis::WordInfo& info, bool expansion) {
    if (expansion) add_term(out, live, word, TermKind::variant, true);
    if (!info.stop_word && options.lemmas) {
      for (const auto& lemma : info.lemmas) add_term(out, live, lemma, TermKind::lemma, expansion);
    }
    if (options.decompound) {
      for (const auto& part : info.parts) add_term(out, live, part, TermKind::part, expansion);
    }
    if (!info.variant.empty()) {
      add_term(out, live, info.variant, TermKind::variant, expansion);
      if (!info.stop_word && options.lemmas) {
        for (const auto& lemma : info.variant_lemmas) add_term(out, live, lemma, TermKind::lemma, expansion);
      }
    }
  }

  // A seam of `word`, 0 if none. The ellipsis shows the word is a compound,
  // so one the lexicon keeps whole is split after all ("olie- eller gasfyr").
  std::size_t seam_of(const std::string& word, bool last) {
    const analysis::WordInfo& info = lexicon.word(word);
    if (info.first_seam != 0) return last ? info.last_seam : info.first_seam;
    const analysis::WordInfo parts = lexicon.split(word);
    return last ? parts.last_seam : parts.first_seam;
  }

  // "Sundheds- og ældrechefnetværket" → sundhedschefnetværket;
  // "sundhedsfremme og -forebyggelse" → sundhedsforebyggelse.
  std::string elliptical_expansion(std::size_t i) {
    const text::RawToken& t = raw[i];
    if (t.suspended) {
      for (std::size_t k = i + 1; k < raw.size() && k < i + 8; ++k) {
        if (raw[k].suspended || is_coordinator(raw[k].folded)) continue;
        const std::size_t seam = seam_of(raw[k].folded, false);
        if (seam == 0) return {};
        return t.folded + raw[k].folded.substr(seam);
      }
    }
    if (t.leading_hyphen && i >= 2 && is_coordinator(raw[i - 1].folded)) {
      const std::size_t seam = seam_of(raw[i - 2].folded, true);
      if (seam == 0) return {};
      return raw[i - 2].folded.substr(0, seam) + t.folded;
    }
    return {};
  }

  std::uint32_t run(std::string_view text, const std::function<void(const Token&)>& sink, std::uint32_t position) {
    raw.clear();
    segmenter.segment(text, raw);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      text::RawToken& r = raw[i];
      live = 0;
      token.text = r.folded;
      token.begin = r.begin;
      token.end = r.end;
      token.position = position++;
      token.type = r.type;
      token.stop_word = false;
      token.dictionary_form = false;
      add_term(token, live, r.folded, TermKind::surface);
      switch (r.type) {
        case TokenType::word: {
          // One cache look-up per word: it is the hottest call of indexing.
          const analysis::WordInfo& info = lexicon.word(r.folded);
          token.stop_word = info.stop_word;
          token.dictionary_form = options.lemmas && info.written_as_lemma;
          add_word_terms(token, r.folded, info, false);
          for (const auto& part : r.chain_parts) {
            if (part == r.folded) continue;
            const analysis::WordInfo& part_info = lexicon.word(part);
            if (!part_info.stop_word) {
              for (const auto& lemma : part_info.lemmas) add_term(token, live, lemma, TermKind::part);
            }
          }
          if (options.decompound && (r.suspended || r.leading_hyphen)) {
            std::string expansion = elliptical_expansion(i);
            if (!expansion.empty()) add_word_terms(token, expansion, lexicon.word(expansion), true);
          }
          break;
        }
        case TokenType::date: {
          std::string iso = text::canonical_numeric_date(r.folded);
          add_term(token, live, iso.empty() ? r.folded : iso, TermKind::lemma);
          token.dictionary_form = iso.empty() || iso == r.folded;
          break;
        }
        case TokenType::number:
        case TokenType::case_number:
          add_term(token, live, r.folded, TermKind::lemma);
          token.dictionary_form = true;
          for (const auto& part : r.chain_parts) add_term(token, live, part, TermKind::part);
          break;
      }
      token.terms.resize(live);
      sink(token);
    }
    return position;
  }
};

Analyzer::Analyzer(const AnalyzerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;

// Built directly from an Impl: a default-constructed Analyzer would load
// (and then drop) a whole dictionary and word lists first.
Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Analyzer Analyzer::sharing_cache() {
  return Analyzer(std::make_unique<Impl>(impl_->options, impl_->lexicon.shared_cache()));
}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::analyze(std::string_view text) {
  std::vector<Token> tokens;
  impl_->run(
      text, [&](const Token& t) { tokens.push_back(t); }, 0);
  return tokens;
}

std::uint32_t Analyzer::analyze(std::string_view text, const std::function<void(const Token&)>& sink,
                                std::uint32_t first_position) {
  return impl_->run(text, sink, first_position);
}

std::vector<std::string> Analyzer::lemmas_of(std::string_view word) {
  return impl_->lexicon.word(std::string(word)).lemmas;
}

bool Analyzer::has_dictionary() const noexcept { return impl_->lexicon.has_dictionary(); }
std::size_t Analyzer::cached_words() const noexcept { return impl_->lexicon.cached_words(); }

}  // namespace referat

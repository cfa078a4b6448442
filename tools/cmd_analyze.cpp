#include "commands.hpp"
#include "exit_codes.hpp"

#include <referat/analyzer.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace referat::cli {

Runner add_analyze(CLI::App& app, Common& common) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto query = std::make_shared<bool>(false);
  app.add_flag("--query", *query, "Analyse as a query (same chain; shows query-time terms)");
  app.add_option("--format", common.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("TEXT", *words, "Text to analyse (reads stdin when omitted)");
  return [&common, words, query]() {
    std::string text;
    if (words->empty()) {
      text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      for (const auto& w : *words) text += (text.empty() ? "" : " ") + w;
    }
    if (!is_valid_utf8(text)) text = decode_text(text, "<input>").text;
    AnalyzerOptions options;
    options.data_dir = common.data_dir;
    Analyzer analyzer(options);
    auto tokens = analyzer.analyze(text);
    if (common.format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& t : tokens) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& term : t.terms) {
          nlohmann::json j{{"text", term.text}, {"kind", to_string(term.kind)}};
          if (term.from_context) j["from_context"] = true;  // an elliptical expansion's
          terms.push_back(std::move(j));
        }
        out.push_back({{"token", t.text},
                       {"start", t.begin},
                       {"end", t.end},
                       {"position", t.position},
                       {"type", to_string(t.type)},
                       {"stop_word", t.stop_word},
                       {"dictionary_form", t.dictionary_form},
                       {"terms", terms}});
      }
      std::cout << nlohmann::json{{"mode", *query ? "query" : "index"},
                                  {"dictionary", analyzer.has_dictionary()},
                                  {"tokens", out}}
                       .dump(2)
                << "\n";
      return exit_ok;
    }
    for (const auto& t : tokens) {
      std::cout << t.position << "\t[" << t.begin << "," << t.end << ")\t" << text.substr(t.begin, t.end - t.begin)
                << "\t" << to_string(t.type) << (t.stop_word ? " stop" : "") << "\t";
      bool first = true;
      for (const auto& term : t.terms) {
        std::cout << (first ? "" : " ") << to_string(term.kind) << ":" << term.text;
        first = false;
      }
      std::cout << "\n";
    }
    return exit_ok;
  };
}

}  // namespace referat::cli

#include "commands.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"

#include <iostream>

namespace referat::cli {

Runner add_parse(CLI::App& app, Common& common) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("--format", common.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("FILE", *files, "Minutes files (.txt .pdf .jsonl)")->required();
  return [&common, files]() {
    ParseOptions options;
    options.data_dir = common.data_dir;
    MinutesParser parser(options);
    int status = exit_ok;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& path : *files) {
      try {
        ParsedFile file = parser.parse_file(path);
        if (common.format == "json") {
          all.push_back(to_json(file));
          continue;
        }
        std::cout << file.source << " (" << to_string(file.encoding) << ")\n"
                  << "  meeting: " << (file.committee.empty() ? "-" : file.committee) << ", "
                  << (file.date.valid() ? file.date.iso() : "no date") << "\n";
        if (!file.absent.empty()) std::cout << "  absent: " << join(file.absent, "; ") << "\n";
        for (const auto& item : file.items) {
          std::cout << "  item " << (item.number.empty() ? "-" : item.number) << ": " << item.title << "\n"
                    << "    date " << item.date.iso() << ", committees: " << join(item.committees, "; ");
          if (!item.case_numbers.empty()) std::cout << ", case " << join(item.case_numbers, " ");
          if (item.closed) std::cout << ", closed";
          std::cout << "\n";
          for (const auto& d : item.decisions) {
            std::cout << "    decision: " << d.committee << " " << d.date.iso() << " -> "
                      << (d.outcome.empty() ? "?" : d.outcome) << "\n";
          }
          if (!item.topics.empty()) std::cout << "    topics: " << join(item.topics, ", ") << "\n";
          std::cout << "    sections:";
          for (const auto& s : item.sections) std::cout << " " << to_string(s.kind);
          std::cout << "\n";
          if (!item.attachments.empty()) std::cout << "    attachments: " << item.attachments.size() << "\n";
        }
        for (const auto& d : file.diagnostics) std::cout << "  note: line " << d.line << ": " << d.message << "\n";
      } catch (const InputError& e) {
        std::cerr << "referat: " << e.what() << "\n";
        status = exit_bad_input;
      }
    }
    if (common.format == "json") std::cout << all.dump(2) << "\n";
    return status;
  };
}

}  // namespace referat::cli

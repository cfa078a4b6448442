// trends, case, export: the analysts' commands.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"
#include "search_options.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace referat::cli {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

double value_of(const TrendPoint& p, bool normalize) { return normalize ? p.share : static_cast<double>(p.count); }

// A self-contained SVG line chart: axes, period labels, legend.
std::string svg_chart(const std::vector<TrendSeries>& series, bool normalize) {
  static const char* colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                  "#9467bd", "#8c564b", "#e377c2", "#17becf"};
  const double width = 900, height = 420, left = 60, right = 220, top = 30, bottom = 70;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  std::size_t n = series.empty() ? 0 : series.front().points.size();
  double max = 0;
  for (const auto& s : series) {
    for (const auto& p : s.points) max = std::max(max, value_of(p, normalize));
  }
  if (max <= 0) max = 1;
  char buf[256];
  std::string svg;
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                "font-family=\"sans-serif\" font-size=\"11\">\n",
                width, height, width, height);
  svg += buf;
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", left,
                top + plot_h, left + plot_w, top + plot_h);
  svg += buf;
  std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", left,
                top, left, top + plot_h);
  svg += buf;
  for (int t = 0; t <= 4; ++t) {
    double v = max * t / 4, y = top + plot_h - plot_h * t / 4;
    std::snprintf(buf, sizeof buf,
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                  "y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                  left - 5, y + 4,
                  (normalize ? std::to_string(static_cast<int>(std::lround(v * 100))) + "%"
                             : std::to_string(static_cast<long>(std::lround(v))))
                      .c_str(),
                  left, y, left + plot_w, y);
    svg += buf;
  }
  auto x_of = [&](std::size_t i) {
    return left + (n > 1 ? plot_w * static_cast<double>(i) / static_cast<double>(n - 1) : plot_w / 2);
  };
  std::size_t step = std::max<std::size_t>(1, n / 12);
  for (std::size_t i = 0; i < n; i += step) {
    std::snprintf(buf, sizeof buf,
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %.1f)\">%s</text>\n",
                  x_of(i), top + plot_h + 15, x_of(i), top + plot_h + 15,
                  xml_escape(series.front().points[i].period).c_str());
    svg += buf;
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    const char* colour = colours[k % 8];
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
      double y = top + plot_h - plot_h * value_of(series[k].points[i], normalize) / max;
      std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", i ? " " : "", x_of(i), y);
      points += buf;
    }
    svg += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + std::string(colour) + "\" points=\"" + points +
           "\"/>\n";
    std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                  left + plot_w + 15, top + 18.0 * static_cast<double>(k), colour);
    svg += buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\">", left + plot_w + 32,
                  top + 10 + 18.0 * static_cast<double>(k));
    svg += buf + xml_escape(series[k].label) + "</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

std::string sparkline(const TrendSeries& s, bool normalize) {
  static const char* bars[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double max = 0;
  for (const auto& p : s.points) max = std::max(max, value_of(p, normalize));
  std::string out;
  for (const auto& p : s.points) {
    double v = value_of(p, normalize);
    out += bars[max > 0 ? static_cast<int>(std::lround(8 * v / max)) : 0];
  }
  return out;
}

}  // namespace

Runner add_trends(CLI::App& app, Common& common) {
  struct Args {
    std::string by = "month", from, to, svg;
    std::vector<std::string> topics, queries, committees;
    bool normalize = false, split = false;
  };
  auto a = std::make_shared<Args>();
  app.add_option("--by", a->by, "month, quarter or year")->check(CLI::IsMember({"month", "quarter", "year"}));
  app.add_option("--from", a->from, "From date");
  app.add_option("--to", a->to, "To date");
  // One value each, repeated for more: `--query klima miljø` would otherwise
  // be two series where one was meant (quote a query of several words).
  app.add_option("--topic", a->topics, "A topic series (repeatable)")->allow_extra_args(false);
  app.add_option("--query", a->queries, "A query series (repeatable; quote a query of several words)")
      ->allow_extra_args(false);
  app.add_option("--committee", a->committees, "Only these committees (repeatable)")->allow_extra_args(false);
  app.add_flag("--split-committees", a->split, "One series per --committee");
  app.add_flag("--normalize", a->normalize, "Share of all items in each period");
  app.add_option("--format", common.format, "text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}));
  app.add_option("--svg", a->svg, "Also write an SVG line chart to FILE");
  return [&common, a]() {
    Searcher searcher = open_searcher(common);
    TrendRequest r;
    r.by = a->by == "year" ? Period::year : a->by == "quarter" ? Period::quarter : Period::month;
    r.from = date_option(a->from, "--from");
    r.to = date_option(a->to, "--to");
    r.topics = a->topics;
    r.queries = a->queries;
    r.committees = a->committees;
    r.split_by_committee = a->split;
    r.normalize = a->normalize;
    auto series = searcher.trends(r);
    if (!a->svg.empty()) {
      std::ofstream out(a->svg);
      out << svg_chart(series, a->normalize);
      if (!out) throw Error(ErrorKind::io, "cannot write " + a->svg);
    }
    if (common.format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& s : series) {
        nlohmann::json points = nlohmann::json::array();
        for (const auto& p : s.points) {
          nlohmann::json j = {{"period", p.period}, {"count", p.count}, {"total", p.total}};
          if (a->normalize) j["share"] = p.share;
          points.push_back(j);
        }
        out.push_back({{"label", s.label}, {"query", s.query}, {"points", points}});
      }
      std::cout << nlohmann::json{{"by", a->by}, {"series", out}}.dump(2) << "\n";
    } else if (common.format == "csv") {
      std::cout << csv_line({"series", "period", "count", "total", "share"});
      for (const auto& s : series) {
        for (const auto& p : s.points) {
          char share[32];
          std::snprintf(share, sizeof share, "%.6f", p.share);
          std::cout << csv_line({s.label, p.period, std::to_string(p.count), std::to_string(p.total), share});
        }
      }
    } else {
      for (const auto& s : series) {
        std::size_t sum = 0;
        for (const auto& p : s.points) sum += p.count;
        std::cout << s.label << "  (" << sum << (sum == 1 ? " item)\n  " : " items)\n  ") << sparkline(s, a->normalize)
                  << "\n";
        for (const auto& p : s.points) {
          std::cout << "  " << p.period << "  " << p.count << "/" << p.total;
          if (a->normalize) std::printf("  %.1f%%", 100 * p.share);
          std::cout << "\n";
        }
      }
    }
    return int(exit_ok);
  };
}

Runner add_case(CLI::App& app, Common& common) {
  auto number = std::make_shared<std::string>();
  app.add_option("--format", common.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("CASE_NUMBER", *number, "Case number, e.g. 23/2079")->required();
  return [&common, number]() {
    // The library trims it too; trimmed here so the header and JSON echo
    // the case number, not the spaces pasted around it.
    const std::size_t first = number->find_first_not_of(" \t");
    *number =
        first == std::string::npos ? std::string() : number->substr(first, number->find_last_not_of(" \t") - first + 1);
    Searcher searcher = open_searcher(common);
    auto events = searcher.case_timeline(*number);
    if (common.format == "json") {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& e : events) {
        out.push_back({{"date", to_json(e.date)},
                       {"committee", e.committee},
                       {"item_id", e.item_id},
                       {"title", e.title},
                       {"outcome", e.outcome}});
      }
      std::cout << nlohmann::json{{"case", *number}, {"events", out}}.dump(2) << "\n";
    } else {
      std::cout << "case " << *number << ": " << events.size() << (events.size() == 1 ? " event\n" : " events\n");
      for (const auto& e : events) {
        std::cout << "  " << e.date.iso() << "  " << e.committee << "  " << (e.outcome.empty() ? "-" : e.outcome)
                  << "  " << e.title << "\n";
      }
    }
    return int(exit_ok);
  };
}

Runner add_export(CLI::App& app, Common& common) {
  auto a = std::make_shared<SearchArgs>();
  common.format = "jsonl";
  app.add_option("--format", common.format, "jsonl")->check(CLI::IsMember({"jsonl"}));
  add_filter_options(app, *a);
  return [&common, a]() {
    Searcher searcher = open_searcher(common);
    for (const auto& item : searcher.all_items(request_of(*a))) std::cout << to_export_record(item).dump() << "\n";
    return int(exit_ok);
  };
}

}  // namespace referat::cli

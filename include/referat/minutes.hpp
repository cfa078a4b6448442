#pragma once
/// @file
/// The minutes model: a file yields one meeting with agenda items; an item
/// has sections, decisions, attachments, case numbers and topics.

#include <referat/analyzer.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace referat {

/// A calendar date (no time zone). `valid()` is false for the empty date.
struct Date {
  int year = 0, month = 0, day = 0;
  [[nodiscard]] bool valid() const noexcept { return year > 0; }
  /// "YYYY-MM-DD", or "" when not valid.
  [[nodiscard]] std::string iso() const;
  /// YYYYMMDD as an integer (0 when not valid); orders like the date.
  [[nodiscard]] int key() const noexcept { return year * 10000 + month * 100 + day; }
  bool operator==(const Date& o) const { return key() == o.key(); }
  bool operator<(const Date& o) const { return key() < o.key(); }
};

/// True for a day of the calendar between 1900 and 2199 (29 February only in
/// leap years). Every date referat reads or is given must be one.
[[nodiscard]] bool is_calendar_date(int year, int month, int day) noexcept;

/// Parses one date in the forms Danish minutes use ("18-03-2025",
/// "18.03.2025", "2025-03-18", "Tirsdag den 19. april 2022", "1.april",
/// "9. maj", "sept. 2024"). A date without a year takes `default_year`
/// (0: no date). Returns nullopt when `text` holds no date.
std::optional<Date> parse_date(std::string_view text, int default_year = 0);

/// Finds the first date anywhere in `text` (see parse_date()).
std::optional<Date> find_date(std::string_view text, int default_year = 0);

/// Section kinds of an agenda item.
enum class SectionKind : std::uint8_t {
  preamble,  ///< text before the first heading
  sagsgang,
  sagsfremstilling,
  resume,
  indstilling,
  beslutning,
  referat,
  okonomi,  ///< Økonomiske konsekvenser
  lovgrundlag,
  bilag,
  sammenhaeng,  ///< Sammenhæng til …
  other
};

/// Stable lower-case name of a section kind ("sagsfremstilling", …).
const char* to_string(SectionKind kind) noexcept;

struct Section {
  SectionKind kind = SectionKind::other;
  std::string heading;  ///< the heading as written
  std::string text;
};

/// One "Beslutning i <udvalg> den <dato>" block.
struct Decision {
  std::string committee;  ///< canonical committee name
  Date date;
  std::string outcome;               ///< normalised: godkendt, anbefalet, tiltrådt, …, or "" if unknown
  std::string text;                  ///< the decision text as written
  std::vector<std::string> dissent;  ///< notes of dissent, with the parties named
};

struct Attachment {
  int number = 0;
  std::string title;
  std::string document_id;  ///< e.g. "124153/23", kept apart from case numbers
};

/// Something the parser could not read, with its 1-based line.
struct Diagnostic {
  std::size_t line = 0;
  std::string message;
};

struct AgendaItem {
  std::string number;  ///< "1", "5.a"; empty when the file has none
  std::string title;
  std::vector<std::string> case_numbers;  ///< 23/2079, 00.30.10-G01-12-24, SAG-2024-12345
  bool closed = false;                    ///< Lukket sag / Lukket punkt
  std::vector<std::string> committees;    ///< canonical; meeting's plus every decision's
  Date date;                              ///< the item's own date, else the meeting's
  std::vector<Section> sections;
  std::vector<Decision> decisions;
  std::vector<Attachment> attachments;
  std::vector<int> pages;                       ///< 1-based PDF pages the item spans
  std::vector<std::string> topics;              ///< topic ids from the taxonomy
  std::map<std::string, std::string> metadata;  ///< extra fields (JSONL), e.g. url
  std::string id;                               ///< a given id (JSONL); empty for files

  /// All sections joined by blank lines, each heading on its own line before
  /// its text: what full-text search indexes and snippets quote. When
  /// `section_ranges` is given it receives each section's [begin, end) byte
  /// range in the returned text, in section order.
  [[nodiscard]] std::string full_text(std::vector<std::pair<std::size_t, std::size_t>>* section_ranges = nullptr) const;
};

/// The parsed form of one input file.
struct ParsedFile {
  std::string source;  ///< the path as given
  Encoding encoding = Encoding::utf8;
  std::string committee;  ///< canonical meeting committee
  Date date;
  std::string time;  ///< "12:00-14:00" when given
  std::string place;
  std::vector<std::string> participants;
  std::vector<std::string> absent;
  std::vector<AgendaItem> items;
  std::vector<Diagnostic> diagnostics;
};

/// Canonical committee names and their aliases (abbreviations, definite
/// forms), from an editable TSV table: `canonical<TAB>alias<TAB>alias…`.
class CommitteeTable {
 public:
  /// The bundled table, or `path` when given.
  static CommitteeTable load(const std::string& path = {});
  /// Canonical name for a written name or abbreviation; the input tidied up
  /// (case kept, whitespace collapsed) when it is unknown.
  [[nodiscard]] std::string canonical(std::string_view name) const;
  /// True when `name` is a known canonical name or alias.
  [[nodiscard]] bool known(std::string_view name) const;
  /// All aliases (normalised keys) → canonical names.
  [[nodiscard]] const std::map<std::string, std::string>& entries() const noexcept { return map_; }

 private:
  std::map<std::string, std::string> map_;
};

/// Normalises a decision text to the outcome taxonomy (godkendt, anbefalet,
/// tiltrådt, taget til efterretning, ikke godkendt, udsat, drøftet,
/// oversendt, orienteret); "" when none applies.
std::string classify_outcome(std::string_view decision_text);

/// Case numbers in `text` (23/2079, KLE 00.30.10-G01-12-24, SAG-2024-12345),
/// excluding document ids in parentheses such as (124153/23).
std::vector<std::string> find_case_numbers(std::string_view text);

/// A topic of the taxonomy: an id, a label and a query in referat's query
/// language that defines it.
struct Topic {
  std::string id;
  std::string label;
  std::string query;
};

/// Topics from an editable TSV file (`id<TAB>label<TAB>query`); the bundled
/// taxonomy when `path` is empty.
std::vector<Topic> load_topics(const std::string& path = {});

/// Options of the parser.
struct ParseOptions {
  /// Folder whose `committees.tsv` / `topics.tsv` override the bundled tables
  /// (each only when present there); empty uses the bundled ones.
  std::string data_dir;
  /// Tag items with topics (needs an Analyzer: about 0.1 s on first use).
  bool tag_topics = true;
  /// Analyzer used for topic matching.
  AnalyzerOptions analyzer;
};

/// Parses minutes. Each function reads one file; none throws for a file whose
/// structure it does not recognise (the text becomes one item with a
/// diagnostic), but all throw InputError for unreadable, empty-of-text or
/// binary files.
class MinutesParser {
 public:
  explicit MinutesParser(const ParseOptions& options = {});
  ~MinutesParser();
  MinutesParser(MinutesParser&&) noexcept;
  MinutesParser& operator=(MinutesParser&&) noexcept;

  /// Reads a .txt, .pdf or .jsonl file by its extension.
  [[nodiscard]] ParsedFile parse_file(const std::string& path);
  /// Parses the already-read `bytes` of the file at `path`, by its extension.
  [[nodiscard]] ParsedFile parse_contents(const std::string& path, std::string_view bytes);
  /// Parses already-decoded text (UTF-8) as minutes.
  [[nodiscard]] ParsedFile parse_text(std::string_view text, const std::string& source);
  /// Parses raw bytes of a text file (detects UTF-8/Windows-1252).
  [[nodiscard]] ParsedFile parse_bytes(std::string_view bytes, const std::string& source);
  /// Parses JSON Lines; bad lines become diagnostics, the rest items.
  /// `first_line` is the line number of the first line of `bytes` (a piece of
  /// a larger file). Throws InputError when no line holds a valid record.
  [[nodiscard]] ParsedFile parse_jsonl(std::string_view bytes, const std::string& source, std::size_t first_line = 1);
  /// Extracts a PDF's text per page and parses it; throws InputError for a PDF
  /// without a text layer.
  [[nodiscard]] ParsedFile parse_pdf(const std::string& path);
  /// parse_pdf() on the file's bytes.
  [[nodiscard]] ParsedFile parse_pdf_bytes(std::string_view bytes, const std::string& path);

  [[nodiscard]] const CommitteeTable& committees() const noexcept;
  [[nodiscard]] const std::vector<Topic>& topics() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace referat

// SQLite FTS5 peer: the unicode61 tokenizer (no stemming), bm25 ranking with
// the title weighted 3×, snippet() for highlights, GROUP BY for facets.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "engines.hpp"
#include "stats.hpp"

namespace bench {
namespace {

class Db {
 public:
  explicit Db(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) fail("open " + path);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("sqlite: " + what + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(const Db& db, const std::string& sql) : db_(db) {
    ok_ = sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &stmt_, nullptr) == SQLITE_OK;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// False when the statement did not compile or the MATCH expression is
  /// invalid for FTS5 (counted as "no hits", as a user would see it).
  [[nodiscard]] bool ok() const { return ok_; }
  void bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) ok_ = false;
    return false;
  }
  void done() {
    if (sqlite3_step(stmt_) != SQLITE_DONE) db_.fail("step");
    sqlite3_reset(stmt_);
  }
  std::string text(int col) {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  std::int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  const Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
};

class SqliteEngine : public Engine {
 public:
  explicit SqliteEngine(const std::string& path) : db_(path, SQLITE_OPEN_READONLY) {}

  Answer search(const std::string& query, const DateFilter& extra, const SearchWork& work) override {
    Answer answer;
    PeerQuery q = parse_peer_query(query);
    const std::string match = q.root ? to_fts5(*q.root) : "";
    if (match.empty()) return answer;  // FTS5 cannot list all rows by a filter alone
    const DateFilter dates = intersect(q.dates, extra);
    std::string where = " FROM items WHERE items MATCH ?1";
    if (!dates.from.empty()) where += " AND date >= ?2";
    if (!dates.to.empty()) where += " AND date <= ?3";
    auto bind = [&](Statement& s) {
      s.bind(1, match);
      if (!dates.from.empty()) s.bind(2, dates.from);
      if (!dates.to.empty()) s.bind(3, dates.to);
    };
    if (work.facets_and_snippets) {
      // Exact total and committee counts in one pass, year counts in another.
      Statement committees(db_, "SELECT committee, count(*)" + where + " GROUP BY committee");
      if (!committees.ok()) return answer;
      bind(committees);
      while (committees.step()) answer.total += static_cast<std::size_t>(committees.integer(1));
      Statement years(db_, "SELECT substr(date, 1, 4), count(*)" + where + " GROUP BY 1");
      bind(years);
      while (years.step()) {
      }
    } else {
      Statement count(db_, "SELECT count(*)" + where);
      if (!count.ok()) return answer;
      bind(count);
      if (count.step()) answer.total = static_cast<std::size_t>(count.integer(0));
    }
    const std::string columns = work.facets_and_snippets ? "id, snippet(items, 1, '[', ']', '…', 24)" : "id";
    Statement top(db_,
                  "SELECT " + columns + where + " ORDER BY bm25(items, 3.0, 1.0) LIMIT " + std::to_string(work.limit));
    if (!top.ok()) return answer;
    bind(top);
    while (top.step()) answer.ids.push_back(top.text(0));
    return answer;
  }

 private:
  Db db_;
};

}  // namespace

IndexFigures index_sqlite(const std::vector<Record>& records, const std::string& where) {
  std::filesystem::remove(where);
  IndexFigures figures;
  const double start = now_seconds();
  {
    Db db(where, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec(
        "CREATE VIRTUAL TABLE items USING fts5(title, body, id UNINDEXED, date UNINDEXED, committee UNINDEXED, "
        "tokenize = 'unicode61')");
    db.exec("BEGIN");
    Statement insert(db, "INSERT INTO items (title, body, id, date, committee) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert.ok()) db.fail("prepare insert");
    for (const auto& r : records) {
      insert.bind(1, r.title);
      insert.bind(2, r.text);
      insert.bind(3, r.id);
      insert.bind(4, r.date);
      insert.bind(5, r.committee);
      insert.done();
    }
    db.exec("COMMIT");
    figures.seconds = now_seconds() - start;
    figures.items = records.size();
    figures.bytes = std::filesystem::file_size(where);
    // FTS5's 'optimize' merges its b-trees into one: its compaction.
    const double t0 = now_seconds();
    db.exec("INSERT INTO items(items) VALUES('optimize')");
    db.exec("VACUUM");
    figures.compact_seconds = now_seconds() - t0;
  }
  figures.compact_bytes = std::filesystem::file_size(where);
  return figures;
}

std::unique_ptr<Engine> open_sqlite(const std::string& where) { return std::make_unique<SqliteEngine>(where); }

}  // namespace bench

// PostgreSQL 15 peer: the `danish` text search configuration (Snowball),
// a stored tsvector (title weight A) with a GIN index, ts_rank ordering and
// ts_headline snippets, GROUP BY for facets. bench/run starts a private
// server and names it in $BENCH_PG (a libpq connection string).
#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "engines.hpp"
#include "stats.hpp"

namespace bench {
namespace {

std::string server() {
  const char* s = std::getenv("BENCH_PG");
  if (!s || !*s) throw std::runtime_error("postgres: set BENCH_PG to a libpq connection string");
  return s;
}

class Connection {
 public:
  explicit Connection(const std::string& database) {
    conn_ = PQconnectdb((server() + " dbname=" + database).c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw std::runtime_error("postgres: cannot connect: " + msg);
    }
    // NOTICEs (e.g. a stop word dropped from a tsquery) are not errors.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs `sql`; rows for a query, nullptr (and `error` set) on failure.
  PGresult* run(const std::string& sql, std::string* error = nullptr) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(r);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_COPY_IN) return r;
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    if (!error) throw std::runtime_error("postgres: " + msg + " in: " + sql.substr(0, 200));
    *error = msg;
    return nullptr;
  }
  void exec(const std::string& sql) { PQclear(run(sql)); }

  void copy_row(const std::string& row) {
    if (PQputCopyData(conn_, row.data(), static_cast<int>(row.size())) != 1) throw std::runtime_error("postgres: copy");
  }
  void end_copy() {
    if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error("postgres: copy end");
    PGresult* r = PQgetResult(conn_);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    while ((r = PQgetResult(conn_))) PQclear(r);
    if (!ok) throw std::runtime_error("postgres: copy failed: " + msg);
  }
  std::string value(const std::string& sql) {
    PGresult* r = run(sql);
    std::string v = PQntuples(r) ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return v;
  }

 private:
  PGconn* conn_ = nullptr;
};

// COPY text format: backslash, tab, newline and carriage return escaped.
void append_copy_field(std::string& row, const std::string& v) {
  for (char c : v) {
    switch (c) {
      case '\\': row += "\\\\"; break;
      case '\t': row += "\\t"; break;
      case '\n': row += "\\n"; break;
      case '\r': row += "\\r"; break;
      case '\0': break;
      default: row += c;
    }
  }
}

// A server process's own peak resident memory (root or the same user can read it).
double process_peak_rss_mib(const std::string& pid) {
  std::ifstream in("/proc/" + pid + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

std::string literal(const std::string& s) { return detail::quoted(s, '\''); }

class PostgresEngine : public Engine {
 public:
  explicit PostgresEngine(const std::string& database) : conn_(database) {}

  Answer search(const std::string& query, const DateFilter& extra, const SearchWork& work) override {
    Answer answer;
    PeerQuery q = parse_peer_query(query);
    if (!q.root) return answer;
    const DateFilter dates = intersect(q.dates, extra);
    std::string from = " FROM items, (SELECT " + to_tsquery_sql(*q.root) + " AS q) query WHERE tsv @@ query.q";
    if (!dates.from.empty()) from += " AND date >= " + literal(dates.from);
    if (!dates.to.empty()) from += " AND date <= " + literal(dates.to);
    std::string error;
    if (work.facets_and_snippets) {
      PGresult* committees = conn_.run("SELECT committee, count(*)" + from + " GROUP BY committee", &error);
      if (!committees) return answer;
      for (int i = 0; i < PQntuples(committees); ++i)
        answer.total += std::strtoull(PQgetvalue(committees, i, 1), nullptr, 10);
      PQclear(committees);
      PQclear(conn_.run("SELECT extract(year FROM date), count(*)" + from + " GROUP BY 1", &error));
      PGresult* top = conn_.run(
          "SELECT id, ts_headline('danish', body, q, 'MaxFragments=2, MinWords=10, MaxWords=30') FROM (SELECT id, "
          "body, query.q, ts_rank(tsv, query.q) AS rank" +
              from + " ORDER BY rank DESC LIMIT " + std::to_string(work.limit) + ") ranked",
          &error);
      if (!top) return answer;
      for (int i = 0; i < PQntuples(top); ++i) answer.ids.emplace_back(PQgetvalue(top, i, 0));
      PQclear(top);
    } else {
      PGresult* count = conn_.run("SELECT count(*)" + from, &error);
      if (!count) return answer;
      answer.total = std::strtoull(PQgetvalue(count, 0, 0), nullptr, 10);
      PQclear(count);
      PGresult* top = conn_.run(
          "SELECT id" + from + " ORDER BY ts_rank(tsv, query.q) DESC LIMIT " + std::to_string(work.limit), &error);
      if (!top) return answer;
      for (int i = 0; i < PQntuples(top); ++i) answer.ids.emplace_back(PQgetvalue(top, i, 0));
      PQclear(top);
    }
    return answer;
  }

 private:
  Connection conn_;
};

}  // namespace

IndexFigures index_postgres(const std::vector<Record>& records, const std::string& where) {
  {
    Connection admin("postgres");
    admin.exec("DROP DATABASE IF EXISTS " + where);
    admin.exec("CREATE DATABASE " + where + " TEMPLATE template0 ENCODING 'UTF8'");
  }
  IndexFigures figures;
  const double start = now_seconds();
  Connection conn(where);
  conn.exec(
      "CREATE TABLE items (id text, title text, body text, date date, committee text, tsv tsvector GENERATED "
      "ALWAYS AS (setweight(to_tsvector('danish', coalesce(title, '')), 'A') || to_tsvector('danish', "
      "coalesce(body, ''))) STORED)");
  // Bulk load, then build the GIN index once: PostgreSQL's fastest path.
  conn.exec("COPY items (id, title, body, date, committee) FROM STDIN");
  std::string row;
  for (const auto& r : records) {
    row.clear();
    append_copy_field(row, r.id);
    row += '\t';
    append_copy_field(row, r.title);
    row += '\t';
    append_copy_field(row, r.text);
    row += '\t';
    if (r.date.empty())
      row += "\\N";
    else
      append_copy_field(row, r.date);
    row += '\t';
    append_copy_field(row, r.committee);
    row += '\n';
    conn.copy_row(row);
  }
  conn.end_copy();
  conn.exec("CREATE INDEX items_tsv ON items USING gin (tsv)");
  conn.exec("ANALYZE items");
  conn.exec("CHECKPOINT");  // durable, like the other engines' commit
  figures.seconds = now_seconds() - start;
  figures.items = records.size();
  figures.bytes = std::strtoull(conn.value("SELECT pg_total_relation_size('items')").c_str(), nullptr, 10);
  figures.server_peak_rss_mib = process_peak_rss_mib(conn.value("SELECT pg_backend_pid()"));
  return figures;
}

std::unique_ptr<Engine> open_postgres(const std::string& where) { return std::make_unique<PostgresEngine>(where); }

}  // namespace bench

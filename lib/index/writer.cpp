#include <referat/error.hpp>
#include <referat/index.hpp>

#include "common/embedded_data.hpp"
#include "common/files.hpp"
#include "index/document_builder.hpp"
#include "index/schema.hpp"
#include "index/shards.hpp"
#include "minutes/topics.hpp"

#include <xapian.h>

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace referat {
namespace {

bool indexable(const fs::path& p) {
  const std::string ext = detail::lower_extension(p.string());
  return ext == ".txt" || ext == ".pdf" || ext == ".jsonl" || ext == ".ndjson";
}

// fs::file_size reports an error as (uintmax_t)-1; count such a file as empty
// (reading it then fails with a clear message).
std::uint64_t file_size_or_zero(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : p.string();
}

// Item ids stay the same when a file is re-indexed: file stem, a short hash
// of its absolute path, and the item's ordinal.
std::string item_id(const std::string& abs_path, std::size_t ordinal) {
  std::string stem = fs::path(abs_path).stem().string();
  return stem + "-" + detail::content_hash(abs_path).substr(0, 6) + "-" + std::to_string(ordinal);
}

std::string without_trailing_slash(const std::string& path) {
  std::string base = fs::path(path).lexically_normal().string();
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return base;
}

// Puts folder `fresh` at `base` and the old `base` at `fresh`. One atomic
// exchange where the file system offers it (readers never find `base`
// missing); else two renames.
void exchange_folders(const std::string& fresh, const std::string& base) {
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, base.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS)
    throw fs::filesystem_error("cannot swap folders", fresh, base, std::error_code(errno, std::generic_category()));
  const std::string old = base + ".before-swap";
  fs::remove_all(old);
  fs::rename(base, old);
  fs::rename(fresh, base);
  fs::rename(old, fresh);
}

// Metadata key holding the content hash of the indexed file `key`.
std::string file_hash_key(const std::string& key) { return std::string(schema::file_hash_key) + key; }

// A copy's file_hash_key value (schema::duplicate_marker): its original and
// the versioned hash it was checked with. read_duplicate_value() is false
// for any other value.
std::string duplicate_value(const std::string& original, const std::string& checked_hash) {
  return std::string(schema::duplicate_marker) + original + "\n" + checked_hash;
}
bool read_duplicate_value(const std::string& value, std::string& original, std::string& checked_hash) {
  const std::size_t start = schema::duplicate_marker.size();
  if (value.compare(0, start, schema::duplicate_marker) != 0) return false;
  const std::size_t newline = value.find('\n', start);
  if (newline == std::string::npos) return false;
  original = value.substr(start, newline - start);
  checked_hash = value.substr(newline + 1);
  return true;
}

// What a file's terms depend on besides the file: the analysis code's
// version, the data files in use (bundled or overridden with --data-dir) and
// the hunspell dictionary. A file indexed under another fingerprint is
// indexed again rather than skipped as unchanged.
std::string analysis_fingerprint(const AnalyzerOptions& analyzer, const std::string& parser_data_dir) {
  std::string basis(schema::analysis_version);
  auto add_data = [&](const std::string& dir, const char* name) {
    basis += detail::load_data(minutes::data_file(dir, name), name);
  };
  for (const char* name : {"stopwords-da.txt", "lemma-exceptions.tsv", "place-names.tsv", "compound-blocklist.txt"})
    add_data(analyzer.data_dir, name);
  for (const char* name : {"committees.tsv", "topics.tsv"}) add_data(parser_data_dir, name);
  const std::string dic = analyzer.dictionary_dir + "/da_DK.dic";
  if (fs::exists(dic)) basis += detail::file_content_hash(dic);
  return detail::content_hash(basis);
}

[[noreturn]] void rethrow_xapian(const Xapian::Error& e, const std::string& path) {
  std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    throw IndexError(ErrorKind::index_locked, "index is locked by another process: " + path);
  }
  if (type == "DatabaseCorruptError" || type == "DatabaseVersionError" || type == "DatabaseOpeningError") {
    throw IndexError(ErrorKind::index_corrupt, "index cannot be opened (" + type + "): " + path + ": " + e.get_msg());
  }
  throw IndexError(ErrorKind::io, "index error (" + type + ") at " + path + ": " + e.get_msg());
}

}  // namespace

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  Xapian::WritableDatabase db;
  MinutesParser parser;
  std::vector<std::unique_ptr<Analyzer>> analyzers;
  std::unique_ptr<minutes::Resolver> resolver;
  std::unique_ptr<minutes::TopicTagger> tagger;
  std::unique_ptr<index::ShardedBuild> shards;  // during a fresh add_paths() run only
  index::DocumentLayout layout;                 // of this index
  index::LemmaForms forms;                      // written with each item (write())
  std::string fingerprint;                      // analysis_fingerprint() of this run
  std::size_t pending = 0;                      // items since the last commit
  std::uint64_t pending_bytes = 0;              // input bytes since the last commit

  // An item's lemma forms go in before the item: Xapian commits by itself
  // every 10,000 changed documents (inside replace_document), and a
  // committed item must never miss the forms that make its lemmas findable.
  // (Shards wait for their commits: a shard is scratch until the merge.)
  void write(const index::BuiltDocument& built) {
    forms.add(built.forms);
    forms.write(db);
    db.replace_document(built.id_term, built.document);
  }

  [[nodiscard]] bool batch_full() const {
    return pending >= options.batch_items || pending_bytes >= options.batch_bytes;
  }

  Impl(const std::string& p, const IndexOptions& o) : path(p), options(o), parser(parse_options(o)) {
    try {
      // A run killed half-way through a two-rename swap (exchange_folders).
      const std::string swapped_out = without_trailing_slash(path) + ".before-swap";
      if (!fs::exists(path) && fs::exists(swapped_out)) fs::rename(swapped_out, path);
      fs::create_directories(path);
      db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN, schema::block_size);
      const std::string problem =
          schema::format_problem(db.get_metadata(std::string(schema::format_key)), db.get_doccount());
      if (!problem.empty()) throw IndexError(ErrorKind::index_corrupt, path + ": " + problem);
      // A new (or emptied) index takes this version's layout and the options'
      // store; one with items keeps its own (formats 6 and 7: Z postings for
      // every lemma and the text in the record, marked 7 since the records
      // may now be zstd frames). Format 8 differs from 9 only in records,
      // which say where their text is: it becomes 9.
      const bool fresh = db.get_doccount() == 0;
      const bool current = fresh || schema::lemmas_under_forms(db.get_metadata(std::string(schema::format_key)));
      layout.lemmas_under_forms = current;
      layout.text_in_value = current;
      db.set_metadata(std::string(schema::format_key),
                      std::string(current ? schema::format_version : schema::format_with_lemma_postings));
      layout.positions =
          fresh ? options.positions : schema::position_store(db.get_metadata(std::string(schema::positions_key)));
      db.set_metadata(std::string(schema::positions_key), position_store_name(layout.positions));
      // Scratch folders of a killed run; we hold the lock, nobody else uses them.
      for (const char* scratch : {".shards", ".merging", ".compacting"})
        fs::remove_all(without_trailing_slash(path) + scratch);
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, path);
    } catch (const fs::filesystem_error& e) {
      throw IndexError(ErrorKind::io, std::string("cannot create index folder: ") + e.what());
    }
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    AnalyzerOptions a = options.analyzer;
    if (a.data_dir.empty()) a.data_dir = options.parser.data_dir;
    analyzers.push_back(std::make_unique<Analyzer>(a));
    fingerprint = analysis_fingerprint(a, options.parser.data_dir);
    for (unsigned i = 1; i < std::min(threads, 16u); ++i) {
      analyzers.push_back(std::make_unique<Analyzer>(analyzers.front()->sharing_cache()));
    }
    resolver = std::make_unique<minutes::Resolver>(parser.committees(), parser.topics());
    tagger = std::make_unique<minutes::TopicTagger>(parser.topics(), *resolver);
  }

  // Shards pay off when there is much to write and nothing to replace.
  [[nodiscard]] bool worth_sharding(std::uint64_t input_bytes) const {
    return analyzers.size() > 1 && input_bytes >= options.shard_min_bytes && db.get_doccount() == 0;
  }

  void start_shards() {
    std::vector<Analyzer*> shard_analyzers;
    for (auto& a : analyzers) shard_analyzers.push_back(a.get());
    shards = std::make_unique<index::ShardedBuild>(without_trailing_slash(path) + ".shards", shard_analyzers,
                                                   options.batch_bytes);
  }

  // Merges the shards into a new folder and puts it in the index's place.
  void finish_shards() {
    db.commit();
    const std::string merged = without_trailing_slash(path) + ".merging";
    fs::remove_all(merged);
    shards->merge(path, merged);
    shards.reset();
    replace_folder(merged);
  }

  // Puts the database in `fresh` where the index is; the write lock is let go
  // for the moment the folders are swapped.
  void replace_folder(const std::string& fresh) {
    const std::string base = without_trailing_slash(path);
    db.close();
    exchange_folders(fresh, base);
    fs::remove_all(fresh);
    db = Xapian::WritableDatabase(base, Xapian::DB_OPEN);
  }

  // A content hash as stored: with the analysis it was indexed under.
  [[nodiscard]] std::string versioned(const std::string& content_hash) const {
    return content_hash + "/" + fingerprint;
  }

  [[nodiscard]] std::string stored_hash(const std::string& key) const { return metadata(file_hash_key(key)); }

  // Metadata of the index as this run leaves it (the shards' while building).
  [[nodiscard]] std::string metadata(const std::string& key) const {
    if (shards) {
      if (const std::string* value = shards->metadata(key)) return *value;
    }
    return db.get_metadata(key);
  }
  void set_metadata(const std::string& key, const std::string& value) {
    if (shards)
      shards->set_metadata(key, value);
    else
      db.set_metadata(key, value);
  }

  // The file whose items hold the content `hash` (raw), if it is not `key`
  // and still exists; else "". Under any analysis: a holder indexed under an
  // older one is indexed again when its own path comes, and its copy must
  // not be indexed beside it meanwhile.
  [[nodiscard]] std::string original_of(const std::string& key, const std::string& hash) const {
    const std::string holder = metadata(std::string(schema::content_key) + hash);
    if (holder.empty() || holder == key) return {};
    const std::string stored = stored_hash(holder);  // content hash "/" analysis fingerprint
    std::error_code ec;
    if (stored.compare(0, stored.find('/'), hash) != 0 || !fs::exists(holder, ec)) return {};
    return holder;
  }

  // Indexes one file found by add_paths() (or a copy whose original went).
  void add_file(const std::string& file, IndexReport& report, IndexWriter& writer,
                const std::function<void(std::size_t)>& piece_done) {
    const std::string key = absolute_path(file);
    const std::string hash = detail::file_content_hash(file);
    const std::string ext = detail::lower_extension(file);
    if (stored_hash(key) == versioned(hash)) {
      ++report.files_unchanged;
    } else if (ext == ".jsonl" || ext == ".ndjson") {  // items with ids of their own: no copies to find
      report.items_removed += remove_source(key);
      report.items_indexed += add_jsonl_in_pieces(file, key, report, writer, piece_done);
      set_file_hash(key, hash);
      ++report.files_indexed;
    } else if (const std::string original = original_of(key, hash); !original.empty()) {
      report.items_removed += remove_source(key);
      set_metadata(file_hash_key(key), duplicate_value(original, versioned(hash)));
      report.duplicates.push_back({file, original});
    } else {
      auto parsed = std::make_shared<const ParsedFile>(parser.parse_contents(file, detail::read_file(file)));
      report.items_removed += remove_source(key);
      report.items_indexed += add(parsed, key);
      set_file_hash(key, hash);
      set_metadata(std::string(schema::content_key) + hash, key);
      ++report.files_indexed;
      note_diagnostics(*parsed, report);
      pending_bytes += file_size_or_zero(file);
      if (batch_full()) writer.commit();  // bound memory on huge runs
    }
  }

  // Copies left out whose original no longer holds their content (it
  // changed, or was deleted): indexed now, so the content stays in. Only an
  // index updated in place can have them: a fresh build sees each file once.
  void add_orphaned_copies(IndexReport& report, IndexWriter& writer) {
    if (shards) return;
    const std::string prefix(schema::file_hash_key);
    std::vector<std::string> orphans;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      std::string original, checked_hash;
      if (!read_duplicate_value(db.get_metadata(*it), original, checked_hash)) continue;
      std::error_code ec;
      if (stored_hash(original) != checked_hash || !fs::exists(original, ec))
        orphans.push_back((*it).substr(prefix.size()));
    }
    for (const auto& file : orphans) {
      std::error_code ec;
      if (!fs::exists(file, ec)) continue;  // gone too: prune's business
      report.duplicates.erase(std::remove_if(report.duplicates.begin(), report.duplicates.end(),
                                             [&](const DuplicateFile& d) { return absolute_path(d.path) == file; }),
                              report.duplicates.end());
      try {
        add_file(file, report, writer, [](std::size_t) {});
      } catch (const InputError& e) {
        report.failures.push_back({file, e.reason()});
      }
    }
  }

  static ParseOptions parse_options(const IndexOptions& o) {
    ParseOptions p = o.parser;
    p.tag_topics = false;  // tagged from the index analysis instead (one pass)
    return p;
  }

  // Recorded once a file is completely in: a file interrupted half-way is
  // indexed again by the next run.
  void set_file_hash(const std::string& key, const std::string& hash) {
    set_metadata(file_hash_key(key), versioned(hash.empty() ? "-" : hash));
  }

  void note_diagnostics(const ParsedFile& parsed, IndexReport& report) {
    for (const auto& d : parsed.diagnostics) {
      report.warnings.push_back(parsed.source + ":" + std::to_string(d.line) + ": " + d.message);
    }
  }

  // JSON Lines files can be huge (Europarl: 317 MB): read, parse and index
  // them in pieces, committing as we go, so memory stays flat.
  std::size_t add_jsonl_in_pieces(const std::string& file, const std::string& key, IndexReport& report,
                                  IndexWriter& writer, const std::function<void(std::size_t)>& piece_done) {
    detail::LineBlockReader reader(file, 4u << 20);
    std::string piece;
    std::size_t line = 1, items = 0;
    std::string first_problem;
    while (reader.next(piece)) {
      const std::size_t lines = static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
      try {
        auto parsed = std::make_shared<const ParsedFile>(parser.parse_jsonl(piece, file, line));
        note_diagnostics(*parsed, report);
        items += add(parsed, key);
      } catch (const InputError& e) {  // a piece without one valid record
        report.warnings.push_back(file + ":" + std::to_string(e.line()) + ": " + e.reason());
        if (first_problem.empty()) first_problem = e.reason();
      }
      line += lines;
      pending_bytes += piece.size();
      if (batch_full()) writer.commit();
      piece_done(piece.size());
    }
    if (items == 0) throw InputError(file, 0, first_problem.empty() ? "no records" : first_problem);
    return items;
  }

  std::size_t remove_source(const std::string& key) {
    const std::string term = std::string(schema::source) + key;
    if (shards) {
      // The index was empty when the run began: only a file indexed earlier in
      // this run can have items. Skipping the others spares a wait for the
      // shard threads per file (a folder of many small files).
      if (!shards->metadata(file_hash_key(key))) return 0;
      return shards->remove(term);
    }
    std::size_t removed = db.get_termfreq(term);
    if (removed) db.delete_document(term);
    return removed;
  }

  // Without shards, analysis threads build documents while this thread
  // writes them, in item order; a bounded window keeps memory flat on huge
  // JSONL files. With shards, each shard's thread builds and writes its own.
  std::size_t add(std::shared_ptr<const ParsedFile> owned, const std::string& key) {
    const ParsedFile& file = *owned;
    const bool jsonl = !file.items.empty() && !file.items.front().id.empty();
    const std::size_t n = file.items.size();
    const query::TermInterest& interest = tagger->interest(*analyzers.front());
    auto ids = std::make_shared<std::vector<std::string>>();
    for (std::size_t i = 0; i < n; ++i) ids->push_back(jsonl ? file.items[i].id : item_id(key, i + 1));
    // Owns what it reads: with shards it runs after this call returns.
    auto build = [this, owned, ids, key, jsonl, &interest](std::size_t i, Analyzer& analyzer) {
      const AgendaItem& item = owned->items[i];
      std::string source = jsonl ? item.id : owned->source;
      return index::build_document(item, *owned, (*ids)[i], source, key, analyzer, *tagger, interest, layout);
    };
    if (shards) {
      std::vector<std::size_t> sizes;
      for (const auto& item : file.items) {
        std::size_t bytes = item.title.size();
        for (const auto& section : item.sections) bytes += section.heading.size() + section.text.size();
        sizes.push_back(bytes);
      }
      shards->add(*ids, sizes, build);
    } else if (n < 4 || analyzers.size() == 1) {  // not worth threads
      for (std::size_t i = 0; i < n; ++i) {
        auto built = build(i, *analyzers.front());
        write(built);
      }
    } else {
      write_in_parallel(n, build);
    }
    pending += n;
    return n;
  }

  template <typename Build>
  void write_in_parallel(std::size_t n, Build& build) {
    constexpr std::size_t window = 64;  // documents analysed ahead of the writer
    std::vector<index::BuiltDocument> built(n);
    std::vector<char> ready(n, 0);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0, written = 0;
    std::exception_ptr error;
    auto worker = [&](Analyzer& analyzer) {
      for (;;) {
        std::size_t i;
        {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait(lock, [&] { return next >= n || error || next < written + window; });
          if (next >= n || error) return;
          i = next++;
        }
        try {
          index::BuiltDocument doc = build(i, analyzer);
          std::lock_guard<std::mutex> lock(mutex);
          built[i] = std::move(doc);
          ready[i] = 1;
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex);
          if (!error) error = std::current_exception();
        }
        changed.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (auto& analyzer : analyzers) threads.emplace_back(worker, std::ref(*analyzer));
    try {
      for (std::size_t i = 0; i < n; ++i) {
        index::BuiltDocument doc;
        {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait(lock, [&] { return ready[i] || error; });
          if (error) break;
          doc = std::move(built[i]);
        }
        write(doc);
        {
          std::lock_guard<std::mutex> lock(mutex);
          written = i + 1;
        }
        changed.notify_all();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
    }
    changed.notify_all();
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
  }
};

IndexWriter::IndexWriter(const std::string& path, const IndexOptions& options)
    : impl_(std::make_unique<Impl>(path, options)) {}
IndexWriter::~IndexWriter() = default;
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

std::size_t IndexWriter::add_parsed(const ParsedFile& file, const std::string& content_hash) {
  try {
    std::string key = absolute_path(file.source);
    impl_->remove_source(key);
    // Not owned: without shards, add() is done with `file` when it returns.
    std::size_t n = impl_->add(std::shared_ptr<const ParsedFile>(std::shared_ptr<void>(), &file), key);
    impl_->set_file_hash(key, content_hash);
    return n;
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->path);
  }
}

IndexReport IndexWriter::add_paths(const std::vector<std::string>& paths, const ProgressFn& progress) {
  IndexReport report;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && indexable(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      report.failures.push_back({p, "no such file or folder"});
    }
  }
  report.files_seen = files.size();
  std::uint64_t total_bytes = 0, done_bytes = 0;
  for (const auto& f : files) total_bytes += file_size_or_zero(f);
  // However the run ends, shards left over are stopped and deleted.
  struct DropShards {
    Impl& impl;
    ~DropShards() { impl.shards.reset(); }
  } drop_shards{*impl_};
  try {
    if (impl_->worth_sharding(total_bytes)) impl_->start_shards();
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string& file = files[i];
      const std::uint64_t bytes_before = done_bytes;
      const std::uint64_t size = file_size_or_zero(file);
      try {
        report.bytes_read += size;
        // Progress per piece of a JSON Lines file: one big file should not look stuck.
        impl_->add_file(file, report, *this, [&](std::size_t bytes) {
          done_bytes += bytes;
          if (progress) progress(i, files.size(), done_bytes, total_bytes);
        });
      } catch (const InputError& e) {
        ++report.files_failed;
        report.failures.push_back({file, e.reason()});
      } catch (const std::bad_alloc&) {
        ++report.files_failed;
        report.failures.push_back({file, "out of memory"});
      }
      done_bytes = bytes_before + size;
      if (progress) progress(i + 1, files.size(), done_bytes, total_bytes);
    }
    impl_->add_orphaned_copies(report, *this);
    if (impl_->shards) impl_->finish_shards();
    commit();
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->path);
  } catch (const fs::filesystem_error& e) {
    throw IndexError(ErrorKind::io, std::string("cannot write the index's shards: ") + e.what());
  }
  report.files_failed = report.failures.size();
  report.files_duplicate = report.duplicates.size();
  return report;
}

std::size_t IndexWriter::prune() {
  std::size_t removed = 0;
  try {
    std::vector<std::string> gone;
    const std::string prefix(schema::file_hash_key);
    for (auto it = impl_->db.metadata_keys_begin(prefix); it != impl_->db.metadata_keys_end(prefix); ++it) {
      std::string file = (*it).substr(prefix.size());
      std::error_code ec;
      if (!fs::exists(file, ec)) gone.push_back(file);
    }
    for (const auto& file : gone) {
      removed += impl_->remove_source(file);
      impl_->db.set_metadata(prefix + file, "");
    }
    IndexReport copies;  // what prune() reports is what it removed
    impl_->add_orphaned_copies(copies, *this);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->path);
  }
  return removed;
}

void IndexWriter::commit() {
  try {
    impl_->db.commit();
    impl_->pending = 0;
    impl_->pending_bytes = 0;
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->path);
  }
}

PositionStore IndexWriter::positions() const { return impl_->layout.positions; }

void IndexWriter::compact() {
  commit();
  const std::string base = without_trailing_slash(impl_->path), fresh = base + ".compacting";
  try {
    fs::remove_all(fresh);
    Xapian::Database(base).compact(fresh, Xapian::DBCOMPACT_NO_RENUMBER, schema::block_size);
    impl_->replace_folder(fresh);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->path);
  } catch (const fs::filesystem_error& e) {
    throw IndexError(ErrorKind::io, std::string("cannot replace the index with its compacted copy: ") + e.what());
  }
}

void compact_index(const std::string& source, const std::string& destination) {
  try {
    Xapian::Database db(source);
    db.compact(destination, Xapian::DBCOMPACT_NO_RENUMBER, schema::block_size);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, source);
  }
}

}  // namespace referat

// A thin RAII layer over the SQLite C API for the batch store: one connection, prepared
// statements with positional binding, transactions that roll back unless committed. Every
// failure throws StoreError carrying SQLite's message and the database file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace omnicheck::batch {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Statement;

class Database {
 public:
  // Opens (creating when `create`) the file read-write. Throws StoreError naming the file.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql);
  Statement prepare(const std::string& sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Positional parameters, 1-based like SQLite's ?NNN.
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, std::int64_t value);
  Statement& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
  Statement& bind_null(int i);
  Statement& bind_optional(int i, const std::optional<std::string>& text);

  // True while a row is available; false once done.
  bool step();
  // Runs a statement that returns no rows; resets it for reuse.
  void run();
  void reset();

  std::string text(int col) const;  // "" for NULL
  std::optional<std::string> optional_text(int col) const;
  std::int64_t integer(int col) const;
  bool is_null(int col) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() ran. IMMEDIATE
// takes the write lock up front so a transaction never fails half-way on lock upgrade.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace omnicheck::batch

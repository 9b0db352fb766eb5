// Writes WARC 1.1 (ISO 28500:2017) files, gzip-compressed one member per record so that any
// record can be read on its own and a crash leaves every earlier record intact.
// Hand-written: Debian ships no C/C++ WARC library (warcio and friends are Python/Java), and
// writing the format takes a page of code.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace omnicheck::fetch {

using WarcFields = std::vector<std::pair<std::string, std::string>>;

// Digests are written "sha256:<lower-case hex>": the same spelling as `sha256sum` and
// Page::sha256, so a reader can compare them by eye; warcio and other tools accept it.
std::string warc_digest(const std::string& bytes);
// "urn:uuid:<random v4 uuid>"
std::string new_warc_record_id();

class WarcWriter {
 public:
  // Creates (truncates) `path`. Throws std::runtime_error if it cannot be opened.
  explicit WarcWriter(const std::string& path);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Writes one record. `fields` are the record-specific named fields (WARC-Target-URI,
  // WARC-Concurrent-To, ...); WARC-Type, WARC-Record-ID (unless given), WARC-Date,
  // Content-Type, Content-Length and WARC-Block-Digest are added here. Returns the record id.
  std::string write(const std::string& type, const std::string& date, const std::string& content_type,
                    WarcFields fields, const std::string& block);

  // Flushes and closes; returns the hex SHA-256 of the whole file. Idempotent.
  std::string close();
  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  void put(const std::string& bytes);
  std::string path_;
  std::FILE* file_ = nullptr;
  struct Hash;
  std::unique_ptr<Hash> hash_;
  std::string file_sha256_;
  bool ok_ = true;
};

}  // namespace omnicheck::fetch

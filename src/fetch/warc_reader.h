// Reads WARC files (gzip-compressed, one or many members, or uncompressed), record by record.
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace omnicheck::fetch {

struct WarcRecord {
  std::string version;                                       // "WARC/1.1"
  std::vector<std::pair<std::string, std::string>> fields;   // names as written
  std::string block;
  // First field named `name` (case-insensitive), "" if none.
  std::string field(const std::string& name) const;
};

class WarcReader {
 public:
  // Throws std::runtime_error if the file cannot be opened. Records larger than
  // `max_record_bytes` make next() throw: a corrupt length must not exhaust memory.
  explicit WarcReader(const std::string& path, std::size_t max_record_bytes = std::size_t{256} << 20);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next record, nullopt at the end of the file. Throws std::runtime_error on a
  // malformed file.
  std::optional<WarcRecord> next();

 private:
  bool fill();  // decompresses more into buf_; false at the end of the file
  std::FILE* file_ = nullptr;
  void* z_ = nullptr;  // z_stream, kept opaque so the header needs no zlib.h
  bool gzip_ = false;
  bool eof_ = false;
  bool stream_done_ = false;
  std::string in_;
  std::size_t in_pos_ = 0;
  std::string buf_;
  std::size_t max_;
};

}  // namespace omnicheck::fetch

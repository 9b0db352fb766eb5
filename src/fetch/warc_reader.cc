#include "fetch/ascii_text.h"
#include "fetch/warc_reader.h"

#include <zlib.h>

#include <cctype>
#include <cstring>
#include <stdexcept>

namespace omnicheck::fetch {
namespace {

bool iequals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::string WarcRecord::field(const std::string& name) const {
  for (const auto& [k, v] : fields) {
    if (iequals(k, name)) return v;
  }
  return {};
}

WarcReader::WarcReader(const std::string& path, std::size_t max_record_bytes) : max_(max_record_bytes) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw std::runtime_error("cannot open WARC archive " + path + ": " + std::strerror(errno));
  int c0 = std::fgetc(file_), c1 = std::fgetc(file_);
  gzip_ = c0 == 0x1f && c1 == 0x8b;
  std::rewind(file_);
  if (gzip_) {
    auto* z = new z_stream{};
    if (inflateInit2(z, 15 + 16) != Z_OK) {
      delete z;
      std::fclose(file_);
      throw std::runtime_error("zlib inflateInit2 failed");
    }
    z_ = z;
  }
}

WarcReader::~WarcReader() {
  if (z_) {
    inflateEnd(static_cast<z_stream*>(z_));
    delete static_cast<z_stream*>(z_);
  }
  if (file_) std::fclose(file_);
}

bool WarcReader::fill() {
  char raw[64 * 1024];
  if (!gzip_) {
    std::size_t n = std::fread(raw, 1, sizeof raw, file_);
    buf_.append(raw, n);
    return n > 0;
  }
  auto* z = static_cast<z_stream*>(z_);
  std::size_t before = buf_.size();
  while (buf_.size() == before) {
    if (in_pos_ == in_.size()) {
      if (eof_) return false;
      std::size_t n = std::fread(raw, 1, sizeof raw, file_);
      if (n == 0) {
        eof_ = true;
        if (!stream_done_) throw std::runtime_error("WARC archive ends inside a gzip member");
        return false;
      }
      in_.assign(raw, n);
      in_pos_ = 0;
    }
    if (stream_done_) {
      inflateReset(z);
      stream_done_ = false;
    }
    char out[64 * 1024];
    z->next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z->avail_in = static_cast<uInt>(in_.size() - in_pos_);
    z->next_out = reinterpret_cast<Bytef*>(out);
    z->avail_out = sizeof out;
    int rc = inflate(z, Z_NO_FLUSH);
    in_pos_ = in_.size() - z->avail_in;
    buf_.append(out, sizeof out - z->avail_out);
    if (rc == Z_STREAM_END) {
      stream_done_ = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw std::runtime_error("WARC archive: corrupt gzip data");
    }
  }
  return true;
}

std::optional<WarcRecord> WarcReader::next() {
  // Skip blank lines between records.
  while (true) {
    while (buf_.empty() || buf_.find('\n') == std::string::npos) {
      if (!fill()) {
        if (trim(buf_).empty()) return std::nullopt;
        throw std::runtime_error("WARC archive: trailing bytes after the last record");
      }
    }
    if (buf_[0] == '\r' || buf_[0] == '\n') {
      buf_.erase(0, buf_[0] == '\r' && buf_.size() > 1 && buf_[1] == '\n' ? 2 : 1);
      continue;
    }
    break;
  }
  std::size_t head_end;
  while ((head_end = buf_.find("\r\n\r\n")) == std::string::npos) {
    if (buf_.size() > 1 << 20) throw std::runtime_error("WARC archive: record header too long");
    if (!fill()) throw std::runtime_error("WARC archive: truncated record header");
  }
  WarcRecord rec;
  std::string head = buf_.substr(0, head_end + 2);
  std::size_t pos = 0;
  bool first = true;
  while (pos < head.size()) {
    auto eol = head.find("\r\n", pos);
    std::string line = head.substr(pos, eol - pos);
    pos = eol + 2;
    if (first) {
      if (line.rfind("WARC/", 0) != 0) throw std::runtime_error("WARC archive: record does not start with WARC/");
      rec.version = line;
      first = false;
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) throw std::runtime_error("WARC archive: malformed field line");
    rec.fields.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
  }
  std::string len_text = rec.field("Content-Length");
  if (len_text.empty() || len_text.find_first_not_of("0123456789") != std::string::npos || len_text.size() > 15) {
    throw std::runtime_error("WARC archive: record without a valid Content-Length");
  }
  std::size_t len = std::stoull(len_text);
  if (len > max_) throw std::runtime_error("WARC archive: record larger than the reader's limit");
  std::size_t block_start = head_end + 4;
  while (buf_.size() < block_start + len + 4) {
    if (!fill()) throw std::runtime_error("WARC archive: truncated record block");
  }
  rec.block = buf_.substr(block_start, len);
  if (buf_.compare(block_start + len, 4, "\r\n\r\n") != 0) {
    throw std::runtime_error("WARC archive: record block not followed by CRLF CRLF");
  }
  buf_.erase(0, block_start + len + 4);
  return rec;
}

}  // namespace omnicheck::fetch

#include "fetch/warc_writer.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <zlib.h>

#include <cstring>
#include <stdexcept>

#include "fetch/fetch.h"

namespace omnicheck::fetch {
namespace {

std::string hex(const unsigned char* p, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

// Gzip-compresses `data` as one complete gzip member.
std::string gzip_member(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib deflateInit2 failed");
  }
  std::string out;
  out.resize(deflateBound(&z, static_cast<uLong>(data.size())) + 64);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  std::size_t produced = out.size() - z.avail_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib deflate failed");
  out.resize(produced);
  return out;
}

// Field values must stay on one line: a hostile URL or header cannot forge extra fields.
std::string one_line(const std::string& v) {
  std::string out = v;
  for (auto& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

struct WarcWriter::Hash {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Hash() { EVP_MD_CTX_free(ctx); }
};

std::string warc_digest(const std::string& bytes) { return "sha256:" + sha256_hex(bytes); }

std::string new_warc_record_id() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("no random bytes for a WARC record id");
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string h = hex(b, sizeof b);
  return "<urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20) + ">";
}

WarcWriter::WarcWriter(const std::string& path) : path_(path), hash_(std::make_unique<Hash>()) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot create WARC archive " + path + ": " + std::strerror(errno));
  EVP_DigestInit_ex(hash_->ctx, EVP_sha256(), nullptr);
}

WarcWriter::~WarcWriter() { close(); }

void WarcWriter::put(const std::string& bytes) {
  if (!file_) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) ok_ = false;
  EVP_DigestUpdate(hash_->ctx, bytes.data(), bytes.size());
}

std::string WarcWriter::write(const std::string& type, const std::string& date, const std::string& content_type,
                              WarcFields fields, const std::string& block) {
  std::string id;
  for (const auto& [k, v] : fields) {
    if (k == "WARC-Record-ID") id = v;
  }
  std::string head = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  if (id.empty()) {
    id = new_warc_record_id();
    head += "WARC-Record-ID: " + id + "\r\n";
  }
  head += "WARC-Date: " + date + "\r\n";
  for (const auto& [k, v] : fields) head += k + ": " + one_line(v) + "\r\n";
  if (!content_type.empty()) head += "Content-Type: " + content_type + "\r\n";
  head += "WARC-Block-Digest: " + warc_digest(block) + "\r\n";
  head += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  put(gzip_member(head + block + "\r\n\r\n"));
  // Flushed per record so an interrupted crawl still leaves a readable archive.
  if (file_ && std::fflush(file_) != 0) ok_ = false;
  return id;
}

std::string WarcWriter::close() {
  if (!file_) return file_sha256_;
  if (std::fclose(file_) != 0) ok_ = false;
  file_ = nullptr;
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(hash_->ctx, d, &n);
  file_sha256_ = hex(d, n);
  return file_sha256_;
}

}  // namespace omnicheck::fetch

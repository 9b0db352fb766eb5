// Undoes HTTP content codings (gzip, deflate, br) with a hard cap on the decoded size.
// The fetcher does this itself instead of letting libcurl decode, so that the WARC archive
// keeps the body exactly as the server sent it while the parser gets the decoded bytes, and
// so that a decompression bomb is stopped at the cap however small it is on the wire.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace omnicheck::fetch {

class ContentDecoder {
 public:
  // `content_encoding` is the Content-Encoding header value ("" or "identity" for none;
  // "gzip, br" means gzip was applied first). Unknown codings make every feed() fail.
  ContentDecoder(const std::string& content_encoding, std::size_t max_output);
  ~ContentDecoder();
  ContentDecoder(const ContentDecoder&) = delete;
  ContentDecoder& operator=(const ContentDecoder&) = delete;

  // Appends decoded bytes to output(); false once the data is corrupt, the coding unknown or
  // the decoded size over the cap (then over_limit()). After a false, error() says why.
  bool feed(const char* data, std::size_t n);
  // The body ended: false if a compressed stream stopped short.
  bool finish();

  const std::string& output() const { return out_; }
  std::string take_output() { return std::move(out_); }
  const std::string& error() const { return error_; }
  bool over_limit() const { return over_limit_; }
  bool identity() const { return stages_.empty(); }

  class Stage;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;  // in decoding order
  std::string out_;
  std::string error_;
  std::size_t max_;
  bool over_limit_ = false;
  bool failed_ = false;
};

}  // namespace omnicheck::fetch

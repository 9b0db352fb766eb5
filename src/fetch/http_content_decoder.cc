#include "fetch/http_content_decoder.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <functional>

namespace omnicheck::fetch {

// One coding. `emit` receives decoded bytes and returns false to stop (cap reached).
class ContentDecoder::Stage {
 public:
  using Emit = std::function<bool(const char*, std::size_t)>;
  virtual ~Stage() = default;
  virtual bool feed(const char* data, std::size_t n, const Emit& emit, std::string* err) = 0;
  virtual bool finish(std::string* err) = 0;
};

namespace {

constexpr std::size_t kChunk = 64 * 1024;

class ZlibStage final : public ContentDecoder::Stage {
 public:
  explicit ZlibStage(bool gzip) : gzip_(gzip) {}
  ~ZlibStage() override {
    if (init_) inflateEnd(&z_);
  }

  bool feed(const char* data, std::size_t n, const Emit& emit, std::string* err) override {
    if (n == 0) return true;
    if (!init_) {
      // HTTP "deflate" should be zlib-wrapped, yet many servers send raw deflate: tell by
      // the zlib header check (RFC 1950) on the first two bytes, as browsers do.
      int bits = 15 + 32;  // gzip or zlib, auto-detected
      if (!gzip_) {
        unsigned char c0 = static_cast<unsigned char>(data[0]);
        bool zlib_header = n >= 2 && (c0 & 0x0f) == 8 &&
                           ((c0 << 8) | static_cast<unsigned char>(data[1])) % 31 == 0;
        if (!zlib_header) bits = -15;
      }
      if (inflateInit2(&z_, bits) != Z_OK) {
        *err = "zlib initialisation failed";
        return false;
      }
      init_ = true;
    }
    if (done_) return true;  // trailing bytes after the stream: ignored, as curl does
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    z_.avail_in = static_cast<uInt>(n);
    char buf[kChunk];
    while (z_.avail_in > 0) {
      z_.next_out = reinterpret_cast<Bytef*>(buf);
      z_.avail_out = sizeof buf;
      int rc = inflate(&z_, Z_NO_FLUSH);
      std::size_t got = sizeof buf - z_.avail_out;
      if (got && !emit(buf, got)) return false;
      if (rc == Z_STREAM_END) {
        // gzip allows several members back to back; anything else after the end is ignored.
        if (gzip_ && z_.avail_in >= 2 && z_.next_in[0] == 0x1f && z_.next_in[1] == 0x8b) {
          inflateReset(&z_);
          continue;
        }
        done_ = true;
        return true;
      }
      if (rc == Z_BUF_ERROR && got == 0) break;  // needs more input
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        *err = std::string(gzip_ ? "gzip" : "deflate") + " data is corrupt" + (z_.msg ? std::string(": ") + z_.msg : "");
        return false;
      }
    }
    return true;
  }

  bool finish(std::string* err) override {
    if (init_ && !done_) {
      *err = std::string(gzip_ ? "gzip" : "deflate") + " stream ends early";
      return false;
    }
    return true;
  }

 private:
  z_stream z_{};
  bool gzip_;
  bool init_ = false;
  bool done_ = false;
};

class BrotliStage final : public ContentDecoder::Stage {
 public:
  BrotliStage() : st_(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr)) {}
  ~BrotliStage() override { BrotliDecoderDestroyInstance(st_); }

  bool feed(const char* data, std::size_t n, const Emit& emit, std::string* err) override {
    if (!st_) {
      *err = "brotli initialisation failed";
      return false;
    }
    const uint8_t* in = reinterpret_cast<const uint8_t*>(data);
    std::size_t avail_in = n;
    uint8_t buf[kChunk];
    while (true) {
      uint8_t* next_out = buf;
      std::size_t avail_out = sizeof buf;
      auto rc = BrotliDecoderDecompressStream(st_, &avail_in, &in, &avail_out, &next_out, nullptr);
      std::size_t got = sizeof buf - avail_out;
      if (got && !emit(reinterpret_cast<const char*>(buf), got)) return false;
      if (rc == BROTLI_DECODER_RESULT_ERROR) {
        *err = std::string("brotli data is corrupt: ") +
               BrotliDecoderErrorString(BrotliDecoderGetErrorCode(st_));
        return false;
      }
      if (rc == BROTLI_DECODER_RESULT_SUCCESS) {
        done_ = true;
        return true;
      }
      if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return true;
      // NEEDS_MORE_OUTPUT: loop with a fresh buffer.
    }
  }

  bool finish(std::string* err) override {
    if (!done_) {
      *err = "brotli stream ends early";
      return false;
    }
    return true;
  }

 private:
  BrotliDecoderState* st_;
  bool done_ = false;
};

std::string trim_lower(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

ContentDecoder::ContentDecoder(const std::string& content_encoding, std::size_t max_output) : max_(max_output) {
  std::vector<std::string> codings;
  std::size_t start = 0;
  while (start <= content_encoding.size()) {
    auto comma = content_encoding.find(',', start);
    std::string c = trim_lower(content_encoding.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!c.empty() && c != "identity") codings.push_back(c);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  // Codings are listed in the order they were applied: undo them last to first. More than
  // three stacked codings is no real server.
  if (codings.size() > 3) {
    failed_ = true;
    error_ = "too many content codings: " + content_encoding;
    return;
  }
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    if (*it == "gzip" || *it == "x-gzip") {
      stages_.push_back(std::make_unique<ZlibStage>(true));
    } else if (*it == "deflate") {
      stages_.push_back(std::make_unique<ZlibStage>(false));
    } else if (*it == "br") {
      stages_.push_back(std::make_unique<BrotliStage>());
    } else {
      failed_ = true;
      error_ = "unsupported content-encoding: " + content_encoding;
      return;
    }
  }
}

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::feed(const char* data, std::size_t n) {
  if (failed_) return false;
  // Runs the bytes through stage i and on down; the last stage appends to out_ under the cap.
  std::function<bool(std::size_t, const char*, std::size_t)> run = [&](std::size_t i, const char* d, std::size_t len) {
    if (i == stages_.size()) {
      if (out_.size() + len > max_) {
        over_limit_ = true;
        error_ = "decoded body exceeds the limit of " + std::to_string(max_) + " bytes";
        return false;
      }
      out_.append(d, len);
      return true;
    }
    std::string err;
    bool ok = stages_[i]->feed(d, len, [&](const char* o, std::size_t m) { return run(i + 1, o, m); }, &err);
    if (!ok && !err.empty() && error_.empty()) error_ = err;
    return ok;
  };
  if (!run(0, data, n)) {
    failed_ = true;
    return false;
  }
  return true;
}

bool ContentDecoder::finish() {
  if (failed_) return false;
  for (auto& s : stages_) {
    std::string err;
    if (!s->finish(&err)) {
      error_ = err;
      failed_ = true;
      return false;
    }
  }
  return true;
}

}  // namespace omnicheck::fetch

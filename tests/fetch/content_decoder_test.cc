#include <gtest/gtest.h>
#include <zlib.h>

#include "fetch/http_content_decoder.h"
#include "support/deflated.h"

namespace omnicheck::fetch {
namespace {

std::string deflate_with(const std::string& data, int window_bits) { return testing::deflated(data, window_bits); }

std::string decode(const std::string& coding, const std::string& data, std::size_t cap, std::string* err = nullptr) {
  ContentDecoder d(coding, cap);
  // Fed in small pieces, as a network delivers it.
  for (std::size_t i = 0; i < data.size(); i += 7) {
    if (!d.feed(data.data() + i, std::min<std::size_t>(7, data.size() - i))) {
      if (err) *err = d.error();
      return "<failed>";
    }
  }
  if (!d.finish()) {
    if (err) *err = d.error();
    return "<failed>";
  }
  return d.take_output();
}

TEST(ContentDecoder, IdentityGzipDeflateBrotli) {
  const std::string text = "<html>" + std::string(3000, 'k') + "</html>";
  EXPECT_EQ(decode("", text, 1 << 20), text);
  EXPECT_EQ(decode("identity", text, 1 << 20), text);
  EXPECT_EQ(decode("gzip", deflate_with(text, 31), 1 << 20), text);
  EXPECT_EQ(decode("x-gzip", deflate_with(text, 31), 1 << 20), text);
  EXPECT_EQ(decode("deflate", deflate_with(text, 15), 1 << 20), text);   // zlib-wrapped, as specified
  EXPECT_EQ(decode("deflate", deflate_with(text, -15), 1 << 20), text);  // raw, as many servers send
  const std::string br = "\x8b\x0b\x80\x3c\x68\x74\x6d\x6c\x3e\x62\x72\x6f\x74\x6c\x69\x20\x70\x61\x67\x65\x3c\x2f\x68\x74\x6d\x6c\x3e\x03";
  EXPECT_EQ(decode("br", br, 1 << 20), "<html>brotli page</html>");
  EXPECT_EQ(decode("deflate, gzip", deflate_with(deflate_with(text, 15), 31), 1 << 20), text);
}

TEST(ContentDecoder, BombStopsAtTheCap) {
  std::string bomb = deflate_with(std::string(50u << 20, 'a'), 31);
  ContentDecoder d("gzip", 1 << 20);
  EXPECT_FALSE(d.feed(bomb.data(), bomb.size()));
  EXPECT_TRUE(d.over_limit());
  EXPECT_LE(d.output().size(), 1u << 20);
}

TEST(ContentDecoder, CorruptTruncatedAndUnknown) {
  std::string err;
  EXPECT_EQ(decode("gzip", "definitely not gzip", 1 << 20, &err), "<failed>");
  EXPECT_NE(err.find("gzip"), std::string::npos);
  std::string gz = deflate_with("hello world", 31);
  EXPECT_EQ(decode("gzip", gz.substr(0, gz.size() - 5), 1 << 20, &err), "<failed>");
  EXPECT_NE(err.find("ends early"), std::string::npos);
  EXPECT_EQ(decode("zstd", "x", 1 << 20, &err), "<failed>");
  EXPECT_NE(err.find("unsupported"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::fetch

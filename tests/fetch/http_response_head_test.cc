#include "fetch/http_response_head.h"

#include <gtest/gtest.h>

namespace omnicheck::fetch {
namespace {

TEST(ResponseHead, ParsesHttp1AndHttp2Heads) {
  std::size_t len = 0;
  auto h = parse_response_head("HTTP/1.1 301 Moved\r\nLocation: /x\r\nX-A: 1\r\n  continued\r\n\r\nBODY", &len);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 301);
  EXPECT_EQ(h->get("location"), "/x");
  EXPECT_EQ(h->get("x-a"), "1 continued");
  EXPECT_EQ(len, std::string("HTTP/1.1 301 Moved\r\nLocation: /x\r\nX-A: 1\r\n  continued\r\n\r\n").size());
  auto h2 = parse_response_head("HTTP/2 200 \r\ncontent-type: text/html\r\n\r\n", &len);
  ASSERT_TRUE(h2);
  EXPECT_EQ(h2->status, 200);
  EXPECT_FALSE(parse_response_head("garbage\r\n\r\n", &len));
  EXPECT_FALSE(parse_response_head("HTTP/1.1 200 OK\r\nA: b\r\n", &len));
}

TEST(ResponseHead, ContentTypeAndCharsetAsSent) {
  std::string media, charset;
  parse_content_type("Text/HTML; Charset=\"ISO-8859-1\"", &media, &charset);
  EXPECT_EQ(media, "text/html");
  EXPECT_EQ(charset, "ISO-8859-1");
  parse_content_type("application/xhtml+xml", &media, &charset);
  EXPECT_EQ(charset, "");
  EXPECT_TRUE(is_page_media_type("application/xhtml+xml"));
  EXPECT_TRUE(is_page_media_type("application/rss+xml"));
  EXPECT_TRUE(is_page_media_type(""));
  EXPECT_FALSE(is_page_media_type("image/png"));
  EXPECT_FALSE(is_page_media_type("application/pdf"));
}

TEST(ResponseHead, RetryAfter) {
  EXPECT_EQ(parse_retry_after("1"), 1);
  EXPECT_EQ(parse_retry_after(" 120 "), 120);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), 0);  // in the past
  EXPECT_GT(*parse_retry_after("Fri, 01 Jan 2100 00:00:00 GMT"), 1000000);
  EXPECT_FALSE(parse_retry_after("soon"));
  EXPECT_EQ(parse_retry_after("99999999999999"), 999999999);
}

}  // namespace
}  // namespace omnicheck::fetch

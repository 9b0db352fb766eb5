// The live fetcher against scripted servers on 127.0.0.1. Every test ends in bounded time
// with the expected Page::error/status and no false content.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <regex>

#include "fetch/fetch.h"
#include "fetch/test_http_server.h"
#include "support/deflated.h"

namespace omnicheck::fetch {
namespace {

using omnicheck::testing::Connection;
using omnicheck::testing::HttpRequest;
using omnicheck::testing::TestHttpServer;
using Clock = std::chrono::steady_clock;

HttpOptions test_options() {
  HttpOptions o;
  o.connect_timeout_ms = 2000;
  o.total_timeout_ms = 8000;
  o.low_speed_bytes = 100;
  o.low_speed_seconds = 2;
  o.per_host_delay_ms = 0;
  o.max_retry_after_s = 3;
  o.max_body_bytes = 1 << 20;
  return o;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string gzip(const std::string& data) { return testing::gzipped(data); }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string header_of(const Page& p, const std::string& name) {
  for (const auto& [k, v] : p.headers) {
    if (k == name) return v;
  }
  return {};
}

class HttpFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override { server.serve("/robots.txt", 404, "text/plain", "none"); }
  std::unique_ptr<Fetcher> fetcher(HttpOptions o = test_options()) { return make_http_fetcher(server.url("/"), o); }
  TestHttpServer server;
};

TEST_F(HttpFetcherTest, PageFieldsAndWrongCharsetRecordedAsIs) {
  const std::string body = "<html><body>Impressum – Müller GmbH</body></html>";  // UTF-8 bytes
  server.serve("/", 200, "Text/HTML; charset=ISO-8859-1", body, {{"ETag", "\"v1\""}, {"X-Robots-Tag", "noindex"}});
  auto f = fetcher();
  Page p = f->fetch(server.url("/"));
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, body);
  EXPECT_EQ(p.content_type, "text/html");
  EXPECT_EQ(p.charset, "ISO-8859-1");
  EXPECT_EQ(p.sha256, sha256_hex(body));
  EXPECT_EQ(p.final_url, server.url("/"));
  EXPECT_TRUE(p.redirect_chain.empty());
  EXPECT_TRUE(std::regex_match(p.fetched_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << p.fetched_at;
  EXPECT_EQ(header_of(p, "etag"), "\"v1\"");
  EXPECT_EQ(header_of(p, "x-robots-tag"), "noindex");
  EXPECT_TRUE(p.ok());
  // The request identified itself and asked for compression.
  auto reqs = server.requests();
  ASSERT_FALSE(reqs.empty());
  EXPECT_TRUE(contains(reqs.back().header("user-agent"), "omnicheck/"));
  EXPECT_TRUE(contains(reqs.back().header("accept-encoding"), "gzip"));
}

TEST_F(HttpFetcherTest, RedirectChainRecorded) {
  server.serve("/a", 301, "text/html", "", {{"Location", "/b"}});
  server.serve("/b", 302, "text/html", "", {{"Location", server.url("/c")}});
  server.serve("/c", 200, "text/html", "<p>c</p>");
  Page p = fetcher()->fetch(server.url("/a"));
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.requested_url, server.url("/a"));
  EXPECT_EQ(p.final_url, server.url("/c"));
  std::vector<std::string> chain = {server.url("/a"), server.url("/b"), server.url("/c")};
  EXPECT_EQ(p.redirect_chain, chain);
  EXPECT_EQ(p.body, "<p>c</p>");
}

TEST_F(HttpFetcherTest, RedirectLoopEnds) {
  server.serve("/loop1", 302, "text/html", "", {{"Location", "/loop2"}});
  server.serve("/loop2", 302, "text/html", "", {{"Location", "/loop1"}});
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/loop1"));
  EXPECT_TRUE(contains(p.error, "redirect loop")) << p.error;
  EXPECT_TRUE(p.body.empty());
  EXPECT_FALSE(p.ok());
  EXPECT_LT(seconds_since(t0), 5);
}

TEST_F(HttpFetcherTest, TooManyRedirects) {
  server.on("/r", [](const HttpRequest& r, Connection& c) {
    int n = std::stoi(r.target.substr(r.target.find('=') + 1));
    c.send(TestHttpServer::response(302, {{"Location", "/r?n=" + std::to_string(n + 1)}}, ""));
  });
  HttpOptions o = test_options();
  o.max_redirects = 3;
  Page p = fetcher(o)->fetch(server.url("/r?n=0"));
  EXPECT_TRUE(contains(p.error, "more than 3 redirects")) << p.error;
  EXPECT_EQ(p.redirect_chain.size(), 4u);
  EXPECT_EQ(server.hits("/r"), 4);
}

TEST_F(HttpFetcherTest, GzipBodyIsDecodedAndHashedDecoded) {
  std::string html = "<html>" + std::string(5000, 'x') + "</html>";
  server.serve("/z", 200, "text/html", gzip(html), {{"Content-Encoding", "gzip"}});
  Page p = fetcher()->fetch(server.url("/z"));
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.body, html);
  EXPECT_EQ(p.sha256, sha256_hex(html));
  EXPECT_EQ(header_of(p, "content-encoding"), "gzip");
}

TEST_F(HttpFetcherTest, GzipBombStopsAtTheDecodedCap) {
  std::string bomb = gzip(std::string(64u << 20, '\0'));  // 64 MiB of zeros
  ASSERT_LT(bomb.size(), 100u * 1024);
  server.serve("/bomb", 200, "text/html", bomb, {{"Content-Encoding", "gzip"}});
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/bomb"));
  EXPECT_TRUE(contains(p.error, "exceeds the limit")) << p.error;
  EXPECT_TRUE(p.body.empty());
  EXPECT_TRUE(p.sha256.empty());
  EXPECT_LT(seconds_since(t0), 5);
}

// Sends `total` bytes of body lazily, in 64 KiB pieces, until the client goes away.
void huge_body(Connection& c, unsigned long long total, bool chunked) {
  std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
  head += chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + std::to_string(total) + "\r\n";
  head += "Connection: close\r\n\r\n";
  if (!c.send(head)) return;
  std::string piece(64 * 1024, 'a');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", piece.size());
  for (unsigned long long sent = 0; sent < total; sent += piece.size()) {
    if (chunked && !c.send(size_line)) return;
    if (!c.send(piece)) return;
    if (chunked && !c.send("\r\n")) return;
  }
}

TEST_F(HttpFetcherTest, GigabyteBodyIsCutAtTheCap) {
  server.on("/gb", [](const HttpRequest&, Connection& c) { huge_body(c, 1ull << 30, false); });
  server.on("/gb-chunked", [](const HttpRequest&, Connection& c) { huge_body(c, 1ull << 30, true); });
  auto f = fetcher();
  auto t0 = Clock::now();
  Page p = f->fetch(server.url("/gb"));
  EXPECT_TRUE(contains(p.error, "exceeds the limit")) << p.error;  // refused on Content-Length
  EXPECT_TRUE(p.body.empty());
  Page q = f->fetch(server.url("/gb-chunked"));
  EXPECT_TRUE(contains(q.error, "exceeds the limit")) << q.error;  // cut while streaming
  EXPECT_TRUE(q.body.empty());
  EXPECT_LT(seconds_since(t0), 8);
}

TEST_F(HttpFetcherTest, SlowDripTimesOut) {
  server.on("/drip", [](const HttpRequest&, Connection& c) {
    if (!c.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n")) return;
    for (int i = 0; i < 1000; ++i) {
      if (!c.send("x") || !c.sleep_ms(1000)) return;
    }
  });
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/drip"));
  EXPECT_TRUE(contains(p.error, "timed out")) << p.error;
  EXPECT_TRUE(p.body.empty());
  EXPECT_LT(seconds_since(t0), 6);
}

TEST_F(HttpFetcherTest, SilentServerTimesOut) {
  server.on("/silent", [](const HttpRequest&, Connection& c) { c.sleep_ms(20000); });
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/silent"));
  EXPECT_TRUE(contains(p.error, "timed out")) << p.error;
  EXPECT_EQ(p.status, 0);
  EXPECT_LT(seconds_since(t0), 6);
}

TEST_F(HttpFetcherTest, ResetMidBody) {
  server.on("/reset", [](const HttpRequest&, Connection& c) {
    c.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>partial");
    c.sleep_ms(100);
    c.reset();
  });
  Page p = fetcher()->fetch(server.url("/reset"));
  EXPECT_TRUE(contains(p.error, "connection broken")) << p.error;
  EXPECT_EQ(p.status, 200);
  EXPECT_TRUE(p.body.empty());
  EXPECT_TRUE(p.sha256.empty());
  EXPECT_FALSE(p.ok());
}

TEST_F(HttpFetcherTest, EndlessHeadersAreCut) {
  server.on("/headers", [](const HttpRequest&, Connection& c) {
    if (!c.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")) return;
    for (int i = 0; i < 100000; ++i) {
      if (!c.send("X-Filler-" + std::to_string(i) + ": " + std::string(100, 'f') + "\r\n")) return;
    }
  });
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/headers"));
  EXPECT_FALSE(p.error.empty());
  EXPECT_TRUE(p.body.empty());
  EXPECT_LT(seconds_since(t0), 5);
}

TEST_F(HttpFetcherTest, ServerErrorsThenSuccessIsRetried) {
  std::atomic<int> calls{0};
  server.on("/flaky", [&calls](const HttpRequest&, Connection& c) {
    if (calls++ < 2) {
      c.send(TestHttpServer::response(500, {{"Content-Type", "text/html"}}, "oops"));
    } else {
      c.send(TestHttpServer::response(200, {{"Content-Type", "text/html"}}, "<p>ok</p>"));
    }
  });
  Page p = fetcher()->fetch(server.url("/flaky"));
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "<p>ok</p>");
  EXPECT_EQ(server.hits("/flaky"), 3);
}

TEST_F(HttpFetcherTest, RetriesAreBounded) {
  server.serve("/down", 503, "text/html", "down");
  HttpOptions o = test_options();
  o.max_retries = 1;
  Page p = fetcher(o)->fetch(server.url("/down"));
  EXPECT_EQ(p.status, 503);
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(server.hits("/down"), 2);
}

TEST_F(HttpFetcherTest, UnavailableWithJsonBodyIsRetried) {
  std::atomic<int> calls{0};
  server.on("/json503", [&calls](const HttpRequest&, Connection& c) {
    if (calls++ == 0) {
      c.send(TestHttpServer::response(503, {{"Content-Type", "application/json"}, {"Retry-After", "0"}}, "{}"));
    } else {
      c.send(TestHttpServer::response(200, {{"Content-Type", "text/html"}}, "<p>back</p>"));
    }
  });
  Page p = fetcher()->fetch(server.url("/json503"));
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "<p>back</p>");
}

TEST_F(HttpFetcherTest, TooManyRequestsHonoursRetryAfter) {
  std::atomic<int> calls{0};
  server.on("/busy", [&calls](const HttpRequest&, Connection& c) {
    if (calls++ == 0) {
      c.send(TestHttpServer::response(429, {{"Content-Type", "text/html"}, {"Retry-After", "1"}}, "slow down"));
    } else {
      c.send(TestHttpServer::response(200, {{"Content-Type", "text/html"}}, "<p>ok</p>"));
    }
  });
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/busy"));
  EXPECT_EQ(p.status, 200);
  EXPECT_GE(seconds_since(t0), 0.95);
  EXPECT_EQ(server.hits("/busy"), 2);
}

TEST_F(HttpFetcherTest, RetryAfterBeyondTheCapIsNotWaitedFor) {
  server.serve("/later", 429, "text/html", "later", {{"Retry-After", "3600"}});
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/later"));
  EXPECT_EQ(p.status, 429);
  EXPECT_EQ(header_of(p, "retry-after"), "3600");
  EXPECT_EQ(server.hits("/later"), 1);
  EXPECT_LT(seconds_since(t0), 2);
}

TEST_F(HttpFetcherTest, RobotsDisallowsImpressum) {
  server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /impressum\n");
  server.serve("/impressum", 200, "text/html", "<p>secret</p>");
  server.serve("/", 200, "text/html", "<p>home</p>");
  auto f = fetcher();
  std::string why;
  EXPECT_FALSE(f->allowed(server.url("/impressum"), &why));
  EXPECT_TRUE(contains(why, "Disallow: /impressum")) << why;
  EXPECT_TRUE(f->allowed(server.url("/"), nullptr));
  Page p = f->fetch(server.url("/impressum"));
  EXPECT_TRUE(contains(p.error, "robots.txt")) << p.error;
  EXPECT_TRUE(p.body.empty());
  EXPECT_EQ(server.hits("/impressum"), 0);
  EXPECT_EQ(f->fetch(server.url("/")).body, "<p>home</p>");
  EXPECT_EQ(server.hits("/robots.txt"), 1);  // fetched once per origin
}

TEST_F(HttpFetcherTest, RedirectIntoADisallowedPathIsNotFollowed) {
  server.serve("/robots.txt", 200, "text/plain", "User-agent: omnicheck\nDisallow: /impressum\n");
  server.serve("/go", 302, "text/html", "", {{"Location", "/impressum"}});
  server.serve("/impressum", 200, "text/html", "<p>secret</p>");
  Page p = fetcher()->fetch(server.url("/go"));
  EXPECT_TRUE(contains(p.error, "Disallow: /impressum")) << p.error;
  EXPECT_EQ(p.redirect_chain.size(), 2u);
  EXPECT_TRUE(p.body.empty());
  EXPECT_EQ(server.hits("/impressum"), 0);
}

TEST_F(HttpFetcherTest, IgnoreRobotsIsRecorded) {
  server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /\n");
  server.serve("/impressum", 200, "text/html", "<p>imprint</p>");
  HttpOptions o = test_options();
  o.ignore_robots = true;
  auto f = fetcher(o);
  EXPECT_TRUE(f->allowed(server.url("/impressum"), nullptr));
  EXPECT_EQ(f->fetch(server.url("/impressum")).body, "<p>imprint</p>");
  auto r = f->record();
  EXPECT_NE(std::find(r.begin(), r.end(), std::make_pair(std::string("ignore_robots"), std::string("true"))), r.end());
}

TEST_F(HttpFetcherTest, RobotsServerErrorDisallowsAll) {
  server.serve("/robots.txt", 500, "text/plain", "broken");
  server.serve("/", 200, "text/html", "<p>home</p>");
  HttpOptions o = test_options();
  o.max_retries = 0;
  auto f = fetcher(o);
  std::string why;
  EXPECT_FALSE(f->allowed(server.url("/"), &why));
  EXPECT_TRUE(contains(why, "unreachable")) << why;
  EXPECT_EQ(server.hits("/"), 0);
}

TEST_F(HttpFetcherTest, CrawlDelayIsHonoured) {
  server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n");
  server.serve("/1", 200, "text/html", "<p>1</p>");
  server.serve("/2", 200, "text/html", "<p>2</p>");
  auto f = fetcher();
  auto t0 = Clock::now();
  auto pages = f->fetch_batch({server.url("/1"), server.url("/2")});
  EXPECT_EQ(pages[0].body, "<p>1</p>");
  EXPECT_EQ(pages[1].body, "<p>2</p>");
  EXPECT_GE(seconds_since(t0), 1.9);  // robots.txt, /1, /2 one second apart
}

TEST_F(HttpFetcherTest, EmptyOkIsAnErrorNotAPage) {
  server.serve("/empty", 200, "text/html", "");
  Page p = fetcher()->fetch(server.url("/empty"));
  EXPECT_EQ(p.status, 200);
  EXPECT_TRUE(contains(p.error, "empty body")) << p.error;
  EXPECT_FALSE(p.ok());
}

TEST_F(HttpFetcherTest, NonHtmlIsNotDownloaded) {
  server.on("/logo.png", [](const HttpRequest&, Connection& c) {
    if (!c.send("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 104857600\r\n\r\n")) return;
    std::string piece(64 * 1024, 'p');
    for (int i = 0; i < 1600; ++i) {
      if (!c.send(piece)) return;
    }
  });
  auto t0 = Clock::now();
  Page p = fetcher()->fetch(server.url("/logo.png"));
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.content_type, "image/png");
  EXPECT_TRUE(contains(p.error, "not downloaded")) << p.error;
  EXPECT_TRUE(p.body.empty());
  EXPECT_TRUE(p.sha256.empty());
  EXPECT_LT(seconds_since(t0), 3);
}

TEST_F(HttpFetcherTest, BatchRunsConcurrentlyWithinPerHostLimitAndKeepsOrder) {
  std::atomic<int> now_active{0}, max_active{0};
  auto slow = [&](const HttpRequest& r, Connection& c) {
    int a = ++now_active;
    int m = max_active.load();
    while (a > m && !max_active.compare_exchange_weak(m, a)) {
    }
    c.sleep_ms(400);
    --now_active;
    c.send(TestHttpServer::response(200, {{"Content-Type", "text/html"}}, "<p>" + r.path + "</p>"));
  };
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i) {
    server.on("/p" + std::to_string(i), slow);
    urls.push_back(server.url("/p" + std::to_string(i)));
  }
  auto f = fetcher();
  f->allowed(server.url("/"), nullptr);  // robots.txt first, outside the timing
  auto t0 = Clock::now();
  auto pages = f->fetch_batch(urls);
  double took = seconds_since(t0);
  ASSERT_EQ(pages.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(pages[i].body, "<p>/p" + std::to_string(i) + "</p>");
  EXPECT_EQ(max_active.load(), 2);
  EXPECT_LT(took, 1.5);  // two rounds of 0.4 s, not four
  EXPECT_GE(took, 0.75);
}

TEST_F(HttpFetcherTest, CookiesAreKeptAcrossRequests) {
  server.serve("/set", 200, "text/html", "<p>set</p>", {{"Set-Cookie", "consent=yes; Path=/"}});
  server.on("/check", [](const HttpRequest& r, Connection& c) {
    c.send(TestHttpServer::response(200, {{"Content-Type", "text/html"}}, "cookie=" + r.header("cookie")));
  });
  auto f = fetcher();
  f->fetch(server.url("/set"));
  EXPECT_EQ(f->fetch(server.url("/check")).body, "cookie=consent=yes");
}

TEST_F(HttpFetcherTest, ResolveMapsAPublicLookingName) {
  server.on("/", [](const HttpRequest& r, Connection& c) {
    c.send(TestHttpServer::response(200, {{"Content-Type", "text/html"}}, "host=" + r.header("host")));
  });
  std::string host = "shop.example.com:" + std::to_string(server.port());
  HttpOptions o = test_options();
  o.resolve = {host + ":127.0.0.1"};
  auto f = make_http_fetcher("http://" + host + "/", o);
  Page p = f->fetch("http://" + host + "/");
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.body, "host=" + host);
  EXPECT_TRUE(f->in_scope("http://" + host + "/kontakt"));
  EXPECT_TRUE(f->in_scope("https://www.shop.example.com/agb"));
  EXPECT_FALSE(f->in_scope("http://127.0.0.1:" + std::to_string(server.port()) + "/"));
}

TEST_F(HttpFetcherTest, GuardRefusesRedirectFromMappedNameToOtherLoopback) {
  std::string host = "shop.example.com:" + std::to_string(server.port());
  server.serve("/", 302, "text/html", "", {{"Location", "http://127.0.0.2:" + std::to_string(server.port()) + "/admin"}});
  HttpOptions o = test_options();
  o.resolve = {host + ":127.0.0.1"};
  auto f = make_http_fetcher("http://" + host + "/", o);
  Page p = f->fetch("http://" + host + "/");
  EXPECT_TRUE(contains(p.error, "network guard")) << p.error;
  EXPECT_TRUE(contains(p.error, "127.0.0.2")) << p.error;
  EXPECT_TRUE(p.body.empty());
  ASSERT_EQ(p.redirect_chain.size(), 2u);
  EXPECT_EQ(server.hits("/admin"), 0);
  // The mapped name itself on another path is still fine; its plain address is not.
  server.serve("/ok", 200, "text/html", "<p>ok</p>");
  EXPECT_EQ(f->fetch("http://" + host + "/ok").body, "<p>ok</p>");
  Page direct = f->fetch(server.url("/ok"));
  EXPECT_TRUE(contains(direct.error, "network guard")) << direct.error;
}

TEST_F(HttpFetcherTest, LoopbackTargetByAddressReachesLoopbackOnly) {
  // 0.0.0.0 reaches the local host on Linux, so even a broken guard sends nothing outside.
  server.serve("/", 302, "text/html", "", {{"Location", "http://0.0.0.0:" + std::to_string(server.port()) + "/x"}});
  Page p = fetcher()->fetch(server.url("/"));
  EXPECT_TRUE(contains(p.error, "network guard")) << p.error;
  EXPECT_TRUE(contains(p.error, "unspecified")) << p.error;
  EXPECT_EQ(server.hits("/x"), 0);
}

TEST_F(HttpFetcherTest, UnreachablePortIsAnError) {
  // A port that was just free: bind, read the number, close.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  std::string url = "http://127.0.0.1:" + std::to_string(ntohs(a.sin_port)) + "/";
  HttpOptions o = test_options();
  o.ignore_robots = true;
  o.max_retries = 0;
  Page p = make_http_fetcher(url, o)->fetch(url);
  EXPECT_FALSE(p.error.empty());
  EXPECT_EQ(p.status, 0);
  EXPECT_TRUE(p.body.empty());
}

TEST_F(HttpFetcherTest, RecordAndDefaults) {
  HttpOptions o = test_options();
  EXPECT_TRUE(contains(o.user_agent, "omnicheck/"));
  EXPECT_TRUE(contains(o.user_agent, "(+https://github.com/omnicheck/omnicheck)"));
  o.insecure = true;
  auto r = fetcher(o)->record();
  EXPECT_NE(std::find(r.begin(), r.end(), std::make_pair(std::string("insecure"), std::string("true"))), r.end());
  EXPECT_NE(std::find(r.begin(), r.end(), std::make_pair(std::string("user_agent"), o.user_agent)), r.end());
  // The politeness used is part of how the evidence was gathered.
  o.per_host_delay_ms = 0;
  o.per_host_concurrency = 3;
  r = fetcher(o)->record();
  EXPECT_NE(std::find(r.begin(), r.end(), std::make_pair(std::string("host_delay_ms"), std::string("0"))), r.end());
  EXPECT_NE(std::find(r.begin(), r.end(), std::make_pair(std::string("host_connections"), std::string("3"))), r.end());
  EXPECT_THROW(make_http_fetcher("ftp://example.com/", o), std::invalid_argument);
}

TEST_F(HttpFetcherTest, SitemapsFromRobotsAndIndex) {
  std::string base = server.url("");
  server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private\nSitemap: " + base + "/sm-index.xml\n");
  server.serve("/sm-index.xml", 200, "application/xml",
               "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
               "<sitemap><loc>" + base + "/sm1.xml</loc></sitemap></sitemapindex>");
  server.serve("/sm1.xml", 200, "application/xml",
               "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
               "<url><loc>" + base + "/impressum</loc></url><url><loc> " + base + "/agb </loc></url>"
               "<url><loc>https://elsewhere.example/x</loc></url></urlset>");
  server.serve("/sitemap.xml", 200, "application/xml",
               "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
               "<url><loc>" + base + "/kontakt</loc></url><url><loc>" + base + "/agb</loc></url></urlset>");
  auto seeds = fetcher()->seed_urls();
  std::sort(seeds.begin(), seeds.end());
  std::vector<std::string> want = {base + "/agb", base + "/impressum", base + "/kontakt"};
  EXPECT_EQ(seeds, want);
}

}  // namespace
}  // namespace omnicheck::fetch

// The WARC archive: written during a small crawl, checked record by record with an
// independent reader (the gzip command and a parser here), and replayed into the same Pages.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <regex>

#include "fetch/fetch.h"
#include "fetch/test_http_server.h"
#include "support/test_support.h"
#include "support/deflated.h"

namespace omnicheck::fetch {
namespace {

using omnicheck::testing::Connection;
using omnicheck::testing::HttpRequest;
using omnicheck::testing::TestHttpServer;

struct Record {
  std::map<std::string, std::string> fields;
  std::string block;
};

// A deliberately separate, minimal WARC parser: the test must not trust the code under test.
std::vector<Record> parse_all(const std::string& data) {
  std::vector<Record> out;
  std::size_t pos = 0;
  while (pos < data.size()) {
    auto head_end = data.find("\r\n\r\n", pos);
    if (head_end == std::string::npos) ADD_FAILURE() << "truncated record head";
    if (head_end == std::string::npos) break;
    std::string head = data.substr(pos, head_end - pos);
    EXPECT_EQ(head.rfind("WARC/1.1\r\n", 0), 0u);
    Record r;
    std::size_t lp = head.find("\r\n") + 2;
    while (lp < head.size()) {
      auto eol = head.find("\r\n", lp);
      if (eol == std::string::npos) eol = head.size();
      std::string line = head.substr(lp, eol - lp);
      lp = eol + 2;
      auto c = line.find(": ");
      r.fields[line.substr(0, c)] = line.substr(c + 2);
    }
    std::size_t len = std::stoull(r.fields["Content-Length"]);
    r.block = data.substr(head_end + 4, len);
    EXPECT_EQ(data.substr(head_end + 4 + len, 4), "\r\n\r\n");
    pos = head_end + 4 + len + 4;
    out.push_back(std::move(r));
  }
  return out;
}

int gzip_members(const std::string& file) {
  std::string data = omnicheck::testing::read_file(file);
  int members = 0;
  std::size_t off = 0;
  while (off < data.size()) {
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    z.next_in = reinterpret_cast<Bytef*>(data.data() + off);
    z.avail_in = static_cast<uInt>(data.size() - off);
    char buf[65536];
    int rc;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
    } while (rc == Z_OK);
    EXPECT_EQ(rc, Z_STREAM_END);
    off = data.size() - z.avail_in;
    inflateEnd(&z);
    if (rc != Z_STREAM_END) break;
    ++members;
  }
  return members;
}

std::string gzip(const std::string& data) { return testing::gzipped(data); }

class WarcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("omnicheck-warc-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    archive = (dir / "crawl.warc.gz").string();
    server.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private\n");
    server.serve("/", 200, "text/html; charset=utf-8", "<html><a href=/impressum>Impressum</a></html>",
                 {{"Server", "test"}, {"Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"}});
    server.serve("/old-imprint", 301, "text/html", "moved", {{"Location", "/impressum"}});
    server.serve("/impressum", 200, "text/html", gzip("<html>Muster GmbH, Hauptstr. 1</html>"),
                 {{"Content-Encoding", "gzip"}});
    server.serve("/missing", 404, "text/html", "<p>gone</p>");
    server.serve("/logo.png", 200, "image/png", std::string(1000, 'p'));
    server.on("/chunked", [](const HttpRequest&, Connection& c) {
      c.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
             "5\r\n<p>ch\r\na\r\nunked!</p>\r\n0\r\n\r\n");
    });
    server.on("/reset", [](const HttpRequest&, Connection& c) {
      c.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>half");
      c.sleep_ms(50);
      c.reset();
    });
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::vector<std::string> urls() const {
    return {server.url("/"),        server.url("/old-imprint"), server.url("/missing"), server.url("/logo.png"),
            server.url("/chunked"), server.url("/reset"),       server.url("/private/x")};
  }

  TestHttpServer server;
  std::filesystem::path dir;
  std::string archive;
};

TEST_F(WarcTest, ArchiveDigestsVerifyAndReplayServesIdenticalPages) {
  HttpOptions o;
  o.per_host_delay_ms = 0;
  o.max_retries = 0;
  o.total_timeout_ms = 5000;
  o.archive_path = archive;
  auto live = make_http_fetcher(server.url("/"), o);
  std::vector<Page> pages = live->fetch_batch(urls());
  live->finish();
  auto rec = live->record();
  auto sha = std::find_if(rec.begin(), rec.end(), [](const auto& kv) { return kv.first == "archive_sha256"; });
  ASSERT_NE(sha, rec.end());
  EXPECT_EQ(sha->second, sha256_hex(omnicheck::testing::read_file(archive)));
  EXPECT_NE(std::find(rec.begin(), rec.end(), std::make_pair(std::string("archive"), archive)), rec.end());

  // The live results themselves.
  EXPECT_EQ(pages[0].error, "");
  EXPECT_EQ(pages[1].final_url, server.url("/impressum"));
  EXPECT_EQ(pages[1].body, "<html>Muster GmbH, Hauptstr. 1</html>");
  EXPECT_EQ(pages[2].status, 404);
  EXPECT_NE(pages[3].error.find("not downloaded"), std::string::npos);
  EXPECT_EQ(pages[4].body, "<p>chunked!</p>");
  EXPECT_NE(pages[5].error.find("connection broken"), std::string::npos);
  EXPECT_NE(pages[6].error.find("robots.txt"), std::string::npos);

  // Independent check: gzip decompresses it, one member per record, every digest holds.
  std::string text;
  ASSERT_EQ(omnicheck::testing::run_command("gzip -dc '" + archive + "'", &text), 0);
  auto records = parse_all(text);
  ASSERT_GE(records.size(), 10u);
  EXPECT_EQ(gzip_members(archive), static_cast<int>(records.size()));
  EXPECT_EQ(records.front().fields["WARC-Type"], "warcinfo");
  std::map<std::string, int> types;
  std::set<std::string> ids;
  const std::regex id_re(R"(<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>)");
  const std::regex date_re(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  for (auto& r : records) {
    types[r.fields["WARC-Type"]]++;
    EXPECT_TRUE(std::regex_match(r.fields["WARC-Record-ID"], id_re)) << r.fields["WARC-Record-ID"];
    EXPECT_TRUE(ids.insert(r.fields["WARC-Record-ID"]).second);
    EXPECT_TRUE(std::regex_match(r.fields["WARC-Date"], date_re));
    EXPECT_EQ(r.fields["WARC-Block-Digest"], "sha256:" + sha256_hex(r.block));
    if (r.fields["WARC-Type"] == "response") {
      EXPECT_EQ(r.fields["Content-Type"], "application/http;msgtype=response");
      EXPECT_EQ(r.fields["WARC-IP-Address"], "127.0.0.1");
      auto body_at = r.block.find("\r\n\r\n");
      ASSERT_NE(body_at, std::string::npos);
      EXPECT_EQ(r.fields["WARC-Payload-Digest"], "sha256:" + sha256_hex(r.block.substr(body_at + 4)));
      EXPECT_FALSE(r.fields["WARC-Concurrent-To"].empty());
      EXPECT_FALSE(r.fields["WARC-Target-URI"].empty());
    }
    if (r.fields["WARC-Type"] == "request") {
      EXPECT_EQ(r.fields["Content-Type"], "application/http;msgtype=request");
      EXPECT_EQ(r.block.rfind("GET ", 0), 0u);
    }
  }
  EXPECT_EQ(types["warcinfo"], 1);
  EXPECT_EQ(types["request"], types["response"]);
  EXPECT_GE(types["response"], 8);  // robots, /, 301, /impressum, 404, png head, chunked, reset
  // The gzip page is archived compressed, as transferred; the reset one is marked truncated.
  bool saw_gzip = false, saw_truncated = false;
  for (auto& r : records) {
    if (r.fields["WARC-Type"] != "response") continue;
    if (r.block.find("Content-Encoding: gzip") != std::string::npos) {
      saw_gzip = r.block.find("Muster GmbH") == std::string::npos;
    }
    if (r.fields["WARC-Target-URI"] == server.url("/reset")) saw_truncated = r.fields["WARC-Truncated"] == "disconnect";
  }
  EXPECT_TRUE(saw_gzip);
  EXPECT_TRUE(saw_truncated);

  // Replay: the same Pages, field for field, with no server needed.
  auto replay = make_warc_replay_fetcher(archive);
  EXPECT_EQ(replay->start_url(), server.url("/"));
  auto list = urls();
  for (std::size_t i = 0; i < list.size(); ++i) {
    Page a = pages[i];
    Page b = replay->fetch(list[i]);
    SCOPED_TRACE(list[i]);
    EXPECT_EQ(b.requested_url, a.requested_url);
    EXPECT_EQ(b.final_url, a.final_url);
    EXPECT_EQ(b.redirect_chain, a.redirect_chain);
    EXPECT_EQ(b.status, a.status);
    EXPECT_EQ(b.headers, a.headers);
    EXPECT_EQ(b.content_type, a.content_type);
    EXPECT_EQ(b.charset, a.charset);
    EXPECT_EQ(b.fetched_at, a.fetched_at);
    EXPECT_EQ(b.sha256, a.sha256);
    EXPECT_EQ(b.body, a.body);
    EXPECT_EQ(b.error, a.error);
  }
  EXPECT_NE(replay->fetch(server.url("/never")).error.find("not in the archive"), std::string::npos);
  std::string why;
  EXPECT_FALSE(replay->allowed(server.url("/private/y"), &why));
  EXPECT_TRUE(replay->allowed(server.url("/impressum"), nullptr));
}

TEST_F(WarcTest, ArchiveClosesOnDestructionAndGuardRefusalsAreRecorded) {
  HttpOptions o;
  o.per_host_delay_ms = 0;
  o.archive_path = archive;
  std::string host = "shop.example.com:" + std::to_string(server.port());
  o.resolve = {host + ":127.0.0.1"};
  server.serve("/out", 302, "text/html", "", {{"Location", "http://127.0.0.2:" + std::to_string(server.port()) + "/"}});
  Page live;
  {
    auto f = make_http_fetcher("http://" + host + "/", o);
    live = f->fetch("http://" + host + "/out");
  }
  EXPECT_NE(live.error.find("network guard"), std::string::npos);
  auto replay = make_warc_replay_fetcher(archive);
  Page again = replay->fetch("http://" + host + "/out");
  EXPECT_EQ(again.error, live.error);
  EXPECT_EQ(again.redirect_chain, live.redirect_chain);
}

TEST(WarcReplay, MissingOrForeignFileThrows) {
  EXPECT_THROW(make_warc_replay_fetcher("/nonexistent/x.warc.gz"), std::runtime_error);
}

}  // namespace
}  // namespace omnicheck::fetch

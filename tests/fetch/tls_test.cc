// TLS verification: on by default, a private CA via cacert, and insecure mode recorded.
#include <gtest/gtest.h>

#include <algorithm>

#include "fetch/fetch.h"
#include "fetch/tls_test_server.h"

namespace omnicheck::fetch {
namespace {

using omnicheck::testing::TlsTestServer;

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server.put_file("index.html", "<html><body>TLS shop</body></html>");
    server.put_file("robots.txt", "User-agent: *\nDisallow:\n");
  }
  HttpOptions options() {
    HttpOptions o;
    o.connect_timeout_ms = 3000;
    o.total_timeout_ms = 8000;
    o.per_host_delay_ms = 0;
    o.max_retries = 0;
    return o;
  }
  TlsTestServer server;
};

TEST_F(TlsTest, PassesWithTheTestCa) {
  HttpOptions o = options();
  o.cacert = server.ca_file();
  auto f = make_http_fetcher(server.url("/"), o);
  Page p = f->fetch(server.url("/index.html"));
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "<html><body>TLS shop</body></html>");
  auto r = f->record();
  EXPECT_EQ(std::count_if(r.begin(), r.end(), [](const auto& kv) { return kv.first == "insecure"; }), 0);
}

TEST_F(TlsTest, UntrustedCertificateFailsUnlessInsecure) {
  HttpOptions o = options();
  auto f = make_http_fetcher(server.url("/"), o);
  Page p = f->fetch(server.url("/index.html"));
  EXPECT_NE(p.error.find("TLS"), std::string::npos) << p.error;
  EXPECT_TRUE(p.body.empty());
  EXPECT_FALSE(p.ok());

  o.insecure = true;
  auto g = make_http_fetcher(server.url("/"), o);
  Page q = g->fetch(server.url("/index.html"));
  EXPECT_EQ(q.error, "");
  EXPECT_EQ(q.body, "<html><body>TLS shop</body></html>");
  auto r = g->record();
  EXPECT_NE(std::find(r.begin(), r.end(), std::make_pair(std::string("insecure"), std::string("true"))), r.end());
}

TEST_F(TlsTest, WrongHostNameFails) {
  // The certificate names localhost and 127.0.0.1; another name mapped to it must fail.
  HttpOptions o = options();
  o.cacert = server.ca_file();
  std::string host = "shop.example.com:" + std::to_string(server.port());
  o.resolve = {host + ":127.0.0.1"};
  auto f = make_http_fetcher("https://" + host + "/", o);
  Page p = f->fetch("https://" + host + "/index.html");
  EXPECT_NE(p.error.find("TLS"), std::string::npos) << p.error;
  EXPECT_TRUE(p.body.empty());
}

}  // namespace
}  // namespace omnicheck::fetch

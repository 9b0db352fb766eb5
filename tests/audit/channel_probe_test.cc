// The channel checks against real servers on loopback: dnsmasq answers the MX lookups (and
// REFUSES every name it was not given), the loopback HTTP test server plays the merchant's
// form targets. No test here reaches the system resolver or any address but 127.0.0.1.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <regex>

#include "audit/audit.h"
#include "audit/form_target_check.h"
#include "audit/loopback_dns_server.h"
#include "audit/mx_resolver.h"
#include "audit/site_server.h"
#include "fetch/test_http_server.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

using omnicheck::testing::HttpRequest;
using omnicheck::testing::LoopbackDnsServer;
using omnicheck::testing::SiteReply;
using omnicheck::testing::SiteRequest;
using omnicheck::testing::SiteServer;
using omnicheck::testing::TestHttpServer;

std::vector<std::string> zone_records() {
  std::vector<std::string> r;
  auto add = [&](std::vector<std::string> v) { r.insert(r.end(), v.begin(), v.end()); };
  // MX present.
  add(LoopbackDnsServer::local_zone("shop-ok.example"));
  add({"--mx-host=shop-ok.example,mail.shop-ok.example,10", "--host-record=mail.shop-ok.example,127.0.0.1"});
  // No MX, an address: the implicit MX of RFC 5321 §5.1.
  add(LoopbackDnsServer::local_zone("aonly.example"));
  add({"--host-record=aonly.example,127.0.0.1"});
  // NXDOMAIN.
  add({"--address=/gone.example/"});
  // RFC 7505 null MX.
  add({"--mx-host=nullmx.example,.,0"});
  // The name exists (a TXT record) but has neither MX nor address.
  add(LoopbackDnsServer::local_zone("nomail.example"));
  add({"--txt-record=nomail.example,v=spf1 -all"});
  // The fixture shops (fixtures/README.md, "contact.effective"): every domain receives mail but
  // kavarnadoma.cz, which exists without MX or address.
  for (const char* d : {"maison-lumiere.fr", "mueller-versand.de", "northwind-outdoor.nl", "acmewidgets.co.uk"}) {
    add(LoopbackDnsServer::local_zone(d));
    add({std::string("--mx-host=") + d + ",mx1." + d + ",10", std::string("--host-record=mx1.") + d + ",127.0.0.1"});
  }
  add(LoopbackDnsServer::local_zone("kavarnadoma.cz"));
  add({"--txt-record=kavarnadoma.cz,v=spf1 -all"});
  // The top-level domains exist: a negative answer stands only from a resolver that answers
  // for those (MxResolver::check).
  for (const char* tld : {"example", "fr", "de", "nl", "uk", "cz"}) {
    add(LoopbackDnsServer::local_zone(tld));
    add({std::string("--host-record=") + tld + ",127.0.0.1"});
  }
  return r;
}

// One dnsmasq per test process (ctest runs every test in its own process).
LoopbackDnsServer& dns() {
  static std::unique_ptr<LoopbackDnsServer> server;
  if (!server) server = std::make_unique<LoopbackDnsServer>(zone_records());
  return *server;
}

class WithDns : public ::testing::Test {
 protected:
  void SetUp() override {
    try {
      dns();
    } catch (const std::exception& e) {
      FAIL() << e.what();
    }
  }
  static MailDomainCheck check(const std::string& domain) {
    DnsOptions o;
    o.server = dns().address();
    o.timeout_ms = 1000;
    return MxResolver(o).check(domain);
  }
};

// --- MX lookups ---

TEST_F(WithDns, MxRecordMeansTheDomainAcceptsMail) {
  auto c = check("shop-ok.example");
  EXPECT_EQ(c.status, "accepts") << c.reason;
  EXPECT_EQ(c.via, "mx");
  EXPECT_EQ(c.records, std::vector<std::string>{"10 mail.shop-ok.example"});
  EXPECT_EQ(c.query_url, "dns://" + dns().address() + "/shop-ok.example?type=MX");
  EXPECT_TRUE(std::regex_match(c.answer_sha256, std::regex("[0-9a-f]{64}"))) << c.answer_sha256;
  EXPECT_FALSE(c.checked_at.empty());
}

TEST_F(WithDns, NameIsAskedAsWrittenWhateverItsCaseAndTrailingDot) {
  EXPECT_EQ(check("Shop-OK.Example.").status, "accepts");
}

TEST_F(WithDns, AnAddressWithoutMxStillReceivesMail) {
  auto c = check("aonly.example");
  EXPECT_EQ(c.status, "accepts") << c.reason;
  EXPECT_EQ(c.via, "address");
  EXPECT_EQ(c.records, std::vector<std::string>{"A 127.0.0.1"});
  EXPECT_NE(c.query_url.find("type=A"), std::string::npos);
}

TEST_F(WithDns, NxdomainMeansNoMail) {
  auto c = check("gone.example");
  EXPECT_EQ(c.status, "nxdomain") << c.reason;
  EXPECT_FALSE(c.answer_sha256.empty()) << "the NXDOMAIN answer is the evidence";
}

TEST_F(WithDns, NullMxDeclaresNoMail) {
  auto c = check("nullmx.example");
  EXPECT_EQ(c.status, "no_mail") << c.reason;
  EXPECT_EQ(c.via, "null_mx");
  EXPECT_EQ(c.records, std::vector<std::string>{"0 ."});
}

TEST_F(WithDns, NeitherMxNorAddressMeansNoMail) {
  auto c = check("nomail.example");
  EXPECT_EQ(c.status, "no_mail") << c.reason;
  EXPECT_EQ(c.via, "none");
}

TEST_F(WithDns, RefusedLookupIsInconclusiveNotAFailure) {
  auto c = check("not-in-the-zone.test");  // dnsmasq has no upstream and no local "test": REFUSED
  EXPECT_EQ(c.status, "inconclusive");
  EXPECT_NE(c.reason.find("refused"), std::string::npos) << c.reason;
}

// A resolver that says NXDOMAIN for every name (a filtering resolver, a machine without
// network) would make every shop's mail domain "not exist": its negative answers stand only
// when it answers for the top-level domain too (issue 16).
TEST(MxResolver, AResolverThatDeniesEveryNameProvesNothing) {
  LoopbackDnsServer denies_all({"--address=/#/"});
  DnsOptions o;
  o.server = denies_all.address();
  o.timeout_ms = 1000;
  MxResolver r(o);
  auto c = r.check("maison-lumiere.fr");
  EXPECT_EQ(c.status, "inconclusive") << c.reason;
  EXPECT_NE(c.reason.find("top-level domain \"fr\" does not exist either"), std::string::npos) << c.reason;
}

TEST_F(WithDns, NxdomainFromAResolverThatKnowsTheTopLevelDomainStands) {
  auto c = check("gone.example");
  EXPECT_EQ(c.status, "nxdomain") << c.reason;  // counter-case of the test above
}

TEST(MxResolver, SilentResolverTimesOutWithinItsBoundAsInconclusive) {
  omnicheck::testing::SilentUdpPort silent;
  DnsOptions o;
  o.server = silent.address();
  o.timeout_ms = 200;
  o.tries = 1;
  auto start = std::chrono::steady_clock::now();
  auto c = MxResolver(o).check("shop-ok.example");
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(c.status, "inconclusive");
  EXPECT_NE(c.reason.find("did not answer"), std::string::npos) << c.reason;
  EXPECT_LT(took, std::chrono::seconds(3));
}

TEST(MxResolver, NoResolverListeningIsInconclusive) {
  DnsOptions o;
  o.server = "127.0.0.1:" + std::to_string(omnicheck::testing::unused_loopback_port());
  o.timeout_ms = 300;
  o.tries = 1;
  auto c = MxResolver(o).check("shop-ok.example");
  EXPECT_EQ(c.status, "inconclusive") << c.reason;
}

TEST(MxResolver, MalformedServerIsRejectedNamingIt) {
  for (const char* bad : {"localhost:53", "127.0.0.1:99999", "127.0.0.1:", "not an address", "[::1", "[::1]x"}) {
    DnsOptions o;
    o.server = bad;
    try {
      MxResolver r(o);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(dns_server_csv("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(dns_server_csv("::1"), "[::1]");
  EXPECT_EQ(dns_server_csv("[::1]:5353"), "[::1]:5353");
}

TEST_F(WithDns, NameThatCannotBeAskedAsWrittenIsInconclusiveWithoutAQuery) {
  for (const char* name : {"bücher.example", "a..example", "-"}) {
    auto c = check(name);
    EXPECT_EQ(c.status, "inconclusive") << name;
  }
  EXPECT_EQ(dns().log().find("bücher"), std::string::npos);
}

// --- form targets ---

fetch::HttpOptions quick_http() {
  fetch::HttpOptions h;
  h.per_host_delay_ms = 0;
  h.max_retries = 0;
  h.connect_timeout_ms = 2000;
  h.total_timeout_ms = 5000;
  return h;
}

struct FormServer {
  TestHttpServer http;
  FormServer() {
    http.serve("/", 200, "text/html", "<html><body>shop</body></html>");
    http.serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
    http.serve("/contact/ok", 200, "text/html", "<p>Thank you</p>");
    http.serve("/contact/json", 200, "application/json", "{\"ok\":true}");
    http.serve("/contact/post-only", 405, "text/html", "<p>Method not allowed</p>", {{"Allow", "POST"}});
    http.serve("/contact/missing-fields", 400, "text/html", "<p>Bad request</p>");
    http.serve("/contact/gone", 410, "text/html", "<p>Gone</p>");
    http.serve("/contact/error", 503, "text/html", "<p>Down</p>");
    http.serve("/contact/forbidden", 403, "text/html", "<p>Forbidden</p>");
    http.serve("/contact/redirect", 302, "text/html", "", {{"Location", "/contact/thanks"}});
    http.serve("/contact/thanks", 200, "text/html", "<p>Thanks</p>");
    http.serve("/private/send", 200, "text/html", "<p>private</p>");
  }
  FormCheck check(const std::string& path) {
    FormTargetChecker checker(http.url("/"), quick_http());
    return checker.check(http.url(path), http.url("/contact"), true);
  }
};

TEST(FormTarget, AnsweringTargetsWork) {
  FormServer s;
  for (const auto& [path, status] : std::vector<std::pair<std::string, int>>{
           {"/contact/ok", 200}, {"/contact/json", 200}, {"/contact/post-only", 405}, {"/contact/missing-fields", 400}}) {
    auto c = s.check(path);
    EXPECT_EQ(c.status, "works") << path << ": " << c.reason;
    EXPECT_EQ(c.http_status, status) << path;
  }
}

TEST(FormTarget, DeadTargetsAreBrokenWithTheAnswerAsEvidence) {
  FormServer s;
  for (const auto& [path, status] :
       std::vector<std::pair<std::string, int>>{{"/contact/none", 404}, {"/contact/gone", 410}, {"/contact/error", 503}}) {
    auto c = s.check(path);
    EXPECT_EQ(c.status, "broken") << path << ": " << c.reason;
    EXPECT_EQ(c.http_status, status);
    EXPECT_FALSE(c.fetched_at.empty());
    EXPECT_TRUE(std::regex_match(c.sha256, std::regex("[0-9a-f]{64}"))) << path;
  }
}

TEST(FormTarget, ForbiddenIsInconclusive) {
  FormServer s;
  EXPECT_EQ(s.check("/contact/forbidden").status, "inconclusive");
}

TEST(FormTarget, RedirectIsAnAnswerAndIsNotFollowed) {
  FormServer s;
  auto c = s.check("/contact/redirect");
  EXPECT_EQ(c.status, "works") << c.reason;
  EXPECT_EQ(c.http_status, 302);
  EXPECT_EQ(s.http.hits("/contact/thanks"), 0);
  EXPECT_EQ(c.control_status, 404) << "a path beside it that cannot exist is not redirected alike";
}

TEST(FormTarget, ServerThatAnswersEveryPathAlikeProvesNothing) {
  // A shop front that serves its home page for any path, and one that redirects unknown paths home.
  for (int status : {200, 302}) {
    SiteServer site([status](const SiteRequest& req) {
      if (req.path == "/robots.txt") return SiteReply{404, {{"Content-Type", "text/plain"}}, ""};
      if (status == 302) return SiteReply{302, {{"Location", "/"}, {"Content-Type", "text/html"}}, ""};
      return SiteReply{200, {{"Content-Type", "text/html"}}, "<html><body>home</body></html>"};
    });
    FormTargetChecker checker(site.url("/"), quick_http());
    auto c = checker.check(site.url("/contact/send"), site.url("/contact"), true);
    EXPECT_EQ(c.status, "inconclusive") << status << ": " << c.reason;
    EXPECT_NE(c.reason.find("every path alike"), std::string::npos) << c.reason;
    EXPECT_EQ(c.control_status, status);
    EXPECT_EQ(site.hits(c.control_url.substr(c.control_url.find("/contact/"))), 1) << c.control_url;
  }
}

TEST(FormTarget, SubmitsNothingAGetWithoutQueryOrFields) {
  FormServer s;
  FormTargetChecker checker(s.http.url("/"), quick_http());
  auto c = checker.check(s.http.url("/contact/ok?form=contact&token=abc#top"), s.http.url("/contact"), true);
  EXPECT_EQ(c.status, "works");
  bool asked = false;
  for (const HttpRequest& r : s.http.requests()) {
    if (r.path != "/contact/ok") continue;
    asked = true;
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.target, "/contact/ok");
  }
  EXPECT_TRUE(asked);
}

TEST(FormTarget, RobotsDisallowedTargetIsNotCheckedNotFailed) {
  FormServer s;
  auto c = s.check("/private/send");
  EXPECT_EQ(c.status, "unchecked");
  EXPECT_NE(c.reason.find("robots.txt"), std::string::npos) << c.reason;
  EXPECT_EQ(s.http.hits("/private/send"), 0);
}

TEST(FormTarget, OtherHostsAreNeverContacted) {
  FormServer s;
  FormTargetChecker checker(s.http.url("/"), quick_http());
  // Same machine, another name: not the audited host.
  auto c = checker.check("http://localhost:" + std::to_string(s.http.port()) + "/contact/ok", s.http.url("/"), true);
  EXPECT_EQ(c.status, "unchecked");
  EXPECT_EQ(s.http.hits("/contact/ok"), 0);
}

TEST(FormTarget, ConnectionRefusedOnTheMerchantsHostIsBroken) {
  FormServer s;
  FormTargetChecker checker(s.http.url("/"), quick_http());
  int closed = omnicheck::testing::unused_loopback_port();
  auto c = checker.check("http://127.0.0.1:" + std::to_string(closed) + "/contact/send", s.http.url("/"), true);
  EXPECT_EQ(c.status, "broken") << c.reason;
  EXPECT_NE(c.reason.find("connection refused"), std::string::npos) << c.reason;
}

TEST(FormTarget, LocalFolderAndScriptFormsAreUnchecked) {
  FormTargetChecker local("file:///tmp/shop/index.html", quick_http());
  EXPECT_EQ(local.check("file:///tmp/shop/contact/send", "file:///tmp/shop/contact.html", true).status, "unchecked");
  EXPECT_EQ(local.check("https://shop.example/contact/send", "file:///tmp/shop/contact.html", true).status, "unchecked");
  EXPECT_EQ(local.check("", "file:///tmp/shop/contact.html", true).status, "unchecked");
  EXPECT_EQ(local.check("mailto:info@shop.example", "file:///tmp/shop/contact.html", true).status, "unchecked");
}

TEST(FormTarget, OneRequestPerTargetWhateverTheNumberOfForms) {
  FormServer s;
  FormTargetChecker checker(s.http.url("/"), quick_http());
  for (const char* page : {"/", "/a", "/b"}) checker.check(s.http.url("/contact/ok"), s.http.url(page), true);
  EXPECT_EQ(s.http.hits("/contact/ok"), 1);
}

TEST(FormTarget, StatusTable) {
  EXPECT_EQ(form_status_for_http(200), "works");
  EXPECT_EQ(form_status_for_http(301), "works");
  EXPECT_EQ(form_status_for_http(405), "works");
  EXPECT_EQ(form_status_for_http(404), "broken");
  EXPECT_EQ(form_status_for_http(410), "broken");
  EXPECT_EQ(form_status_for_http(500), "broken");
  EXPECT_EQ(form_status_for_http(401), "inconclusive");
  EXPECT_EQ(form_status_for_http(403), "inconclusive");
  EXPECT_EQ(form_status_for_http(429), "inconclusive");
}

// --- the whole audit: probes, facts and the contact.effective finding ---

const rules::Finding& finding(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f;
  }
  throw std::runtime_error("no finding " + id);
}

std::string shop_page(const std::string& email) {
  return "<!doctype html><html lang=\"fr\"><head><title>Boutique</title>"
         "<script src=\"https://embed.tawk.to/5f00/default\" async></script></head><body><main>"
         "<h1>Boutique Exemple</h1><p>Écrivez-nous : <a href=\"mailto:" + email + "\">" + email + "</a></p>"
         "<p>Tél. : <a href=\"tel:+33199001234\">01 99 00 12 34</a></p>"
         "<form action=\"/contact/send\" method=\"post\"><input type=\"email\" name=\"email\">"
         "<textarea name=\"message\"></textarea><button>Envoyer</button></form></main></body></html>";
}

Options live_options(const std::string& start_url) {
  Options opt;
  opt.target = start_url;
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-11-23";
  opt.dns_server = dns().address();
  opt.http = quick_http();
  opt.max_pages = 5;
  return opt;
}

TEST_F(WithDns, LiveShopWhoseChannelsAllWorkPasses) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("contact@shop-ok.example"));
  http.serve("/contact/send", 405, "text/html", "<p>POST only</p>", {{"Allow", "POST"}});
  Result r = run(live_options(http.url("/")));
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, "pass") << f.message;
  EXPECT_NE(f.message.find("shop-ok.example: MX 10 mail.shop-ok.example"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("Tawk.to"), std::string::npos) << "the chat widget is reported: " << f.message;
  bool dns_evidence = false, form_evidence = false;
  for (const auto& e : f.evidence) {
    dns_evidence |= e.url.rfind("dns://", 0) == 0 && e.sha256.size() == 64;
    form_evidence |= e.url == http.url("/contact/send") && e.status == 405;
  }
  EXPECT_TRUE(dns_evidence && form_evidence) << f.to_json().dump(2);
  // The query log sees this audit's lookups, so its emptiness in the --no-probe test means something.
  EXPECT_NE(dns().queries().find("shop-ok.example"), std::string::npos) << dns().log();
  EXPECT_EQ(http.hits("/contact/send"), 1);
  for (const auto& req : http.requests()) EXPECT_EQ(req.method, "GET") << req.target;
}

TEST_F(WithDns, LiveShopWhoseFormGoesNowhereFails) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("contact@shop-ok.example"));  // no /contact/send: 404
  Result r = run(live_options(http.url("/")));
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, "fail") << f.message;
  EXPECT_NE(f.message.find("HTTP 404"), std::string::npos) << f.message;
}

TEST_F(WithDns, LiveShopWhoseMailDomainDoesNotExistFails) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("contact@gone.example"));
  http.serve("/contact/send", 200, "text/html", "<p>ok</p>");
  Result r = run(live_options(http.url("/")));
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, "fail") << f.message;
  EXPECT_NE(f.message.find("gone.example: does not exist (NXDOMAIN)"), std::string::npos) << f.message;
}

TEST_F(WithDns, RefusedLookupMakesTheFindingInconclusive) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("contact@unknown-to-dnsmasq.test"));
  http.serve("/contact/send", 200, "text/html", "<p>ok</p>");
  Result r = run(live_options(http.url("/")));
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, "inconclusive") << f.message;
  EXPECT_NE(f.message.find("lookup failed"), std::string::npos) << f.message;
}

TEST_F(WithDns, NoProbeSendsNothingAndSaysInconclusive) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("contact@shop-ok.example"));
  http.serve("/contact/send", 200, "text/html", "<p>ok</p>");
  Options opt = live_options(http.url("/"));
  opt.probe = false;
  std::string before = dns().queries();
  Result r = run(opt);
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, "inconclusive") << f.message;
  EXPECT_NE(f.message.find("the checks were switched off"), std::string::npos) << f.message;
  EXPECT_EQ(http.hits("/contact/send"), 0);
  EXPECT_EQ(dns().queries(), before) << "no DNS query without probes\n" << dns().log();
}

TEST_F(WithDns, NoReplyAddressFailsEvenWithoutProbes) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("no-reply@shop-ok.example"));
  Options opt = live_options(http.url("/"));
  opt.probe = false;
  Result r = run(opt);
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, "fail") << f.message;
  EXPECT_NE(f.message.find("no-reply@shop-ok.example"), std::string::npos) << f.message;
}

TEST(ChannelProbe, MalformedDnsServerIsAnInputErrorNamingIt) {
  TestHttpServer http;
  http.serve("/", 200, "text/html; charset=utf-8", shop_page("contact@shop-ok.example"));
  Options opt;
  opt.target = http.url("/");
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.http = quick_http();
  opt.dns_server = "dns.example:53";
  try {
    run(opt);
    ADD_FAILURE() << "a host name was accepted as --dns-server";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("dns.example:53"), std::string::npos) << e.what();
  }
}

// --- the fixture shops (fixtures/README.md, "contact.effective") ---

struct FixtureChannels {
  std::string site, form_target, local_status, live_status;
};

const std::vector<FixtureChannels> kFixtureChannels = {
    {"fr-maison-lumiere", "/contact/envoyer", "inconclusive", "pass"},
    {"de-mueller-versand", "/kontakt/senden", "inconclusive", "pass"},
    {"cs-kavarna-doma", "/odeslat-zpravu", "fail", "fail"},
    {"en-acme-widgets", "/contact/submit", "inconclusive", "pass"},
    {"en-northwind-incomplete", "/contact/send", "inconclusive", "pass"},
};

class FixtureChannelTest : public WithDns, public ::testing::WithParamInterface<FixtureChannels> {};

TEST_P(FixtureChannelTest, LocalFolder) {
  const auto& fx = GetParam();
  Options opt;
  opt.target = (omnicheck::testing::fixtures_dir() / "sites" / fx.site).string();
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-11-23";
  opt.dns_server = dns().address();
  Result r = run(opt);
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, fx.local_status) << fx.site << ": " << f.message;
  if (fx.local_status == "inconclusive") {
    // The saved site's form target is not on the network: recorded, never failed.
    EXPECT_NE(f.message.find("not checked"), std::string::npos) << f.message;
  }
}

TEST_P(FixtureChannelTest, ServedOverHttp) {
  // The saved site served as its web server would, with the form handler a live shop has:
  // it takes POST only, so a GET earns 405.
  const auto& fx = GetParam();
  auto folder = SiteServer::folder(omnicheck::testing::fixtures_dir() / "sites" / fx.site);
  SiteServer site([folder, target = fx.form_target](const SiteRequest& req) {
    if (req.path == target) return SiteReply{405, {{"Content-Type", "text/html"}, {"Allow", "POST"}}, "<p>POST only</p>"};
    return folder(req);
  });
  Options opt = live_options(site.url("/"));
  opt.max_pages = 30;
  Result r = run(opt);
  const auto& f = finding(r, "contact.effective");
  EXPECT_EQ(f.status, fx.live_status) << fx.site << ": " << f.message;
  EXPECT_EQ(site.hits(fx.form_target), 1) << fx.site;
}

INSTANTIATE_TEST_SUITE_P(Shops, FixtureChannelTest, ::testing::ValuesIn(kFixtureChannels), [](const auto& info) {
  std::string n = info.param.site;
  for (auto& c : n) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return n;
});

TEST_F(WithDns, CzechShopFailsOnItsMailDomainWithTheDnsAnswerAsEvidence) {
  Options opt;
  opt.target = (omnicheck::testing::fixtures_dir() / "sites" / "cs-kavarna-doma").string();
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-11-23";
  opt.dns_server = dns().address();
  Result r = run(opt);
  const auto& f = finding(r, "contact.effective");
  EXPECT_NE(f.message.find("kavarnadoma.cz: no MX, no address"), std::string::npos) << f.message;
  bool page = false, answer = false;
  for (const auto& e : f.evidence) {
    page |= e.snippet.find("info@kavarnadoma.cz") != std::string::npos && e.url.find("kontakty") != std::string::npos;
    answer |= e.url == "dns://" + dns().address() + "/kavarnadoma.cz?type=MX" && e.sha256.size() == 64;
  }
  EXPECT_TRUE(page && answer) << f.to_json().dump(2);
}

}  // namespace
}  // namespace omnicheck::audit

// Audits over real HTTP on 127.0.0.1: every fixture shop served the way a static server serves
// it gives the findings of its folder audit, with the pages and their hashes in the report;
// its WARC archive replays to the same findings without a single request. Then what the
// network can do to a verdict (a guard refusal, robots.txt, a 500 that recovers), and the
// generated 2,000-page shop: the focused audit decides every site rule in a few pages, the
// full crawl fetches every page exactly once.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include "audit/audit.h"
#include "audit/crawler.h"
#include "audit/generated_shop.h"
#include "audit/site_server.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fixtures_dir;
using omnicheck::testing::SiteReply;
using omnicheck::testing::SiteRequest;
using omnicheck::testing::SiteServer;

const std::vector<std::string> kSiteRules = {"trader.identity", "trader.address", "contact.email", "contact.phone",
                                             "legal_notice.accessible", "contact.discoverable"};

class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("omnicheck-http-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

Options base_options() {
  Options opt;
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-11-23";
  opt.probe = false;  // no resolver is touched
  opt.http.per_host_delay_ms = 0;
  opt.http.per_host_concurrency = 4;
  return opt;
}

std::map<std::string, std::string> statuses(const Result& r) {
  std::map<std::string, std::string> out;
  for (const auto& f : r.report.findings) out[f.rule] = f.status;
  return out;
}

const rules::Finding& finding(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f;
  }
  throw std::runtime_error("no finding " + id);
}

// A page's path within its site, whether it was read from a folder or over HTTP: "" for the
// home page, "mentions-legales", "artikel/emaille-kochtopf.html".
std::string site_path(const std::string& url, const std::string& start_url) {
  std::string rest;
  if (url.rfind(start_url, 0) == 0) {
    rest = url.substr(start_url.size());
  } else if (url.rfind("file://", 0) == 0) {
    rest = url.substr(7);  // a root-relative link in a saved site
  } else {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme + 3);
    rest = slash == std::string::npos ? "" : url.substr(slash);
  }
  while (!rest.empty() && rest[0] == '/') rest.erase(0, 1);
  return rest;
}

// Site path -> sha256 of every page read, from the report.
std::map<std::string, std::string> page_hashes(const Result& r) {
  std::map<std::string, std::string> out;
  std::string start = r.report.target_url;
  for (const auto& p : r.report.target_extra.at("pages")) {
    if (p.contains("error") || p["status"] != 200) continue;
    out[site_path(p["requested_url"].get<std::string>(), start)] = p["sha256"].get<std::string>();
  }
  return out;
}

// --- fixture shops: folder, HTTP, replay ---

class FixtureOverHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureOverHttp, SameFindingsAsTheFolderAuditAndItsReplay) {
  const fs::path site = fixtures_dir() / "sites" / GetParam();
  Options folder_opt = base_options();
  folder_opt.target = site.string();
  Result folder = run(folder_opt);

  SiteServer server(SiteServer::folder(site));
  TempDir tmp(GetParam());
  Options live_opt = base_options();
  live_opt.target = server.url("/");
  live_opt.http.archive_path = (tmp.path() / "crawl.warc.gz").string();
  Result live = run(live_opt);

  EXPECT_EQ(statuses(live), statuses(folder));
  const auto& pages = live.report.target_extra.at("pages");
  ASSERT_FALSE(pages.empty());
  const std::regex hex64("^[0-9a-f]{64}$");
  for (const auto& p : pages) {
    if (p.contains("error") || p["status"] != 200) continue;
    EXPECT_TRUE(std::regex_match(p["sha256"].get<std::string>(), hex64)) << p.dump();
    EXPECT_EQ(p["status"], 200) << p.dump();
    EXPECT_FALSE(p["fetched_at"].get<std::string>().empty());
  }
  // The same pages, byte for byte, whichever way they were read.
  EXPECT_EQ(page_hashes(live), page_hashes(folder));
  EXPECT_EQ(live.report.pages_fetched, folder.report.pages_fetched);
  ASSERT_TRUE(live.report.target_extra.contains("archive_sha256")) << live.report.target_extra.dump();

  std::size_t requests_before = server.requests();
  Options replay_opt = base_options();
  replay_opt.replay = live_opt.http.archive_path;
  Result replayed = run(replay_opt);
  EXPECT_EQ(server.requests(), requests_before) << "a replay touches no network";
  EXPECT_EQ(statuses(replayed), statuses(live));
  EXPECT_EQ(page_hashes(replayed), page_hashes(live));
  EXPECT_EQ(replayed.report.target_url, live.report.target_url);
}

INSTANTIATE_TEST_SUITE_P(Shops, FixtureOverHttp,
                         ::testing::Values("fr-maison-lumiere", "de-mueller-versand", "cs-kavarna-doma",
                                           "en-acme-widgets", "en-northwind-incomplete"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

// --- what the network does to a verdict ---

// A small shop whose trader identity and address are on the legal notice alone.
const std::string kHome =
    "<html lang=\"en\"><body><header><a href=\"/\">Brightside</a></header><main><p>Lamps and mirrors.</p>"
    "<a href=\"/p/opal-lamp\">Opal lamp</a></main><footer><a href=\"/legal-notice\">Legal notice</a> "
    "<a href=\"/contact\">Contact</a></footer></body></html>";
const std::string kLegal =
    "<html lang=\"en\"><body><main><h1>Legal notice</h1><p>Brightside Lighting GmbH<br>Lindenstraße 12<br>"
    "10969 Berlin<br>Germany</p></main><footer><a href=\"/\">Home</a></footer></body></html>";
const std::string kContact =
    "<html lang=\"en\"><body><main><h1>Contact</h1><p>Email: <a href=\"mailto:hello@brightside.example\">"
    "hello@brightside.example</a></p><p>Phone: +49 30 12345678</p></main><footer><a href=\"/legal-notice\">"
    "Legal notice</a></footer></body></html>";
const std::string kProduct =
    "<html lang=\"en\"><body><main><h1>Opal lamp</h1><p>€89.00</p></main><footer><a href=\"/legal-notice\">"
    "Legal notice</a> <a href=\"/contact\">Contact</a></footer></body></html>";

SiteReply html(const std::string& body) { return {200, {{"Content-Type", "text/html; charset=utf-8"}}, body}; }

// The small shop; `legal` answers the legal-notice path.
SiteServer::Handler small_shop(std::function<SiteReply(const SiteRequest&)> legal,
                               std::string robots = "") {
  return [legal = std::move(legal), robots = std::move(robots)](const SiteRequest& req) -> SiteReply {
    if (req.path == "/") return html(kHome);
    if (req.path == "/contact") return html(kContact);
    if (req.path == "/p/opal-lamp") return html(kProduct);
    if (req.path == "/legal-notice") return legal(req);
    if (req.path == "/robots.txt" && !robots.empty()) return {200, {{"Content-Type", "text/plain"}}, robots};
    return {404, {{"Content-Type", "text/plain"}}, "not found\n"};
  };
}

bool any_evidence_note(const rules::Finding& f, const std::string& text) {
  for (const auto& e : f.evidence) {
    if (e.note.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(HttpAudit, GuardRefusalOfALegalPageMakesItsFindingsInconclusive) {
  // shop.example.com is mapped to 127.0.0.1 as with --resolve; its legal notice redirects to
  // 127.0.0.2, another loopback address, which the guard must refuse: the target is a name,
  // not a loopback address the user asked for.
  SiteServer server(small_shop([](const SiteRequest& req) -> SiteReply {
    std::string port = req.host.substr(req.host.rfind(':') + 1);
    return {302, {{"Location", "http://127.0.0.2:" + port + "/legal-notice"}}, ""};
  }));
  std::string host = "shop.example.com:" + std::to_string(server.port());
  Options opt = base_options();
  opt.target = "http://" + host + "/";
  opt.http.resolve = {host + ":127.0.0.1"};
  Result r = run(opt);

  bool recorded = false;
  for (const auto& p : r.report.target_extra.at("pages")) {
    std::string error = p.value("error", "");
    if (p["requested_url"].get<std::string>().find("/legal-notice") == std::string::npos) continue;
    recorded = error.find("network guard") != std::string::npos && error.find("127.0.0.2") != std::string::npos;
  }
  EXPECT_TRUE(recorded) << r.report.target_extra.at("pages").dump(1);
  EXPECT_FALSE(r.report.errors.empty());
  EXPECT_EQ(finding(r, "trader.identity").status, "inconclusive");
  EXPECT_EQ(finding(r, "trader.address").status, "inconclusive");
  EXPECT_EQ(finding(r, "legal_notice.accessible").status, "inconclusive");
  // What the pages that did load show is still judged.
  EXPECT_EQ(finding(r, "contact.phone").status, "pass");
  EXPECT_FALSE(r.report.target_extra["crawl_complete"].get<bool>());
}

TEST(HttpAudit, RobotsTxtDisallowingTheLegalPageIsInconclusiveWithTheReason) {
  SiteServer server(small_shop([](const SiteRequest&) { return html(kLegal); }, "User-agent: *\nDisallow: /legal-notice\n"));
  Options opt = base_options();
  opt.target = server.url("/");
  Result r = run(opt);
  EXPECT_EQ(server.hits("/legal-notice"), 0);
  const auto& identity = finding(r, "trader.identity");
  EXPECT_EQ(identity.status, "inconclusive") << identity.message;
  EXPECT_TRUE(any_evidence_note(identity, "robots.txt")) << "the finding must show what blocked it";
  bool noted = false;
  for (const auto& n : r.report.target_extra["crawl_notes"]) noted |= n.get<std::string>().find("robots.txt") != std::string::npos;
  EXPECT_TRUE(noted) << r.report.target_extra["crawl_notes"].dump(1);
}

TEST(HttpAudit, LegalPageFailingOnceThenLoadingPasses) {
  auto calls = std::make_shared<int>(0);
  SiteServer server(small_shop([calls](const SiteRequest&) -> SiteReply {
    if ((*calls)++ == 0) return {500, {{"Content-Type", "text/plain"}}, "try again\n"};
    return html(kLegal);
  }));
  Options opt = base_options();
  opt.target = server.url("/");
  Result r = run(opt);
  EXPECT_EQ(server.hits("/legal-notice"), 2);
  EXPECT_EQ(finding(r, "trader.identity").status, "pass");
  EXPECT_EQ(finding(r, "trader.address").status, "pass");
  for (const auto& p : r.report.target_extra.at("pages")) {
    if (p["requested_url"].get<std::string>().find("/legal-notice") != std::string::npos) {
      EXPECT_EQ(p["status"], 200);
    }
  }
}

// A live crawl starts from the sitemap's URLs too (fetch::Fetcher::seed_urls), so its replay
// must start from the same ones. The WARC replay fetcher does not offer the archived sitemaps'
// URLs as seeds yet, and the replay then misses a page the live audit read: enable this test
// once fetch/warc_replay_fetcher.cc implements seed_urls() from the archived sitemap records.
TEST(HttpAudit, ReplayStartsFromTheArchivedSitemapToo) {
  // No page links the legal notice: only the sitemap lists it.
  const std::string home =
      "<html lang=\"en\"><body><main><a href=\"/p/opal-lamp\">Opal lamp</a></main><footer>"
      "<a href=\"/contact\">Contact</a></footer></body></html>";
  SiteServer server([home](const SiteRequest& req) -> SiteReply {
    if (req.path == "/") return html(home);
    if (req.path == "/p/opal-lamp") return html("<html><body><main>Opal lamp, €89.00</main></body></html>");
    if (req.path == "/contact") return html("<html><body><main>Phone: +49 30 12345678</main></body></html>");
    if (req.path == "/legal-notice") return html(kLegal);
    if (req.path == "/sitemap.xml") {
      return {200, {{"Content-Type", "application/xml"}},
              "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://" +
                  req.host + "/legal-notice</loc></url></urlset>"};
    }
    return {404, {{"Content-Type", "text/plain"}}, "not found\n"};
  });
  TempDir tmp("sitemap");
  Options live_opt = base_options();
  live_opt.target = server.url("/");
  live_opt.http.archive_path = (tmp.path() / "crawl.warc.gz").string();
  Result live = run(live_opt);
  ASSERT_EQ(finding(live, "trader.identity").status, "pass");
  Options replay_opt = base_options();
  replay_opt.replay = live_opt.http.archive_path;
  Result replayed = run(replay_opt);
  EXPECT_EQ(statuses(replayed), statuses(live));
  EXPECT_EQ(page_hashes(replayed), page_hashes(live));
}

// --- the generated 2,000-page shop ---

std::shared_ptr<const std::map<std::string, std::string>> big_shop() {
  static auto shop = std::make_shared<const std::map<std::string, std::string>>(
      omnicheck::testing::generate_shop(omnicheck::testing::ShopSpec{}));
  return shop;
}

TEST(GeneratedShop, FocusedAuditDecidesEverySiteRuleInAtMost15Pages) {
  auto shop = big_shop();
  ASSERT_GE(shop->size(), 2000u);
  SiteServer server(SiteServer::memory(shop));
  Options opt = base_options();
  opt.target = server.url("/");
  Result r = run(opt);
  const auto& crawl = r.report.target_extra.at("crawl");
  std::size_t pages = crawl["pages_attempted"].get<std::size_t>();
  std::cout << "[ focused  ] " << shop->size() << "-page shop: every site rule decided after " << pages
            << " pages (" << crawl["expected_pages"] << " of them home and service pages)\n";
  RecordProperty("focused_pages", static_cast<int>(pages));
  EXPECT_LE(pages, 15u);
  EXPECT_TRUE(crawl["stopped_early"].get<bool>());
  EXPECT_TRUE(r.report.target_extra["crawl_complete"].get<bool>());
  for (const auto& f : r.report.findings) {
    if (std::find(kSiteRules.begin(), kSiteRules.end(), f.rule) != kSiteRules.end()) {
      EXPECT_EQ(f.status, "pass") << f.rule << ": " << f.message;
    }
  }
  for (const auto& rule : kSiteRules) EXPECT_NO_THROW(finding(r, rule));
  // Decided means no rule is left inconclusive, but for the channel check the test turns off
  // (no resolver is touched), which more pages could never settle.
  for (const auto& f : r.report.findings) {
    if (f.status == "inconclusive") {
      EXPECT_EQ(f.rule, "contact.effective") << f.message;
    }
  }
}

TEST(GeneratedShop, FullCrawlFetchesEveryPageExactlyOnce) {
  auto shop = big_shop();
  SiteServer server(SiteServer::memory(shop));
  fetch::HttpOptions http = base_options().http;
  http.per_host_concurrency = 8;
  auto fetcher = fetch::make_http_fetcher(server.url("/"), http);
  extract::Lexicon lex = extract::Lexicon::load(omnicheck::testing::rules_dir() / "lexicon");
  extract::LinkRoles roles(lex);
  CrawlLimits limits;
  limits.full = true;
  limits.max_pages = 100000;
  auto start = std::chrono::steady_clock::now();
  CrawlResult r = crawl(*fetcher, roles, limits);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[ full     ] " << r.pages.size() << " pages in " << seconds << " s\n";

  EXPECT_EQ(r.pages.size(), shop->size());
  std::set<std::string> keys, paths;
  for (const auto& p : r.pages) {
    EXPECT_TRUE(p.ok()) << p.requested_url << ": " << p.error;
    EXPECT_TRUE(keys.insert(fetch::normalize_url(p.final_url)).second) << "fetched twice: " << p.final_url;
    paths.insert(fetch::url_path(p.requested_url));
  }
  std::set<std::string> want;
  for (const auto& [path, body] : *shop) want.insert(path);
  EXPECT_EQ(paths, want);
  for (const auto& path : want) {
    if (server.hits(path) != 1) ADD_FAILURE() << path << " requested " << server.hits(path) << " times";
  }
  EXPECT_TRUE(r.complete);
}

}  // namespace
}  // namespace omnicheck::audit

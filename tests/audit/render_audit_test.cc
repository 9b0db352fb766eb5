// Shops that build their pages in the browser, audited through a real Chromium (issue 15): the
// client-side shop (fixtures/sites/de-bohnenwerk-spa, every page the same app shell, content
// from JSON) gets the verdicts of its server-rendered twin (de-bohnenwerk) over HTTP, from its
// folder and from its WARC replay; with --render never it is inconclusive with the reason,
// never pass and never fail; a consent wall that fills the footer only after a click
// (fr-atelier-savon-consent) is answered; screenshots are written, hashed and archived.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "audit/audit.h"
#include "audit/site_server.h"
#include "fetch/warc_reader.h"
#include "support/browser_required.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fixtures_dir;
using omnicheck::testing::fresh_dir;
using omnicheck::testing::SiteServer;

Options base_options(const std::string& country) {
  Options opt;
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-12-07";
  opt.country = country;
  opt.probe = false;
  opt.http.per_host_delay_ms = 0;
  opt.http.per_host_concurrency = 4;
  return opt;
}

// The site rules' statuses (the e-mail rules and other countries' packs say not_applicable).
std::map<std::string, std::string> statuses(const Result& r) {
  std::map<std::string, std::string> out;
  for (const auto& f : r.report.findings) {
    if (f.status != "not_applicable") out[f.rule] = f.status;
  }
  return out;
}

const rules::Finding& finding(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f;
  }
  throw std::runtime_error("no finding " + id);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string sha256sum(const fs::path& file) {
  std::string cmd = "sha256sum '" + file.string() + "'";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return "";
  char buf[200] = {0};
  std::string out = std::fgets(buf, sizeof buf, p) ? buf : "";
  ::pclose(p);
  return out.substr(0, out.find(' '));
}

const fs::path kTwin = fixtures_dir() / "sites" / "de-bohnenwerk";
const fs::path kSpa = fixtures_dir() / "sites" / "de-bohnenwerk-spa";
const fs::path kConsent = fixtures_dir() / "sites" / "fr-atelier-savon-consent";

TEST(RenderedAudit, TheClientSideShopGetsTheVerdictsOfItsServerRenderedTwin) {
  OMNICHECK_REQUIRE_BROWSER();
  Options twin_opt = base_options("DE");
  twin_opt.target = kTwin.string();
  Result twin = run(twin_opt);
  // The twin is read as served: nothing in it asks for a browser.
  EXPECT_EQ(twin.report.target_extra.at("render").at("pages_rendered"), 0);
  ASSERT_EQ(finding(twin, "trader.identity").status, "pass");
  ASSERT_EQ(finding(twin, "de.impressum").status, "pass");

  SiteServer server(SiteServer::folder(kSpa));
  const fs::path tmp = fresh_dir("render-spa");
  Options live_opt = base_options("DE");
  live_opt.target = server.url("/");
  live_opt.http.archive_path = (tmp / "crawl.warc.gz").string();
  Result live = run(live_opt);
  EXPECT_EQ(statuses(live), statuses(twin));

  // Each page says it was rendered and why; the served body's hash stays, the DOM has its own.
  std::size_t rendered = 0;
  for (const auto& p : live.report.target_extra.at("pages")) {
    if (!p.contains("rendered")) continue;
    ++rendered;
    EXPECT_NE(p["rendered"]["reason"].get<std::string>().find("app shell"), std::string::npos) << p.dump();
    EXPECT_NE(p["rendered"]["sha256"], p["sha256"]);
  }
  EXPECT_GE(rendered, 3u);  // home, Impressum, Kontakt at least
  // The identity's evidence quotes the rendered page and says so.
  const auto& identity = finding(live, "trader.identity");
  ASSERT_FALSE(identity.evidence.empty());
  EXPECT_EQ(identity.evidence[0].dom, "rendered");
  EXPECT_EQ(identity.evidence[0].rendered_sha256.size(), 64u);
  EXPECT_NE(identity.evidence[0].rendered_sha256, identity.evidence[0].sha256);
  EXPECT_NE(identity.evidence[0].snippet.find("Bohnenwerk Kaffeerösterei GmbH"), std::string::npos);

  // From the folder: the same verdicts (the browser reads file:// through the same fetcher).
  Options folder_opt = base_options("DE");
  folder_opt.target = kSpa.string();
  EXPECT_EQ(statuses(run(folder_opt)), statuses(twin));

  // From the archive: the scripts and data the browser asked for were archived, so the replay
  // renders the same pages without a single request.
  std::size_t before = server.requests();
  Options replay_opt = base_options("DE");
  replay_opt.replay = live_opt.http.archive_path;
  Result replayed = run(replay_opt);
  EXPECT_EQ(server.requests(), before);
  EXPECT_EQ(statuses(replayed), statuses(twin));
  fs::remove_all(tmp);
}

TEST(RenderedAudit, WithoutRenderingTheClientSideShopIsInconclusiveWithTheReasonNeverPassNorFail) {
  SiteServer server(SiteServer::folder(kSpa));
  Options opt = base_options("DE");
  opt.target = server.url("/");
  opt.render.mode = RenderMode::never;
  Result r = run(opt);
  auto st = statuses(r);
  ASSERT_FALSE(st.empty());
  for (const auto& [rule, status] : st) EXPECT_EQ(status, "inconclusive") << rule;
  bool said = false;
  for (const auto& n : r.report.target_extra.at("crawl_notes")) {
    said = said || n.get<std::string>().find("app shell") != std::string::npos;
  }
  EXPECT_TRUE(said) << r.report.target_extra.at("crawl_notes").dump();
  ASSERT_FALSE(r.report.errors.empty());
  EXPECT_NE(r.report.errors[0].dump().find("not rendered (--render never)"), std::string::npos) << r.report.errors[0].dump();
  EXPECT_EQ(r.report.target_extra.at("render").at("mode"), "never");
}

TEST(RenderedAudit, AnUnreachableBrowserLeavesAnAppShellInconclusiveAndAServedShopAsItWas) {
  // No browser at all (a path that does not exist): the app shell is a page not seen...
  Options opt = base_options("DE");
  opt.target = kSpa.string();
  opt.render.browser = "/nonexistent/chromium";
  Result shell = run(opt);
  for (const auto& [rule, status] : statuses(shell)) EXPECT_EQ(status, "inconclusive") << rule;
  EXPECT_NE(shell.report.target_extra.at("render").value("browser_unavailable", "").find("/nonexistent/chromium"),
            std::string::npos);
  // ... while a server-rendered shop is judged on its served HTML as before.
  Options twin_opt = base_options("DE");
  twin_opt.target = kTwin.string();
  twin_opt.render.browser = "/nonexistent/chromium";
  EXPECT_EQ(finding(run(twin_opt), "trader.identity").status, "pass");
}

TEST(RenderedAudit, AConsentWallThatHidesTheFooterUntilAClickIsAnswered) {
  OMNICHECK_REQUIRE_BROWSER();
  SiteServer server(SiteServer::folder(kConsent));
  Options never_opt = base_options("FR");
  never_opt.target = server.url("/");
  never_opt.render.mode = RenderMode::never;
  Result unseen = run(never_opt);
  EXPECT_NE(finding(unseen, "contact.discoverable").status, "pass");

  Options opt = base_options("FR");
  opt.target = server.url("/");
  Result r = run(opt);
  EXPECT_EQ(finding(r, "contact.discoverable").status, "pass") << finding(r, "contact.discoverable").message;
  EXPECT_EQ(finding(r, "trader.identity").status, "pass") << finding(r, "trader.identity").message;
  EXPECT_EQ(finding(r, "fr.mentions_legales").status, "pass") << finding(r, "fr.mentions_legales").message;
  // Declining is tried before accepting, and the report says which button was pressed.
  EXPECT_NE(r.report.target_extra.at("render").dump().find("tout refuser"), std::string::npos)
      << r.report.target_extra.at("render").dump();
}

TEST(RenderedAudit, ScreenshotsAreWrittenBesideTheReportHashedAndArchived) {
  OMNICHECK_REQUIRE_BROWSER();
  SiteServer server(SiteServer::folder(kSpa));
  const fs::path tmp = fresh_dir("render-shots");
  Options opt = base_options("DE");
  opt.target = server.url("/");
  opt.http.archive_path = (tmp / "crawl.warc.gz").string();
  opt.render.screenshots = true;
  opt.render.screenshots_dir = (tmp / "screenshots").string();
  Result r = run(opt);
  const auto& shots = r.report.target_extra.at("screenshots");
  ASSERT_TRUE(shots.is_array());
  ASSERT_FALSE(shots.empty());
  std::map<std::string, std::string> by_file;  // file -> sha256 in the report
  bool legal_notice = false;
  for (const auto& s : shots) {
    ASSERT_TRUE(s.contains("file")) << s.dump();
    const fs::path file = tmp / s["file"].get<std::string>();
    ASSERT_TRUE(fs::exists(file)) << file;
    EXPECT_EQ(read_file(file).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(sha256sum(file), s["sha256"].get<std::string>()) << file;
    by_file[s["file"]] = s["sha256"];
    legal_notice = legal_notice || s["why"].dump().find("legal notice page") != std::string::npos;
  }
  EXPECT_TRUE(legal_notice) << shots.dump();

  // The archive holds each picture as a resource record whose digest is the same hash.
  std::size_t archived = 0;
  fetch::WarcReader reader(opt.http.archive_path);
  while (auto rec = reader.next()) {
    if (rec->field("WARC-Type") != "resource" || rec->field("Content-Type") != "image/png") continue;
    ++archived;
    std::string digest = "sha256:" + fetch::sha256_hex(rec->block);
    EXPECT_EQ(rec->field("WARC-Block-Digest"), digest);
    bool listed = false;
    for (const auto& [file, sha] : by_file) listed = listed || "sha256:" + sha == digest;
    EXPECT_TRUE(listed) << rec->field("WARC-Target-URI");
  }
  EXPECT_EQ(archived, by_file.size());
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace omnicheck::audit

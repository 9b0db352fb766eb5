// The renderer against a real Chromium and sites served on 127.0.0.1 by the test server: the
// DOM scripts build comes back; every request the browser makes is answered by the audit's
// fetcher (the server sees omnicheck's User-Agent and nothing else), robots.txt and the
// read-only rule hold for them, a connection that escapes interception goes nowhere; scripts
// that never end, navigation loops, dialogs and pop-ups give an answer in bounded time.
//
// Skipped when no browser is installed, unless OMNICHECK_BROWSER_TESTS=1 (CI), where a
// missing browser fails.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "audit/site_server.h"
#include "render/render.h"
#include "support/browser_required.h"

namespace omnicheck::render {
namespace {

using omnicheck::testing::SiteReply;
using omnicheck::testing::SiteRequest;
using omnicheck::testing::SiteServer;

// A site held in memory that records who asked for what.
struct RecordingSite {
  std::map<std::string, SiteReply> replies;
  std::mutex mu;
  std::vector<SiteRequest> seen;

  SiteServer::Handler handler() {
    return [this](const SiteRequest& req) -> SiteReply {
      {
        std::lock_guard<std::mutex> lock(mu);
        seen.push_back(req);
      }
      auto it = replies.find(req.path);
      if (it == replies.end()) return {404, {{"Content-Type", "text/plain"}}, "not found"};
      return it->second;
    };
  }
  std::vector<SiteRequest> requests() {
    std::lock_guard<std::mutex> lock(mu);
    return seen;
  }
};

SiteReply html(const std::string& body) { return {200, {{"Content-Type", "text/html; charset=utf-8"}}, body}; }
SiteReply js(const std::string& body) { return {200, {{"Content-Type", "application/javascript"}}, body}; }
SiteReply json(const std::string& body) { return {200, {{"Content-Type", "application/json"}}, body}; }

const char* kShell =
    "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Bohnenwerk</title>"
    "<script src=\"/js/app.js\" defer></script></head><body><div id=\"app\"></div>"
    "<noscript>Bitte aktivieren Sie JavaScript.</noscript></body></html>";

std::unique_ptr<fetch::Fetcher> fetcher_for(const SiteServer& server) {
  fetch::HttpOptions o;
  o.allow_private = true;  // the test site is on loopback
  o.per_host_delay_ms = 0;
  return fetch::make_http_fetcher(server.url("/"), o);
}

BrowserOptions quick() {
  BrowserOptions o;
  o.page_timeout_ms = 6000;
  o.settle_ms = 300;
  return o;
}

TEST(Browser, BuildsTheDomScriptsWriteAndEveryRequestGoesThroughTheFetcher) {
  OMNICHECK_REQUIRE_BROWSER();
  RecordingSite site;
  site.replies["/"] = html(kShell);
  site.replies["/js/app.js"] = js(
      "fetch('/data/shop.json').then(r => r.json()).then(d => {"
      "  const h = document.createElement('h1'); h.textContent = d.name;"
      "  const p = document.createElement('p'); p.textContent = d.street + ', ' + d.city;"
      "  document.getElementById('app').append(h, p); });");
  site.replies["/data/shop.json"] =
      json(R"({"name":"Bohnenwerk Kaffeerösterei GmbH","street":"Am Sandtorkai 23","city":"20457 Hamburg"})");
  SiteServer server(site.handler());
  auto fetcher = fetcher_for(server);
  fetch::Page served = fetcher->fetch(server.url("/"));
  ASSERT_TRUE(served.ok()) << served.error;

  Browser browser(quick());
  Rendering r = browser.render(served, *fetcher, false);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_NE(r.dom.find("<h1>Bohnenwerk Kaffeerösterei GmbH</h1>"), std::string::npos) << r.dom;
  EXPECT_NE(r.dom.find("Am Sandtorkai 23, 20457 Hamburg"), std::string::npos);
  EXPECT_EQ(r.dom.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(r.sha256, fetch::sha256_hex(r.dom));
  EXPECT_NE(r.sha256, served.sha256);
  EXPECT_TRUE(r.settled);
  // The document (from the page already fetched), the script, the data; the browser's own
  // favicon request goes the same way.
  EXPECT_GE(r.requests, 3u);

  // The server heard only the fetcher: omnicheck's User-Agent on every request, the page once.
  std::map<std::string, int> hits;
  for (const auto& req : site.requests()) {
    EXPECT_EQ(req.user_agent.rfind("omnicheck/", 0), 0u) << req.path << " asked by " << req.user_agent;
    ++hits[req.path];
  }
  for (const auto& [path, n] : hits) {
    EXPECT_TRUE(path == "/" || path == "/js/app.js" || path == "/data/shop.json" || path == "/favicon.ico" ||
                path == "/robots.txt") << path;
  }
  EXPECT_EQ(hits["/"], 1);
  EXPECT_EQ(hits["/js/app.js"], 1);
  EXPECT_EQ(hits["/data/shop.json"], 1);

  // A second page of the same site takes the bundle from the site's cache, not from the server.
  site.replies["/impressum"] = html(kShell);
  fetch::Page second = fetcher->fetch(server.url("/impressum"));
  Rendering r2 = browser.render(second, *fetcher, false);
  ASSERT_TRUE(r2.ok()) << r2.error;
  int script_hits = 0;
  for (const auto& req : site.requests()) script_hits += req.path == "/js/app.js";
  EXPECT_EQ(script_hits, 1);
}

TEST(Browser, RobotsTxtAndTheReadOnlyRuleHoldForTheBrowsersRequests) {
  OMNICHECK_REQUIRE_BROWSER();
  RecordingSite site;
  site.replies["/robots.txt"] = {200, {{"Content-Type", "text/plain"}}, "User-agent: *\nDisallow: /private/\n"};
  site.replies["/"] = html(kShell);
  site.replies["/private/prices.json"] = json(R"({"secret":true})");
  site.replies["/api/track"] = json("{}");
  site.replies["/js/app.js"] = js(
      "const out = document.getElementById('app');"
      "fetch('/private/prices.json').then(r => r.json()).then(() => out.append('READ PRIVATE'))"
      "  .catch(() => out.append('private refused. '));"
      "fetch('/api/track', {method: 'POST', body: 'x=1'}).then(() => out.append('POSTED'))"
      "  .catch(() => out.append('post refused. '));");
  SiteServer server(site.handler());
  auto fetcher = fetcher_for(server);
  fetch::Page served = fetcher->fetch(server.url("/"));
  ASSERT_TRUE(served.ok()) << served.error;

  Browser browser(quick());
  Rendering r = browser.render(served, *fetcher, false);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_NE(r.dom.find("private refused."), std::string::npos) << r.dom;
  EXPECT_NE(r.dom.find("post refused."), std::string::npos) << r.dom;
  EXPECT_EQ(r.dom.find("READ PRIVATE"), std::string::npos);
  EXPECT_EQ(r.dom.find("POSTED"), std::string::npos);
  EXPECT_EQ(r.refused, 2u);
  for (const auto& req : site.requests()) {
    EXPECT_NE(req.path, "/private/prices.json");
    EXPECT_NE(req.method, "POST");
  }
  std::string notes;
  for (const auto& n : r.notes) notes += n + "\n";
  EXPECT_NE(notes.find("robots.txt"), std::string::npos) << notes;
  EXPECT_NE(notes.find("POST requests are not sent"), std::string::npos) << notes;
}

TEST(Browser, AConnectionThatEscapesInterceptionGoesNowhere) {
  OMNICHECK_REQUIRE_BROWSER();
  // A second server on loopback stands for any address: a WebSocket (not a request the Fetch
  // domain pauses) and a pop-up's requests (another tab) must not reach it.
  RecordingSite elsewhere;
  elsewhere.replies["/"] = html("<p>reached</p>");
  SiteServer other(elsewhere.handler());
  RecordingSite site;
  site.replies["/"] = html(kShell);
  site.replies["/js/app.js"] = js("try { new WebSocket('ws://127.0.0.1:" + std::to_string(other.port()) +
                                  "/live'); } catch (e) {}"
                                  "window.open('http://127.0.0.1:" + std::to_string(other.port()) + "/');"
                                  "document.getElementById('app').textContent = 'Shop geladen';");
  SiteServer server(site.handler());
  auto fetcher = fetcher_for(server);
  fetch::Page served = fetcher->fetch(server.url("/"));
  Browser browser(quick());
  Rendering r = browser.render(served, *fetcher, false);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_NE(r.dom.find("Shop geladen"), std::string::npos);
  EXPECT_EQ(other.requests(), 0u);
}

TEST(Browser, ScriptsThatNeverEndLoopsDialogsAndPopUpsGiveAnAnswerInBoundedTime) {
  OMNICHECK_REQUIRE_BROWSER();
  RecordingSite site;
  // Never settles: a request every 100 ms for ever.
  site.replies["/busy"] = html("<!doctype html><title>x</title><p>Laden …</p><script>"
                               "setInterval(() => fetch('/tick?' + Date.now()).catch(() => {}), 100);</script>");
  site.replies["/tick"] = json("{}");
  // A window.location loop.
  site.replies["/loop"] = html("<!doctype html><title>x</title><script>location.href = '/loop?' + Date.now();</script>");
  // Dialogs and a pop-up, then content.
  site.replies["/nagging"] = html("<!doctype html><title>x</title><div id=\"c\"></div><script>"
                                  "alert('Newsletter!'); confirm('Sicher?'); window.open('/loop');"
                                  "document.getElementById('c').textContent = 'Inhalt da';</script>");
  // The renderer's thread blocked for ever.
  site.replies["/hang"] = html("<!doctype html><title>x</title><p>Text</p><script>"
                               "window.addEventListener('load', () => { while (true) {} });</script>");
  SiteServer server(site.handler());
  auto fetcher = fetcher_for(server);
  BrowserOptions o = quick();
  o.page_timeout_ms = 3000;
  Browser browser(o);
  auto timed = [&](const std::string& path) {
    fetch::Page served = fetcher->fetch(server.url(path));
    auto start = std::chrono::steady_clock::now();
    Rendering r = browser.render(served, *fetcher, false);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(s, 20.0) << path;  // a bound, not a speed measurement: a hang would be minutes
    return r;
  };

  Rendering busy = timed("/busy");
  EXPECT_TRUE(busy.ok()) << busy.error;
  EXPECT_FALSE(busy.settled);
  EXPECT_NE(busy.dom.find("Laden"), std::string::npos);

  Rendering loop = timed("/loop");
  EXPECT_FALSE(loop.ok());
  EXPECT_NE(loop.error.find("navigat"), std::string::npos) << loop.error;

  Rendering nagging = timed("/nagging");
  ASSERT_TRUE(nagging.ok()) << nagging.error;
  EXPECT_NE(nagging.dom.find("Inhalt da"), std::string::npos);
  std::string notes;
  for (const auto& n : nagging.notes) notes += n + "\n";
  EXPECT_NE(notes.find("dialog"), std::string::npos) << notes;
  // The pop-up: headless Chromium's pop-up blocker stops a window.open without a click; one that
  // opens anyway is closed (noted). Either way the page's own content is what is read.

  Rendering hang = timed("/hang");
  EXPECT_FALSE(hang.ok() && hang.settled) << "a page whose script never returns is not a settled page";

  // The browser is still usable for the site's next page.
  site.replies["/fine"] = html("<!doctype html><title>x</title><p id=\"p\"></p><script>"
                               "document.getElementById('p').textContent = 'Wieder da';</script>");
  Rendering fine = timed("/fine");
  ASSERT_TRUE(fine.ok()) << fine.error;
  EXPECT_NE(fine.dom.find("Wieder da"), std::string::npos);
}

TEST(Browser, AFullPageScreenshotIsAPngOfThePageCutAtTheLimit) {
  OMNICHECK_REQUIRE_BROWSER();
  RecordingSite site;
  site.replies["/"] = html("<!doctype html><title>x</title><body style=\"margin:0\">"
                           "<div style=\"height:3000px;background:#fc0\">Impressum</div></body>");
  SiteServer server(site.handler());
  auto fetcher = fetcher_for(server);
  fetch::Page served = fetcher->fetch(server.url("/"));
  BrowserOptions o = quick();
  o.max_screenshot_height = 2000;
  Browser browser(o);
  Rendering r = browser.render(served, *fetcher, true);
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_GT(r.screenshot_png.size(), 8u);
  EXPECT_EQ(r.screenshot_png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // PNG IHDR: width and height, big-endian, at bytes 16..23.
  auto be32 = [&](std::size_t at) {
    const auto* b = reinterpret_cast<const unsigned char*>(r.screenshot_png.data() + at);
    return (unsigned(b[0]) << 24) | (unsigned(b[1]) << 16) | (unsigned(b[2]) << 8) | unsigned(b[3]);
  };
  EXPECT_EQ(be32(16), 1280u);
  EXPECT_EQ(be32(20), 2000u);
  EXPECT_TRUE(r.screenshot_cut);
}

TEST(Browser, AMissingBrowserIsAClearError) {
  BrowserOptions o;
  o.executable = "/nonexistent/chromium";
  try {
    Browser b(o);
    FAIL() << "started a browser that does not exist";
  } catch (const BrowserUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/chromium"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace omnicheck::render

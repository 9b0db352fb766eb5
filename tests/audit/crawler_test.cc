// The crawl loop without any network: sites held in memory behind a Fetcher. Covers the focused
// crawl (role pages first, a diverse sample, stop once decided), what "complete" means for it,
// the crawler-trap guard, and, through audit::run on saved sites, that stopping early gives
// neither a false pass nor a false fail.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include <unistd.h>

#include "audit/audit.h"
#include "audit/crawl_trap_guard.h"
#include "audit/crawler.h"
#include "audit/generated_shop.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::generate_shop;
using omnicheck::testing::ShopSpec;

constexpr const char* kOrigin = "http://shop.test";

// Answers a path with its query ("/events?month=3") with HTML, or nullopt for 404.
using Responder = std::function<std::optional<std::string>(const std::string& path_query)>;

class MemoryFetcher final : public fetch::Fetcher {
 public:
  explicit MemoryFetcher(Responder r) : respond_(std::move(r)) {}
  explicit MemoryFetcher(const std::map<std::string, std::string>& pages)
      : respond_([pages](const std::string& pq) -> std::optional<std::string> {
          auto it = pages.find(pq.substr(0, pq.find('?')));
          if (it == pages.end()) return std::nullopt;
          return it->second;
        }) {}

  fetch::Page fetch(const std::string& url) override {
    fetched.push_back(url);
    fetch::Page p;
    p.requested_url = p.final_url = url;
    p.fetched_at = "2026-01-01T00:00:00Z";
    std::string pq = url.substr(std::string(kOrigin).size());
    if (pq.empty()) pq = "/";
    if (auto s = status_override.find(pq.substr(0, pq.find('?'))); s != status_override.end()) {
      p.status = s->second;
      p.error = "HTTP " + std::to_string(p.status);
      return p;
    }
    auto body = respond_(pq);
    if (!body) {
      p.status = 404;
      p.error = "HTTP 404";
      return p;
    }
    p.status = 200;
    p.content_type = "text/html";
    p.body = *body;
    p.sha256 = fetch::sha256_hex(p.body);
    return p;
  }
  bool allowed(const std::string& url, std::string* why) override {
    std::string path = fetch::url_path(url);
    if (disallowed.count(path)) {
      if (why) *why = "disallowed by robots.txt (Disallow: " + path + ")";
      return false;
    }
    return true;
  }
  bool in_scope(const std::string& url) const override { return fetch::url_host(url) == "shop.test"; }
  std::string start_url() const override { return std::string(kOrigin) + "/"; }

  std::vector<std::string> fetched;
  std::set<std::string> disallowed;     // paths robots.txt forbids
  std::map<std::string, int> status_override;  // path -> failing status

 private:
  Responder respond_;
};

const extract::LinkRoles& roles() {
  static extract::Lexicon lex = extract::Lexicon::load(omnicheck::testing::rules_dir() / "lexicon");
  static extract::LinkRoles r(lex);
  return r;
}

std::string page(const std::string& main, const std::string& footer = "") {
  return "<html><body><main>" + main + "</main><footer>" + footer + "</footer></body></html>";
}

std::string link(const std::string& href, const std::string& text) { return "<a href=\"" + href + "\">" + text + "</a> "; }

std::set<std::string> paths(const std::vector<std::string>& urls) {
  std::set<std::string> out;
  for (const auto& u : urls) out.insert(fetch::url_path(u));
  return out;
}

bool any_note(const CrawlResult& r, const std::string& text) {
  return std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

// A full crawl's limits: every page, up to `max_pages`, links followed `max_depth` deep.
CrawlLimits full_crawl(std::size_t max_pages, int max_depth = CrawlLimits{}.max_depth) {
  CrawlLimits limits;
  limits.full = true;
  limits.max_pages = max_pages;
  limits.max_depth = max_depth;
  return limits;
}

const std::vector<std::string> kServicePages = {"/legal-notice", "/contact", "/terms", "/privacy",
                                                "/shipping-returns", "/faq", "/about"};

ShopSpec small_shop() {
  ShopSpec s;
  s.categories = 6;
  s.products_per_category = 10;
  s.products_per_listing = 5;
  return s;
}

// --- the trap guard on its own ---

TEST(CrawlTrapGuard, PatternMasksDigitsAndQueryValues) {
  EXPECT_EQ(CrawlTrapGuard::pattern_of("http://s.test/calendar/2024/05?view=week&day=3"),
            "http://s.test/calendar/#/#?day=*&view=*");
  EXPECT_EQ(CrawlTrapGuard::pattern_of("http://S.test:80/p/oak-table-12#top"), "http://s.test/p/oak-table-#");
  EXPECT_NE(CrawlTrapGuard::pattern_of("http://s.test/p/oak-table-1"), CrawlTrapGuard::pattern_of("http://s.test/p/elm-table-1"));
}

TEST(CrawlTrapGuard, CapsEachPatternAndSaysWhat) {
  CrawlTrapGuard g(2);
  EXPECT_TRUE(g.admit("http://s.test/events?month=1"));
  EXPECT_TRUE(g.admit("http://s.test/events?month=2"));
  EXPECT_FALSE(g.admit("http://s.test/events?month=3"));
  EXPECT_TRUE(g.admit("http://s.test/contact"));
  EXPECT_EQ(g.skipped(), 1u);
  ASSERT_EQ(g.notes().size(), 1u);
  EXPECT_NE(g.notes()[0].find("http://s.test/events?month=*"), std::string::npos) << g.notes()[0];
}

TEST(CrawlTrapGuard, LearnsSessionParametersOnlyFromValuesSharedAcrossPaths) {
  CrawlTrapGuard g(10);
  const std::string tok = "a81f3c9e2b7d4e60";
  g.learn_session_params({"http://s.test/a?s=" + tok, "http://s.test/b?s=" + tok, "http://s.test/c?s=" + tok + "&x=1",
                          // product ids that look random but differ per link are content
                          "http://s.test/p?id=f00dfeed12345678", "http://s.test/p?id=deadbeef87654321",
                          "http://s.test/q?id=0a1b2c3d4e5f6a7b"});
  EXPECT_EQ(g.session_params(), std::set<std::string>{"s"});
  EXPECT_EQ(g.dedupe_key("http://s.test/a?s=zz99yy88xx77ww66"), "http://s.test/a");
  EXPECT_EQ(g.dedupe_key("http://s.test/c?x=1&s=zz99yy88xx77ww66"), "http://s.test/c?x=1");
  EXPECT_EQ(g.dedupe_key("http://s.test/p?id=f00dfeed12345678"), "http://s.test/p?id=f00dfeed12345678");
  EXPECT_EQ(g.dedupe_key("http://s.test/cart;jsessionid=ABC123/view"), "http://s.test/cart/view");
}

TEST(CrawlTrapGuard, StructuralTraps) {
  EXPECT_FALSE(CrawlTrapGuard::structural_trap("http://s.test/docs/more/more/"));
  EXPECT_TRUE(CrawlTrapGuard::structural_trap("http://s.test/docs/more/more/more/"));
  EXPECT_TRUE(CrawlTrapGuard::structural_trap("http://s.test/?q=" + std::string(3000, 'x')));
  EXPECT_FALSE(CrawlTrapGuard::structural_trap("http://s.test/c/oak-tables/page-2"));
}

// --- the focused crawl ---

TEST(FocusedCrawl, FetchesEveryRolePageAndASampleBeforeAskingTheJudge) {
  auto shop = generate_shop(small_shop());
  MemoryFetcher f(shop);
  std::vector<std::string> seen_by_judge;
  int calls = 0;
  CrawlResult r = crawl(f, roles(), CrawlLimits{}, [&](const CrawlResult& so_far) {
    ++calls;
    for (const auto& p : so_far.pages) seen_by_judge.push_back(p.requested_url);
    EXPECT_TRUE(so_far.complete);
    return true;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(r.stopped_early);
  EXPECT_TRUE(r.complete);
  auto fetched = paths(f.fetched);
  for (const auto& p : kServicePages) EXPECT_TRUE(fetched.count(p)) << p;
  EXPECT_EQ(f.fetched.size(), 1 + kServicePages.size() + 3) << "home, the service pages and a sample of three";
  EXPECT_EQ(seen_by_judge.size(), f.fetched.size());
  EXPECT_EQ(r.expected_pages, 1 + kServicePages.size());
  // The sample spans sections: a category listing and a product page, not three of a kind.
  bool listing = false, product = false;
  for (const auto& p : fetched) {
    listing |= p.rfind("/c/", 0) == 0;
    product |= p.rfind("/p/", 0) == 0;
  }
  EXPECT_TRUE(listing && product);
  // The legal notice is fetched right after the home page.
  EXPECT_EQ(fetch::url_path(f.fetched[1]), "/legal-notice");
  EXPECT_TRUE(any_note(r, "focused crawl stopped after"));
}

TEST(FocusedCrawl, SampleTakesAProductCardAndLeavesAccountCartAndCookieLinksLast) {
  // A shop's header links to its account, cart and categories before the home page's product
  // cards; the cookie banner links to a reset URL. The sample of three should be categories and
  // a product, not the machinery.
  std::string header = "<header><nav>" + link("/account/login", "Mein Konto") + link("/checkout/cart", "Warenkorb") +
                       link("/mein-konto/", "Konto") + link("/tee/", "Tee") + link("/zubehoer/", "Zubeh&ouml;r") +
                       "</nav></header><div id=\"cookie-consent\" class=\"cookie-banner\">" +
                       link("/index.php?cl=clearcookies", "Alle akzeptieren") + "</div>";
  std::string footer = link("/impressum/", "Impressum") + link("/kontakt/", "Kontakt");
  std::map<std::string, std::string> site = {
      {"/", "<html><body>" + header + "<main>" + link("/tee/gruener-tee/sencha-uji.html", "Sencha Uji") +
                link("/tee/gruener-tee/gyokuro.html", "Gyokuro") + "</main><footer>" + footer + "</footer></body></html>"},
      {"/impressum/", page("Teehaus GmbH", footer)}, {"/kontakt/", page("Kontakt", footer)},
      {"/account/login", page("Login")}, {"/checkout/cart", page("Warenkorb")}, {"/mein-konto/", page("Konto")},
      {"/index.php", page("Cookies")}, {"/tee/", page("Tee")}, {"/zubehoer/", page("Zubeh&ouml;r")},
      {"/tee/gruener-tee/sencha-uji.html", page("Sencha Uji Bewertungen")},
      {"/tee/gruener-tee/gyokuro.html", page("Gyokuro")}};
  MemoryFetcher f(site);
  CrawlResult r = crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; });
  auto fetched = paths(f.fetched);
  EXPECT_TRUE(fetched.count("/tee/gruener-tee/sencha-uji.html")) << ::testing::PrintToString(fetched);
  EXPECT_TRUE(fetched.count("/tee/")) << ::testing::PrintToString(fetched);
  for (const char* machinery : {"/account/login", "/checkout/cart", "/mein-konto/", "/index.php"}) {
    EXPECT_FALSE(fetched.count(machinery)) << machinery << " " << ::testing::PrintToString(fetched);
  }
}

TEST(FocusedCrawl, SampleTakesAProductFromItsTileBeforeMoreCategories) {
  // Three categories in the menu and, in the home page's listing, products whose URLs say
  // nothing (Shopware "/Espresso-Speicherstadt/10023") but whose tiles do ("product-box"). The
  // sample of three holds one product page: reviews and reductions stand there.
  std::string header = "<header><nav>" + link("/kaffee/", "Kaffee") + link("/zubehoer/", "Zubeh&ouml;r") +
                       link("/abo/", "Abo") + "</nav></header>";
  std::string footer = link("/impressum/", "Impressum") + link("/kontakt/", "Kontakt");
  std::string tiles;
  for (const char* p : {"/Espresso-Speicherstadt/10023", "/Filter-Altona/10031"}) {
    tiles += std::string("<div class=\"card product-box box-standard\"><div class=\"product-info\"><a class=\"product-name\" href=\"") +
             p + "\">Kaffee</a></div></div>";
  }
  std::map<std::string, std::string> site = {
      {"/", "<html><body>" + header + "<main><div class=\"cms-listing-row\">" + tiles + "</div></main><footer>" + footer +
                "</footer></body></html>"},
      {"/impressum/", page("R&ouml;sterei GmbH", footer)}, {"/kontakt/", page("Kontakt", footer)},
      {"/kaffee/", page("Kaffee")}, {"/zubehoer/", page("Zubeh&ouml;r")}, {"/abo/", page("Abo")},
      {"/Espresso-Speicherstadt/10023", page("Espresso Bewertungen")}, {"/Filter-Altona/10031", page("Filter")}};
  MemoryFetcher f(site);
  crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; });
  auto fetched = paths(f.fetched);
  int products = static_cast<int>(fetched.count("/Espresso-Speicherstadt/10023") + fetched.count("/Filter-Altona/10031"));
  EXPECT_EQ(products, 1) << ::testing::PrintToString(fetched);
  // Counter-case: without tile markup the same links are ordinary pages, and the sample takes
  // the menu's categories first (they are shallower in the site's sections).
  std::map<std::string, std::string> plain = site;
  plain["/"] = "<html><body>" + header + "<main><p>" + link("/Espresso-Speicherstadt/10023", "Espresso") +
               link("/Filter-Altona/10031", "Filter") + "</p></main><footer>" + footer + "</footer></body></html>";
  MemoryFetcher g(plain);
  crawl(g, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; });
  EXPECT_EQ(g.fetched.size(), f.fetched.size());
  auto plain_fetched = paths(g.fetched);
  EXPECT_EQ(plain_fetched.count("/Espresso-Speicherstadt/10023") + plain_fetched.count("/Filter-Altona/10031"), 0u)
      << ::testing::PrintToString(plain_fetched);
}

TEST(FocusedCrawl, KeepsGoingWhileTheJudgeSaysUndecided) {
  auto shop = generate_shop(small_shop());
  MemoryFetcher f(shop);
  int calls = 0;
  CrawlLimits limits;
  limits.max_pages = 25;
  CrawlResult r = crawl(f, roles(), limits, [&](const CrawlResult&) { return ++calls >= 2; });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(f.fetched.size(), 11u + limits.batch_size) << "one more batch of ordinary pages, then decided";
  EXPECT_TRUE(r.stopped_early);
}

TEST(FocusedCrawl, WithoutAJudgeRunsToThePageCapAndIsStillComplete) {
  MemoryFetcher f(generate_shop(small_shop()));
  CrawlResult r = crawl(f, roles(), CrawlLimits{});
  EXPECT_EQ(r.pages.size(), 30u);
  EXPECT_FALSE(r.stopped_early);
  EXPECT_TRUE(r.complete) << "every page where trader information is expected was fetched";
  EXPECT_TRUE(any_note(r, "page limit of 30 reached with"));
}

TEST(FocusedCrawl, PageCapBeforeTheContactPageLeavesItIncomplete) {
  MemoryFetcher f(generate_shop(small_shop()));
  CrawlLimits limits;
  limits.max_pages = 2;
  CrawlResult r = crawl(f, roles(), limits, [](const CrawlResult&) { return true; });
  EXPECT_EQ(paths(f.fetched), (std::set<std::string>{"/", "/legal-notice"}));
  EXPECT_FALSE(r.complete);
  EXPECT_FALSE(r.stopped_early);
  EXPECT_TRUE(any_note(r, "before every page where trader information is expected was fetched"));
  EXPECT_TRUE(any_note(r, "/contact"));
}

TEST(FocusedCrawl, RoleLinksCountWhereTraderInformationIsExpected) {
  std::map<std::string, std::string> site = {
      {"/", page(link("/p/lamp", "Opal lamp") + link("/p/vase", "Tall vase") + link("/company", "Our company"),
                 link("/faq", "FAQ"))},
      // A role page's own text links count (the contact page hidden behind the FAQ)...
      {"/faq", page("How can I reach you? " + link("/write-to-us", "Contact us"))},
      {"/write-to-us", page("Write to info@shop.test")},
      // ... and so does the chrome of a sampled page, even for a URL first seen without a role.
      {"/p/lamp", page(link("/returns-portal", "Returns"), link("/company", "Imprint"))},
      {"/p/vase", page("A vase.")},
      {"/company", page("Shop Ltd")},
      {"/returns-portal", page("Returns portal")},
  };
  MemoryFetcher f(site);
  CrawlLimits limits;
  limits.sample_pages = 2;
  CrawlResult r = crawl(f, roles(), limits, [](const CrawlResult&) { return true; });
  auto fetched = paths(f.fetched);
  EXPECT_TRUE(fetched.count("/write-to-us"));
  EXPECT_TRUE(fetched.count("/company"));
  // A role link in the main text of an ordinary page is not where the duties are expected.
  EXPECT_FALSE(fetched.count("/returns-portal"));
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.stopped_early);
}

TEST(FocusedCrawl, WhatMakesItIncomplete) {
  auto shop = generate_shop(small_shop());
  {  // robots.txt forbids the legal notice
    MemoryFetcher f(shop);
    f.disallowed = {"/legal-notice"};
    CrawlResult r = crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; });
    EXPECT_FALSE(r.complete);
    EXPECT_TRUE(any_note(r, "robots.txt"));
    auto blocked = std::find_if(r.pages.begin(), r.pages.end(), [](const fetch::Page& p) { return p.requested_url.find("legal-notice") != std::string::npos; });
    ASSERT_NE(blocked, r.pages.end());
    EXPECT_NE(blocked->error.find("not fetched: disallowed by robots.txt"), std::string::npos);
  }
  {  // the contact page keeps failing
    MemoryFetcher f(shop);
    f.status_override["/contact"] = 503;
    EXPECT_FALSE(crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; }).complete);
  }
  {  // a 404 is an answer: the extract stage reports the dead link
    MemoryFetcher f(shop);
    f.status_override["/about"] = 404;
    EXPECT_TRUE(crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; }).complete);
  }
  {  // an ordinary page failing does not matter to a focused crawl, but does to a full one
    MemoryFetcher f(shop);
    f.status_override["/c/oak-tables"] = 500;
    EXPECT_TRUE(crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; }).complete);
    MemoryFetcher g(shop);
    g.status_override["/c/oak-tables"] = 500;
    CrawlLimits full;
    full.full = true;
    full.max_pages = 100000;
    EXPECT_FALSE(crawl(g, roles(), full).complete);
  }
  {  // a home page without links (rendered by scripts) shows nothing of the site
    MemoryFetcher f(std::map<std::string, std::string>{{"/", page("<div id=app></div>")}});
    CrawlResult r = crawl(f, roles(), CrawlLimits{}, [](const CrawlResult&) { return true; });
    EXPECT_FALSE(r.complete);
    EXPECT_TRUE(any_note(r, "links to no other page"));
  }
}

// --- the full crawl and the traps ---

TEST(FullCrawl, FetchesEveryPageExactlyOnce) {
  ShopSpec spec = small_shop();
  spec.categories = 12;
  spec.products_per_category = 30;
  auto shop = generate_shop(spec);
  MemoryFetcher f(shop);
  CrawlLimits limits = full_crawl(100000);
  CrawlResult r = crawl(f, roles(), limits);
  EXPECT_EQ(f.fetched.size(), shop.size());
  std::set<std::string> keys;
  for (const auto& u : f.fetched) EXPECT_TRUE(keys.insert(fetch::normalize_url(u)).second) << "fetched twice: " << u;
  std::set<std::string> want;
  for (const auto& [path, html] : shop) want.insert(path);
  EXPECT_EQ(paths(f.fetched), want);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.documents.size(), shop.size());
}

TEST(CrawlTraps, EndlessCalendarIsCappedPerPattern) {
  // Every month links the next and the previous one, forever, in the path and in the query.
  Responder calendar = [](const std::string& pq) -> std::optional<std::string> {
    if (pq == "/") return page(link("/events?month=0", "Events") + link("/diary/2024/1", "Diary"), link("/legal-notice", "Legal notice"));
    if (pq == "/legal-notice") return page("Shop Ltd");
    if (pq.rfind("/events?month=", 0) == 0) {
      long m = std::stol(pq.substr(14));
      return page(link("/events?month=" + std::to_string(m + 1), "Next") + link("/events?month=" + std::to_string(m - 1), "Previous"));
    }
    if (pq.rfind("/diary/", 0) == 0) {
      long y = std::stol(pq.substr(7, 4)), m = std::stol(pq.substr(12));
      long n = y * 12 + m;  // next month
      return page(link("/diary/" + std::to_string(n / 12) + "/" + std::to_string(n % 12 + 1), "Next"));
    }
    return std::nullopt;
  };
  for (bool full : {false, true}) {
    MemoryFetcher f(calendar);
    CrawlLimits limits;
    limits.full = full;
    limits.max_pages = 100000;
    limits.max_depth = 1000;  // the depth cap alone would not stop it
    limits.max_per_pattern = 25;
    CrawlResult r = crawl(f, roles(), limits);
    std::size_t events = 0, diary = 0;
    for (const auto& u : f.fetched) {
      events += u.find("/events") != std::string::npos;
      diary += u.find("/diary") != std::string::npos;
    }
    EXPECT_EQ(events, 25u) << "full=" << full;
    EXPECT_EQ(diary, 25u) << "full=" << full;
    EXPECT_TRUE(any_note(r, "like http://shop.test/events?month=* not fetched")) << "full=" << full;
    EXPECT_TRUE(any_note(r, "like http://shop.test/diary/#/# not fetched")) << "full=" << full;
    // Skipped calendar pages hold no trader information a focused crawl expects; a full crawl
    // promised every page and says it did not get there.
    EXPECT_EQ(r.complete, !full);
  }
}

// A full crawl is stopped by what a shape of URL serves, not by how many URLs it has.
TEST(CrawlTraps, FullCrawlFetchesEveryProductOfALargeCatalogue) {
  // 1,500 products /p/N.html, each its own name and description, listed 100 per category page.
  const std::vector<std::string> kinds = {"Teekanne", "Tasse", "Becher", "Schale", "Dose", "Sieb"};
  const std::vector<std::string> glazes = {"seladon", "tenmoku", "shino", "ascheglasur", "kobaltblau"};
  Responder shop = [&](const std::string& pq) -> std::optional<std::string> {
    if (pq == "/") {
      std::string cats;
      for (int c = 0; c < 15; ++c) cats += link("/kategorie/" + std::to_string(c) + ".html", "Kategorie");
      return page(cats, link("/legal-notice", "Impressum"));
    }
    if (pq == "/legal-notice") return page("Keramik Hofer GmbH");
    if (pq.rfind("/kategorie/", 0) == 0) {
      int c = std::stoi(pq.substr(11));
      std::string items;
      for (int i = c * 100; i < c * 100 + 100; ++i) items += link("/p/" + std::to_string(i) + ".html", "Produkt");
      return page(items);
    }
    if (pq.rfind("/p/", 0) == 0) {
      int i = std::stoi(pq.substr(3));
      return page("<h1>" + kinds[i % kinds.size()] + " " + glazes[(i / 6) % glazes.size()] + " von " +
                  std::string(1, static_cast<char>('A' + i % 26)) + std::string(1, static_cast<char>('a' + (i / 26) % 26)) +
                  "</h1><p>Handgedreht, " + glazes[(i / 30) % glazes.size()] + ", Serie " + kinds[(i / 150) % kinds.size()] + "</p>");
    }
    return std::nullopt;
  };
  MemoryFetcher f(shop);
  CrawlLimits limits = full_crawl(100000);
  CrawlResult r = crawl(f, roles(), limits);
  std::size_t products = 0;
  for (const auto& u : f.fetched) products += u.find("/p/") != std::string::npos;
  EXPECT_EQ(products, 1500u);
  EXPECT_TRUE(r.complete);
  EXPECT_FALSE(any_note(r, "crawler-trap guard"));

  // Counter-case: the user's cap still counts.
  MemoryFetcher capped(shop);
  limits.max_per_pattern = 300;
  CrawlResult rc = crawl(capped, roles(), limits);
  products = 0;
  for (const auto& u : capped.fetched) products += u.find("/p/") != std::string::npos;
  EXPECT_EQ(products, 300u);
  EXPECT_TRUE(any_note(rc, "beyond the cap of 300 per pattern"));
  EXPECT_FALSE(rc.complete);
}

TEST(CrawlTraps, FullCrawlStopsACalendarThatRepeatsItself) {
  // Month after month the same page, its dates aside, and the month's name: 12 texts in all.
  const std::vector<std::string> months = {"Januar", "Februar", "März", "April", "Mai", "Juni",
                                           "Juli", "August", "September", "Oktober", "November", "Dezember"};
  Responder calendar = [&](const std::string& pq) -> std::optional<std::string> {
    if (pq == "/") return page(link("/termine/2024/1", "Termine"), link("/legal-notice", "Impressum"));
    if (pq == "/legal-notice") return page("Keramik Hofer GmbH");
    if (pq.rfind("/termine/", 0) == 0) {
      long y = std::stol(pq.substr(9, 4)), m = std::stol(pq.substr(14));
      long n = y * 12 + m;
      std::string days;
      for (int d = 1; d <= 28; ++d) days += "<td>" + std::to_string(d) + "</td>";
      return page("<h1>Termine " + months[static_cast<std::size_t>(m - 1)] + " " + std::to_string(y) + "</h1><table><tr>" +
                  days + "</tr></table><p>Keine Termine.</p>" +
                  link("/termine/" + std::to_string(n / 12) + "/" + std::to_string(n % 12 + 1), "Nächster Monat"));
    }
    return std::nullopt;
  };
  MemoryFetcher f(calendar);
  CrawlLimits limits = full_crawl(100000, 100000);
  CrawlResult r = crawl(f, roles(), limits);
  std::size_t months_fetched = 0;
  for (const auto& u : f.fetched) months_fetched += u.find("/termine/") != std::string::npos;
  EXPECT_GE(months_fetched, 25u);
  EXPECT_LE(months_fetched, 40u);
  EXPECT_TRUE(any_note(r, "like http://shop.test/termine/#/# not fetched")) << ::testing::PrintToString(r.notes);
  EXPECT_TRUE(any_note(r, "held 12 distinct text(s), digits aside")) << ::testing::PrintToString(r.notes);
  EXPECT_FALSE(r.complete);
}

TEST(CrawlTraps, SessionIdsInEveryLinkDoNotMultiplyPages) {
  int served = 0;
  Responder site = [&served](const std::string& pq) -> std::optional<std::string> {
    std::string path = pq.substr(0, pq.find('?'));
    if (path != "/" && path != "/a" && path != "/b" && path != "/c" && path != "/legal-notice") return std::nullopt;
    // A fresh session id on every response, carried by every link.
    std::string sid = "sess" + std::to_string(1000000000000 + ++served) + "x";
    std::string links;
    for (const char* to : {"/", "/a", "/b", "/c"}) links += link(std::string(to) + "?s=" + sid, to);
    return page(links, link("/legal-notice?s=" + sid, "Legal notice"));
  };
  MemoryFetcher f(site);
  CrawlLimits limits = full_crawl(1000);
  CrawlResult r = crawl(f, roles(), limits);
  EXPECT_EQ(paths(f.fetched), (std::set<std::string>{"/", "/a", "/b", "/c", "/legal-notice"}));
  EXPECT_EQ(f.fetched.size(), 5u);
  EXPECT_TRUE(any_note(r, "session parameter(s) ignored when comparing URLs: s"));
  EXPECT_TRUE(r.complete);
}

TEST(CrawlTraps, StackedRelativeLinksStop) {
  // A server that answers every path, and a relative link that adds a segment each time.
  Responder site = [](const std::string& pq) -> std::optional<std::string> {
    if (pq == "/") return page(link("docs/", "Docs"));
    return page("<h1>" + pq + "</h1>" + link("more/", "More"));  // no two pages alike
  };
  MemoryFetcher f(site);
  CrawlLimits limits = full_crawl(1000, 1000);
  CrawlResult r = crawl(f, roles(), limits);
  EXPECT_EQ(paths(f.fetched), (std::set<std::string>{"/", "/docs/", "/docs/more/", "/docs/more/more/"}));
  EXPECT_TRUE(any_note(r, "repeated 3 times"));
  EXPECT_FALSE(r.complete);
}

TEST(CrawlTraps, DepthCap) {
  Responder chain = [](const std::string& pq) -> std::optional<std::string> {
    int n = pq == "/" ? 0 : std::stoi(pq.substr(6));
    return page(link("/step-" + std::to_string(n + 1), "Next"));
  };
  for (bool full : {false, true}) {
    MemoryFetcher f(chain);
    CrawlLimits limits;
    limits.full = full;
    limits.max_depth = 5;
    CrawlResult r = crawl(f, roles(), limits);
    EXPECT_EQ(f.fetched.size(), 6u) << "depth 0 to 5";
    EXPECT_TRUE(any_note(r, "depth limit of 5"));
    EXPECT_EQ(r.complete, !full);
  }
}

// --- stopping early gives neither a false pass nor a false fail ---

class FocusedAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("omnicheck-crawl-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result audit(const ShopSpec& spec, std::size_t max_pages = 30) {
    omnicheck::testing::write_shop(generate_shop(spec), dir_);
    Options opt;
    opt.target = dir_.string();
    opt.rules_dir = omnicheck::testing::rules_dir().string();
    opt.audit_date = "2026-11-23";
    opt.max_pages = max_pages;
    opt.probe = false;
    return run(opt);
  }

  static std::string status(const Result& r, const std::string& rule) {
    for (const auto& f : r.report.findings) {
      if (f.rule == rule) return f.status;
    }
    return "(none)";
  }

  fs::path dir_;
};

TEST_F(FocusedAudit, NoPhoneAnywhereStillFailsAfterStoppingEarly) {
  ShopSpec spec = small_shop();
  spec.phone = false;
  Result r = audit(spec);
  EXPECT_TRUE(r.report.target_extra["crawl"]["stopped_early"].get<bool>());
  EXPECT_TRUE(r.report.target_extra["crawl_complete"].get<bool>());
  EXPECT_EQ(status(r, "contact.phone"), "fail");
  EXPECT_EQ(status(r, "contact.email"), "pass");
  EXPECT_EQ(status(r, "trader.identity"), "pass");
  EXPECT_EQ(status(r, "trader.address"), "pass");
}

TEST_F(FocusedAudit, ContactPageBeyondThePageCapIsInconclusive) {
  ShopSpec spec = small_shop();
  spec.phone_on_legal_notice = false;  // the number is on the contact page alone
  Result r = audit(spec, 2);
  EXPECT_FALSE(r.report.target_extra["crawl_complete"].get<bool>());
  EXPECT_EQ(status(r, "contact.phone"), "inconclusive");
  // What the fetched legal notice shows is still judged.
  EXPECT_EQ(status(r, "trader.identity"), "pass");
  EXPECT_EQ(status(r, "contact.email"), "pass");
}

TEST_F(FocusedAudit, SameShopWithItsContactPageFetchedPasses) {
  ShopSpec spec = small_shop();
  spec.phone_on_legal_notice = false;
  Result r = audit(spec);
  EXPECT_EQ(status(r, "contact.phone"), "pass");
  EXPECT_TRUE(r.report.target_extra["crawl"]["stopped_early"].get<bool>());
}

}  // namespace
}  // namespace omnicheck::audit

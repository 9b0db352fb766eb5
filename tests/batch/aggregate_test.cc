// The aggregate outputs read from a store holding hostile text (site ids, URLs and failure
// reasons are not ours): CSV that a spreadsheet cannot execute, JSON that stays valid UTF-8,
// an HTML index where every such string is text. The index is then opened in headless
// Chromium: it lists every site, its one script runs under the page's CSP, and sorting and
// filtering through the URL fragment work.
#include <gtest/gtest.h>

#include <regex>

#include "batch/aggregate.h"
#include "batch/batch_test_util.h"
#include "batch/store.h"
#include "support/test_support.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::read_file;
using testing::ScratchDir;

const char* kHostileId = "<img src=x onerror=alert(1)>";
const char* kHostileReason = "</td><script>alert(2)</script>";

RunRecord done_run(const std::string& id) {
  RunRecord r;
  r.run_uid = Store::new_uid();
  r.site_id = id;
  r.session_uid = "s";
  r.started_at = r.finished_at = "2026-11-23T10:00:00Z";
  r.outcome = "done";
  r.pages_fetched = 3;
  return r;
}

std::vector<FindingRecord> findings(const std::string& email, const std::string& phone) {
  FindingRecord a;
  a.seq = 0;
  a.rule = "contact.email";
  a.title = "E-mail address disclosed";
  a.severity = "violation";
  a.status = email;
  a.message = email == "fail" ? "No e-mail address is disclosed." : "An e-mail address is disclosed.";
  a.evidence = nlohmann::json::array({{{"url", "https://shop.example/impressum"}, {"snippet", "=Kontakt: [[—]]"},
                                       {"sha256", "ab12"}, {"fetched_at", "2026-11-23T10:00:00Z"}}});
  FindingRecord b = a;
  b.seq = 1;
  b.evidence = nlohmann::json::array();
  b.rule = "contact.phone";
  b.title = "Telephone number disclosed";
  b.status = phone;
  return {a, b};
}

// A store with 30 ordinary sites, a hostile one, a failed one with a hostile reason and a
// pending one.
void fill(Store& store) {
  std::vector<Site> sites;
  for (int i = 0; i < 33; ++i) {
    Site s;
    s.id = i == 30 ? kHostileId : i == 31 ? "=cmd|' /C calc'!A0" : "shop-" + std::to_string(i);
    s.line = i + 2;
    s.target = i == 30 ? "javascript:alert(3)" : "https://shop" + std::to_string(i) + ".example/";
    s.country = i < 10 ? "FR" : i < 20 ? "DE" : "";
    // A regulator's own columns, kept in the tables: a case number on every line, a sector on some.
    s.extra["case"] = "K-" + std::to_string(100 + i);
    if (i % 5 == 0) s.extra["sector"] = i == 0 ? "=HYPERLINK(\"x\")" : "food";
    sites.push_back(s);
  }
  store.sync_sites(sites, "s");
  for (int i = 0; i < 31; ++i) {
    const bool fails = i % 3 == 0;
    store.record_done(done_run(sites[i].id), findings(fails ? "fail" : "pass", i % 2 ? "warn" : "pass"), "");
  }
  RunRecord failed = done_run(sites[31].id);
  failed.outcome = "crash";
  failed.reason = std::string(kHostileReason) + " \xff\xfe";
  store.record_failure(failed, true);
  store.set_line_errors({{40, "sites.csv:40: <b>no url</b>"}});
}

TEST(Aggregate, CsvAndJsonListEverySiteWithCountsPerRule) {
  ScratchDir dir("aggregate");
  Store store(dir / kStoreFile);
  fill(store);
  const Aggregate a = load_aggregate(store);
  ASSERT_EQ(a.sites.size(), 33u);
  ASSERT_EQ(a.rules.size(), 2u);
  EXPECT_EQ(a.rules[0].id, "contact.email");
  EXPECT_EQ(a.rules[0].counts.at("fail"), 11);
  EXPECT_EQ(a.rules[0].counts.at("pass"), 20);

  const std::string csv = aggregate_csv(a);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 34);
  EXPECT_NE(csv.find("\r\n'=cmd|' /C calc'!A0,"), std::string::npos) << "formula not defused";
  EXPECT_NE(csv.find("site_id,url,country,state,reason,pages_fetched,finished_at,report,case,sector,contact.email,contact.phone"),
            std::string::npos);
  EXPECT_NE(csv.find("shop-5,https://shop5.example/,FR,done,,3,2026-11-23T10:00:00Z,,K-105,food,pass,warn\r\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",K-100,\"'=HYPERLINK(\"\"x\"\")\","), std::string::npos) << "an extra column's formula not defused";

  // One row per finding, with the evidence a reader checks: URL and quote.
  const std::string per_finding = findings_csv(store, a);
  EXPECT_EQ(std::count(per_finding.begin(), per_finding.end(), '\n'), 1 + 31 * 2);
  EXPECT_NE(per_finding.find("site_id,url,country,rule,title,status,severity,message,evidence_url,quote,fetched_at,sha256\r\n"),
            std::string::npos);
  EXPECT_NE(per_finding.find("shop-3,https://shop3.example/,FR,contact.email,E-mail address disclosed,fail,violation,"
                             "No e-mail address is disclosed.,https://shop.example/impressum,'=Kontakt: [[—]],2026-11-23T10:00:00Z,ab12\r\n"),
            std::string::npos)
      << per_finding.substr(0, 600);
  const std::string counts = rule_counts_csv(a);
  EXPECT_NE(counts.find("contact.email,E-mail address disclosed,violation,20,11,0,0,0,2\r\n"), std::string::npos)
      << counts;

  write_aggregate(store, dir.path());
  EXPECT_TRUE(fs::exists(dir / "findings.csv"));
  const auto j = nlohmann::json::parse(read_file(dir / "aggregate.json"));  // valid UTF-8 despite the \xff
  EXPECT_EQ(j["totals"]["sites"], 33);
  EXPECT_EQ(j["totals"]["pending"], 1);
  EXPECT_EQ(j["sites"][30]["id"], kHostileId);
  EXPECT_EQ(j["sites"][30]["statuses"]["contact.email"], "fail");
}

TEST(Aggregate, IndexEscapesEveryForeignString) {
  ScratchDir dir("aggregate-html");
  Store store(dir / kStoreFile);
  fill(store);
  const std::string html = index_html(load_aggregate(store));
  EXPECT_EQ(html.find(kHostileId), std::string::npos);
  EXPECT_EQ(html.find(kHostileReason), std::string::npos);
  EXPECT_EQ(html.find("<b>no url"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  // Exactly one script element: ours, allowed by hash; nothing else may run.
  std::size_t scripts = 0;
  for (auto p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);
  EXPECT_NE(html.find("script-src 'sha256-"), std::string::npos);
  EXPECT_EQ(html.find("unsafe-inline"), std::string::npos);
}

// Rows of the sites table in DOM order: (first cell text, hidden).
std::vector<std::pair<std::string, bool>> rows_of(const std::string& dom) {
  std::vector<std::pair<std::string, bool>> out;
  const auto body = dom.find("<tbody>", dom.find("id=\"sites-table\""));
  const auto end = dom.find("</tbody>", body);
  static const std::regex row(R"re(<tr class="state-[a-z]+" data-tags="[^"]*"( hidden="")?><td class="id">([^<]*)</td>)re");
  const std::string part = dom.substr(body, end - body);
  for (std::sregex_iterator it(part.begin(), part.end(), row), e; it != e; ++it) {
    out.emplace_back((*it)[2].str(), (*it)[1].matched);
  }
  return out;
}

class IndexInBrowser : public ::testing::Test {
 protected:
  static bool required() {
    const char* v = std::getenv("OMNICHECK_BROWSER_TESTS");
    return v && std::string(v) == "1";
  }
  // The DOM Chromium built for index.html#fragment, or "" when skipped.
  std::string render(const fs::path& index, const std::string& fragment) {
    const fs::path dom = index.parent_path() / "dom.html";
    std::string out;
    const std::string cmd = "bash '" + (omnicheck::testing::source_dir() / "tests/batch/check_index_in_browser.sh").string() +
                            "' '" + index.string() + "' '" + fragment + "' '" + dom.string() + "' 2>&1";
    const int rc = omnicheck::testing::run_command(cmd, &out);
    if (out.starts_with("SKIP")) {
      skipped_ = out;
      return "";
    }
    EXPECT_EQ(rc, 0) << out;
    return read_file(dom);
  }
  std::string skipped_;
};

TEST_F(IndexInBrowser, ListsEverySiteRunsOnlyItsOwnScriptAndSortsAndFiltersFromTheFragment) {
  ScratchDir dir("index-browser");
  {
    Store store(dir / kStoreFile);
    fill(store);
    write_aggregate(store, dir.path());
  }
  const fs::path index = dir / "index.html";
  const std::string plain = render(index, "");
  if (!skipped_.empty()) {
    if (required()) FAIL() << "OMNICHECK_BROWSER_TESTS=1 but " << skipped_;
    GTEST_SKIP() << skipped_;
  }
  // Our script ran (the CSP hash matches) and the hostile strings stayed text.
  EXPECT_NE(plain.find("data-interactive=\"yes\""), std::string::npos);
  EXPECT_NE(plain.find("33 of 33 sites shown"), std::string::npos);
  EXPECT_EQ(plain.find("<img"), std::string::npos);
  EXPECT_NE(plain.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(plain.find("&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
  std::size_t scripts = 0;
  for (auto p = plain.find("<script"); p != std::string::npos; p = plain.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);
  auto rows = rows_of(plain);
  ASSERT_EQ(rows.size(), 33u);
  EXPECT_EQ(rows[0].first, "shop-0");
  for (const auto& r : rows) EXPECT_FALSE(r.second) << r.first;

  // Worst first on contact.email, only the sites failing a rule shown.
  const std::string sorted = render(index, "sort=contact.email&show=has-fail");
  EXPECT_NE(sorted.find("11 of 33 sites shown"), std::string::npos);
  rows = rows_of(sorted);
  ASSERT_EQ(rows.size(), 33u);
  for (int i = 0; i < 11; ++i) EXPECT_FALSE(rows[i].second) << rows[i].first;
  EXPECT_EQ(rows[0].first, "shop-0");
  EXPECT_EQ(rows[1].first, "shop-3");
  for (std::size_t i = 11; i < rows.size(); ++i) EXPECT_TRUE(rows[i].second) << rows[i].first;

  // Descending by site, filtered by text.
  const std::string filtered = render(index, "sort=site&desc=1&q=shop-2");
  EXPECT_NE(filtered.find("11 of 33 sites shown"), std::string::npos);  // shop-2, shop-20…29
  std::vector<std::string> visible;
  for (const auto& r : rows_of(filtered)) {
    if (!r.second) visible.push_back(r.first);
  }
  ASSERT_EQ(visible.size(), 11u);
  EXPECT_EQ(visible.front(), "shop-29");
  EXPECT_EQ(visible.back(), "shop-2");

  // By country, rule and status: the French sites failing contact.email (0, 3, 6, 9).
  const std::string french_fails = render(index, "country=FR&rule=contact.email&status=fail");
  EXPECT_NE(french_fails.find("4 of 33 sites shown"), std::string::npos);
  // Any rule warned, German sites: 11, 13, 15, 17, 19 warn on contact.phone.
  EXPECT_NE(render(index, "country=DE&status=warn").find("5 of 33 sites shown"), std::string::npos);
  // A rule alone shows the sites audited on it.
  EXPECT_NE(render(index, "rule=contact.phone").find("31 of 33 sites shown"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::batch

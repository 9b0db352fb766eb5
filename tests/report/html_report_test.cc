// The HTML report: structure a legal reader relies on, and escaping checked on the document a
// real HTML parser (libxml2) builds from it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "report/markup_scan.h"
#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

using testing::MarkupScan;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

#define REQUIRE_LIBXML2()                                                                     \
  if (!OMNICHECK_TEST_LIBXML2)                                                                \
  GTEST_SKIP() << "libxml2 is not linked into report_tests: add PkgConfig::LIBXML2 to it in " \
                  "tests/CMakeLists.txt"

TEST(HtmlReport, IsASelfContainedPageWithAScriptForbiddingPolicy) {
  const std::string html = to_html(testing::sample_report());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(contains(html, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(contains(html, "http-equiv=\"Content-Security-Policy\""));
  EXPECT_TRUE(contains(html, "default-src 'none'; script-src 'none'; style-src 'sha256-"));
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_FALSE(contains(html, "<link"));
  EXPECT_FALSE(contains(html, "src="));
  EXPECT_FALSE(contains(html, "@import"));
  EXPECT_TRUE(contains(html, "@media print"));
}

TEST(HtmlReport, HeaderNamesTargetDatesToolAndRules) {
  const std::string html = to_html(testing::sample_report());
  EXPECT_TRUE(contains(html, "https://www.boutique-exemple.fr/"));
  EXPECT_TRUE(contains(html, "2025-03-14T09:12:40Z"));
  EXPECT_TRUE(contains(html, "2025-03-14T09:14:02Z"));
  EXPECT_TRUE(contains(html, "<dt>Audit date</dt><dd>2025-03-14</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Pages fetched</dt><dd>37</dd>"));
  EXPECT_TRUE(contains(html, "omnicheck 0.1.0"));
  EXPECT_TRUE(contains(html, "r-4be1c0de"));
}

TEST(HtmlReport, SummaryTableLinksEachFindingWithColourAndWords) {
  const Report r = testing::sample_report();
  const MarkupScan scan = testing::scan_html(to_html(r));
  REQUIRE_LIBXML2();
  ASSERT_TRUE(scan.parsed);
  // Both tables use header cells with a scope, for screen readers.
  const auto scopes = scan.attribute_values("th", "scope");
  EXPECT_GE(std::count(scopes.begin(), scopes.end(), "col"), 5);
  EXPECT_GE(std::count(scopes.begin(), scopes.end(), "row"), static_cast<long>(r.findings.size()));
  EXPECT_GE(scan.element_count("caption"), 2);

  const auto ids = scan.attribute_values("article", "id");
  ASSERT_EQ(ids.size(), r.findings.size());
  for (const auto& id : ids) {
    EXPECT_NE(std::find(scan.hrefs.begin(), scan.hrefs.end(), "#" + id), scan.hrefs.end()) << id;
  }
  // Each status badge carries its label as text, not only a colour.
  for (const auto& el : scan.all) {
    for (const auto& [k, v] : el.attrs) {
      if (k != "class" || !v.starts_with("badge badge-")) continue;
      const std::string status = v.substr(12);
      const std::string label = status == "not_applicable" ? "NOT APPLICABLE" : status;
      std::string upper = label;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_EQ(el.text, upper) << v;
    }
  }
  EXPECT_TRUE(contains(scan.text, "call_cost.disclosed The price of charged numbers"));
}

TEST(HtmlReport, FindingsShowLegalBasisAndEvidence) {
  const std::string html = to_html(testing::sample_report());
  EXPECT_TRUE(contains(html,
                       "<a class=\"law\" href=\"https://eur-lex.europa.eu/eli/dir/2011/83/"
                       "oj#art_6\" rel=\"noopener noreferrer\">CRD 6(1)(b)</a>"));
  EXPECT_TRUE(contains(html, "TKG § 109"));
  EXPECT_TRUE(contains(html,
                       "<span class=\"mono hash\">9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b8"
                       "22cd15d6c15b0f00a08</span>"));
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">HTTP status</th><td>200</td></tr>"));
  EXPECT_TRUE(contains(html, "main &gt; section#hotline &gt; p"));
  EXPECT_TRUE(contains(html,
                       "<a class=\"url\" href=\"https://www.boutique-exemple.fr/de/kontakt\" "
                       "rel=\"noopener noreferrer\">https://www.boutique-exemple.fr/de/kontakt"
                       "</a>"));
  // E-mail evidence: file, offset, Message-ID, header, date.
  EXPECT_TRUE(contains(html, "mail/potvrzeni-objednavky.mbox"));
  EXPECT_TRUE(contains(html, "<td>18234</td>"));
  EXPECT_TRUE(contains(html, "20250301101500.4711@mail.obchod-priklad.cz"));
  EXPECT_TRUE(contains(html, "From: Obchod Příklad &lt;neodpovidejte@obchod-priklad.cz&gt;"));
  EXPECT_TRUE(contains(html, "Sat, 01 Mar 2025 10:15:00 +0100"));
  // Facts appendix and errors.
  EXPECT_TRUE(contains(html, "<details>"));
  EXPECT_TRUE(contains(html, "service-client@boutique-exemple.fr"));
  EXPECT_TRUE(contains(html, "mail/kaputt.eml: not a MIME message"));
  EXPECT_TRUE(contains(html,
                       "<li class=\"text\">no Date header {&quot;file&quot;:&quot;mail/"
                       "old.mbox&quot;,&quot;offset&quot;:5120}</li>"));
  EXPECT_TRUE(contains(html, "HTTP 503"));
}

TEST(HtmlReport, MarksTheMatchInSnippets) {
  const std::string html = to_html(testing::sample_report());
  EXPECT_TRUE(contains(html, "Kundenservice: <mark>0180 6 123456</mark> (Mo–Fr 8–18 Uhr)"));
  EXPECT_TRUE(contains(html,
                       "From: Obchod Příklad &lt;<mark>neodpovidejte@obchod-priklad.cz</mark>"
                       "&gt;"));
  EXPECT_TRUE(contains(html, "Éditeur du site : <mark>Boutique Exemple SAS</mark>"));
  EXPECT_FALSE(contains(html, "[[0180"));
}

TEST(HtmlReport, MarksAroundHostileTextStayBalancedAndEscaped) {
  const std::string html = to_html(testing::hostile_report());
  EXPECT_TRUE(contains(html,
                       "Kontakt: <mark>&lt;script&gt;alert(6)&lt;/script&gt;</mark> ]] "
                       "<mark> [[nested]] </mark> [[unclosed &quot;&gt;&lt;img src=x "
                       "onerror=alert(7)&gt;"));
  const MarkupScan scan = testing::scan_html(html);
  REQUIRE_LIBXML2();
  ASSERT_TRUE(scan.parsed);
  EXPECT_NE(std::find(scan.marks.begin(), scan.marks.end(), "<script>alert(6)</script>"),
            scan.marks.end());
  EXPECT_NE(std::find(scan.marks.begin(), scan.marks.end(), " [[nested]] "), scan.marks.end());
  // As many <mark> open tags as close tags: the markers never leave a tag open.
  std::size_t open = 0, close = 0;
  for (std::size_t p = 0; (p = html.find("<mark>", p)) != std::string::npos; ++p) ++open;
  for (std::size_t p = 0; (p = html.find("</mark>", p)) != std::string::npos; ++p) ++close;
  EXPECT_EQ(open, close);
  EXPECT_EQ(static_cast<std::size_t>(scan.element_count("mark")), open);
}

TEST(HtmlReport, HostileMerchantTextNeverBecomesMarkup) {
  const std::string html = to_html(testing::hostile_report());
  for (const char* bad : testing::kHostileMarkup) EXPECT_FALSE(contains(html, bad)) << bad;
  EXPECT_FALSE(contains(html, "href=\"javascript"));
  EXPECT_FALSE(contains(html, "href=\"data:"));

  const MarkupScan scan = testing::scan_html(html);
  REQUIRE_LIBXML2();
  ASSERT_TRUE(scan.parsed);
  for (const char* el : {"script", "img", "iframe", "svg", "object", "embed", "b", "base"}) {
    EXPECT_EQ(scan.element_count(el), 0) << el;
  }
  for (const auto& a : scan.attributes) {
    EXPECT_FALSE(a.starts_with("on")) << a;
    EXPECT_FALSE(a.starts_with("style=")) << a;
    EXPECT_FALSE(a.starts_with("src=")) << a;
  }
  for (const auto& href : scan.hrefs) {
    EXPECT_TRUE(href.starts_with("#") || href.starts_with("http://") ||
                href.starts_with("https://"))
        << href;
  }
  // The quote survives as text, exactly as the merchant wrote it.
  EXPECT_TRUE(contains(scan.text, "<script>alert(1)</script>"));
  EXPECT_TRUE(contains(scan.text, "javascript:alert(3)"));
  EXPECT_TRUE(contains(scan.text, "div[onclick=\"alert(5)\"] > p"));
  EXPECT_TRUE(contains(scan.text, "Subject: </pre><script>alert(8)</script>"));
  EXPECT_TRUE(contains(scan.text, "</details><script>alert(10)</script>@x.fr"));
  EXPECT_TRUE(contains(scan.text, "<iframe src=javascript:alert(11)>"));
  // An http URL with quotes in it is a link, but its quotes cannot close the attribute.
  EXPECT_NE(std::find(scan.hrefs.begin(), scan.hrefs.end(),
                      "https://shop.example/?q=\"><script>alert(12)</script>"),
            scan.hrefs.end());
}

TEST(HtmlReport, InvalidUtf8AndControlCharactersAreReplaced) {
  const std::string html = to_html(testing::hostile_report());
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_EQ(html.find('\xFF'), std::string::npos);
  EXPECT_TRUE(contains(html, "Tel\xEF\xBF\xBD("));
}

TEST(HtmlReport, UnknownStatusGetsANeutralBadgeWithItsEscapedName) {
  const std::string html = to_html(testing::hostile_report());
  EXPECT_TRUE(
      contains(html, "<span class=\"badge badge-unknown\">&lt;b&gt;weird&lt;/b&gt;</span>"));
  EXPECT_TRUE(contains(html, "class=\"finding status-unknown\""));
}

}  // namespace
}  // namespace omnicheck::report

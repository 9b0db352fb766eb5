// The HTML report: structure a legal reader relies on, and escaping checked on the document a
// real HTML parser (libxml2) builds from it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
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
  // Dates as a reader writes them (the report's language; English here), in UTC.
  EXPECT_TRUE(contains(html, "<dt>Audit carried out</dt><dd>14 March 2025, 09:12 UTC – 14 March 2025, 09:14 UTC</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Law in force on</dt><dd>14 March 2025</dd>"));
  EXPECT_TRUE(contains(html, "<dt>Pages read</dt><dd>37</dd>"));
  EXPECT_TRUE(contains(html, "omnicheck <span class=\"mono\" translate=\"no\">0.1.0</span>"));
  EXPECT_TRUE(contains(html, "r-4be1c0de"));
}

TEST(HtmlReport, ComplaintViewComesFirstWithBreachesByLawThenWarningsThenWhatWasNotChecked) {
  const Report r = testing::sample_report();
  const std::string html = to_html(r);
  const auto at = [&html](const std::string& s) { return html.find(s); };
  // Order: breaches, warnings, what could not be checked, the folded passes, then every finding.
  ASSERT_NE(at("<section id=\"complaint\""), std::string::npos);
  EXPECT_LT(at("<section id=\"complaint\""), at("<section id=\"warnings\""));
  EXPECT_LT(at("<section id=\"warnings\""), at("<section id=\"not-checked\""));
  EXPECT_LT(at("<section id=\"not-checked\""), at("<section id=\"passed\""));
  EXPECT_LT(at("<section id=\"passed\""), at("<section id=\"findings\""));
  // Breaches are grouped under the act of their first legal basis, each with its proof.
  const std::string complaint = html.substr(at("<section id=\"complaint\""), at("<section id=\"warnings\"") - at("<section id=\"complaint\""));
  EXPECT_TRUE(contains(complaint, "<h3 class=\"act\">CRD</h3>"));
  EXPECT_TRUE(contains(complaint, "The price of charged numbers is stated next to them"));
  EXPECT_TRUE(contains(complaint, "Kundenservice: <mark>0180 6 123456</mark>"));
  EXPECT_TRUE(contains(complaint, "SHA-256 <span class=\"mono hash\" translate=\"no\">"));
  EXPECT_FALSE(contains(complaint, "Response times of written channels")) << "a warning is not a breach";
  // What could not be checked says so in words, with the finding's message.
  const std::string unchecked = html.substr(at("<section id=\"not-checked\""), at("<section id=\"passed\"") - at("<section id=\"not-checked\""));
  EXPECT_TRUE(contains(unchecked, "The legal notice is reachable from every page"));
  // Passes and rules that do not apply are folded away, counted.
  EXPECT_TRUE(contains(html, "<summary>Rules met: 2</summary>"));
  EXPECT_TRUE(contains(html, "<summary>Rules that do not apply to this audit: 1</summary>"));
}

TEST(HtmlReport, EveryFindingIsLinkedAndItsBadgeSaysItsStatusInWords) {
  const Report r = testing::sample_report();
  const MarkupScan scan = testing::scan_html(to_html(r));
  REQUIRE_LIBXML2();
  ASSERT_TRUE(scan.parsed);
  const auto scopes = scan.attribute_values("th", "scope");
  EXPECT_GE(std::count(scopes.begin(), scopes.end(), "row"), static_cast<long>(r.findings.size()));
  const auto ids = scan.attribute_values("article", "id");
  ASSERT_EQ(ids.size(), r.findings.size());
  for (const auto& id : ids) {
    EXPECT_NE(std::find(scan.hrefs.begin(), scan.hrefs.end(), "#" + id), scan.hrefs.end()) << id;
  }
  const std::map<std::string, std::string> words = {{"pass", "Passed"},
                                                    {"fail", "Breach"},
                                                    {"warn", "Warning"},
                                                    {"not_applicable", "Does not apply"},
                                                    {"inconclusive", "Could not be checked"}};
  int badges = 0;
  for (const auto& el : scan.all) {
    for (const auto& [k, v] : el.attrs) {
      if (k != "class" || !v.starts_with("badge badge-")) continue;
      ++badges;
      EXPECT_EQ(el.text, words.at(v.substr(12))) << v;
    }
  }
  EXPECT_GE(badges, static_cast<int>(r.findings.size()));
}

TEST(HtmlReport, FindingsShowLegalBasisAndEvidence) {
  const std::string html = to_html(testing::sample_report());
  EXPECT_TRUE(contains(html,
                       "<a class=\"law\" href=\"https://eur-lex.europa.eu/eli/dir/2011/83/"
                       "oj#art_6\" rel=\"noopener noreferrer\">CRD 6(1)(b)</a>"));
  EXPECT_TRUE(contains(html, "TKG § 109"));
  EXPECT_TRUE(contains(html,
                       "<span class=\"mono hash\" translate=\"no\">9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b8"
                       "22cd15d6c15b0f00a08</span>"));
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\">HTTP status</th><td>200</td></tr>"));
  EXPECT_TRUE(contains(html, "main &gt; section#hotline &gt; p"));
  EXPECT_TRUE(contains(html,
                       "<a class=\"url\" translate=\"no\" href=\"https://www.boutique-exemple.fr/de/kontakt\" "
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
                       "<li class=\"text\" translate=\"no\">no Date header {&quot;file&quot;:&quot;mail/"
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

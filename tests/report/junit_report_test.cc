// JUnit XML: well-formed for any merchant text, one test case per finding.
#include <gtest/gtest.h>

#include <algorithm>

#include "report/markup_scan.h"
#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

#define REQUIRE_LIBXML2()                                                                     \
  if (!OMNICHECK_TEST_LIBXML2)                                                                \
  GTEST_SKIP() << "libxml2 is not linked into report_tests: add PkgConfig::LIBXML2 to it in " \
                  "tests/CMakeLists.txt"

TEST(JunitReport, OneTestcasePerFindingWithFailuresAndSkips) {
  const std::string xml = to_junit(testing::sample_report());
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
  const testing::MarkupScan scan = testing::scan_xml(xml);
  REQUIRE_LIBXML2();
  ASSERT_TRUE(scan.parsed) << xml;
  EXPECT_EQ(scan.elements.front(), "testsuites");
  EXPECT_EQ(scan.element_count("testsuite"), 1);
  EXPECT_EQ(scan.element_count("testcase"), 8);
  EXPECT_EQ(scan.element_count("failure"), 3);     // two fails and the inconclusive one
  EXPECT_EQ(scan.element_count("skipped"), 1);     // not_applicable
  EXPECT_EQ(scan.element_count("system-out"), 2);  // the two warns
  EXPECT_EQ(scan.attribute_values("testsuite", "tests"), std::vector<std::string>{"8"});
  EXPECT_EQ(scan.attribute_values("testsuite", "failures"), std::vector<std::string>{"3"});
  EXPECT_EQ(scan.attribute_values("testsuite", "skipped"), std::vector<std::string>{"1"});
  const auto types = scan.attribute_values("failure", "type");
  EXPECT_NE(std::find(types.begin(), types.end(), "inconclusive"), types.end());

  const auto names = scan.attribute_values("testcase", "name");
  EXPECT_EQ(names[1], "call_cost.disclosed");
  EXPECT_EQ(scan.attribute_values("testcase", "classname")[1], "omnicheck.call_cost");
  EXPECT_EQ(scan.attribute_values("failure", "type")[0], "violation");
  EXPECT_EQ(scan.attribute_values("failure", "message")[0],
            "Die Service-Rufnummer 0180 6 123456 ist ohne Preisangabe angegeben.");
  const auto skips = scan.attribute_values("skipped", "message");
  EXPECT_EQ(skips[0],
            "not applicable: The ODR platform closed on 2025-07-20; the audit date is "
            "before that.");
  const auto failed = scan.attribute_values("failure", "message");
  EXPECT_NE(std::find(failed.begin(), failed.end(), "inconclusive: robots.txt denied /compte/; 12 pages could not be sampled."),
            failed.end());
  // Configured to skip what could not be checked, as before.
  const testing::MarkupScan skipping = testing::scan_xml(to_junit(testing::sample_report(), true));
  EXPECT_EQ(skipping.element_count("failure"), 2);
  EXPECT_EQ(skipping.attribute_values("skipped", "message")[1],
            "inconclusive: robots.txt denied /compte/; 12 pages could not be sampled.");
  // The failure body carries the legal basis and the evidence.
  EXPECT_NE(xml.find("Legal basis: TKG § 109"), std::string::npos);
  EXPECT_NE(xml.find("Kundenservice: [[0180 6 123456]]"), std::string::npos);
  EXPECT_NE(xml.find("From: Obchod Příklad &lt;neodpovidejte@obchod-priklad.cz&gt;"),
            std::string::npos);
}

TEST(JunitReport, HostileTextKeepsTheXmlWellFormedAndRoundTrips) {
  const Report r = testing::hostile_report();
  const std::string xml = to_junit(r);
  for (const char* bad : testing::kHostileMarkup) {
    EXPECT_EQ(xml.find(bad), std::string::npos) << bad;
  }
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find("<![CDATA["), std::string::npos);

  const testing::MarkupScan scan = testing::scan_xml(xml);
  REQUIRE_LIBXML2();
  ASSERT_TRUE(scan.parsed) << "not well-formed:\n" << xml;
  EXPECT_EQ(scan.element_count("script"), 0);
  EXPECT_EQ(scan.element_count("img"), 0);
  EXPECT_EQ(scan.element_count("testcase"), 3);
  // Attribute values read back exactly as the merchant wrote them.
  EXPECT_EQ(scan.attribute_values("testcase", "name")[1], "x\"><script>alert(18)</script>");
  EXPECT_EQ(scan.attribute_values("failure", "message")[0], r.findings[0].message);
  const auto failures = scan.attribute_values("failure", "message");
  EXPECT_NE(std::find(failures.begin(), failures.end(), "inconclusive: \rCR first ]]> <![CDATA[ x ]]>"), failures.end());
  EXPECT_NE(scan.text.find("Subject: </pre><script>alert(8)</script>"), std::string::npos);
  EXPECT_NE(scan.text.find("<iframe src=javascript:alert(11)>"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::report

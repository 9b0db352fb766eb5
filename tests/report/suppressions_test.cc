// omnicheck.json's accepted findings and --baseline: a suppressed finding stays in the report with
// its reason and stops counting; an expired one counts again and says so; a finding the baseline
// report had does not count, a new one does.
#include <gtest/gtest.h>

#include <string>

#include "report/report.h"
#include "report/report_internal.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

const rules::Finding& by_rule(const Report& r, const std::string& id) {
  for (const auto& f : r.findings) {
    if (f.rule == id) return f;
  }
  throw std::runtime_error("no finding " + id);
}

std::vector<Suppression> parse(const std::string& json) {
  return parse_suppressions(nlohmann::json::parse(json), "omnicheck.json");
}

TEST(Suppressions, AnAcceptedFindingStaysInTheReportWithItsReasonAndNoLongerFailsTheRun) {
  Report r = testing::sample_report();
  ASSERT_TRUE(reaches(r.findings, "violation"));
  // Both violations of the sample: one by its page, one by its mail file.
  apply_suppressions(r,
                     parse(R"([{"rule": "call_cost.*", "url": "https://www.boutique-exemple.fr/de/*",
                               "reason": "Hotline moves to a geographic number with the March release", "expires": "2025-04-30"},
                              {"rule": "email.no_reply_sender", "mail": "mail/*", "reason": "Old order template, replaced", "expires": "2025-04-30"}])"),
                     "2025-03-14");
  const auto& call = by_rule(r, "call_cost.disclosed");
  EXPECT_EQ(call.status, "fail") << "the verdict itself is unchanged";
  EXPECT_EQ(call.suppression["reason"], "Hotline moves to a geographic number with the March release");
  EXPECT_EQ(call.suppression["source"], "omnicheck.json#1");
  EXPECT_FALSE(call.counts());
  EXPECT_FALSE(reaches(r.findings, "violation"));
  EXPECT_EQ(to_json(r)["findings"][1]["suppression"]["expires"], "2025-04-30");
  EXPECT_NE(console_summary(r.findings, "violation").find("exit 0"), std::string::npos);
  // SARIF carries it as its own suppression; JUnit skips it with the reason.
  EXPECT_NE(to_sarif(r).find("\"justification\": \"Hotline moves to a geographic number"), std::string::npos);
  EXPECT_NE(to_junit(r).find("accepted (Hotline moves"), std::string::npos);
  EXPECT_NE(to_html(r).find("Accepted or already known"), std::string::npos);
}

TEST(Suppressions, AnExpiredAcceptanceCountsAgainAndSaysItRanOut) {
  Report r = testing::sample_report();
  apply_suppressions(r, parse(R"([{"rule": "call_cost.disclosed", "reason": "Until the relaunch", "expires": "2025-03-13"}])"),
                     "2025-03-14");
  const auto& call = by_rule(r, "call_cost.disclosed");
  EXPECT_TRUE(call.suppression["expired"].get<bool>());
  EXPECT_TRUE(call.counts());
  EXPECT_TRUE(reaches(r.findings, "violation"));
  EXPECT_NE(to_html(r).find("Acceptance expired"), std::string::npos);
  // The last day is still inside.
  Report same_day = testing::sample_report();
  apply_suppressions(same_day, parse(R"([{"rule": "call_cost.disclosed", "reason": "x", "expires": "2025-03-14"}])"), "2025-03-14");
  EXPECT_FALSE(by_rule(same_day, "call_cost.disclosed").counts());
}

TEST(Suppressions, AScopeCoversAFindingOnlyWhenEveryPieceOfEvidenceLiesInIt) {
  Report r = testing::sample_report();
  // The call-cost finding has evidence on /de/kontakt and /de/: a scope on /de/kontakt alone does
  // not cover it (the number is also in the footer of every page).
  apply_suppressions(r, parse(R"([{"rule": "call_cost.disclosed", "url": "*/de/kontakt", "reason": "x", "expires": "2099-01-01"}])"),
                     "2025-03-14");
  EXPECT_TRUE(by_rule(r, "call_cost.disclosed").suppression.is_null());
  // A pass needs no acceptance.
  apply_suppressions(r, parse(R"([{"rule": "trader.identity", "reason": "x", "expires": "2099-01-01"}])"), "2025-03-14");
  EXPECT_TRUE(by_rule(r, "trader.identity").suppression.is_null());
}

TEST(Suppressions, AnAcceptanceWithoutReasonOrExpiryIsRefusedNamingTheEntry) {
  const auto message = [](const std::string& json) {
    try {
      parse(json);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message(R"([{"rule": "odr.link", "expires": "2026-01-01"}])").find("suppression 1 (odr.link): gives no \"reason\""),
            std::string::npos);
  EXPECT_NE(message(R"([{"rule": "odr.link", "reason": "r"}])").find("\"expires\" must be a date"), std::string::npos);
  EXPECT_NE(message(R"([{"rule": "odr.link", "reason": "r", "expires": "2026-13-01"}])").find("must be a date"), std::string::npos);
  EXPECT_NE(message(R"([{"rule": "odr.link", "reason": "r", "expires": "2026-01-01", "scope": "x"}])").find("unknown key \"scope\""),
            std::string::npos);
  EXPECT_NE(message(R"([{"reason": "r", "expires": "2026-01-01"}])").find("names no \"rule\""), std::string::npos);
}

TEST(Baseline, WhatTheEarlierReportHadDoesNotCountWhatIsNewDoes) {
  const Report before = testing::sample_report();
  const nlohmann::json old = to_json(before);
  Report now = testing::sample_report();
  // Since the earlier audit: the no-reply sender is fixed, and a new breach appeared.
  for (auto& f : now.findings) {
    if (f.rule == "email.no_reply_sender") f.status = "pass";
  }
  rules::Finding added = by_rule(now, "call_cost.disclosed");
  added.rule = "call_cost.basic_rate";
  now.findings.push_back(added);
  apply_baseline(now, old);
  EXPECT_EQ(by_rule(now, "call_cost.disclosed").baseline_state, "unchanged");
  EXPECT_EQ(by_rule(now, "call_cost.basic_rate").baseline_state, "new");
  EXPECT_EQ(by_rule(now, "email.no_reply_sender").baseline_state, "");
  EXPECT_TRUE(reaches(now.findings, "violation")) << "the new breach counts";
  const std::string console = console_summary(now.findings, "violation");
  EXPECT_NE(console.find("call_cost.basic_rate"), std::string::npos);
  EXPECT_EQ(console.find("FAIL  call_cost.disclosed"), std::string::npos) << console;
  // SARIF reports only what is new.
  const auto sarif = nlohmann::json::parse(to_sarif(now));
  for (const auto& res : sarif["runs"][0]["results"]) EXPECT_NE(res["ruleId"], "call_cost.disclosed");
  // A status that changed is new: a warning that became a breach counts.
  Report worse = testing::sample_report();
  for (auto& f : worse.findings) {
    if (f.rule == "trader.register") f.status = "fail";
  }
  apply_baseline(worse, old);
  EXPECT_EQ(by_rule(worse, "trader.register").baseline_state, "new");
  EXPECT_THROW(apply_baseline(worse, nlohmann::json::parse(R"({"findings": []})")), std::runtime_error);
}


TEST(Baseline, AnotherSitesReportIsRefusedAndWhatWasAcceptedThenCountsOnceItExpires) {
  Report other = testing::sample_report();
  other.target_url = "https://www.another-shop.example/";
  Report now = testing::sample_report();
  EXPECT_THROW(apply_baseline(now, to_json(other)), std::runtime_error);
  // The old report had the call-cost breach accepted; the acceptance has run out since.
  Report before = testing::sample_report();
  apply_suppressions(before, parse(R"([{"rule": "call_cost.disclosed", "reason": "r", "expires": "2025-03-31"}])"), "2025-03-14");
  apply_suppressions(now, parse(R"([{"rule": "call_cost.disclosed", "reason": "r", "expires": "2025-03-31"}])"), "2025-04-02");
  apply_baseline(now, to_json(before));
  EXPECT_EQ(by_rule(now, "call_cost.disclosed").baseline_state, "new");
  EXPECT_TRUE(by_rule(now, "call_cost.disclosed").counts());
  EXPECT_TRUE(reaches(now.findings, "violation"));
}

TEST(Baseline, AFolderTargetsPagesAreKnownByTheirPathBelowTheSiteNotByTheirName) {
  const auto report_of = [](const std::string& root, const std::string& page) {
    Report r;
    r.tool_version = "0.1.0";
    r.target_url = root;
    rules::Finding f;
    f.rule = "trader.address";
    f.status = "fail";
    f.severity = "violation";
    extract::Evidence e;
    e.url = root + page;
    f.evidence.push_back(e);
    r.findings.push_back(f);
    return r;
  };
  // The same page of the same site, checked out elsewhere: known.
  Report moved = report_of("file:///ci/run-2/site/", "shop/index.html");
  apply_baseline(moved, to_json(report_of("file:///home/me/site/", "shop/index.html")));
  EXPECT_EQ(moved.findings[0].baseline_state, "unchanged");
  // A page of the same name elsewhere in the site: new.
  Report other_page = report_of("file:///ci/run-2/site/", "de/index.html");
  apply_baseline(other_page, to_json(report_of("file:///home/me/site/", "shop/index.html")));
  EXPECT_EQ(other_page.findings[0].baseline_state, "new");
}

TEST(Suppressions, AMailPatternWithAFolderMatchesThePathABareNameTheFileName) {
  Report r = testing::sample_report();
  // "versand.eml" names one file; the mbox evidence of the same finding is another file.
  apply_suppressions(r, parse(R"([{"rule": "email.no_reply_sender", "mail": "versand.eml", "reason": "x", "expires": "2099-01-01"}])"),
                     "2025-03-14");
  EXPECT_TRUE(by_rule(r, "email.no_reply_sender").suppression.is_null());
  apply_suppressions(r, parse(R"([{"rule": "email.no_reply_sender", "mail": "other/*", "reason": "x", "expires": "2099-01-01"}])"),
                     "2025-03-14");
  EXPECT_TRUE(by_rule(r, "email.no_reply_sender").suppression.is_null());
  apply_suppressions(r, parse(R"([{"rule": "email.no_reply_sender", "mail": "mail/*", "reason": "x", "expires": "2099-01-01"}])"),
                     "2025-03-14");
  EXPECT_FALSE(by_rule(r, "email.no_reply_sender").suppression.is_null());
  EXPECT_THROW(parse(R"([{"rule": "x", "reason": "r", "expires": "2026-02-30"}])"), std::runtime_error);
}

}  // namespace
}  // namespace omnicheck::report

// The console after an audit: what needs attention with its message and place, the rest
// counted, and one line that says why the exit code is what it is.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

TEST(ConsoleSummary, EachFindingThatNeedsAttentionWithItsPlaceThenWhyTheExitCode) {
  const Report r = testing::sample_report();
  const std::string out = console_summary(r.findings, "violation");
  EXPECT_NE(out.find("  FAIL  call_cost.disclosed (violation): Die Service-Rufnummer 0180 6 123456 ist ohne Preisangabe angegeben.\n"
                     "        https://www.boutique-exemple.fr/de/kontakt  main > section#hotline > p  (+1 more)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  WARN  trader.register (warning)"), std::string::npos) << out;
  EXPECT_NE(out.find("  INCONCLUSIVE  legal_notice.accessible"), std::string::npos) << out;
  EXPECT_EQ(out.find("trader.identity"), std::string::npos) << "passes are counted, not listed";
  EXPECT_NE(out.find("(1 do not apply, 2 passed)"), std::string::npos) << out;
  EXPECT_NE(out.find("exit 1: 2 finding(s) failed at --fail-on violation or above: call_cost.disclosed, email.no_reply_sender\n"),
            std::string::npos)
      << out;
  // The same gate as the exit code itself.
  EXPECT_TRUE(reaches(r.findings, "violation"));
}

TEST(ConsoleSummary, AZeroExitSaysWhatWasNotCounted) {
  Report r = testing::sample_report();
  for (auto& f : r.findings) {
    if (f.status == "fail") f.status = "pass";
  }
  const std::string out = console_summary(r.findings, "violation");
  EXPECT_NE(out.find("exit 0: no finding failed at --fail-on violation or above (2 warned: --strict counts them)"),
            std::string::npos)
      << out;
  EXPECT_FALSE(reaches(r.findings, "violation"));
  EXPECT_NE(console_summary(r.findings, "warning", true).find("exit 1: 1 finding(s) failed or warned at --fail-on warning or above: trader.register"),
            std::string::npos);
  EXPECT_NE(console_summary(r.findings, "none").find("exit 0: --fail-on none"), std::string::npos);
}

TEST(ConsoleSummary, MerchantTextCannotActOnTheTerminal) {
  const std::string out = console_summary(testing::hostile_report().findings, "violation");
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\r'), std::string::npos);
  EXPECT_EQ(out.find("\xE2\x80\xAE"), std::string::npos);  // RIGHT-TO-LEFT OVERRIDE
  // One line per finding and one per place: a merchant's line break stays inside its line.
  for (std::size_t at = 0, next; (next = out.find('\n', at)) != std::string::npos; at = next + 1) {
    const std::string line = out.substr(at, next - at);
    EXPECT_TRUE(line.starts_with("  ") || line.starts_with("exit ")) << line;
  }
}

}  // namespace
}  // namespace omnicheck::report

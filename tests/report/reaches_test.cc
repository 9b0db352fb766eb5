// The --fail-on gate behind omnicheck's exit code.
#include <gtest/gtest.h>

#include <stdexcept>

#include "report/report.h"

namespace omnicheck::report {
namespace {

std::vector<rules::Finding> one(const std::string& status, const std::string& severity) {
  rules::Finding f;
  f.rule = "contact.email";
  f.status = status;
  f.severity = severity;
  return {f};
}

struct Case {
  const char* status;
  const char* severity;
  const char* fail_on;
  bool count_warn;
  bool expected;
};

class ReachesTruthTable : public ::testing::TestWithParam<Case> {};

TEST_P(ReachesTruthTable, Holds) {
  const Case& c = GetParam();
  EXPECT_EQ(reaches(one(c.status, c.severity), c.fail_on, c.count_warn), c.expected)
      << c.status << " " << c.severity << " --fail-on " << c.fail_on
      << (c.count_warn ? " (warn counts)" : "");
}

INSTANTIATE_TEST_SUITE_P(Report, ReachesTruthTable,
                         ::testing::Values(
                             // fail, by severity against each threshold
                             Case{"fail", "violation", "violation", false, true},
                             Case{"fail", "warning", "violation", false, false},
                             Case{"fail", "advice", "violation", false, false},
                             Case{"fail", "violation", "warning", false, true},
                             Case{"fail", "warning", "warning", false, true},
                             Case{"fail", "advice", "warning", false, false},
                             Case{"fail", "violation", "advice", false, true},
                             Case{"fail", "warning", "advice", false, true},
                             Case{"fail", "advice", "advice", false, true},
                             Case{"fail", "violation", "none", false, false},
                             Case{"fail", "violation", "none", true, false},
                             // warn counts only when asked
                             Case{"warn", "violation", "violation", false, false},
                             Case{"warn", "violation", "violation", true, true},
                             Case{"warn", "warning", "violation", true, false},
                             Case{"warn", "warning", "warning", true, true},
                             Case{"warn", "advice", "advice", true, true},
                             Case{"warn", "advice", "warning", true, false},
                             // other statuses never reach
                             Case{"pass", "violation", "advice", true, false},
                             Case{"not_applicable", "violation", "advice", true, false},
                             Case{"inconclusive", "violation", "advice", true, false},
                             // a malformed severity is not allowed to slip through
                             Case{"fail", "", "violation", false, true},
                             Case{"fail", "critical", "violation", false, true}));

TEST(Reaches, NoFindingsNeverReach) { EXPECT_FALSE(reaches({}, "advice", true)); }

TEST(Reaches, AnyOneFindingIsEnough) {
  std::vector<rules::Finding> fs = one("pass", "violation");
  const auto more = one("fail", "warning");
  fs.insert(fs.end(), more.begin(), more.end());
  EXPECT_TRUE(reaches(fs, "warning"));
  EXPECT_FALSE(reaches(fs, "violation"));
}

TEST(Reaches, UnknownThresholdIsAUsageError) {
  EXPECT_THROW(reaches(one("fail", "violation"), "error"), std::invalid_argument);
  EXPECT_THROW(reaches({}, ""), std::invalid_argument);
  EXPECT_THROW(reaches({}, "Violation"), std::invalid_argument);
}

}  // namespace
}  // namespace omnicheck::report

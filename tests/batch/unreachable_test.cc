// When an audit that finished counts as a failed attempt: nothing of the site could be read.
#include <gtest/gtest.h>

#include "batch/site_runner.h"

namespace omnicheck::batch {
namespace {

nlohmann::json report(const std::string& url, nlohmann::json pages) {
  return {{"target", {{"url", url}, {"pages", std::move(pages)}}}};
}

TEST(Unreachable, ASiteWithOnePageReadIsReachable) {
  EXPECT_EQ(unreachable_reason(report("https://a.example/", {{{"requested_url", "https://a.example/"}, {"status", 404}},
                                                             {{"requested_url", "https://a.example/x"}, {"status", 200}}})),
            "");
}

TEST(Unreachable, NoPageReadGivesTheStartPagesProblem) {
  EXPECT_EQ(unreachable_reason(report("https://a.example/", {{{"requested_url", "https://a.example/"},
                                                              {"error", "Could not resolve host: a.example"}}})),
            "site unreachable: Could not resolve host: a.example");
  EXPECT_EQ(unreachable_reason(
                report("https://a.example/", {{{"requested_url", "https://a.example/"}, {"status", 503}}})),
            "site unreachable: https://a.example/ answered HTTP 503");
  EXPECT_EQ(unreachable_reason(report("https://a.example/", nlohmann::json::array())),
            "site unreachable: nothing was fetched");
}

TEST(Unreachable, ARobotsTxtThatForbidsTheCrawlIsAnAnswerNotAnOutage) {
  EXPECT_EQ(unreachable_reason(report(
                "https://a.example/",
                {{{"requested_url", "https://a.example/"},
                  {"error", "not fetched: robots.txt group \"User-agent: *\" has \"Disallow: /\""}}})),
            "");
  EXPECT_NE(unreachable_reason(report("https://a.example/",
                                      {{{"requested_url", "https://a.example/"},
                                        {"error", "not fetched: robots.txt: unreachable (timeout), so everything "
                                                  "is disallowed"}}})),
            "");
}

TEST(Unreachable, SavedSitesAreNeverUnreachable) {
  EXPECT_EQ(unreachable_reason(report("/srv/shops/a", nlohmann::json::array())), "");
}

}  // namespace
}  // namespace omnicheck::batch

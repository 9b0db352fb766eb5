#include "fetch/robots_policy.h"

#include <gtest/gtest.h>

namespace omnicheck::fetch {
namespace {

TEST(RobotsPolicy, NamedGroupWinsOverStar) {
  auto p = RobotsPolicy::parse(
      "User-agent: *\nDisallow: /\n\nUser-agent: OmniCheck\nDisallow: /private\n", "omnicheck");
  EXPECT_TRUE(p.allowed("/impressum", nullptr));
  std::string why;
  EXPECT_FALSE(p.allowed("/private/x", &why));
  EXPECT_NE(why.find("Disallow: /private"), std::string::npos);
  EXPECT_NE(why.find("omnicheck"), std::string::npos);
}

TEST(RobotsPolicy, StarGroupAppliesWhenNotNamed) {
  auto p = RobotsPolicy::parse("User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /impressum\n",
                               "omnicheck");
  EXPECT_FALSE(p.allowed("/impressum", nullptr));
  EXPECT_FALSE(p.allowed("/impressum.html", nullptr));
  EXPECT_TRUE(p.allowed("/kontakt", nullptr));
}

TEST(RobotsPolicy, LongestMatchAndAllowWinsTies) {
  auto p = RobotsPolicy::parse("User-agent: *\nDisallow: /shop\nAllow: /shop/legal\nAllow: /x\nDisallow: /x\n",
                               "omnicheck");
  EXPECT_FALSE(p.allowed("/shop/cart", nullptr));
  EXPECT_TRUE(p.allowed("/shop/legal/imprint", nullptr));
  EXPECT_TRUE(p.allowed("/x/y", nullptr));
}

TEST(RobotsPolicy, WildcardsAndEndAnchor) {
  auto p = RobotsPolicy::parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n", "omnicheck");
  EXPECT_FALSE(p.allowed("/docs/terms.pdf", nullptr));
  EXPECT_TRUE(p.allowed("/docs/terms.pdf.html", nullptr));
  EXPECT_FALSE(p.allowed("/a?session=1", nullptr));
  EXPECT_TRUE(p.allowed("/a?x=1", nullptr));
}

TEST(RobotsPolicy, GroupsMergeAndMultipleAgents) {
  auto p = RobotsPolicy::parse(
      "User-agent: a\nUser-agent: omnicheck\nDisallow: /one\n\nUser-agent: omnicheck\nDisallow: /two\n", "omnicheck");
  EXPECT_FALSE(p.allowed("/one", nullptr));
  EXPECT_FALSE(p.allowed("/two", nullptr));
}

TEST(RobotsPolicy, EmptyDisallowAllowsAndRobotsTxtAlwaysAllowed) {
  auto p = RobotsPolicy::parse("User-agent: *\nDisallow:\n", "omnicheck");
  EXPECT_TRUE(p.allowed("/anything", nullptr));
  auto all = RobotsPolicy::parse("User-agent: *\nDisallow: /\n", "omnicheck");
  EXPECT_FALSE(all.allowed("/", nullptr));
  EXPECT_TRUE(all.allowed("/robots.txt", nullptr));
}

TEST(RobotsPolicy, PercentEncodingIsNormalised) {
  auto p = RobotsPolicy::parse("User-agent: *\nDisallow: /%7Ejoe\nDisallow: /caf\xC3\xA9\n", "omnicheck");
  EXPECT_FALSE(p.allowed("/~joe/x", nullptr));
  EXPECT_FALSE(p.allowed("/caf%c3%a9", nullptr));
}

TEST(RobotsPolicy, CrawlDelayAndSitemaps) {
  auto p = RobotsPolicy::parse(
      "Sitemap: https://a.example/s1.xml\nUser-agent: *\nCrawl-delay: 2.5\nDisallow: /x\nSitemap: /s2.xml\n",
      "omnicheck");
  ASSERT_TRUE(p.crawl_delay_seconds());
  EXPECT_DOUBLE_EQ(*p.crawl_delay_seconds(), 2.5);
  ASSERT_EQ(p.sitemaps().size(), 2u);
}

TEST(RobotsPolicy, BlanketPolicies) {
  std::string why;
  EXPECT_FALSE(RobotsPolicy::disallow_all("unreachable (HTTP 503)").allowed("/", &why));
  EXPECT_NE(why.find("503"), std::string::npos);
  EXPECT_TRUE(RobotsPolicy::allow_all("HTTP 404").allowed("/", nullptr));
}

TEST(RobotsPolicy, PathologicalWildcardsStayFast) {
  std::string rule = "User-agent: *\nDisallow: /";
  for (int i = 0; i < 200; ++i) rule += "*a";
  rule += "b$\n";
  auto p = RobotsPolicy::parse(rule, "omnicheck");
  EXPECT_TRUE(p.allowed("/" + std::string(4000, 'a'), nullptr));
}

}  // namespace
}  // namespace omnicheck::fetch

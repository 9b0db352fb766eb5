#include "fetch/sitemap_parser.h"
#include "support/deflated.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace omnicheck::fetch {
namespace {

TEST(SitemapParser, UrlsetAndIndex) {
  auto s = parse_sitemap(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc>https://shop.example/a</loc><lastmod>2024-01-01</lastmod></url>"
      "<url><loc>\n  https://shop.example/b?x=1&amp;y=2  \n</loc></url></urlset>",
      1 << 20, 100);
  EXPECT_EQ(s.error, "");
  ASSERT_EQ(s.page_urls.size(), 2u);
  EXPECT_EQ(s.page_urls[1], "https://shop.example/b?x=1&y=2");
  auto i = parse_sitemap(
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://shop.example/s1.xml"
      "</loc></sitemap></sitemapindex>",
      1 << 20, 100);
  ASSERT_EQ(i.sitemap_urls.size(), 1u);
  EXPECT_TRUE(i.page_urls.empty());
}

TEST(SitemapParser, BoundedCountSizeAndNoEntityExpansion) {
  std::string many = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
  for (int k = 0; k < 50; ++k) many += "<url><loc>https://s/" + std::to_string(k) + "</loc></url>";
  many += "</urlset>";
  EXPECT_EQ(parse_sitemap(many, 1 << 20, 10).page_urls.size(), 10u);
  EXPECT_FALSE(parse_sitemap(many, 100, 10).error.empty());
  // An external entity must not be fetched or read from disk.
  auto x = parse_sitemap(
      "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
      "<urlset><url><loc>https://s/&e;</loc></url></urlset>",
      1 << 20, 10);
  for (const auto& u : x.page_urls) EXPECT_EQ(u.find("root:"), std::string::npos);
  EXPECT_FALSE(parse_sitemap("<html>not a sitemap</html>", 1 << 20, 10).error.empty());
  EXPECT_FALSE(parse_sitemap("<<<", 1 << 20, 10).error.empty());
}

TEST(SitemapParser, GzippedSitemap) {
  std::string xml = "<urlset><url><loc>https://s/gz</loc></url></urlset>";
  std::string gz = testing::gzipped(xml);
  auto s = parse_sitemap(gz, 1 << 20, 10);
  ASSERT_EQ(s.page_urls.size(), 1u);
  EXPECT_EQ(s.page_urls[0], "https://s/gz");
}

}  // namespace
}  // namespace omnicheck::fetch

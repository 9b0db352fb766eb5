// Sitemaps (sitemaps.org protocol 0.9): a <urlset> lists pages, a <sitemapindex> lists more
// sitemaps. Parsed with libxml2, without network access or entity expansion.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace omnicheck::fetch {

struct SitemapContents {
  std::vector<std::string> page_urls;     // <urlset><url><loc>
  std::vector<std::string> sitemap_urls;  // <sitemapindex><sitemap><loc>
  std::string error;                      // why nothing could be read; empty otherwise
};

// `body` is the sitemap as served; gzip-compressed sitemaps (.xml.gz) are inflated first, up
// to `max_bytes` of XML. At most `max_urls` <loc> entries are returned.
SitemapContents parse_sitemap(const std::string& body, std::size_t max_bytes, std::size_t max_urls);

}  // namespace omnicheck::fetch

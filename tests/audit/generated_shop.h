// A generated online shop for crawl tests: categories with paginated listings, product pages,
// a big navigation on every page, and the service pages (legal notice, contact, terms, privacy,
// shipping and returns, FAQ, about) linked from the footer. Deterministic: the same spec gives
// the same bytes, so a live audit and its replay see identical pages.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

namespace omnicheck::testing {

struct ShopSpec {
  std::size_t categories = 40;
  std::size_t products_per_category = 48;
  std::size_t products_per_listing = 24;   // a category lists its products over several pages
  std::size_t menu_products = 3;           // per category, in the navigation's mega menu
  bool phone = true;                       // the contact page gives a telephone number
  bool phone_on_legal_notice = true;       // ... and the legal notice repeats it
};

// Site path ("/", "/c/oak-tables", "/legal-notice"…) -> HTML page (UTF-8). All links are
// root-relative and extensionless, as most shop platforms write them.
std::map<std::string, std::string> generate_shop(const ShopSpec& spec);

// Writes the pages as a saved site: "/" -> index.html, "/a/b" -> a/b.html.
void write_shop(const std::map<std::string, std::string>& pages, const std::filesystem::path& dir);

}  // namespace omnicheck::testing

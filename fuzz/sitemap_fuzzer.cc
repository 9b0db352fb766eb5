// Sitemaps and sitemap indexes (XML through libxml2) with the crawler's caps.
#include "fetch/sitemap_parser.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)omnicheck::fetch::parse_sitemap(omnicheck::fuzz::as_string(data, size), 1u << 20, 1000);
  return 0;
}

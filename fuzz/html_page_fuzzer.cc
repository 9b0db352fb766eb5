// The HTML document builder and every site extractor on one page, as a crawl hands them over:
// the page's bytes are the input (any markup, any encoding, any nesting).
#include "fuzz/fuzz_support.h"
#include "html/html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace omnicheck;
  fetch::Page page;
  page.requested_url = page.final_url = "https://shop.test/";
  page.status = 200;
  page.content_type = "text/html; charset=utf-8";
  page.fetched_at = "2026-12-07T10:00:00Z";
  page.body = fuzz::as_string(data, size);
  extract::SiteInput in;
  in.start_url = page.final_url;
  in.documents.push_back(html::parse(page));
  in.pages.push_back(std::move(page));
  extract::FactStore facts;
  extract::extract_site(in, fuzz::lexicon(), {}, facts);
  (void)facts.summary().dump();  // every fact must serialise (valid UTF-8 or replaced)
  return 0;
}

// robots.txt as a site serves it (RFC 9309 and what sites write instead), then a few questions.
#include "fetch/robots_policy.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using omnicheck::fetch::RobotsPolicy;
  const RobotsPolicy policy = RobotsPolicy::parse(omnicheck::fuzz::as_string(data, size), "omnicheck");
  std::string why;
  for (const char* path : {"/", "/impressum", "/a/b/c.html?x=1&y=%2F", "/%E2%82%AC/*$", ""}) {
    (void)policy.allowed(path, &why);
  }
  (void)policy.crawl_delay_seconds();
  return 0;
}

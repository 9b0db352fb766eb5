// Tests that drive a real Chromium: skipped when none is installed, unless
// OMNICHECK_BROWSER_TESTS=1 (CI), where a missing browser fails the test.
#pragma once

#include <cstdlib>
#include <string>

#include "render/render.h"

namespace omnicheck::testing {

inline bool browser_tests_required() {
  const char* v = std::getenv("OMNICHECK_BROWSER_TESTS");
  return v && std::string(v) == "1";
}

}  // namespace omnicheck::testing

#define OMNICHECK_REQUIRE_BROWSER()                                                          \
  do {                                                                                       \
    if (omnicheck::render::find_browser().empty()) {                                         \
      if (omnicheck::testing::browser_tests_required())                                      \
        FAIL() << "OMNICHECK_BROWSER_TESTS=1 but no Chromium found";                         \
      GTEST_SKIP() << "no Chromium installed";                                               \
    }                                                                                        \
  } while (0)

// Which part of a page an element belongs to (private to the html stage).
#pragma once
#include <string>

namespace omnicheck::html {
// Region of an element from its tag, ARIA role and id/class names; `inherited` when the
// element itself says nothing. Regions: header, nav, main, footer, aside, consent.
std::string classify_region(const std::string& tag, const char* role, const char* id,
                            const char* cls, const std::string& inherited);
}  // namespace omnicheck::html

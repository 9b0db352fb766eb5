// UTF-8 validity and repair (private to the html stage).
#pragma once
#include <string>
#include <string_view>

namespace omnicheck::html {
bool is_valid_utf8(std::string_view s);
// Replaces every invalid sequence with U+FFFD so later stages can trust the text.
std::string sanitize_utf8(std::string_view s);
}  // namespace omnicheck::html

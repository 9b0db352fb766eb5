// Converting body text from its declared charset to UTF-8 (private to the mail stage).
#pragma once

#include <string>
#include <string_view>

namespace omnicheck::mail {

// Converts `bytes` from `charset` (a MIME charset label, may be empty when none was declared)
// to valid UTF-8. Never fails: undecodable bytes become U+FFFD and an unknown charset is
// treated like an undeclared one.
std::string convert_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace omnicheck::mail

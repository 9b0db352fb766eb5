// UTF-8 repair for text that leaves the mail stage (private to the mail stage).
#pragma once

#include <string>
#include <string_view>

namespace omnicheck::mail {

bool is_valid_utf8(std::string_view bytes);

// Copies `bytes`, replacing each ill-formed sequence (maximal subpart, as the Unicode standard
// recommends) with U+FFFD, so later stages and every report writer can trust the text.
std::string valid_utf8(std::string_view bytes);

}  // namespace omnicheck::mail

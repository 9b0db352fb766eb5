// Converting body text from its declared charset to UTF-8 (private to the mail stage).
#pragma once

#include <string>
#include <string_view>

namespace omnicheck::mail {

// Converts `bytes` from `charset` (a MIME charset label, may be empty when none was declared)
// to valid UTF-8. Never fails: undecodable bytes become U+FFFD and an unknown charset is
// treated like an undeclared one.
std::string convert_to_utf8(std::string_view bytes, std::string_view charset);

// Keeps the converter for `charset` (to UTF-8) loaded for the rest of the process. glibc
// unloads a charset's gconv module when its last descriptor is closed and loads it again
// (dlopen, relocation) on the next open, which costs more than converting a message; GMime
// opens and closes one per encoded word and per body. Thread-safe; cheap after the first call
// for a charset.
void keep_charset_loaded(std::string_view charset);

// keep_charset_loaded() for every charset named by an RFC 2047 encoded word ("=?charset?...")
// in a raw header value.
void keep_encoded_word_charsets_loaded(std::string_view raw_header_value);

}  // namespace omnicheck::mail

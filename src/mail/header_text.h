// Header values as text: unfolding for evidence, RFC 2047 decoding for display, message ids
// (private to the mail stage).
#pragma once

#include <gmime/gmime.h>

#include <string>
#include <string_view>
#include <vector>

namespace omnicheck::mail {

// RFC 5322 unfolding (a line break followed by white space is removed, the white space kept),
// then leading and trailing white space trimmed. Bytes are not decoded: this is the evidence.
std::string unfold_header_value(std::string_view raw);

// Raw header bytes as valid UTF-8: UTF-8 stays as is, other 8-bit text goes through GMime's
// fallback charsets. Encoded-words are left alone.
std::string raw_header_text(GMimeParserOptions* options, std::string_view raw);

// Unstructured text (Subject): encoded-words decoded, folding removed, UTF-8.
std::string decode_unstructured(GMimeParserOptions* options, const std::string& raw);

// A single msg-id (Message-ID) without angle brackets; empty when there is none.
std::string decode_message_id(const std::string& raw);

// All msg-ids of In-Reply-To or References, in order, without angle brackets.
std::vector<std::string> decode_message_id_list(GMimeParserOptions* options,
                                                const std::string& raw);

}  // namespace omnicheck::mail

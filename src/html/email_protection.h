// Cloudflare's e-mail address obfuscation (private to the html stage). Sites behind Cloudflare
// have every address on the page rewritten to "[email protected]" with the address XOR-encoded
// in data-cfemail="…" or in a link to /cdn-cgi/l/email-protection#…; the visitor's browser
// decodes it with a script. A person sees the address, so the page text gets it back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace omnicheck::html {

// Decodes Cloudflare's hex encoding: the first byte is the key, every further byte XOR the key
// is the address. nullopt unless the result is a plausible address (printable ASCII with one @).
std::optional<std::string> decode_cloudflare_email(std::string_view hex);

// The encoded part of an e-mail-protection link ("/cdn-cgi/l/email-protection#5a38…"), or "".
std::string_view cloudflare_link_payload(std::string_view href);

}  // namespace omnicheck::html

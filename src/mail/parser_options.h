// The GMime parser options the mail stage parses with (private to the mail stage).
#pragma once

#include <gmime/gmime.h>

#include <memory>

namespace omnicheck::mail {

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const noexcept {
    if (options != nullptr) g_mime_parser_options_free(options);
  }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// Loose RFC compliance (real merchant mail is often malformed) and a fallback charset list for
// raw 8-bit header text: UTF-8 first, then the legacy encodings of the EU markets we audit.
ParserOptionsPtr make_parser_options();

}  // namespace omnicheck::mail

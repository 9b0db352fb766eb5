#include "mail/parser_options.h"

#include "mail/gmime_init.h"

namespace omnicheck::mail {

ParserOptionsPtr make_parser_options() {
  ensure_gmime_initialized();
  ParserOptionsPtr options(g_mime_parser_options_new());
  g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  // GMime tries these in order on raw 8-bit header bytes and keeps the first that converts.
  const char* fallback[] = {"utf-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
  return options;
}

}  // namespace omnicheck::mail

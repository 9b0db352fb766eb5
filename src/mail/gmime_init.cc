#include "mail/gmime_init.h"

#include <gmime/gmime.h>

#include <mutex>

#include "mail/charset_conversion.h"

namespace omnicheck::mail {

void ensure_gmime_initialized() {
  // g_mime_init() is not reentrant and GMime offers no "already initialised" query, so the
  // stage owns the single call. GMime is never shut down: other threads may still be parsing
  // when a static destructor would run.
  static std::once_flag once;
  std::call_once(once, [] {
    g_mime_init();
    // The parser's fallback for raw 8-bit headers (parser_options.cc).
    keep_charset_loaded("windows-1252");
  });
}

}  // namespace omnicheck::mail

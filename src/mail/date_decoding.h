// The Date header as an instant and a zone (private to the mail stage).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace omnicheck::mail {

struct HeaderDate {
  std::int64_t utc_seconds = 0;  // seconds since the epoch
  int tz_offset_minutes = 0;     // zone written in the header, east of UTC positive
};

// Parses an RFC 5322 (or obsolete RFC 822) date with GMime's lenient date parser. nullopt when
// GMime cannot make a date of it, and also when the header has no time of day or GMime's time
// differs from the one written: GMime then falls back to midnight, and a made-up time would
// silently corrupt response-time arithmetic.
// The same when the header writes a four-digit year GMime read otherwise ("0000" becomes 2000
// there, as two-digit years do).
std::optional<HeaderDate> decode_date(const std::string& raw);

// The four-digit year the header writes (its first stand-alone four-digit number outside
// comments), or nullopt.
std::optional<int> written_year(const std::string& raw);

}  // namespace omnicheck::mail

// Helpers shared by the mail corpus tests: civil time arithmetic and address formatting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mail/mail.h"

namespace omnicheck::mail::testing {

// Seconds since the epoch of a UTC civil time, independent of the process time zone.
inline std::int64_t utc_seconds(int year, int month, int day, int hour, int minute, int second) {
  // Howard Hinnant's days_from_civil algorithm.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * static_cast<unsigned>(month + (month > 2 ? -3 : 9)) + 2) / 5 +
                               static_cast<unsigned>(day) - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const std::int64_t days = era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

inline std::string describe(const std::vector<Address>& list) {
  std::string out = "[";
  for (const auto& a : list) {
    if (out.size() > 1) out += ", ";
    out += "{\"" + a.name + "\" <" + a.address + ">}";
  }
  return out + "]";
}

inline bool same_addresses(const std::vector<Address>& a, const std::vector<Address>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].address != b[i].address) return false;
  }
  return true;
}

}  // namespace omnicheck::mail::testing

#include "mail/date_decoding.h"

#include <gmime/gmime.h>

#include <cctype>
#include <string_view>

namespace omnicheck::mail {
namespace {

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  int second = -1;  // -1 when the header gives none
};

bool digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

// A time token stands alone: "b0:45c" inside a host name or an IPv6 address is not a time.
bool token_edge(std::string_view s, std::size_t i) {
  return i >= s.size() || (!std::isalnum(static_cast<unsigned char>(s[i])) && s[i] != ':');
}

int two_digits(std::string_view s, std::size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }

// The date with RFC 5322 comments (nestable parentheses) removed, so "(12:00 CET)" is not
// mistaken for the time.
std::string without_comments(std::string_view raw) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (depth > 0 && c == '\\') {
      ++i;  // quoted-pair inside a comment
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// The first stand-alone h:mm or hh:mm[:ss] in the header.
std::optional<TimeOfDay> written_time(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!digit_at(s, i) || (i > 0 && !token_edge(s, i - 1))) continue;
    const std::size_t hour_digits = digit_at(s, i + 1) ? 2 : 1;
    const std::size_t colon = i + hour_digits;
    if (colon >= s.size() || s[colon] != ':' || !digit_at(s, colon + 1) ||
        !digit_at(s, colon + 2)) {
      continue;
    }
    TimeOfDay time;
    time.hour = hour_digits == 2 ? two_digits(s, i) : s[i] - '0';
    time.minute = two_digits(s, colon + 1);
    const std::size_t second_colon = colon + 3;
    std::size_t end = second_colon;
    if (second_colon < s.size() && s[second_colon] == ':' && digit_at(s, second_colon + 1) &&
        digit_at(s, second_colon + 2)) {
      time.second = two_digits(s, second_colon + 1);
      end = second_colon + 3;
    }
    if (token_edge(s, end)) return time;
  }
  return std::nullopt;
}

bool same_time(GDateTime* parsed, const TimeOfDay& written) {
  return g_date_time_get_hour(parsed) == written.hour &&
         g_date_time_get_minute(parsed) == written.minute &&
         (written.second < 0 || g_date_time_get_second(parsed) == written.second);
}

}  // namespace

std::optional<int> written_year(const std::string& raw) {
  const std::string s = without_comments(raw);
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) || !digit_at(s, i) || !digit_at(s, i + 1) ||
        !digit_at(s, i + 2) || !digit_at(s, i + 3) || (i + 4 < s.size() && (std::isalnum(static_cast<unsigned char>(s[i + 4])) || s[i + 4] == ':'))) {
      continue;
    }
    if (i > 0 && (s[i - 1] == '+' || s[i - 1] == '-' || s[i - 1] == ':')) continue;  // a zone "+0200", not a year
    return two_digits(s, i) * 100 + two_digits(s, i + 2);
  }
  return std::nullopt;
}

std::optional<HeaderDate> decode_date(const std::string& raw) {
  const auto written = written_time(without_comments(raw));
  if (!written) return std::nullopt;
  GDateTime* parsed = g_mime_utils_header_decode_date(raw.c_str());
  if (parsed == nullptr) return std::nullopt;
  std::optional<HeaderDate> date;
  const auto year = written_year(raw);
  if (same_time(parsed, *written) && (!year || *year == g_date_time_get_year(parsed))) {
    date = HeaderDate{g_date_time_to_unix(parsed),
                      static_cast<int>(g_date_time_get_utc_offset(parsed) / G_TIME_SPAN_MINUTE)};
  }
  g_date_time_unref(parsed);
  return date;
}

}  // namespace omnicheck::mail

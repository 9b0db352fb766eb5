// Which URLs a report may turn into links. Evidence URLs and even law URLs end up in href
// attributes and SARIF artifact URIs, where a javascript: or data: URL would run code in the
// reader's browser or viewer; everything else is shown as text only.
#include <algorithm>
#include <cctype>

#include "report/report_internal.h"

namespace omnicheck::report::detail {
namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

// Browsers strip leading C0 controls and spaces and delete tabs and newlines anywhere in a URL
// before they read its scheme; a URL holding any of them is refused rather than reasoned about.
bool has_space_or_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F;
  });
}

}  // namespace

bool is_http_url(std::string_view url) {
  return !has_space_or_control(url) &&
         (starts_with_nocase(url, "http://") || starts_with_nocase(url, "https://"));
}

bool is_artifact_url(std::string_view url) {
  return is_http_url(url) || (!has_space_or_control(url) && starts_with_nocase(url, "file://"));
}

}  // namespace omnicheck::report::detail

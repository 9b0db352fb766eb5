#include "html/region_classifier.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace omnicheck::html {
namespace {

std::string lower(const char* s) {
  std::string out = s ? s : "";
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Whether one of the space/dash/underscore separated tokens of `names` starts with `word`
// ("site-footer", "footer__links", "main-nav" all count; "navigation-arrow" for carousels does
// not, hence tokens and a short deny list rather than substring search).
bool has_token(const std::string& names, std::string_view word) {
  std::size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && !std::isalnum(static_cast<unsigned char>(names[i]))) ++i;
    std::size_t j = i;
    while (j < names.size() && std::isalnum(static_cast<unsigned char>(names[j]))) ++j;
    std::string_view tok(names.data() + i, j - i);
    if (tok == word) return true;
    i = j;
  }
  return false;
}

}  // namespace

std::string classify_region(const std::string& tag, const char* role_c, const char* id_c,
                            const char* cls_c, const std::string& inherited) {
  // A consent banner inside the footer is still a consent banner; nothing overrides it.
  if (inherited == "consent") return inherited;
  std::string role = lower(role_c);
  std::string names = lower(id_c) + " " + lower(cls_c);
  for (std::string_view w : {"cookie", "cookies", "consent", "gdpr", "cookiebanner", "cmp", "onetrust", "didomi",
                             "cookiebot", "tarteaucitron"}) {
    if (has_token(names, w)) return "consent";
  }
  if (tag == "footer" || role == "contentinfo") return "footer";
  if (tag == "nav" || role == "navigation") return inherited == "footer" ? "footer" : "nav";
  if (tag == "aside" || role == "complementary") return inherited.empty() || inherited == "main" ? "aside" : inherited;
  if (tag == "main" || role == "main") return "main";
  // <header> inside <article> is a section heading, not the page header (HTML standard).
  if ((tag == "header" && (inherited.empty() || inherited == "main")) || role == "banner") return "header";
  if (inherited == "main" || inherited.empty()) {
    if (has_token(names, "footer") || has_token(names, "foot") || has_token(names, "colophon") ||
        has_token(names, "pied") || has_token(names, "fusszeile")) {
      return "footer";
    }
    if (has_token(names, "header") || has_token(names, "masthead") || has_token(names, "topbar")) return "header";
    if (has_token(names, "nav") || has_token(names, "navbar") || has_token(names, "menu") ||
        has_token(names, "navigation") || has_token(names, "megamenu")) {
      return "nav";
    }
  }
  return inherited.empty() ? "main" : inherited;
}

}  // namespace omnicheck::html

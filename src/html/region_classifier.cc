#include "html/region_classifier.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace omnicheck::html {
namespace {

std::string lower(const char* s) {
  std::string out = s ? s : "";
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The space/dash/underscore separated tokens of an element's id and class, lower-cased, cut
// once per element. A name counts when one of its tokens equals the word ("site-footer",
// "footer__links", "main-nav" all count; "navigation-arrow" for carousels does not, hence
// tokens and a short deny list rather than substring search).
class NameTokens {
 public:
  NameTokens(const char* id, const char* cls) : names_(lower(id) + " " + lower(cls)) { cut(); }
  NameTokens(const NameTokens&) = delete;  // tokens_ point into this object's names_
  NameTokens& operator=(const NameTokens&) = delete;
  bool has(std::string_view word) const {
    return std::find(tokens_.begin(), tokens_.end(), word) != tokens_.end();
  }
  bool has_any(std::initializer_list<std::string_view> words) const {
    return std::any_of(words.begin(), words.end(), [this](std::string_view w) { return has(w); });
  }
  // A token that contains the word: BEM and camel-case names glue it to another ("siteCookies__form"
  // on Shoptet, "cookiebar", "cookienotice").
  bool has_part(std::string_view w) const {
    return std::any_of(tokens_.begin(), tokens_.end(), [w](std::string_view t) { return t.find(w) != std::string_view::npos; });
  }

 private:
  void cut() {
    std::size_t i = 0;
    while (i < names_.size()) {
      while (i < names_.size() && !std::isalnum(static_cast<unsigned char>(names_[i]))) ++i;
      std::size_t j = i;
      while (j < names_.size() && std::isalnum(static_cast<unsigned char>(names_[j]))) ++j;
      if (j > i) tokens_.emplace_back(names_.data() + i, j - i);
      i = j;
    }
  }
  std::string names_;
  std::vector<std::string_view> tokens_;  // views into names_, which never changes after construction
};

}  // namespace

std::string classify_region(const std::string& tag, const char* role_c, const char* id_c,
                            const char* cls_c, const std::string& inherited) {
  // A consent banner inside the footer is still a consent banner; nothing overrides it.
  if (inherited == "consent") return inherited;
  std::string role = lower(role_c);
  NameTokens names(id_c, cls_c);
  if (names.has_any({"cookie", "cookies", "consent", "gdpr", "cookiebanner", "cmp", "onetrust", "didomi", "cookiebot",
                     "tarteaucitron"}) ||
      names.has_part("cookie")) {
    return "consent";
  }
  if (tag == "footer" || role == "contentinfo") return "footer";
  if (tag == "nav" || role == "navigation") return inherited == "footer" ? "footer" : "nav";
  if (tag == "aside" || role == "complementary") return inherited.empty() || inherited == "main" ? "aside" : inherited;
  if (tag == "main" || role == "main") return "main";
  // <header> inside <article> is a section heading, not the page header (HTML standard).
  if ((tag == "header" && (inherited.empty() || inherited == "main")) || role == "banner") return "header";
  if (inherited == "main" || inherited.empty()) {
    if (names.has_any({"footer", "foot", "colophon", "pied", "fusszeile"})) return "footer";
    if (names.has_any({"header", "masthead", "topbar"})) return "header";
    if (names.has_any({"nav", "navbar", "menu", "navigation", "megamenu"})) return "nav";
  }
  return inherited.empty() ? "main" : inherited;
}

bool is_product_tile(const char* itemtype, const char* id_c, const char* cls_c) {
  if (itemtype) {
    std::string t = lower(itemtype);
    // "https://schema.org/Product", not ProductGroup/ProductModel lists or an Offer.
    std::size_t at = t.find("schema.org/product");
    if (at != std::string::npos) {
      std::size_t end = at + std::string_view("schema.org/product").size();
      if (end == t.size() || !std::isalnum(static_cast<unsigned char>(t[end]))) return true;
    }
  }
  if ((!id_c || !*id_c) && (!cls_c || !*cls_c)) return false;
  NameTokens names(id_c, cls_c);
  if (!names.has_part("product")) return false;
  for (std::string_view not_a_tile : {"categor", "nav", "menu", "filter", "breadcrumb", "search", "compare",
                                      "wishlist", "cart", "basket", "review", "detail", "gallery"}) {
    if (names.has_part(not_a_tile)) return false;
  }
  return true;
}

}  // namespace omnicheck::html

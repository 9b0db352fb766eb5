// Role of a link from its visible text and its URL path, in every lexicon language at once
// (shops mix languages: "Impressum" on English pages, "Contact" on French ones).
#include <algorithm>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

bool text_has_word(const std::string& folded_text, const std::string& word) {
  if (word.empty()) return false;
  std::size_t pos = 0;
  while ((pos = folded_text.find(word, pos)) != std::string::npos) {
    auto is_word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); };
    bool left = pos == 0 || !is_word_char(folded_text[pos - 1]);
    std::size_t end = pos + word.size();
    bool right = end >= folded_text.size() || !is_word_char(folded_text[end]);
    if (left && right) return true;
    pos = end;
  }
  return false;
}

}  // namespace

std::string classify_link(const SitePatterns& sp, const std::string& text, const std::string& url) {
  // Order matters: "Impressum & Kontakt" is a legal-notice link first.
  static const char* const kOrder[] = {"legal_notice", "contact", "customer_service", "terms",
                                       "shipping_returns", "faq", "privacy", "about"};
  std::string t = fold(squeeze(text));
  if (!t.empty() && t.size() <= 80) {
    // Exact label first: a link whose whole text is a lexicon entry.
    for (const char* role : kOrder) {
      for (const auto& w : sp.link_words.at(role)) {
        if (t == w) return role;
      }
    }
    for (const char* role : kOrder) {
      for (const auto& w : sp.link_words.at(role)) {
        if (w.size() >= 4 && text_has_word(t, w)) return role;
      }
    }
  }
  std::string path = fold(fetch::url_path(url));
  auto slash = path.find_last_of('/');
  std::string last = slash == std::string::npos ? path : path.substr(slash + 1);
  if (last.empty() && slash != std::string::npos && slash > 0) {
    auto prev = path.find_last_of('/', slash - 1);
    last = path.substr(prev + 1, slash - prev - 1);
  }
  auto dot = last.rfind('.');
  if (dot != std::string::npos) last = last.substr(0, dot);
  if (last.empty()) return {};
  for (const char* role : kOrder) {
    for (const auto& slug : sp.url_slugs.at(role)) {
      if (last == slug) return role;
    }
  }
  return {};
}

struct LinkRoles::Impl {
  explicit Impl(const Lexicon& lex) : patterns(lex) {}
  SitePatterns patterns;
};

LinkRoles::LinkRoles(const Lexicon& lex) : impl_(std::make_unique<Impl>(lex)) {}
LinkRoles::~LinkRoles() = default;

std::string LinkRoles::classify(const std::string& text, const std::string& url) const {
  return classify_link(impl_->patterns, text, url);
}

bool LinkRoles::utility(const std::string& url) const {
  const auto& slugs = impl_->patterns.url_slugs.at("utility");
  std::string path = fold(fetch::url_path(url));
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(pos, end - pos);
    if (auto dot = seg.rfind('.'); dot != std::string::npos) seg.erase(dot);
    if (!seg.empty() && std::find(slugs.begin(), slugs.end(), seg) != slugs.end()) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace omnicheck::extract

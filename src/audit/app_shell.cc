#include "audit/app_shell.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace omnicheck::audit {
namespace {

// A shell has a title and a loading notice at most; a real page, even a short legal notice,
// has hundreds of characters.
constexpr std::size_t kShellTextChars = 200;
// A legal-notice or contact page whose main part has fewer characters than this shows nothing
// but a heading: its text is loaded by a script (a legal-text widget, a contact-form plugin).
// Real contact pages are short (200 characters and a form are common), so the bar is low.
constexpr std::size_t kEmptyRolePageChars = 40;
// Markers are looked for in the head of the served bytes: shells are small.
constexpr std::size_t kScanBytes = 512 * 1024;

std::size_t visible_chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += !std::isspace(c) && (c & 0xC0) != 0x80;
  return n;
}

std::string lower(std::string_view s) {
  std::string out(s.substr(0, std::min(s.size(), kScanBytes)));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The mount points of the common client-side frameworks (React, Vue, Angular, Next, Nuxt,
// Gatsby, Svelte, Ember), written as the frameworks' starter templates write them.
std::string app_root(const std::string& html) {
  static const std::vector<std::pair<const char*, const char*>> kRoots = {
      {"id=\"root\"", "id=\"root\""},       {"id=\"app\"", "id=\"app\""},         {"id=\"__next\"", "id=\"__next\""},
      {"id=\"__nuxt\"", "id=\"__nuxt\""},   {"id=\"___gatsby\"", "id=\"___gatsby\""}, {"id=\"svelte\"", "id=\"svelte\""},
      {"id='root'", "id=\"root\""},         {"id='app'", "id=\"app\""},           {"<app-root", "<app-root>"},
      {"ng-app", "ng-app"},                 {"data-reactroot", "data-reactroot"}, {"data-v-app", "data-v-app"},
      {"class=\"ember-application", "ember-application"}};
  for (const auto& [needle, name] : kRoots) {
    if (html.find(needle) != std::string::npos) return name;
  }
  return "";
}

std::string json_state(const std::string& html) {
  for (const char* name : {"__next_data__", "__nuxt__", "__initial_state__", "__apollo_state__", "__preloaded_state__",
                           "__remixcontext", "application/json"}) {
    if (html.find(name) != std::string::npos) return name;
  }
  return "";
}

bool noscript_notice(const std::string& html) {
  for (std::size_t at = html.find("<noscript"); at != std::string::npos; at = html.find("<noscript", at + 1)) {
    std::size_t end = html.find("</noscript", at);
    std::string_view inside = std::string_view(html).substr(at, end == std::string::npos ? 2000 : end - at);
    if (inside.find("javascript") != std::string_view::npos) return true;
  }
  return false;
}

std::size_t main_chars(const html::Document& doc) {
  std::size_t n = 0;
  for (const auto& b : doc.blocks) {
    if (b.region == "main" && b.end > b.begin && b.end <= doc.text.size()) {
      n += visible_chars(std::string_view(doc.text).substr(b.begin, b.end - b.begin));
    }
  }
  return n;
}

}  // namespace

ServedPageSigns served_page_signs(const fetch::Page& page, const html::Document& doc, bool is_home,
                                  const std::string& role, bool role_links) {
  ServedPageSigns out;
  if (doc.scripts.empty()) return out;  // nothing will ever add to what was served
  const std::size_t chars = visible_chars(doc.text);
  const std::string html = lower(page.body);
  if (chars < kShellTextChars) {
    std::vector<std::string> signs = {std::to_string(chars) + " characters of text"};
    bool app_like = false;
    if (std::string root = app_root(html); !root.empty()) {
      signs.push_back("an app root (" + root + ")");
      app_like = true;
    }
    if (noscript_notice(html)) {
      signs.push_back("a notice asking for JavaScript");
      app_like = true;
    }
    if (std::string state = json_state(html); !state.empty()) {
      signs.push_back("content in JSON state (" + state + ")");
      app_like = true;
    }
    if (doc.links.empty()) {
      signs.push_back("no link");
      app_like = true;
    }
    if (app_like) {
      out.shell = "app shell: ";
      for (std::size_t i = 0; i < signs.size(); ++i) out.shell += (i ? ", " : "") + signs[i];
      return out;
    }
  }
  const bool consent_wall = std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const html::Block& b) { return b.region == "consent"; });
  const bool footer = std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const html::Block& b) { return b.region == "footer"; });
  if (is_home && !role_links && (consent_wall || !footer)) {
    // A consent wall or a missing footer is where shops load their legal links late.
    out.missing = std::string("the served home page links no legal notice and no contact page and ") +
                  (consent_wall ? "shows a consent banner" : "has no footer");
  } else if ((role == "legal_notice" || role == "contact" || role == "customer_service") &&
             main_chars(doc) < kEmptyRolePageChars) {
    out.missing = "the served " + role + " page has " + std::to_string(main_chars(doc)) + " characters of main text";
  }
  return out;
}

}  // namespace omnicheck::audit

// A tag scanner, not a parser: it only has to be cheap, linear and never under-count real
// nesting by much. Written by hand because Gumbo offers no depth limit and no tokenizer API.
#include "html/nesting_guard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace omnicheck::html {
namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':'; }

// Void elements, and elements whose end tag the parser supplies when a sibling starts.
bool uncounted(const std::string& tag) {
  static const std::array<std::string_view, 32> kTags = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp",
      "a", "colgroup", "caption"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

}  // namespace

std::size_t nesting_cut(std::string_view html, int max_depth, int max_attributes) {
  int depth = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    std::size_t at = i;
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t b = i + (closing ? 2 : 1);
    std::size_t e = b;
    while (e < html.size() && name_char(html[e])) ++e;
    if (e == b) {
      ++i;
      continue;
    }
    std::string tag(html.substr(b, e - b));
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // The tag's end, past quoted values, counting its attributes: Gumbo checks each new
    // attribute against all before it, so 250,000 on one element took minutes.
    std::size_t gt = e;
    int attributes = 0;
    bool in_token = false;
    char quote = 0;
    for (; gt < html.size(); ++gt) {
      const char c = html[gt];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') break;
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        in_token = false;
      } else if (!in_token) {
        in_token = true;
        if (c != '=' && c != '/' && ++attributes > max_attributes) return at;
      }
    }
    if (gt >= html.size()) break;
    i = gt + 1;
    if (!closing && (tag == "script" || tag == "style" || tag == "textarea" || tag == "title")) {
      // Raw text: no tags inside until its own end tag.
      std::size_t end = i;
      std::string close = "</" + tag;
      while ((end = html.find("</", end)) != std::string_view::npos) {
        std::string candidate(html.substr(end, close.size()));
        std::transform(candidate.begin(), candidate.end(), candidate.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (candidate == close) break;
        end += 2;
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (uncounted(tag) || (gt > 0 && html[gt - 1] == '/')) continue;
    if (closing) {
      depth = std::max(0, depth - 1);
    } else if (++depth > max_depth) {
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace omnicheck::html

#include "html/page_styles.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace omnicheck::html {
namespace {

std::string lower_trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out(s.substr(b, e - b));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

bool has_class(const GumboElement& el, const std::string& cls) {
  const char* c = attr(el, "class");
  if (!c) return false;
  std::string_view all(c);
  std::size_t i = 0;
  while (i < all.size()) {
    while (i < all.size() && std::isspace(static_cast<unsigned char>(all[i]))) ++i;
    std::size_t j = i;
    while (j < all.size() && !std::isspace(static_cast<unsigned char>(all[j]))) ++j;
    if (j - i == cls.size() && std::equal(cls.begin(), cls.end(), all.begin() + static_cast<std::ptrdiff_t>(i),
                                          [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
      return true;
    }
    i = j;
  }
  return false;
}

// A length in px (em/rem at 16px, percentages and viewport units at 10px per unit); false when
// the value is not a plain length.
bool length_px(const std::string& v, double* px) {
  char* end = nullptr;
  double n = std::strtod(v.c_str(), &end);
  if (end == v.c_str()) return false;
  std::string unit(end);
  unit.erase(std::remove_if(unit.begin(), unit.end(), [](unsigned char c) { return std::isspace(c); }), unit.end());
  if (unit.empty() || unit == "px") *px = n;
  else if (unit == "em" || unit == "rem") *px = n * 16;
  else if (unit == "%" || unit == "vw" || unit == "vh") *px = n * 10;  // off-screen at -100% and beyond
  else return false;
  return true;
}

bool is_zero(const std::string& v) {
  double px = 1;
  return length_px(v, &px) && px == 0;
}

// Whether the value of one of the hiding properties hides (display:none, opacity:0…).
bool hides(const std::string& prop, const std::string& value) {
  if (prop == "display") return value == "none";
  if (prop == "visibility") return value == "hidden" || value == "collapse";
  if (prop == "opacity") return is_zero(value);
  if (prop == "font-size") return is_zero(value);
  return false;
}

}  // namespace

Declarations parse_declarations(std::string_view block) {
  Declarations out;
  std::size_t i = 0;
  while (i < block.size()) {
    std::size_t semi = block.find(';', i);
    if (semi == std::string_view::npos) semi = block.size();
    std::string_view d = block.substr(i, semi - i);
    i = semi + 1;
    std::size_t colon = d.find(':');
    if (colon == std::string_view::npos) continue;
    std::string prop = lower_trim(d.substr(0, colon));
    std::string value = lower_trim(d.substr(colon + 1));
    if (auto imp = value.find("!important"); imp != std::string::npos) value = lower_trim(value.substr(0, imp));
    if (!prop.empty()) out.emplace_back(std::move(prop), std::move(value));
  }
  return out;
}

std::string hiding_declaration(const Declarations& decls) {
  bool positioned = false;
  for (const auto& [p, v] : decls) {
    if (p == "position" && (v == "absolute" || v == "fixed")) positioned = true;
  }
  for (const auto& [p, v] : decls) {
    if (hides(p, v)) return p + ":" + v;
    double px = 0;
    // Moved far off-screen: the classic ways of hiding text from eyes while keeping it in the page.
    if ((p == "text-indent" || (positioned && (p == "left" || p == "top" || p == "margin-left"))) && length_px(v, &px) &&
        px <= -999) {
      return p + ":" + v + " (off-screen)";
    }
  }
  return "";
}

std::string normalize_color(std::string_view raw) {
  std::string v = lower_trim(raw);
  static const std::pair<const char*, const char*> named[] = {
      {"white", "#ffffff"}, {"black", "#000000"}, {"red", "#ff0000"},   {"green", "#008000"}, {"blue", "#0000ff"},
      {"gray", "#808080"},  {"grey", "#808080"},  {"silver", "#c0c0c0"}, {"yellow", "#ffff00"}, {"navy", "#000080"}};
  for (const auto& [n, hex] : named) {
    if (v == n) return hex;
  }
  char buf[8];
  if (v.size() == 4 && v[0] == '#' && std::all_of(v.begin() + 1, v.end(), ::isxdigit)) {
    std::snprintf(buf, sizeof buf, "#%c%c%c%c%c%c", v[1], v[1], v[2], v[2], v[3], v[3]);
    return buf;
  }
  if (v.size() == 7 && v[0] == '#' && std::all_of(v.begin() + 1, v.end(), ::isxdigit)) return v;
  if (v.rfind("rgb(", 0) == 0 || v.rfind("rgba(", 0) == 0) {
    std::string inner = v.substr(v.find('(') + 1);
    for (auto& c : inner) {
      if (c == ',' || c == '/' || c == ')') c = ' ';
    }
    int r = -1, g = -1, b = -1;
    double a = 1;
    int n = std::sscanf(inner.c_str(), "%d %d %d %lf", &r, &g, &b, &a);
    if (n >= 3 && r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255 && a >= 1) {
      std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
      return buf;
    }
  }
  return "";
}

PageStyles PageStyles::collect(const GumboNode* document) {
  PageStyles styles;
  // Iterative walk: the page may nest deeply.
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* kids = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      kids = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& el = n->v.element;
      if (el.tag == GUMBO_TAG_NOSCRIPT || el.tag == GUMBO_TAG_TEMPLATE || el.tag == GUMBO_TAG_SVG) continue;
      if (el.tag == GUMBO_TAG_STYLE) {
        for (unsigned i = 0; i < el.children.length; ++i) {
          const auto* t = static_cast<const GumboNode*>(el.children.data[i]);
          if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_WHITESPACE || t->type == GUMBO_NODE_CDATA) {
            styles.add_sheet(t->v.text.text);
          }
        }
        continue;
      }
      kids = &el.children;
    }
    if (!kids) continue;
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
  }
  styles.index();
  return styles;
}

void PageStyles::index() {
  std::vector<Rule> kept;
  for (auto& r : rules_) {
    bool relevant = false;
    for (const auto& d : r.decls) {
      for (std::string_view p : {"display", "visibility", "opacity", "font-size", "text-indent", "left", "top",
                                 "margin-left", "position"}) {
        if (d.first == p) relevant = true;
      }
    }
    if (relevant) kept.push_back(std::move(r));
  }
  rules_ = std::move(kept);
  by_key_.clear();
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const Rule& r = rules_[i];
    std::string key = !r.classes.empty() ? "." + r.classes[0] : !r.id.empty() ? "#" + r.id : r.tag;
    by_key_[key].push_back(i);
  }
}

std::vector<std::string> PageStyles::element_keys(const GumboElement& el) const {
  std::vector<std::string> keys;
  if (el.tag != GUMBO_TAG_UNKNOWN) keys.emplace_back(gumbo_normalized_tagname(el.tag));
  if (const char* id = attr(el, "id")) keys.push_back("#" + lower_trim(id));
  if (const char* c = attr(el, "class")) {
    std::string all = lower_trim(c);
    std::size_t i = 0;
    while (i < all.size()) {
      while (i < all.size() && std::isspace(static_cast<unsigned char>(all[i]))) ++i;
      std::size_t j = i;
      while (j < all.size() && !std::isspace(static_cast<unsigned char>(all[j]))) ++j;
      if (j > i) keys.push_back("." + all.substr(i, j - i));
      i = j;
    }
  }
  return keys;
}

std::vector<const PageStyles::Rule*> PageStyles::matching(const GumboElement& el) const {
  std::vector<const Rule*> out;
  if (rules_.empty()) return out;
  std::vector<std::size_t> idx;
  for (const auto& k : element_keys(el)) {
    auto it = by_key_.find(k);
    if (it == by_key_.end()) continue;
    for (std::size_t i : it->second) {
      if (matches(rules_[i], el)) idx.push_back(i);
    }
  }
  std::sort(idx.begin(), idx.end());
  idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
  for (std::size_t i : idx) out.push_back(&rules_[i]);
  return out;
}

void PageStyles::add_sheet(std::string_view css_in) {
  std::string css;
  css.reserve(css_in.size());
  for (std::size_t i = 0; i < css_in.size(); ++i) {  // comments out
    if (css_in[i] == '/' && i + 1 < css_in.size() && css_in[i + 1] == '*') {
      std::size_t e = css_in.find("*/", i + 2);
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    css += css_in[i];
  }
  // Blocks: "prelude { body }". An at-rule's body holds rules (@media, @supports) or is skipped.
  std::vector<bool> media;  // for each open at-rule block: conditional?
  std::size_t i = 0;
  while (i < css.size() && rules_.size() < 20000) {
    std::size_t open = css.find_first_of("{}", i);
    if (open == std::string::npos) break;
    if (css[open] == '}') {
      if (!media.empty()) media.pop_back();
      i = open + 1;
      continue;
    }
    std::string prelude = lower_trim(std::string_view(css).substr(i, open - i));
    if (auto semi = prelude.rfind(';'); semi != std::string::npos) prelude = lower_trim(prelude.substr(semi + 1));  // @import …;
    if (!prelude.empty() && prelude[0] == '@') {
      bool nests = prelude.rfind("@media", 0) == 0 || prelude.rfind("@supports", 0) == 0 ||
                   prelude.rfind("@layer", 0) == 0 || prelude.rfind("@container", 0) == 0;
      if (nests) {
        media.push_back(prelude.rfind("@layer", 0) != 0);
        i = open + 1;
        continue;
      }
      // @font-face, @keyframes…: skip the whole balanced block.
      int depth = 0;
      std::size_t j = open;
      for (; j < css.size(); ++j) {
        if (css[j] == '{') ++depth;
        else if (css[j] == '}' && --depth == 0) break;
      }
      i = j + 1;
      continue;
    }
    std::size_t close = css.find('}', open + 1);
    if (close == std::string::npos) break;
    auto decls = parse_declarations(std::string_view(css).substr(open + 1, close - open - 1));
    i = close + 1;
    bool in_media = std::find(media.begin(), media.end(), true) != media.end();
    // Each selector of the list that is one simple compound (tag, #id, .class…) becomes a rule.
    std::size_t s = 0;
    while (s <= prelude.size()) {
      std::size_t comma = prelude.find(',', s);
      if (comma == std::string::npos) comma = prelude.size();
      std::string sel = lower_trim(std::string_view(prelude).substr(s, comma - s));
      s = comma + 1;
      if (sel.empty() || sel.find_first_of(" >+~[:*()") != std::string::npos) continue;
      Rule r;
      r.in_media = in_media;
      r.decls = decls;
      std::size_t k = 0;
      bool ok = true;
      while (k < sel.size() && ok) {
        char kind = sel[k] == '.' || sel[k] == '#' ? sel[k] : 't';
        std::size_t from = kind == 't' ? k : k + 1;
        std::size_t to = sel.find_first_of(".#", from);
        if (to == std::string::npos) to = sel.size();
        std::string name = sel.substr(from, to - from);
        if (name.empty()) ok = false;
        else if (kind == '.') r.classes.push_back(name);
        else if (kind == '#') r.id = name;
        else if (k == 0) r.tag = name;
        else ok = false;
        k = to;
      }
      if (ok) rules_.push_back(std::move(r));
    }
  }
}

bool PageStyles::matches(const Rule& r, const GumboElement& el) const {
  if (!r.tag.empty()) {
    if (el.tag == GUMBO_TAG_UNKNOWN || r.tag != gumbo_normalized_tagname(el.tag)) return false;
  }
  if (!r.id.empty()) {
    const char* id = attr(el, "id");
    if (!id) return false;
    std::string lid(id);
    for (auto& c : lid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lid != r.id) return false;
  }
  for (const auto& c : r.classes) {
    if (!has_class(el, c)) return false;
  }
  return true;
}

std::string PageStyles::hidden_reason(const GumboElement& el) const {
  std::vector<const Rule*> found = matching(el);
  for (const Rule* r : found) {
    if (r->in_media) continue;
    std::string why = hiding_declaration(r->decls);
    if (why.empty()) continue;
    std::string prop = why.substr(0, why.find(':'));
    // Any other matching rule that sets the property to a showing value may win (order,
    // specificity, a media query that holds): the element counts as seen.
    bool countered = false;
    for (const Rule* o : found) {
      for (const auto& [p, v] : o->decls) {
        if (p == prop && hiding_declaration({{p, v}}).empty()) countered = true;
      }
    }
    if (countered) continue;
    std::string sel = r->tag;
    if (!r->id.empty()) sel += "#" + r->id;
    for (const auto& c : r->classes) sel += "." + c;
    return "stylesheet " + sel + "{" + why + "}";
  }
  return "";
}

std::string declared_colour(const Declarations& decls, bool background) {
  std::string out;
  for (const auto& [p, v] : decls) {
    bool prop = background ? (p == "background-color" || p == "background") : p == "color";
    if (!prop) continue;
    if (v == "transparent" || v == "none" || v == "inherit" || v == "initial" || v == "unset") {
      out = "";
      continue;
    }
    std::string c = normalize_color(v);
    if (c.empty() && p == "background" && v.find('(') == std::string::npos) c = normalize_color(v.substr(0, v.find(' ')));
    out = c.empty() ? "?" : c;
  }
  return out;
}

}  // namespace omnicheck::html

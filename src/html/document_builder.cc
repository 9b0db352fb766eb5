// Walks Gumbo's tree once and builds the Document: visible text split into blocks (each with
// its page region and a CSS-like locator a person can paste into devtools), links, forms,
// scripts and JSON-LD.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/html.h"
#include "html/region_classifier.h"
#include "html/utf8.h"

namespace omnicheck::html {
namespace {

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

std::string tag_name(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboElement& el = n->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string s(piece.data, piece.length);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HR:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_LABEL: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

bool is_skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_HEAD: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool is_hidden(const GumboElement& el) {
  if (attr(el, "hidden")) return true;
  const char* aria = attr(el, "aria-hidden");
  if (aria && std::strcmp(aria, "true") == 0) return true;
  const char* style = attr(el, "style");
  if (style) {
    std::string s(style);
    s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) return true;
  }
  return false;
}

// <del>, <s>, <strike> and inline `text-decoration: line-through` show text struck through.
bool is_struck(const GumboElement& el) {
  if (el.tag == GUMBO_TAG_DEL || el.tag == GUMBO_TAG_S || el.tag == GUMBO_TAG_STRIKE) return true;
  const char* style = attr(el, "style");
  if (!style) return false;
  std::string s(style);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s.find("line-through") != std::string::npos;
}

// A deliberately broad, cheap pre-filter on class strings: keeps what might name a price role
// in the languages the lexicons cover, so extract can judge the tokens from lexicon data
// (prices/common.json). A false keep costs one short string; a miss hides an old price.
bool may_name_price(const char* cls) {
  static const char* const kStems[] = {"pric", "prix", "preis", "cena", "ceny", "prezz", "preci", "prij",
                                       "strike", "through", "barr", "old", "was", "compare", "sale", "promo",
                                       "discount", "reduc", "regular", "uvp", "rrp", "sleva", "before", "akce", "omnibus",
                                       "lowest"};
  // This runs for every element with a class: fold the string once (into a stack buffer for the
  // usual short class strings), then let find() look for each stem.
  char small[256];
  std::string big;
  std::size_t n = std::strlen(cls);
  char* folded = small;
  if (n > sizeof small) {
    big.resize(n);
    folded = big.data();
  }
  for (std::size_t i = 0; i < n; ++i) folded[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(cls[i])));
  std::string_view s(folded, n);
  for (const char* stem : kStems) {
    if (s.find(stem) != std::string_view::npos) return true;
  }
  return false;
}

// One step of a locator: tag, #id or first class, and :nth-of-type when siblings share the tag.
std::string locator_step(const GumboNode* n) {
  const GumboElement& el = n->v.element;
  std::string step = tag_name(n);
  if (const char* id = attr(el, "id"); id && *id && !std::strchr(id, ' ')) {
    return step + "#" + id;
  }
  if (const char* cls = attr(el, "class"); cls && *cls) {
    std::string c(cls);
    auto start = c.find_first_not_of(" \t\n");
    if (start != std::string::npos) {
      auto end = c.find_first_of(" \t\n", start);
      step += "." + c.substr(start, end == std::string::npos ? std::string::npos : end - start);
    }
  }
  const GumboNode* parent = n->parent;
  if (parent && (parent->type == GUMBO_NODE_ELEMENT || parent->type == GUMBO_NODE_DOCUMENT)) {
    const GumboVector& kids = parent->type == GUMBO_NODE_ELEMENT ? parent->v.element.children
                                                                 : parent->v.document.children;
    int same = 0, index = 0;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == el.tag) {
        ++same;
        if (k == n) index = same;
      }
    }
    if (same > 1) step += ":nth-of-type(" + std::to_string(index) + ")";
  }
  return step;
}

std::string locator_of(const GumboNode* n) {
  std::vector<std::string> steps;
  for (const GumboNode* cur = n; cur && cur->type == GUMBO_NODE_ELEMENT; cur = cur->parent) {
    if (cur->v.element.tag == GUMBO_TAG_HTML) break;
    std::string step = locator_step(cur);
    steps.push_back(step);
    // An id anchors the path: shorter locators stay readable in a report.
    if (step.find('#') != std::string::npos) break;
    if (steps.size() >= 8) break;
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += *it;
  }
  return out;
}

class Builder {
 public:
  Builder(Document& doc, const std::string& base) : doc_(doc), base_(std::make_unique<fetch::UrlResolver>(base)) {}

  void walk(const GumboNode* n, const std::string& region, const GumboNode* block) {
    switch (n->type) {
      case GUMBO_NODE_DOCUMENT: {
        const GumboVector& kids = n->v.document.children;
        for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), region, block);
        return;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        append_text(n->v.text.text, region, block);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(n, region, block);
        return;
      default:
        return;
    }
  }

 void finish() { close_block(); }

 private:
  void element(const GumboNode* n, const std::string& parent_region, const GumboNode* block) {
    const GumboElement& el = n->v.element;
    collect_metadata(n);
    if (el.tag == GUMBO_TAG_INPUT || el.tag == GUMBO_TAG_SELECT || el.tag == GUMBO_TAG_TEXTAREA) add_field(el);
    if (el.tag == GUMBO_TAG_HEAD) {
      metadata_walk(n);
      return;
    }
    if (is_skipped(el.tag) || is_hidden(el)) return;
    std::string region = classify_region(tag_name(n), attr(el, "role"), attr(el, "id"), attr(el, "class"), parent_region);
    if (el.tag == GUMBO_TAG_BR) {
      newline();
      return;
    }
    if (el.tag == GUMBO_TAG_IMG) {
      // Alt text is what a screen reader says; shops put e-mail addresses in images too.
      if (const char* alt = attr(el, "alt"); alt && *alt) append_text(alt, region, block);
      return;
    }
    const GumboNode* my_block = is_block(el.tag) ? n : block;
    if (my_block != block) newline();

    std::size_t link_start = doc_.text.size();
    bool is_link = el.tag == GUMBO_TAG_A && attr(el, "href");
    // Two links side by side are two things even without a space between them ("<a
    // href=tel:…>777 123 456</a><a href=mailto:…>obchod@…</a>" would read "456obchod@…").
    if (is_link && last_link_end_ == doc_.text.size() && !doc_.text.empty()) pending_space_ = true;
    if (el.tag == GUMBO_TAG_FORM) add_form(n, region);
    bool struck = is_struck(el);
    const char* cls = attr(el, "class");
    bool price_class = cls && *cls && may_name_price(cls);
    if (price_class) price_contexts_.push_back(cls);

    const GumboVector& kids = el.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), region, my_block);
    if (is_link) {
      add_link(n, region, link_start);
      last_link_end_ = doc_.text.size();
    }
    if (price_class) price_contexts_.pop_back();
    if (struck || price_class) add_mark(link_start, struck, price_class ? cls : "");
    if (my_block != block) newline();
    if (el.tag == GUMBO_TAG_FORM) form_stack_.pop_back();
  }

  void collect_metadata(const GumboNode* n) {
    const GumboElement& el = n->v.element;
    if (el.tag == GUMBO_TAG_HTML) {
      if (const char* l = attr(el, "lang")) doc_.lang = l;
    } else if (el.tag == GUMBO_TAG_BASE) {
      if (const char* h = attr(el, "href")) {
        if (auto r = resolve(h)) {
          base_ = std::make_unique<fetch::UrlResolver>(*r);
          resolved_.clear();
        }
      }
    } else if (el.tag == GUMBO_TAG_TITLE && doc_.title.empty()) {
      doc_.title = collapse(inner_text(n));
    } else if (el.tag == GUMBO_TAG_SCRIPT) {
      const char* type = attr(el, "type");
      std::string body = inner_text(n);
      if (type && std::string_view(type).find("ld+json") != std::string_view::npos) {
        doc_.jsonld.push_back(body);
      } else {
        Script s;
        if (const char* src = attr(el, "src")) {
          if (auto r = resolve(src)) s.src = *r;
        }
        s.inline_head = body.substr(0, 600);
        doc_.scripts.push_back(std::move(s));
      }
    }
  }

  // <head> holds no visible text, but title, base, scripts and JSON-LD.
  void metadata_walk(const GumboNode* n) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type != GUMBO_NODE_ELEMENT) continue;
      collect_metadata(k);
      metadata_walk(k);
    }
  }

  static std::string inner_text(const GumboNode* n) {
    std::string out;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) out += inner_text(static_cast<const GumboNode*>(kids.data[i]));
    }
    return out;
  }

  static std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (unsigned char c : s) {
      if (std::isspace(c)) {
        space = !out.empty();
      } else {
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
      }
    }
    return out;
  }

  void add_link(const GumboNode* n, const std::string& region, std::size_t start) {
    const GumboElement& el = n->v.element;
    // The separator written before the link's first word belongs to the text before it.
    while (start < doc_.text.size() && (doc_.text[start] == ' ' || doc_.text[start] == '\n')) ++start;
    Link link;
    link.href = attr(el, "href");
    if (auto r = resolve(link.href)) {
      link.url = *r;
      auto hash = link.url.find('#');
      if (hash != std::string::npos && link.url.rfind("mailto:", 0) != 0) link.url.erase(hash);
    }
    link.text = collapse(doc_.text.substr(start));
    for (const char* fallback : {"aria-label", "title"}) {
      if (!link.text.empty()) break;
      if (const char* v = attr(el, fallback)) link.text = collapse(v);
    }
    link.region = region;
    link.locator = locator_of(n);
    link.offset = start;
    doc_.links.push_back(std::move(link));
  }

  // Only short runs holding a digit can be a price: a struck paragraph or a price-classed card
  // is not recorded, which keeps the parse cheap on pages with hundreds of products.
  // A price-classed run without a digit is kept when it is a word or two (a "Sale" badge whose
  // showing depends on its container's state class). The context is the class strings of every
  // enclosing price-classed element, nearest first: a sale state ("price--on-sale",
  // "with-list-price") may sit several levels up.
  void add_mark(std::size_t begin, bool struck, const char* classes) {
    const std::string& t = doc_.text;
    std::size_t end = t.size();
    while (begin < end && (t[begin] == ' ' || t[begin] == '\n')) ++begin;
    while (end > begin && (t[end - 1] == ' ' || t[end - 1] == '\n')) --end;
    if (end == begin || end - begin > 160) return;
    if (std::none_of(t.begin() + static_cast<std::ptrdiff_t>(begin), t.begin() + static_cast<std::ptrdiff_t>(end),
                     [](char c) { return c >= '0' && c <= '9'; }) &&
        (struck || !*classes || end - begin > kBadgeRun)) {
      return;
    }
    std::string context;
    for (auto it = price_contexts_.rbegin(); it != price_contexts_.rend() && context.size() < 400; ++it) {
      if (!context.empty()) context += ' ';
      context += *it;
    }
    doc_.marks.push_back(Mark{begin, end, struck, classes, std::move(context)});
  }
  static constexpr std::size_t kBadgeRun = 24;

  void add_form(const GumboNode* n, const std::string& region) {
    const GumboElement& el = n->v.element;
    Form f;
    const char* action = attr(el, "action");
    if (action && *action) {
      if (auto r = resolve(action)) f.action = *r;
    } else {
      f.action = doc_.url;
    }
    const char* method = attr(el, "method");
    f.method = method ? method : "get";
    for (auto& c : f.method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    f.region = region;
    f.locator = locator_of(n);
    f.offset = doc_.text.size();
    doc_.forms.push_back(std::move(f));
    form_stack_.push_back(doc_.forms.size() - 1);
  }

  void add_field(const GumboElement& el) {
    if (form_stack_.empty()) return;
    std::string field;
    if (const char* t = attr(el, "type")) field = t;
    else field = el.tag == GUMBO_TAG_TEXTAREA ? "textarea" : el.tag == GUMBO_TAG_SELECT ? "select" : "text";
    if (const char* name = attr(el, "name")) field += ":" + std::string(name);
    doc_.forms[form_stack_.back()].fields.push_back(field);
  }

  void newline() {
    close_block();
    if (!doc_.text.empty() && doc_.text.back() != '\n') doc_.text += '\n';
    pending_space_ = false;
  }

  void close_block() {
    if (open_block_) {
      Block& b = doc_.blocks.back();
      b.end = doc_.text.size();
      while (b.end > b.begin && doc_.text[b.end - 1] == ' ') --b.end;
      if (b.end == b.begin) doc_.blocks.pop_back();
      open_block_ = false;
    }
  }

  void append_text(const char* raw, const std::string& region, const GumboNode* block) {
    std::string text = normalise_spaces(raw);
    bool leading_space = !text.empty() && text.front() == ' ';
    bool trailing_space = !text.empty() && text.back() == ' ';
    std::string word = collapse(text);
    if (word.empty()) {
      if (!text.empty()) pending_space_ = true;
      return;
    }
    if (!open_block_ || block != current_block_node_ || region != doc_.blocks.back().region) {
      if (open_block_) {
        close_block();
        if (!doc_.text.empty() && doc_.text.back() != '\n') doc_.text += '\n';
        pending_space_ = false;
      }
      Block b;
      b.begin = doc_.text.size();
      b.region = region;
      b.locator = block ? locator_of(block) : "body";
      doc_.blocks.push_back(std::move(b));
      open_block_ = true;
      current_block_node_ = block;
    } else if ((pending_space_ || leading_space) && !doc_.text.empty() && doc_.text.back() != '\n' &&
               doc_.text.back() != ' ') {
      doc_.text += ' ';
    }
    doc_.text += word;
    pending_space_ = trailing_space;
  }

  // Non-breaking and narrow spaces separate words (and digits of phone numbers) exactly like
  // spaces do for every extractor downstream.
  static std::string normalise_spaces(const char* raw) {
    std::string s;
    for (const char* p = raw; *p; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      if (c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) {
        s += ' ';
        ++p;
      } else if (c == 0xE2 && static_cast<unsigned char>(p[1]) == 0x80 &&
                 (static_cast<unsigned char>(p[2]) == 0xAF || static_cast<unsigned char>(p[2]) == 0x89 ||
                  static_cast<unsigned char>(p[2]) == 0x8A)) {
        s += ' ';
        p += 2;
      } else if (c == 0xE2 && static_cast<unsigned char>(p[1]) == 0x80 && static_cast<unsigned char>(p[2]) == 0x8B) {
        p += 2;  // zero-width space, used to break up e-mail addresses
      } else {
        s += static_cast<char>(c);
      }
    }
    return s;
  }

  // Menus and footers link to the same URLs several times over: each distinct href is resolved once.
  const std::optional<std::string>& resolve(const std::string& href) {
    auto it = resolved_.find(href);
    if (it == resolved_.end()) it = resolved_.emplace(href, base_->resolve(href)).first;
    return it->second;
  }

  Document& doc_;
  std::unique_ptr<fetch::UrlResolver> base_;
  std::unordered_map<std::string, std::optional<std::string>> resolved_;
  bool open_block_ = false;
  bool pending_space_ = false;
  std::size_t last_link_end_ = std::string::npos;  // text size when the last link closed
  const GumboNode* current_block_node_ = nullptr;
  std::vector<std::size_t> form_stack_;
  std::vector<const char*> price_contexts_;  // class strings of the enclosing price-classed elements
};

}  // namespace

Document parse_utf8(const std::string& utf8, const std::string& url) {
  Document doc;
  doc.url = url;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size());
  Builder b(doc, url);
  b.walk(out->document, "main", nullptr);
  b.finish();
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  while (!doc.text.empty() && doc.text.back() == '\n') doc.text.pop_back();
  // Marks are recorded as their elements close (inner first); readers want them in text order.
  std::stable_sort(doc.marks.begin(), doc.marks.end(),
                   [](const Mark& a, const Mark& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  return doc;
}

}  // namespace omnicheck::html

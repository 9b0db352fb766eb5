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

#include "html/email_protection.h"
#include "html/html.h"
#include "html/nesting_guard.h"
#include "html/page_styles.h"
#include "html/region_classifier.h"
#include "html/utf8.h"

namespace omnicheck::html {
namespace {

// schema.org properties that are a line of their own in a contact block.
bool is_line_itemprop(std::string_view prop) {
  for (std::string_view p : {"name", "legalName", "streetAddress", "telephone", "faxNumber", "email", "addressCountry",
                             "postOfficeBoxNumber", "vatID", "taxID", "address"}) {
    if (prop == p) return true;
  }
  return false;
}

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

// An inline element the stylesheet shows as a block of its own through a utility class:
// Bootstrap's d-block / d-flex / d-grid / d-table (Shopware 6, JTL NOVA, OXID wave, PrestaShop
// classic) and Tailwind's block / flex / grid. "<span class="d-block small">Niedrigster Preis
// …</span>" after "100 g" is a line of its own on screen, not "100 gNiedrigster Preis".
bool has_block_class(const char* cls) {
  if (!cls) return false;
  std::string_view s(cls);
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t b = s.find_first_not_of(" \t\r\n", pos);
    if (b == std::string_view::npos) break;
    std::size_t e = s.find_first_of(" \t\r\n", b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view t = s.substr(b, e - b);
    if (t == "d-block" || t == "d-flex" || t == "d-grid" || t == "d-table" || t == "block" || t == "flex" || t == "grid") {
      return true;
    }
    pos = e;
  }
  return false;
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

// Why an element is not shown by its own markup ("" when it is): the hidden attribute, or an
// inline style that hides it (display:none, visibility:hidden, opacity:0, font-size:0,
// off-screen). aria-hidden alone is no reason: it hides from screen readers, not from eyes; but
// an aria-hidden dialog (Bootstrap's closed .modal, role="dialog") is shut until a click opens it.
std::string inline_hidden_reason(const GumboElement& el, const Declarations& inline_style) {
  if (attr(el, "hidden")) return "hidden attribute";
  if (const char* aria = attr(el, "aria-hidden"); aria && std::strcmp(aria, "true") == 0) {
    const char* role = attr(el, "role");
    const char* cls = attr(el, "class");
    bool dialog = (role && (std::strcmp(role, "dialog") == 0 || std::strcmp(role, "alertdialog") == 0));
    if (!dialog && cls) {
      std::string_view c(cls);
      for (std::size_t at = c.find("modal"); at != std::string_view::npos; at = c.find("modal", at + 1)) {
        if (at == 0 || c[at - 1] == ' ') dialog = true;  // "modal", "modal fade", "modal-window"
      }
    }
    if (dialog) return "aria-hidden dialog (closed until opened)";
  }
  return hiding_declaration(inline_style);
}

Declarations inline_style(const GumboElement& el) {
  const char* style = attr(el, "style");
  return style ? parse_declarations(style) : Declarations{};
}

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

bool is_field(GumboTag t) { return t == GUMBO_TAG_INPUT || t == GUMBO_TAG_SELECT || t == GUMBO_TAG_TEXTAREA; }

// Where the </form> closing the form that starts at `from` is in the source (npos when none).
std::size_t find_form_end(std::string_view src, std::size_t from) {
  for (std::size_t i = src.find("</", from); i != std::string_view::npos; i = src.find("</", i + 2)) {
    if (i + 6 <= src.size()) {
      std::string_view t = src.substr(i + 2, 4);
      if ((t[0] | 0x20) == 'f' && (t[1] | 0x20) == 'o' && (t[2] | 0x20) == 'r' && (t[3] | 0x20) == 'm') return i;
    }
  }
  return std::string_view::npos;
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
// Each element's place among its parent's children of the same tag (":nth-of-type(k)"),
// counted once per parent: counting the siblings again for every child made a page of 80,000
// paragraphs quadratic.
class SiblingIndex {
 public:
  // 0 when the element is the only one of its tag under its parent, else its 1-based place.
  int nth_of_type(const GumboNode* n) {
    const GumboNode* parent = n->parent;
    auto it = places_.find(parent);
    if (it == places_.end()) it = places_.emplace(parent, count(parent)).first;
    const auto& v = it->second;
    return n->index_within_parent < v.size() ? v[n->index_within_parent] : 0;
  }

 private:
  static std::vector<int> count(const GumboNode* parent) {
    const GumboVector& kids = parent->type == GUMBO_NODE_ELEMENT ? parent->v.element.children : parent->v.document.children;
    std::vector<int> place(kids.length, 0);
    std::unordered_map<int, int> seen;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT) place[i] = ++seen[k->v.element.tag];
    }
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT && seen[k->v.element.tag] == 1) place[i] = 0;
    }
    return place;
  }
  std::unordered_map<const GumboNode*, std::vector<int>> places_;
};

std::string locator_step(const GumboNode* n, SiblingIndex& siblings) {
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
    if (int index = siblings.nth_of_type(n); index > 0) step += ":nth-of-type(" + std::to_string(index) + ")";
  }
  return step;
}

std::string locator_of(const GumboNode* n, SiblingIndex& siblings) {
  std::vector<std::string> steps;
  for (const GumboNode* cur = n; cur && cur->type == GUMBO_NODE_ELEMENT; cur = cur->parent) {
    if (cur->v.element.tag == GUMBO_TAG_HTML) break;
    std::string step = locator_step(cur, siblings);
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
  Builder(Document& doc, const std::string& base, std::string_view source, PageStyles styles)
      : doc_(doc), base_(std::make_unique<fetch::UrlResolver>(base)), source_(source), styles_(std::move(styles)) {}

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
        form_text(n->v.text.text, n->v.text.start_pos.offset);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(n, region, block);
        return;
      default:
        return;
    }
  }

 void finish() {
    close_block();
    // Fields naming their form with form="id", wherever they stand.
    for (const auto& [id, field] : owned_fields_) {
      for (std::size_t i = 0; i < doc_.forms.size(); ++i) {
        if (forms_[i].id == id) {
          doc_.forms[i].fields.push_back(field);
          break;
        }
      }
    }
  }

 private:
  // Why the element is not seen: its own markup, or the page's stylesheet.
  std::string hidden_reason(const GumboElement& el, const Declarations& style) const {
    std::string why = inline_hidden_reason(el, style);
    if (why.empty() && !styles_.empty()) why = styles_.hidden_reason(el);
    return why;
  }

  // The declared text and background colours in force, pushed by the elements that declare one.
  struct ColorScope {
    ColorScope(std::vector<std::string>& colors, const std::string& color, std::vector<std::string>& bgs,
               const std::string& bg)
        : colors_(colors), bgs_(bgs), pushed_color_(!color.empty()), pushed_bg_(!bg.empty()) {
      if (pushed_color_) colors_.push_back(color);
      if (pushed_bg_) bgs_.push_back(bg);
    }
    ~ColorScope() {
      if (pushed_color_) colors_.pop_back();
      if (pushed_bg_) bgs_.pop_back();
    }
    ColorScope(const ColorScope&) = delete;
    ColorScope& operator=(const ColorScope&) = delete;
    std::vector<std::string>& colors_;
    std::vector<std::string>& bgs_;
    bool pushed_color_, pushed_bg_;
  };
  inline static const std::string kNone;

  // Browsers stop nesting at 512 levels (Blink's parser attaches deeper elements at that depth);
  // the walks here recurse per level, so deeper content is read as plain text, iteratively: a
  // hostile page of 20,000 nested <div> overflowed the stack (issue 16).
  static constexpr int kMaxDepth = 512;
  struct Deeper {
    explicit Deeper(int& d) : d_(++d) {}
    ~Deeper() { --d_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;
    int& d_;
  };

  void flat_text(const GumboNode* top, const std::string& region, const GumboNode* block) {
    if (doc_.limit_note.empty()) {
      doc_.limit_note = "elements nested deeper than " + std::to_string(kMaxDepth) +
                        " levels were read as plain text (their links, forms and hidden parts were not read)";
    }
    std::vector<const GumboNode*> stack{top};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        append_text(n->v.text.text, region, block);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
      if (is_skipped(n->v.element.tag)) continue;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }

  void element(const GumboNode* n, const std::string& parent_region, const GumboNode* block) {
    const GumboElement& el = n->v.element;
    if (depth_ >= kMaxDepth) {
      flat_text(n, parent_region, block);
      return;
    }
    Deeper deeper(depth_);
    collect_metadata(n);
    if (is_field(el.tag)) add_field(el);
    if (el.tag == GUMBO_TAG_HEAD) {
      metadata_walk(n);
      return;
    }
    if (is_skipped(el.tag)) return;
    const Declarations style = inline_style(el);
    if (std::string why = hidden_reason(el, style); !why.empty()) {
      hidden_walk(n, parent_region, why);
      return;
    }
    // Text in the colour of its background is not seen either (both declared inline).
    std::string own_color = declared_colour(style, false), own_bg = declared_colour(style, true);
    const std::string& color = own_color.empty() ? (colors_.empty() ? kNone : colors_.back()) : own_color;
    const std::string& bg = own_bg.empty() ? (backgrounds_.empty() ? kNone : backgrounds_.back()) : own_bg;
    if (!color.empty() && color != "?" && color == bg && (!own_color.empty() || !own_bg.empty())) {
      hidden_walk(n, parent_region, "text colour " + color + " on a background of the same colour");
      return;
    }
    ColorScope color_scope(colors_, own_color, backgrounds_, own_bg);
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
    // Microdata fields are separate values even as adjacent inline spans: a name, street,
    // telephone or e-mail stands on a line of its own, other fields (postalCode,
    // addressLocality) apart by a space, as a stylesheet shows them.
    const char* itemprop = attr(el, "itemprop");
    const bool line_field = itemprop && is_line_itemprop(itemprop);
    const GumboNode* my_block = is_block(el.tag) || has_block_class(attr(el, "class")) || line_field ? n : block;
    if (my_block != block) newline();
    if (itemprop && !line_field) pending_space_ = true;

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
    const bool product_tile = is_product_tile(attr(el, "itemtype"), attr(el, "id"), cls);
    if (product_tile) ++product_depth_;

    // Cloudflare's obfuscated addresses read as the address a visitor's browser shows.
    std::optional<std::string> protected_email;
    if (const char* cf = attr(el, "data-cfemail")) protected_email = decode_cloudflare_email(cf);
    if (!protected_email && is_link) {
      if (auto payload = cloudflare_link_payload(attr(el, "href")); !payload.empty()) {
        protected_email = decode_cloudflare_email(payload);
      }
    }
    const GumboVector& kids = el.children;
    if (protected_email && attr(el, "data-cfemail")) {
      append_text(protected_email->c_str(), region, my_block);
    } else {
      for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), region, my_block);
    }
    if (is_link) {
      add_link(n, region, link_start, protected_email ? "mailto:" + *protected_email : std::string());
      last_link_end_ = doc_.text.size();
    }
    if (product_tile) --product_depth_;
    if (price_class) price_contexts_.pop_back();
    if (struck || price_class) add_mark(link_start, struck, price_class ? cls : "");
    if (is_heading(el.tag)) {
      std::string h = collapse(doc_.text.substr(link_start));
      if (!h.empty()) last_heading_ = std::move(h);
    }
    if (my_block != block) newline();
    if (itemprop && !line_field) pending_space_ = true;
    if (el.tag == GUMBO_TAG_FORM) form_stack_.pop_back();
  }

  // A hidden element adds no text to the page, but the forms inside it are recorded (hidden, with
  // what hid them), with their fields, their own words and the headings before them: plugins and
  // modals keep contact forms hidden until a script shows them.
  void hidden_walk(const GumboNode* n, const std::string& parent_region, const std::string& why) {
    const GumboElement& el = n->v.element;
    if (depth_ >= kMaxDepth) return;  // hidden and too deep: nothing of it is read
    Deeper deeper(depth_);
    if (hidden_depth_++ == 0) hidden_by_ = locator_step(n, siblings_) + ": " + why;
    std::string region = classify_region(tag_name(n), attr(el, "role"), attr(el, "id"), attr(el, "class"), parent_region);
    if (el.tag == GUMBO_TAG_FORM) add_form(n, region);
    const GumboVector& kids = el.children;
    for (unsigned i = 0; i < kids.length; ++i) hidden_node(static_cast<const GumboNode*>(kids.data[i]), region);
    if (el.tag == GUMBO_TAG_FORM) form_stack_.pop_back();
    if (--hidden_depth_ == 0) hidden_by_.clear();
  }

  void hidden_node(const GumboNode* n, const std::string& region) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      form_text(n->v.text.text, n->v.text.start_pos.offset);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || depth_ >= kMaxDepth) return;
    Deeper deeper(depth_);
    const GumboElement& el = n->v.element;
    if (is_field(el.tag)) add_field(el);
    if (is_skipped(el.tag)) return;
    if (std::string why = hidden_reason(el, inline_style(el)); !why.empty()) {
      hidden_walk(n, region, why);
      return;
    }
    if (is_heading(el.tag)) {
      std::string h = collapse(inner_text(n));
      if (!h.empty()) last_heading_ = std::move(h);
    }
    std::string inner = classify_region(tag_name(n), attr(el, "role"), attr(el, "id"), attr(el, "class"), region);
    if (el.tag == GUMBO_TAG_FORM) add_form(n, inner);
    const GumboVector& kids = el.children;
    for (unsigned i = 0; i < kids.length; ++i) hidden_node(static_cast<const GumboNode*>(kids.data[i]), inner);
    if (el.tag == GUMBO_TAG_FORM) form_stack_.pop_back();
  }

  // The form a field or a text at source offset `at` belongs to: the one open around it, else
  // the one whose source it stands in (the parser closed it early); -1 for none. A field or text
  // hidden inside its form (deeper in hidden elements than the form itself) belongs to none.
  long form_of(std::size_t at) const {
    long f = -1;
    if (!form_stack_.empty()) {
      f = static_cast<long>(form_stack_.back());
    } else {
      for (std::size_t i = forms_.size(); i-- > 0;) {
        if (forms_[i].src_begin < at && at < forms_[i].src_end) {
          f = static_cast<long>(i);
          break;
        }
      }
    }
    if (f >= 0 && forms_[static_cast<std::size_t>(f)].hidden_depth != hidden_depth_) return -1;
    return f;
  }

  void form_text(const char* raw, std::size_t at) {
    if (doc_.forms.empty()) return;
    long f = form_of(at);
    if (f < 0) return;
    add_form_words(doc_.forms[static_cast<std::size_t>(f)], raw);
  }

  static void add_form_words(Form& form, std::string_view raw) {
    if (form.text.size() >= 1000) return;
    std::string w = collapse(normalise_spaces(std::string(raw).c_str()));
    if (w.empty()) return;
    if (!form.text.empty()) form.text += ' ';
    form.text += w;
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
    if (depth_ >= kMaxDepth) return;
    Deeper deeper(depth_);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type != GUMBO_NODE_ELEMENT) continue;
      collect_metadata(k);
      metadata_walk(k);
    }
  }

  static std::string inner_text(const GumboNode* top) {
    std::string out;
    std::vector<const GumboNode*> stack{top};  // iterative: the subtree may nest deeply
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        out += n->v.text.text;
      } else if (n->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
      }
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

  // `href` replaces the element's own (a decoded e-mail-protection link) when not empty.
  void add_link(const GumboNode* n, const std::string& region, std::size_t start, const std::string& href = {}) {
    const GumboElement& el = n->v.element;
    // The separator written before the link's first word belongs to the text before it.
    while (start < doc_.text.size() && (doc_.text[start] == ' ' || doc_.text[start] == '\n')) ++start;
    Link link;
    link.href = href.empty() ? attr(el, "href") : href;
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
    link.product = product_depth_ > 0;
    link.locator = locator_of(n, siblings_);
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
    f.locator = locator_of(n, siblings_);
    f.offset = doc_.text.size();
    f.heading = last_heading_;
    f.visible = hidden_depth_ == 0;
    f.hidden_by = hidden_by_;
    // Its own names, then its wrappers' ids and classes.
    auto add_attrs = [&f](const GumboElement& e, std::initializer_list<const char*> names) {
      for (const char* name : names) {
        if (const char* v = attr(e, name); v && *v) {
          if (!f.attrs.empty()) f.attrs += ' ';
          f.attrs += v;
        }
      }
    };
    add_attrs(el, {"id", "class", "name", "aria-label"});
    int up = 0;
    for (const GumboNode* p = n->parent; p && p->type == GUMBO_NODE_ELEMENT && up < 4; p = p->parent, ++up) {
      if (p->v.element.tag == GUMBO_TAG_BODY || p->v.element.tag == GUMBO_TAG_HTML) break;
      add_attrs(p->v.element, {"id", "class"});
    }
    FormSource fs;
    if (const char* id = attr(el, "id")) fs.id = id;
    fs.hidden_depth = hidden_depth_;
    if (el.original_tag.data && !source_.empty()) {
      fs.src_begin = el.start_pos.offset;
      if (el.original_end_tag.data && el.original_end_tag.length > 0) {
        fs.src_end = static_cast<std::size_t>(el.original_end_tag.data - source_.data());
      } else {
        fs.src_end = find_form_end(source_, fs.src_begin + el.original_tag.length);
      }
      if (fs.src_end == std::string_view::npos) fs.src_end = source_.size();
    }
    doc_.forms.push_back(std::move(f));
    forms_.push_back(std::move(fs));
    form_stack_.push_back(doc_.forms.size() - 1);
  }

  void add_field(const GumboElement& el) {
    std::string field;
    const char* type = attr(el, "type");
    if (type) field = type;
    else field = el.tag == GUMBO_TAG_TEXTAREA ? "textarea" : el.tag == GUMBO_TAG_SELECT ? "select" : "text";
    if (const char* name = attr(el, "name")) field += ":" + std::string(name);
    if (const char* owner = attr(el, "form"); owner && *owner) {
      owned_fields_.emplace_back(owner, field);
      return;
    }
    if (doc_.forms.empty()) return;
    // A field hidden on its own (a honeypot input with style="display:none") is none of the form's.
    bool hidden_input = type && std::string_view(type) == "hidden";
    if (!hidden_input && !hidden_reason(el, inline_style(el)).empty()) return;
    long f = form_of(el.start_pos.offset);
    if (f < 0) return;
    Form& form = doc_.forms[static_cast<std::size_t>(f)];
    form.fields.push_back(field);
    // What a person reads on the field: its placeholder, its label for screen readers, the
    // caption of a submit button.
    if (hidden_input) return;
    for (const char* name : {"placeholder", "aria-label"}) {
      if (const char* v = attr(el, name)) add_form_words(form, v);
    }
    if (type && (std::string_view(type) == "submit" || std::string_view(type) == "button")) {
      if (const char* v = attr(el, "value")) add_form_words(form, v);
    }
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
      b.locator = block ? locator_of(block, siblings_) : "body";
      b.heading = block && block->type == GUMBO_NODE_ELEMENT && block->v.element.tag >= GUMBO_TAG_H1 &&
                  block->v.element.tag <= GUMBO_TAG_H6;
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
  int product_depth_ = 0;  // product tiles open around the walk (a link inside one leads to a product)
  std::vector<const char*> price_contexts_;  // class strings of the enclosing price-classed elements
  std::string_view source_;  // the UTF-8 source the tree was parsed from (Gumbo's offsets point into it)
  // Per form of doc_.forms: its id, its source from <form> to </form> (where fields the parser
  // moved out of it still belong) and how deep in hidden elements it stands.
  struct FormSource {
    std::string id;
    std::size_t src_begin = 0, src_end = 0;
    int hidden_depth = 0;
  };
  std::vector<FormSource> forms_;
  std::vector<std::pair<std::string, std::string>> owned_fields_;  // form="id" fields: id, field
  PageStyles styles_;
  SiblingIndex siblings_;
  std::vector<std::string> colors_, backgrounds_;  // declared colours in force (#rrggbb)
  int hidden_depth_ = 0;     // hidden elements around the node being read
  int depth_ = 0;            // elements around the node being read (kMaxDepth)
  std::string hidden_by_;    // the outermost of them, and why ("div#gform_wrapper_3: display:none")
  std::string last_heading_;
};

}  // namespace

Document parse_utf8(const std::string& whole, const std::string& url) {
  Document doc;
  doc.url = url;
  // Past 4,096 levels of nesting the page is read only up to where that depth begins: Gumbo's
  // tree building is quadratic in depth (200,000 nested <div> took minutes), and no shop nests a
  // tenth as deep.
  constexpr int kMaxParsedDepth = 4096;
  const std::size_t cut = nesting_cut(whole, kMaxParsedDepth);
  const std::string truncated = cut == std::string::npos ? std::string() : whole.substr(0, cut);
  const std::string& utf8 = cut == std::string::npos ? whole : truncated;
  // Gumbo keeps a copy of the open-element stack with every parse error it records; nothing here
  // reads them, and on misnested markup ("<b><i><a href=/x>" 5,000 times, 90 KB) they took
  // 400 MB and most of the time: none are kept (issue 16).
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  Builder b(doc, url, utf8, PageStyles::collect(out->document));
  b.walk(out->document, "main", nullptr);
  b.finish();
  gumbo_destroy_output(&options, out);
  if (cut != std::string::npos) {
    doc.limit_note = (doc.limit_note.empty() ? "" : doc.limit_note + "; ") + "the page nests its elements more than " +
                     std::to_string(kMaxParsedDepth) + " levels deep, or gives one element more than 4096 attributes, from byte " +
                     std::to_string(cut) + " of " + std::to_string(whole.size()) + " on; only the part before was read";
  }
  while (!doc.text.empty() && doc.text.back() == '\n') doc.text.pop_back();
  // Marks are recorded as their elements close (inner first); readers want them in text order.
  std::stable_sort(doc.marks.begin(), doc.marks.end(),
                   [](const Mark& a, const Mark& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  return doc;
}

}  // namespace omnicheck::html

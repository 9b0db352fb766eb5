// What a page's own stylesheets (its <style> elements) and inline styles say about whether an
// element is seen: hidden by a class rule (.x{display:none}), transparent, zero-sized text,
// moved off-screen, or text in the colour of its background. A merchant's legal notice hidden so
// is not disclosed to a consumer, whatever its markup holds (issue 17).
//
// Hand-written, not a CSS engine: no library in Debian gives cascade and selector matching
// without a browser, and the decision needed here is narrow. Precision over reach: only simple
// selectors (tag, .class, #id and their compounds) are read; a rule inside @media, or any
// matching rule that sets the same property to a showing value, makes the element count as
// seen (responsive "d-none d-md-block" is visible on a desktop). Styles in <noscript> are
// ignored (a consumer's browser runs scripts). External stylesheets are not fetched.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace omnicheck::html {

// property and value in lower case, !important dropped
using Declarations = std::vector<std::pair<std::string, std::string>>;

class PageStyles {
 public:
  // Reads every <style> element of the parsed document (outside <noscript>).
  static PageStyles collect(const GumboNode* document);

  // Why the element is not seen by its styles ("" when it is, or when it cannot be told).
  std::string hidden_reason(const GumboElement& el) const;

  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::string tag, id;
    std::vector<std::string> classes;
    bool in_media = false;
    Declarations decls;
  };
  void add_sheet(std::string_view css);
  void index();
  bool matches(const Rule& r, const GumboElement& el) const;
  std::vector<const Rule*> matching(const GumboElement& el) const;
  std::vector<Rule> rules_;  // only rules that set a property read here
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;  // ".class", "#id" or tag -> rules
  std::vector<std::string> element_keys(const GumboElement& el) const;
};

// Declarations of a style="" attribute or a rule's block.
Declarations parse_declarations(std::string_view block);

// The text colour (background = false) or background colour the declarations set: "#rrggbb",
// "?" for a value that is not one plain colour (var(), a gradient, an image), "" when none.
// Read from inline styles only: a stylesheet rule can be beaten by one in a sheet that is not
// read (a footer's dark background), while inline declarations win over every external rule.
std::string declared_colour(const Declarations& decls, bool background);

// Why declarations hide what they apply to ("" when they do not): display:none,
// visibility:hidden, opacity:0, font-size:0, or an off-screen position.
std::string hiding_declaration(const Declarations& decls);

// A CSS colour as #rrggbb ("" when not a plain colour: gradients, var(), transparent…).
std::string normalize_color(std::string_view value);

}  // namespace omnicheck::html

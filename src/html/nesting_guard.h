// How deep a page's markup nests, estimated from its tags before the HTML parser sees it
// (private to the html stage).
#pragma once

#include <cstddef>
#include <string_view>

namespace omnicheck::html {

// The byte offset at which the estimated element depth first exceeds `max_depth`, or a tag
// carries more than `max_attributes` attributes (Gumbo's duplicate check is quadratic), or npos.
// Gumbo's tree construction is quadratic in depth (200,000 nested <div> take minutes), so a page
// is parsed only up to that offset. The estimate counts start and end tags of elements that
// nest; elements the parser closes implicitly (p, li, td, option, a …) and void elements are
// not counted, so sloppy but ordinary markup never comes near the limit.
std::size_t nesting_cut(std::string_view html, int max_depth, int max_attributes = 4096);

}  // namespace omnicheck::html

// The few scripts the renderer runs inside a page, kept apart from the protocol code.
#pragma once

#include <string>
#include <vector>

namespace omnicheck::render {

// An expression whose value is a JSON text {"url": location.href, "html": doctype + DOM}.
std::string serialize_dom_script();

// An expression that clicks the first visible consent button whose wording is one of
// `decline` (tried first) or `accept`, and whose value is the wording clicked ("" = none).
// Buttons inside forms and links that lead elsewhere are never clicked: a click must not submit
// anything or leave the page.
std::string consent_click_script(const std::vector<std::string>& decline, const std::vector<std::string>& accept);

}  // namespace omnicheck::render

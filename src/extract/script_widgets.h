// Third-party widgets recognised from the vendor's loader script (its URL or the inline snippet
// that sets it up) or the container it leaves in the markup (private to the extract stage).
// Vendor signatures are data: a list of {vendor, script_src, inline, markup} entries under
// rules/lexicon/channels/<list>.json (chat_widgets, review_widgets).
#pragma once

#include <string>
#include <vector>

#include "extract/extractors.h"

namespace omnicheck::extract {

struct WidgetHit {
  std::string vendor;
  std::string found_in;    // script_src, inline_script, markup
  std::string locator;     // "script", or "" for markup
  std::string snippet;     // the matched signature quoted in printable ASCII, marked [[…]]
  std::string script_url;  // for script_src
};

// One hit per vendor of `list` (a key of the "channels" lexicon) found on the page, in the
// list's order: a script URL first, else an inline script, else the markup.
std::vector<WidgetHit> find_widgets(const PageContext& pc, const SitePatterns& sp, const std::string& list);

// The fact of a widget hit: `type` with page_url, region, on_home, visible, value, vendor,
// found_in (and script_url when found by it); evidence: the page, the matched signature.
Fact widget_fact(const PageContext& pc, const WidgetHit& hit, const std::string& type, const std::string& value,
                 const std::string& note);

}  // namespace omnicheck::extract

// Live-chat widgets: a channel a consumer sees as a chat bubble, recognised from the vendor's
// loader script (its URL or the inline snippet that sets it up) or the container it leaves in
// the markup. Vendor signatures are data (rules/lexicon/channels/chat_widgets.json).
#include "extract/script_widgets.h"

namespace omnicheck::extract {

void extract_channels(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  for (const auto& hit : find_widgets(pc, sp, "chat_widgets")) {
    Fact f;
    f.type = "chat_widget";
    f.attrs = {{"page_url", pc.page->final_url}, {"region", ""}, {"on_home", pc.is_home}, {"visible", true},
               {"value", hit.vendor}, {"vendor", hit.vendor}, {"found_in", hit.found_in}};
    if (!hit.script_url.empty()) f.attrs["script_url"] = hit.script_url;
    f.evidence = page_evidence(*pc.page, "live-chat widget (" + hit.vendor + ")");
    f.evidence.locator = hit.locator;
    f.evidence.snippet = hit.snippet;
    f.source = pc.page->final_url;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

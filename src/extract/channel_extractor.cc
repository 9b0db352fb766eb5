// Live-chat widgets: a channel a consumer sees as a chat bubble, recognised from the vendor's
// loader script (its URL or the inline snippet that sets it up) or the container it leaves in
// the markup. Vendor signatures are data (rules/lexicon/channels/chat_widgets.json).
#include "extract/script_widgets.h"

namespace omnicheck::extract {

void extract_channels(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  for (const auto& hit : find_widgets(pc, sp, "chat_widgets")) {
    out.add(widget_fact(pc, hit, "chat_widget", hit.vendor, "live-chat widget (" + hit.vendor + ")"));
  }
}

}  // namespace omnicheck::extract

// Placeholder: filled in by the issue that checks channels over the network.
#include "audit/channel_probe.h"

namespace omnicheck::audit {

void probe_channels(const Options& opt, extract::FactStore& facts) {
  (void)opt;
  (void)facts;
}

}  // namespace omnicheck::audit

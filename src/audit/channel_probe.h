// Network checks of the channels a site discloses (private to the audit library): whether
// e-mail domains accept mail (MX, else A/AAAA) and whether contact forms' targets answer.
#pragma once

#include "audit/audit.h"

namespace omnicheck::audit {
// Adds probe facts (e.g. "mx_check", "form_check") to `facts`; never fails the audit: a lookup
// that cannot be made is recorded as such, so rules can say inconclusive.
void probe_channels(const Options& opt, extract::FactStore& facts);
}  // namespace omnicheck::audit

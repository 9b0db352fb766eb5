// Placeholder: filled in by the issue that adds these facts.
#include "extract/extractors.h"

namespace omnicheck::extract {

void extract_register_ids(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  (void)pc;
  (void)sp;
  (void)out;
}

}  // namespace omnicheck::extract

// What the site says about how the trader can be reached, page by page: call cost and purpose
// next to telephone numbers (after extract_phones, whose facts it reads), stated response
// times, opening hours, and links to the ODR platform. Each part lives in its own file.
#include "extract/statement_extractors.h"

namespace omnicheck::extract {

void extract_statements(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  extract_call_costs(pc, sp, out);
  extract_response_times(pc, sp, out);
  extract_opening_hours(pc, sp, out);
  extract_odr_links(pc, sp, out);
}

}  // namespace omnicheck::extract

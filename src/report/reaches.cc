// The exit-code gate: does any finding reach the severity that fails the run?
#include <stdexcept>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {

bool reaches(const std::vector<rules::Finding>& findings, const std::string& fail_on,
             bool count_warn) {
  if (fail_on == "none") return false;
  const int threshold = detail::severity_rank(fail_on);
  if (threshold == 0) {
    throw std::invalid_argument("unknown --fail-on severity '" + fail_on +
                                "' (expected violation, warning, advice or none)");
  }
  for (const auto& f : findings) {
    if (f.status != "fail" && !(count_warn && f.status == "warn")) continue;
    if (!f.counts()) continue;  // accepted with a reason, or already in the baseline
    const int rank = detail::severity_rank(f.severity);
    // An unknown severity ranks highest: a malformed finding must not slip through the gate.
    if (rank == 0 || rank >= threshold) return true;
  }
  return false;
}

}  // namespace omnicheck::report

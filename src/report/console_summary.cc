// The audit's last words on a terminal: what needs attention, where, and why the exit code.
#include <map>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

constexpr std::size_t kMaxMessage = 300;  // a console line, not the report

std::string one_line(std::string_view text, std::size_t max = kMaxMessage) {
  std::string out = show_controls(text, false);
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

bool counts_for_exit(const rules::Finding& f, int threshold, bool count_warn) {
  if (threshold < 0) return false;  // --fail-on none
  if (f.status != "fail" && !(count_warn && f.status == "warn")) return false;
  if (!f.counts()) return false;
  const int rank = detail::severity_rank(f.severity);
  return rank == 0 || rank >= threshold;
}

}  // namespace

std::string console_summary(const std::vector<rules::Finding>& findings, const std::string& fail_on,
                            bool count_warn, const Catalogue& t) {
  const int threshold = fail_on == "none" ? -1 : detail::severity_rank(fail_on);
  std::string out;
  std::map<std::string, int> others;
  std::vector<std::string> gate, warns;
  for (const auto& f : findings) {
    const bool attention = f.status == "fail" || f.status == "warn" || f.status == "inconclusive";
    if (attention && !f.counts()) {
      // Accepted in omnicheck.json, or known from the baseline: counted, not listed.
      ++others[f.baseline_state == "unchanged" ? t("already in the baseline") : t("accepted")];
      continue;
    }
    if (!attention) {
      ++others[f.status];
      continue;
    }
    std::string label = f.status == "fail" ? t("FAIL") : f.status == "warn" ? t("WARN") : t("INCONCLUSIVE");
    out += "  " + label + "  " + one_line(f.rule, 80) + " (" + one_line(f.severity, 20) + "): " + one_line(f.message) + "\n";
    if (!f.evidence.empty()) {
      const auto& e = f.evidence.front();
      std::string where = !e.url.empty() ? e.url : e.file;
      std::string place = !e.locator.empty() ? e.locator : e.header;
      if (!where.empty() || !place.empty()) {
        out += "        " + one_line(where, 200) + (place.empty() ? "" : "  " + one_line(place, 120)) +
               (f.evidence.size() > 1 ? "  " + t.fill("(+{count} more)", {{"count", std::to_string(f.evidence.size() - 1)}}) : "") +
               "\n";
      }
    }
    if (counts_for_exit(f, threshold, count_warn)) gate.push_back(f.rule);
    if (f.status == "warn" && !count_warn) warns.push_back(f.rule);
  }
  std::string rest;
  for (const auto& [status, n] : others) {
    const std::string word = status == "pass" ? t("passed") : status == "not_applicable" ? t("do not apply") : status;
    rest += (rest.empty() ? "" : ", ") + std::to_string(n) + " " + word;
  }
  if (!rest.empty()) out += "  (" + rest + ")\n";

  auto listed = [](const std::vector<std::string>& ids) {
    std::string s;
    for (std::size_t i = 0; i < ids.size() && i < 6; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > 6) s += ", …";
    return s;
  };
  if (!gate.empty()) {
    const std::vector<std::pair<std::string, std::string>> values = {
        {"count", std::to_string(gate.size())}, {"level", fail_on}, {"rules", listed(gate)}};
    out += (count_warn ? t.fill("exit 1: {count} finding(s) failed or warned at --fail-on {level} or above: {rules}", values)
                       : t.fill("exit 1: {count} finding(s) failed at --fail-on {level} or above: {rules}", values)) +
           "\n";
  } else if (fail_on == "none") {
    out += t("exit 0: --fail-on none: findings never fail the run") + "\n";
  } else {
    out += t.fill("exit 0: no finding failed at --fail-on {level} or above", {{"level", fail_on}});
    if (!warns.empty()) out += " " + t.fill("({count} warned: --strict counts them)", {{"count", std::to_string(warns.size())}});
    out += "\n";
  }
  return out;
}

}  // namespace omnicheck::report

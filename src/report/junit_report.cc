// JUnit XML for CI systems that show test results: each rule is a test case, so a merchant's
// pipeline fails on a violated duty the way it fails on a broken unit test.
#include <cstddef>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::escape_xml;

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + escape_xml(value, true) + "\"";
}

// The readable body of a failure or a warning: what is wrong, why it is a duty, where it shows.
std::string details_text(const rules::Finding& f) {
  std::string t = f.title.empty() ? f.rule : f.title;
  t += "\nStatus: " + f.status + ", severity: " + f.severity + "\n";
  if (!f.message.empty()) t += f.message + "\n";
  for (const auto& l : f.law) {
    t += "Legal basis: " + detail::law_citation(l);
    if (!l.url.empty()) t += " <" + l.url + ">";
    t += "\n";
  }
  for (std::size_t i = 0; i < f.evidence.size(); ++i) {
    const auto& e = f.evidence[i];
    t += "Evidence " + std::to_string(i + 1) + ": " + detail::evidence_source(e);
    if (!e.fetched_at.empty()) t += " fetched " + e.fetched_at;
    if (e.status != 0) t += " HTTP " + std::to_string(e.status);
    if (!e.sha256.empty()) t += " sha256 " + e.sha256;
    if (!e.file.empty()) t += " offset " + std::to_string(e.offset);
    if (!e.message_id.empty()) t += " Message-ID " + e.message_id;
    t += "\n";
    if (!e.locator.empty()) t += "  at " + e.locator + "\n";
    if (!e.header.empty()) t += "  header: " + e.header + "\n";
    if (!e.snippet.empty()) t += "  \"" + e.snippet + "\"\n";
    if (!e.note.empty()) t += "  (" + e.note + ")\n";
  }
  return t;
}

std::string classname(const std::string& rule) {
  return "omnicheck." + rule.substr(0, rule.find('.'));
}

}  // namespace

std::string to_junit(const Report& r, bool inconclusive_skips) {
  // An accepted finding (omnicheck.json) and one the baseline report had are skipped, with why.
  int failures = 0, skipped = 0;
  for (const auto& f : r.findings) {
    if (!f.counts()) {
      ++skipped;
    } else if (f.status == "fail" || (f.status == "inconclusive" && !inconclusive_skips)) {
      ++failures;
    } else if (f.status == "not_applicable" || f.status == "inconclusive") {
      ++skipped;
    }
  }
  const std::string tests = std::to_string(r.findings.size());
  const std::string suite_name = "omnicheck " + r.target_url;

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attr("name", "omnicheck") + attr("tests", tests) +
         attr("failures", std::to_string(failures)) + attr("errors", "0") +
         attr("skipped", std::to_string(skipped)) + ">\n";
  out += "  <testsuite" + attr("name", suite_name) + attr("tests", tests) +
         attr("failures", std::to_string(failures)) + attr("errors", "0") +
         attr("skipped", std::to_string(skipped));
  if (!r.started_at.empty()) out += attr("timestamp", r.started_at);
  out += ">\n    <properties>\n";
  const std::pair<const char*, std::string> props[] = {
      {"target", r.target_url},
      {"audit_date", r.audit_date},
      {"started_at", r.started_at},
      {"finished_at", r.finished_at},
      {"pages_fetched", std::to_string(r.pages_fetched)},
      {"tool_version", r.tool_version},
      {"rules_version", r.rules_version}};
  for (const auto& [name, value] : props) {
    out += "      <property" + attr("name", name) + attr("value", value) + "/>\n";
  }
  out += "    </properties>\n";

  for (const auto& f : r.findings) {
    out += "    <testcase" + attr("classname", classname(f.rule)) + attr("name", f.rule) + ">\n";
    const std::string summary = f.message.empty() ? f.title : f.message;
    if (!f.counts()) {
      const std::string why = f.baseline_state == "unchanged" ? "already in the baseline report: " + summary
                                                              : "accepted (" + f.suppression.value("reason", std::string()) +
                                                                    ", until " + f.suppression.value("expires", std::string()) +
                                                                    "): " + summary;
      out += "      <skipped" + attr("message", f.status + ", " + why) + "/>\n";
    } else if (f.status == "fail") {
      out += "      <failure" + attr("type", f.severity) + attr("message", summary) + ">" +
             escape_xml(details_text(f)) + "</failure>\n";
    } else if (f.status == "inconclusive" && !inconclusive_skips) {
      // What could not be checked is not a green test: a CI that reads it as passed would ship
      // a shop nobody could judge.
      out += "      <failure" + attr("type", "inconclusive") + attr("message", "inconclusive: " + summary) + ">" +
             escape_xml("Could not be checked: " + details_text(f)) + "</failure>\n";
    } else if (f.status == "inconclusive" || f.status == "not_applicable") {
      const std::string why =
          (f.status == "inconclusive" ? "inconclusive: " : "not applicable: ") + summary;
      out += "      <skipped" + attr("message", why) + "/>\n";
    } else if (f.status != "pass") {
      // warn (or a status outside the contract): doubt worth a human look, not a broken duty.
      const std::string lead =
          f.status == "warn" ? "WARN (needs a human look): " : "Status outside the contract: ";
      out += "      <system-out>" + escape_xml(lead + details_text(f)) + "</system-out>\n";
    }
    out += "    </testcase>\n";
  }

  if (r.errors.is_array() && !r.errors.empty()) {
    std::string text;
    for (const auto& e : r.errors) text += detail::error_text(e) + "\n";
    out += "    <system-err>" + escape_xml(text) + "</system-err>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace omnicheck::report

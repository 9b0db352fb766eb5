// CSV for spreadsheets and batch aggregation: one row per piece of evidence, so a reviewer can
// filter and sort the places a duty is missed. Merchant text in a spreadsheet is a formula
// injection risk, which csv_field neutralises.
#include <cstddef>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

constexpr const char* kColumns[] = {
    "target",  "audit_date", "rule",       "title",      "status",      "severity", "law",
    "message", "evidence",   "source",     "fetched_at", "http_status", "sha256",   "locator",
    "region",  "offset",     "message_id", "header",     "date",        "snippet",  "note"};

void line(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += detail::csv_field(cells[i]);
  }
  out += "\r\n";  // RFC 4180 line break
}

}  // namespace

std::string to_csv(const Report& r) {
  std::string out;
  line(out, std::vector<std::string>(std::begin(kColumns), std::end(kColumns)));
  for (const auto& f : r.findings) {
    std::string law;
    for (const auto& l : f.law) law += (law.empty() ? "" : "; ") + detail::law_citation(l);
    const std::vector<std::string> finding = {r.target_url, r.audit_date, f.rule, f.title,
                                              f.status,     f.severity,   law,    f.message};
    const auto row = [&](const std::vector<std::string>& evidence) {
      std::vector<std::string> cells = finding;
      cells.insert(cells.end(), evidence.begin(), evidence.end());
      line(out, cells);
    };
    if (f.evidence.empty()) row(std::vector<std::string>(std::size(kColumns) - finding.size()));
    for (std::size_t i = 0; i < f.evidence.size(); ++i) {
      const auto& e = f.evidence[i];
      row({std::to_string(i + 1), detail::evidence_source(e), e.fetched_at,
           e.status ? std::to_string(e.status) : "", e.sha256, e.locator, e.region,
           e.file.empty() ? "" : std::to_string(e.offset), e.message_id, e.header, e.date,
           e.snippet, e.note});
    }
  }
  return out;
}

}  // namespace omnicheck::report

// Markdown for pull requests, issue trackers and chat. Markdown renderers pass raw HTML through
// and turn punctuation into structure, so merchant text is always placed inline (never at the
// start of a line) and escaped by escape_markdown.
#include <cstddef>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::escape_markdown;

std::string label(const std::string& status) {
  const std::string_view l = detail::status_label(status);
  return l.empty() ? escape_markdown(status) : std::string(l);
}

// The snippet with its match in bold; every segment escaped on its own.
std::string snippet_markdown(const std::string& snippet) {
  std::string out;
  for (const auto& seg : detail::split_marks(snippet)) {
    const std::string text = escape_markdown(seg.text);
    // Bold around an empty or blank match would print stray asterisks.
    out +=
        seg.marked && text.find_first_not_of(' ') != std::string::npos ? "**" + text + "**" : text;
  }
  return out;
}

// A link only for http(s) URLs; the target is wrapped in <> so spaces and parentheses in it
// cannot end it early, and the characters that could break out of <> are percent-encoded.
std::string link(const std::string& text_md, const std::string& url) {
  if (!detail::is_http_url(url)) return text_md;
  std::string target;
  for (const char c : detail::valid_utf8(url)) {
    if (c == '<')
      target += "%3C";
    else if (c == '>')
      target += "%3E";
    else if (c == '\\')
      target += "%5C";
    else
      target += c;
  }
  return "[" + text_md + "](<" + target + ">)";
}

void evidence_markdown(std::string& out, const extract::Evidence& e, std::size_t n) {
  out += "- Evidence " + std::to_string(n) + ":";
  if (!e.url.empty()) out += " URL " + link(escape_markdown(e.url), e.url);
  if (!e.file.empty()) {
    out += " file " + escape_markdown(e.file) + " (byte offset " + std::to_string(e.offset) + ")";
  }
  out += "\n";
  const auto field = [&out](const char* name, const std::string& value) {
    if (!value.empty()) out += std::string("  - ") + name + ": " + escape_markdown(value) + "\n";
  };
  field("Fetched at", e.fetched_at);
  if (e.status != 0) out += "  - HTTP status: " + std::to_string(e.status) + "\n";
  field("SHA-256", e.sha256);
  if (e.dom == "rendered") field("Read from", "the DOM a browser rendered; its SHA-256 " + e.rendered_sha256);
  field("Locator", e.locator);
  field("Region", e.region);
  field("Message-ID", e.message_id);
  field("Header", e.header);
  field("Header, decoded", e.header_decoded);
  field("Date", e.date);
  if (!e.snippet.empty()) out += "  - Quote: “" + snippet_markdown(e.snippet) + "”\n";
  field("Shows", e.note);
}

}  // namespace

std::string to_markdown(const Report& r) {
  std::string out = "# omnicheck audit report: " + escape_markdown(r.target_url) + "\n\n";
  out += "- Audit date: " + escape_markdown(r.audit_date) + "\n";
  out += "- Started: " + escape_markdown(r.started_at) +
         ", finished: " + escape_markdown(r.finished_at) + "\n";
  out += "- Pages fetched: " + std::to_string(r.pages_fetched) + "\n";
  out += "- Tool: omnicheck " + escape_markdown(r.tool_version) + ", rules " +
         escape_markdown(r.rules_version) + "\n\n";

  out += "## Summary\n\n| Status | Findings |\n|---|---:|\n";
  const nlohmann::json counts = detail::status_counts(r.findings);
  for (const std::string_view s : detail::kStatuses) {
    out += "| " + label(std::string(s)) + " | " +
           std::to_string(counts[std::string(s)].get<int>()) + " |\n";
  }
  out += "\n| Rule | Title | Status | Severity |\n|---|---|---|---|\n";
  for (const auto& f : r.findings) {
    out += "| " + escape_markdown(f.rule) + " | " + escape_markdown(f.title) + " | " +
           label(f.status) + " | " + escape_markdown(f.severity) + " |\n";
  }

  out += "\n## Findings\n";
  for (const auto& f : r.findings) {
    out += "\n### " + escape_markdown(f.rule) + ": " + escape_markdown(f.title) + "\n\n";
    out += "- Status: **" + label(f.status) + "**, severity: " + escape_markdown(f.severity) + "\n";
    if (!f.law.empty()) {
      out += "- Legal basis:";
      for (std::size_t i = 0; i < f.law.size(); ++i) {
        out +=
            (i ? "; " : " ") + link(escape_markdown(detail::law_citation(f.law[i])), f.law[i].url);
      }
      out += "\n";
    }
    if (!f.message.empty()) out += "- Finding: " + escape_markdown(f.message) + "\n";
    for (std::size_t i = 0; i < f.evidence.size(); ++i)
      evidence_markdown(out, f.evidence[i], i + 1);
  }

  if (r.errors.is_array() && !r.errors.empty()) {
    out += "\n## Errors\n\n";
    for (const auto& e : r.errors)
      out += "- Error: " + escape_markdown(detail::error_text(e)) + "\n";
  }
  return out;
}

}  // namespace omnicheck::report

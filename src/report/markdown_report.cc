// Markdown for pull requests, issue trackers and chat. Markdown renderers pass raw HTML through
// and turn punctuation into structure, so merchant text is always placed inline (never at the
// start of a line) and escaped by escape_markdown.
#include <cstddef>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::escape_markdown;

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


void evidence_markdown(std::string& out, const Catalogue& t, const extract::Evidence& e, std::size_t n) {
  out += "- " + t.fill("Evidence {n}", {{"n", std::to_string(n)}}) + ":";
  if (!e.url.empty()) out += " " + link(escape_markdown(e.url), e.url);
  if (!e.file.empty()) {
    out += " " + t("e-mail file") + " " + escape_markdown(e.file) + " (" +
           t.fill("byte offset {offset}", {{"offset", std::to_string(e.offset)}}) + ")";
  }
  out += "\n";
  const auto field = [&out](const std::string& name, const std::string& value) {
    if (!value.empty()) out += "  - " + name + ": " + escape_markdown(value) + "\n";
  };
  if (!e.fetched_at.empty()) out += "  - " + t("Read on") + ": " + escape_markdown(t.date_time(e.fetched_at)) + "\n";
  if (e.status != 0) out += "  - " + t("HTTP status") + ": " + std::to_string(e.status) + "\n";
  field(t("SHA-256 of the page as received"), e.sha256);
  if (e.dom == "rendered") {
    out += "  - " + t("Read from") + ": " + t("the page as a browser showed it (its scripts run), not the HTML served") + "\n";
    field(t("SHA-256 of the page as shown"), e.rendered_sha256);
  }
  field(t("Place in the page"), e.locator);
  field(t("Part of the page"), e.region);
  field("Message-ID", e.message_id);
  field(t("Header as sent"), e.header);
  field(t("Header, decoded"), e.header_decoded);
  field(t("Date"), e.date);
  if (!e.snippet.empty()) out += "  - " + t("Quote") + ": “" + snippet_markdown(e.snippet) + "”\n";
  field(t("What it shows"), e.note);
}

// A breach or warning as the complaint cites it: what is wrong, its law, its first proof, the fix.
void compact_markdown(std::string& out, const Catalogue& t, const rules::Finding& f) {
  out += "\n#### " + escape_markdown(f.title) + "\n\n- " + escape_markdown(f.message) + "\n";
  if (!f.law.empty()) {
    out += "- " + t("Legal basis:");
    for (std::size_t i = 0; i < f.law.size(); ++i) {
      out += (i ? "; " : " ") + link(escape_markdown(detail::law_citation(f.law[i])), f.law[i].url);
    }
    out += "\n";
  }
  for (const auto* shown : detail::complaint_evidence(f)) {
    const auto& e = *shown;
    out += "- ";
    if (!e.snippet.empty()) out += "“" + snippet_markdown(e.snippet) + "” ";
    std::string where = !e.url.empty() ? link(escape_markdown(e.url), e.url) : escape_markdown(e.file);
    out += "(" + where;
    if (!e.fetched_at.empty()) out += ", " + t("read on") + " " + escape_markdown(t.date_time(e.fetched_at));
    // A hash read back from an archive is not trusted to be one: escaped, never in a code span.
    if (!e.sha256.empty()) out += ", SHA-256 " + escape_markdown(e.sha256);
    out += ")\n";
  }
  if (!f.fix.empty()) out += "- **" + t("How to fix:") + "** " + escape_markdown(f.fix) + "\n";
}

}  // namespace

std::string to_markdown(const Report& r) {
  const Catalogue& t = r.words;
  std::string out = "# " + t("Consumer-law audit report") + ": " + escape_markdown(r.target_url) + "\n\n";
  out += "- " + t("Law in force on") + ": " + escape_markdown(t.date_time(r.audit_date)) + "\n";
  out += "- " + t("Audit carried out") + ": " + escape_markdown(t.date_time(r.started_at)) + " – " +
         escape_markdown(t.date_time(r.finished_at)) + "\n";
  out += "- " + t("Pages read") + ": " + t.number(r.pages_fetched) + "\n";
  out += "- " + t("Tool") + ": omnicheck " + escape_markdown(r.tool_version) + ", " + t("rules") + " " +
         escape_markdown(r.rules_version.substr(0, 12)) + "\n";

  const auto view = detail::complaint_view(r);
  out += "\n## " + t("Breaches found") + "\n\n";
  if (view.breaches.empty()) out += t("No breach of a legal duty was found on what could be read.") + "\n";
  for (const auto& [act, indices] : view.breaches) {
    out += "\n### " + escape_markdown(act) + "\n";
    for (std::size_t i : indices) compact_markdown(out, t, r.findings[i]);
  }
  if (!view.warnings.empty()) {
    out += "\n## " + t("Warnings") + "\n";
    for (std::size_t i : view.warnings) compact_markdown(out, t, r.findings[i]);
  }
  out += "\n## " + t("What could not be checked") + "\n\n";
  if (view.unchecked.empty()) out += t("Every rule that applies could be checked.") + "\n";
  for (std::size_t i : view.unchecked) {
    out += "- **" + escape_markdown(r.findings[i].title) + "**: " + escape_markdown(r.findings[i].message) + "\n";
  }

  out += "\n<details><summary>" + t("All findings") + "</summary>\n\n| " + t("Rule") + " | " + t("Result") + " |\n|---|---|\n";
  for (const auto& f : r.findings) {
    std::string state = detail::status_word(t, f.status);
    if (f.baseline_state == "unchanged") state += " (" + t("already in the baseline report") + ")";
    if (f.suppression.is_object() && !f.suppression.value("expired", false)) state += " (" + t("Accepted") + ")";
    out += "| " + escape_markdown(f.title) + " | " + escape_markdown(state) + " |\n";
  }
  out += "\n";
  for (const auto& f : r.findings) {
    if (f.status == "pass" || f.status == "not_applicable") continue;
    out += "\n### " + escape_markdown(f.title) + " (" + escape_markdown(detail::status_word(t, f.status)) + ")\n\n";
    if (!f.message.empty()) out += "- " + t("Finding") + ": " + escape_markdown(f.message) + "\n";
    for (std::size_t i = 0; i < f.evidence.size(); ++i) evidence_markdown(out, t, f.evidence[i], i + 1);
  }
  out += "\n</details>\n";

  if (r.errors.is_array() && !r.errors.empty()) {
    out += "\n## " + t("Errors") + "\n\n";
    for (const auto& e : r.errors) out += "- " + escape_markdown(detail::error_text(e)) + "\n";
  }
  return out;
}

}  // namespace omnicheck::report

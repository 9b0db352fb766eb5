// Helpers shared by the report renderers; not part of the stage's public interface.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace omnicheck::report::detail {

// --- text_escaping.cc: every piece of merchant text passes through one of these ---
// Valid UTF-8 copy: each maximal ill-formed subsequence becomes one U+FFFD.
std::string valid_utf8(std::string_view text);
// valid_utf8, then also replaces what XML 1.0 cannot carry even as a character reference
// (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) with U+FFFD.
std::string xml_safe(std::string_view text);
// XML text or attribute value (entities as escape_html; in attributes tab, LF and CR become
// character references so that attribute-value normalisation does not eat them).
std::string escape_xml(std::string_view text, bool attribute = false);
// Inline Markdown: one line (line breaks become spaces), specials backslash-escaped, & < >
// as entities so that no raw HTML reaches the renderer, | escaped for table cells.
std::string escape_markdown(std::string_view text);
// One RFC 4180 field: formula triggers neutralised with a leading apostrophe, quoted when it
// holds a comma, quote, CR or LF.
std::string csv_field(std::string_view text);

// --- snippet_marks.cc ---
struct Segment {
  std::string text;  // raw merchant text, not escaped yet
  bool marked = false;
  bool operator==(const Segment&) const = default;
};
// Splits a snippet on its [[...]] match markers. Only outermost balanced pairs mark; nested or
// unbalanced delimiters stay in the text as they are.
std::vector<Segment> split_marks(std::string_view snippet);

// --- link_policy.cc ---
// Whether `url` may become an href: it must start with http:// or https:// (any case) and hold
// no whitespace or control character that a browser would strip before reading the scheme.
bool is_http_url(std::string_view url);
// Whether `url` may be an artifact URI in SARIF: http(s) as above, or file://.
bool is_artifact_url(std::string_view url);

// --- report_model.cc ---
inline constexpr std::array<std::string_view, 5> kStatuses = {"pass", "fail", "warn",
                                                              "not_applicable", "inconclusive"};
// "FAIL", "NOT APPLICABLE", ...; "" for a status outside the contract.
std::string_view status_label(std::string_view status);
// A status in words, in the report's language ("Breach", "Could not be checked"…); a status
// outside the contract as it is.
std::string status_word(const Catalogue& t, const std::string& status);
// The complaint view's parts, in the order the HTML and Markdown reports show them: the breaches
// grouped by the act of their first legal basis (acts in order of first appearance; "Legal basis
// not stated" in the report's language when a rule names none), the warnings, what could not be
// checked, and the breaches and warnings that no longer count (accepted, or known from the
// baseline). Indices into r.findings.
struct ComplaintView {
  std::vector<std::pair<std::string, std::vector<std::size_t>>> breaches;
  std::size_t breach_count = 0;
  std::vector<std::size_t> warnings, unchecked, known;
};
ComplaintView complaint_view(const Report& r);
// The evidence a complaint shows for a finding: up to `max` pieces that quote the page or
// message; when none quotes anything (something is missing: the pages examined), the first ones.
std::vector<const extract::Evidence*> complaint_evidence(const rules::Finding& f, std::size_t max = 3);
// violation 3, warning 2, advice 1, anything else 0.
int severity_rank(std::string_view severity);
// {"pass": n, ...} with every contract status present.
nlohmann::json status_counts(const std::vector<rules::Finding>& findings);
// "CRD 6(1)(c)": act and article as a reader cites them.
std::string law_citation(const rules::LawRef& law);
// The first http(s) law URL of a finding's legal basis, "" if none.
std::string first_law_url(const std::vector<rules::LawRef>& law);
// A JSON value as one line of text: strings as they are, anything else as compact JSON.
std::string json_text(const nlohmann::json& value);
// One entry of Report::errors as a line of text: strings as they are; objects by their "error"
// (the audit's form: {"url"|"file", "offset", "error"}) or "message", then the rest as JSON.
std::string error_text(const nlohmann::json& error);
// The evidence's address: its URL for web evidence, else its file.
std::string evidence_source(const extract::Evidence& e);
// Where a finding is, as a stable key across runs: the rule and its first evidence's page or
// file, element and header. A folder target's page counts by its path below the target `root`
// (the report's target URL), so the same audit of another checkout of the site keys the same.
// SARIF's partialFingerprints and --baseline use it.
std::string fingerprint(const rules::Finding& f, std::string_view root = "");

// --- json_report.cc ---
nlohmann::json law_json(const std::vector<rules::LawRef>& law);  // [{act, article, url}]
nlohmann::json evidence_json(const extract::Evidence& e);
// Copy of `value` with every string (and object key) made valid UTF-8.
nlohmann::json clean_json(const nlohmann::json& value);

// --- html_style.cc ---
std::string_view html_stylesheet();

}  // namespace omnicheck::report::detail

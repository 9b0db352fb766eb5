// SARIF 2.1.0 for code-scanning dashboards and CI: one run, one result per finding, one location
// per piece of evidence. SARIF viewers turn artifact URIs into links, so only http(s) and file
// URLs become URIs; anything else is kept as text in the location's properties.
#include <cctype>
#include <cstddef>
#include <map>
#include <utility>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::valid_utf8;
using nlohmann::json;

// "contact.email" -> "ContactEmail": SARIF wants a rule name that reads as an identifier.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string severity_level(const std::string& severity) {
  const int rank = detail::severity_rank(severity);
  return rank == 1 ? "note" : rank == 2 ? "warning" : "error";  // unknown: treated as violation
}

// See report.h for the table this implements.
void set_kind_and_level(json& result, const rules::Finding& f) {
  if (f.status == "fail") {
    result["kind"] = "fail";
    result["level"] = severity_level(f.severity);
  } else if (f.status == "warn") {
    result["kind"] = "fail";
    result["level"] = detail::severity_rank(f.severity) == 1 ? "note" : "warning";
  } else {
    result["kind"] = f.status == "pass"             ? "pass"
                     : f.status == "not_applicable" ? "notApplicable"
                                                    : "open";  // inconclusive or unknown status
    result["level"] = "none";  // SARIF §3.27.10: non-fail kinds carry level "none"
  }
}

// Relative path or absolute path of an e-mail file as a URI reference: percent-encode
// everything outside RFC 3986's unreserved set and "/".
std::string path_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = path.starts_with('/') ? "file://" : "";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

json location(const extract::Evidence& e) {
  json physical = json::object();
  json props = json::object();
  if (!e.url.empty()) {
    if (detail::is_artifact_url(e.url)) {
      physical["artifactLocation"] = {{"uri", valid_utf8(e.url)}};
    } else {
      props["url"] = valid_utf8(e.url);  // not a safe link: kept as text only
    }
  } else if (!e.file.empty()) {
    physical["artifactLocation"] = {{"uri", path_uri(e.file)}};
  }
  if (!e.snippet.empty() || !e.file.empty()) {
    json region = json::object();
    if (!e.file.empty()) region["byteOffset"] = e.offset;  // where the message starts
    if (!e.snippet.empty()) region["snippet"] = {{"text", valid_utf8(e.snippet)}};
    physical["region"] = std::move(region);
  }

  // The rest of the evidence a person needs to re-check the finding.
  json all = detail::evidence_json(e);
  // "region" is renamed: in SARIF a region is a span of the artifact, not a page part.
  const std::pair<const char*, const char*> kept[] = {
      {"fetched_at", "fetched_at"}, {"status", "status"}, {"sha256", "sha256"},
      {"region", "page_region"},    {"file", "file"},     {"message_id", "message_id"},
      {"header", "header"},         {"date", "date"}};
  for (const auto& [from, to] : kept) {
    if (all.contains(from)) props[to] = all[from];
  }

  json loc = json::object();
  if (!physical.empty()) loc["physicalLocation"] = std::move(physical);
  if (!e.locator.empty()) {
    json element = {{"fullyQualifiedName", valid_utf8(e.locator)}, {"kind", "element"}};
    loc["logicalLocations"] = json::array();
    loc["logicalLocations"].push_back(std::move(element));
  }
  if (!e.note.empty()) loc["message"] = {{"text", valid_utf8(e.note)}};
  if (!props.empty()) loc["properties"] = std::move(props);
  return loc;
}

json rule_descriptor(const rules::Finding& f) {
  std::string basis;
  for (const auto& l : f.law) basis += (basis.empty() ? "" : "; ") + detail::law_citation(l);
  json rule = {
      {"id", valid_utf8(f.rule)},
      {"name", pascal_case(f.rule)},
      {"shortDescription", {{"text", valid_utf8(f.title.empty() ? f.rule : f.title)}}},
      {"defaultConfiguration", {{"level", severity_level(f.severity)}}},
      {"properties", {{"severity", valid_utf8(f.severity)}, {"law", detail::law_json(f.law)}}}};
  if (!basis.empty()) rule["fullDescription"] = {{"text", "Legal basis: " + valid_utf8(basis)}};
  if (const std::string url = detail::first_law_url(f.law); !url.empty()) {
    rule["helpUri"] = valid_utf8(url);
  }
  return rule;
}

}  // namespace

std::string to_sarif(const Report& r) {
  json rules = json::array();
  json results = json::array();
  std::map<std::string, std::size_t> rule_index;  // one descriptor per rule id
  for (const auto& f : r.findings) {
    auto [it, added] = rule_index.emplace(f.rule, rules.size());
    if (added) rules.push_back(rule_descriptor(f));

    // SARIF requires message text; a finding without a message falls back to its title.
    const std::string text = !f.message.empty() ? f.message : !f.title.empty() ? f.title : f.rule;
    json result = {
        {"ruleId", valid_utf8(f.rule)},
        {"ruleIndex", it->second},
        {"message", {{"text", valid_utf8(text)}}},
        {"properties", {{"status", valid_utf8(f.status)}, {"severity", valid_utf8(f.severity)}}}};
    set_kind_and_level(result, f);
    json locations = json::array();
    for (const auto& e : f.evidence) locations.push_back(location(e));
    if (!locations.empty()) result["locations"] = std::move(locations);
    results.push_back(std::move(result));
  }

  json notifications = json::array();
  const json errors = r.errors.is_array() ? r.errors : json::array({r.errors});
  for (const auto& e : errors) {
    if (e.is_null()) continue;
    notifications.push_back(
        {{"level", "warning"}, {"message", {{"text", valid_utf8(detail::error_text(e))}}}});
  }
  json invocation = {{"executionSuccessful", true}};
  if (!r.started_at.empty()) invocation["startTimeUtc"] = valid_utf8(r.started_at);
  if (!r.finished_at.empty()) invocation["endTimeUtc"] = valid_utf8(r.finished_at);
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  json driver = {{"name", "omnicheck"},
                 {"rules", std::move(rules)},
                 {"properties", {{"rules_version", valid_utf8(r.rules_version)}}}};
  if (!r.tool_version.empty()) driver["version"] = valid_utf8(r.tool_version);

  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", json::array({std::move(invocation)})},
              {"results", std::move(results)},
              {"properties",
               {{"target", valid_utf8(r.target_url)},
                {"audit_date", valid_utf8(r.audit_date)},
                {"pages_fetched", r.pages_fetched},
                {"summary", detail::status_counts(r.findings)}}}};

  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  // Outside strings JSON has no < > &, so turning them into \u escapes changes no value; it
  // keeps merchant markup inert even where a viewer pastes the log into an HTML page.
  std::string out;
  for (const char c : log.dump(2, ' ', false, json::error_handler_t::replace)) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out + "\n";
}

}  // namespace omnicheck::report

// SARIF 2.1.0 for code-scanning dashboards and CI: one run, one result per finding that needs
// attention, one location per piece of evidence (report.h says how each is written). Only pages
// of a folder target and e-mail files become artifact URIs, relative ones: code scanning maps
// them to files of the repository and rejects absolute and web URIs.
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "fetch/fetch.h"

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

// A relative path as a URI reference: percent-encode everything outside RFC 3986's unreserved
// set and "/".
std::string path_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
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

namespace fs = std::filesystem;

// Where the artifacts' relative URIs count from.
struct Bases {
  fs::path cwd;        // "%SRCROOT%": the working directory, the repository in CI
  fs::path site_root;  // "SITEROOT": the folder of a folder target ("" for a live site)
  bool site_used = false;
};

// `path` relative to `base` when it lies below it.
std::optional<std::string> below(const fs::path& path, const fs::path& base) {
  if (base.empty()) return std::nullopt;
  const fs::path rel = path.lexically_normal().lexically_relative(base.lexically_normal());
  if (rel.empty() || rel == "." || *rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

// An artifact location for a file (a page of a folder target, an e-mail file), or nullopt.
std::optional<json> artifact(const std::string& file_path, Bases& bases) {
  fs::path p(file_path);
  if (p.is_relative()) p = bases.cwd / p;
  if (auto rel = below(p, bases.cwd)) return json{{"uri", path_uri(*rel)}, {"uriBaseId", "%SRCROOT%"}};
  if (auto rel = below(p, bases.site_root)) {
    bases.site_used = true;
    return json{{"uri", path_uri(*rel)}, {"uriBaseId", "SITEROOT"}};
  }
  return std::nullopt;
}

json location(const extract::Evidence& e, Bases& bases) {
  json physical = json::object();
  json props = json::object();
  std::string logical;  // a live page: its URL and the element
  if (!e.url.empty()) {
    props["url"] = valid_utf8(e.url);
    std::optional<json> art;
    if (e.url.size() > 7 && detail::is_artifact_url(e.url) && e.url.compare(0, 7, "file://") == 0) {
      art = artifact(fetch::percent_decode(e.url.substr(7)), bases);
    }
    if (art) {
      physical["artifactLocation"] = std::move(*art);
    } else if (detail::is_http_url(e.url)) {
      logical = valid_utf8(e.url);
    }
  } else if (!e.file.empty()) {
    if (auto art = artifact(e.file, bases)) physical["artifactLocation"] = std::move(*art);
    // A region needs a position: the byte offset where the message starts is one.
    json region = {{"byteOffset", e.offset}};
    if (!e.snippet.empty()) region["snippet"] = {{"text", valid_utf8(e.snippet)}};
    if (physical.contains("artifactLocation")) physical["region"] = std::move(region);
  }

  // The rest of the evidence a person needs to re-check the finding.
  json all = detail::evidence_json(e);
  // "region" is renamed: in SARIF a region is a span of the artifact, not a page part.
  const std::pair<const char*, const char*> kept[] = {
      {"fetched_at", "fetched_at"}, {"status", "status"},       {"sha256", "sha256"},
      {"dom", "dom"},               {"rendered_sha256", "rendered_sha256"},
      {"region", "page_region"},    {"file", "file"},           {"message_id", "message_id"},
      {"header", "header"},         {"header_decoded", "header_decoded"}, {"date", "date"}, {"snippet", "quote"},
      {"note", "note"}};
  for (const auto& [from, to] : kept) {
    if (all.contains(from)) props[to] = all[from];
  }

  json loc = json::object();
  if (!physical.empty()) loc["physicalLocation"] = std::move(physical);
  if (!e.locator.empty() || !logical.empty()) {
    std::string name = logical.empty() ? valid_utf8(e.locator)
                                       : logical + (e.locator.empty() ? "" : " " + valid_utf8(e.locator));
    json element = {{"fullyQualifiedName", name}, {"kind", "element"}};
    loc["logicalLocations"] = json::array();
    loc["logicalLocations"].push_back(std::move(element));
  }
  // What a reviewer reads first: the quote, else what the evidence shows.
  const std::string text = !e.snippet.empty() ? e.snippet : e.note;
  if (!text.empty()) loc["message"] = {{"text", valid_utf8(text)}};
  if (!props.empty()) loc["properties"] = std::move(props);
  return loc;
}

// The same finding in the next run: the rule and where its first piece of evidence stands (page
// or file, element or header), not the message, whose counts and values may change.
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
  // What a developer reads beside the result: what the rule checks, on what law, how to fix it.
  rule["help"] = {{"text", valid_utf8(f.title.empty() ? f.rule : f.title) + "." +
                               (basis.empty() ? "" : " Legal basis: " + valid_utf8(basis) + ".") +
                               (f.fix.empty() ? "" : " How to fix: " + valid_utf8(f.fix)) +
                               " The result's message says what the site shows; its locations quote the evidence."}};
  return rule;
}

}  // namespace

std::string to_sarif(const Report& r, bool all_results) {
  Bases bases;
  std::error_code ec;
  bases.cwd = fs::current_path(ec);
  if (r.target_url.rfind("file://", 0) == 0) bases.site_root = fetch::percent_decode(r.target_url.substr(7));
  json rules = json::array();
  json results = json::array();
  std::map<std::string, std::size_t> rule_index;  // one descriptor per rule id
  for (const auto& f : r.findings) {
    auto [it, added] = rule_index.emplace(f.rule, rules.size());
    if (added) rules.push_back(rule_descriptor(f));
    if (!all_results && (f.status == "pass" || f.status == "not_applicable")) continue;
    // --baseline: only what is new is a result; what the old report had stays out.
    if (f.baseline_state == "unchanged") continue;

    // SARIF requires message text; a finding without a message falls back to its title.
    const std::string text = !f.message.empty() ? f.message : !f.title.empty() ? f.title : f.rule;
    json result = {
        {"ruleId", valid_utf8(f.rule)},
        {"ruleIndex", it->second},
        {"message", {{"text", valid_utf8(text)}}},
        {"properties", {{"status", valid_utf8(f.status)}, {"severity", valid_utf8(f.severity)}}}};
    set_kind_and_level(result, f);
    result["partialFingerprints"] = {{"omnicheck/v1", detail::fingerprint(f, r.target_url)}};
    if (f.baseline_state == "new") result["baselineState"] = "new";
    // Accepted in omnicheck.json: SARIF's own suppression, which code scanning shows as dismissed.
    if (f.suppression.is_object() && !f.suppression.value("expired", false)) {
      result["suppressions"] = json::array({{{"kind", "external"},
                                             {"status", "accepted"},
                                             {"justification", valid_utf8(f.suppression.value("reason", std::string()) + " (until " +
                                                                          f.suppression.value("expires", std::string()) + ")")}}});
    }
    json locations = json::array();
    for (const auto& e : f.evidence) locations.push_back(location(e, bases));
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

  json bases_json = {{"%SRCROOT%", {{"description", {{"text", "The working directory omnicheck ran in (the repository, in CI)."}}}}}};
  if (bases.site_used) {
    std::string root = "file://" + path_uri(bases.site_root.generic_string());
    if (root.back() != '/') root += '/';
    bases_json["SITEROOT"] = {{"uri", root}, {"description", {{"text", "The folder of the audited site."}}}};
  }
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"originalUriBaseIds", std::move(bases_json)},
              {"invocations", json::array({std::move(invocation)})},
              {"results", std::move(results)},
              {"properties",
               {{"target", valid_utf8(r.target_url)},
                {"audit_date", valid_utf8(r.audit_date)},
                {"pages_fetched", r.pages_fetched},
                {"summary", detail::status_counts(r.findings)}}}};

  json log = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
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

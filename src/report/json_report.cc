// The report's JSON: the contract shape of DESIGN.md, written from the findings' fields
// (Finding::to_json belongs to the rules stage and may carry more than the report promises).
#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace detail {

nlohmann::json clean_json(const nlohmann::json& value) {
  if (value.is_string()) return valid_utf8(value.get_ref<const std::string&>());
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : value) out.push_back(clean_json(v));
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : value.items()) out[valid_utf8(k)] = clean_json(v);
    return out;
  }
  return value;
}

nlohmann::json law_json(const std::vector<rules::LawRef>& law) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : law) {
    out.push_back({{"act", valid_utf8(l.act)},
                   {"article", valid_utf8(l.article)},
                   {"url", valid_utf8(l.url)}});
  }
  return out;
}

nlohmann::json evidence_json(const extract::Evidence& e) {
  nlohmann::json j = nlohmann::json::object();
  const auto put = [&j](const char* key, const std::string& v) {
    if (!v.empty()) j[key] = valid_utf8(v);
  };
  put("url", e.url);
  put("fetched_at", e.fetched_at);
  if (e.status != 0) j["status"] = e.status;
  put("sha256", e.sha256);
  put("locator", e.locator);
  put("region", e.region);
  put("file", e.file);
  // Offset 0 is a real position (a single .eml, the first message of an mbox): kept whenever
  // the evidence names a file.
  if (!e.file.empty()) j["offset"] = e.offset;
  put("message_id", e.message_id);
  put("header", e.header);
  put("date", e.date);
  put("snippet", e.snippet);
  put("note", e.note);
  return j;
}

}  // namespace detail

namespace {

nlohmann::json finding_json(const rules::Finding& f) {
  using detail::valid_utf8;
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& e : f.evidence) evidence.push_back(detail::evidence_json(e));
  return {{"rule", valid_utf8(f.rule)},     {"title", valid_utf8(f.title)},
          {"status", valid_utf8(f.status)}, {"severity", valid_utf8(f.severity)},
          {"law", detail::law_json(f.law)}, {"message", valid_utf8(f.message)},
          {"evidence", std::move(evidence)}};
}

}  // namespace

nlohmann::json to_json(const Report& r) {
  using detail::valid_utf8;
  nlohmann::json target = {{"url", valid_utf8(r.target_url)},
                           {"started_at", valid_utf8(r.started_at)},
                           {"finished_at", valid_utf8(r.finished_at)},
                           {"pages_fetched", r.pages_fetched},
                           {"audit_date", valid_utf8(r.audit_date)}};
  if (r.target_extra.is_object()) {
    // Extras add context; they never replace what the contract defines.
    const nlohmann::json extra = detail::clean_json(r.target_extra);
    for (const auto& [k, v] : extra.items()) {
      if (!target.contains(k)) target[k] = v;
    }
  } else if (!r.target_extra.is_null()) {
    target["extra"] = detail::clean_json(r.target_extra);
  }

  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : r.findings) findings.push_back(finding_json(f));

  return {{"tool",
           {{"name", "omnicheck"},
            {"version", valid_utf8(r.tool_version)},
            {"rules_version", valid_utf8(r.rules_version)}}},
          {"target", std::move(target)},
          {"summary", detail::status_counts(r.findings)},
          {"findings", std::move(findings)},
          {"facts", detail::clean_json(r.facts)},
          {"errors", detail::clean_json(r.errors)}};
}

}  // namespace omnicheck::report

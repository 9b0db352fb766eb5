// The report's JSON: the contract shape of DESIGN.md, written from the findings' fields
// (Finding::to_json belongs to the rules stage and may carry more than the report promises).
#include <ostream>

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
  put("dom", e.dom);
  put("rendered_sha256", e.rendered_sha256);
  put("locator", e.locator);
  put("region", e.region);
  put("file", e.file);
  // Offset 0 is a real position (a single .eml, the first message of an mbox): kept whenever
  // the evidence names a file.
  if (!e.file.empty()) j["offset"] = e.offset;
  put("message_id", e.message_id);
  put("header", e.header);
  put("header_decoded", e.header_decoded);
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
  nlohmann::json j = {{"rule", valid_utf8(f.rule)},     {"title", valid_utf8(f.title)},
                      {"status", valid_utf8(f.status)}, {"severity", valid_utf8(f.severity)},
                      {"law", detail::law_json(f.law)}, {"message", valid_utf8(f.message)},
                      {"evidence", std::move(evidence)}};
  if (!f.fix.empty()) j["fix"] = valid_utf8(f.fix);
  if (!f.message_en.empty() && f.message_en != f.message) j["message_en"] = valid_utf8(f.message_en);
  if (f.suppression.is_object()) j["suppression"] = detail::clean_json(f.suppression);
  if (!f.baseline_state.empty()) j["baseline_state"] = f.baseline_state;
  return j;
}

nlohmann::json target_json(const Report& r) {
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
  return target;
}

nlohmann::json tool_json(const Report& r) {
  return {{"name", "omnicheck"},
          {"version", detail::valid_utf8(r.tool_version)},
          {"rules_version", detail::valid_utf8(r.rules_version)}};
}

bool keys_valid(const nlohmann::json& object) {
  for (const auto& [k, v] : object.items()) {
    if (detail::valid_utf8(k) != k) return false;
  }
  return true;
}

// Writes clean_json(value).dump(2) as if `value` sat `level` levels deep, without building the
// cleaned copy or the text in memory: a mailbox of 100,000 messages has a facts section of
// hundreds of megabytes, and a copy of the tree plus its text would triple the audit's peak.
void stream_clean(const nlohmann::json& value, std::ostream& out, int level) {
  const bool container = value.is_array() || (value.is_object() && keys_valid(value));
  if (!container || value.empty()) {
    // An object whose keys need repair may merge keys (two spellings become one): the copy
    // decides, exactly as to_json does.
    const std::string text = detail::clean_json(value).dump(2);
    for (char c : text) {
      out.put(c);
      if (c == '\n') out << std::string(static_cast<std::size_t>(level) * 2, ' ');
    }
    return;
  }
  const std::string inner(static_cast<std::size_t>(level + 1) * 2, ' ');
  out << (value.is_array() ? "[\n" : "{\n");
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!first) out << ",\n";
    first = false;
    out << inner;
    if (value.is_object()) out << nlohmann::json(it.key()).dump() << ": ";
    stream_clean(*it, out, level + 1);
  }
  out << "\n" << std::string(static_cast<std::size_t>(level) * 2, ' ') << (value.is_array() ? "]" : "}");
}

}  // namespace

void write_json(const Report& r, std::ostream& out) {
  // Keys in the order nlohmann::json's object keeps them (sorted), so that the text equals
  // to_json(r).dump(2) byte for byte.
  out << "{\n  \"errors\": ";
  stream_clean(r.errors, out, 1);
  out << ",\n  \"facts\": ";
  stream_clean(r.facts, out, 1);
  out << ",\n  \"findings\": ";
  if (r.findings.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      out << (i ? ",\n    " : "    ");
      stream_clean(finding_json(r.findings[i]), out, 2);
    }
    out << "\n  ]";
  }
  out << ",\n  \"summary\": ";
  stream_clean(detail::status_counts(r.findings), out, 1);
  out << ",\n  \"target\": ";
  stream_clean(target_json(r), out, 1);
  out << ",\n  \"tool\": ";
  stream_clean(tool_json(r), out, 1);
  out << "\n}\n";
}

nlohmann::json to_json(const Report& r) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : r.findings) findings.push_back(finding_json(f));

  return {{"tool", tool_json(r)},
          {"target", target_json(r)},
          {"summary", detail::status_counts(r.findings)},
          {"findings", std::move(findings)},
          {"facts", detail::clean_json(r.facts)},
          {"errors", detail::clean_json(r.errors)}};
}

}  // namespace omnicheck::report

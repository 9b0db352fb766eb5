// The vocabulary every renderer shares: contract statuses and their labels, severity ranks,
// counts, how a legal basis and an input error read as text.
#include <algorithm>

#include "fetch/fetch.h"
#include "report/report_internal.h"

namespace omnicheck::report::detail {

std::string_view status_label(std::string_view status) {
  if (status == "pass") return "PASS";
  if (status == "fail") return "FAIL";
  if (status == "warn") return "WARN";
  if (status == "not_applicable") return "NOT APPLICABLE";
  if (status == "inconclusive") return "INCONCLUSIVE";
  return "";
}

std::string status_word(const Catalogue& t, const std::string& status) {
  if (status == "pass") return t("Passed");
  if (status == "fail") return t("Breach");
  if (status == "warn") return t("Warning");
  if (status == "not_applicable") return t("Does not apply");
  if (status == "inconclusive") return t("Could not be checked");
  return status;
}

ComplaintView complaint_view(const Report& r) {
  ComplaintView v;
  const Catalogue& t = r.words;
  const std::string unstated = t("Legal basis not stated");
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    if (!f.counts() && (f.status == "fail" || f.status == "warn")) {
      v.known.push_back(i);
    } else if (f.status == "fail") {
      const std::string act = f.law.empty() ? unstated : f.law.front().act;
      auto group = std::find_if(v.breaches.begin(), v.breaches.end(), [&act](const auto& g) { return g.first == act; });
      if (group == v.breaches.end()) group = v.breaches.insert(v.breaches.end(), {act, {}});
      group->second.push_back(i);
      ++v.breach_count;
    } else if (f.status == "warn") {
      v.warnings.push_back(i);
    } else if (f.status == "inconclusive") {
      v.unchecked.push_back(i);
    }
  }
  return v;
}

std::vector<const extract::Evidence*> complaint_evidence(const rules::Finding& f, std::size_t max) {
  const bool quotes = std::any_of(f.evidence.begin(), f.evidence.end(), [](const auto& e) { return !e.snippet.empty(); });
  std::vector<const extract::Evidence*> shown;
  for (const auto& e : f.evidence) {
    if (shown.size() == max) break;
    if (quotes && e.snippet.empty()) continue;
    shown.push_back(&e);
  }
  return shown;
}

int severity_rank(std::string_view severity) {
  if (severity == "violation") return 3;
  if (severity == "warning") return 2;
  if (severity == "advice") return 1;
  return 0;
}

nlohmann::json status_counts(const std::vector<rules::Finding>& findings) {
  nlohmann::json counts = nlohmann::json::object();
  for (const std::string_view s : kStatuses) counts[std::string(s)] = 0;
  for (const auto& f : findings) {
    // A status outside the contract is not counted here; renderers still show the finding.
    if (counts.contains(f.status)) counts[f.status] = counts[f.status].get<int>() + 1;
  }
  return counts;
}

std::string law_citation(const rules::LawRef& law) {
  if (law.article.empty()) return law.act;
  if (law.act.empty()) return law.article;
  return law.act + " " + law.article;
}

std::string first_law_url(const std::vector<rules::LawRef>& law) {
  for (const auto& l : law) {
    if (is_http_url(l.url)) return l.url;
  }
  return "";
}

std::string json_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_text(const nlohmann::json& error) {
  if (!error.is_object()) return json_text(error);
  for (const char* key : {"error", "message"}) {
    if (!error.contains(key) || !error[key].is_string()) continue;
    // What went wrong reads first; where it happened (url, file, offset…) follows as JSON.
    nlohmann::json rest = error;
    rest.erase(key);
    std::string text = error[key].get<std::string>();
    if (!rest.empty()) text += " " + json_text(rest);
    return text;
  }
  return json_text(error);
}

std::string evidence_source(const extract::Evidence& e) { return e.url.empty() ? e.file : e.url; }

std::string fingerprint(const rules::Finding& f, std::string_view root) {
  std::string key = f.rule;
  if (!f.evidence.empty()) {
    const auto& e = f.evidence.front();
    std::string where = e.url.empty() ? e.file : e.url;
    if (where.rfind("file://", 0) == 0) {
      where = !root.empty() && where.starts_with(root) ? where.substr(root.size()) : where.substr(where.find_last_of('/') + 1);
    }
    key += "|" + where + "|" + e.locator + "|" + e.header;
  }
  return fetch::sha256_hex(key).substr(0, 32);
}

}  // namespace omnicheck::report::detail

// Accepted findings (omnicheck.json's "suppressions") and the comparison with an earlier report
// (--baseline): both leave every finding in the report and only change what counts.
#include <fnmatch.h>

#include <set>
#include <stdexcept>

#include "fetch/fetch.h"
#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

// Shell-style patterns (fnmatch): the form .semgrepignore and .gitignore users know.
bool fits(const std::string& pattern, const std::string& text) {
  return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

// A live site by its host; a saved site by its folder's last name (the checkout's path differs
// from machine to machine); an e-mail-only audit by being one.
bool same_site(const std::string& a, const std::string& b) {
  const auto is_file = [](const std::string& u) { return u.rfind("file://", 0) == 0; };
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  if (is_file(a) != is_file(b)) return false;
  if (!is_file(a)) {
    const auto host = [](const std::string& u) {
      std::string h = fetch::url_host(u);
      return h.rfind("www.", 0) == 0 ? h.substr(4) : h;
    };
    return host(a) == host(b);
  }
  const auto folder = [](std::string u) {
    while (!u.empty() && u.back() == '/') u.pop_back();
    return u.substr(u.find_last_of('/') + 1);
  };
  return folder(a) == folder(b);
}

// The site a JSON report is of ("" for an e-mail-only audit).
std::string target_of(const nlohmann::json& report) {
  return report.contains("target") && report["target"].is_object() ? report["target"].value("url", std::string()) : std::string();
}

bool covers(const Suppression& s, const rules::Finding& f) {
  if (!fits(s.rule, f.rule)) return false;
  if (s.url.empty() && s.mail.empty()) return true;  // the rule, wherever it fires
  if (f.evidence.empty()) return false;             // a scope needs a place to compare
  for (const auto& e : f.evidence) {
    if (!s.url.empty()) {
      if (e.url.empty() || !fits(s.url, e.url)) return false;
    } else {
      if (e.file.empty()) return false;
      // A pattern with a folder in it matches the path; a bare name matches the file's name.
      const std::string name = e.file.substr(e.file.find_last_of('/') + 1);
      if (!fits(s.mail, s.mail.find('/') != std::string::npos ? e.file : name)) return false;
    }
  }
  return true;
}

}  // namespace

std::vector<Suppression> parse_suppressions(const nlohmann::json& list, const std::string& file) {
  std::vector<Suppression> out;
  if (list.is_null()) return out;
  if (!list.is_array()) throw std::runtime_error(file + ": \"suppressions\" must be a list");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& j = list[i];
    const std::string where = file + ": suppression " + std::to_string(i + 1);
    if (!j.is_object()) throw std::runtime_error(where + " is not an object");
    const auto text = [&](const char* key) {
      if (!j.contains(key)) return std::string();
      if (!j[key].is_string()) throw std::runtime_error(where + ": \"" + key + "\" must be a string");
      return j[key].get<std::string>();
    };
    for (const auto& [key, v] : j.items()) {
      static const std::set<std::string> kKeys = {"rule", "url", "mail", "reason", "expires"};
      if (!kKeys.count(key)) throw std::runtime_error(where + ": unknown key \"" + key + "\" (rule, url, mail, reason, expires)");
    }
    Suppression s{text("rule"), text("url"), text("mail"), text("reason"), text("expires"), file + "#" + std::to_string(i + 1)};
    if (s.rule.empty()) throw std::runtime_error(where + ": names no \"rule\"");
    if (s.reason.find_first_not_of(" \t\r\n") == std::string::npos)
      throw std::runtime_error(where + " (" + s.rule + "): gives no \"reason\"; an accepted finding needs one");
    if (!fetch::is_calendar_date(s.expires))
      throw std::runtime_error(where + " (" + s.rule + "): \"expires\" must be a date YYYY-MM-DD; an acceptance cannot be open-ended");
    if (!s.url.empty() && !s.mail.empty()) throw std::runtime_error(where + " (" + s.rule + "): give \"url\" or \"mail\", not both");
    out.push_back(std::move(s));
  }
  return out;
}

void apply_suppressions(Report& r, const std::vector<Suppression>& suppressions, const std::string& today) {
  for (auto& f : r.findings) {
    if (f.status != "fail" && f.status != "warn" && f.status != "inconclusive") continue;
    // A live acceptance wins over one that ran out; among equals, the first listed.
    const Suppression* chosen = nullptr;
    for (const auto& s : suppressions) {
      if (!covers(s, f)) continue;
      const bool live = today <= s.expires;
      if (!chosen || (live && today > chosen->expires)) chosen = &s;
      if (live) break;
    }
    if (!chosen) continue;
    f.suppression = {{"rule", chosen->rule}, {"reason", chosen->reason}, {"expires", chosen->expires}, {"source", chosen->source}};
    if (!chosen->url.empty()) f.suppression["url"] = chosen->url;
    if (!chosen->mail.empty()) f.suppression["mail"] = chosen->mail;
    if (today > chosen->expires) f.suppression["expired"] = true;
  }
}

void check_baseline(const nlohmann::json& old_report, const std::string& target_url) {
  if (!old_report.is_object() || !old_report.contains("findings") || !old_report["findings"].is_array() ||
      !old_report.contains("tool") || !old_report["tool"].is_object() ||
      old_report["tool"].value("name", std::string()) != "omnicheck") {
    throw std::runtime_error("not a JSON report of omnicheck (no tool.name \"omnicheck\" and findings)");
  }
  // Another site's report would silence this one's findings: the targets must be the same site
  // (a live site by its host, a saved one by its folder's name, wherever it was checked out).
  const std::string old_target = target_of(old_report);
  if (!target_url.empty() && !same_site(old_target, target_url)) {
    throw std::runtime_error("the baseline report is of " + (old_target.empty() ? std::string("no site") : old_target) +
                             ", not of " + target_url);
  }
}

void apply_baseline(Report& r, const nlohmann::json& old_report) {
  check_baseline(old_report, r.target_url);
  // An e-mail-only audit's baseline must be one too.
  const std::string old_target = target_of(old_report);
  if (r.target_url.empty() && !old_target.empty()) {
    throw std::runtime_error("the baseline report is of " + old_target + ", not of an e-mail-only audit");
  }
  std::set<std::string> known;  // status|fingerprint
  for (const auto& j : old_report["findings"]) {
    if (!j.is_object()) continue;
    // What the old report only had because it was accepted then is not known now: once its
    // acceptance runs out it must count again, baseline or not.
    if (j.contains("suppression") && j["suppression"].is_object() && !j["suppression"].value("expired", false)) continue;
    rules::Finding old;
    old.rule = j.value("rule", std::string());
    if (j.contains("evidence") && j["evidence"].is_array() && !j["evidence"].empty() && j["evidence"][0].is_object()) {
      const auto& e = j["evidence"][0];
      extract::Evidence ev;
      ev.url = e.value("url", std::string());
      ev.file = e.value("file", std::string());
      ev.locator = e.value("locator", std::string());
      ev.header = e.value("header", std::string());
      old.evidence.push_back(std::move(ev));
    }
    known.insert(j.value("status", std::string()) + "|" + detail::fingerprint(old, old_target));
  }
  for (auto& f : r.findings) {
    if (f.status == "pass" || f.status == "not_applicable") continue;
    f.baseline_state = known.count(f.status + "|" + detail::fingerprint(f, r.target_url)) ? "unchanged" : "new";
  }
}

}  // namespace omnicheck::report

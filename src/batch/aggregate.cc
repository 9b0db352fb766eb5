#include "batch/aggregate.h"

#include <algorithm>

#include "batch/csv.h"
#include "batch/worker.h"
#include "fetch/fetch.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

void replace_file(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp";
  write_file_durably(tmp, content);
  fs::rename(tmp, path);
}

}  // namespace

std::string report_path(const StoredSite& s, const std::string& file) {
  return s.report_dir.empty() ? std::string() : "sites/" + s.report_dir + "/" + file;
}

Aggregate load_aggregate(Store& store) {
  Aggregate a;
  a.counts = store.counts();
  a.line_errors = store.line_errors();
  std::map<std::string, std::size_t> index;
  for (auto& s : store.sites()) {
    index[s.site.id] = a.sites.size();
    a.sites.push_back({std::move(s), {}, 0, {}, {}});
  }
  store.with_db([&](Database& db) {
    auto meta = db.prepare("SELECT key, value FROM meta");
    while (meta.step()) a.meta[meta.text(0)] = meta.text(1);

    auto runs = db.prepare("SELECT site_id, pages_fetched, finished_at, rules_version FROM runs WHERE outcome = 'done'");
    while (runs.step()) {
      auto it = index.find(runs.text(0));
      if (it == index.end()) continue;
      AggregateSite& s = a.sites[it->second];
      s.pages_fetched = static_cast<int>(runs.integer(1));
      s.finished_at = runs.text(2);
      s.rules_version = runs.text(3);
    }
    // Rules in the order reports list them; a rule some sites lack still gets its column.
    auto rules = db.prepare(
        "SELECT f.rule, min(f.seq) AS first, max(f.title), max(f.severity) FROM findings f "
        "JOIN runs r ON r.run_id = f.run_id WHERE r.outcome = 'done' GROUP BY f.rule ORDER BY first, f.rule");
    std::map<std::string, std::size_t> rule_index;
    while (rules.step()) {
      rule_index[rules.text(0)] = a.rules.size();
      a.rules.push_back({rules.text(0), rules.text(2), rules.text(3), {}});
    }
    auto findings = db.prepare(
        "SELECT f.site_id, f.rule, f.status FROM findings f JOIN runs r ON r.run_id = f.run_id "
        "WHERE r.outcome = 'done'");
    while (findings.step()) {
      auto it = index.find(findings.text(0));
      if (it == index.end()) continue;
      const std::string rule = findings.text(1), status = findings.text(2);
      a.sites[it->second].status[rule] = status;
      a.rules[rule_index[rule]].counts[status]++;
    }
    return 0;
  });
  return a;
}

// The list's own columns beyond url, id, country and emails (a regulator's case number, a
// sector), in the order they first appear: kept in the table so it can be joined back.
std::vector<std::string> extra_columns(const Aggregate& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sites) {
    for (const auto& [k, v] : s.stored.site.extra.items()) {
      (void)v;
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
  }
  return out;
}

std::string extra_value(const AggregateSite& s, const std::string& key) {
  const auto& extra = s.stored.site.extra;
  if (!extra.is_object() || !extra.contains(key)) return "";
  return extra[key].is_string() ? extra[key].get<std::string>() : extra[key].dump();
}

std::string aggregate_csv(const Aggregate& a) {
  std::vector<std::string> header = {"site_id", "url", "country", "state", "reason", "pages_fetched",
                                     "finished_at", "report"};
  const std::vector<std::string> extras = extra_columns(a);
  for (const auto& k : extras) header.push_back(k);
  for (const auto& r : a.rules) header.push_back(r.id);
  std::string out = csv_line(header);
  for (const auto& s : a.sites) {
    std::vector<std::string> row = {s.stored.site.id,
                                    s.stored.site.target,
                                    s.stored.site.country,
                                    s.stored.state,
                                    s.stored.reason,
                                    s.stored.state == "done" ? std::to_string(s.pages_fetched) : "",
                                    s.finished_at,
                                    report_path(s.stored, "report.html")};
    for (const auto& k : extras) row.push_back(extra_value(s, k));
    for (const auto& r : a.rules) {
      auto it = s.status.find(r.id);
      row.push_back(it == s.status.end() ? "" : it->second);
    }
    out += csv_line(row);
  }
  return out;
}

std::string rule_counts_csv(const Aggregate& a) {
  std::vector<std::string> header = {"rule", "title", "severity"};
  for (const char* st : kStatuses) header.push_back(st);
  header.push_back("not_audited");
  std::string out = csv_line(header);
  for (const auto& r : a.rules) {
    std::vector<std::string> row = {r.id, r.title, r.severity};
    int audited = 0;
    for (const char* st : kStatuses) {
      auto it = r.counts.find(st);
      const int n = it == r.counts.end() ? 0 : it->second;
      audited += n;
      row.push_back(std::to_string(n));
    }
    row.push_back(std::to_string(a.counts.total - audited));
    out += csv_line(row);
  }
  return out;
}

nlohmann::json aggregate_json(const Aggregate& a) {
  auto meta = [&a](const char* key) {
    auto it = a.meta.find(key);
    return it == a.meta.end() ? std::string() : it->second;
  };
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& r : a.rules) {
    nlohmann::json counts = nlohmann::json::object();
    for (const char* st : kStatuses) {
      auto it = r.counts.find(st);
      counts[st] = it == r.counts.end() ? 0 : it->second;
    }
    rules.push_back({{"rule", r.id}, {"title", r.title}, {"severity", r.severity}, {"counts", counts}});
  }
  nlohmann::json sites = nlohmann::json::array();
  for (const auto& s : a.sites) {
    nlohmann::json j = {{"id", s.stored.site.id},          {"url", s.stored.site.target},
                        {"country", s.stored.site.country}, {"list_line", s.stored.site.line},
                        {"state", s.stored.state},          {"attempts", s.stored.attempts},
                        {"statuses", s.status}};
    if (!s.stored.reason.empty()) j["reason"] = s.stored.reason;
    if (!s.stored.site.emails.empty()) j["emails"] = s.stored.site.emails;
    if (!s.stored.site.extra.empty()) j["extra"] = s.stored.site.extra;
    if (s.stored.state == "done") {
      j["pages_fetched"] = s.pages_fetched;
      j["finished_at"] = s.finished_at;
      j["rules_version"] = s.rules_version;
    }
    if (!s.stored.report_dir.empty()) {
      j["report_json"] = report_path(s.stored, "report.json");
      j["report_html"] = report_path(s.stored, "report.html");
    }
    sites.push_back(std::move(j));
  }
  nlohmann::json line_errors = nlohmann::json::array();
  for (const auto& [line, msg] : a.line_errors) line_errors.push_back({{"line", line}, {"message", msg}});
  return {{"tool", {{"name", "omnicheck"}, {"version", meta("tool_version")}}},
          {"generated_at", fetch::now_rfc3339()},
          {"list", {{"file", meta("list_file")}, {"sha256", meta("list_sha256")}}},
          {"shard", meta("shard")},
          {"audit_date", meta("audit_date")},
          {"totals",
           {{"sites", a.counts.total}, {"done", a.counts.done}, {"failed", a.counts.failed},
            {"pending", a.counts.pending}, {"list_errors", a.line_errors.size()}}},
          {"rules", rules},
          {"sites", sites},
          {"list_errors", line_errors}};
}

std::string findings_csv(Store& store, const Aggregate& a) {
  std::map<std::string, const AggregateSite*> by_id;
  for (const auto& s : a.sites) by_id[s.stored.site.id] = &s;
  std::vector<std::string> header = {"site_id", "url", "country", "rule", "title", "status", "severity", "message",
                                     "evidence_url", "quote", "fetched_at", "sha256"};
  std::string out = csv_line(header);
  store.with_db([&](Database& db) {
    auto q = db.prepare(
        "SELECT f.site_id, f.rule, f.title, f.status, f.severity, f.message, f.evidence FROM findings f "
        "JOIN runs r ON r.run_id = f.run_id WHERE r.outcome = 'done' ORDER BY f.site_id, f.seq");
    while (q.step()) {
      auto it = by_id.find(q.text(0));
      if (it == by_id.end()) continue;
      const Site& site = it->second->stored.site;
      // The first piece of evidence that quotes something (else the first): what a reader checks.
      std::string url, quote, fetched_at, sha;
      auto evidence = nlohmann::json::parse(q.text(6), nullptr, false);
      if (evidence.is_array() && !evidence.empty()) {
        const nlohmann::json* pick = &evidence[0];
        for (const auto& e : evidence) {
          if (e.is_object() && e.contains("snippet")) {
            pick = &e;
            break;
          }
        }
        if (pick->is_object()) {
          url = pick->value("url", pick->value("file", std::string()));
          quote = pick->value("snippet", std::string());
          fetched_at = pick->value("fetched_at", std::string());
          sha = pick->value("sha256", std::string());
        }
      }
      out += csv_line({site.id, site.target, site.country, q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), url,
                       quote, fetched_at, sha});
    }
    return 0;
  });
  return out;
}

void write_aggregate(Store& store, const fs::path& dir) {
  const Aggregate a = load_aggregate(store);
  replace_file(dir / "aggregate.csv", aggregate_csv(a));
  replace_file(dir / "findings.csv", findings_csv(store, a));
  replace_file(dir / "rule_counts.csv", rule_counts_csv(a));
  replace_file(dir / "aggregate.json", aggregate_json(a).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  replace_file(dir / "index.html", index_html(a));
}

}  // namespace omnicheck::batch

// The batch's one table: every site against every rule, read back from the store, written as
// CSV and JSON for other tools and as an HTML index a person can sort, filter and file.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/store.h"

namespace omnicheck::batch {

inline constexpr const char* kStatuses[] = {"pass", "fail", "warn", "not_applicable", "inconclusive"};

struct AggregateSite {
  StoredSite stored;
  std::map<std::string, std::string> status;  // rule id -> status, for a done site
  int pages_fetched = 0;
  std::string finished_at, rules_version;
};

struct AggregateRule {
  std::string id, title, severity;
  std::map<std::string, int> counts;  // status -> sites
};

struct Aggregate {
  std::vector<AggregateSite> sites;  // in list order
  std::vector<AggregateRule> rules;  // in report order
  StoreCounts counts;
  std::vector<std::pair<int, std::string>> line_errors;
  std::map<std::string, std::string> meta;  // the store's meta table
};

Aggregate load_aggregate(Store& store);

// Writes aggregate.csv (site x rule status, the list's extra columns kept), findings.csv (one
// row per finding: site, rule, status, message, the evidence's URL and quote), rule_counts.csv,
// aggregate.json and index.html
// into `dir`, each replaced atomically (a reader never sees half a file).
void write_aggregate(Store& store, const std::filesystem::path& dir);

std::string aggregate_csv(const Aggregate& a);
std::string rule_counts_csv(const Aggregate& a);
std::string findings_csv(Store& store, const Aggregate& a);
nlohmann::json aggregate_json(const Aggregate& a);
// Self-contained page; see index_html.cc for what it allows to run.
std::string index_html(const Aggregate& a);

// Where a site's reports live, relative to the batch folder ("" when none was kept).
std::string report_path(const StoredSite& s, const std::string& file);

}  // namespace omnicheck::batch

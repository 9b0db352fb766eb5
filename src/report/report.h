// omnicheck report stage: renders an audit's findings and facts. Every renderer escapes the
// merchant's text: evidence is untrusted.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/rules.h"

namespace omnicheck::report {

struct Report {
  std::string tool_version, rules_version;
  std::string target_url, started_at, finished_at, audit_date;
  int pages_fetched = 0;
  nlohmann::json target_extra = nlohmann::json::object();  // crawl notes, emails path, country…
  std::vector<rules::Finding> findings;
  nlohmann::json facts = nlohmann::json::object();
  nlohmann::json errors = nlohmann::json::array();  // input problems that did not stop the audit
};

nlohmann::json to_json(const Report& r);  // the contract shape of DESIGN.md
std::string to_html(const Report& r);     // self-contained page for a legal reader

// Exit-code helper: whether any finding with status fail/warn reaches `fail_on` severity
// (violation > warning > advice). Only `fail` counts, and `warn` when `count_warn`.
bool reaches(const std::vector<rules::Finding>& findings, const std::string& fail_on,
             bool count_warn = false);

std::string escape_html(std::string_view text);

}  // namespace omnicheck::report

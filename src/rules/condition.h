// The condition language of rule files (private to the rules stage; documented in
// docs/rules.md): facts by type with attribute filters, presence and count, proximity,
// all/any/not, and the audit context.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "extract/extract.h"

namespace omnicheck::rules {

struct FactView {
  std::vector<const extract::Fact*> facts;  // the facts in scope (one message, or the site)
  const nlohmann::json* audit = nullptr;
};

// Evaluates `cond`; facts that made it true are appended to `bound` (they become evidence).
// Throws std::runtime_error on an unknown operator, so `rules lint`/load catch typos.
bool evaluate_condition(const nlohmann::json& cond, const FactView& view, std::vector<const extract::Fact*>& bound);

// Whether `value` satisfies one filter entry (equality, or an operator object).
bool filter_matches(const nlohmann::json& filter, const nlohmann::json& attrs);

// Checks a condition's shape without evaluating it; returns problems found.
std::vector<std::string> lint_condition(const nlohmann::json& cond);

}  // namespace omnicheck::rules

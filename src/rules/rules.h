// omnicheck rules stage: declarative rules (rules/*.json) evaluated over a FactStore.
// The condition language is documented in docs/rules.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/extract.h"

namespace omnicheck::rules {

struct LawRef {
  std::string act, article, url;
};

struct Rule {
  std::string id, title, scope, severity;  // scope: site | email | thread
  std::string fix;                          // how to fix it, in plain words
  std::vector<LawRef> law;
  std::string applies_from, applies_until;  // YYYY-MM-DD, "" = open
  nlohmann::json definition;                // the whole rule file
  std::string file;
};

// Contract statuses: pass, fail, warn, not_applicable, inconclusive.
struct Finding {
  std::string rule, title, status, severity, message;
  std::string fix;         // the rule's advice, in plain words
  std::string message_en;  // the English message once the report put it in another language
  // Set by the report stage (report::apply_config / apply_baseline), never by a rule:
  // an accepted finding ({rule, scope, reason, expires, source}; "expired": true when its
  // acceptance ran out and it counts again), and whether a baseline report had it already
  // ("new" | "unchanged"; "" without a baseline).
  nlohmann::json suppression;
  std::string baseline_state;
  // Whether it still counts: not accepted (or accepted no longer) and not known from the baseline.
  bool counts() const;
  std::vector<LawRef> law;
  std::vector<extract::Evidence> evidence;

  nlohmann::json to_json() const;
};

struct EvalContext {
  std::string audit_date;  // YYYY-MM-DD
};

struct CaseResult {
  std::string rule, name, expected, actual, file;
  bool ok() const { return expected == actual; }
};

class RuleSet {
 public:
  // Loads every *.json below `dir` (except lexicon/, schema/ and i18n/); JSON may carry // and /* */
  // comments.
  // Throws std::runtime_error naming the file on any malformed rule.
  static RuleSet load(const std::filesystem::path& dir);

  const std::vector<Rule>& rules() const { return rules_; }
  std::string version() const { return version_; }  // hash of the rule files

  // One finding per rule id, in rule order.
  std::vector<Finding> evaluate(const extract::FactStore& facts, const EvalContext& ctx) const;
  Finding evaluate_rule(const Rule& rule, const extract::FactStore& facts,
                        const EvalContext& ctx) const;

  // Runs every rule's own pass/fail cases (the rule file's "cases").
  std::vector<CaseResult> run_cases() const;

 private:
  std::vector<Rule> rules_;
  std::string version_;
};

// The names a rule uses that no extractor writes: fact types, attributes (in "where", "near",
// "evidence" and the rule's cases) and audit keys, checked against `vocabulary`
// (rules/schema/vocabulary.json, written by scripts/rules-vocabulary). Each problem names the key.
std::vector<std::string> lint_vocabulary(const nlohmann::json& rule, const nlohmann::json& vocabulary);

// Strips // and /* */ comments outside strings, then parses (throws naming `what`).
nlohmann::json parse_json_with_comments(const std::string& text, const std::string& what);

}  // namespace omnicheck::rules

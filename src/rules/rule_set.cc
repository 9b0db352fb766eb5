// Loading rules from rules/*.json and evaluating them: outcomes are tried in order and the first
// whose condition holds decides the status; e-mail rules are decided per message and summed.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "rules/condition.h"
#include "rules/rules.h"

namespace omnicheck::rules {
namespace {

namespace fs = std::filesystem;
using extract::Fact;
using extract::FactStore;

const std::set<std::string> kStatuses = {"pass", "fail", "warn", "not_applicable", "inconclusive"};
const std::set<std::string> kSeverities = {"violation", "warning", "advice"};
const std::set<std::string> kScopes = {"site", "email", "thread"};

int status_rank(const std::string& s) {
  if (s == "fail") return 4;
  if (s == "warn") return 3;
  if (s == "inconclusive") return 2;
  if (s == "pass") return 1;
  return 0;
}

std::string fill(std::string text, const std::vector<const Fact*>& bound) {
  // Each value once, in the order first seen; a set, as 100,000 bound messages are no rarity.
  std::vector<std::string> values;
  std::unordered_set<std::string> seen;
  for (const Fact* f : bound) {
    std::string v = f->attrs.value("value", std::string());
    if (!v.empty() && seen.insert(v).second) values.push_back(std::move(v));
  }
  std::string joined;
  for (std::size_t i = 0; i < values.size() && i < 5; ++i) joined += (i ? "; " : "") + values[i];
  if (values.size() > 5) joined += "; … (" + std::to_string(values.size() - 5) + " more)";
  // One pass over the template: a value that itself holds "{values}" or "{count}" (merchant text
  // can) is put in as it is, never searched again.
  std::string out;
  out.reserve(text.size() + joined.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 8, "{values}") == 0) {
      out += joined.empty() ? "—" : joined;
      i += 8;
    } else if (text.compare(i, 7, "{count}") == 0) {
      out += std::to_string(values.size());
      i += 7;
    } else {
      out += text[i++];
    }
  }
  return out;
}

struct Decision {
  std::string status, message;
  std::vector<const Fact*> evidence;
};

Decision decide(const Rule& rule, const FactView& view, const EvalContext& ctx) {
  for (const auto& outcome : rule.definition.at("outcomes")) {
    // An outcome may hold only on some audit dates (odr.link: a link is due before the
    // platform's repeal, a leftover after it).
    if (outcome.contains("applies_from") && ctx.audit_date < outcome["applies_from"].get<std::string>()) continue;
    if (outcome.contains("applies_until") && ctx.audit_date > outcome["applies_until"].get<std::string>()) continue;
    std::vector<const Fact*> bound;
    if (outcome.contains("when") && !evaluate_condition(outcome["when"], view, bound)) continue;
    if (outcome.contains("evidence")) {
      for (const auto& spec : outcome["evidence"]) {
        for (const Fact* f : view.facts) {
          const nlohmann::json& where = spec.contains("where") ? spec["where"] : nlohmann::json::object();
          if (f->type == spec.value("type", "") && filter_matches(where, f->attrs)) bound.push_back(f);
        }
      }
    }
    std::vector<const Fact*> unique;
    std::unordered_set<const Fact*> seen;
    for (const Fact* f : bound) {
      if (seen.insert(f).second) unique.push_back(f);
    }
    return {outcome.at("status"), fill(outcome.at("message").get<std::string>(), unique), unique};
  }
  return {"inconclusive", "No outcome of the rule matched (a rule-file gap).", {}};
}

void add_evidence(Finding& finding, const std::vector<const Fact*>& facts, std::size_t cap = 40) {
  for (const Fact* f : facts) {
    if (finding.evidence.size() >= cap) break;
    finding.evidence.push_back(f->evidence);
  }
}

}  // namespace

bool Finding::counts() const {
  const bool accepted = suppression.is_object() && !suppression.value("expired", false);
  return !accepted && baseline_state != "unchanged";
}

nlohmann::json Finding::to_json() const {
  nlohmann::json j = {{"rule", rule}, {"title", title}, {"status", status}, {"severity", severity},
                      {"message", message}, {"law", nlohmann::json::array()}, {"evidence", nlohmann::json::array()}};
  if (!fix.empty()) j["fix"] = fix;
  if (!message_en.empty() && message_en != message) j["message_en"] = message_en;
  if (suppression.is_object()) j["suppression"] = suppression;
  if (!baseline_state.empty()) j["baseline_state"] = baseline_state;
  for (const auto& l : law) j["law"].push_back({{"act", l.act}, {"article", l.article}, {"url", l.url}});
  for (const auto& e : evidence) j["evidence"].push_back(e.to_json());
  return j;
}

RuleSet RuleSet::load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error("rules folder not found: " + dir.string());
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    // Lexicons live in rules/lexicon/ and its topic subfolders (statements/, channels/, …); the
    // vocabulary that `rules lint` checks names against lives in rules/schema/.
    if (*fs::relative(e.path(), dir).begin() == "lexicon" || *fs::relative(e.path(), dir).begin() == "schema" ||
        *fs::relative(e.path(), dir).begin() == "i18n")
      continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  RuleSet set;
  std::string all_text;
  std::set<std::string> ids;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    all_text += ss.str();
    nlohmann::json j = parse_json_with_comments(ss.str(), f.string());
    auto need = [&](const char* key) {
      if (!j.contains(key)) throw std::runtime_error(f.string() + ": missing \"" + key + "\"");
    };
    for (const char* key : {"id", "title", "law", "scope", "severity", "outcomes", "applies_from"}) need(key);
    Rule r;
    r.id = j["id"];
    r.title = j["title"];
    r.fix = j.value("fix", std::string());
    r.scope = j["scope"];
    r.severity = j["severity"];
    r.applies_from = j["applies_from"];
    r.applies_until = j.value("applies_until", "");
    r.file = f.string();
    if (!kScopes.count(r.scope)) throw std::runtime_error(f.string() + ": unknown scope " + r.scope);
    if (!kSeverities.count(r.severity)) throw std::runtime_error(f.string() + ": unknown severity " + r.severity);
    if (!ids.insert(r.id).second) throw std::runtime_error(f.string() + ": duplicate rule id " + r.id);
    for (const auto& l : j["law"]) r.law.push_back({l.value("act", ""), l.value("article", ""), l.value("url", "")});
    for (const auto& o : j["outcomes"]) {
      if (!o.contains("status") || !kStatuses.count(o["status"].get<std::string>())) {
        throw std::runtime_error(f.string() + ": an outcome needs a status among pass/fail/warn/not_applicable/inconclusive");
      }
      if (!o.contains("message")) throw std::runtime_error(f.string() + ": an outcome needs a message");
      if (!o["message"].is_string())
        throw std::runtime_error(f.string() + ": an outcome's message is one English text; its translations live in rules/i18n/<lang>.json");
      if (o.contains("when")) {
        auto problems = lint_condition(o["when"]);
        if (!problems.empty()) throw std::runtime_error(f.string() + ": " + problems.front());
      }
    }
    r.definition = std::move(j);
    set.rules_.push_back(std::move(r));
  }
  if (set.rules_.empty()) throw std::runtime_error("no rule files in " + dir.string());
  set.version_ = fetch::sha256_hex(all_text).substr(0, 12);
  return set;
}

Finding RuleSet::evaluate_rule(const Rule& rule, const FactStore& store, const EvalContext& ctx) const {
  Finding finding;
  finding.rule = rule.id;
  finding.title = rule.title;
  finding.fix = rule.fix;
  finding.severity = rule.severity;
  finding.law = rule.law;
  const auto& def = rule.definition;
  if (def.contains("severity_from")) {
    // A duty whose weight changes on a date (odr.link: a violation before the repeal, a warning after).
    for (const auto& step : def["severity_from"]) {
      if (ctx.audit_date >= step.at("date").get<std::string>()) finding.severity = step.at("severity");
    }
  }
  if (ctx.audit_date < rule.applies_from || (!rule.applies_until.empty() && ctx.audit_date > rule.applies_until)) {
    finding.status = "not_applicable";
    finding.message = "The duty does not apply on the audit date " + ctx.audit_date + " (applies from " +
                      rule.applies_from + (rule.applies_until.empty() ? "" : " until " + rule.applies_until) + ").";
    return finding;
  }

  if (rule.scope == "thread" && !store.audit.value("emails_supplied", false)) {
    finding.status = "not_applicable";
    finding.message = "No mailbox of customer messages and replies was supplied for the audit.";
    return finding;
  }
  if (rule.scope == "site" || rule.scope == "thread") {
    // Thread rules read the thread facts of the whole mailbox at once (median, worst delay).
    if (rule.scope == "site" && !store.audit.value("site", false)) {
      finding.status = "not_applicable";
      finding.message = "No web site was audited.";
      return finding;
    }
    FactView view;
    view.audit = &store.audit;
    for (const auto& f : store.facts) view.facts.push_back(&f);
    Decision d = decide(rule, view, ctx);
    finding.status = d.status;
    finding.message = d.message;
    add_evidence(finding, d.evidence);
    return finding;
  }

  // E-mail (and thread) rules: decided per message, summed per rule.
  if (!store.audit.value("emails_supplied", false)) {
    finding.status = "not_applicable";
    finding.message = "No e-mails were supplied for the audit.";
    return finding;
  }
  std::map<std::string, std::vector<const Fact*>> by_message;
  std::vector<std::string> order;
  // A listed message stands for itself and for the messages counted on it (`similar`: the
  // extractor lists a bounded number of messages the rules cannot tell apart).
  std::map<std::string, std::size_t> weight;
  std::size_t total = 0;
  for (const auto& f : store.facts) {
    if (f.type == "message") {
      const auto similar = f.attrs.find("similar");
      std::size_t w = 1 + (similar != f.attrs.end() && similar->is_number_unsigned() ? similar->get<std::size_t>() : 0);
      if (weight.emplace(f.source, w).second) {
        order.push_back(f.source);
        total += w;
      }
    }
    if (!f.source.empty()) by_message[f.source].push_back(&f);
  }
  if (order.empty()) {
    finding.status = "inconclusive";
    finding.message = "E-mails were supplied but no message could be read.";
    return finding;
  }
  std::map<std::string, std::vector<std::pair<std::string, Decision>>> by_status;
  std::string worst = "not_applicable";
  for (const auto& key : order) {
    FactView view;
    view.audit = &store.audit;
    view.facts = by_message[key];
    Decision d = decide(rule, view, ctx);
    if (status_rank(d.status) > status_rank(worst)) worst = d.status;
    by_status[d.status].emplace_back(key, std::move(d));
  }
  finding.status = worst;
  const auto& decisive = by_status[worst];
  std::size_t n = 0;
  for (const auto& [key, d] : decisive) n += weight[key];
  finding.message = (total == 1 ? "" : std::to_string(n) + " of " + std::to_string(total) + " messages: ") +
                    decisive.front().second.message;
  for (const auto& [key, d] : decisive) add_evidence(finding, d.evidence);
  return finding;
}

std::vector<Finding> RuleSet::evaluate(const FactStore& store, const EvalContext& ctx) const {
  std::vector<Finding> out;
  for (const auto& r : rules_) out.push_back(evaluate_rule(r, store, ctx));
  return out;
}

std::vector<CaseResult> RuleSet::run_cases() const {
  std::vector<CaseResult> results;
  for (const auto& rule : rules_) {
    const auto& def = rule.definition;
    if (!def.contains("cases")) continue;
    for (const auto& c : def["cases"]) {
      FactStore store;
      if (rule.scope == "site") {
        store.audit = {{"site", true}, {"pages_fetched", 5}, {"crawl_complete", true}, {"legal_link_failed", false},
                       {"home_fetched", true}};
      } else {
        store.audit = {{"emails_supplied", true}};
      }
      if (c.contains("audit")) store.audit.update(c["audit"]);
      std::set<std::string> sources;
      for (const auto& jf : c.value("facts", nlohmann::json::array())) {
        Fact f;
        f.type = jf.at("type");
        // A site fact's page is its page_url, and its own `source` attribute (where an e-mail
        // address or a review was found: mailto, jsonld, widget…) stays for the rule to read; an
        // e-mail fact's `source` names the message it stands in.
        bool site = rule.scope == "site";
        f.source = site ? jf.value("page_url", std::string("https://shop.example/")) : jf.value("source", std::string("m1"));
        f.begin = jf.value("begin", 0);
        f.end = jf.value("end", f.begin);
        f.attrs = jf;
        for (const char* k : {"type", "begin", "end"}) f.attrs.erase(k);
        if (!site) f.attrs.erase("source");
        f.evidence.snippet = "[[" + extract::quote_text(f.attrs.value("value", std::string())) + "]]";
        if (rule.scope != "site") sources.insert(f.source);
        store.add(std::move(f));
      }
      for (const auto& s : sources) {
        bool has_message = std::any_of(store.facts.begin(), store.facts.end(),
                                       [&](const Fact& f) { return f.type == "message" && f.source == s; });
        if (!has_message) {
          Fact m;
          m.type = "message";
          m.source = s;
          store.add(std::move(m));
        }
      }
      EvalContext ctx;
      ctx.audit_date = c.value("audit_date", std::string("2026-01-15"));
      CaseResult r;
      r.rule = rule.id;
      r.name = c.value("name", "");
      r.expected = c.at("expect");
      r.file = rule.file;
      try {
        r.actual = evaluate_rule(rule, store, ctx).status;
      } catch (const std::exception& e) {
        r.actual = std::string("error: ") + e.what();
      }
      results.push_back(r);
    }
  }
  return results;
}

}  // namespace omnicheck::rules

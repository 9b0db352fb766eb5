// `rules lint`'s check of the names a rule uses against what the extractors write: a condition
// on a misspelt key ("pages_fetchd") is not an error to the evaluator, it just never matches,
// so the rule silently falls through to another outcome.
#include <map>
#include <set>
#include <string>

#include "rules/rules.h"

namespace omnicheck::rules {
namespace {

struct Vocabulary {
  std::set<std::string> audit;
  std::map<std::string, std::set<std::string>> facts;

  explicit Vocabulary(const nlohmann::json& v) {
    for (const char* part : {"", "also"}) {
      const nlohmann::json src = *part ? v.value(part, nlohmann::json::object()) : v;
      const nlohmann::json keys = src.value("audit", nlohmann::json::array());
      const nlohmann::json types = src.value("facts", nlohmann::json::object());
      for (const auto& k : keys) audit.insert(k.get<std::string>());
      for (const auto& [type, attrs] : types.items()) {
        auto& set = facts[type];
        for (const auto& a : attrs) set.insert(a.get<std::string>());
      }
    }
  }
};

class Checker {
 public:
  Checker(const Vocabulary& v, std::vector<std::string>& problems) : v_(v), problems_(problems) {}

  void type_and_where(const std::string& type, const nlohmann::json* where, const std::string& at) {
    auto t = v_.facts.find(type);
    if (t == v_.facts.end()) {
      problems_.push_back(at + ": no extractor writes facts of type \"" + type + "\"");
      return;
    }
    if (!where || !where->is_object()) return;
    for (const auto& [attr, value] : where->items()) {
      (void)value;
      if (!t->second.count(attr)) problems_.push_back(at + ": facts of type \"" + type + "\" have no attribute \"" + attr + "\"");
    }
  }

  void audit(const nlohmann::json& keys, const std::string& at) {
    if (!keys.is_object()) return;
    for (const auto& [k, value] : keys.items()) {
      (void)value;
      if (!v_.audit.count(k)) problems_.push_back(at + ": no extractor writes the audit key \"" + k + "\"");
    }
  }

  void condition(const nlohmann::json& c, const std::string& at) {
    if (!c.is_object()) return;
    for (const char* list : {"all", "any"}) {
      if (c.contains(list) && c[list].is_array()) {
        for (const auto& x : c[list]) condition(x, at);
      }
    }
    if (c.contains("not")) condition(c["not"], at);
    if (c.contains("audit")) audit(c["audit"], at);
    for (const char* op : {"exists", "none"}) {
      if (!c.contains(op) || !c[op].is_string()) continue;
      type_and_where(c[op].get<std::string>(), c.contains("where") ? &c["where"] : nullptr, at);
    }
    for (const char* op : {"near", "not_near"}) {
      if (!c.contains(op)) continue;
      const nlohmann::json specs = c[op].is_array() ? c[op] : nlohmann::json::array({c[op]});
      for (const auto& spec : specs) {
        if (spec.is_object() && spec.contains("type") && spec["type"].is_string()) {
          type_and_where(spec["type"].get<std::string>(), spec.contains("where") ? &spec["where"] : nullptr, at);
        }
      }
    }
  }

 private:
  const Vocabulary& v_;
  std::vector<std::string>& problems_;
};

}  // namespace

std::vector<std::string> lint_vocabulary(const nlohmann::json& rule, const nlohmann::json& vocabulary) {
  const Vocabulary v(vocabulary);
  std::vector<std::string> problems;
  Checker check(v, problems);
  const std::string id = rule.value("id", std::string("?"));
  int n = 0;
  const nlohmann::json outcomes = rule.value("outcomes", nlohmann::json::array());
  for (const auto& o : outcomes) {
    const std::string at = "rule " + id + ", outcome " + std::to_string(++n);
    if (o.contains("when")) check.condition(o["when"], at);
    const nlohmann::json evidence = o.value("evidence", nlohmann::json::array());
    for (const auto& e : evidence) {
      if (e.is_object() && e.contains("type") && e["type"].is_string()) {
        check.type_and_where(e["type"].get<std::string>(), e.contains("where") ? &e["where"] : nullptr, at + " evidence");
      }
    }
  }
  const nlohmann::json cases = rule.value("cases", nlohmann::json::array());
  for (const auto& c : cases) {
    const std::string at = "rule " + id + ", case \"" + c.value("name", std::string()) + "\"";
    if (c.contains("audit")) check.audit(c["audit"], at);
    const nlohmann::json facts = c.value("facts", nlohmann::json::array());
    for (const auto& f : facts) {
      if (!f.is_object() || !f.contains("type") || !f["type"].is_string()) continue;
      nlohmann::json attrs = f;
      for (const char* k : {"type", "begin", "end", "source", "evidence"}) attrs.erase(k);
      check.type_and_where(f["type"].get<std::string>(), &attrs, at);
    }
  }
  return problems;
}

}  // namespace omnicheck::rules

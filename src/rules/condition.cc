#include "rules/condition.h"

#include <cstdint>
#include <regex>
#include <stdexcept>

namespace omnicheck::rules {
namespace {

using extract::Fact;

bool value_matches(const nlohmann::json& expected, const nlohmann::json* actual) {
  static const nlohmann::json kNull;
  const nlohmann::json& a = actual ? *actual : kNull;
  if (expected.is_object()) {
    for (const auto& [op, arg] : expected.items()) {
      bool ok = true;
      if (op == "in") {
        ok = false;
        for (const auto& x : arg) ok |= value_matches(x, actual);
      } else if (op == "not_in") {
        for (const auto& x : arg) ok &= !value_matches(x, actual);
      } else if (op == "ne") {
        ok = !value_matches(arg, actual);
      } else if (op == "gt" || op == "gte" || op == "lt" || op == "lte") {
        if (!a.is_number() || !arg.is_number()) return false;
        double x = a.get<double>(), y = arg.get<double>();
        ok = op == "gt" ? x > y : op == "gte" ? x >= y : op == "lt" ? x < y : x <= y;
      } else if (op == "exists") {
        bool present = actual && !actual->is_null() && !(actual->is_string() && actual->get<std::string>().empty());
        ok = present == arg.get<bool>();
      } else if (op == "matches") {
        if (!a.is_string()) return false;
        ok = std::regex_search(a.get<std::string>(), std::regex(arg.get<std::string>(), std::regex::icase));
      } else {
        throw std::runtime_error("unknown filter operator \"" + op + "\"");
      }
      if (!ok) return false;
    }
    return true;
  }
  // A missing attribute counts as false / empty, so {"third_party": false} needs no default.
  if (expected.is_boolean() && !expected.get<bool>()) return a.is_null() || a == false;
  return a == expected;
}

// A count or distance read from rule JSON. nlohmann's get<size_t> on 1e30 or -1 is undefined
// behaviour (a float-to-integer cast out of range), so anything but a non-negative integer is
// refused here, naming the key.
std::size_t count_value(const nlohmann::json& spec, const char* key, std::size_t fallback) {
  if (!spec.contains(key)) return fallback;
  const nlohmann::json& v = spec[key];
  if (!v.is_number_unsigned()) {
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0) {
      throw std::runtime_error(std::string(key) + " takes a non-negative whole number: " + spec.dump());
    }
  }
  return v.get<std::size_t>();
}

std::size_t gap(const Fact& a, const Fact& b) {
  if (a.begin <= b.end && b.begin <= a.end) return 0;
  return a.end < b.begin ? b.begin - a.end : a.begin - b.end;
}

bool near_any(const Fact& f, const nlohmann::json& spec, const FactView& view, const Fact** partner) {
  std::string type = spec.at("type");
  std::size_t within = count_value(spec, "within", 200);
  const nlohmann::json& where = spec.contains("where") ? spec["where"] : nlohmann::json::object();
  for (const Fact* g : view.facts) {
    if (g == &f || g->type != type || g->source != f.source) continue;
    if (!filter_matches(where, g->attrs)) continue;
    if (gap(f, *g) <= within) {
      if (partner) *partner = g;
      return true;
    }
  }
  return false;
}

std::vector<const Fact*> select(const nlohmann::json& cond, const std::string& type_key, const FactView& view,
                                std::vector<const Fact*>* partners) {
  std::string type = cond.at(type_key);
  const nlohmann::json& where = cond.contains("where") ? cond["where"] : nlohmann::json::object();
  std::vector<const Fact*> out;
  for (const Fact* f : view.facts) {
    if (f->type != type || !filter_matches(where, f->attrs)) continue;
    const Fact* partner = nullptr;
    if (cond.contains("near") && !near_any(*f, cond["near"], view, &partner)) continue;
    if (cond.contains("not_near") && near_any(*f, cond["not_near"], view, nullptr)) continue;
    out.push_back(f);
    if (partner && partners) partners->push_back(partner);
  }
  return out;
}

bool filter_unchecked(const nlohmann::json& filter, const nlohmann::json& attrs) {
  if (!filter.is_object()) return false;
  for (const auto& [key, expected] : filter.items()) {
    const nlohmann::json* actual = attrs.contains(key) ? &attrs[key] : nullptr;
    if (!value_matches(expected, actual)) return false;
  }
  return true;
}

bool evaluate_unchecked(const nlohmann::json& cond, const FactView& view, std::vector<const Fact*>& bound) {
  if (!cond.is_object()) throw std::runtime_error("a condition must be an object: " + cond.dump());
  if (cond.contains("all")) {
    std::vector<const Fact*> local;
    for (const auto& c : cond["all"]) {
      if (!evaluate_unchecked(c, view, local)) return false;
    }
    bound.insert(bound.end(), local.begin(), local.end());
    return true;
  }
  if (cond.contains("any")) {
    for (const auto& c : cond["any"]) {
      std::vector<const Fact*> local;
      if (evaluate_unchecked(c, view, local)) {
        bound.insert(bound.end(), local.begin(), local.end());
        return true;
      }
    }
    return false;
  }
  if (cond.contains("not")) {
    std::vector<const Fact*> ignored;
    return !evaluate_unchecked(cond["not"], view, ignored);
  }
  if (cond.contains("exists")) {
    std::vector<const Fact*> partners;
    auto found = select(cond, "exists", view, &partners);
    std::size_t min = count_value(cond, "min", 1);
    if (found.size() < min) return false;
    if (cond.contains("max") && found.size() > count_value(cond, "max", 0)) return false;
    bound.insert(bound.end(), found.begin(), found.end());
    bound.insert(bound.end(), partners.begin(), partners.end());
    return true;
  }
  if (cond.contains("none")) {
    return select(cond, "none", view, nullptr).empty();
  }
  if (cond.contains("audit")) {
    static const nlohmann::json kEmpty = nlohmann::json::object();
    return filter_unchecked(cond["audit"], view.audit ? *view.audit : kEmpty);
  }
  throw std::runtime_error("unknown condition: " + cond.dump());
}

}  // namespace

// A value of the wrong JSON type in a condition ("min": {…}, "exists": 3) would surface as
// nlohmann's type_error, naming neither the rule nor the condition; like an unknown operator
// it becomes a runtime_error naming the condition (found by the rule_condition fuzzer).
bool filter_matches(const nlohmann::json& filter, const nlohmann::json& attrs) {
  try {
    return filter_unchecked(filter, attrs);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed filter (") + e.what() + "): " + filter.dump());
  }
}

bool evaluate_condition(const nlohmann::json& cond, const FactView& view, std::vector<const Fact*>& bound) {
  try {
    return evaluate_unchecked(cond, view, bound);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed condition (") + e.what() + "): " + cond.dump());
  }
}

std::vector<std::string> lint_condition(const nlohmann::json& cond) {
  std::vector<std::string> problems;
  if (!cond.is_object()) return {"a condition must be an object: " + cond.dump()};
  static const char* const kOps[] = {"all", "any", "not", "exists", "none", "audit"};
  int ops = 0;
  for (const char* op : kOps) ops += cond.contains(op) ? 1 : 0;
  if (ops != 1) problems.push_back("a condition needs exactly one of all/any/not/exists/none/audit: " + cond.dump());
  for (const char* list_op : {"all", "any"}) {
    if (!cond.contains(list_op)) continue;
    if (!cond[list_op].is_array()) problems.push_back(std::string(list_op) + " takes a list");
    else for (const auto& c : cond[list_op]) for (auto& p : lint_condition(c)) problems.push_back(p);
  }
  if (cond.contains("not")) for (auto& p : lint_condition(cond["not"])) problems.push_back(p);
  // Value types, so that lint names what evaluation would refuse.
  for (const char* type_op : {"exists", "none"}) {
    if (cond.contains(type_op) && !cond[type_op].is_string()) problems.push_back(std::string(type_op) + " takes a fact type (a string): " + cond.dump());
  }
  for (const char* count : {"min", "max"}) {
    if (cond.contains(count) && !cond[count].is_number_unsigned()) problems.push_back(std::string(count) + " takes a count: " + cond.dump());
  }
  for (const char* object_op : {"where", "audit", "near", "not_near"}) {
    if (cond.contains(object_op) && !cond[object_op].is_object()) problems.push_back(std::string(object_op) + " takes an object: " + cond.dump());
  }
  for (const char* near_op : {"near", "not_near"}) {
    if (!cond.contains(near_op) || !cond[near_op].is_object()) continue;
    const nlohmann::json& spec = cond[near_op];
    if (!spec.contains("type") || !spec["type"].is_string()) problems.push_back(std::string(near_op) + " needs a fact type (a string): " + cond.dump());
    if (spec.contains("within") && !spec["within"].is_number_unsigned()) problems.push_back(std::string(near_op) + ".within takes a distance in bytes: " + cond.dump());
  }
  for (const auto& [k, v] : cond.items()) {
    static const char* const kKnown[] = {"all", "any", "not", "exists", "none", "audit", "where", "near", "not_near", "min", "max"};
    bool known = false;
    for (const char* x : kKnown) known |= k == x;
    if (!known) problems.push_back("unknown key \"" + k + "\" in condition");
    (void)v;
  }
  return problems;
}

}  // namespace omnicheck::rules

// The rule loader's JSON-with-comments reader, the condition linter and the condition
// evaluator on any JSON a rule author (or a broken rules folder) may write. A malformed rule
// is refused with std::runtime_error naming what is wrong; nothing else may happen.
#include <stdexcept>

#include "fuzz/fuzz_support.h"
#include "rules/condition.h"
#include "rules/rules.h"

namespace {

std::vector<omnicheck::extract::Fact> sample_facts() {
  using omnicheck::extract::Fact;
  std::vector<Fact> facts(4);
  facts[0].type = "email";
  facts[0].attrs = {{"value", "service@boutique.fr"}, {"noreply", false}, {"visible", true}, {"third_party", false}};
  facts[1].type = "phone";
  facts[1].attrs = {{"value", "+33 1 23 45 67 89"}, {"fax", false}, {"charged", true}, {"price_stated", false}};
  facts[2].type = "page";
  facts[2].attrs = {{"value", "https://boutique.test/"}, {"ok", true}, {"depth", 0}};
  facts[3].type = "response_time_statement";
  facts[3].attrs = {{"value", "sous 48 h"}, {"hours", 48}, {"business", nullptr}};
  return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace omnicheck;
  static const std::vector<extract::Fact> facts = sample_facts();
  static const nlohmann::json audit = {{"pages_fetched", 3}, {"crawl_complete", false}, {"country", "FR"}};
  nlohmann::json cond;
  try {
    cond = rules::parse_json_with_comments(fuzz::as_string(data, size), "fuzz.json");
  } catch (const std::runtime_error&) {
    return 0;
  }
  (void)rules::lint_condition(cond);
  rules::FactView view;
  for (const auto& f : facts) view.facts.push_back(&f);
  view.audit = &audit;
  std::vector<const extract::Fact*> bound;
  try {
    (void)rules::evaluate_condition(cond, view, bound);
  } catch (const std::runtime_error&) {
  }
  return 0;
}

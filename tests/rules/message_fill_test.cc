// A rule message is filled with the merchant's values in one pass: a value that itself holds
// "{values}" or "{count}" is quoted as written (it once made the fill loop for ever).
#include <gtest/gtest.h>

#include <filesystem>

#include "rules/rules.h"

namespace omnicheck::rules {
namespace {

TEST(MessageFill, AMerchantValueHoldingAPlaceholderIsQuotedAsWritten) {
  const auto set = RuleSet::load(std::filesystem::path(OMNICHECK_SOURCE_DIR) / "rules");
  extract::FactStore store;
  store.audit = {{"site", true}, {"pages_fetched", 1}, {"crawl_complete", true}};
  extract::Fact address;
  address.type = "address";
  address.source = "https://shop.example/impressum";
  address.attrs = {{"value", "Hauptstraße 5 {values} {count}, 10115 Berlin"}, {"complete", true}, {"visible", true},
                   {"third_party", false}, {"po_box", false}};
  store.add(address);
  EvalContext ctx;
  ctx.audit_date = "2026-12-07";
  for (const auto& rule : set.rules()) {
    if (rule.id != "trader.address") continue;
    const Finding f = set.evaluate_rule(rule, store, ctx);
    EXPECT_EQ(f.status, "pass");
    EXPECT_NE(f.message.find("Hauptstraße 5 {values} {count}, 10115 Berlin"), std::string::npos) << f.message;
  }
}

}  // namespace
}  // namespace omnicheck::rules

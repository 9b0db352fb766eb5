// The condition language on hand-built facts: what matches, what binds as evidence, and what a
// malformed condition does (refused with std::runtime_error naming it, never undefined
// behaviour: the fuzzer found out-of-range counts read through a float-to-integer cast).
#include "rules/condition.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace omnicheck::rules {
namespace {

using extract::Fact;

class ConditionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    facts_.resize(3);
    facts_[0].type = "email";
    facts_[0].source = "https://boutique-lumiere.fr/contact";
    facts_[0].begin = 100;
    facts_[0].end = 125;
    facts_[0].attrs = {{"value", "service@boutique-lumiere.fr"}, {"noreply", false}};
    facts_[1].type = "phone";
    facts_[1].source = "https://boutique-lumiere.fr/contact";
    facts_[1].begin = 160;
    facts_[1].end = 177;
    facts_[1].attrs = {{"value", "+33 1 23 45 67 89"}, {"charged", true}, {"price_stated", false}};
    facts_[2].type = "email";
    facts_[2].source = "https://boutique-lumiere.fr/mentions-legales";
    facts_[2].begin = 10;
    facts_[2].end = 40;
    facts_[2].attrs = {{"value", "no-reply@boutique-lumiere.fr"}, {"noreply", true}};
    audit_ = {{"pages_fetched", 2}, {"crawl_complete", true}};
    for (const auto& f : facts_) view_.facts.push_back(&f);
    view_.audit = &audit_;
  }
  bool eval(const char* text, std::vector<const Fact*>* bound = nullptr) {
    std::vector<const Fact*> local;
    return evaluate_condition(nlohmann::json::parse(text), view_, bound ? *bound : local);
  }
  std::vector<Fact> facts_;
  nlohmann::json audit_;
  FactView view_;
};

TEST_F(ConditionTest, ExistsBindsTheMatchingFactsOnly) {
  std::vector<const Fact*> bound;
  EXPECT_TRUE(eval(R"({"exists": "email", "where": {"noreply": true}})", &bound));
  ASSERT_EQ(bound.size(), 1u);
  EXPECT_EQ(bound[0], &facts_[2]);
  // A missing attribute counts as false: the phone has no "fax" and matches fax=false.
  EXPECT_TRUE(eval(R"({"exists": "phone", "where": {"fax": false}})"));
  EXPECT_FALSE(eval(R"({"exists": "phone", "where": {"fax": true}})"));
}

TEST_F(ConditionTest, CountsBoundTheNumberOfFacts) {
  EXPECT_TRUE(eval(R"({"exists": "email", "min": 2})"));
  EXPECT_FALSE(eval(R"({"exists": "email", "min": 3})"));
  EXPECT_FALSE(eval(R"({"exists": "email", "max": 1})"));
  EXPECT_TRUE(eval(R"({"exists": "email", "max": 2})"));
}

TEST_F(ConditionTest, NearLooksOnTheSamePageWithinTheDistance) {
  std::vector<const Fact*> bound;
  EXPECT_TRUE(eval(R"({"exists": "phone", "near": {"type": "email", "within": 40}})", &bound));
  EXPECT_EQ(bound.size(), 2u);  // the phone and its partner
  EXPECT_FALSE(eval(R"({"exists": "phone", "near": {"type": "email", "within": 30}})"));
  // The no-reply address is on another page: never near, however wide the window.
  EXPECT_FALSE(eval(R"({"exists": "phone", "near": {"type": "email", "within": 100000, "where": {"noreply": true}}})"));
}

TEST_F(ConditionTest, AllAnyNotAndAudit) {
  EXPECT_TRUE(eval(R"({"all": [{"exists": "phone"}, {"audit": {"crawl_complete": true}}]})"));
  EXPECT_FALSE(eval(R"({"all": [{"exists": "phone"}, {"audit": {"pages_fetched": 0}}]})"));
  EXPECT_TRUE(eval(R"({"any": [{"exists": "fax"}, {"audit": {"pages_fetched": {"gte": 2}}}]})"));
  EXPECT_TRUE(eval(R"({"not": {"exists": "address"}})"));
  EXPECT_TRUE(eval(R"({"none": "address"})"));
}

TEST_F(ConditionTest, CountsAndDistancesOutOfRangeAreRefusedNotCast) {
  // Each of these was undefined behaviour (nlohmann's get<size_t> on a float or a negative).
  for (const char* bad : {R"({"exists": "email", "min": 1e30})", R"({"exists": "email", "min": -1})",
                          R"({"exists": "email", "min": 2.5})", R"({"exists": "email", "max": -3})",
                          R"({"exists": "email", "near": {"type": "phone", "within": -1e300}})"}) {
    EXPECT_THROW(eval(bad), std::runtime_error) << bad;
    EXPECT_FALSE(lint_condition(nlohmann::json::parse(bad)).empty()) << bad;
  }
}

TEST_F(ConditionTest, LintNamesShapeErrors) {
  EXPECT_TRUE(lint_condition(nlohmann::json::parse(R"({"exists": "email", "near": {"type": "phone", "within": 80}})")).empty());
  auto problems = lint_condition(nlohmann::json::parse(R"({"exists": "email", "near": {"within": 80}})"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("near needs a fact type"), std::string::npos) << problems[0];
  problems = lint_condition(nlohmann::json::parse(R"({"exists": "email", "none": "phone"})"));
  EXPECT_FALSE(problems.empty());
  problems = lint_condition(nlohmann::json::parse(R"({"exsits": "email"})"));
  EXPECT_GE(problems.size(), 2u);  // no operator, and an unknown key
}

TEST_F(ConditionTest, UnknownFilterOperatorIsRefused) {
  EXPECT_THROW(eval(R"({"exists": "email", "where": {"noreply": {"equals": true}}})"), std::runtime_error);
}

}  // namespace
}  // namespace omnicheck::rules

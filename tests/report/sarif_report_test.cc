// SARIF 2.1.0: the structure code-scanning consumers require, and evidence kept inert.
#include <gtest/gtest.h>

#include <set>

#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

using nlohmann::json;

// The structural requirements of the SARIF 2.1.0 schema that this log uses.
void expect_valid_sarif(const json& log) {
  ASSERT_TRUE(log.is_object());
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_TRUE(log["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  ASSERT_TRUE(log["runs"].is_array());
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "omnicheck");
  ASSERT_TRUE(driver["rules"].is_array());

  std::set<std::string> rule_ids;
  for (const auto& rule : driver["rules"]) {
    ASSERT_TRUE(rule["id"].is_string());
    EXPECT_TRUE(rule_ids.insert(rule["id"].get<std::string>()).second) << "duplicate rule id";
    EXPECT_TRUE(rule["name"].is_string());
    EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
    EXPECT_TRUE(rule["properties"]["severity"].is_string());
    if (rule.contains("helpUri")) {
      const std::string uri = rule["helpUri"];
      EXPECT_TRUE(uri.starts_with("https://") || uri.starts_with("http://")) << uri;
    }
  }

  const std::set<std::string> levels = {"none", "note", "warning", "error"};
  const std::set<std::string> kinds = {"notApplicable", "pass", "fail",
                                       "review",        "open", "informational"};
  ASSERT_TRUE(run["results"].is_array());
  for (const auto& result : run["results"]) {
    ASSERT_TRUE(result["ruleId"].is_string());
    EXPECT_TRUE(rule_ids.count(result["ruleId"].get<std::string>())) << result["ruleId"];
    const std::size_t index = result["ruleIndex"];
    EXPECT_EQ(driver["rules"][index]["id"], result["ruleId"]);
    ASSERT_TRUE(result["message"]["text"].is_string());
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    EXPECT_TRUE(levels.count(result["level"].get<std::string>()));
    EXPECT_TRUE(kinds.count(result["kind"].get<std::string>()));
    if (result["kind"] != "fail") {
      EXPECT_EQ(result["level"], "none");  // SARIF §3.27.10
    }
    for (const auto& loc : result.value("locations", json::array())) {
      if (!loc.contains("physicalLocation")) continue;
      const json& phys = loc["physicalLocation"];
      if (phys.contains("artifactLocation")) {
        EXPECT_TRUE(phys["artifactLocation"]["uri"].is_string());
      }
      if (phys.contains("region") && phys["region"].contains("snippet")) {
        EXPECT_TRUE(phys["region"]["snippet"]["text"].is_string());
      }
    }
  }
}

json result_for(const json& log, const std::string& rule) {
  for (const auto& r : log["runs"][0]["results"]) {
    if (r["ruleId"] == rule) return r;
  }
  return nullptr;
}

TEST(SarifReport, SampleValidatesStructurally) {
  const json log = json::parse(to_sarif(testing::sample_report()));
  expect_valid_sarif(log);
  EXPECT_EQ(log["runs"][0]["results"].size(), 8u);
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["version"], "0.1.0");
  const json& notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[2]["message"]["text"],
            "HTTP 503 {\"url\":\"https://www.boutique-exemple.fr/panier\"}");
}

TEST(SarifReport, RuleDescriptorsCarryLawAndSeverity) {
  const json log = json::parse(to_sarif(testing::sample_report()));
  const json& rule = log["runs"][0]["tool"]["driver"]["rules"][1];
  EXPECT_EQ(rule["id"], "call_cost.disclosed");
  EXPECT_EQ(rule["name"], "CallCostDisclosed");
  EXPECT_EQ(rule["helpUri"], "https://eur-lex.europa.eu/eli/dir/2011/83/oj#art_6");
  EXPECT_EQ(rule["properties"]["severity"], "violation");
  EXPECT_EQ(rule["properties"]["law"][1]["article"], "§ 109");
  EXPECT_EQ(rule["fullDescription"]["text"], "Legal basis: CRD 6(1)(f); TKG § 109");
}

TEST(SarifReport, LevelsFollowStatusAndSeverity) {
  const json log = json::parse(to_sarif(testing::sample_report()));
  const auto level_kind = [&](const std::string& rule) {
    const json r = result_for(log, rule);
    return r["kind"].get<std::string>() + "/" + r["level"].get<std::string>();
  };
  EXPECT_EQ(level_kind("call_cost.disclosed"), "fail/error");  // fail, violation
  EXPECT_EQ(level_kind("trader.register"), "fail/warning");    // warn, warning
  EXPECT_EQ(level_kind("response_time.stated"), "fail/note");  // warn, advice
  EXPECT_EQ(level_kind("trader.identity"), "pass/none");
  EXPECT_EQ(level_kind("odr.link"), "notApplicable/none");
  EXPECT_EQ(level_kind("legal_notice.accessible"), "open/none");  // inconclusive

  Report r = testing::sample_report();
  r.findings[1].severity = "warning";
  EXPECT_EQ(result_for(json::parse(to_sarif(r)), "call_cost.disclosed")["level"], "warning");
  r.findings[1].severity = "advice";
  EXPECT_EQ(result_for(json::parse(to_sarif(r)), "call_cost.disclosed")["level"], "note");
}

TEST(SarifReport, LocationsQuoteTheEvidence) {
  const json log = json::parse(to_sarif(testing::sample_report()));
  const json web = result_for(log, "call_cost.disclosed")["locations"][0];
  EXPECT_EQ(web["physicalLocation"]["artifactLocation"]["uri"],
            "https://www.boutique-exemple.fr/de/kontakt");
  EXPECT_EQ(web["physicalLocation"]["region"]["snippet"]["text"],
            "Kundenservice: [[0180 6 123456]] (Mo–Fr 8–18 Uhr)");
  EXPECT_EQ(web["logicalLocations"][0]["fullyQualifiedName"], "main > section#hotline > p");
  EXPECT_EQ(web["properties"]["sha256"],
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  EXPECT_EQ(web["properties"]["page_region"], "main");

  const json mail = result_for(log, "email.no_reply_sender")["locations"][0];
  EXPECT_EQ(mail["physicalLocation"]["artifactLocation"]["uri"], "mail/potvrzeni-objednavky.mbox");
  EXPECT_EQ(mail["physicalLocation"]["region"]["byteOffset"], 18234);
  EXPECT_EQ(mail["properties"]["message_id"], "20250301101500.4711@mail.obchod-priklad.cz");
}

TEST(SarifReport, HostileEvidenceStaysInertData) {
  const std::string text = to_sarif(testing::hostile_report());
  // Markup characters are \u-escaped: nothing in the log can close an HTML context.
  EXPECT_EQ(text.find('<'), std::string::npos);
  EXPECT_EQ(text.find('>'), std::string::npos);
  json log;
  ASSERT_NO_THROW(log = json::parse(text));  // also proves the output is valid UTF-8
  expect_valid_sarif(log);

  const json f = result_for(log, "contact.email");
  EXPECT_EQ(f["message"]["text"].get<std::string>().substr(0, 25), "<script>alert(1)</script>");
  // Script and data URLs never become artifact URIs: viewers would make them links.
  for (const auto& loc : f["locations"]) {
    if (!loc.contains("physicalLocation") ||
        !loc["physicalLocation"].contains("artifactLocation")) {
      continue;
    }
    const std::string uri = loc["physicalLocation"]["artifactLocation"]["uri"];
    EXPECT_TRUE(uri.starts_with("https://") || uri.starts_with("mail/")) << uri;
  }
  EXPECT_EQ(f["locations"][0]["properties"]["url"], "javascript:alert(3)");
  EXPECT_EQ(f["locations"][5]["physicalLocation"]["artifactLocation"]["uri"],
            "mail/%3Cscript%3E.eml");
  EXPECT_FALSE(log["runs"][0]["tool"]["driver"]["rules"][0].contains("helpUri"));
}

}  // namespace
}  // namespace omnicheck::report

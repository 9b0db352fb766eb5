// SARIF 2.1.0: valid against the OASIS schema (every log these tests write is validated with
// python3-jsonschema and tests/report/sarif-schema-2.1.0.json), shaped for code scanning
// (relative artifact URIs, fingerprints, only what needs attention), evidence kept inert.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
  EXPECT_TRUE(log["$schema"].get<std::string>().find("sarif-schema-2.1.0.json") != std::string::npos);
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

// Validates `text` with the official schema; the failures are printed by the validator.
void expect_schema_valid(const std::string& text, const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / ("omnicheck-sarif-" + std::to_string(::getpid()) + "-" + name + ".sarif");
  {
    std::ofstream out(file, std::ios::binary);
    out << text;
  }
  const std::string validator = std::string(OMNICHECK_SOURCE_DIR) + "/tests/report/validate_sarif.py";
  const int rc = std::system(("python3 '" + validator + "' '" + file.string() + "'").c_str());
  EXPECT_EQ(rc, 0) << name << ": not valid SARIF 2.1.0 (see the lines above)";
  fs::remove(file);
}

json result_for(const json& log, const std::string& rule) {
  for (const auto& r : log["runs"][0]["results"]) {
    if (r["ruleId"] == rule) return r;
  }
  return nullptr;
}

TEST(SarifReport, SampleValidatesStructurally) {
  const std::string text = to_sarif(testing::sample_report());
  expect_schema_valid(text, "sample");
  expect_schema_valid(to_sarif(testing::sample_report(), true), "sample-all");
  const json log = json::parse(text);
  expect_valid_sarif(log);
  // Only what needs attention: the passes and not-applicable rules stay in the JSON report.
  std::size_t attention = 0;
  for (const auto& f : testing::sample_report().findings) attention += f.status != "pass" && f.status != "not_applicable";
  EXPECT_EQ(log["runs"][0]["results"].size(), attention);
  EXPECT_EQ(json::parse(to_sarif(testing::sample_report(), true))["runs"][0]["results"].size(), 8u);
  for (const auto& result : log["runs"][0]["results"]) {
    EXPECT_NE(result["kind"], "pass");
    EXPECT_EQ(result["partialFingerprints"]["omnicheck/v1"].get<std::string>().size(), 32u);
  }
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
  EXPECT_NE(rule["help"]["text"].get<std::string>().find("Legal basis: CRD 6(1)(f); TKG § 109"), std::string::npos);
}

TEST(SarifReport, LevelsFollowStatusAndSeverity) {
  const json log = json::parse(to_sarif(testing::sample_report(), true));
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
  // A live page is no file of the repository: its URL is a property and the logical location.
  const json web = result_for(log, "call_cost.disclosed")["locations"][0];
  EXPECT_FALSE(web.contains("physicalLocation")) << web.dump();
  EXPECT_EQ(web["properties"]["url"], "https://www.boutique-exemple.fr/de/kontakt");
  EXPECT_EQ(web["logicalLocations"][0]["fullyQualifiedName"],
            "https://www.boutique-exemple.fr/de/kontakt main > section#hotline > p");
  EXPECT_EQ(web["message"]["text"], "Kundenservice: [[0180 6 123456]] (Mo–Fr 8–18 Uhr)");
  EXPECT_EQ(web["properties"]["sha256"],
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  EXPECT_EQ(web["properties"]["page_region"], "main");

  // An e-mail file given relative to the working directory stays relative, with its position.
  const json mail = result_for(log, "email.no_reply_sender")["locations"][0];
  EXPECT_EQ(mail["physicalLocation"]["artifactLocation"]["uri"], "mail/potvrzeni-objednavky.mbox");
  EXPECT_EQ(mail["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(mail["physicalLocation"]["region"]["byteOffset"], 18234);
  EXPECT_EQ(mail["properties"]["message_id"], "20250301101500.4711@mail.obchod-priklad.cz");
}

TEST(SarifReport, PagesOfAFolderTargetAreRelativeArtifacts) {
  namespace fs = std::filesystem;
  Report r = testing::sample_report();
  // A saved site below the working directory (a repository's dist/ in CI) ...
  const fs::path cwd = fs::current_path();
  r.target_url = "file://" + (cwd / "dist").generic_string() + "/";
  r.findings[1].evidence[0].url = "file://" + (cwd / "dist" / "de" / "kontakt.html").generic_string();
  // ... and one elsewhere: relative to the site folder, which the log declares.
  Report elsewhere = r;
  elsewhere.target_url = "file:///srv/shops/boutique%20exemple/";
  elsewhere.findings[1].evidence[0].url = "file:///srv/shops/boutique%20exemple/de/kontakt.html";
  const std::string in_repo = to_sarif(r), outside = to_sarif(elsewhere);
  expect_schema_valid(in_repo, "folder-in-repo");
  expect_schema_valid(outside, "folder-elsewhere");

  const json a = json::parse(in_repo)["runs"][0];
  const json art = result_for(json::parse(in_repo), "call_cost.disclosed")["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(art["uri"], "dist/de/kontakt.html");
  EXPECT_EQ(art["uriBaseId"], "%SRCROOT%");
  EXPECT_FALSE(a["originalUriBaseIds"].contains("SITEROOT"));

  const json b = json::parse(outside)["runs"][0];
  const json art2 = result_for(json::parse(outside), "call_cost.disclosed")["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(art2["uri"], "de/kontakt.html");
  EXPECT_EQ(art2["uriBaseId"], "SITEROOT");
  EXPECT_EQ(b["originalUriBaseIds"]["SITEROOT"]["uri"], "file:///srv/shops/boutique%20exemple/");
  // No absolute file:// or web URI anywhere an artifact is named.
  for (const auto& run : {a, b}) {
    for (const auto& res : run["results"]) {
      for (const auto& loc : res.value("locations", json::array())) {
        if (!loc.contains("physicalLocation")) continue;
        const std::string uri = loc["physicalLocation"]["artifactLocation"]["uri"];
        EXPECT_EQ(uri.find("://"), std::string::npos) << uri;
      }
    }
  }
  // The same finding has the same fingerprint wherever the folder lies.
  EXPECT_EQ(result_for(json::parse(in_repo), "call_cost.disclosed")["partialFingerprints"],
            result_for(json::parse(outside), "call_cost.disclosed")["partialFingerprints"]);
}

TEST(SarifReport, HostileEvidenceStaysInertData) {
  const std::string text = to_sarif(testing::hostile_report(), true);
  expect_schema_valid(text, "hostile");
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
    EXPECT_TRUE(uri.starts_with("mail/")) << uri;
  }
  EXPECT_EQ(f["locations"][0]["properties"]["url"], "javascript:alert(3)");
  EXPECT_FALSE(f["locations"][0].contains("logicalLocations") &&
               f["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].get<std::string>().starts_with("javascript:"));
  EXPECT_EQ(f["locations"][5]["physicalLocation"]["artifactLocation"]["uri"],
            "mail/%3Cscript%3E.eml");
  EXPECT_FALSE(log["runs"][0]["tool"]["driver"]["rules"][0].contains("helpUri"));
}


// An accepted finding is SARIF's own suppression, and with a baseline only new findings are
// results (baselineState "new"); both stay valid against the schema.
TEST(SarifReport, AcceptedAndBaselineFindingsAreMarkedTheSarifWayAndValidate) {
  Report r = testing::sample_report();
  apply_suppressions(r,
                     parse_suppressions(json::parse(R"([{"rule": "call_cost.disclosed", "reason": "Priced in the next release",
                                                          "expires": "2099-01-01"}])"),
                                        "omnicheck.json"),
                     "2025-03-14");
  Report earlier = testing::sample_report();
  earlier.findings.erase(earlier.findings.begin() + 1);  // the call-cost finding is new since then
  apply_baseline(r, to_json(earlier));
  const std::string text = to_sarif(r);
  expect_schema_valid(text, "suppressed-baseline");
  const json log = json::parse(text);
  const json call = result_for(log, "call_cost.disclosed");
  ASSERT_FALSE(call.is_null());
  EXPECT_EQ(call["baselineState"], "new");
  EXPECT_EQ(call["suppressions"][0]["kind"], "external");
  EXPECT_EQ(call["suppressions"][0]["status"], "accepted");
  EXPECT_TRUE(result_for(log, "email.no_reply_sender").is_null()) << "known from the baseline: not a result";
}

}  // namespace
}  // namespace omnicheck::report

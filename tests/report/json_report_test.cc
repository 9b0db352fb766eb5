// The report JSON keeps the contract shape of DESIGN.md.
#include <gtest/gtest.h>

#include <sstream>

#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

using nlohmann::json;

TEST(JsonReport, HasTheContractShape) {
  const Report r = testing::sample_report();
  const json j = to_json(r);

  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["tool"],
            (json{{"name", "omnicheck"}, {"version", "0.1.0"}, {"rules_version", "r-4be1c0de"}}));

  const json& t = j["target"];
  EXPECT_EQ(t["url"], "https://www.boutique-exemple.fr/");
  EXPECT_EQ(t["started_at"], "2025-03-14T09:12:40Z");
  EXPECT_EQ(t["finished_at"], "2025-03-14T09:14:02Z");
  EXPECT_EQ(t["pages_fetched"], 37);
  EXPECT_EQ(t["audit_date"], "2025-03-14");
  EXPECT_EQ(t["country"], "FR");  // target_extra merged in
  EXPECT_EQ(t["crawl_notes"], json::array({"page cap of 40 not reached"}));

  EXPECT_EQ(
      j["summary"],
      (json{{"pass", 2}, {"fail", 2}, {"warn", 2}, {"not_applicable", 1}, {"inconclusive", 1}}));

  ASSERT_EQ(j["findings"].size(), r.findings.size());
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const json& f = j["findings"][i];
    for (const char* key : {"rule", "title", "status", "severity", "law", "message", "evidence"}) {
      EXPECT_TRUE(f.contains(key)) << key << " missing in finding " << i;
    }
    EXPECT_EQ(f["rule"], r.findings[i].rule);
    EXPECT_TRUE(f["law"].is_array());
    for (const auto& l : f["law"]) {
      EXPECT_TRUE(l.contains("act") && l.contains("article") && l.contains("url"));
    }
    EXPECT_TRUE(f["evidence"].is_array());
  }
  EXPECT_EQ(j["facts"], r.facts);
  EXPECT_EQ(j["errors"], r.errors);
}

TEST(JsonReport, WebEvidenceCarriesItsKeysAndOmitsEmptyOnes) {
  const json j = to_json(testing::sample_report());
  const json& call_cost = j["findings"][1];
  EXPECT_EQ(call_cost["rule"], "call_cost.disclosed");
  EXPECT_EQ(call_cost["law"][1],
            (json{{"act", "TKG"},
                  {"article", "§ 109"},
                  {"url", "https://www.gesetze-im-internet.de/tkg_2021/__109.html"}}));
  EXPECT_EQ(call_cost["evidence"][0],
            (json{{"url", "https://www.boutique-exemple.fr/de/kontakt"},
                  {"fetched_at", "2025-03-14T09:12:45Z"},
                  {"status", 200},
                  {"sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                  {"locator", "main > section#hotline > p"},
                  {"region", "main"},
                  {"snippet", "Kundenservice: [[0180 6 123456]] (Mo–Fr 8–18 Uhr)"},
                  {"note", "shared-cost number, no price"}}));
}

TEST(JsonReport, MailEvidenceCarriesFileOffsetAndHeader) {
  const json j = to_json(testing::sample_report());
  const json& noreply = j["findings"][2];
  EXPECT_EQ(noreply["evidence"][0],
            (json{{"file", "mail/potvrzeni-objednavky.mbox"},
                  {"offset", 18234},
                  {"message_id", "20250301101500.4711@mail.obchod-priklad.cz"},
                  {"header", "From: Obchod Příklad <neodpovidejte@obchod-priklad.cz>"},
                  {"date", "Sat, 01 Mar 2025 10:15:00 +0100"},
                  {"snippet", "From: Obchod Příklad <[[neodpovidejte@obchod-priklad.cz]]>"},
                  {"note", "no-reply sender"}}));
  // A single .eml starts at offset 0, which is still a position worth stating.
  EXPECT_EQ(noreply["evidence"][1]["offset"], 0);
  EXPECT_FALSE(noreply["evidence"][1].contains("message_id"));
  EXPECT_FALSE(noreply["evidence"][1].contains("status"));
  EXPECT_FALSE(noreply["evidence"][1].contains("url"));
}

TEST(JsonReport, ExtrasNeverOverrideContractKeys) {
  Report r = testing::sample_report();
  r.target_extra = {{"url", "https://other.example/"}, {"pages_fetched", 0}, {"country", "DE"}};
  const json t = to_json(r)["target"];
  EXPECT_EQ(t["url"], "https://www.boutique-exemple.fr/");
  EXPECT_EQ(t["pages_fetched"], 37);
  EXPECT_EQ(t["country"], "DE");
}

TEST(JsonReport, EmptyReportStillHasEveryContractKey) {
  const json j = to_json(Report{});
  for (const char* key : {"tool", "target", "summary", "findings", "facts", "errors"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_TRUE(j["findings"].is_array());
  EXPECT_EQ(j["summary"]["fail"], 0);
  EXPECT_EQ(j["summary"].size(), 5u);
}

TEST(JsonReport, InvalidUtf8NeverMakesTheDumpThrow) {
  const json j = to_json(testing::hostile_report());
  std::string dumped;
  ASSERT_NO_THROW(dumped = j.dump());
  // Round trip: the dump is valid UTF-8 JSON.
  json reparsed;
  ASSERT_NO_THROW(reparsed = json::parse(dumped));
  EXPECT_EQ(reparsed, j);
  const std::string snippet = j["findings"][0]["evidence"][4]["snippet"];
  EXPECT_NE(snippet.find("\xEF\xBF\xBD"), std::string::npos);
  // Markup stays as data in JSON: the renderer that shows it escapes it.
  EXPECT_EQ(j["findings"][0]["title"], "\"><img src=x onerror=alert(2)>");
  EXPECT_TRUE(j["facts"].contains("<svg onload=alert(19)>"));
}


std::string streamed(const Report& r) {
  std::ostringstream out;
  write_json(r, out);
  return out.str();
}

// write_json is what the CLI writes; to_json(r).dump(2) is the contract's reference text.
TEST(JsonReport, StreamedTextEqualsTheDumpedTree) {
  for (const Report& r : {testing::sample_report(), testing::hostile_report(), Report{}}) {
    EXPECT_EQ(streamed(r), to_json(r).dump(2) + "\n");
  }
}

TEST(JsonReport, StreamedTextRepairsInvalidUtf8InKeysAndValuesAsTheTreeDoes) {
  Report r = testing::sample_report();
  // Two keys that become one after repair ("\xff" and "\xfe" are both U+FFFD), empty
  // containers at every depth, numbers, booleans and nulls.
  r.facts["messages"] = json::array({{{"value", "Bestellung \xc3\x28"}, {"count", 3}, {"ok", true}, {"none", nullptr}},
                                     json::object(), json::array()});
  r.facts["weird"] = json::object({{"a\xff", 1}, {"a\xfe", 2}, {"b", json::array({json::array(), 1.5})}});
  r.errors = json::array({{{"file", "box\xe9.mbox"}, {"offset", 12}, {"error", "NUL byte"}}});
  r.target_extra["emails"] = "Posteingang\xe9";
  const std::string text = streamed(r);
  EXPECT_EQ(text, to_json(r).dump(2) + "\n");
  EXPECT_TRUE(json::parse(text).is_object());
}

}  // namespace
}  // namespace omnicheck::report

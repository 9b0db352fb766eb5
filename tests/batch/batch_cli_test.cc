// `omnicheck batch` and `omnicheck batch merge` as a regulator runs them, on the bundled
// fixture shops (saved-site folders: no network): outputs, exit codes, resuming a finished
// batch, shards merged into the same result as one run, and errors that name their cause.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "batch/batch_test_util.h"
#include "support/test_support.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fixtures_dir;
using omnicheck::testing::read_file;
using omnicheck::testing::rules_dir;
using testing::query;
using testing::run_omnicheck;
using testing::ScratchDir;

// Five fixture shops, one with a mailbox that does not exist, one malformed line.
void write_fixture_list(const fs::path& csv) {
  const std::string f = fixtures_dir().string();
  testing::write_text(csv,
                      "url,id,country,emails\n" +
                          f + "/sites/de-mueller-versand,mueller,DE," + f + "/mail/de-mueller-versand\n" +
                          f + "/sites/fr-maison-lumiere,lumiere,FR," + f + "/mail/fr-maison-lumiere\n" +
                          f + "/sites/cs-kavarna-doma,kavarna,CZ,no-such-mailbox\n" +
                          f + "/sites/en-acme-widgets,acme,," + f + "/mail/en-acme-widgets.mbox\n" +
                          f + "/sites/en-northwind-incomplete,northwind,,\n" +
                          "\"broken\"line,x,,\n");
}

std::vector<std::string> args(const fs::path& list, const fs::path& out, std::vector<std::string> more = {}) {
  std::vector<std::string> a = {"batch", list.string(), "--out", out.string(), "--no-probe", "--quiet",
                                "--audit-date", "2026-11-23", "--rules", rules_dir().string(), "--jobs", "2"};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

TEST(BatchCli, AuditsTheListIntoStoreReportsAndAggregate) {
  ScratchDir dir("cli-run");
  write_fixture_list(dir / "sites.csv");
  std::string out;
  const int code = run_omnicheck(args(dir / "sites.csv", dir / "out"), &out);
  EXPECT_EQ(code, 1) << out;  // one site failed, one line was bad
  const std::string list = (dir / "sites.csv").string();
  EXPECT_NE(out.find(list + ":7: text after the closing quote"), std::string::npos) << out;
  EXPECT_NE(out.find(list + ":4: e-mail path not found: " + (dir / "no-such-mailbox").string()), std::string::npos)
      << out;

  const fs::path db = dir / "out/batch.sqlite";
  EXPECT_EQ(query(db, "SELECT count(*) FROM sites WHERE state = 'done'").at(0).at(0), "4");
  EXPECT_EQ(query(db, "SELECT state, reason FROM sites WHERE site_id = 'kavarna'").at(0).at(0), "failed");
  EXPECT_EQ(query(db, "SELECT count(*) FROM runs WHERE outcome = 'done'").at(0).at(0), "4");
  // One finding per rule per audited site.
  const int rules = std::stoi(query(db, "SELECT count(DISTINCT rule) FROM findings").at(0).at(0));
  EXPECT_GE(rules, 8);
  EXPECT_EQ(query(db, "SELECT count(*) FROM findings").at(0).at(0), std::to_string(4 * rules));
  EXPECT_EQ(query(db, "SELECT list_line FROM line_errors").at(0).at(0), "7");
  // The fixture table of fixtures/README.md, read back from the store.
  EXPECT_EQ(query(db, "SELECT status FROM findings WHERE site_id = 'mueller' AND rule = 'trader.address'").at(0).at(0),
            "fail");
  EXPECT_EQ(query(db, "SELECT status FROM findings WHERE site_id = 'acme' AND rule = 'contact.email'").at(0).at(0),
            "fail");
  const auto evidence = nlohmann::json::parse(
      query(db, "SELECT evidence FROM findings WHERE site_id = 'lumiere' AND rule = 'trader.address'").at(0).at(0));
  ASSERT_FALSE(evidence.empty());
  EXPECT_EQ(evidence[0]["sha256"].get<std::string>().size(), 64u);

  for (const char* site : {"mueller", "lumiere", "acme", "northwind"}) {
    const auto report = nlohmann::json::parse(read_file(dir / "out/sites" / site / "report.json"));
    EXPECT_EQ(report["tool"]["name"], "omnicheck");
    EXPECT_TRUE(fs::exists(dir / "out/sites" / site / "report.html")) << site;
  }
  const std::string csv = read_file(dir / "out/aggregate.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 6);
  EXPECT_NE(csv.find("kavarna,"), std::string::npos);
  const auto agg = nlohmann::json::parse(read_file(dir / "out/aggregate.json"));
  EXPECT_EQ(agg["totals"]["sites"], 5);
  EXPECT_EQ(agg["totals"]["done"], 4);
  EXPECT_EQ(agg["totals"]["failed"], 1);
  EXPECT_EQ(agg["list_errors"][0]["line"], 7);
  bool counted = false;
  for (const auto& r : agg["rules"]) {
    if (r["rule"] == "contact.email") {
      counted = true;
      EXPECT_EQ(r["counts"]["fail"], 1);
      EXPECT_EQ(r["counts"]["pass"], 3);
    }
  }
  EXPECT_TRUE(counted);
  const std::string counts = read_file(dir / "out/rule_counts.csv");
  EXPECT_NE(counts.find("contact.email,E-mail address disclosed,violation,3,1,0,0,0,1\r\n"), std::string::npos)
      << counts;
  EXPECT_FALSE(fs::exists(dir / "out/work"));
}

TEST(BatchCli, RunningTheSameCommandAgainRecordsNothingTwice) {
  ScratchDir dir("cli-again");
  write_fixture_list(dir / "sites.csv");
  ASSERT_EQ(run_omnicheck(args(dir / "sites.csv", dir / "out"), nullptr), 1);
  const fs::path db = dir / "out/batch.sqlite";
  const auto runs = query(db, "SELECT run_uid FROM runs ORDER BY run_uid");
  std::string out;
  EXPECT_EQ(run_omnicheck(args(dir / "sites.csv", dir / "out"), &out), 1) << out;
  EXPECT_EQ(query(db, "SELECT run_uid FROM runs ORDER BY run_uid"), runs);
  EXPECT_EQ(query(db, "SELECT count(*) FROM sessions").at(0).at(0), "2");
  // --retry-failed does not touch a site whose list line is bad: only a corrected line retries it.
  EXPECT_EQ(run_omnicheck(args(dir / "sites.csv", dir / "out", {"--retry-failed"}), nullptr), 1);
  EXPECT_EQ(query(db, "SELECT count(*) FROM runs").at(0).at(0), std::to_string(runs.size()));
  EXPECT_EQ(query(db, "SELECT state FROM sites WHERE site_id = 'kavarna'").at(0).at(0), "failed");
}

TEST(BatchCli, ShardsMergedGiveTheResultOfOneRunAndMergingAgainChangesNothing) {
  ScratchDir dir("cli-shards");
  write_fixture_list(dir / "sites.csv");
  ASSERT_EQ(run_omnicheck(args(dir / "sites.csv", dir / "whole"), nullptr), 1);
  std::vector<std::string> merge = {"batch", "merge", (dir / "merged").string()};
  int sites_in_shards = 0;
  for (int k = 0; k < 3; ++k) {
    const fs::path out = dir / ("shard" + std::to_string(k));
    const int code = run_omnicheck(args(dir / "sites.csv", out, {"--shard", std::to_string(k) + "/3"}), nullptr);
    EXPECT_TRUE(code == 0 || code == 1) << k;
    sites_in_shards += std::stoi(query(out / "batch.sqlite", "SELECT count(*) FROM sites").at(0).at(0));
    merge.push_back(out.string());
  }
  EXPECT_EQ(sites_in_shards, 5);  // every site in exactly one shard
  std::string out;
  EXPECT_EQ(run_omnicheck(merge, &out), 1) << out;
  EXPECT_EQ(testing::site_results(dir / "merged/batch.sqlite"), testing::site_results(dir / "whole/batch.sqlite"));
  const auto before = query(dir / "merged/batch.sqlite", "SELECT run_uid, site_id FROM runs ORDER BY run_uid");
  // Again, and with a folder named twice: no duplicates, nothing replaced.
  merge.push_back(merge.back());
  EXPECT_EQ(run_omnicheck(merge, &out), 1) << out;
  EXPECT_EQ(query(dir / "merged/batch.sqlite", "SELECT run_uid, site_id FROM runs ORDER BY run_uid"), before);
  EXPECT_EQ(testing::site_results(dir / "merged/batch.sqlite"), testing::site_results(dir / "whole/batch.sqlite"));
  EXPECT_TRUE(fs::exists(dir / "merged/sites/mueller/report.html"));
  const std::string csv = read_file(dir / "merged/aggregate.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 6);
}

TEST(BatchCli, MergeWarnsAboutMissingShardsAndRefusesAnotherList) {
  ScratchDir dir("cli-merge-errors");
  write_fixture_list(dir / "sites.csv");
  ASSERT_EQ(run_omnicheck(args(dir / "sites.csv", dir / "s0", {"--shard", "0/2"}), nullptr) >= 0, true);
  std::string out;
  EXPECT_EQ(run_omnicheck({"batch", "merge", (dir / "m").string(), (dir / "s0").string()}, &out), 3) << out;
  EXPECT_NE(out.find("shard 1/2 is missing"), std::string::npos) << out;

  testing::write_text(dir / "other.csv", "url\n" + (fixtures_dir() / "sites/de-mueller-versand").string() + "\n");
  ASSERT_EQ(run_omnicheck(args(dir / "other.csv", dir / "other"), nullptr), 0);
  EXPECT_EQ(run_omnicheck({"batch", "merge", (dir / "m").string(), (dir / "other").string()}, &out), 2) << out;
  EXPECT_NE(out.find("another site list"), std::string::npos) << out;
  EXPECT_EQ(run_omnicheck({"batch", "merge", (dir / "m").string(), (dir / "nowhere").string()}, &out), 2) << out;
  EXPECT_NE(out.find("is not a batch folder"), std::string::npos) << out;
}

TEST(BatchCli, AFolderBelongsToOneShardAndOneAuditDate) {
  ScratchDir dir("cli-identity");
  write_fixture_list(dir / "sites.csv");
  run_omnicheck(args(dir / "sites.csv", dir / "out", {"--shard", "0/2"}), nullptr);
  std::string out;
  EXPECT_EQ(run_omnicheck(args(dir / "sites.csv", dir / "out", {"--shard", "1/2"}), &out), 2) << out;
  EXPECT_NE(out.find("holds shard 0/2 but this run asks for shard 1/2"), std::string::npos) << out;
  auto other_date = args(dir / "sites.csv", dir / "out", {"--shard", "0/2"});
  other_date[7] = "2027-01-01";
  EXPECT_EQ(run_omnicheck(other_date, &out), 2) << out;
  EXPECT_NE(out.find("as of 2026-11-23 but --audit-date says 2027-01-01"), std::string::npos) << out;
}

TEST(BatchCli, UsageAndInputErrorsExitTwoNamingTheProblem) {
  ScratchDir dir("cli-usage");
  std::string out;
  EXPECT_EQ(run_omnicheck({"batch", (dir / "sites.csv").string()}, &out), 2);
  EXPECT_NE(out.find("--out"), std::string::npos) << out;
  EXPECT_EQ(run_omnicheck({"batch", (dir / "absent.csv").string(), "--out", (dir / "o").string()}, &out), 2);
  EXPECT_NE(out.find("absent.csv"), std::string::npos) << out;
  testing::write_text(dir / "sites.csv", "url\nhttps://a.example/\n");
  EXPECT_EQ(run_omnicheck({"batch", (dir / "sites.csv").string(), "--out", (dir / "o").string(), "--shard", "2/2"},
                          &out),
            2);
  EXPECT_NE(out.find("0 <= K < N"), std::string::npos) << out;
  EXPECT_EQ(run_omnicheck({"batch", (dir / "sites.csv").string(), "--out", (dir / "o").string(), "--jobs", "0"}, &out),
            2);
}

}  // namespace
}  // namespace omnicheck::batch

// The store: schema and states, one transaction per site, no double record, list changes,
// exclusivity, and durability across reopening.
#include <gtest/gtest.h>

#include "batch/batch_test_util.h"
#include "batch/store.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using testing::query;
using testing::ScratchDir;

Site site(const std::string& id, int line) {
  Site s;
  s.id = id;
  s.line = line;
  s.target = "https://" + id + "/";
  s.host = id;
  return s;
}

RunRecord run(const std::string& site_id, const std::string& outcome, int attempt = 1) {
  RunRecord r;
  r.run_uid = Store::new_uid();
  r.site_id = site_id;
  r.session_uid = "session";
  r.attempt = attempt;
  r.started_at = "2026-11-23T10:00:00Z";
  r.finished_at = "2026-11-23T10:00:01Z";
  r.outcome = outcome;
  if (outcome != "done") r.reason = "it broke";
  return r;
}

std::vector<FindingRecord> two_findings() {
  FindingRecord a;
  a.seq = 0;
  a.rule = "contact.email";
  a.status = "pass";
  a.evidence = nlohmann::json::array({{{"url", "https://a/"}, {"snippet", "[[x@a]]"}}});
  FindingRecord b = a;
  b.seq = 1;
  b.rule = "contact.phone";
  b.status = "fail";
  return {a, b};
}

TEST(Store, NewSitesArePendingAndBadLinesFailAtOnce) {
  ScratchDir dir("store-sync");
  Store store(dir / kStoreFile);
  Site bad = site("bad.example", 3);
  bad.input_error = "sites.csv:3: e-mail path not found: x";
  const SyncResult r = store.sync_sites({site("a.example", 2), bad}, "s1");
  EXPECT_EQ(r.added, 2);
  const StoreCounts c = store.counts();
  EXPECT_EQ(c.total, 2);
  EXPECT_EQ(c.pending, 1);
  EXPECT_EQ(c.failed, 1);
  EXPECT_EQ(store.site("bad.example")->reason, bad.input_error);
  EXPECT_EQ(store.runs("bad.example").at(0).outcome, "input_error");
  // The same list again changes nothing.
  const SyncResult again = store.sync_sites({site("a.example", 2), bad}, "s2");
  EXPECT_EQ(again.added + again.updated + again.changed_done, 0);
  EXPECT_EQ(store.runs("bad.example").size(), 1u);
}

TEST(Store, ADoneSiteIsRecordedOnceWithItsFindingsAndEvidence) {
  ScratchDir dir("store-done");
  Store store(dir / kStoreFile);
  store.sync_sites({site("a.example", 2)}, "s1");
  bool installed = false;
  EXPECT_TRUE(store.record_done(run("a.example", "done"), two_findings(), "a.example", [&] { installed = true; }));
  EXPECT_TRUE(installed);
  // A second record of the same site is refused, whatever the caller does.
  bool installed_again = false;
  EXPECT_FALSE(store.record_done(run("a.example", "done"), two_findings(), "a.example", [&] { installed_again = true; }));
  EXPECT_FALSE(installed_again);
  EXPECT_FALSE(store.record_failure(run("a.example", "crash"), true));
  ASSERT_EQ(store.runs("a.example").size(), 1u);
  const auto findings = store.findings(store.runs("a.example")[0].run_uid);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].rule, "contact.phone");
  EXPECT_EQ(findings[1].status, "fail");
  EXPECT_EQ(findings[0].evidence[0]["snippet"], "[[x@a]]");
  EXPECT_EQ(store.site("a.example")->state, "done");
  EXPECT_EQ(store.site("a.example")->report_dir, "a.example");
}

TEST(Store, TheSchemaItselfForbidsTwoDoneRunsOfOneSite) {
  ScratchDir dir("store-unique");
  {
    Store store(dir / kStoreFile);
    store.sync_sites({site("a.example", 2)}, "s1");
    store.record_done(run("a.example", "done"), {}, "a.example");
  }
  EXPECT_THROW(query(dir / kStoreFile,
                     "INSERT INTO runs (run_uid, site_id, session_uid, attempt, started_at, finished_at, outcome) "
                     "VALUES ('x', 'a.example', 's', 2, 't', 't', 'done')"),
               std::runtime_error);
  EXPECT_THROW(query(dir / kStoreFile, "UPDATE sites SET state = 'running'"), std::runtime_error);
}

TEST(Store, AFailureInsideTheTransactionLeavesTheSitePending) {
  ScratchDir dir("store-rollback");
  Store store(dir / kStoreFile);
  store.sync_sites({site("a.example", 2)}, "s1");
  EXPECT_THROW(store.record_done(run("a.example", "done"), two_findings(), "a.example",
                                 [] { throw std::runtime_error("disk full"); }),
               std::runtime_error);
  EXPECT_EQ(store.site("a.example")->state, "pending");
  EXPECT_TRUE(store.runs("a.example").empty());
  EXPECT_EQ(store.with_db([](Database& db) {
    auto st = db.prepare("SELECT count(*) FROM findings");
    st.step();
    return st.integer(0);
  }),
            0);
  EXPECT_TRUE(store.record_done(run("a.example", "done"), two_findings(), "a.example"));
}

TEST(Store, FailuresCountAttemptsUntilFinal) {
  ScratchDir dir("store-failures");
  Store store(dir / kStoreFile);
  store.sync_sites({site("a.example", 2)}, "s1");
  EXPECT_TRUE(store.record_failure(run("a.example", "timeout", 1), false));
  EXPECT_EQ(store.site("a.example")->state, "pending");
  EXPECT_EQ(store.site("a.example")->attempts, 1);
  EXPECT_TRUE(store.record_failure(run("a.example", "crash", 2), true));
  EXPECT_EQ(store.site("a.example")->state, "failed");
  EXPECT_EQ(store.site("a.example")->reason, "it broke");
  EXPECT_EQ(store.runs("a.example").size(), 2u);
  EXPECT_EQ(store.reset_failed(), 1);
  EXPECT_EQ(store.site("a.example")->state, "pending");
  EXPECT_EQ(store.site("a.example")->attempts, 0);
  EXPECT_TRUE(store.runs("a.example").empty());
}

TEST(Store, AChangedLineGivesAFailedSiteAnotherChanceButKeepsADoneOne) {
  ScratchDir dir("store-changed");
  Store store(dir / kStoreFile);
  store.sync_sites({site("a.example", 2), site("b.example", 3)}, "s1");
  store.record_failure(run("a.example", "crash"), true);
  store.record_done(run("b.example", "done"), {}, "b");
  Site a = site("a.example", 2), b = site("b.example", 3);
  a.country = "DE";
  b.country = "FR";
  const SyncResult r = store.sync_sites({a, b, site("c.example", 4)}, "s2");
  EXPECT_EQ(r.updated, 1);
  EXPECT_EQ(r.changed_done, 1);
  EXPECT_EQ(r.added, 1);
  EXPECT_EQ(store.site("a.example")->state, "pending");
  EXPECT_EQ(store.site("a.example")->site.country, "DE");
  EXPECT_EQ(store.site("b.example")->state, "done");
  EXPECT_EQ(store.site("b.example")->site.country, "");
  const SyncResult shrunk = store.sync_sites({a}, "s3");
  EXPECT_EQ(shrunk.not_in_list, 2);
  EXPECT_EQ(store.counts().total, 3);
}

TEST(Store, ResultsSurviveReopeningAndASecondProcessIsRefused) {
  ScratchDir dir("store-reopen");
  {
    Store store(dir / kStoreFile);
    store.set_meta("shard", "1/4");
    store.sync_sites({site("a.example", 2)}, "s1");
    store.record_done(run("a.example", "done"), two_findings(), "a");
    // While this connection is open, nobody else may write the store.
    EXPECT_THROW(Store(dir / kStoreFile), StoreError);
  }
  EXPECT_EQ(query(dir / kStoreFile, "PRAGMA journal_mode").at(0).at(0), "wal");
  Store again(dir / kStoreFile);
  EXPECT_EQ(again.meta("shard"), "1/4");
  EXPECT_EQ(again.site("a.example")->state, "done");
  EXPECT_EQ(again.findings(again.runs("a.example").at(0).run_uid).size(), 2u);
}

TEST(Store, RefusesAStoreOfAnotherSchemaVersion) {
  ScratchDir dir("store-version");
  { Store store(dir / kStoreFile); }
  query(dir / kStoreFile, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  EXPECT_THROW(Store(dir / kStoreFile), StoreError);
}

}  // namespace
}  // namespace omnicheck::batch

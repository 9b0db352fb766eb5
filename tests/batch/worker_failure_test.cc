// Sites whose audit crashes, hangs or dies without a word: each is retried a bounded number of
// times and then recorded as failed with the reason, while the other sites go on. The worker
// is replaced by a small shell command that misbehaves on purpose; the batch runs in-process.
#include <gtest/gtest.h>

#include <chrono>

#include "batch/batch.h"
#include "batch/batch_test_util.h"
#include "support/test_support.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using testing::query;
using testing::ScratchDir;

BatchOptions options(const ScratchDir& dir, const std::string& shell_command) {
  const std::string f = omnicheck::testing::fixtures_dir().string();
  testing::write_text(dir / "sites.csv", "url,id\n" + f + "/sites/de-mueller-versand,one\n" + f +
                                             "/sites/fr-maison-lumiere,two\n");
  BatchOptions o;
  o.list = (dir / "sites.csv").string();
  o.out_dir = (dir / "out").string();
  o.jobs = 2;
  o.quiet = true;
  o.audit.rules_dir = omnicheck::testing::rules_dir().string();
  o.audit.audit_date = "2026-11-23";
  o.audit.probe = false;
  // The job folder is appended as "$1".
  o.worker_program = "/bin/sh";
  o.worker_args = {"-c", shell_command, "worker"};
  return o;
}

TEST(WorkerFailure, ACrashingAuditIsRetriedThenRecordedAsFailedWithTheSignal) {
  ScratchDir dir("crash");
  BatchOptions o = options(dir, "echo 'about to crash' >&2; kill -SEGV $$");
  o.retries = 2;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const fs::path db = dir / "out/batch.sqlite";
  const auto sites = query(db, "SELECT site_id, state, attempts, reason FROM sites ORDER BY site_id");
  ASSERT_EQ(sites.size(), 2u);
  for (const auto& s : sites) {
    EXPECT_EQ(s[1], "failed");
    EXPECT_EQ(s[2], "3");
    EXPECT_NE(s[3].find("SIGSEGV"), std::string::npos) << s[3];
    EXPECT_NE(s[3].find("about to crash"), std::string::npos) << s[3];
  }
  EXPECT_EQ(query(db, "SELECT count(*) FROM runs WHERE outcome = 'crash'").at(0).at(0), "6");

  // --retry-failed: one more round of attempts, then failed again; never an endless loop.
  o.retry_failed = true;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  EXPECT_EQ(query(db, "SELECT attempts FROM sites WHERE site_id = 'one'").at(0).at(0), "3");
}

TEST(WorkerFailure, AHangingAuditIsStoppedAtTheSiteTimeout) {
  ScratchDir dir("hang");
  BatchOptions o = options(dir, "exec sleep 30");
  o.retries = 0;
  o.site_timeout_s = 1;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(15));
  const auto reasons = query(dir / "out/batch.sqlite", "SELECT DISTINCT reason FROM sites");
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0][0], "audit did not finish within 1 s");
}

TEST(WorkerFailure, AWorkerThatExitsWithoutAResultIsACrashWithItsLastWords) {
  ScratchDir dir("silent");
  BatchOptions o = options(dir, "echo 'line one' >&2; echo 'std::bad_alloc' >&2; exit 7");
  o.retries = 1;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const auto r = query(dir / "out/batch.sqlite", "SELECT reason, attempts FROM sites WHERE site_id = 'one'");
  EXPECT_EQ(r.at(0).at(0), "audit process exited with status 7 and no result (worker log: line one | std::bad_alloc)");
  EXPECT_EQ(r.at(0).at(1), "2");
}

TEST(WorkerFailure, AWorkerKilledBySigtermWhileTheBatchGoesOnCountsAsACrash) {
  ScratchDir dir("sigterm");
  BatchOptions o = options(dir, "kill -TERM $$");
  o.retries = 1;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const auto r = query(dir / "out/batch.sqlite", "SELECT reason, attempts FROM sites WHERE site_id = 'two'");
  EXPECT_NE(r.at(0).at(0).find("SIGTERM"), std::string::npos) << r.at(0).at(0);
  EXPECT_EQ(r.at(0).at(1), "2");
}

TEST(WorkerFailure, AnInputErrorIsFinalAtOnce) {
  ScratchDir dir("input");
  BatchOptions o = options(dir,
                           "printf '{\"outcome\":\"input_error\",\"reason\":\"archive not found: x.warc.gz\"}' "
                           "> \"$1/result.json\"");
  o.retries = 5;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const auto r = query(dir / "out/batch.sqlite", "SELECT reason, attempts FROM sites WHERE site_id = 'one'");
  EXPECT_EQ(r.at(0).at(0), "archive not found: x.warc.gz");
  EXPECT_EQ(r.at(0).at(1), "1");
}

TEST(WorkerFailure, TheRealWorkerRecordsTheSites) {
  ScratchDir dir("real");
  BatchOptions o = options(dir, "");
  o.worker_program = omnicheck::testing::omnicheck_binary();
  o.worker_args = {"batch", "worker"};
  EXPECT_EQ(run_batch(o), kExitComplete);
  EXPECT_EQ(query(dir / "out/batch.sqlite", "SELECT count(*) FROM sites WHERE state = 'done'").at(0).at(0), "2");
}

}  // namespace
}  // namespace omnicheck::batch

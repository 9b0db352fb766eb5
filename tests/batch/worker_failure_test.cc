// Sites whose audit crashes, hangs or dies without a word: each is retried a bounded number of
// times and then recorded as failed with the reason, while the other sites go on. The worker
// is replaced by a small shell command that misbehaves on purpose (it reads its jobs from fd 3,
// the batch socket, and answers there: worker.h); the batch runs in-process. Then the
// long-lived workers: one process audits many sites, is retired after its quota, a crash costs
// only the site it was on, and the findings are those of a process per site.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include <nlohmann/json.hpp>

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
  // The worker's slot folder is appended as "$1"; jobs arrive on fd 3, one line each.
  o.worker_program = "/bin/sh";
  o.worker_args = {"-c", shell_command, "worker"};
  return o;
}

// A stand-in worker that answers every job with an input error naming its own process id, so
// the store tells which process handled which site.
const std::string kPidWorker =
    "while read -r job <&3; do printf '{\"outcome\":\"input_error\",\"reason\":\"pid %s\"}\\n' $$ >&3; done";

TEST(WorkerFailure, ACrashingAuditIsRetriedThenRecordedAsFailedWithTheSignal) {
  ScratchDir dir("crash");
  BatchOptions o = options(dir, "read -r job <&3; echo 'about to crash' >&2; kill -SEGV $$");
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
  BatchOptions o = options(dir, "read -r job <&3; exec sleep 30");
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
  BatchOptions o = options(dir, "echo 'started' >&2; read -r job <&3; echo 'line one' >&2; echo 'std::bad_alloc' >&2; exit 7");
  o.retries = 1;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const auto r = query(dir / "out/batch.sqlite", "SELECT reason, attempts FROM sites WHERE site_id = 'one'");
  // A worker started for the site: what it wrote from its start on.
  EXPECT_EQ(r.at(0).at(0),
            "audit process exited with status 7 and no result (worker log: started | line one | std::bad_alloc)");
  EXPECT_EQ(r.at(0).at(1), "2");
}

TEST(WorkerFailure, AWorkerKilledBySigtermWhileTheBatchGoesOnCountsAsACrash) {
  ScratchDir dir("sigterm");
  BatchOptions o = options(dir, "read -r job <&3; kill -TERM $$");
  o.retries = 1;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const auto r = query(dir / "out/batch.sqlite", "SELECT reason, attempts FROM sites WHERE site_id = 'two'");
  EXPECT_NE(r.at(0).at(0).find("SIGTERM"), std::string::npos) << r.at(0).at(0);
  EXPECT_EQ(r.at(0).at(1), "2");
}

TEST(WorkerFailure, AnInputErrorIsFinalAtOnce) {
  ScratchDir dir("input");
  BatchOptions o = options(dir,
                           "while read -r job <&3; do "
                           "printf '{\"outcome\":\"input_error\",\"reason\":\"archive not found: x.warc.gz\"}\\n' >&3; "
                           "done");
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

TEST(LongLivedWorkers, OneWorkerAuditsSiteAfterSiteAndIsRetiredAfterItsQuota) {
  ScratchDir dir("quota");
  BatchOptions o = options(dir, kPidWorker);
  const std::string f = omnicheck::testing::fixtures_dir().string();
  std::string csv = "url,id\n";
  for (int i = 0; i < 5; ++i) csv += f + "/sites/de-mueller-versand,s" + std::to_string(i) + "\n";
  testing::write_text(dir / "sites.csv", csv);
  o.jobs = 1;
  o.worker_max_sites = 2;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const auto r = query(dir / "out/batch.sqlite", "SELECT reason FROM sites ORDER BY site_id");
  ASSERT_EQ(r.size(), 5u);
  // s0 s1 | s2 s3 | s4: three processes, two sites each at most.
  EXPECT_EQ(r[0][0], r[1][0]);
  EXPECT_NE(r[1][0], r[2][0]);
  EXPECT_EQ(r[2][0], r[3][0]);
  EXPECT_NE(r[3][0], r[4][0]);
  EXPECT_NE(r[0][0], r[4][0]);

  ScratchDir dir2("noquota");
  BatchOptions o2 = options(dir2, kPidWorker);
  testing::write_text(dir2 / "sites.csv", csv);
  o2.jobs = 1;
  EXPECT_EQ(run_batch(o2), kExitSomeFailed);
  EXPECT_EQ(query(dir2 / "out/batch.sqlite", "SELECT count(DISTINCT reason) FROM sites").at(0).at(0), "1");
}

TEST(LongLivedWorkers, ACrashCostsOnlyTheSiteItWasOnAndANewWorkerTakesTheNext) {
  ScratchDir dir("one-crash");
  // Crashes on site "two" only; answers the others.
  BatchOptions o = options(dir,
                           "while read -r job <&3; do "
                           "  dir=$(printf '%s' \"$job\" | sed 's/.*\"job_dir\":\"\\([^\"]*\\)\".*/\\1/'); "
                           "  if grep -q '\"id\":\"two\"' \"$dir/job.json\"; then echo \"dying on two\" >&2; kill -SEGV $$; fi; "
                           "  echo \"fine on $dir\" >&2; "
                           "  printf '{\"outcome\":\"input_error\",\"reason\":\"pid %s\"}\\n' $$ >&3; "
                           "done");
  const std::string f = omnicheck::testing::fixtures_dir().string();
  testing::write_text(dir / "sites.csv", "url,id\n" + f + "/sites/de-mueller-versand,one\n" + f +
                                             "/sites/fr-maison-lumiere,two\n" + f + "/sites/en-acme-widgets,three\n");
  o.jobs = 1;
  o.retries = 1;
  EXPECT_EQ(run_batch(o), kExitSomeFailed);
  const fs::path db = dir / "out/batch.sqlite";
  const auto r = query(db, "SELECT site_id, reason, attempts FROM sites ORDER BY list_line");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0][1].rfind("pid ", 0), 0u) << r[0][1];
  EXPECT_EQ(r[0][2], "1");
  EXPECT_NE(r[1][1].find("SIGSEGV"), std::string::npos) << r[1][1];
  EXPECT_NE(r[1][1].find("dying on two"), std::string::npos) << r[1][1];
  // Only what the worker wrote while on that site (the retry went to the worker that had just
  // audited "three").
  EXPECT_EQ(r[1][1].find("fine on"), std::string::npos) << r[1][1];
  EXPECT_EQ(r[1][2], "2");
  EXPECT_EQ(r[2][1].rfind("pid ", 0), 0u) << r[2][1];
  EXPECT_EQ(r[2][2], "1");
  EXPECT_NE(r[0][1], r[2][1]);  // the worker that crashed did not take the next site
  EXPECT_EQ(query(db, "SELECT count(*) FROM runs WHERE outcome = 'crash'").at(0).at(0), "2");
}

// A report without the clock: when the audit started and ended, when each page was read.
nlohmann::json without_times(nlohmann::json j) {
  if (j.is_object()) {
    for (const char* k : {"started_at", "finished_at", "fetched_at", "rendered_at"}) j.erase(k);
    for (auto& [k, v] : j.items()) v = without_times(v);
  } else if (j.is_array()) {
    for (auto& v : j) v = without_times(v);
  }
  return j;
}

// The findings and reports of long-lived workers are those of one process per site (a worker
// retired after every site is exactly the per-site process of earlier versions).
TEST(LongLivedWorkers, TheSameFindingsAndReportsAsAProcessPerSite) {
  const std::string f = omnicheck::testing::fixtures_dir().string();
  std::string csv = "url,id,country,emails\n";
  for (const auto& entry : fs::directory_iterator(f + "/sites")) {
    const std::string name = entry.path().filename().string();
    csv += entry.path().string() + "," + name + ",,\n";
  }
  csv += f + "/sites/de-mueller-versand,mueller-mail,DE," + f + "/mail/de-mueller-versand\n";
  std::map<std::string, std::string> reports[2];
  std::vector<std::vector<std::string>> findings[2];
  for (int k = 0; k < 2; ++k) {
    ScratchDir dir(k == 0 ? "per-site" : "long-lived");
    testing::write_text(dir / "sites.csv", csv);
    BatchOptions o = options(dir, "");
    testing::write_text(dir / "sites.csv", csv);
    o.worker_program = omnicheck::testing::omnicheck_binary();
    o.worker_args = {"batch", "worker"};
    o.jobs = 2;
    o.worker_max_sites = k == 0 ? 1 : 1000;
    const int code = run_batch(o);
    EXPECT_TRUE(code == kExitComplete || code == kExitSomeFailed) << code;
    for (auto row : query(dir / "out/batch.sqlite",
                          "SELECT f.site_id, f.seq, f.rule, f.status, f.severity, f.message, f.law, f.evidence "
                          "FROM findings f ORDER BY f.site_id, f.seq")) {
      row[7] = without_times(nlohmann::json::parse(row[7])).dump();
      findings[k].push_back(row);
    }
    for (const auto& row : query(dir / "out/batch.sqlite", "SELECT site_id, report_dir FROM sites WHERE state = 'done'")) {
      const auto j = nlohmann::json::parse(omnicheck::testing::read_file(dir / "out/sites" / row[1] / "report.json"));
      reports[k][row[0]] = without_times(j).dump();
    }
  }
  EXPECT_GT(findings[0].size(), 100u);
  EXPECT_EQ(findings[0], findings[1]);
  EXPECT_GT(reports[0].size(), 8u);
  EXPECT_EQ(reports[0], reports[1]);
}

}  // namespace
}  // namespace omnicheck::batch

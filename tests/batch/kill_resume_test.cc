// The batch is killed (SIGKILL, and once SIGTERM) at random moments while it audits a few
// hundred loopback sites, and run again each time. After every interruption the store must
// hold every site exactly once, each recorded site with exactly the findings of an
// uninterrupted run; the final run must complete with the uninterrupted run's result, and no
// worker of a killed batch may outlive it.
//
// The seed of the kill moments is printed; OMNICHECK_KILL_SEED=N replays a run.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <thread>

#include "batch/batch_test_util.h"
#include "batch/site_farm.h"
#include "fetch/fetch.h"
#include "support/test_support.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::ScratchDir;
using testing::SiteFarm;
using testing::SiteResult;

#if defined(__SANITIZE_ADDRESS__)
// Sanitized workers start several times slower: the same checks over fewer sites keep the test
// within its time limit.
constexpr int kSites = 60;
#else
constexpr int kSites = 240;
#endif

std::vector<std::string> batch_args(const SiteFarm& farm, const fs::path& list, const fs::path& out) {
  std::vector<std::string> a = {"batch",         list.string(), "--out",        out.string(),
                                "--jobs",        "6",           "--retries",    "1",
                                "--no-probe",    "--allow-private", "--host-delay", "0",
                                "--audit-date",  "2026-11-23",  "--rules",      omnicheck::testing::rules_dir().string()};
  for (auto& r : farm.resolve_args()) a.push_back(r);
  return a;
}

// What must hold whenever the batch has stopped, however abruptly.
void expect_consistent(const fs::path& out, const std::map<std::string, SiteResult>& reference, const std::string& when) {
  const fs::path db = out / "batch.sqlite";
  if (!fs::exists(db)) return;  // killed before the store existed
  // Killed after SQLite created the file but before the schema's transaction committed: the
  // store is empty, which is consistent (the next run creates the schema).
  if (testing::query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sites'").at(0).at(0) == "0")
    return;
  const auto now = testing::site_results(db);
  if (now.empty()) return;  // killed before the list was committed (one transaction)
  ASSERT_EQ(now.size(), reference.size()) << when;
  int done = 0;
  for (const auto& [id, r] : now) {
    ASSERT_TRUE(reference.count(id)) << when << ": unknown site " << id;
    const SiteResult& ref = reference.at(id);
    if (r.state == "done") {
      ++done;
      EXPECT_EQ(r, ref) << when << ": " << id << " differs from the uninterrupted run";
    } else if (r.state == "failed") {
      EXPECT_EQ(ref.state, "failed") << when << ": " << id << " failed: " << r.reason;
      EXPECT_EQ(r.reason, ref.reason) << when << ": " << id;
    } else {
      EXPECT_EQ(r.state, "pending") << when << ": " << id;
      EXPECT_EQ(r.done_runs, 0) << when << ": " << id;
      EXPECT_TRUE(r.findings.empty()) << when << ": " << id;
    }
  }
  // The reports of a recorded site are the ones its run's hash names.
  for (const auto& row : testing::query(
           db, "SELECT s.report_dir, r.report_sha256 FROM sites s JOIN runs r ON r.site_id = s.site_id "
               "WHERE s.state = 'done' AND r.outcome = 'done'")) {
    const fs::path report = out / "sites" / row[0] / "report.json";
    ASSERT_TRUE(fs::exists(report)) << when << ": " << report;
    EXPECT_EQ(fetch::sha256_hex(omnicheck::testing::read_file(report)), row[1]) << when << ": " << report;
  }
  std::cout << "[ kill/resume ] " << when << ": " << done << " of " << now.size() << " sites done\n";
}

// A killed batch's workers die with it (PR_SET_PDEATHSIG); give the kernel a moment.
void expect_no_workers_left(const fs::path& out, const std::string& when) {
  const std::string needle = (out / "work").string();
  for (int i = 0; i < 100 && !testing::processes_mentioning(needle).empty(); ++i) std::this_thread::sleep_for(50ms);
  EXPECT_TRUE(testing::processes_mentioning(needle).empty()) << when << ": workers outlived their batch";
}

TEST(KillAndResume, EverySiteRecordedOnceWithTheFindingsOfAnUninterruptedRun) {
  SiteFarm farm(kSites, 24);
  ScratchDir dir("kill-resume");
  farm.write_list(dir / "sites.csv");

  // The uninterrupted run.
  const auto t0 = std::chrono::steady_clock::now();
  std::string log;
  const int ref_code = testing::run_omnicheck(batch_args(farm, dir / "sites.csv", dir / "reference"), &log, 240);
  const double ref_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(ref_code, 1) << log;  // the unreachable sites fail
  const auto reference = testing::site_results(dir / "reference" / "batch.sqlite");
  ASSERT_EQ(reference.size(), static_cast<std::size_t>(kSites));
  int unreachable = 0;
  for (int i = 0; i < kSites; ++i) {
    const SiteResult& r = reference.at("shop-" + std::to_string(i));
    if (SiteFarm::unreachable(i)) {
      ++unreachable;
      EXPECT_EQ(r.state, "failed") << i;
      EXPECT_NE(r.reason.find("404"), std::string::npos) << r.reason;
    } else {
      EXPECT_EQ(r.state, "done") << i << ": " << r.reason;
      EXPECT_EQ(r.done_runs, 1);
      EXPECT_FALSE(r.findings.empty());
    }
  }
  std::cout << "[ kill/resume ] uninterrupted run: " << ref_seconds << " s, " << unreachable << " unreachable\n";

  unsigned seed = std::random_device{}();
  if (const char* s = std::getenv("OMNICHECK_KILL_SEED")) seed = static_cast<unsigned>(std::stoul(s));
  std::cout << "[ kill/resume ] seed " << seed << " (OMNICHECK_KILL_SEED to replay)\n";
  std::mt19937 rng(seed);
  // The first kill lands during start-up (store creation, list sync); the others somewhere in
  // the first half of what an uninterrupted run takes, so each resumed run gets killed again
  // before it can finish. One of them is a SIGTERM: the batch must stop cleanly with exit 3.
  std::uniform_real_distribution<double> later(0.08 * ref_seconds, 0.45 * ref_seconds);
  std::vector<std::pair<double, int>> kills = {{0.03, SIGKILL}, {later(rng), SIGKILL}, {later(rng), SIGTERM},
                                               {later(rng), SIGKILL}, {later(rng), SIGKILL}};
  const fs::path out = dir / "interrupted";
  for (std::size_t k = 0; k < kills.size(); ++k) {
    const auto [delay, sig] = kills[k];
    const std::string when = "after kill " + std::to_string(k + 1) + " (" + (sig == SIGKILL ? "SIGKILL" : "SIGTERM") +
                             " at " + std::to_string(delay) + " s)";
    const pid_t pid = testing::spawn_omnicheck(batch_args(farm, dir / "sites.csv", out), dir / "interrupted.log");
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    ::kill(pid, sig);
    const int code = testing::wait_exit(pid, 60);
    if (sig == SIGTERM) {
      EXPECT_TRUE(code == 3 || code == 1) << when << ": exit " << code;
    }
    expect_no_workers_left(out, when);
    expect_consistent(out, reference, when);
    if (HasFatalFailure()) return;
  }

  const int final_code = testing::run_omnicheck(batch_args(farm, dir / "sites.csv", out), &log, 240);
  EXPECT_EQ(final_code, 1) << log;
  expect_consistent(out, reference, "after the final run");
  EXPECT_EQ(testing::site_results(out / "batch.sqlite"), reference);
  // Interrupted attempts never count against a site.
  const auto attempts = testing::query(out / "batch.sqlite",
                                       "SELECT count(*) FROM runs WHERE outcome NOT IN ('done', 'unreachable')");
  EXPECT_EQ(attempts.at(0).at(0), "0");
  const auto sessions = testing::query(out / "batch.sqlite", "SELECT count(*) FROM sessions");
  std::cout << "[ kill/resume ] " << sessions.at(0).at(0) << " sessions recorded\n";
  // The aggregate lists every site once.
  const std::string csv = omnicheck::testing::read_file(out / "aggregate.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), kSites + 1);
}

}  // namespace
}  // namespace omnicheck::batch

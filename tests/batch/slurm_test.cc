// The Slurm deployment for real: tests/batch/slurm_array_run.sh starts a single-node Slurm
// (munge, slurmctld, slurmd) configured inside a temporary folder, submits
// deploy/slurm/omnicheck-array.sbatch over the fixture shops in three shards and waits for the
// array and its merge job. The merged store must equal a batch of the same list run on one
// machine. Skips when Slurm is not installed or the test is not root, unless
// OMNICHECK_SLURM_TESTS=1, which makes every such reason a failure.
#include <gtest/gtest.h>

#include <cstdlib>

#include "batch/batch_test_util.h"
#include "support/test_support.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fixtures_dir;
using testing::query;
using testing::ScratchDir;

bool slurm_required() {
  const char* v = std::getenv("OMNICHECK_SLURM_TESTS");
  return v && std::string(v) == "1";
}

TEST(Slurm, ArrayOfShardsThenMergeGivesTheOneMachineResult) {
  ScratchDir dir("slurm");
  const std::string f = fixtures_dir().string();
  testing::write_text(dir / "sites.csv",
                      "url,id,country,emails\n" +
                          f + "/sites/de-mueller-versand,mueller,DE," + f + "/mail/de-mueller-versand\n" +
                          f + "/sites/fr-maison-lumiere,lumiere,FR," + f + "/mail/fr-maison-lumiere\n" +
                          f + "/sites/cs-kavarna-doma,kavarna,CZ," + f + "/mail/cs-kavarna-doma\n" +
                          f + "/sites/en-acme-widgets,acme,," + f + "/mail/en-acme-widgets.mbox\n" +
                          f + "/sites/en-northwind-incomplete,northwind,,\n");
  std::string out;
  const std::string script = (omnicheck::testing::source_dir() / "tests/batch/slurm_array_run.sh").string();
  const int code = omnicheck::testing::run_command("bash '" + script + "' '" + (dir / "cluster").string() + "' '" +
                                                       (dir / "sites.csv").string() + "' '" +
                                                       omnicheck::testing::omnicheck_binary() + "' 3 2>&1",
                                                   &out);
  if (code == 77) {
    if (slurm_required()) FAIL() << "OMNICHECK_SLURM_TESTS=1 but " << out;
    GTEST_SKIP() << out;
  }
  ASSERT_EQ(code, 0) << out;

  const fs::path merged = dir / "cluster/out/merged/batch.sqlite";
  ASSERT_TRUE(fs::exists(merged)) << out;
  EXPECT_EQ(query(merged, "SELECT count(*) FROM sites WHERE state = 'done'").at(0).at(0), "5");
  EXPECT_EQ(query(merged, "SELECT value FROM meta WHERE key = 'merged_shards'").at(0).at(0), "0/3, 1/3, 2/3");
  EXPECT_EQ(query(merged, "SELECT group_concat(shard, ' ') FROM (SELECT shard FROM sessions ORDER BY shard)")
                .at(0)
                .at(0),
            "0/3 1/3 2/3");

  // The same list on one machine.
  const int local = testing::run_omnicheck({"batch", (dir / "sites.csv").string(), "--out", (dir / "local").string(),
                                            "--no-probe", "--quiet", "--audit-date", "2026-11-23"},
                                           &out);
  ASSERT_EQ(local, 0) << out;
  EXPECT_EQ(testing::site_results(merged), testing::site_results(dir / "local/batch.sqlite"));
  EXPECT_TRUE(fs::exists(dir / "cluster/out/merged/index.html"));
}

}  // namespace
}  // namespace omnicheck::batch

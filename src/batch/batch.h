// omnicheck batch stage: many sites from a CSV list, audited by long-lived worker processes, results
// in a resumable SQLite store with per-site reports and an aggregate table; --shard K/N splits
// a list over machines and merge_batches() joins their stores. docs/batch.md is the manual.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit.h"

namespace omnicheck::batch {

// Exit codes of `omnicheck batch` (and merge).
inline constexpr int kExitComplete = 0;     // every site of the list (shard) done
inline constexpr int kExitSomeFailed = 1;   // complete, but some sites failed or list lines were bad
inline constexpr int kExitInputError = 2;   // usage, unreadable list, store of another list or shard
inline constexpr int kExitInterrupted = 3;  // stopped by SIGINT/SIGTERM: run the same command again

// Sites in flight by default: four per CPU, as an audit mostly waits on the network (the
// crawler's per-host delay), capped at 64.
inline int default_jobs() {
  return std::clamp(4 * static_cast<int>(std::thread::hardware_concurrency()), 4, 64);
}

struct BatchOptions {
  std::string list;             // SITES.csv
  std::string out_dir;          // store, reports and aggregate
  int jobs = default_jobs();    // sites audited at once
  std::string shard;            // "K/N", "" = the whole list
  int retries = 2;              // further attempts after a failed one (then: failed)
  int site_timeout_s = 900;     // one attempt's wall-clock limit
  bool retry_failed = false;    // give failed sites of an earlier run another round
  bool quiet = false;
  int progress_interval_s = 10;  // plain progress lines when stderr is not a terminal
  // Settings applied to every site; target, e-mails and country come from the list. An empty
  // audit_date becomes today's date once, when the store is created, and stays fixed for the
  // whole batch, its resumptions and (given explicitly) its shards.
  audit::Options audit;
  // Workers: `worker_program worker_args... SLOT_FOLDER`, long-lived, one per job slot (see
  // worker.h for the protocol). A worker is retired after worker_max_sites sites, or when its
  // RSS after a site is more than worker_max_growth_mb above its RSS after its first site.
  std::string worker_program;  // "" = this executable
  std::vector<std::string> worker_args = {"batch", "worker"};
  int worker_max_sites = 250;
  long worker_max_growth_mb = 64;
};

// Runs (or resumes) a batch. Returns one of the exit codes above; throws audit::InputError for
// bad input named to the user (the list, the shard, a store that belongs to another run).
int run_batch(const BatchOptions& opt);

struct MergeOptions {
  std::string out_dir;
  std::vector<std::string> inputs;  // batch folders (shards, or earlier merges)
  bool quiet = false;
};

// Combines the stores and reports of several batch folders into `out_dir` and writes its
// aggregate. Idempotent: merging the same folders again changes nothing, and a site present in
// several inputs is kept once (done over failed over pending; then the later record).
int merge_batches(const MergeOptions& opt);

// `omnicheck batch worker FOLDER`: the worker process (see worker.h).
int run_worker(const std::filesystem::path& folder);

}  // namespace omnicheck::batch

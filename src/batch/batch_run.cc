// `omnicheck batch SITES.csv --out DIR`: bring the list into the store, then audit every
// pending site with --jobs long-lived worker processes, recording each site as it finishes.
#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <exception>
#include <iostream>
#include <thread>

#include "batch/aggregate.h"
#include "batch/batch.h"
#include "batch/progress.h"
#include "batch/scheduler.h"
#include "batch/shard.h"
#include "batch/site_list.h"
#include "batch/site_runner.h"
#include "batch/store.h"
#include "batch/worker_process.h"
#include "fetch/fetch.h"
#include "rules/rules.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

// Set by SIGINT/SIGTERM/SIGHUP (Ctrl-C, Slurm's time limit, a Kubernetes eviction): stop
// taking sites, stop the running workers, write the aggregate and exit; the next run resumes.
std::atomic<bool> g_stop{false};

extern "C" void on_stop_signal(int) { g_stop.store(true); }

class StopSignals {
 public:
  StopSignals() {
    g_stop.store(false);
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < 3; ++i) ::sigaction(kSignals[i], &sa, &old_[i]);
  }
  ~StopSignals() {
    for (std::size_t i = 0; i < 3; ++i) ::sigaction(kSignals[i], &old_[i], nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  static constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction old_[3] {};
};

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

void check_options(const BatchOptions& o) {
  if (o.list.empty()) throw audit::InputError("batch needs a site list (SITES.csv)");
  if (o.out_dir.empty()) throw audit::InputError("batch needs --out DIR");
  if (o.jobs < 1 || o.jobs > 1024) throw audit::InputError("--jobs must be between 1 and 1024");
  if (o.retries < 0 || o.retries > 100) throw audit::InputError("--retries must be between 0 and 100");
  if (o.site_timeout_s < 1) throw audit::InputError("--site-timeout must be at least 1 second");
}

// Settles the store's identity on its first run and checks it on every later one: a folder
// belongs to one shard of one batch, judged on one audit date.
std::string settle_meta(Store& store, const BatchOptions& o, const Shard& shard, const SiteList& list,
                        const std::string& rules_version, std::ostream& note) {
  const fs::path store_file = fs::path(o.out_dir) / kStoreFile;
  if (store.meta("merged_from")) {
    throw audit::InputError(store_file.string() + " holds merged results; run each batch into a folder of its own");
  }
  if (auto s = store.meta("shard"); s && *s != shard.to_string()) {
    throw audit::InputError(store_file.string() + " holds shard " + *s + " but this run asks for shard " +
                            shard.to_string());
  }
  std::string date = o.audit.audit_date;
  if (auto d = store.meta("audit_date")) {
    if (!date.empty() && date != *d) {
      throw audit::InputError(store_file.string() + " judges sites as of " + *d + " but --audit-date says " + date);
    }
    date = *d;
  }
  if (date.empty()) date = audit::today_utc();
  if (auto sha = store.meta("list_sha256"); sha && *sha != list.sha256) {
    note << "omnicheck batch: note: " << list.file << " changed since the last run of this batch\n";
  }
  if (auto rv = store.meta("rules_version"); rv && *rv != rules_version) {
    note << "omnicheck batch: note: the rules changed since the last run of this batch (was " << *rv << ", now "
         << rules_version << "); each run records the rules version it used\n";
  }
  store.set_meta("shard", shard.to_string());
  store.set_meta("audit_date", date);
  store.set_meta("list_file", list.file);
  store.set_meta("list_sha256", list.sha256);
  store.set_meta("rules_version", rules_version);
  store.set_meta("tool_version", o.audit.tool_version);
  return date;
}

}  // namespace

int run_batch(const BatchOptions& o) {
  check_options(o);
  // The batch process only schedules and records: one thread per job slot reads a worker's
  // answer and writes the store. glibc gives each of those threads a malloc arena of its own,
  // which kept ~8 MB of freed memory resident for nothing; two arenas are plenty here. (The
  // workers are separate programs and keep glibc's default for their extraction threads.)
  mallopt(M_ARENA_MAX, 2);
  const Shard shard = o.shard.empty() ? Shard{} : parse_shard(o.shard);
  std::string rules_version;
  try {
    rules_version = rules::RuleSet::load(o.audit.rules_dir).version();
  } catch (const std::exception& e) {
    throw audit::InputError(e.what());
  }
  const SiteList list = load_site_list(o.list);
  const fs::path out(o.out_dir);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw audit::InputError("cannot create the output folder " + out.string() + ": " + ec.message());

  std::ostream& err = std::cerr;
  Store store(out / kStoreFile);
  audit::Options settings = o.audit;
  settings.audit_date = settle_meta(store, o, shard, list, rules_version, err);

  std::vector<Site> mine;
  for (const auto& s : list.sites) {
    if (shard.contains(s.id)) mine.push_back(s);
  }
  SessionRecord session;
  session.session_uid = Store::new_uid();
  session.started_at = fetch::now_rfc3339();
  session.host = host_name();
  session.pid = ::getpid();
  session.shard = shard.to_string();
  session.jobs = o.jobs;
  session.tool_version = o.audit.tool_version;
  session.rules_version = rules_version;
  store.begin_session(session);

  const SyncResult sync = store.sync_sites(mine, session.session_uid);
  store.set_line_errors(list.line_errors);
  for (const auto& [line, msg] : list.line_errors) err << "omnicheck batch: " << msg << "\n";
  for (const auto& s : mine) {
    if (!s.input_error.empty()) err << "omnicheck batch: " << s.input_error << " (site recorded as failed)\n";
  }
  if (sync.changed_done && !o.quiet) {
    err << "omnicheck batch: note: " << sync.changed_done
        << " site(s) changed in the list after they were audited; their results are kept as recorded "
           "(audit into a new folder to re-audit them)\n";
  }
  if (sync.not_in_list && !o.quiet) {
    err << "omnicheck batch: note: " << sync.not_in_list << " site(s) in the store are no longer in the list; kept\n";
  }
  if (o.retry_failed) {
    const int n = store.reset_failed();
    if (!o.quiet) err << "omnicheck batch: " << n << " failed site(s) will be tried again\n";
  }

  const fs::path work = out / "work";
  fs::remove_all(work);  // job folders of a run that was killed: their sites are still pending
  fs::create_directories(work);

  std::deque<Task> tasks;
  for (auto& s : store.sites("pending")) tasks.push_back({std::move(s.site), s.attempts + 1});
  const StoreCounts before = store.counts();
  Progress progress(err, ::isatty(2) == 1, o.quiet, before.total, before.done, before.failed,
                    std::chrono::seconds(std::max(1, o.progress_interval_s)));

  const WorkerLauncher launcher(o.worker_program.empty() ? self_executable() : o.worker_program, o.worker_args,
                                WorkerPolicy{std::max(1, o.worker_max_sites), std::max(1L, o.worker_max_growth_mb)});
  SiteRunner runner(store, progress,
                    {out, work, session.session_uid, settings, o.retries, std::chrono::seconds(o.site_timeout_s)});
  Scheduler scheduler(std::move(tasks));
  std::exception_ptr fatal;
  std::mutex fatal_mu;
  {
    StopSignals signals;
    std::vector<std::thread> threads;
    const int n = std::min<int>(o.jobs, static_cast<int>(before.pending));
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        // This thread's worker slot: one worker process at a time, kept from site to site.
        WorkerProcess worker(launcher, work / ("worker-" + std::to_string(i)));
        while (auto task = scheduler.take(g_stop)) {
          std::optional<Task> again;
          try {
            again = runner.run(*task, worker, g_stop);
          } catch (...) {
            // The store or the output folder failed (disk full, permissions): stop cleanly,
            // everything committed so far stays.
            std::lock_guard<std::mutex> lock(fatal_mu);
            if (!fatal) fatal = std::current_exception();
            g_stop.store(true);
          }
          scheduler.finish(*task, std::move(again));
        }
        worker.retire();
        scheduler.wake();
      });
    }
    for (auto& t : threads) t.join();
  }
  progress.stop();
  const bool interrupted = g_stop.load();
  store.finish_session(session.session_uid, fatal ? "error" : interrupted ? "interrupted" : "complete");
  write_aggregate(store, out);
  fs::remove_all(work, ec);
  if (fatal) std::rethrow_exception(fatal);

  const StoreCounts after = store.counts();
  if (!o.quiet) {
    err << "omnicheck batch: " << out.string() << ": " << after.done << " done, " << after.failed << " failed, "
        << after.pending << " pending of " << after.total << " site(s)"
        << (list.line_errors.empty() ? "" : "; " + std::to_string(list.line_errors.size()) + " bad list line(s)")
        << "; index: " << (out / "index.html").string() << "\n";
    if (interrupted) err << "omnicheck batch: interrupted; run the same command again to resume\n";
  }
  if (interrupted || after.pending > 0) return kExitInterrupted;
  return after.failed > 0 || !list.line_errors.empty() ? kExitSomeFailed : kExitComplete;
}

}  // namespace omnicheck::batch

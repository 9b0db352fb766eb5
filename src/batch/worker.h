// One site's audit in a worker process, apart from the batch. The batch writes a job file into a
// fresh folder per attempt and hands the folder to a worker; the worker audits the site and
// leaves report.json and report.html in that folder. A crash, a hang or a runaway allocation on
// one hostile site then costs that site's attempt, never the batch or the sites beside it.
//
// Workers are long-lived (`omnicheck batch worker SLOT_FOLDER`, started by the batch): the
// rules and lexicons are loaded once per worker, and the worker audits one site after another.
// Protocol, on a Unix stream socket that the batch passes as file descriptor 3 (stdin is
// /dev/null, stdout and stderr go to SLOT_FOLDER/worker.log):
//   batch -> worker: one line per site, a JSON object {"job_dir": "/abs/path/of/attempt"}
//   worker -> batch: one line per site once report.json and report.html are on disk (fsync),
//                    {"outcome": "done" | "input_error" | "error", "reason": "..."}
// The worker exits 0 at end of file (the batch retires it) and is killed by the kernel when the
// batch dies (PR_SET_PDEATHSIG). Anything else (no reply line, a signal) is the batch's to
// classify: see WorkerProcess.
//
// Without a socket on fd 3 and with a job.json in the folder, `omnicheck batch worker FOLDER`
// audits that one job and writes result.json (same object as the reply): for running an
// attempt's job folder again by hand.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "batch/site_list.h"

namespace omnicheck::batch {

inline constexpr const char* kJobFile = "job.json";
inline constexpr const char* kResultFile = "result.json";
inline constexpr const char* kWorkerLog = "worker.log";

// The job: the site and the audit settings shared by every site of the batch (target, e-mails
// and country of `settings` are ignored: they come from the site).
nlohmann::json make_job(const Site& site, const audit::Options& settings, long parent_pid);
audit::Options job_options(const nlohmann::json& job);

// Entry point of `omnicheck batch worker FOLDER` (see above). Exits with the parent (it asks the
// kernel for SIGKILL when the batch process dies), so a killed batch leaves no audit running
// behind it. Returns the process exit code: 0 at the end of the batch's jobs (or when the one
// job's result.json was written), 2 when there is neither a batch socket nor a readable job,
// 3 when the batch that started it is gone.
int run_worker(const std::filesystem::path& folder);

// The worker's file descriptor of the batch socket.
inline constexpr int kWorkerSocketFd = 3;

// Writes a file and flushes it to disk (fsync), so a committed site's report survives a crash
// of the machine. Throws std::runtime_error naming the file.
void write_file_durably(const std::filesystem::path& path, const std::string& content);

}  // namespace omnicheck::batch

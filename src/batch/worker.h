// One site's audit in a process of its own. The batch writes a job file into a fresh folder and
// starts `omnicheck batch worker FOLDER`; the worker audits the site and leaves report.json,
// report.html and, last, result.json in that folder. A crash, a hang or a runaway allocation on
// one hostile site then costs that site's attempt, never the batch or the sites beside it.
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

// Entry point of `omnicheck batch worker FOLDER`. Exits with the parent (it asks the kernel for
// SIGKILL when the batch process dies), so a killed batch leaves no audit running behind it.
// result.json holds {"outcome": "done" | "input_error" | "error", "reason": "..."}.
// Returns the process exit code: 0 when result.json was written, 2 when the job is unreadable.
int run_worker(const std::filesystem::path& job_dir);

// Writes a file and flushes it to disk (fsync), so a committed site's report survives a crash
// of the machine. Throws std::runtime_error naming the file.
void write_file_durably(const std::filesystem::path& path, const std::string& content);

}  // namespace omnicheck::batch

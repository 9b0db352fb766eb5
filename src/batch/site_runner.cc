#include "batch/site_runner.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

#include "batch/worker.h"
#include "fetch/fetch.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

// Makes a rename in `dir` durable.
void sync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::vector<FindingRecord> findings_of(const nlohmann::json& report) {
  std::vector<FindingRecord> out;
  if (!report.contains("findings") || !report["findings"].is_array()) return out;
  int seq = 0;
  for (const auto& f : report["findings"]) {
    FindingRecord r;
    r.seq = seq++;
    r.rule = f.value("rule", "");
    r.title = f.value("title", "");
    r.status = f.value("status", "");
    r.severity = f.value("severity", "");
    r.message = f.value("message", "");
    r.law = f.value("law", nlohmann::json::array());
    r.evidence = f.value("evidence", nlohmann::json::array());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::string unreachable_reason(const nlohmann::json& report) {
  const auto target = report.value("target", nlohmann::json::object());
  const std::string url = target.value("url", "");
  if (!url.starts_with("http://") && !url.starts_with("https://")) return "";
  const auto pages = target.value("pages", nlohmann::json::array());
  for (const auto& p : pages) {
    const int status = p.value("status", 0);
    if (!p.contains("error") && status >= 200 && status < 300) return "";
    // The site answered with a robots.txt that forbids the crawl: that is the site's answer,
    // not an outage, and the report's inconclusive findings say so. (An unreachable or 5xx
    // robots.txt also blocks everything, but that may pass: it is retried.)
    if (p.value("error", std::string()).find("robots.txt group ") != std::string::npos) return "";
  }
  if (pages.empty()) return "site unreachable: nothing was fetched";
  const auto& first = pages.front();
  if (first.contains("error")) return "site unreachable: " + first.value("error", std::string());
  return "site unreachable: " + first.value("requested_url", url) + " answered HTTP " +
         std::to_string(first.value("status", 0));
}

void SiteRunner::install_reports(const fs::path& job_dir, const std::string& folder) {
  const fs::path sites = config_.out_dir / "sites";
  const fs::path dest = sites / folder;
  fs::remove_all(dest);  // left by an attempt whose commit a kill prevented
  fs::create_directories(dest);
  for (const char* f : {"report.json", "report.html"}) fs::rename(job_dir / f, dest / f);
  sync_dir(dest);
  sync_dir(sites);
}

std::optional<Task> SiteRunner::run(const Task& task, WorkerProcess& worker, const std::atomic<bool>& stop) {
  const Site& site = task.site;
  const std::string folder = site_folder_name(site.id);
  const fs::path job_dir = config_.work_dir / (folder + "." + std::to_string(task.attempt));
  fs::remove_all(job_dir);
  fs::create_directories(job_dir);
  // Scratch: work/ is emptied when a batch starts, so the job file need not survive a crash.
  write_file(job_dir / kJobFile, json_text(make_job(site, config_.settings, ::getpid())));

  RunRecord run;
  run.run_uid = Store::new_uid();
  run.site_id = site.id;
  run.session_uid = config_.session_uid;
  run.attempt = task.attempt;
  run.started_at = fetch::now_rfc3339();
  progress_.started();
  Attempt a = worker.run(job_dir, config_.timeout, stop);
  run.finished_at = fetch::now_rfc3339();

  if (a.outcome == "interrupted") {
    // Not the site's fault: nothing is recorded and the attempt does not count.
    progress_.interrupted();
    fs::remove_all(job_dir);
    if (stop.load()) return std::nullopt;
    return task;
  }

  bool has_report = false;
  if (a.outcome == "done") {
    has_report = true;
    const auto& tool = a.report.value("tool", nlohmann::json::object());
    const auto& target = a.report.value("target", nlohmann::json::object());
    run.tool_version = tool.value("version", "");
    run.rules_version = tool.value("rules_version", "");
    run.audit_date = target.value("audit_date", "");
    run.pages_fetched = target.value("pages_fetched", 0);
    run.summary = a.report.value("summary", nlohmann::json::object());
    run.report_sha256 = fetch::sha256_hex(a.report_text);
    if (std::string why = unreachable_reason(a.report); !why.empty()) {
      a.outcome = "unreachable";
      a.reason = why;
    }
  }
  run.outcome = a.outcome;
  run.reason = a.reason;

  std::optional<Task> again;
  if (a.outcome == "done") {
    store_.record_done(run, findings_of(a.report), folder, [&] { install_reports(job_dir, folder); });
    progress_.finished(false, site.id, "");
  } else {
    const bool final = a.outcome == "input_error" || task.attempt > config_.retries;
    // A failed site keeps the report of its last attempt when there is one (an unreachable
    // site's report records what was tried and when).
    const bool keep = final && has_report;
    store_.record_failure(run, final, keep ? folder : "", [&] {
      if (keep) install_reports(job_dir, folder);
    });
    if (final) {
      progress_.finished(true, site.id, a.reason);
    } else {
      progress_.retrying(site.id, a.reason);
      again = Task{site, task.attempt + 1};
    }
  }
  fs::remove_all(job_dir);
  return again;
}

}  // namespace omnicheck::batch

#include "batch/worker.h"

#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "batch/line_socket.h"
#include "batch/store.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

nlohmann::json http_json(const fetch::HttpOptions& h) {
  return {{"user_agent", h.user_agent},           {"cacert", h.cacert},
          {"insecure", h.insecure},               {"resolve", h.resolve},
          {"allow_private", h.allow_private},     {"ignore_robots", h.ignore_robots},
          {"per_host_delay_ms", h.per_host_delay_ms}};
}

fetch::HttpOptions http_options(const nlohmann::json& j) {
  fetch::HttpOptions h;
  h.user_agent = j.value("user_agent", h.user_agent);
  h.cacert = j.value("cacert", h.cacert);
  h.insecure = j.value("insecure", h.insecure);
  h.resolve = j.value("resolve", h.resolve);
  h.allow_private = j.value("allow_private", h.allow_private);
  h.ignore_robots = j.value("ignore_robots", h.ignore_robots);
  h.per_host_delay_ms = j.value("per_host_delay_ms", h.per_host_delay_ms);
  return h;
}

void write_result(const fs::path& dir, const std::string& outcome, const std::string& reason) {
  const fs::path tmp = dir / (std::string(kResultFile) + ".tmp");
  write_file_durably(tmp, json_text({{"outcome", outcome}, {"reason", reason}}) + "\n");
  fs::rename(tmp, dir / kResultFile);
}

}  // namespace

void write_file_durably(const fs::path& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + path.string());
  std::size_t off = 0;
  while (off < content.size()) {
    const ssize_t n = ::write(fd, content.data() + off, content.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      throw std::runtime_error("cannot write " + path.string());
    }
    off += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !synced) throw std::runtime_error("cannot write " + path.string());
}

nlohmann::json make_job(const Site& site, const audit::Options& s, long parent_pid) {
  return {{"parent_pid", parent_pid},
          {"site", {{"id", site.id}, {"target", site.target}, {"country", site.country}, {"emails", site.emails}}},
          {"audit",
           {{"rules_dir", s.rules_dir},
            {"audit_date", s.audit_date},
            {"language", s.language},
            {"max_pages", s.max_pages},
            {"max_depth", s.max_depth},
            {"full", s.full},
            {"probe", s.probe},
            {"dns_server", s.dns_server},
            {"tool_version", s.tool_version},
            {"http", http_json(s.http)}}}};
}

audit::Options job_options(const nlohmann::json& job) {
  audit::Options o;
  o.keep_facts = false;  // the worker writes the report and nothing else
  const auto& site = job.at("site");
  o.target = site.value("target", "");
  o.country = site.value("country", "");
  o.emails = site.value("emails", "");
  const auto& a = job.at("audit");
  o.rules_dir = a.value("rules_dir", o.rules_dir);
  o.audit_date = a.value("audit_date", o.audit_date);
  o.language = a.value("language", o.language);
  o.max_pages = a.value("max_pages", o.max_pages);
  o.max_depth = a.value("max_depth", o.max_depth);
  o.full = a.value("full", o.full);
  o.probe = a.value("probe", o.probe);
  o.dns_server = a.value("dns_server", o.dns_server);
  o.tool_version = a.value("tool_version", o.tool_version);
  if (a.contains("http")) o.http = http_options(a.at("http"));
  return o;
}

namespace {

// The rules and lexicons of the worker's audits, loaded at the first job and kept (a batch has
// one rules folder; another one is loaded in its place).
struct Loader {
  std::shared_ptr<const audit::Loaded> loaded;
  const audit::Loaded& get(const std::string& rules_dir) {
    if (!loaded || loaded->rules_dir != rules_dir) {
      loaded.reset();
      loaded = audit::Loaded::load(rules_dir);  // InputError: the job's outcome
    }
    return *loaded;
  }
};

nlohmann::json read_job(const fs::path& dir) {
  std::ifstream in(dir / kJobFile, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + (dir / kJobFile).string());
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str());
}

// Audits the job of `dir`, leaving report.json and report.html there. Returns the result object.
nlohmann::json audit_job(const fs::path& dir, const nlohmann::json& job, Loader& loader) {
  try {
    const audit::Options opt = job_options(job);
    audit::Result r = audit::run(opt, loader.get(opt.rules_dir));
    std::ostringstream json;
    report::write_json(r.report, json);
    write_file_durably(dir / "report.json", json.str());
    write_file_durably(dir / "report.html", report::to_html(r.report));
    return {{"outcome", "done"}, {"reason", ""}};
  } catch (const audit::InputError& e) {
    return {{"outcome", "input_error"}, {"reason", e.what()}};
  } catch (const std::exception& e) {
    return {{"outcome", "error"}, {"reason", e.what()}};
  }
}

bool parent_is(const nlohmann::json& job) {
  return ::getppid() == static_cast<pid_t>(job.value("parent_pid", 0L));
}

// The long-lived worker: jobs from the batch socket, one after another, until end of file.
int serve(int fd) {
  Loader loader;
  std::string buf, line;
  while (read_line(fd, buf, line)) {
    fs::path dir;
    nlohmann::json job;
    nlohmann::json result;
    try {
      dir = nlohmann::json::parse(line).at("job_dir").get<std::string>();
      job = read_job(dir);
    } catch (const std::exception& e) {
      result = {{"outcome", "error"}, {"reason", std::string("unreadable job: ") + e.what()}};
    }
    if (result.is_null()) {
      if (!parent_is(job)) return 3;  // the batch is gone: an orphan stops at once
      result = audit_job(dir, job, loader);
    }
    // What this site allocated goes back to the system before the next one (and before the
    // batch reads the worker's RSS to decide on its retirement).
    ::malloc_trim(0);
    if (!send_all(fd, json_text(result) + "\n")) return 0;  // the batch is gone
  }
  return 0;
}

}  // namespace

int run_worker(const fs::path& dir) {
  // Die with the batch: the kernel sends SIGKILL when the parent goes. The parent may already
  // be gone before this line runs; then the worker is an orphan and stops at its first job.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  struct stat st {};
  if (::fstat(kWorkerSocketFd, &st) == 0 && S_ISSOCK(st.st_mode)) return serve(kWorkerSocketFd);

  nlohmann::json job;
  try {
    job = read_job(dir);
  } catch (const std::exception& e) {
    std::cerr << "omnicheck batch worker: " << e.what() << " (and no batch connection on fd 3)\n";
    return 2;
  }
  Loader loader;
  const nlohmann::json r = audit_job(dir, job, loader);
  write_result(dir, r.value("outcome", "error"), r.value("reason", ""));
  return 0;
}

}  // namespace omnicheck::batch

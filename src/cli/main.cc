// omnicheck command line: audit, email, batch (merge), rules list|test|lint.
// Exit codes (contract): 0 no finding reaches --fail-on, 1 one does, 2 usage or input error,
// including an audit that could read nothing of its target (the report is still written).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "audit/audit.h"
#include "batch/batch.h"
#include "cli/project_config.h"
#include "mail/mail.h"
#include "render/render.h"

namespace {

namespace fs = std::filesystem;
using omnicheck::audit::InputError;

// How the CI formats treat what is not a plain failure (--sarif-all, --junit-inconclusive), and
// the browser that prints --format pdf.
struct FormatChoices {
  bool sarif_all = false;
  bool junit_inconclusive_skips = false;
  std::string browser;
};
FormatChoices g_choices;

std::string render(const omnicheck::report::Report& r, const std::string& format) {
  using namespace omnicheck::report;
  if (format == "html") return to_html(r);
  if (format == "sarif") return to_sarif(r, g_choices.sarif_all);
  if (format == "junit") return to_junit(r, g_choices.junit_inconclusive_skips);
  if (format == "md") return to_markdown(r);
  if (format == "csv") return to_csv(r);
  throw InputError("unknown format: " + format);
}

// JSON is written as it is rendered (report::write_json): the JSON report of a large mailbox
// is hundreds of megabytes, and holding it as one string would double the audit's peak memory.
void render_to(std::ostream& out, const omnicheck::report::Report& r, const std::string& format) {
  if (format == "json") {
    omnicheck::report::write_json(r, out);
  } else if (format == "pdf") {
    // The HTML report as headless Chromium prints it: the same page a reader opens, on paper.
    try {
      omnicheck::render::BrowserOptions bo;
      bo.executable = g_choices.browser;
      omnicheck::render::Browser browser(bo);
      out << browser.print_pdf(omnicheck::report::to_html(r));
    } catch (const std::exception& e) {
      throw InputError(std::string("--format pdf needs a browser: ") + e.what());
    }
  } else {
    out << render(r, format);
  }
}

void write_report(const fs::path& path, const omnicheck::report::Report& r, const std::string& format) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  if (format == "pdf") {
    // Printed first, written after: a browser that fails leaves no empty file behind.
    std::ostringstream pdf;
    render_to(pdf, r, format);
    std::ofstream out(path, std::ios::binary);
    out << pdf.str();
    if (!out) throw InputError("cannot write " + path.string());
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError("cannot write " + path.string());
  render_to(out, r, format);
  out.flush();
  if (!out) throw InputError("cannot write " + path.string());
}

struct OutputOptions {
  std::string format = "json";
  std::string output;
  std::string out_dir;
  std::string fail_on = "violation";
  bool warn_fails = false;
  std::string junit_inconclusive = "fail";
  std::string sign_key;  // --sign-key: the Ed25519 key that signs DIR/manifest.json
  std::string config;    // --config: omnicheck.json to read instead of the nearest one
  bool no_config = false;
  std::string baseline;  // --baseline: an earlier JSON report; only what is new counts
};

void add_output_options(CLI::App* cmd, OutputOptions& o) {
  cmd->add_option("--format", o.format, "Report format (pdf: the HTML report printed by Chromium; needs -o or --out-dir)")
      ->check(CLI::IsMember({"json", "html", "sarif", "junit", "md", "csv", "pdf"}));
  cmd->add_option("-o,--output", o.output, "Write the report to FILE instead of stdout");
  cmd->add_option("--out-dir", o.out_dir, "Write report.json and report.html into DIR");
  cmd->add_option("--fail-on", o.fail_on, "Exit 1 when a failed finding reaches this severity")
      ->check(CLI::IsMember({"violation", "warning", "advice", "none"}));
  cmd->add_flag("--strict", o.warn_fails, "Count 'warn' findings as failures for the exit code");
  cmd->add_option("--sign-key", o.sign_key, "Ed25519 private key (PEM) that signs --out-dir's manifest.json (default: your own, made on first use)");
  cmd->add_flag("--sarif-all", g_choices.sarif_all, "SARIF: list passes and not-applicable rules as results too");
  cmd->add_option("--junit-inconclusive", o.junit_inconclusive, "JUnit: what could not be checked is a failure (default) or skipped")
      ->check(CLI::IsMember({"fail", "skip"}));
  cmd->add_option("--config", o.config, "Settings and accepted findings from FILE (default: the nearest omnicheck.json)");
  cmd->add_flag("--no-config", o.no_config, "Read no omnicheck.json");
  cmd->add_option("--baseline", o.baseline, "An earlier JSON report: findings it already had do not count, only new ones");
}

// An output never replaces or lands inside what is being audited: the saved site, the mailbox
// and the archive are the evidence, and a report written over them (or among the pages of a
// saved site, where the next audit would read it as a page) destroys or taints it.
void refuse_output_over_inputs(const std::vector<std::string>& inputs, const std::vector<std::string>& outputs) {
  auto canonical = [](const std::string& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::absolute(p).lexically_normal() : c;
  };
  for (const auto& in : inputs) {
    if (in.empty() || in.rfind("http://", 0) == 0 || in.rfind("https://", 0) == 0) continue;
    const fs::path ip = canonical(in);
    std::error_code ec;
    const bool folder = fs::is_directory(ip, ec);
    for (const auto& out : outputs) {
      if (out.empty()) continue;
      const fs::path op = canonical(out);
      bool inside = false;
      if (folder) {
        auto [i, o] = std::mismatch(ip.begin(), ip.end(), op.begin(), op.end());
        inside = i == ip.end();
      }
      if (op == ip || inside) {
        throw InputError("output " + out + " would " + (op == ip ? "overwrite the input " : "be written inside the input ") +
                         in + "; choose a path outside what is audited");
      }
    }
  }
}

// The report of an audit that read nothing at all claims nothing, yet its exit code must not
// read as a clean audit: nothing could be judged is an input error (exit 2) naming the input.
std::string nothing_read(const omnicheck::audit::Options& opt, const omnicheck::report::Report& rep) {
  const auto& t = rep.target_extra;
  if ((!opt.target.empty() || !opt.replay.empty()) && rep.pages_fetched == 0) {
    std::string why;
    if (!rep.errors.empty() && rep.errors[0].contains("error")) why = ": " + rep.errors[0]["error"].get<std::string>();
    return "no page of " + (opt.target.empty() ? opt.replay : opt.target) + " could be read" + why;
  }
  if (!opt.emails.empty() && t.value("messages_read", std::size_t{1}) == 0) {
    return "no e-mail message could be read from " + opt.emails;
  }
  return "";
}

// DIR/manifest.json: the reports, the screenshots, the archive and the mailbox, hashed and
// signed, so that `omnicheck verify DIR` shows nothing changed after the audit.
void write_signed_manifest(const omnicheck::audit::Options& opt, const omnicheck::report::Report& rep,
                           const OutputOptions& o) {
  using omnicheck::report::ManifestInput;
  const fs::path dir(o.out_dir);
  std::vector<ManifestInput> files = {{dir / "report.json", "report"}, {dir / "report.html", "report"}};
  if (o.format == "pdf") files.push_back({dir / "report.pdf", "report"});
  const auto& t = rep.target_extra;
  if (t.is_object() && t.contains("screenshots") && t["screenshots"].is_array()) {
    for (const auto& s : t["screenshots"]) {
      if (s.is_object() && s.contains("file")) files.push_back({dir / s["file"].get<std::string>(), "screenshot"});
    }
  }
  std::error_code ec;
  if (!opt.http.archive_path.empty() && fs::exists(opt.http.archive_path, ec)) files.push_back({opt.http.archive_path, "archive"});
  if (!opt.replay.empty()) files.push_back({opt.replay, "archive"});
  if (!opt.emails.empty() && fs::exists(opt.emails, ec)) files.push_back({opt.emails, "mail"});
  std::string fingerprint;
  try {
    fingerprint = omnicheck::report::write_manifest(dir, files, o.sign_key, rep.target_url);
  } catch (const std::exception& e) {
    throw InputError(std::string("evidence manifest: ") + e.what());
  }
  std::cerr << "omnicheck: signed " << (dir / "manifest.json").string() << " (key " << fingerprint << ")\n";
}

int emit(const omnicheck::audit::Options& opt, const omnicheck::audit::Result& result, const OutputOptions& o) {
  const auto& rep = result.report;
  g_choices.junit_inconclusive_skips = o.junit_inconclusive == "skip";
  if (!o.out_dir.empty()) {
    write_report(fs::path(o.out_dir) / "report.json", rep, "json");
    write_report(fs::path(o.out_dir) / "report.html", rep, "html");
    if (o.format == "pdf") write_report(fs::path(o.out_dir) / "report.pdf", rep, "pdf");
    std::cerr << "omnicheck: wrote " << (fs::path(o.out_dir) / "report.json").string() << " and report.html"
              << (o.format == "pdf" ? " and report.pdf" : "") << "\n";
    write_signed_manifest(opt, rep, o);
  }
  if (!o.output.empty()) {
    write_report(o.output, rep, o.format);
  } else if (o.out_dir.empty()) {
    render_to(std::cout, rep, o.format);
  }
  std::cerr << omnicheck::report::console_summary(rep.findings, o.fail_on, o.warn_fails, rep.words);
  return omnicheck::report::reaches(rep.findings, o.fail_on, o.warn_fails) ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"omnicheck: audits online merchants against EU consumer-law duties (Omnibus directive 2019/2161)"};
  app.set_version_flag("--version", std::string("omnicheck ") + OMNICHECK_VERSION);
  app.require_subcommand(1);

  omnicheck::audit::Options opt;
  std::string render_mode = "auto";
  opt.tool_version = OMNICHECK_VERSION;
  opt.keep_facts = false;  // the CLI prints the report and nothing else
  opt.language.clear();    // the report speaks the trader's country's language unless --lang says otherwise
  opt.rules_dir = OMNICHECK_DEFAULT_RULES_DIR;
  if (const char* env = std::getenv("OMNICHECK_RULES")) opt.rules_dir = env;
  OutputOptions out;

  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--rules", opt.rules_dir, "Rules folder (lexicons in its lexicon/ subfolder)");
    cmd->add_option("--audit-date", opt.audit_date, "Judge the duties in force on this date (YYYY-MM-DD)");
    cmd->add_option("--lang", opt.language, "Language of the report: en fr de cs it es nl pl (default: the trader's country's)");
    add_output_options(cmd, out);
  };

  auto* audit_cmd = app.add_subcommand("audit", "Audit a merchant's site (folder or URL) and, optionally, its e-mails");
  audit_cmd->add_option("target", opt.target, "Folder of a saved site, or an http(s) URL");
  audit_cmd->add_option("--emails", opt.emails, "Folder of .eml files, mbox file or Maildir");
  // Who is who in the mailbox (response times, sender domain); inferred when not given.
  auto add_mail_sides = [&](CLI::App* cmd) {
    // One value per occurrence, so "--customer a@x.example PATH" leaves PATH to the positional.
    cmd->add_option("--customer", opt.customers, "An address of the customer side of the mailbox (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--trader-domain", opt.trader_domains, "A domain of the trader's own (repeatable)")
        ->allow_extra_args(false);
  };
  add_mail_sides(audit_cmd);
  audit_cmd->add_option("--country", opt.country, "Trader's country (ISO 3166-1 alpha-2)");
  audit_cmd->add_option("--max-pages", opt.max_pages, "Pages to fetch at most (focused crawl)")
      ->check(CLI::PositiveNumber);
  audit_cmd->add_option("--max-depth", opt.max_depth, "Link depth to follow at most")->check(CLI::NonNegativeNumber);
  audit_cmd->add_flag("--full", opt.full, "Crawl every page of the site, not only those the rules need");
  audit_cmd->add_option("--max-per-pattern", opt.max_per_pattern,
                        "URLs of one shape (digits masked, e.g. /p/#.html) to fetch at most, the crawler-trap cap "
                        "(default 10; with --full no count: a shape whose pages repeat themselves, a calendar, is stopped); "
                        "what it skips is named in the report")
      ->check(CLI::PositiveNumber);
  audit_cmd->add_option("--replay", opt.replay, "Audit a WARC archive written by --archive, without network");
  audit_cmd->add_option("--archive", opt.http.archive_path, "Write every request and response to FILE.warc.gz");
  audit_cmd->add_option("--cacert", opt.http.cacert, "CA bundle for TLS verification");
  audit_cmd->add_flag("--insecure", opt.http.insecure, "Do not verify TLS certificates (recorded in the report)");
  audit_cmd->add_option("--host-delay", opt.http.per_host_delay_ms,
                        "Milliseconds between request starts to one host (robots.txt Crawl-delay still applies)")
      ->check(CLI::NonNegativeNumber);
  audit_cmd->add_option("--host-connections", opt.http.per_host_concurrency, "Requests in flight to one host at most")
      ->check(CLI::Range(1, 16));
  audit_cmd->add_option("--resolve", opt.http.resolve, "HOST:PORT:ADDR, as curl's --resolve");
  audit_cmd->add_option("--user-agent", opt.http.user_agent, "User-Agent header");
  audit_cmd->add_flag("--ignore-robots", opt.http.ignore_robots, "Do not obey robots.txt (recorded in the report)");
  audit_cmd->add_flag("--allow-private", opt.http.allow_private, "Allow private and loopback addresses");
  audit_cmd->add_option("--render", render_mode, "Show pages to a real browser first: auto (pages built by scripts), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  audit_cmd->add_option("--browser", opt.render.browser, "The browser to render with (default: chromium in PATH)");
  audit_cmd->add_flag("--screenshots", opt.render.screenshots,
                      "Keep a full-page PNG of the pages behind failed and warned findings and of the legal pages");
  audit_cmd->add_option("--dns-server", opt.dns_server, "Resolver ADDR:PORT for channel checks (MX lookups)");
  bool no_probe = false;
  audit_cmd->add_flag("--no-probe", no_probe, "Do not check disclosed channels over the network");
  add_common(audit_cmd);

  auto* email_cmd = app.add_subcommand("email", "Run the e-mail rules alone on a mailbox");
  email_cmd->add_option("path", opt.emails, "Folder of .eml files, mbox file or Maildir")->required();
  add_mail_sides(email_cmd);
  add_common(email_cmd);

  auto* rules_cmd = app.add_subcommand("rules", "List, test or lint the rules");
  rules_cmd->require_subcommand(1);
  rules_cmd->add_option("--rules", opt.rules_dir, "Rules folder");
  auto* rules_list = rules_cmd->add_subcommand("list", "List the rules with their legal basis");
  auto* rules_test = rules_cmd->add_subcommand("test", "Run every rule's own pass and fail cases");
  auto* rules_lint = rules_cmd->add_subcommand("lint", "Check that every rule file loads");
  for (auto* sub : {rules_list, rules_test, rules_lint}) sub->add_option("--rules", opt.rules_dir, "Rules folder");

  // verify: an audit's output folder against its signed manifest.
  std::string verify_dir;
  auto* verify_cmd = app.add_subcommand("verify", "Check an --out-dir folder against its signed manifest.json");
  verify_cmd->add_option("dir", verify_dir, "The folder an audit wrote with --out-dir")->required();

  // batch: every site of a CSV list into a resumable store, shards and merge (docs/batch.md).
  omnicheck::batch::BatchOptions batch;
  omnicheck::batch::MergeOptions merge;
  std::string worker_dir;
  auto* batch_cmd = app.add_subcommand("batch", "Audit every site of a CSV list into a resumable store (docs/batch.md)");
  batch_cmd->add_option("sites", batch.list, "CSV list with a header line: url, id, country, emails");
  batch_cmd->add_option("--out", batch.out_dir, "Folder for the store, the reports and the aggregate");
  batch_cmd->add_option("--jobs", batch.jobs, "Sites audited at once");
  batch_cmd->add_option("--shard", batch.shard, "Audit only shard K of N (K/N, K from 0)");
  batch_cmd->add_option("--retries", batch.retries, "Further attempts before a site is recorded as failed");
  batch_cmd->add_option("--site-timeout", batch.site_timeout_s, "Seconds one attempt at a site may take");
  batch_cmd->add_flag("--retry-failed", batch.retry_failed, "Try the sites recorded as failed once more");
  batch_cmd->add_flag("--quiet", batch.quiet, "No progress output");
  batch_cmd->add_option("--rules", opt.rules_dir, "Rules folder (lexicons in its lexicon/ subfolder)");
  batch_cmd->add_option("--audit-date", opt.audit_date, "Judge the duties in force on this date (YYYY-MM-DD)");
  batch_cmd->add_option("--lang", opt.language, "Language of every report (default en: one language across the sweep)");
  batch_cmd->add_option("--max-pages", opt.max_pages, "Pages to fetch at most per site")->check(CLI::PositiveNumber);
  batch_cmd->add_option("--max-depth", opt.max_depth, "Link depth to follow at most")->check(CLI::NonNegativeNumber);
  batch_cmd->add_option("--host-delay", opt.http.per_host_delay_ms, "Milliseconds between request starts to one host");
  batch_cmd->add_option("--resolve", opt.http.resolve, "HOST:PORT:ADDR, as curl's --resolve (repeatable)")
      ->allow_extra_args(false);  // one value per occurrence: the list after it stays the list
  batch_cmd->add_option("--cacert", opt.http.cacert, "CA bundle for TLS verification");
  batch_cmd->add_flag("--insecure", opt.http.insecure, "Do not verify TLS certificates (recorded in each report)");
  batch_cmd->add_option("--user-agent", opt.http.user_agent, "User-Agent header");
  batch_cmd->add_flag("--ignore-robots", opt.http.ignore_robots, "Do not obey robots.txt (recorded in each report)");
  batch_cmd->add_flag("--allow-private", opt.http.allow_private, "Allow private and loopback addresses");
  batch_cmd->add_option("--render", render_mode, "Show pages to a real browser first: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  batch_cmd->add_option("--browser", opt.render.browser, "The browser to render with (default: chromium in PATH)");
  batch_cmd->add_option("--dns-server", opt.dns_server, "Resolver ADDR:PORT for channel checks (MX lookups)");
  batch_cmd->add_flag("--no-probe", no_probe, "Do not check disclosed channels over the network");
  auto* merge_cmd = batch_cmd->add_subcommand("merge", "Combine the folders of several batches (shards) into OUT");
  merge_cmd->add_option("out", merge.out_dir, "Folder of the merged store, reports and aggregate")->required();
  merge_cmd->add_option("dirs", merge.inputs, "Batch folders to merge")->required();
  merge_cmd->add_flag("--quiet", merge.quiet, "Only warnings and errors");
  auto* worker_cmd = batch_cmd->add_subcommand("worker", "One site's audit, started by the batch")->group("");
  worker_cmd->add_option("dir", worker_dir, "Job folder")->required();

  try {
    app.parse(argc, argv);
    opt.render.mode = *omnicheck::audit::parse_render_mode(render_mode);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (*batch_cmd) {
      if (*worker_cmd) return omnicheck::batch::run_worker(worker_dir);
      if (*merge_cmd) return omnicheck::batch::merge_batches(merge);
      // A sweep's spreadsheets compare sites: one language for all of them (English unless --lang).
      if (opt.language.empty()) opt.language = "en";
      omnicheck::audit::validate_options(opt);
      opt.probe = !no_probe;
      batch.audit = opt;
      return omnicheck::batch::run_batch(batch);
    }
    if (*audit_cmd || *email_cmd) {
      // omnicheck.json: its values fill what the command line left out.
      CLI::App* cmd = *audit_cmd ? audit_cmd : email_cmd;
      std::optional<omnicheck::cli::ProjectConfig> config;
      if (out.no_config && !out.config.empty()) throw InputError("--config and --no-config contradict each other: give one");
      try {
        if (!out.no_config) {
          if (auto file = omnicheck::cli::find_config(out.config, fs::current_path())) config = omnicheck::cli::load_config(*file);
        }
      } catch (const std::exception& e) {
        throw InputError(e.what());
      }
      if (config) {
        const auto given = [cmd](const char* name) { return cmd->count(name) > 0; };
        if (*audit_cmd) {
          if (config->target && opt.target.empty() && opt.replay.empty()) opt.target = *config->target;
          if (config->emails && !given("--emails")) opt.emails = *config->emails;
          if (config->country && !given("--country")) opt.country = *config->country;
          if (config->max_pages && !given("--max-pages")) opt.max_pages = *config->max_pages;
          if (config->render && !given("--render")) opt.render.mode = *omnicheck::audit::parse_render_mode(*config->render);
        }
        if (config->lang && !given("--lang")) opt.language = *config->lang;
        if (config->fail_on && !given("--fail-on")) out.fail_on = *config->fail_on;
        if (config->strict && !given("--strict")) out.warn_fails = *config->strict;
        if (config->format && !given("--format")) out.format = *config->format;
        if (config->output && !given("--output")) out.output = *config->output;
        if (config->out_dir && !given("--out-dir")) out.out_dir = *config->out_dir;
        if (config->baseline && !given("--baseline")) out.baseline = *config->baseline;
        std::cerr << "omnicheck: settings from " << config->file.string() << "\n";
      }
      g_choices.browser = opt.render.browser;
      if (out.format == "pdf" && out.output.empty() && out.out_dir.empty()) {
        throw InputError("--format pdf writes a file: give -o FILE.pdf or --out-dir DIR");
      }
      // The baseline is read before the audit: a wrong file is named now, not after an hour's crawl.
      nlohmann::json baseline;
      if (!out.baseline.empty()) {
        std::ifstream bin(out.baseline, std::ios::binary);
        if (!bin) throw InputError("--baseline " + out.baseline + ": cannot read");
        try {
          baseline = nlohmann::json::parse(bin);
          // The site is known before the audit for a URL or a folder; a replayed archive's only after.
          std::string site;
          if (opt.target.rfind("http://", 0) == 0 || opt.target.rfind("https://", 0) == 0) {
            site = opt.target;
          } else if (!opt.target.empty()) {
            site = "file://" + fs::absolute(opt.target).lexically_normal().string();
          }
          omnicheck::report::check_baseline(baseline, site);
        } catch (const std::exception& e) {
          throw InputError("--baseline " + out.baseline + ": " + e.what());
        }
      }
      if (*audit_cmd && opt.target.empty() && opt.replay.empty()) {
        throw InputError("audit needs a TARGET (folder or URL) or --replay FILE");
      }
      // Screenshots go beside the report, and the report names them relative to itself.
      if (opt.render.screenshots) {
        fs::path beside = !out.out_dir.empty() ? fs::path(out.out_dir) : !out.output.empty() ? fs::path(out.output).parent_path() : fs::path();
        if (!out.out_dir.empty() || !out.output.empty()) opt.render.screenshots_dir = (beside / "screenshots").string();
      }
      omnicheck::audit::validate_options(opt);
      std::vector<std::string> outputs = {out.output, opt.http.archive_path};
      if (!out.out_dir.empty()) {
        outputs.push_back((fs::path(out.out_dir) / "report.json").string());
        outputs.push_back((fs::path(out.out_dir) / "report.html").string());
      }
      if (!opt.render.screenshots_dir.empty()) outputs.push_back(opt.render.screenshots_dir);
      refuse_output_over_inputs({opt.target, opt.emails, opt.replay}, outputs);
      opt.probe = !no_probe;
      auto result = omnicheck::audit::run(opt);
      if (config) {
        result.report.target_extra["config"] = config->file.string();
        omnicheck::report::apply_suppressions(result.report, config->suppressions, omnicheck::audit::today_utc());
      }
      if (!out.baseline.empty()) {
        result.report.target_extra["baseline"] = out.baseline;
        try {
          omnicheck::report::apply_baseline(result.report, baseline);
        } catch (const std::exception& e) {
          // Known only now (a replayed archive, a redirect to another host): nothing is compared,
          // so every finding counts, and the report says why.
          result.report.errors.push_back({{"file", out.baseline}, {"error", std::string("--baseline not applied: ") + e.what()}});
        }
      }
      if (result.report.target_extra.contains("archive_not_written")) {
        std::cerr << "omnicheck: " << result.report.target_extra["archive_not_written"].get<std::string>() << "\n";
      }
      int code = emit(opt, result, out);
      if (std::string why = nothing_read(opt, result.report); !why.empty()) {
        std::cerr << "omnicheck: nothing could be judged: " << omnicheck::report::show_controls(why, false) << "\n";
        return 2;
      }
      return code;
    }
    if (*verify_cmd) {
      const auto v = omnicheck::report::verify_manifest(verify_dir);
      if (!v.readable) throw InputError(v.problems.empty() ? "cannot read the manifest" : v.problems.front());
      for (const auto& p : v.problems) std::cout << omnicheck::report::show_controls(p, false) << "\n";
      if (v.ok) {
        std::cout << "ok: " << v.checked << " file(s) as signed by key " << v.fingerprint << "\n";
        return 0;
      }
      std::cout << "CHANGED: " << v.problems.size() << " problem(s) in " << v.checked << " file(s); key " << v.fingerprint << "\n";
      return 1;
    }
    if (*rules_cmd) {
      omnicheck::rules::RuleSet set;
      try {
        set = omnicheck::rules::RuleSet::load(opt.rules_dir);
      } catch (const std::exception& e) {
        throw InputError(e.what());
      }
      if (*rules_list) {
        for (const auto& r : set.rules()) {
          std::cout << r.id << "\t" << r.severity << "\t" << r.scope << "\t" << r.title << "\n";
          for (const auto& l : r.law) std::cout << "\t\t" << l.act << ", " << l.article << "  " << l.url << "\n";
        }
        return 0;
      }
      if (*rules_lint) {
        // Lint loads everything an audit loads (the lexicons and the crawler's link classifier
        // too), so a broken lexicon fails here, named, and not in the middle of an audit.
        auto loaded = omnicheck::audit::Loaded::load(opt.rules_dir, true);
        for (const auto& r : loaded->rules.rules()) {
          for (const auto& [key, date] : {std::pair{"applies_from", r.applies_from}, std::pair{"applies_until", r.applies_until}}) {
            if (!date.empty() && !omnicheck::audit::is_calendar_date(date)) {
              throw InputError((r.file.empty() ? opt.rules_dir : r.file) + ": rule " + r.id + ": " + key + " \"" + date +
                               "\" is not a calendar date (YYYY-MM-DD)");
            }
          }
        }
        // The mail extractors compile their lexicon patterns when a message is read: one short
        // order confirmation and a reply read here make a bad pattern fail the lint, named.
        {
          const char* kProbe =
              "From: Shop <noreply@shop.example>\r\nTo: a@b.example\r\nSubject: Order 1\r\n"
              "Date: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <1@shop.example>\r\n\r\n"
              "Thank you for your order. Please do not reply to this e-mail.\r\n";
          omnicheck::mail::Mailbox box;
          if (auto m = omnicheck::mail::parse_message(kProbe, "lint.eml", 0)) box.messages.push_back(std::move(*m));
          omnicheck::extract::FactStore probe_facts;
          try {
            omnicheck::extract::extract_mail(box, loaded->lex, probe_facts);
          } catch (const std::exception& e) {
            throw InputError(opt.rules_dir + "/lexicon: a mail pattern does not compile: " + e.what());
          }
        }
        // Every name a rule uses must be one the extractors write (rules/schema/vocabulary.json).
        const std::filesystem::path vocab_file = std::filesystem::path(opt.rules_dir) / "schema" / "vocabulary.json";
        if (std::filesystem::exists(vocab_file)) {
          std::ifstream in(vocab_file);
          std::stringstream ss;
          ss << in.rdbuf();
          const nlohmann::json vocab = omnicheck::rules::parse_json_with_comments(ss.str(), vocab_file.string());
          std::vector<std::string> problems;
          for (const auto& r : loaded->rules.rules()) {
            for (auto& p : omnicheck::rules::lint_vocabulary(r.definition, vocab)) problems.push_back(r.file + ": " + p);
          }
          if (!problems.empty()) {
            for (const auto& p : problems) std::cerr << p << "\n";
            throw InputError(std::to_string(problems.size()) + " name(s) in rules that no extractor writes, checked against " +
                             vocab_file.string() + " (scripts/rules-vocabulary rewrites it; keys the fixtures never show go under \"also\")");
          }
        }
        // Every message catalogue loads, each shape checked (rules/i18n, docs/languages.md).
        const fs::path i18n = fs::path(opt.rules_dir) / "i18n";
        for (const auto& lang : omnicheck::report::Catalogue::available(i18n)) {
          try {
            omnicheck::report::Catalogue::load(i18n, lang);
          } catch (const std::exception& e) {
            throw InputError(e.what());
          }
        }
        std::cout << set.rules().size() << " rules, their lexicons and the message catalogues load cleanly (rules version "
                  << set.version() << ")\n";
        return 0;
      }
      if (*rules_test) {
        int passed = 0, failed = 0;
        for (const auto& c : set.run_cases()) {
          if (c.ok()) {
            ++passed;
          } else {
            ++failed;
            std::cout << "FAIL " << c.rule << " \"" << c.name << "\": expected " << c.expected << ", got " << c.actual
                      << "  (" << c.file << ")\n";
          }
        }
        std::cout << "rule cases: " << passed << " passed, " << failed << " failed\n";
        return failed ? 1 : 0;
      }
    }
  } catch (const InputError& e) {
    std::cerr << "omnicheck: " << omnicheck::report::show_controls(e.what(), false) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "omnicheck: error: " << omnicheck::report::show_controls(e.what(), false) << "\n";
    return 2;
  }
  return 2;
}

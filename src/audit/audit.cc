#include "audit/audit.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <set>

#include "audit/channel_probe.h"
#include "audit/crawler.h"
#include "audit/page_renderer.h"
#include "audit/screenshots.h"
#include "audit/site_rules_judge.h"
#include "mail/mail.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;

bool is_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

std::unique_ptr<fetch::Fetcher> make_fetcher(const Options& opt) {
  if (!opt.replay.empty()) {
    if (!fs::exists(opt.replay)) throw InputError("archive not found: " + opt.replay);
    return fetch::make_warc_replay_fetcher(opt.replay);
  }
  if (is_url(opt.target)) {
    fetch::HttpOptions http = opt.http;
    if (http.user_agent.empty()) {
      http.user_agent = "omnicheck/" + opt.tool_version + " (+https://github.com/omnicheck/omnicheck)";
    }
    return fetch::make_http_fetcher(opt.target, http);
  }
  try {
    return fetch::make_local_fetcher(opt.target, opt.http.max_body_bytes);
  } catch (const std::exception& e) {
    throw InputError(e.what());
  }
}

// Two links can name one page ("/" and "index.html" in a saved site; a redirect onto a page
// already fetched): keep the first copy, so facts and page counts are not doubled.
void drop_duplicate_pages(CrawlResult& crawled) {
  std::set<std::string> seen;
  std::vector<fetch::Page> pages;
  for (auto& p : crawled.pages) {
    if (p.ok() && !seen.insert(fetch::normalize_url(p.final_url)).second) continue;
    pages.push_back(std::move(p));
  }
  crawled.pages = std::move(pages);
  std::set<std::string> seen_docs;
  std::vector<html::Document> docs;
  for (auto& d : crawled.documents) {
    if (!seen_docs.insert(fetch::normalize_url(d.url)).second) continue;
    docs.push_back(std::move(d));
  }
  crawled.documents = std::move(docs);
}

// The SHA-256 of the mailbox's files, so that the messages quoted can be checked against them:
// the mbox or .eml file, or a folder's files in path order (the first kMaxListedMailFiles; the
// signed manifest of --out-dir lists them all).
nlohmann::json mail_file_hashes(const std::string& path) {
  constexpr std::size_t kMaxListedMailFiles = 1000;
  nlohmann::json out = nlohmann::json::array();
  std::size_t more = 0;
  for (const auto& f : report::files_of(path, kMaxListedMailFiles, &more)) {
    std::uint64_t bytes = 0;
    std::string sha = fetch::sha256_file_hex(f.string(), &bytes);
    if (!sha.empty()) out.push_back({{"file", f.string()}, {"sha256", sha}, {"bytes", bytes}});
  }
  if (more) out.push_back({{"more_files", more}});
  return out;
}

}  // namespace

std::string today_utc() { return fetch::now_rfc3339().substr(0, 10); }

std::shared_ptr<const Loaded> Loaded::load(const std::string& rules_dir, bool link_roles) {
  auto l = std::make_shared<Loaded>();
  l->rules_dir = rules_dir;
  try {
    l->rules = rules::RuleSet::load(rules_dir);
    l->lex = extract::Lexicon::load(fs::path(rules_dir) / "lexicon");
  } catch (const std::exception& e) {
    throw InputError(e.what());
  }
  if (link_roles) l->roles = std::make_unique<extract::LinkRoles>(l->lex);
  return l;
}

Result run(const Options& opt) {
  const std::string started_at = fetch::now_rfc3339();
  Result result = run(opt, *Loaded::load(opt.rules_dir, !opt.target.empty() || !opt.replay.empty()));
  result.report.started_at = started_at;
  return result;
}

Result run(const Options& opt, const Loaded& loaded) {
  Result result;
  report::Report& rep = result.report;
  rep.started_at = fetch::now_rfc3339();
  rep.tool_version = opt.tool_version;
  rep.audit_date = opt.audit_date.empty() ? today_utc() : opt.audit_date;

  const rules::RuleSet& rules = loaded.rules;
  const extract::Lexicon& lex = loaded.lex;
  rep.rules_version = rules.version();
  // Check every input before the crawl: an audit that fails at the end loses what it gathered.
  if (!opt.emails.empty() && !fs::exists(opt.emails)) throw InputError("e-mail path not found: " + opt.emails);

  extract::Options xopt;
  xopt.country = opt.country;
  for (auto& c : xopt.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

  // The site's fetcher and the renderer outlive the crawl: the screenshots, taken once the
  // findings are known, go through them, and the archive is closed after them.
  std::unique_ptr<fetch::Fetcher> fetcher;
  std::unique_ptr<PageRenderer> renderer;
  extract::SiteInput in;
  if (!opt.target.empty() || !opt.replay.empty()) {
    fetcher = make_fetcher(opt);
    std::unique_ptr<extract::LinkRoles> own_roles;
    if (!loaded.roles) own_roles = std::make_unique<extract::LinkRoles>(lex);
    const extract::LinkRoles& roles = loaded.roles ? *loaded.roles : *own_roles;
    CrawlLimits limits;
    limits.max_pages = opt.full ? std::max<std::size_t>(opt.max_pages, 100000) : opt.max_pages;
    limits.max_depth = opt.max_depth;
    limits.full = opt.full;
    limits.max_per_pattern = opt.max_per_pattern;
    // A focused crawl stops once the pages fetched decide every site rule.
    rules::EvalContext judge_ctx;
    judge_ctx.audit_date = rep.audit_date;
    SiteRulesJudge judge(rules, lex, xopt, judge_ctx, fetcher->start_url());
    renderer = std::make_unique<PageRenderer>(opt.render, *fetcher, lex);
    CrawlResult crawled =
        crawl(*fetcher, roles, limits, [&judge](const CrawlResult& r) { return judge(r); }, renderer.get());
    drop_duplicate_pages(crawled);
    for (const auto& n : renderer->notes()) crawled.notes.push_back(n);
    rep.target_url = fetcher->start_url();
    if (!opt.http.archive_path.empty() && !is_url(opt.target) && opt.replay.empty()) {
      // A WARC records network exchanges; a saved folder had none. Its files' hashes are in the
      // page list, and with --out-dir in the signed manifest.
      rep.target_extra["archive_not_written"] =
          "--archive " + opt.http.archive_path +
          ": not written, a folder target is read from disk, not fetched; each page's SHA-256 is in the page list "
          "(and, with --out-dir, in the signed manifest.json)";
    }
    rep.target_extra["crawl_complete"] = crawled.complete;
    rep.target_extra["crawl_notes"] = crawled.notes;
    rep.target_extra["crawl"] = {{"mode", opt.full ? "full" : "focused"},
                                 {"pages_attempted", crawled.fetches},
                                 {"expected_pages", crawled.expected_pages},
                                 {"stopped_early", crawled.stopped_early}};
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& p : crawled.pages) {
      nlohmann::json pj = {{"requested_url", p.requested_url}, {"final_url", p.final_url}, {"status", p.status},
                           {"fetched_at", p.fetched_at}, {"sha256", p.sha256}};
      if (!p.redirect_chain.empty()) pj["redirect_chain"] = p.redirect_chain;
      if (!p.rendered_sha256.empty()) {
        pj["rendered"] = {{"sha256", p.rendered_sha256}, {"rendered_at", p.rendered_at}, {"reason", p.render_reason}};
      }
      if (!p.error.empty()) {
        pj["error"] = p.error;
        rep.errors.push_back({{"url", p.requested_url}, {"error", p.error}});
      }
      pages.push_back(pj);
    }
    rep.target_extra["pages"] = pages;

    in.start_url = fetcher->start_url();
    in.crawl_complete = crawled.complete;
    in.crawl_notes = crawled.notes;
    in.pages = std::move(crawled.pages);
    in.documents = std::move(crawled.documents);
    extract::extract_site(in, lex, xopt, result.facts);
    // The extractors add what they could not read (a page past a reading budget) to the notes.
    if (result.facts.audit.contains("crawl_notes")) rep.target_extra["crawl_notes"] = result.facts.audit["crawl_notes"];
    if (result.facts.audit.contains("crawl_complete")) rep.target_extra["crawl_complete"] = result.facts.audit["crawl_complete"];
    if (opt.probe && opt.replay.empty()) probe_channels(opt, result.facts);
    rep.pages_fetched = result.facts.audit.value("pages_fetched", 0);
  }

  if (!opt.emails.empty()) {
    // read_mail throws naming the path when the path itself cannot be read (before any message).
    // What the extraction itself throws passes as it is.
    auto replay = [&](const mail::MessageSink& sink) {
      bool in_sink = false;
      try {
        return mail::read_mail(opt.emails, [&](mail::Message&& m) {
          in_sink = true;
          sink(std::move(m));
          in_sink = false;
        });
      } catch (const std::runtime_error& e) {
        if (in_sink) throw;
        throw InputError(e.what());
      }
    };
    mail::Mailbox box = extract::extract_mail(replay, lex, result.facts, {opt.customers, opt.trader_domains});
    for (const auto& err : box.errors) {
      rep.errors.push_back({{"file", err.file}, {"offset", err.offset}, {"error", err.reason}});
    }
    rep.target_extra["emails"] = opt.emails;
    rep.target_extra["mail_files"] = mail_file_hashes(opt.emails);
    rep.target_extra["messages_read"] = box.read;
    const auto& cut = result.facts.audit["mail_fact_notes"];
    if (cut.is_array() && !cut.empty()) rep.target_extra["mail_notes"] = cut;
  }

  rules::EvalContext ctx;
  ctx.audit_date = rep.audit_date;
  rep.findings = rules.evaluate(result.facts, ctx);
  if (fetcher) {
    if (opt.render.screenshots) {
      rep.target_extra["screenshots"] = take_screenshots(rep.findings, result.facts, in.pages, *renderer, *fetcher, opt.render);
    }
    rep.target_extra["render"] = renderer->record();
    fetcher->finish();
    for (const auto& [k, v] : fetcher->record()) rep.target_extra[k] = v;
  }
  if (!result.facts.audit.value("country", std::string()).empty()) {
    rep.target_extra["country"] = result.facts.audit["country"];
    rep.target_extra["country_source"] = result.facts.audit["country_source"];
  }
  // The report's language: the one asked for, else the trader's country's (the one given, else
  // the one the audit found).
  const std::filesystem::path i18n = std::filesystem::path(opt.rules_dir) / "i18n";
  std::string language = opt.language;
  try {
    if (language.empty()) {
      const std::string country = result.facts.audit.value("country", opt.country);
      language = country.empty() ? "en" : report::Catalogue::language_for_country(i18n, country);
    }
    rep.words = report::Catalogue::load(i18n, language);
  } catch (const std::exception& e) {
    // Nothing gathered is lost over a broken catalogue: the report is written in English.
    rep.errors.push_back({{"error", std::string(e.what()) + "; the report is in English"}});
    language = "en";
  }
  rep.target_extra["language"] = language;
  report::localize(rep);
  // Text no catalogue entry covers is shown in English; the report says which, so that a reader
  // knows and a maintainer can add it.
  // At most 50 are listed (a note that quotes each message would list a mailbox), with the count.
  if (auto missed = rep.words.misses(); !missed.empty()) {
    constexpr std::size_t kListed = 50;
    if (missed.size() > kListed) {
      rep.target_extra["untranslated_count"] = missed.size();
      missed.resize(kListed);
    }
    rep.target_extra["untranslated"] = missed;
  }
  rep.facts = opt.keep_facts ? result.facts.summary() : std::move(result.facts).take_summary();
  rep.finished_at = fetch::now_rfc3339();
  return result;
}

}  // namespace omnicheck::audit

// omnicheck audit: the pipeline on top of the stages. Crawls a target (local folder or live
// site), reads e-mails, extracts facts, evaluates rules and assembles the report.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "fetch/fetch.h"
#include "report/report.h"
#include "rules/rules.h"

namespace omnicheck::audit {

// Bad input named to the user (missing folder, unreadable mailbox, malformed rules): exit 2.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --render: when a page is shown to a real browser before it is read (docs/rendering.md).
enum class RenderMode { never, automatic, always };
const char* to_string(RenderMode mode);  // "never", "auto", "always"
std::optional<RenderMode> parse_render_mode(std::string_view written);

struct RenderSettings {
  RenderMode mode = RenderMode::automatic;
  std::string browser;           // --browser: the executable; "" = Chromium found in PATH
  long page_timeout_ms = 0;      // one page's rendering at most; 0 = the renderer's default
  // --screenshots: a full-page PNG of every page that carries evidence of a failed or warned
  // finding, and of the legal notice and contact pages, written into `screenshots_dir`; the
  // report names each file as `screenshots_href` + "/" + its name.
  bool screenshots = false;
  std::string screenshots_dir;
  std::string screenshots_href = "screenshots";
};

struct Options {
  std::string target;        // folder, http(s) URL, or "" for an e-mail-only audit
  std::string emails;        // .eml folder / mbox / Maildir, optional
  std::vector<std::string> customers;       // --customer: the customer side of the mailbox
  std::vector<std::string> trader_domains;  // --trader-domain: the trader's own domains
  std::string replay;        // WARC archive to audit instead of the network
  std::string country;       // ISO alpha-2, "" = infer
  std::string audit_date;    // YYYY-MM-DD, "" = today (UTC)
  std::string rules_dir;     // rules/ (lexicons in rules/lexicon)
  std::string language = "en";  // report language; "" = the trader's country's (the CLI's default)
  std::size_t max_pages = 30;
  int max_depth = 6;
  bool full = false;         // crawl every page, not only what the rules need
  // URLs of one shape (digits masked: /p/#.html) fetched at most, the crawler-trap cap;
  // 0 = the default: 10 focused; with --full no count, a pattern is stopped when its pages
  // repeat themselves (crawl_trap_guard.h). Skipped URLs are named in the crawl notes.
  std::size_t max_per_pattern = 0;
  fetch::HttpOptions http;
  RenderSettings render;
  std::string dns_server;    // ADDR:PORT of the resolver for channel checks, "" = system's
  bool probe = true;         // check disclosed channels over the network (MX, form targets)
  std::string tool_version = "0.1.0";
  // Result::facts keeps the facts after the report is assembled (tests and library callers
  // read them). The CLI needs only the report, so it lets the report take them over: the
  // facts of a large mailbox are then held once, not twice.
  bool keep_facts = true;
};

struct Result {
  report::Report report;
  extract::FactStore facts;
};

Result run(const Options& opt);

// The rules and lexicons of one rules folder, loaded once and shared by many audits (the batch
// worker audits site after site with one): the rule files and lexicons parsed, and the crawler's
// link classifier built. Read-only after load.
struct Loaded {
  std::string rules_dir;
  rules::RuleSet rules;
  extract::Lexicon lex;
  std::unique_ptr<extract::LinkRoles> roles;  // refers to lex: a Loaded is never moved; may be null

  // Throws InputError naming the file that does not load. `link_roles`: build the crawler's
  // link classifier too (an e-mail-only audit does not need it).
  static std::shared_ptr<const Loaded> load(const std::string& rules_dir, bool link_roles = true);
};

// The same audit with rules and lexicons already loaded (opt.rules_dir is not read); gives
// the same report as run(opt) with opt.rules_dir == loaded.rules_dir.
Result run(const Options& opt, const Loaded& loaded);

std::string today_utc();

// The user's options, checked once for every command (audit, email, batch): throws InputError
// naming the option and its value. Normalises in place (country upper case, language lower case).
void validate_options(Options& opt);
// The ISO 3166-1 alpha-2 code a user wrote, upper-cased, with the EU's own EL and UK read as GR
// and GB (the codes the packs use); "" when it is no country code ("FRA", "XX").
std::string canonical_country(std::string_view written);
using fetch::is_calendar_date;  // YYYY-MM-DD naming a day that exists

}  // namespace omnicheck::audit

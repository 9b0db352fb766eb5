// omnicheck report stage: renders an audit's findings and facts. Every renderer escapes the
// merchant's text: evidence is untrusted.
//
// Text handling common to all renderers: merchant text may carry invalid UTF-8 (pages that lie
// about their charset, raw header bytes); every renderer replaces such bytes with U+FFFD so the
// output is always valid UTF-8 and a JSON dump never throws. Snippets mark the matched part as
// [[...]]; renderers with markup (HTML, Markdown) turn the outermost balanced pairs into
// highlights and show every other bracket literally, so no merchant character is ever lost.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "rules/rules.h"

namespace omnicheck::report {

// The words of a report in one language: rules/i18n/<lang>.json (docs/languages.md). A message's
// id is its English text; an id may be a template whose `{name}` placeholders stand for values
// (an address, a count, a URL) that the translation carries over unchanged, or translates in
// turn for the names the catalogues list as "translated_placeholders" (a phone number's type, a
// reason). English text that no entry matches is shown as it is and remembered (misses()), so a
// test can prove that a report holds no untranslated text.
class Catalogue {
 public:
  Catalogue();  // English, with no rewording: what a report is without a rules folder
  // Throws std::runtime_error naming the file when it is missing or malformed.
  static Catalogue load(const std::filesystem::path& i18n_dir, const std::string& language);
  // The languages with a catalogue in `i18n_dir` ("en" always among them), sorted.
  static std::vector<std::string> available(const std::filesystem::path& i18n_dir);
  // The report language for a trader's country (ISO alpha-2): the catalogue that lists it in
  // its "countries", else "en".
  static std::string language_for_country(const std::filesystem::path& i18n_dir, const std::string& country);

  const std::string& language() const { return language_; }
  // `english` in this language: an exact entry, else the first template it fits; else itself.
  std::string operator()(std::string_view english) const;
  // A template of ours filled in: the template translated, then each {name} replaced.
  std::string fill(std::string_view english_template,
                   const std::vector<std::pair<std::string, std::string>>& values) const;
  // "2026-12-07T23:12:35Z" (or a bare date) as this language writes it: "7 décembre 2026, 23:12 UTC".
  std::string date_time(const std::string& iso) const;
  // An integer with this language's digit grouping.
  std::string number(long long n) const;
  // The English texts shown untranslated so far (not for English itself), sorted.
  std::vector<std::string> misses() const;

 private:
  struct Template {
    std::vector<std::string> literals;  // n + 1 pieces around n placeholders
    std::vector<std::string> names;
    std::string translation;
  };
  std::string translate(std::string_view english) const;
  // The translation of a text of ours (an entry, or text a template of ours made, its values
  // checked); nothing for any other text. `depth` bounds templates inside templates.
  std::optional<std::string> ours(std::string_view english, int depth) const;
  std::string language_ = "en";
  nlohmann::json format_ = nlohmann::json::object();
  std::unordered_map<std::string, std::string> exact_;
  std::vector<Template> templates_;  // the most literal text first: the most specific wins
  std::set<std::string> translated_placeholders_;
  struct Misses {
    std::mutex mutex;
    std::set<std::string> texts;
  };
  std::shared_ptr<Misses> misses_ = std::make_shared<Misses>();
};

struct Report {
  std::string tool_version, rules_version;
  std::string target_url, started_at, finished_at, audit_date;
  int pages_fetched = 0;
  nlohmann::json target_extra = nlohmann::json::object();  // crawl notes, emails path, country…
  std::vector<rules::Finding> findings;
  nlohmann::json facts = nlohmann::json::object();
  nlohmann::json errors = nlohmann::json::array();  // input problems that did not stop the audit
  Catalogue words;  // the report's language: set it, then localize()
};

// --- accepting findings (omnicheck.json) and comparing with an earlier report (--baseline) ---
// A finding the merchant accepts for a while, with a reason: suppressed findings stay in the
// report, marked, and stop counting for the exit code until `expires` (YYYY-MM-DD, inclusive);
// after it they count again and say that their acceptance ran out.
struct Suppression {
  std::string rule;     // a rule id, or a pattern with * ("email.*")
  std::string url;      // scope: every evidence URL of the finding fits this pattern ("" = any)
  std::string mail;     // scope: every evidence e-mail file fits this pattern (its path or name)
  std::string reason;   // required
  std::string expires;  // required, YYYY-MM-DD
  std::string source;   // the file and entry it came from ("omnicheck.json#2")
};
// Reads a config file's "suppressions" list; throws std::runtime_error naming `file` and the
// entry for anything missing or malformed (no reason, no expiry, a date that is no date).
std::vector<Suppression> parse_suppressions(const nlohmann::json& list, const std::string& file);
// Marks the findings that a suppression covers (fail, warn and inconclusive ones only: a pass
// needs no acceptance). `today` is YYYY-MM-DD.
void apply_suppressions(Report& r, const std::vector<Suppression>& suppressions, const std::string& today);
// Marks each finding "unchanged" when `old_report` (a JSON report of omnicheck) has the same rule
// with the same status at the same place (the SARIF fingerprint), else "new". Throws
// std::runtime_error, before marking anything, when `old_report` is not one of omnicheck's
// reports or is of another site than r.target_url (check_baseline).
void apply_baseline(Report& r, const nlohmann::json& old_report);
// The checks apply_baseline makes, for before an audit: the shape, and, when `target_url` is
// given, that the report is of the same site (a live site by its host without "www.", a saved
// one by its folder's name).
void check_baseline(const nlohmann::json& old_report, const std::string& target_url);

// Puts the findings' titles, messages, how-to-fix texts, acts and evidence notes into the
// report's language (the English message stays as `message_en` in JSON). Idempotent.
void localize(Report& r);

// The contract shape of DESIGN.md: tool, target (target_extra merged in, without overriding
// the contract keys), summary (one count per contract status), findings, facts, errors.
// Evidence objects omit empty strings and status 0; e-mail evidence (a `file`) keeps `offset`.
nlohmann::json to_json(const Report& r);
// The same text as to_json(r).dump(2) plus a line end, written piece by piece: no copy of the
// report's tree and no string of its text is held, so a report of 100,000 messages costs no
// more memory than the facts it prints.
void write_json(const Report& r, std::ostream& out);

// Self-contained page for a legal reader: inline CSS, a Content-Security-Policy that forbids
// scripts, no external resources, printable.
std::string to_html(const Report& r);

// SARIF 2.1.0, one run, valid against the OASIS schema (tests/report/sarif-schema-2.1.0.json)
// and shaped for code scanning. By default only what needs attention is a result (fail, warn,
// inconclusive; `all_results` adds passes and not-applicable rules); `kind`/`level` follow
// status and severity:
//   fail            kind "fail", level error (violation) | warning (warning) | note (advice)
//   warn            kind "fail", level warning (violation, warning) | note (advice)
//   inconclusive    kind "open" (SARIF: not enough information to decide), level "none"
//   pass            kind "pass", level "none"
//   not_applicable  kind "notApplicable", level "none"
// Each piece of evidence is a location. A page of a folder target and an e-mail file are
// artifacts with relative URIs: relative to the working directory (uriBaseId "%SRCROOT%", the
// repository in CI) when they lie below it, else to the site folder ("SITEROOT", declared in
// originalUriBaseIds). A live page is no artifact of the repository: its URL is a property and,
// with the element's locator, the logical location. Quotes are the location's message (a
// region needs a position, which only e-mail evidence has: its byte offset). Every result has
// partialFingerprints ("omnicheck/v1": rule and where) so that code scanning follows it across
// runs, and every rule a `help` text.
std::string to_sarif(const Report& r, bool all_results = false);

// JUnit XML: one testcase per finding (name = rule id, classname = "omnicheck." + the rule's
// first id segment). fail -> <failure type=severity>; inconclusive -> <failure
// type="inconclusive"> (what could not be checked is no green test), or <skipped> with
// `inconclusive_skips` (--junit-inconclusive skip); not_applicable -> <skipped message>; warn
// passes (it is doubt, not a miss) but says so in <system-out>; pass -> plain testcase.
std::string to_junit(const Report& r, bool inconclusive_skips = false);

// GitHub-flavoured Markdown; merchant text is kept inline and escaped (markdown specials,
// table pipes, raw HTML), the snippet's match is set in bold.
std::string to_markdown(const Report& r);

// RFC 4180 CSV (CRLF line ends, quoting where needed), one row per piece of evidence (a finding
// without evidence gets one row). Cells that a spreadsheet would read as a formula (leading
// = + - @ tab CR) get a leading apostrophe.
std::string to_csv(const Report& r);

// Exit-code helper: whether any finding with status fail/warn reaches `fail_on` severity
// (violation > warning > advice). Only `fail` counts, and `warn` when `count_warn`.
// `fail_on` is one of violation | warning | advice | none ("none" never reaches); any other
// value throws std::invalid_argument. A finding whose severity is not one of the three ranks as
// a violation, so that a malformed finding can never silently pass a CI gate.
bool reaches(const std::vector<rules::Finding>& findings, const std::string& fail_on,
             bool count_warn = false);

// What a person at a terminal (or a CI log) reads after an audit: each finding that needs
// attention (fail, warn, inconclusive) with its message, the page or file and the place of its
// first evidence, one line counting the rest, then one line saying why the exit code is what it
// is under `fail_on` / `count_warn` (the same gate as reaches()). Merchant text is shown through
// show_controls: it cannot move the cursor or reorder the line.
// Accepted findings and those the baseline knows are counted on the last line, not listed.
std::string console_summary(const std::vector<rules::Finding>& findings, const std::string& fail_on,
                            bool count_warn = false, const Catalogue& words = Catalogue());

// --- the signed evidence manifest (omnicheck verify) ---
// The files an input names: a file itself, or a folder's regular files below it in path order,
// the first `max` of them (`more` counts the rest). Mailboxes are folders of .eml or Maildirs.
std::vector<std::filesystem::path> files_of(const std::filesystem::path& path, std::size_t max,
                                            std::size_t* more = nullptr);
// A file to list: a report, a screenshot, the WARC archive, a mailbox (a folder is listed file
// by file); `role` says which.
struct ManifestInput {
  std::filesystem::path path;
  std::string role;  // report | screenshot | archive | mail
};
// Writes DIR/manifest.json: each file's path (relative to DIR when below it), size and SHA-256,
// the Ed25519 public key and the signature over the rest. The key comes from `key_file` (PEM),
// else the user's own key ($XDG_CONFIG_HOME or ~/.config/omnicheck/signing-key.pem), created
// on first use. Returns the key's fingerprint. Throws std::runtime_error naming what failed.
std::string write_manifest(const std::filesystem::path& dir, const std::vector<ManifestInput>& inputs,
                           const std::string& key_file, const std::string& target);
struct VerifyResult {
  bool readable = true;  // false: no manifest, or not one of ours
  bool ok = false;       // signature good and every file as signed
  std::size_t checked = 0;
  std::string fingerprint;            // of the key that signed (compare with the auditor's)
  std::vector<std::string> problems;  // "changed: report.html (…)", "missing: …", a bad signature
};
VerifyResult verify_manifest(const std::filesystem::path& dir);

// Escapes & < > " ' for HTML text and attribute values; invalid UTF-8 becomes U+FFFD and
// control characters that HTML and XML forbid become U+FFFD too.
std::string escape_html(std::string_view text);

// Merchant text made safe to show anywhere, a terminal included: ill-formed UTF-8 becomes
// U+FFFD; control characters (C0 but tab and line breaks, DEL, C1) and the bidirectional
// formatting controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are shown as
// "<U+XXXX>" instead of acting on the screen or reordering the text around them.
// `line_breaks`: keep tab, CR and LF (files); false turns them into "<U+000A>" etc. (one line
// of a terminal).
std::string show_controls(std::string_view text, bool line_breaks = true);

}  // namespace omnicheck::report

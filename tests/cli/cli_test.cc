// The command line as users and CI call it: exit codes, output files, errors naming the input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "audit/site_server.h"
#include "support/test_support.h"

namespace omnicheck::testing {
namespace {

std::string cli() { return omnicheck_binary(); }
using omnicheck::testing::SiteReply;
using omnicheck::testing::SiteRequest;
using omnicheck::testing::SiteServer;

TEST(Cli, AuditWritesJsonAndHtmlAndExitsOneOnViolation) {
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-cli-test";
  std::filesystem::remove_all(dir);
  std::string out;
  int code = run_command(cli() + " audit " + (fixtures_dir() / "sites/de-mueller-versand").string() + " --emails " +
                             (fixtures_dir() / "mail/de-mueller-versand").string() + " --audit-date 2026-11-23 --no-probe --out-dir " +
                             dir.string() + " 2>/dev/null",
                         &out);
  EXPECT_EQ(code, 1);  // trader.address fails: a violation
  auto report = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_EQ(report["tool"]["name"], "omnicheck");
  EXPECT_EQ(report["target"]["pages_fetched"], 8);
  EXPECT_FALSE(report["findings"].empty());
  EXPECT_NE(read_file(dir / "report.html").find("trader.address"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The evidence a court may be handed: the folder's files hashed and signed at the audit, checked
// by `omnicheck verify` (0 as signed, 1 when anything changed, the manifest included).
TEST(Cli, OutDirIsSignedAndVerifyShowsAnyChange) {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / ("omnicheck-cli-verify-" + std::to_string(::getpid()));
  fs::remove_all(base);
  const fs::path out = base / "out", key = base / "auditor.pem";
  // The auditor's own key, made with OpenSSL's command line as an office would.
  ASSERT_EQ(run_command("mkdir -p '" + base.string() + "' && openssl genpkey -algorithm ed25519 -out '" + key.string() + "' 2>/dev/null", nullptr), 0);
  const std::string mbox = (fixtures_dir() / "mail/en-acme-widgets.mbox").string();
  run_command(cli() + " audit " + (fixtures_dir() / "sites/en-acme-widgets").string() + " --emails " + mbox +
                  " --no-probe --fail-on none --sign-key '" + key.string() + "' --out-dir '" + out.string() + "' >/dev/null 2>&1",
              nullptr);
  const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  EXPECT_EQ(manifest["key"]["algorithm"], "Ed25519");
  std::set<std::string> listed;
  for (const auto& f : manifest["files"]) listed.insert(f["path"].get<std::string>());
  EXPECT_TRUE(listed.count("report.json") && listed.count("report.html") && listed.count(mbox)) << manifest.dump(1);

  std::string said;
  EXPECT_EQ(run_command(cli() + " verify '" + out.string() + "'", &said), 0) << said;
  EXPECT_NE(said.find("ok: 3 file(s) as signed by key " + manifest["key"]["fingerprint"].get<std::string>()), std::string::npos) << said;

  // A changed report...
  { std::ofstream(out / "report.html", std::ios::app) << "<!-- edited -->"; }
  EXPECT_EQ(run_command(cli() + " verify '" + out.string() + "'", &said), 1);
  EXPECT_NE(said.find("changed: report.html"), std::string::npos) << said;
  // ... whose new hash is written into the manifest: the signature no longer holds.
  auto forged = manifest;
  for (auto& f : forged["files"]) {
    if (f["path"] == "report.html") f["sha256"] = std::string(64, '0');
  }
  { std::ofstream(out / "manifest.json", std::ios::trunc) << forged.dump(1); }
  EXPECT_EQ(run_command(cli() + " verify '" + out.string() + "'", &said), 1);
  EXPECT_NE(said.find("the signature does not match"), std::string::npos) << said;
  // Not a manifest at all: an input error.
  EXPECT_EQ(run_command(cli() + " verify '" + base.string() + "' 2>&1", &said), 2) << said;
  fs::remove_all(base);
}

TEST(Cli, FailOnNoneExitsZero) {
  int code = run_command(cli() + " audit " + (fixtures_dir() / "sites/de-mueller-versand").string() +
                             " --fail-on none --no-probe >/dev/null 2>&1",
                         nullptr);
  EXPECT_EQ(code, 0);
}

TEST(Cli, MissingTargetIsAnInputErrorNamingIt) {
  std::string out;
  int code = run_command(cli() + " audit /nonexistent/shop-folder 2>&1", &out);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("/nonexistent/shop-folder"), std::string::npos) << out;
}

TEST(Cli, MissingMailboxIsReportedBeforeCrawling) {
  std::string out;
  int code = run_command(cli() + " audit " + (fixtures_dir() / "sites/cs-kavarna-doma").string() +
                             " --no-probe --emails /nonexistent/mailbox.mbox 2>&1",
                         &out);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("/nonexistent/mailbox.mbox"), std::string::npos) << out;
}

TEST(Cli, WgetMirrorFolderIsAuditedFromItsSiteSubfolder) {
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-mirror-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(fixtures_dir() / "sites/en-acme-widgets", dir / "www.acmewidgets.co.uk",
                        std::filesystem::copy_options::recursive);
  std::string out;
  int code = run_command(cli() + " audit " + dir.string() + " --no-probe 2>/dev/null", &out);
  EXPECT_EQ(code, 1);  // contact.email fails on that shop, as in the fixture audit
  auto report = nlohmann::json::parse(out);
  EXPECT_EQ(report["target"]["pages_fetched"], 7);
  std::filesystem::remove_all(dir);
}

TEST(Cli, HostDelayAndConnectionsAreCheckedAsNumbers) {
  std::string shop = (fixtures_dir() / "sites/cs-kavarna-doma").string();
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --host-delay -1 --no-probe >/dev/null 2>&1", nullptr), 2);
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --host-connections 0 --no-probe >/dev/null 2>&1", nullptr), 2);
  EXPECT_NE(run_command(cli() + " audit " + shop + " --host-delay 0 --host-connections 4 --no-probe >/dev/null 2>&1", nullptr), 2);
}

// The crawler-trap cap is an option, and what it skipped is named (issue 16): a catalogue of
// /p/<number>.html pages is read whole when the cap allows it.
TEST(Cli, MaxPerPatternIsTheTrapCapAndItsSkipsAreNamed) {
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-per-pattern";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "p");
  std::string home = "<!doctype html><html lang=\"en\"><body><h1>Catalogue</h1>";
  for (int i = 1; i <= 30; ++i) {
    home += "<a href=\"/p/" + std::to_string(i) + ".html\">Product " + std::to_string(i) + "</a> ";
    std::ofstream(dir / "p" / (std::to_string(i) + ".html")) << "<!doctype html><html><body><h1>Product " << i << "</h1></body></html>";
  }
  std::ofstream(dir / "index.html") << home << "</body></html>";
  auto pages_and_notes = [&](const std::string& extra) {
    std::string out;
    run_command(cli() + " audit " + dir.string() + " --full --no-probe --format json " + extra + " 2>/dev/null", &out);
    auto j = nlohmann::json::parse(out);
    return std::make_pair(j["target"]["pages_fetched"].get<int>(), j["target"]["crawl_notes"].dump());
  };
  auto [capped, capped_notes] = pages_and_notes("--max-per-pattern 5");
  EXPECT_EQ(capped, 6);  // the home page and five products
  EXPECT_NE(capped_notes.find("beyond the cap of 5"), std::string::npos) << capped_notes;
  auto [whole, whole_notes] = pages_and_notes("--max-per-pattern 100");
  EXPECT_EQ(whole, 31);
  EXPECT_EQ(whole_notes.find("beyond the cap"), std::string::npos) << whole_notes;
  std::string err;
  EXPECT_EQ(run_command(cli() + " audit " + dir.string() + " --max-per-pattern 0 2>&1", &err), 2) << err;
  std::filesystem::remove_all(dir);
}

TEST(Cli, UnknownOptionIsUsageError) {
  EXPECT_EQ(run_command(cli() + " audit --no-such-option x >/dev/null 2>&1", nullptr), 2);
}

TEST(Cli, RulesTestPassesAndABrokenCaseFailsIt) {
  std::string out;
  EXPECT_EQ(run_command(cli() + " rules test --rules " + rules_dir().string(), &out), 0) << out;
  EXPECT_NE(out.find(" 0 failed"), std::string::npos) << out;

  // Copy the rules, flip one case's expectation: `rules test` must exit 1 and name it.
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-broken-rules";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(rules_dir(), dir, std::filesystem::copy_options::recursive);
  auto file = dir / "site" / "contact.phone.json";
  std::string text = read_file(file);
  auto pos = text.find("\"name\": \"fax only\", \"expect\": \"fail\"");
  ASSERT_NE(pos, std::string::npos);
  text.replace(text.find("\"fail\"", pos), 6, "\"pass\"");
  { std::ofstream(file) << text; }
  out.clear();
  EXPECT_EQ(run_command(cli() + " rules test --rules " + dir.string(), &out), 1) << out;
  EXPECT_NE(out.find("FAIL contact.phone \"fax only\""), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

TEST(Cli, RulesListShowsLegalBasis) {
  std::string out;
  EXPECT_EQ(run_command(cli() + " rules list", &out), 0);
  EXPECT_NE(out.find("trader.address"), std::string::npos);
  EXPECT_NE(out.find("Art. 6(1)(c)"), std::string::npos);
}

TEST(Cli, EmailCommandRunsMailRulesAlone) {
  std::string out;
  int code = run_command(cli() + " email " + (fixtures_dir() / "mail/cs-kavarna-doma").string() + " 2>/dev/null", &out);
  EXPECT_EQ(code, 1);
  auto report = nlohmann::json::parse(out);
  for (const auto& f : report["findings"]) {
    if (f["rule"] == "email.no_reply_sender") {
      EXPECT_EQ(f["status"], "fail");
    }
    if (f["rule"] == "trader.address") {
      EXPECT_EQ(f["status"], "not_applicable");
    }
  }
}

// Issue 17: a value the tool would misread is refused with exit 2 naming the option, in every
// command; a valid but unusual value (a leap day, a lower-case country) is accepted.
TEST(CliValidation, AuditDatesMustBeCalendarDays) {
  std::string shop = (fixtures_dir() / "sites/cs-kavarna-doma").string();
  for (const char* bad : {"0000-00-00", "2026-13-45", "2026-02-30", "abcd-ef-gh", "2025-02-29", "1900-01-01"}) {
    std::string out;
    int code = run_command(cli() + " audit " + shop + " --no-probe --audit-date " + bad + " 2>&1 >/dev/null", &out);
    EXPECT_EQ(code, 2) << bad;
    EXPECT_NE(out.find(std::string("--audit-date ") + bad), std::string::npos) << out;
    EXPECT_EQ(run_command(cli() + " email " + (fixtures_dir() / "mail/de-mueller-versand").string() +
                              " --audit-date " + bad + " >/dev/null 2>&1",
                          nullptr),
              2)
        << bad;
  }
  std::string out;
  EXPECT_NE(run_command(cli() + " audit " + shop + " --no-probe --audit-date 2028-02-29 2>/dev/null", &out), 2);
  EXPECT_EQ(nlohmann::json::parse(out)["target"]["audit_date"], "2028-02-29");
}

TEST(CliValidation, CountryMustBeAnIsoCode) {
  std::string shop = (fixtures_dir() / "sites/cs-kavarna-doma").string();
  for (const char* bad : {"FRA", "XX", "'<b>'", "F1"}) {
    std::string out;
    EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --country " + bad + " 2>&1 >/dev/null", &out), 2)
        << bad;
    EXPECT_NE(out.find("--country"), std::string::npos) << out;
  }
  std::string out;
  EXPECT_NE(run_command(cli() + " audit " + shop + " --no-probe --country cz 2>/dev/null", &out), 2);
  EXPECT_EQ(nlohmann::json::parse(out)["facts"]["audit"]["country"], "CZ");
}

TEST(CliValidation, LanguageAndDepthAreChecked) {
  std::string shop = (fixtures_dir() / "sites/cs-kavarna-doma").string();
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --lang xx >/dev/null 2>&1", nullptr), 2);
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --lang french >/dev/null 2>&1", nullptr), 2);
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --max-depth -5 >/dev/null 2>&1", nullptr), 2);
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --max-pages 0 >/dev/null 2>&1", nullptr), 2);
  EXPECT_EQ(run_command(cli() + " batch /nonexistent.csv --lang xx >/dev/null 2>&1", nullptr), 2);
  EXPECT_NE(run_command(cli() + " audit " + shop + " --no-probe --lang fr --max-depth 0 >/dev/null 2>&1", nullptr), 2);
}

TEST(CliValidation, AnOutputNeverReplacesOrEntersAnInput) {
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-cli-overwrite";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(fixtures_dir() / "sites/cs-kavarna-doma", dir / "site", std::filesystem::copy_options::recursive);
  std::filesystem::create_directories(dir / "mail");
  std::filesystem::copy(fixtures_dir() / "mail/de-mueller-versand", dir / "mail", std::filesystem::copy_options::recursive);
  const std::string index_before = read_file(dir / "site/index.html");

  std::string out;
  EXPECT_EQ(run_command(cli() + " audit " + (dir / "site").string() + " --no-probe -o " +
                            (dir / "site/index.html").string() + " 2>&1",
                        &out),
            2);
  EXPECT_NE(out.find("index.html"), std::string::npos) << out;
  EXPECT_EQ(read_file(dir / "site/index.html"), index_before);
  EXPECT_EQ(run_command(cli() + " audit " + (dir / "site").string() + " --no-probe --out-dir " +
                            (dir / "site/reports").string() + " >/dev/null 2>&1",
                        nullptr),
            2);
  EXPECT_FALSE(std::filesystem::exists(dir / "site/reports"));

  std::filesystem::path mailfile;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "mail")) {
    if (e.is_regular_file()) {
      mailfile = e.path();
      break;
    }
  }
  ASSERT_FALSE(mailfile.empty());
  const std::string mail_before = read_file(mailfile);
  EXPECT_EQ(run_command(cli() + " email " + mailfile.string() + " -o " + mailfile.string() + " >/dev/null 2>&1", nullptr), 2);
  EXPECT_EQ(read_file(mailfile), mail_before);
  // Beside the inputs is fine.
  EXPECT_NE(run_command(cli() + " audit " + (dir / "site").string() + " --no-probe -o " + (dir / "report.json").string() +
                            " >/dev/null 2>&1",
                        nullptr),
            2);
  EXPECT_TRUE(std::filesystem::exists(dir / "report.json"));
  std::filesystem::remove_all(dir);
}

TEST(CliValidation, NothingReadIsAnInputErrorAndTheReportIsStillWritten) {
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-cli-nothing";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "garbage.mbox") << "this is not a mailbox\nno From_ line here\n";
  }
  std::string out;
  int code = run_command(cli() + " email " + (dir / "garbage.mbox").string() + " -o " + (dir / "r.json").string() +
                             " --fail-on advice --strict 2>&1",
                         &out);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("garbage.mbox"), std::string::npos) << out;
  EXPECT_TRUE(std::filesystem::exists(dir / "r.json"));

  // A live site whose every page is 404, on a loopback server this test starts.
  SiteServer site([](const SiteRequest&) { return SiteReply{404, {{"Content-Type", "text/html"}}, "<h1>Not found</h1>"}; });
  out.clear();
  code = run_command(cli() + " audit " + site.url() + " --allow-private --no-probe --host-delay 0 -o " +
                         (dir / "live.json").string() + " 2>&1",
                     &out);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("nothing could be judged"), std::string::npos) << out;
  EXPECT_NE(out.find(site.url()), std::string::npos) << out;
  auto report = nlohmann::json::parse(read_file(dir / "live.json"));
  EXPECT_EQ(report["target"]["pages_fetched"], 0);
  std::filesystem::remove_all(dir);
}


// Issue 17: lint loads what an audit loads and names the file that does not.
TEST(CliValidation, LintLoadsTheLexiconsAndChecksRuleDates) {
  auto dir = std::filesystem::temp_directory_path() / "omnicheck-lint-rules";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(rules_dir(), dir, std::filesystem::copy_options::recursive);
  std::string out;
  EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 0) << out;

  const auto fr = dir / "lexicon" / "fr.json";
  const std::string fr_text = read_file(fr);
  std::ofstream(fr, std::ios::binary | std::ios::trunc) << fr_text.substr(0, fr_text.size() / 2);
  out.clear();
  EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 2);
  EXPECT_NE(out.find("fr.json"), std::string::npos) << out;
  std::ofstream(fr, std::ios::binary | std::ios::trunc) << fr_text;

  const auto rule = dir / "site" / "odr.link.json";
  const std::string rule_text = read_file(rule);
  std::string broken = rule_text;
  const auto at = broken.find("\"applies_from\": \"");
  ASSERT_NE(at, std::string::npos);
  broken.replace(at + 17, 10, "2022-13-99");
  std::ofstream(rule, std::ios::binary | std::ios::trunc) << broken;
  out.clear();
  EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 2);
  EXPECT_NE(out.find("applies_from"), std::string::npos) << out;
  EXPECT_NE(out.find("2022-13-99"), std::string::npos) << out;
  std::ofstream(rule, std::ios::binary | std::ios::trunc) << rule_text;

  // A number too large for a double (found by the rule_condition fuzzer) names the file too.
  broken = rule_text;
  broken.replace(broken.find("\"applies_from\""), 0, "\"weight\": 4E4444, ");
  std::ofstream(rule, std::ios::binary | std::ios::trunc) << broken;
  out.clear();
  EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 2);
  EXPECT_NE(out.find("odr.link.json"), std::string::npos) << out;
  std::ofstream(rule, std::ios::binary | std::ios::trunc) << rule_text;

  // A value of the wrong type in a condition (found by the rule_condition fuzzer: "min": {…})
  // is named by lint, not thrown as a JSON library error at audit time.
  broken = rule_text;
  {
    const auto when = broken.find("\"when\": {\"exists\": \"odr_link\"");
    ASSERT_NE(when, std::string::npos);
    broken.replace(when + 9, 0, "\"min\": {\"exists\": \"page\"}, ");
  }
  std::ofstream(rule, std::ios::binary | std::ios::trunc) << broken;
  out.clear();
  EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 2);
  EXPECT_NE(out.find("min takes a count"), std::string::npos) << out;
  EXPECT_NE(out.find("odr.link.json"), std::string::npos) << out;
  std::ofstream(rule, std::ios::binary | std::ios::trunc) << rule_text;

  // A condition on a key no extractor writes never matches: lint names the file, rule and key
  // (issue 17), for audit keys and fact attributes alike.
  const auto phone = dir / "site" / "contact.phone.json";
  const std::string phone_text = read_file(phone);
  for (const auto& [good, typo] : {std::pair<std::string, std::string>{"\"pages_fetched\": 0", "\"pages_fetchd\": 0"},
                                   {"\"third_party\": false, \"visible\": true", "\"third_prty\": false, \"visible\": true"}}) {
    std::string bad = phone_text;
    const auto k = bad.find(good);
    ASSERT_NE(k, std::string::npos) << good;
    bad.replace(k, good.size(), typo);
    std::ofstream(phone, std::ios::binary | std::ios::trunc) << bad;
    out.clear();
    EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 2) << out;
    EXPECT_NE(out.find("contact.phone.json"), std::string::npos) << out;
    const std::string key = typo.substr(1, typo.find('"', 1) - 1);
    EXPECT_NE(out.find("\"" + key + "\""), std::string::npos) << out;
  }
  std::ofstream(phone, std::ios::binary | std::ios::trunc) << phone_text;
  out.clear();
  EXPECT_EQ(run_command(cli() + " rules lint --rules " + dir.string() + " 2>&1", &out), 0) << out;  // counter-case
  std::filesystem::remove_all(dir);
}


// omnicheck.json, found in the working directory: its target and settings, an accepted finding
// (kept in the report with its reason, no longer failing the run), an acceptance that ran out
// (counts again, says so); then --baseline: what the earlier report had does not count.
TEST(Cli, ProjectConfigAcceptsFindingsUntilTheyExpireAndABaselineKeepsOnlyWhatIsNew) {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / ("omnicheck-cli-config-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / ".git");  // the project's top: the search stops here
  const std::string shop = (fixtures_dir() / "sites/de-brenner-hotline").string();
  const auto write_config = [&](const std::string& reviews_expiry) {
    std::ofstream(base / "omnicheck.json") << R"({
  // The shop under test, as a merchant's CI would keep it
  "target": ")" + shop + R"(",
  "fail_on": "violation",
  "suppressions": [
    {"rule": "call_cost.basic_rate", "url": "*/de-brenner-hotline/*",
     "reason": "The 01805 line is replaced by a geographic number in release 4.2", "expires": "2099-12-31"},
    {"rule": "reviews.verification", "reason": "Review widget goes away", "expires": ")" + reviews_expiry + R"("}
  ]
})";
  };
  const auto audit = [&](const std::string& args, std::string* said) {
    return run_command("cd '" + base.string() + "' && " + cli() + " audit --no-probe " + args + " 2>&1", said);
  };
  write_config("2020-01-31");
  std::string said;
  // The expired acceptance counts again: exit 1, and the report says why.
  EXPECT_EQ(audit("--format json -o first.json", &said), 1) << said;
  EXPECT_NE(said.find("settings from " + (base / "omnicheck.json").string()), std::string::npos) << said;
  const auto first = nlohmann::json::parse(read_file(base / "first.json"));
  for (const auto& f : first["findings"]) {
    if (f["rule"] == "call_cost.basic_rate") {
      EXPECT_EQ(f["status"], "fail");
      EXPECT_EQ(f["suppression"]["reason"], "The 01805 line is replaced by a geographic number in release 4.2");
      EXPECT_FALSE(f["suppression"].contains("expired"));
    }
    if (f["rule"] == "reviews.verification") {
      EXPECT_TRUE(f["suppression"]["expired"].get<bool>()) << f.dump();
    }
  }
  EXPECT_NE(said.find("VERSTOSS  reviews.verification"), std::string::npos) << said;
  EXPECT_EQ(said.find("VERSTOSS  call_cost.basic_rate"), std::string::npos) << said;
  // Both accepted: nothing fails the run.
  write_config("2099-01-01");
  EXPECT_EQ(audit("--format json -o second.json", &said), 0) << said;
  // The baseline: without the config, the first report's findings are known, except the one that
  // was only accepted then, which counts again (an acceptance cannot live on in a baseline).
  EXPECT_EQ(audit("--no-config " + shop + " --baseline first.json --format sarif -o new.sarif", &said), 1) << said;
  const auto sarif = nlohmann::json::parse(read_file(base / "new.sarif"));
  std::set<std::string> results;
  for (const auto& r : sarif["runs"][0]["results"]) {
    EXPECT_EQ(r.value("baselineState", ""), "new") << r.dump();
    results.insert(r["ruleId"].get<std::string>());
  }
  EXPECT_TRUE(results.count("call_cost.basic_rate")) << sarif.dump(1);
  EXPECT_FALSE(results.count("reviews.verification")) << "known from the baseline";
  // Another shop's report is no baseline of this one: refused before the audit.
  EXPECT_EQ(audit("--no-config " + (fixtures_dir() / "sites/de-mueller-versand").string() + " --baseline first.json", &said), 2);
  EXPECT_NE(said.find("the baseline report is of"), std::string::npos) << said;
  // A broken config or baseline is named before anything is audited.
  { std::ofstream(base / "omnicheck.json") << R"({"suppressions": [{"rule": "odr.link", "reason": "r"}]})"; }
  EXPECT_EQ(audit("", &said), 2);
  EXPECT_NE(said.find("omnicheck.json: suppression 1 (odr.link): \"expires\" must be a date"), std::string::npos) << said;
  EXPECT_EQ(audit("--no-config " + shop + " --baseline omnicheck.json", &said), 2);
  EXPECT_NE(said.find("--baseline omnicheck.json: not a JSON report of omnicheck"), std::string::npos) << said;
  fs::remove_all(base);
}

// The report speaks the trader's country's language unless --lang says otherwise, and says so in
// its HTML; a language without a catalogue is refused, naming the ones there are.
TEST(Cli, ReportLanguageFollowsTheCountryAndLangIsValidated) {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / ("omnicheck-cli-lang-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base);
  const std::string shop = (fixtures_dir() / "sites/de-mueller-versand").string();
  std::string said;
  run_command(cli() + " audit " + shop + " --no-probe --no-config --format html -o " + (base / "de.html").string() + " 2>/dev/null", nullptr);
  EXPECT_NE(read_file(base / "de.html").find("<html lang=\"de\">"), std::string::npos);
  EXPECT_NE(read_file(base / "de.html").find("Festgestellte Verstöße"), std::string::npos);
  run_command(cli() + " audit " + shop + " --no-probe --no-config --lang CS --format html -o " + (base / "cs.html").string() + " 2>/dev/null", nullptr);
  EXPECT_NE(read_file(base / "cs.html").find("<html lang=\"cs\">"), std::string::npos);
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --no-config --lang sv 2>&1", &said), 2);
  EXPECT_NE(said.find("--lang sv: no such report language"), std::string::npos) << said;
  EXPECT_NE(said.find("cs, de, en, es, fr, it, nl, pl"), std::string::npos) << said;
  // A PDF is a file: asked for on standard output, refused before the audit.
  EXPECT_EQ(run_command(cli() + " audit " + shop + " --no-probe --no-config --format pdf 2>&1", &said), 2);
  EXPECT_NE(said.find("--format pdf writes a file"), std::string::npos) << said;
  fs::remove_all(base);
}

}  // namespace
}  // namespace omnicheck::testing

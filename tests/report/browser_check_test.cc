// Runs tests/report/check_html_in_browser.sh on rendered reports: the HTML report is checked in
// a real headless browser (DESIGN.md). Skips where Chromium is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "report/report.h"
#include "report/sample_reports.h"
#include "support/test_support.h"

namespace omnicheck::report {
namespace {

namespace fs = std::filesystem;

// CI sets OMNICHECK_BROWSER_TESTS=1 and installs Chromium: there a missing browser is a failure,
// not a skip, so a green CI run always means the report was really rendered.
bool browser_required() {
  const char* v = std::getenv("OMNICHECK_BROWSER_TESTS");
  return v && std::string(v) == "1";
}

#define SKIP_WITHOUT_BROWSER(out)                                                \
  if ((out).starts_with("SKIP")) {                                               \
    if (browser_required()) FAIL() << "OMNICHECK_BROWSER_TESTS=1 but " << (out); \
    GTEST_SKIP() << (out);                                                       \
  }

class BrowserCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("omnicheck-report-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `html`, runs the checker with `texts`, returns its exit code; skips when the checker
  // reports that no browser is installed.
  int check(const std::string& name, const std::string& html, const std::vector<std::string>& texts,
            std::string* out) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << html;
    std::string cmd =
        "bash '" +
        (omnicheck::testing::source_dir() / "tests/report/check_html_in_browser.sh").string() +
        "' '" + file.string() + "'";
    for (const auto& t : texts) cmd += " '" + t + "'";  // texts below hold no single quote
    return omnicheck::testing::run_command(cmd + " 2>&1", out);
  }

  fs::path dir_;
};

TEST_F(BrowserCheck, HostileReportRendersAsTextAndRunsNoScript) {
  std::string out;
  const int rc = check("hostile.html", to_html(testing::hostile_report()),
                       {"<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>",
                        "javascript:alert(3)", "<iframe src=javascript:alert(11)>"},
                       &out);
  SKIP_WITHOUT_BROWSER(out);
  EXPECT_EQ(rc, 0) << out;
}

TEST_F(BrowserCheck, SampleReportRenders) {
  std::string out;
  const int rc = check("sample.html", to_html(testing::sample_report()),
                       {"Kundenservice: ", "Obchod Příklad <"}, &out);
  SKIP_WITHOUT_BROWSER(out);
  EXPECT_EQ(rc, 0) << out;
}

// The checker itself must catch a page whose script runs: otherwise a pass proves nothing.
TEST_F(BrowserCheck, CheckerCatchesARunningScript) {
  std::string html = to_html(testing::sample_report());
  html.replace(html.find("<meta http-equiv=\"Content-Security-Policy\""), 0, "<!--");
  html.replace(html.find("form-action 'none'\">") + 20, 0, "-->");
  html.replace(html.find("</body>"), 0, testing::kScriptProbe);
  std::string out;
  const int rc = check("bad.html", html, {}, &out);
  SKIP_WITHOUT_BROWSER(out);
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find("root element changed"), std::string::npos) << out;
}

}  // namespace
}  // namespace omnicheck::report

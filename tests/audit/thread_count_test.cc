// Pages are parsed and extracted on several threads: the report must not depend on how many.
// Every fixture shop (full crawl, with its mailbox where it has one) is audited on one thread
// and on four, and the two reports must be the same but for the clock readings.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "audit/audit.h"
#include "report/report.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fixtures_dir;
using omnicheck::testing::rules_dir;

nlohmann::json without_clock(const nlohmann::json& j) {
  if (j.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : j.items()) {
      if (k != "started_at" && k != "finished_at" && k != "fetched_at" && k != "rendered_at") out[k] = without_clock(v);
    }
    return out;
  }
  if (j.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : j) out.push_back(without_clock(v));
    return out;
  }
  return j;
}

nlohmann::json audit_with_threads(const std::string& site, const char* threads) {
  setenv("OMNICHECK_THREADS", threads, 1);
  Options opt;
  opt.target = (fixtures_dir() / "sites" / site).string();
  fs::path mail = fixtures_dir() / "mail" / ("threads-" + site);
  if (fs::exists(mail)) opt.emails = mail.string();
  opt.rules_dir = rules_dir().string();
  opt.audit_date = "2026-11-23";
  opt.full = true;
  opt.probe = false;
  nlohmann::json j = without_clock(report::to_json(run(opt).report));
  unsetenv("OMNICHECK_THREADS");
  return j;
}

TEST(ThreadCount, ReportIsTheSameOnOneThreadAndOnFour) {
  int shops = 0;
  for (const auto& entry : fs::directory_iterator(fixtures_dir() / "sites")) {
    if (!entry.is_directory()) continue;
    std::string site = entry.path().filename().string();
    nlohmann::json one = audit_with_threads(site, "1");
    nlohmann::json four = audit_with_threads(site, "4");
    ASSERT_FALSE(one["findings"].empty()) << site;
    EXPECT_EQ(one.dump(1), four.dump(1)) << site;
    ++shops;
  }
  EXPECT_GE(shops, 10);
}

}  // namespace
}  // namespace omnicheck::audit

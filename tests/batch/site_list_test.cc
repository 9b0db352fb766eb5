// Reading the site list: columns by name, ids, paths relative to the list, and every problem
// named with the list's file and line while the good lines still count.
#include <gtest/gtest.h>

#include "audit/audit.h"
#include "batch/batch_test_util.h"
#include "batch/site_list.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDir;
using testing::write_text;

TEST(SiteList, ReadsColumnsInAnyOrderWithDefaultsAndExtraColumns) {
  ScratchDir dir("list-columns");
  fs::create_directories(dir / "shops/a");
  fs::create_directories(dir / "mail/a");
  write_text(dir / "sites.csv",
             "Country,URL,name,Emails,id\n"
             "de,https://Shop.Example.de/,\"Müller, GmbH\",mail/a,\n"
             "fr,shops/a,Local shop,,local-a\n"
             ",http://plain.example/path/,,,\n");
  const SiteList list = load_site_list(dir / "sites.csv");
  EXPECT_TRUE(list.line_errors.empty());
  ASSERT_EQ(list.sites.size(), 3u);
  EXPECT_EQ(list.sites[0].id, "shop.example.de");
  EXPECT_EQ(list.sites[0].target, "https://Shop.Example.de/");
  EXPECT_EQ(list.sites[0].host, "shop.example.de");
  EXPECT_EQ(list.sites[0].country, "DE");
  EXPECT_EQ(list.sites[0].emails, (dir / "mail/a").string());
  EXPECT_EQ(list.sites[0].extra["name"], "Müller, GmbH");
  EXPECT_EQ(list.sites[0].line, 2);
  EXPECT_EQ(list.sites[1].id, "local-a");
  EXPECT_EQ(list.sites[1].target, (dir / "shops/a").string());
  EXPECT_TRUE(list.sites[1].host.empty());
  EXPECT_EQ(list.sites[2].id, "plain.example/path");
  EXPECT_EQ(list.sha256.size(), 64u);
}

TEST(SiteList, ProblemsNameTheFileAndLineAndSpareTheOtherLines) {
  ScratchDir dir("list-errors");
  const std::string file = (dir / "sites.csv").string();
  write_text(dir / "sites.csv",
             "url,id,country,emails\n"
             "https://ok.example/,ok,,\n"                 // 2 fine
             "https://a.example/,a,Germany,\n"            // 3 bad country: site failed
             "https://b.example/,b,,missing/mail\n"       // 4 missing mail: site failed
             "ab\"c,x,,\n"                                // 5 malformed record
             ",,DE,\n"                                    // 6 no url, no id
             "https://ok.example/,ok,,\n"                 // 7 duplicate id
             "ftp://files.example/,f,,\n"                 // 8 scheme, with an id: site failed
             "https://c.example/,c,,,extra\n"             // 9 too many fields
             "https://d.example/,d\n");                   // 10 fewer fields: fine
  const SiteList list = load_site_list(dir / "sites.csv");
  std::map<std::string, std::string> failed;
  for (const auto& s : list.sites) failed[s.id] = s.input_error;
  ASSERT_EQ(list.sites.size(), 5u);
  EXPECT_EQ(failed["ok"], "");
  EXPECT_EQ(failed["d"], "");
  EXPECT_EQ(failed["a"], file + ":3: country must be an ISO 3166-1 alpha-2 code, got 'Germany'");
  EXPECT_EQ(failed["b"], file + ":4: e-mail path not found: " + (dir / "missing/mail").string());
  EXPECT_NE(failed["f"].find(file + ":8: unsupported URL scheme"), std::string::npos) << failed["f"];
  ASSERT_EQ(list.line_errors.size(), 4u);
  EXPECT_EQ(list.line_errors[0].first, 5);
  EXPECT_NE(list.line_errors[0].second.find(file + ":5: quote inside unquoted field 1"), std::string::npos);
  EXPECT_EQ(list.line_errors[1].second, file + ":6: no url");
  EXPECT_EQ(list.line_errors[2].second, file + ":7: duplicate id 'ok' (first on line 2); this line is ignored");
  EXPECT_NE(list.line_errors[3].second.find(file + ":9: 5 fields but the header has 4"), std::string::npos);
}

TEST(SiteList, UnreadableFileOrHeaderWithoutUrlIsAnInputError) {
  ScratchDir dir("list-header");
  EXPECT_THROW(load_site_list(dir / "absent.csv"), audit::InputError);
  write_text(dir / "nourl.csv", "id,country\nx,DE\n");
  try {
    load_site_list(dir / "nourl.csv");
    FAIL() << "expected an InputError";
  } catch (const audit::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("nourl.csv:1: the header line has no 'url' column"), std::string::npos)
        << e.what();
  }
  write_text(dir / "empty.csv", "");
  EXPECT_THROW(load_site_list(dir / "empty.csv"), audit::InputError);
}

TEST(SiteList, DefaultIdsAndReportFolderNames) {
  EXPECT_EQ(default_site_id("HTTPS://Shop.EXAMPLE/"), "shop.example");
  EXPECT_EQ(default_site_id("https://shop.example/de/?a=1"), "shop.example/de/?a=1");
  EXPECT_EQ(default_site_id("shops/a/"), "shops/a");
  EXPECT_EQ(site_folder_name("shop.example"), "shop.example");
  const std::string odd = site_folder_name("Shop.example/de");
  EXPECT_TRUE(odd.starts_with("_hop.example_de-")) << odd;
  EXPECT_NE(site_folder_name("a/b"), site_folder_name("a_b"));
  EXPECT_NE(site_folder_name(".."), "..");
  EXPECT_LE(site_folder_name(std::string(300, 'x')).size(), 89u);
  EXPECT_EQ(site_folder_name("<script>").find_first_of("<>/\"'"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::batch

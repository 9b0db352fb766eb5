// Markdown: readable in a pull request, with merchant text unable to add structure or HTML.
#include <gtest/gtest.h>

#include <sstream>

#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Table cell separators: pipes not preceded by a backslash.
int unescaped_pipes(const std::string& line) {
  int n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  }
  return n;
}

TEST(MarkdownReport, SummarisesAndDetailsEachFinding) {
  const std::string md = to_markdown(testing::sample_report());
  EXPECT_TRUE(md.starts_with("# omnicheck audit report: https://www.boutique-exemple.fr/\n"));
  EXPECT_TRUE(contains(md, "| FAIL | 2 |"));
  EXPECT_TRUE(contains(md,
                       "| call\\_cost.disclosed | The price of charged numbers is stated next "
                       "to them | FAIL | violation |"));
  EXPECT_TRUE(contains(md,
                       "[CRD 6\\(1\\)\\(f\\)](<https://eur-lex.europa.eu/eli/dir/2011/83/"
                       "oj#art_6>)"));
  EXPECT_TRUE(contains(md, "  - Quote: “Kundenservice: **0180 6 123456** \\(Mo–Fr 8–18 Uhr\\)”"));
  EXPECT_TRUE(contains(md, "file mail/potvrzeni-objednavky.mbox (byte offset 18234)"));
  EXPECT_TRUE(contains(md, "## Errors"));
}

TEST(MarkdownReport, HostileTextCannotAddHtmlLinksOrTableCells) {
  const std::string md = to_markdown(testing::hostile_report());
  for (const char* bad : testing::kHostileMarkup) EXPECT_FALSE(contains(md, bad)) << bad;
  EXPECT_FALSE(contains(md, "](javascript"));
  EXPECT_FALSE(contains(md, "(<javascript"));
  EXPECT_FALSE(contains(md, "(< javascript"));
  EXPECT_FALSE(contains(md, "](<data:"));
  EXPECT_EQ(md.find('\x01'), std::string::npos);
  EXPECT_EQ(md.find('\xFF'), std::string::npos);

  std::istringstream lines(md);
  std::string line;
  bool in_rules_table = false;
  while (std::getline(lines, line)) {
    if (line.starts_with("| Rule |")) in_rules_table = true;
    if (in_rules_table && line.starts_with("|")) {
      EXPECT_EQ(unescaped_pipes(line), 5) << line;
    } else {
      in_rules_table = false;
    }
    // Merchant text never opens a block of its own: every line starts with our structure.
    EXPECT_TRUE(line.empty() || line.starts_with("#") || line.starts_with("|") ||
                line.starts_with("- ") || line.starts_with("  - "))
        << line;
  }
  EXPECT_TRUE(contains(md, "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"));
  EXPECT_TRUE(contains(md, "\\| pipe \\| title \\# heading"));
}

}  // namespace
}  // namespace omnicheck::report

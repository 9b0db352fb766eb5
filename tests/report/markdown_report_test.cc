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

TEST(MarkdownReport, OpensWithTheComplaintViewThenDetailsEachFinding) {
  const std::string md = to_markdown(testing::sample_report());
  EXPECT_TRUE(md.starts_with("# Consumer-law audit report: https://www.boutique-exemple.fr/\n"));
  // Breaches by the act of their legal basis, with quote, page, time and hash.
  const auto breaches = md.find("## Breaches found");
  ASSERT_NE(breaches, std::string::npos);
  EXPECT_LT(breaches, md.find("## Warnings"));
  EXPECT_LT(md.find("## Warnings"), md.find("## What could not be checked"));
  EXPECT_TRUE(contains(md, "### CRD\n"));
  EXPECT_TRUE(contains(md, "- “Kundenservice: **0180 6 123456** \\(Mo–Fr 8–18 Uhr\\)” ([https://www.boutique-exemple.fr/de/kontakt]"));
  EXPECT_TRUE(contains(md, "read on 14 March 2025, 09:12 UTC, SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
  EXPECT_TRUE(contains(md,
                       "[CRD 6\\(1\\)\\(f\\)](<https://eur-lex.europa.eu/eli/dir/2011/83/"
                       "oj#art_6>)"));
  // The full list and each finding's evidence, folded.
  EXPECT_TRUE(contains(md, "| The price of charged numbers is stated next to them | Breach |"));
  EXPECT_TRUE(contains(md, "  - Quote: “Kundenservice: **0180 6 123456** \\(Mo–Fr 8–18 Uhr\\)”"));
  EXPECT_TRUE(contains(md, "e-mail file mail/potvrzeni-objednavky.mbox (byte offset 18234)"));
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
      EXPECT_EQ(unescaped_pipes(line), 3) << line;
    } else {
      in_rules_table = false;
    }
    // Merchant text never opens a block of its own: every line starts with our structure.
    // Our own lines: the folds, and our fixed sentences.
    const bool ours = line == "</details>" || line.starts_with("<details><summary>") ||
                      line == "No breach of a legal duty was found on what could be read." ||
                      line == "Every rule that applies could be checked.";
    EXPECT_TRUE(ours || line.empty() || line.starts_with("#") || line.starts_with("|") || line.starts_with("- ") ||
                line.starts_with("  - "))
        << line;
  }
  EXPECT_TRUE(contains(md, "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"));
  EXPECT_TRUE(contains(md, "\\| pipe \\| title \\# heading"));
}

}  // namespace
}  // namespace omnicheck::report

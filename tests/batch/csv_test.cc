// RFC 4180 reading and writing: quoting, line numbers of multi-line records, recovery after a
// malformed record.
#include <gtest/gtest.h>

#include "batch/csv.h"

namespace omnicheck::batch {
namespace {

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const CsvTable t = parse_csv("url,id\r\n\"https://a.example/?x=1,2\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",b\n");
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.records.size(), 3u);
  EXPECT_EQ(t.records[1].fields, (std::vector<std::string>{"https://a.example/?x=1,2", "say \"hi\""}));
  EXPECT_EQ(t.records[2].fields[0], "multi\nline");
  EXPECT_EQ(t.records[1].line, 2);
  EXPECT_EQ(t.records[2].line, 3);
}

TEST(Csv, LineNumbersCountLineBreaksInsideQuotes) {
  const CsvTable t = parse_csv("h\n\"a\nb\nc\"\nnext\n");
  ASSERT_EQ(t.records.size(), 3u);
  EXPECT_EQ(t.records[2].fields[0], "next");
  EXPECT_EQ(t.records[2].line, 5);
}

TEST(Csv, SkipsBlankLinesAndByteOrderMarkAndAcceptsMissingFinalNewline) {
  const CsvTable t = parse_csv("\xEF\xBB\xBFurl\n\nhttps://a.example\r\n\r\nhttps://b.example");
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.records.size(), 3u);
  EXPECT_EQ(t.records[0].fields[0], "url");
  EXPECT_EQ(t.records[2].fields[0], "https://b.example");
  EXPECT_EQ(t.records[2].line, 5);
}

TEST(Csv, EmptyFieldsAreKept) {
  const CsvTable t = parse_csv("a,,c,\n");
  ASSERT_EQ(t.records.size(), 1u);
  EXPECT_EQ(t.records[0].fields, (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(Csv, MalformedRecordsAreReportedWithTheirLineAndReadingGoesOn) {
  const CsvTable t = parse_csv("url,id\nab\"c,1\n\"x\"y,2\ngood,3\n\"never closed,4\nlost,5\n");
  ASSERT_EQ(t.errors.size(), 3u);
  EXPECT_EQ(t.errors[0].line, 2);
  EXPECT_NE(t.errors[0].message.find("quote inside unquoted field 1"), std::string::npos);
  EXPECT_EQ(t.errors[1].line, 3);
  EXPECT_NE(t.errors[1].message.find("after the closing quote"), std::string::npos);
  EXPECT_EQ(t.errors[2].line, 5);
  EXPECT_NE(t.errors[2].message.find("never closed"), std::string::npos);
  ASSERT_EQ(t.records.size(), 2u);
  EXPECT_EQ(t.records[1].fields, (std::vector<std::string>{"good", "3"}));
  EXPECT_EQ(t.records[1].line, 4);
}

TEST(Csv, WriterQuotesOnlyWhereNeededAndDefusesFormulas) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_field("@cmd"), "'@cmd");
  EXPECT_EQ(csv_line({"a", "", "b,c"}), "a,,\"b,c\"\r\n");
}

TEST(Csv, WrittenLinesReadBackUnchanged) {
  const std::vector<std::string> fields = {"x,y", "q\"uote", "multi\r\nline", "", "plain"};
  const CsvTable t = parse_csv(csv_line(fields) + csv_line(fields));
  ASSERT_TRUE(t.errors.empty());
  ASSERT_EQ(t.records.size(), 2u);
  EXPECT_EQ(t.records[0].fields, fields);
  EXPECT_EQ(t.records[1].line, 3);
}

// Issue 17: a site's Location header or error text holding ESC/BEL or a bidi override is shown
// as code points in aggregate.csv, not passed raw to the spreadsheet or terminal.
TEST(Csv, ControlCharactersInAFieldAreShownNotPassed) {
  EXPECT_EQ(csv_field("redirect to \x1b]8;;http://evil.example\x07here"), "redirect to <U+001B>]8;;http://evil.example<U+0007>here");
  EXPECT_EQ(csv_field("rechnung\xE2\x80\xAE" "fdp.exe"), "rechnung<U+202E>fdp.exe");
  EXPECT_EQ(csv_field("Praha 1, Česko"), "\"Praha 1, Česko\"");
}

}  // namespace
}  // namespace omnicheck::batch

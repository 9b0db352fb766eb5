// CSV: RFC 4180 framing and no formula a spreadsheet would evaluate.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
Rows parse_csv(const std::string& csv) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      field_started = false;
      ++i;
    } else {
      EXPECT_NE(c, '"') << "bare quote inside an unquoted field";
      EXPECT_NE(c, '\n') << "bare LF outside quotes";
      field += c;
      field_started = true;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(row.empty() && field.empty()) << "last record not ended by CRLF";
  return rows;
}

std::size_t column(const Rows& rows, const std::string& name) {
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(CsvReport, OneRowPerPieceOfEvidence) {
  const Rows rows = parse_csv(to_csv(testing::sample_report()));
  // 8 findings; call_cost and email.no_reply_sender have two pieces of evidence each.
  ASSERT_EQ(rows.size(), 1u + 10u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[2][column(rows, "rule")], "call_cost.disclosed");
  EXPECT_EQ(rows[2][column(rows, "law")], "CRD 6(1)(f); TKG § 109");
  EXPECT_EQ(rows[2][column(rows, "source")], "https://www.boutique-exemple.fr/de/kontakt");
  EXPECT_EQ(rows[2][column(rows, "http_status")], "200");
  EXPECT_EQ(rows[4][column(rows, "source")], "mail/potvrzeni-objednavky.mbox");
  EXPECT_EQ(rows[4][column(rows, "offset")], "18234");
  EXPECT_EQ(rows[4][column(rows, "header")],
            "From: Obchod Příklad <neodpovidejte@obchod-priklad.cz>");
}

TEST(CsvReport, NeutralisesFormulaInjectionAndKeepsFraming) {
  const std::string csv = to_csv(testing::hostile_report());
  const Rows rows = parse_csv(csv);
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), rows[0].size());
    for (const auto& cell : row) {
      ASSERT_TRUE(cell.empty() ||
                  std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos)
          << "formula trigger at the start of: " << cell;
    }
  }
  EXPECT_EQ(rows[6][column(rows, "snippet")], "'+cmd|' /C calc'!A0");
  EXPECT_EQ(rows[6][column(rows, "note")], "'@SUM(1+1)*cmd|' /C calc'!A0");
  EXPECT_EQ(rows[7][column(rows, "severity")], "'-2+3");
  EXPECT_EQ(rows[7][column(rows, "message")], "'\tTAB first");
  EXPECT_EQ(rows[8][column(rows, "message")], "'\rCR first ]]> <![CDATA[ x ]]>");
  EXPECT_EQ(rows[8][column(rows, "snippet")], "'@import url(evil)");
  EXPECT_EQ(rows[8][column(rows, "note")], "'-1");
  EXPECT_EQ(csv.find('\xFF'), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::report

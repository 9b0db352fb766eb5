// A message's MIME tree is read within budgets (issue 16): nesting past kMaxMimeDepth levels and
// parts past kMaxMimeParts are not read, and the message says so, where GMime alone would drop
// what lies past 1,024 levels without a word and a notice there would be judged absent.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "mail/body_text.h"
#include "mail/mail.h"

namespace omnicheck::mail {
namespace {

namespace fs = std::filesystem;

const char* kHead =
    "From: Versandhaus Brandt <noreply@versandhaus-brandt.de>\nTo: kunde@example.org\n"
    "Subject: Ihre Bestellung 48213\nDate: Mon, 02 Sep 2024 10:00:00 +0200\n"
    "Message-ID: <b48213@versandhaus-brandt.de>\nMIME-Version: 1.0\n";

// The notice in a text/plain part `depth` multiparts deep.
std::string nested(int depth) {
  std::string s = kHead;
  for (int i = 0; i < depth; ++i) s += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" + std::to_string(i) + "\n";
  s += "Content-Type: text/plain; charset=utf-8\n\nBitte antworten Sie nicht auf diese E-Mail.\n";
  for (int i = depth - 1; i >= 0; --i) s += "--b" + std::to_string(i) + "--\n";
  return s;
}

std::string wide(int parts) {
  std::string s = kHead;
  s += "Content-Type: multipart/mixed; boundary=\"x\"\n\n";
  for (int i = 0; i < parts; ++i) s += "--x\nContent-Type: text/plain; charset=utf-8\n\nTeil " + std::to_string(i) + "\n";
  s += "--x--\n";
  return s;
}

bool mentions(const std::vector<std::string>& defects, const std::string& text) {
  for (const auto& d : defects) {
    if (d.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(MimeBudget, NestingPastTheBudgetIsNotReadAndSaysSo) {
  auto deep = parse_message(nested(kMaxMimeDepth + 10), "tief.eml", 0);
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->text_plain.find("Bitte antworten"), std::string::npos);
  EXPECT_TRUE(deep->read_in_part);
  EXPECT_TRUE(mentions(deep->defects, "nested deeper than 64 levels")) << ::testing::PrintToString(deep->defects);

  // Deeper than GMime goes (1,024): still the same note, never silence.
  auto deeper = parse_message(nested(3000), "tiefer.eml", 0);
  ASSERT_TRUE(deeper);
  EXPECT_TRUE(deeper->read_in_part);

  // Counter-case: a message nested as real ones are is read whole.
  auto usual = parse_message(nested(6), "normal.eml", 0);
  ASSERT_TRUE(usual);
  EXPECT_NE(usual->text_plain.find("Bitte antworten Sie nicht"), std::string::npos);
  EXPECT_FALSE(usual->read_in_part);
  EXPECT_TRUE(usual->defects.empty());
}

TEST(MimeBudget, PartsPastTheBudgetAreNotReadAndSaySo) {
  auto many = parse_message(wide(static_cast<int>(kMaxMimeParts) + 500), "viele.eml", 0);
  ASSERT_TRUE(many);
  EXPECT_NE(many->text_plain.find("Teil 0\n"), std::string::npos);
  EXPECT_EQ(many->text_plain.find("Teil 1200"), std::string::npos);
  EXPECT_TRUE(many->read_in_part);
  EXPECT_TRUE(mentions(many->defects, "more than 1000 MIME parts")) << ::testing::PrintToString(many->defects);

  auto some = parse_message(wide(40), "einige.eml", 0);
  ASSERT_TRUE(some);
  EXPECT_NE(some->text_plain.find("Teil 39"), std::string::npos);
  EXPECT_FALSE(some->read_in_part);
}

// A message over kMaxMessageBytes (a 30 MB attachment, or a hostile file) is read up to there,
// in an mbox and as a single file alike, and says so; the next message of the mbox is read whole.
TEST(MimeBudget, AMessageOverTheSizeBudgetIsReadInPart) {
  const fs::path dir = fs::temp_directory_path() / ("omnicheck-mime-size-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string big = kHead;
  big += "Content-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nDanke f\xC3\xBCr Ihre Bestellung.\n"
         "--x\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"katalog.bin\"\n"
         "Content-Transfer-Encoding: base64\n\n";
  const std::string b64line(76, 'A');
  while (big.size() < kMaxMessageBytes + (1u << 20)) big += b64line + "\n";
  big += "--x--\n";
  {
    std::ofstream(dir / "gross.eml", std::ios::binary) << big;
    std::ofstream mbox(dir / "box.mbox", std::ios::binary);
    mbox << "From shop@versandhaus-brandt.de Mon Sep  2 10:00:00 2024\n" << big << "\n"
         << "From shop@versandhaus-brandt.de Mon Sep  2 11:00:00 2024\n" << kHead << "\nZweite Nachricht.\n";
  }
  Mailbox single = read_mail(dir / "gross.eml");
  ASSERT_EQ(single.messages.size(), 1u);
  EXPECT_TRUE(single.messages[0].read_in_part);
  EXPECT_NE(single.messages[0].text_plain.find("Danke f\xC3\xBCr Ihre Bestellung"), std::string::npos);
  EXPECT_TRUE(mentions(single.messages[0].defects, "larger than 25 MiB")) << ::testing::PrintToString(single.messages[0].defects);

  Mailbox box = read_mail(dir / "box.mbox");
  ASSERT_EQ(box.messages.size(), 2u);
  EXPECT_TRUE(box.messages[0].read_in_part);
  EXPECT_FALSE(box.messages[1].read_in_part);
  EXPECT_NE(box.messages[1].text_plain.find("Zweite Nachricht"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace omnicheck::mail

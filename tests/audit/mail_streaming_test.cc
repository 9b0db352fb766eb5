// A large mailbox is read twice, one message at a time (issue 17: memory bounded by the
// message, not the mailbox): messages the rules cannot tell apart are listed up to a bound and
// counted beyond it, and the rules weigh every message read, listed or counted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "audit/audit.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fresh_dir;

const rules::Finding* finding(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return &f;
  }
  return nullptr;
}

Options options(const fs::path& mbox) {
  Options opt;
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-12-07";
  opt.probe = false;
  opt.emails = mbox.string();
  return opt;
}

// One order confirmation of a Czech shop, from its no-reply address; `reply_to` adds a staffed
// Reply-To, which makes it a different message for the rules.
std::string confirmation(int i, bool reply_to) {
  std::string n = std::to_string(20261000 + i);
  return "From MAILER-DAEMON Mon Nov  2 08:00:00 2026\n"
         "From: =?utf-8?q?Bylink=C3=A1rna_Pod_Hradem?= <neodpovidejte@bylinkarna-podhradem.cz>\n" +
         std::string(reply_to ? "Reply-To: obchod@bylinkarna-podhradem.cz\n" : "") +
         "To: zakaznik" + std::to_string(i) + "@seznam.cz\n"
         "Subject: =?utf-8?q?Potvrzen=C3=AD_objedn=C3=A1vky_?=" + n + "\n"
         "Date: Mon, 02 Nov 2026 " + std::to_string(8 + i % 10) + ":" + std::to_string(10 + i % 50) + ":00 +0100\n"
         "Message-ID: <obj" + n + "@bylinkarna-podhradem.cz>\nMIME-Version: 1.0\n"
         "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
         "Dobrý den,\nděkujeme za Vaši objednávku č. " + n + ".\nCelkem k úhradě: " + std::to_string(300 + i) +
         " Kč\n\nBylinkárna Pod Hradem s.r.o., Zámecká 14, 664 01 Bílovice nad Svitavou, IČO 27153428\n\n";
}

TEST(MailStreaming, IdenticalMessagesAreCountedOnAListedOneAndWeighedByTheRules) {
  const fs::path dir = fresh_dir("mail-streaming");
  std::ofstream out(dir / "objednavky.mbox", std::ios::binary);
  for (int i = 0; i < 250; ++i) out << confirmation(i, false);
  out << confirmation(250, true);  // the counter-case: a Reply-To that accepts mail
  out.close();

  Result r = run(options(dir / "objednavky.mbox"));
  EXPECT_EQ(r.report.target_extra.value("messages_read", 0), 251);
  // The 250 alike are listed 20 times, the last one listed standing for 230 more; the one with a
  // Reply-To is its own.
  const auto& messages = r.report.facts["messages"];
  ASSERT_EQ(messages.size(), 21u);
  std::size_t similar = 0;
  for (const auto& m : messages) similar += m.value("similar", std::size_t{0});
  EXPECT_EQ(similar, 230u);

  const auto* sender = finding(r, "email.no_reply_sender");
  ASSERT_NE(sender, nullptr);
  EXPECT_EQ(sender->status, "fail");
  EXPECT_EQ(sender->message.rfind("250 of 251 messages: ", 0), 0u) << sender->message;
  EXPECT_LE(sender->evidence.size(), 20u);
  const auto* identity = finding(r, "email.sender_identity");
  ASSERT_NE(identity, nullptr);
  EXPECT_EQ(identity->status, "pass") << identity->message;

  ASSERT_TRUE(r.report.target_extra.contains("mail_notes"));
  const std::string note = r.report.target_extra["mail_notes"].dump();
  EXPECT_NE(note.find("230 message(s)"), std::string::npos) << note;
  fs::remove_all(dir);
}

TEST(MailStreaming, AFewAlikeMessagesAreAllListed) {
  const fs::path dir = fresh_dir("mail-streaming-few");
  std::ofstream out(dir / "objednavky.mbox", std::ios::binary);
  for (int i = 0; i < 12; ++i) out << confirmation(i, false);
  out.close();
  Result r = run(options(dir / "objednavky.mbox"));
  EXPECT_EQ(r.report.facts["messages"].size(), 12u);
  for (const auto& m : r.report.facts["messages"]) EXPECT_FALSE(m.contains("similar"));
  EXPECT_FALSE(r.report.target_extra.contains("mail_notes"));
  const auto* sender = finding(r, "email.no_reply_sender");
  ASSERT_NE(sender, nullptr);
  EXPECT_EQ(sender->message.rfind("12 of 12 messages: ", 0), 0u) << sender->message;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace omnicheck::audit

// Small hand-written cases for what the corpora do not cover: Czech encoded-words, body
// decoding, Maildir and mbox reading, error reporting.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "mail/mail.h"

namespace omnicheck::mail {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "omnicheck-mail-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

Message parse_ok(const std::string& raw) {
  std::string error;
  auto message = parse_message(raw, "test.eml", 0, &error);
  if (!message) throw std::runtime_error("parse failed: " + error);
  return *message;
}

std::string simple_message(const std::string& subject) {
  return "From: Shop <shop@example.com>\n"
         "To: customer@example.org\n"
         "Subject: " +
         subject +
         "\n"
         "Date: Mon, 02 Sep 2024 10:00:00 +0200\n"
         "Message-ID: <" +
         subject +
         "@example.com>\n"
         "\n"
         "Body of " +
         subject + ".\n";
}

TEST(ParseMessage, DatesOutsideAPlausibleWindowAreKeptAsWrittenButNotBelieved) {
  for (const char* date : {"Fri, 31 Dec 9999 23:59:59 +0000", "Sat, 01 Jan 0000 00:00:00 +0000", "Mon, 01 Jan 1900 10:00:00 +0100"}) {
    std::string raw = simple_message("odd");
    raw.replace(raw.find("Mon, 02 Sep 2024 10:00:00 +0200"), 31, date);
    const Message m = parse_ok(raw);
    EXPECT_FALSE(believed_date(m).has_value()) << date;
    EXPECT_TRUE(m.date_implausible) << date;
    EXPECT_EQ(m.date_raw, date);
  }
  // GMime reads a written year 0000 as 2000, as it does two-digit years: that is no reading.
  std::string zero = simple_message("zero");
  zero.replace(zero.find("Mon, 02 Sep 2024 10:00:00 +0200"), 31, "Sat, 01 Jan 0000 00:00:00 +0000");
  EXPECT_FALSE(parse_ok(zero).date_utc.has_value());
  // Counter-case: an ordinary date is read and believed.
  const Message ok = parse_ok(simple_message("fine"));
  ASSERT_TRUE(believed_date(ok).has_value());
  EXPECT_EQ(*believed_date(ok), 1725264000);
  EXPECT_FALSE(ok.date_implausible);
}

TEST(ParseMessage, DecodesCzechIso88592DisplayName) {
  const Message m = parse_ok(
      "From: =?iso-8859-2?Q?Kav=E1rna_Doma?= <info@kavarna-doma.cz>\n"
      "Reply-To: =?ISO-8859-2?B?UE9E5FZB?= <podpora@kavarna-doma.cz>\n"
      "Subject: =?iso-8859-2?Q?Potvrzen=ED_objedn=E1vky_=E8._42_=BElu=BBou=E8k=FD?=\n"
      "\n"
      "text\n");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].name, "Kavárna Doma");
  EXPECT_EQ(m.from[0].address, "info@kavarna-doma.cz");
  ASSERT_EQ(m.reply_to.size(), 1u);
  EXPECT_EQ(m.reply_to[0].name, "PODäVA");
  EXPECT_EQ(m.subject, "Potvrzení objednávky č. 42 žluťoučký");
  // The evidence keeps the header exactly as sent.
  EXPECT_EQ(m.header("from"), "=?iso-8859-2?Q?Kav=E1rna_Doma?= <info@kavarna-doma.cz>");
}

TEST(ParseMessage, DecodesWindows1252AndUtf8EncodedWords) {
  const Message m = parse_ok(
      "From: =?windows-1252?Q?M=FCller_=80_Co?= <a@example.de>\n"
      "To: =?utf-8?B?WsOha2F6bsOtaw==?= <b@example.cz>, plain@example.org\n"
      "Cc: =?iso-8859-1?Q?Fran=E7ois?= <c@example.fr>\n"
      "\n");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].name, "Müller € Co");
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(m.to[0].name, "Zákazník");
  EXPECT_EQ(m.to[1].name, "");
  EXPECT_EQ(m.to[1].address, "plain@example.org");
  ASSERT_EQ(m.cc.size(), 1u);
  EXPECT_EQ(m.cc[0].name, "François");
}

TEST(ParseMessage, HeadersInOrderUnfoldedAndUndecoded) {
  const Message m = parse_ok(
      "Received: from mx.example.com\n"
      "\tby mx.example.org; Mon, 2 Sep 2024 10:00:00 +0200\n"
      "Subject: =?utf-8?Q?Hallo?=\n"
      "X-Empty:\n"
      "subject: second\n"
      "\n"
      "body\n");
  ASSERT_EQ(m.headers.size(), 4u);
  EXPECT_EQ(m.headers[0].first, "Received");
  EXPECT_EQ(m.headers[0].second,
            "from mx.example.com\tby mx.example.org; Mon, 2 Sep 2024 10:00:00 +0200");
  EXPECT_EQ(m.headers[1].second, "=?utf-8?Q?Hallo?=");
  EXPECT_EQ(m.headers[2].first, "X-Empty");
  EXPECT_EQ(m.headers[2].second, "");
  EXPECT_EQ(m.headers[3].first, "subject");
  // Lookup is case-insensitive and returns the first occurrence; so does the decoded field.
  EXPECT_EQ(m.header("SUBJECT"), "=?utf-8?Q?Hallo?=");
  EXPECT_EQ(m.subject, "Hallo");
  EXPECT_EQ(m.header("x-missing"), "");
}

TEST(ParseMessage, ThreadIdsWithoutAngleBrackets) {
  const Message m = parse_ok(
      "From: a@example.com\n"
      "Message-ID: <reply.1@example.com>\n"
      "In-Reply-To: <orig.1@example.org>\n"
      "References: <root@example.org>\n"
      " <orig.1@example.org>\n"
      "\n");
  EXPECT_EQ(m.message_id, "reply.1@example.com");
  EXPECT_EQ(m.in_reply_to, std::vector<std::string>{"orig.1@example.org"});
  EXPECT_EQ(m.references, (std::vector<std::string>{"root@example.org", "orig.1@example.org"}));
}

TEST(ParseMessage, DateWithZone) {
  const Message m = parse_ok("From: a@example.com\nDate: Tue, 1 Jul 2003 10:52:37 +0200\n\n");
  EXPECT_EQ(m.date_raw, "Tue, 1 Jul 2003 10:52:37 +0200");
  ASSERT_TRUE(m.date_utc.has_value());
  EXPECT_EQ(*m.date_utc, 1057049557);  // 2003-07-01T08:52:37Z
  EXPECT_EQ(m.tz_offset_minutes, 120);

  const Message west = parse_ok("From: a@example.com\nDate: Thu, 13 Feb 1969 23:32:54 -0330\n\n");
  ASSERT_TRUE(west.date_utc.has_value());
  EXPECT_EQ(*west.date_utc, -27723426);  // 1969-02-14T03:02:54Z
  EXPECT_EQ(west.tz_offset_minutes, -210);
}

TEST(ParseMessage, AbsentOrUnparsableDateIsNullopt) {
  EXPECT_FALSE(parse_ok("From: a@example.com\n\n").date_utc.has_value());
  const Message bad = parse_ok("From: a@example.com\nDate: next tuesday-ish\n\n");
  EXPECT_EQ(bad.date_raw, "next tuesday-ish");
  EXPECT_FALSE(bad.date_utc.has_value());
}

TEST(ParseMessage, Base64TextBodyIsDecodedAndConverted) {
  // "Dobrý den, vaše objednávka byla odeslána." in iso-8859-2, base64.
  const Message m = parse_ok(
      "From: shop@example.cz\n"
      "MIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=iso-8859-2\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "RG9icv0gZGVuLCB2YbllIG9iamVkbuF2a2EgYnlsYSBvZGVzbOFuYS4=\n");
  EXPECT_EQ(m.text_plain, "Dobrý den, vaše objednávka byla odeslána.");
  EXPECT_EQ(m.text_html, "");
}

TEST(ParseMessage, QuotedPrintableCrlfBodyNormalised) {
  const Message m = parse_ok(
      "From: shop@example.de\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Gr=C3=BC=C3=9Fe aus M=C3=BCnchen,=\r\n"
      " Ihr Team\r\n"
      "Bitte nicht antworten.\r\n");
  EXPECT_EQ(m.text_plain, "Grüße aus München, Ihr Team\nBitte nicht antworten.\n");
}

TEST(ParseMessage, HtmlOnlyBody) {
  const Message m = parse_ok(
      "From: news@example.com\n"
      "Content-Type: text/html; charset=windows-1252\n"
      "\n"
      "<p>Caf\xE9 \x80 5</p>\n");
  EXPECT_EQ(m.text_plain, "");
  EXPECT_EQ(m.text_html, "<p>Café € 5</p>\n");
}

TEST(ParseMessage, MultipartAlternativeAndAttachmentSkipped) {
  const Message m = parse_ok(
      "From: shop@example.com\n"
      "Content-Type: multipart/mixed; boundary=outer\n"
      "\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=inner\n"
      "\n"
      "--inner\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "Plain words.\n"
      "--inner\n"
      "Content-Type: text/html; charset=utf-8\n"
      "\n"
      "<b>Html words.</b>\n"
      "--inner--\n"
      "--outer\n"
      "Content-Type: text/plain; name=terms.txt\n"
      "Content-Disposition: attachment; filename=terms.txt\n"
      "\n"
      "Attached terms, not body text.\n"
      "--outer\n"
      "Content-Type: message/rfc822\n"
      "\n"
      "From: someone@else.example\n"
      "Subject: quoted\n"
      "\n"
      "Embedded message text.\n"
      "--outer--\n");
  // The line break before a boundary belongs to the boundary (RFC 2046).
  EXPECT_EQ(m.text_plain, "Plain words.");
  EXPECT_EQ(m.text_html, "<b>Html words.</b>");
}

TEST(ParseMessage, InvalidCharsetAndBytesDoNotCrash) {
  const Message m = parse_ok(
      "From: =?x-no-such-charset?Q?Bad=FFName?= <a@example.com>\n"
      "Subject: raw \xFF\xFE bytes =?utf-8?B?////?=\n"
      "Content-Type: text/plain; charset=x-no-such-charset\n"
      "\n"
      "ok \xC3\x28 end\n");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].address, "a@example.com");
  EXPECT_FALSE(m.subject.empty());
  EXPECT_NE(m.text_plain.find("ok "), std::string::npos);
  EXPECT_NE(m.text_plain.find(" end"), std::string::npos);

  const Message utf8 = parse_ok(
      "From: a@example.com\nContent-Type: text/plain; charset=utf-8\n\nbad \xC3\x28 here\n");
  EXPECT_EQ(utf8.text_plain, "bad \xEF\xBF\xBD( here\n");
}

TEST(ParseMessage, CharsetsKeptLoadedStillDecodeEveryMessage) {
  // The converters stay loaded after the first message; later ones must decode the same.
  for (int i = 0; i < 3; ++i) {
    const Message m = parse_ok(
        "From: =?iso-8859-2?Q?Kav=E1rna_Doma?= <info@example.cz>\n"
        "Subject: =?windows-1250?Q?Objedn=E1vka_=E8._42?=\n"
        "Content-Type: text/plain; charset=iso-8859-2\n"
        "\n"
        "D\xECkujeme\n");
    ASSERT_EQ(m.from.size(), 1u);
    EXPECT_EQ(m.from[0].name, "Kav\xC3\xA1rna Doma");
    EXPECT_EQ(m.subject, "Objedn\xC3\xA1vka \xC4\x8D. 42");
    EXPECT_EQ(m.text_plain, "D\xC4\x9Bkujeme\n");
  }
  // Odd and unknown labels in encoded words are harmless.
  std::string odd = "From: a@example.com\nSubject: =? =?*?Q?x?= =?x-unknown?Q?y?= =?utf-8*en?Q?z?= =?";
  for (int i = 0; i < 100; ++i) odd += " =?x-label-" + std::to_string(i) + "?Q?a?=";
  const Message m = parse_ok(odd + "\n\nbody\n");
  EXPECT_EQ(m.text_plain, "body\n");
}

TEST(ParseMessage, GarbageIsAnErrorNotAnException) {
  std::string error;
  EXPECT_FALSE(parse_message("", "x", 0, &error).has_value());
  EXPECT_FALSE(error.empty());
  error.clear();
  EXPECT_FALSE(parse_message(std::string("\x00\x01\x02 binary junk\n\nmore", 22), "x", 0, &error)
                   .has_value());
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(parse_message("just some text without headers\n", "x", 0, nullptr).has_value());
}

TEST(ReadMail, NonexistentPathThrowsNamingThePath) {
  const fs::path missing = fs::temp_directory_path() / "omnicheck-no-such-mailbox" / "inbox";
  try {
    read_mail(missing);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
  }
}

// A NUL byte in a header would cut it where GMime reads it as a C string: "Bout\0ique
// <noreply@…>" lost its address and the no-reply verdict with it. The NULs are removed and the
// defect reported beside the errors; the message is still judged.
TEST(ReadMail, NulInAHeaderIsRemovedAndReported) {
  TempDir dir;
  std::string raw = simple_message("nul");
  raw.replace(raw.find("Shop <shop@example.com>"), 23, std::string("Sh\0op <noreply@example.com>", 28));
  write_file(dir.path() / "nul.eml", raw);
  const Mailbox box = read_mail(dir.path() / "nul.eml");
  ASSERT_EQ(box.messages.size(), 1u);
  ASSERT_EQ(box.messages[0].from.size(), 1u);
  EXPECT_EQ(box.messages[0].from[0].address, "noreply@example.com");
  ASSERT_EQ(box.errors.size(), 1u);
  EXPECT_NE(box.errors[0].reason.find("NUL"), std::string::npos);
  // Counter-case: the same message without the NUL has no defect.
  write_file(dir.path() / "clean.eml", simple_message("clean"));
  EXPECT_TRUE(read_mail(dir.path() / "clean.eml").errors.empty());
}

// File names are bytes: one that is not UTF-8 is shown with its odd bytes as \xHH, never as
// U+FFFD, so the evidence names the file that exists.
TEST(ReadMail, FileNameThatIsNotUtf8IsShownEscaped) {
  TempDir dir;
  write_file(dir.path() / "commande-caf\xE9.eml", simple_message("latin1"));
  const Mailbox box = read_mail(dir.path());
  ASSERT_EQ(box.messages.size(), 1u);
  const std::string& shown = box.messages[0].file;
  EXPECT_NE(shown.find("commande-caf\\xE9.eml"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(shown_path("Zásilka-č.eml"), "Zásilka-č.eml");  // counter-case: UTF-8 stays as written
}

TEST(ReadMail, SingleEmlFile) {
  TempDir dir;
  write_file(dir.path() / "order.eml", simple_message("order"));
  const Mailbox box = read_mail(dir.path() / "order.eml");
  ASSERT_EQ(box.messages.size(), 1u);
  EXPECT_TRUE(box.errors.empty());
  EXPECT_EQ(box.messages[0].subject, "order");
  EXPECT_EQ(box.messages[0].file, (dir.path() / "order.eml").string());
  EXPECT_EQ(box.messages[0].offset, 0u);
}

TEST(ReadMail, MboxWithGarbageBetweenGoodMessages) {
  TempDir dir;
  const std::string first =
      "From shop@example.com Mon Sep  2 10:00:00 2024\n" + simple_message("first") + "\n";
  const std::string garbage =
      "From MAILER-DAEMON Mon Sep  2 10:05:00 2024\n"
      "\x01\x02\x03 this is not a message at all\n"
      "no header fields here\n"
      "\n";
  const std::string third = "From shop@example.com Mon Sep  2 10:10:00 2024\n" +
                            simple_message("third") +
                            ">From the archive: an escaped line\n"
                            ">>From stays quoted once\n"
                            "\n";
  write_file(dir.path() / "inbox", first + garbage + third);

  const Mailbox box = read_mail(dir.path() / "inbox");
  ASSERT_EQ(box.messages.size(), 2u);
  EXPECT_EQ(box.messages[0].subject, "first");
  EXPECT_EQ(box.messages[0].offset, 0u);
  EXPECT_EQ(box.messages[1].subject, "third");
  EXPECT_EQ(box.messages[1].offset, first.size() + garbage.size());
  EXPECT_EQ(box.messages[1].text_plain,
            "Body of third.\nFrom the archive: an escaped line\n>From stays quoted once\n");
  ASSERT_EQ(box.errors.size(), 1u);
  EXPECT_EQ(box.errors[0].file, (dir.path() / "inbox").string());
  EXPECT_EQ(box.errors[0].offset, first.size());
  EXPECT_FALSE(box.errors[0].reason.empty());
}

TEST(ReadMail, CrlfMboxOffsetsAndUnquoting) {
  TempDir dir;
  const std::string first =
      "From a@example.com Mon Sep  2 10:00:00 2024\r\n"
      "From: a@example.com\r\nSubject: one\r\n\r\n>From here\r\n\r\n";
  const std::string second =
      "From b@example.com Mon Sep  2 10:00:00 2024\r\n"
      "From: b@example.com\r\nSubject: two\r\n\r\nbody\r\n";
  write_file(dir.path() / "crlf.mbox", first + second);
  const Mailbox box = read_mail(dir.path() / "crlf.mbox");
  EXPECT_TRUE(box.errors.empty());
  ASSERT_EQ(box.messages.size(), 2u);
  EXPECT_EQ(box.messages[0].text_plain, "From here\n");
  EXPECT_EQ(box.messages[1].offset, first.size());
  EXPECT_EQ(box.messages[1].subject, "two");
}

TEST(ParseMessage, ConcurrentParsingFromManyThreads) {
  const std::string raw =
      "From: =?iso-8859-2?Q?Kav=E1rna_Doma?= <info@kavarna-doma.cz>\n"
      "Date: Tue, 1 Jul 2003 10:52:37 +0200\n"
      "Content-Type: text/plain; charset=iso-8859-2\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "D=ECkujeme\n";
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&raw, &ok, t] {
      for (int i = 0; i < 200; ++i) {
        auto m = parse_message(raw, "t.eml", 0);
        if (m && m->from.size() == 1 && m->from[0].name == "Kavárna Doma" &&
            m->text_plain == "Děkujeme\n") {
          ++ok[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok, std::vector<int>(4, 200));
}

TEST(ReadMail, Maildir) {
  TempDir dir;
  const fs::path maildir = dir.path() / "Mail";
  write_file(maildir / "cur" / "1725264000.M1P1.host:2,S", simple_message("seen"));
  write_file(maildir / "new" / "1725264100.M2P2.host", simple_message("unseen"));
  write_file(maildir / "tmp" / "1725264200.M3P3.host", simple_message("half-delivered"));
  write_file(maildir / ".Sent" / "cur" / "1725264300.M4P4.host:2,S", simple_message("sent"));
  write_file(maildir / "cur" / ".hidden", simple_message("hidden"));
  write_file(maildir / "dovecot-uidlist", "3 V1725264000 N4\n");
  fs::create_directories(maildir / ".Sent" / "new");

  const Mailbox box = read_mail(maildir);
  EXPECT_TRUE(box.errors.empty()) << box.errors[0].file << ": " << box.errors[0].reason;
  ASSERT_EQ(box.messages.size(), 3u);
  // Sorted by path: ".Sent/cur/..." < "cur/..." < "new/...".
  EXPECT_EQ(box.messages[0].subject, "sent");
  EXPECT_EQ(box.messages[1].subject, "seen");
  EXPECT_EQ(box.messages[2].subject, "unseen");
  EXPECT_EQ(box.messages[2].file, (maildir / "new" / "1725264100.M2P2.host").string());
}

TEST(ReadMail, FolderOfEmlRecursiveSortedSkippingNonMail) {
  TempDir dir;
  write_file(dir.path() / "b.eml", simple_message("b"));
  write_file(dir.path() / "a" / "z.EML", simple_message("a-z"));
  write_file(dir.path() / "a" / "message", simple_message("a-message"));
  write_file(dir.path() / "README.md", "From: the maintainers\n\nNot mail.\n");
  write_file(dir.path() / "notes", "Note: this is a plain text file.\n\nNothing else.\n");
  write_file(dir.path() / "broken.eml", "this file claims to be mail but is not\n");
  write_file(dir.path() / ".git" / "HEAD", simple_message("hidden"));

  const Mailbox box = read_mail(dir.path());
  ASSERT_EQ(box.messages.size(), 3u);
  EXPECT_EQ(box.messages[0].subject, "a-message");
  EXPECT_EQ(box.messages[1].subject, "a-z");
  EXPECT_EQ(box.messages[2].subject, "b");
  ASSERT_EQ(box.errors.size(), 1u);
  EXPECT_EQ(box.errors[0].file, (dir.path() / "broken.eml").string());
}

TEST(ParseMessage, Utf8CheckPastLongAsciiRuns) {
  // Invalid and valid multi-byte sequences after ASCII runs of every length around the 8-byte
  // steps the UTF-8 check takes.
  for (std::size_t run = 0; run < 20; ++run) {
    const std::string ascii(run, 'a');
    const Message bad = parse_ok("From: a@example.com\nContent-Type: text/plain; charset=utf-8\n\n" + ascii +
                                 "\xC3\x28" + ascii + "\n");
    EXPECT_EQ(bad.text_plain, ascii + "\xEF\xBF\xBD(" + ascii + "\n") << run;
    const Message good = parse_ok("From: a@example.com\nContent-Type: text/plain; charset=utf-8\n\n" + ascii +
                                  "\xC3\xA9\xE2\x82\xAC" + ascii + "\xF0\x9F\x98\x80\n");
    EXPECT_EQ(good.text_plain, ascii + "\xC3\xA9\xE2\x82\xAC" + ascii + "\xF0\x9F\x98\x80\n") << run;
  }
}

TEST(ParseMessage, CrlfBecomesLfButALoneCrStays) {
  const Message m = parse_ok("From: a@example.com\r\nContent-Type: text/plain\r\n\r\none\r\ntwo\rthree\r\n");
  EXPECT_EQ(m.text_plain, "one\ntwo\rthree\n");
}

TEST(ReadMail, MessageLongerThanTheSniffedHeadIsReadWhole) {
  TempDir dir;
  std::string body;
  while (body.size() < 40000) body += "line " + std::to_string(body.size()) + " of a long message\n";
  body += "the last line\n";
  write_file(dir.path() / "long.eml", "From: a@example.com\nSubject: long\n\n" + body);
  write_file(dir.path() / "long-maybe", "From: a@example.com\nSubject: maybe\n\n" + body);
  const Mailbox box = read_mail(dir.path());
  ASSERT_EQ(box.messages.size(), 2u);
  EXPECT_EQ(box.messages[0].subject, "maybe");
  EXPECT_EQ(box.messages[0].text_plain, body);
  EXPECT_EQ(box.messages[1].subject, "long");
  EXPECT_EQ(box.messages[1].text_plain, body);
  EXPECT_TRUE(box.errors.empty());
}

TEST(ReadMail, MboxInsideAFolderUnderAnyNameIsSplit) {
  TempDir dir;
  const std::string first = "From a@example.com Mon Sep  2 10:00:00 2024\n" + simple_message("one") + "\n";
  const std::string second = "From b@example.com Mon Sep  2 10:00:00 2024\n" + simple_message("two") + "\n";
  write_file(dir.path() / "archive.eml", first + second);
  write_file(dir.path() / "inbox", first + second);
  const Mailbox box = read_mail(dir.path());
  ASSERT_EQ(box.messages.size(), 4u);
  EXPECT_EQ(box.messages[0].subject, "one");
  EXPECT_EQ(box.messages[1].subject, "two");
  EXPECT_EQ(box.messages[1].offset, first.size());
  EXPECT_EQ(box.messages[1].file, (dir.path() / "archive.eml").string());
  EXPECT_EQ(box.messages[3].file, (dir.path() / "inbox").string());
  EXPECT_TRUE(box.errors.empty());
}

// A sink takes each message as it is parsed: the same messages, in the same order, with the
// same errors, as the reading that keeps them, and none kept.
TEST(ReadMail, ASinkGetsTheMessagesOneByOneInTheOrderOfAKeptReading) {
  TempDir dir;
  std::string mbox;
  for (int i = 0; i < 5; ++i) {
    mbox += "From kunde@example.org Mon Sep  2 10:00:00 2024\nFrom: kunde@example.org\nTo: shop@laden.example\n"
            "Subject: Frage " + std::to_string(i) + "\nDate: Mon, 02 Sep 2024 10:0" + std::to_string(i) +
            ":00 +0200\nMessage-ID: <f" + std::to_string(i) + "@example.org>\n\nHallo.\n\n";
  }
  write_file(dir.path() / "box.mbox", mbox);
  const Mailbox kept = read_mail(dir.path() / "box.mbox");
  std::vector<std::string> handed;
  const Mailbox streamed = read_mail(dir.path() / "box.mbox", [&](Message&& m) { handed.push_back(m.subject); });
  ASSERT_EQ(kept.messages.size(), 5u);
  EXPECT_EQ(kept.read, 5u);
  EXPECT_EQ(streamed.read, 5u);
  EXPECT_TRUE(streamed.messages.empty());
  ASSERT_EQ(handed.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(handed[i], kept.messages[i].subject);
  EXPECT_TRUE(kept.errors.empty());
  EXPECT_TRUE(streamed.errors.empty());
  // A message that cannot be read is an error in both readings alike.
  write_file(dir.path() / "box.mbox", mbox + "From x Mon Sep  2 10:00:00 2024\n\n");
  const Mailbox kept_bad = read_mail(dir.path() / "box.mbox");
  const Mailbox streamed_bad = read_mail(dir.path() / "box.mbox", [](Message&&) {});
  EXPECT_EQ(kept_bad.read, streamed_bad.read);
  ASSERT_EQ(kept_bad.errors.size(), streamed_bad.errors.size());
  for (std::size_t i = 0; i < kept_bad.errors.size(); ++i) EXPECT_EQ(kept_bad.errors[i].reason, streamed_bad.errors[i].reason);
}

}  // namespace
}  // namespace omnicheck::mail

// read_mail on MimeKit's mbox test data: message count, per-message From/To/Subject/Date from
// the *-summary.txt files MimeKit checks itself against, and the byte offset of each From_ line
// from the *.unix-offsets.json files. Plus MimeKit's odd real-world messages (bounces, DSNs,
// read receipts, ISO-2022-JP), which must all be read without crashing.
#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "mail/corpus_support.h"
#include "mail/mail.h"
#include "support/test_support.h"

namespace omnicheck::mail {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using omnicheck::testing::read_file;
using omnicheck::testing::shared_dir;
using testing::describe;
using testing::same_addresses;

fs::path mimekit_data() { return shared_dir() / "corpus" / "mimekit" / "UnitTests" / "TestData"; }
fs::path mbox_path(const std::string& base) {
  return mimekit_data() / "mbox" / (base + ".mbox.txt");
}

// One block of a MimeKit summary: the From_ line, then From/To/Subject/Date as MimeKit printed
// them (addresses re-encoded, subject decoded), then the MIME tree (ignored here).
struct SummaryEntry {
  std::string marker;
  std::string from, to, subject, date;
};

std::vector<SummaryEntry> read_summary(const std::string& base) {
  std::vector<SummaryEntry> entries;
  std::istringstream in(read_file(mimekit_data() / "mbox" / (base + "-summary.txt")));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("From ", 0) == 0) {
      entries.push_back({line, "", "", "", ""});
    } else if (entries.empty()) {
      continue;
    } else if (line.rfind("From: ", 0) == 0) {
      entries.back().from = line.substr(6);
    } else if (line.rfind("To: ", 0) == 0) {
      entries.back().to = line.substr(4);
    } else if (line.rfind("Subject: ", 0) == 0) {
      entries.back().subject = line.substr(9);
    } else if (line.rfind("Date: ", 0) == 0) {
      entries.back().date = line.substr(6);
    }
  }
  return entries;
}

std::vector<std::uint64_t> expected_offsets(const std::string& base) {
  std::vector<std::uint64_t> offsets;
  for (const auto& entry :
       json::parse(read_file(mimekit_data() / "mbox" / (base + ".unix-offsets.json")))) {
    offsets.push_back(entry["mboxMarkerOffset"].get<std::uint64_t>());
  }
  return offsets;
}

// MimeKit prints addresses in their encoded form; reading them back through parse_message puts
// both sides in the same shape (the stalwart tests check address decoding on its own).
Message summary_as_message(const SummaryEntry& e) {
  std::string raw = "X-Summary: 1\n";
  if (!e.from.empty()) raw += "From: " + e.from + "\n";
  if (!e.to.empty()) raw += "To: " + e.to + "\n";
  raw += "Date: " + e.date + "\n\n";
  auto message = parse_message(raw, "summary", 0);
  if (!message) throw std::runtime_error("summary entry not parsed: " + raw);
  return *message;
}

// The From_ offsets GMime's own mbox parser reports: an independent splitter to check ours
// against. Stops at the first message GMime cannot construct.
std::vector<std::uint64_t> gmime_mbox_offsets(const fs::path& path) {
  std::vector<std::uint64_t> offsets;
  const std::string content = read_file(path);
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(content.data(), content.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
  while (!g_mime_parser_eos(parser)) {
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    if (message == nullptr) break;
    offsets.push_back(static_cast<std::uint64_t>(g_mime_parser_get_mbox_marker_offset(parser)));
    g_object_unref(message);
  }
  g_object_unref(parser);
  g_object_unref(stream);
  return offsets;
}

std::vector<std::uint64_t> offsets_of(const Mailbox& box) {
  std::vector<std::uint64_t> offsets;
  for (const auto& m : box.messages) offsets.push_back(m.offset);
  return offsets;
}

void expect_matches_summary(const std::string& base) {
  SCOPED_TRACE(base);
  const Mailbox box = read_mail(mbox_path(base));
  const auto summary = read_summary(base);
  const auto offsets = expected_offsets(base);

  for (const auto& e : box.errors) ADD_FAILURE() << e.file << " @" << e.offset << ": " << e.reason;
  ASSERT_EQ(summary.size(), offsets.size());
  ASSERT_EQ(box.messages.size(), summary.size());
  EXPECT_EQ(offsets_of(box), offsets);

  for (std::size_t i = 0; i < summary.size(); ++i) {
    SCOPED_TRACE("message #" + std::to_string(i) + " " + summary[i].marker);
    const Message& actual = box.messages[i];
    const Message expected = summary_as_message(summary[i]);
    EXPECT_TRUE(same_addresses(expected.from, actual.from))
        << describe(expected.from) << " vs " << describe(actual.from);
    EXPECT_TRUE(same_addresses(expected.to, actual.to))
        << describe(expected.to) << " vs " << describe(actual.to);
    EXPECT_EQ(actual.subject, summary[i].subject);
    ASSERT_TRUE(expected.date_utc.has_value()) << summary[i].date;
    EXPECT_EQ(actual.date_utc, expected.date_utc);
    EXPECT_EQ(actual.tz_offset_minutes, expected.tz_offset_minutes);
    EXPECT_EQ(actual.file, mbox_path(base).string());
  }
}

TEST(MimekitMbox, ContentLengthMboxMatchesSummaryAndOffsets) {
  expect_matches_summary("content-length");
  // Our splitter and GMime's agree where GMime's works.
  EXPECT_EQ(offsets_of(read_mail(mbox_path("content-length"))),
            gmime_mbox_offsets(mbox_path("content-length")));
}

// MimeKit issue 1189: an attachment part whose base64 starts right after its headers, without
// the blank line. GMime 3.2.13's own mbox parser stops after message 2 on this file (it returns
// no message and never reaches the end), which is why the mail stage splits mboxes itself.
TEST(MimekitMbox, Issue1189MissingBlankLineAfterPartHeaders) {
  expect_matches_summary("issue1189");
  const Mailbox box = read_mail(mbox_path("issue1189"));
  ASSERT_EQ(box.messages.size(), 4u);
  EXPECT_EQ(box.messages[1].text_plain, "Body of message 2.\n");
  EXPECT_EQ(box.messages[3].text_plain, "Body of message 4.\n");
}

TEST(MimekitMbox, SimpleMboxNestedMultiparts) {
  const Mailbox box = read_mail(mbox_path("simple"));
  EXPECT_TRUE(box.errors.empty());
  ASSERT_EQ(box.messages.size(), 3u);
  EXPECT_EQ(offsets_of(box), gmime_mbox_offsets(mbox_path("simple")));
  EXPECT_EQ(offsets_of(box), (std::vector<std::uint64_t>{0, 526, 1029}));
  EXPECT_EQ(box.messages[0].subject, "this'll probably break a lot of mime parsers");
  EXPECT_EQ(box.messages[2].subject, "if a mime parser can correctly handle this, I'm impressed");
  for (const auto& m : box.messages) {
    ASSERT_EQ(m.from.size(), 1u);
    EXPECT_EQ(m.from[0].address, "fejj@gnome.org");
    // The one text/plain leaf, three multiparts deep.
    EXPECT_EQ(m.text_plain.rfind("Hello world.\n", 0), 0u) << m.text_plain;
  }
}

// An mbox whose writer did not escape "From " in bodies, opening with a UTF-8 byte order mark.
// Like MimeKit (which expects 4 messages here) the splitter cuts at every "From " line. The
// first "From Russia with love" half has no header field and is reported with its offset; the
// second one starts with "Year: 1963", a syntactically valid header field, so it reads as a
// (headers-only) message, exactly as it does for MimeKit.
TEST(MimekitMbox, UnmungedFromLinesAndByteOrderMark) {
  const Mailbox box = read_mail(mbox_path("unmunged"));
  ASSERT_EQ(box.messages.size(), 3u);
  EXPECT_EQ(offsets_of(box), (std::vector<std::uint64_t>{3, 245, 435}));  // 3: after the BOM
  EXPECT_EQ(box.messages[0].subject, "This is a test message with an unmunged From line");
  EXPECT_EQ(box.messages[1].subject, "Another test message with an unmunged From line");
  EXPECT_EQ(box.messages[0].text_plain, "This is my favourite James Bond movie:\n");
  EXPECT_EQ(box.messages[2].header("Year"), "1963");
  EXPECT_TRUE(box.messages[2].from.empty());
  ASSERT_EQ(box.errors.size(), 1u);
  EXPECT_EQ(box.errors[0].offset, 195u);
  EXPECT_EQ(box.errors[0].file, mbox_path("unmunged").string());
  // GMime's parser, which does not skip the BOM, finds the same From_ lines after it.
  EXPECT_EQ(gmime_mbox_offsets(mbox_path("unmunged")), (std::vector<std::uint64_t>{195, 245, 435}));
}

TEST(MimekitMessages, EveryMessageReadWithoutCrashing) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(mimekit_data() / "messages")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 32u);
  int messages = 0;
  for (const auto& file : files) {
    const Mailbox box = read_mail(file);
    messages += static_cast<int>(box.messages.size());
    for (const auto& e : box.errors) {
      std::cout << "[mimekit messages] not read: " << e.file << ": " << e.reason << "\n";
    }
  }
  std::cout << "[mimekit messages] " << messages << " of " << files.size() << " read\n";
  EXPECT_EQ(messages, 32);
}

TEST(MimekitMessages, JapaneseIso2022JpSubjectAndBody) {
  const Mailbox box = read_mail(mimekit_data() / "messages" / "japanese.txt");
  ASSERT_EQ(box.messages.size(), 1u);
  // Expected values from MimeKit's own TestJapaneseMessage.
  EXPECT_EQ(box.messages[0].subject, "日本語メールテスト (testing Japanese emails)");
  EXPECT_EQ(box.messages[0].text_plain,
            "Let's see if both subject and body works "
            "fine...\n\n日本語が\n正常に\n送れているか\nテスト.\n");
}

}  // namespace
}  // namespace omnicheck::mail

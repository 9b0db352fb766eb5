// omnicheck mail stage: reads sample e-mails (.eml files, a folder of them, mbox, Maildir)
// through GMime into Messages with decoded headers and body text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace omnicheck::mail {

struct Address {
  std::string name;     // display name, RFC 2047-decoded, UTF-8
  std::string address;  // addr-spec as written (local@domain), no angle brackets
};

struct Message {
  std::string file;          // path of the file the message came from
  std::uint64_t offset = 0;  // byte offset of the message in `file` (mbox), 0 otherwise
  std::string message_id;    // without angle brackets
  std::vector<std::string> in_reply_to;  // ids without angle brackets
  std::vector<std::string> references;
  std::string subject;       // decoded, UTF-8
  std::vector<Address> from, reply_to, sender, to, cc;
  // Every header in order: name as written, value unfolded but not decoded (the evidence).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string date_raw;                 // Date header as written
  std::optional<std::int64_t> date_utc;  // seconds since the epoch, UTC, as written; unset when unreadable
  std::vector<std::string> defects;      // malformed input read around ("NUL byte(s) in the header block …")
  bool read_in_part = false;             // the body was not wholly read (a MIME budget): see defects
  bool date_implausible = false;         // written before 1990 or from 2100 on: see believed_date()
  int tz_offset_minutes = 0;             // zone of the Date header (+0200 -> 120)
  std::string text_plain;  // decoded text/plain parts (UTF-8), joined
  std::string text_html;   // decoded text/html parts (UTF-8), joined; used when no plain text

  // First header value by case-insensitive name; empty when absent.
  std::string header(std::string_view name) const;
};

// The Date to measure with. No e-mail of a trader's customer service was sent before 1990 or
// after 2099: such a Date is a forged or broken header, and a reply time measured against it
// (a year 9999) means nothing, so it is read and shown but not believed.
inline std::optional<std::int64_t> believed_date(const Message& m) {
  return m.date_implausible ? std::nullopt : m.date_utc;
}

// The most of one message that is read: mail servers refuse messages over 25 MB (attachments
// included), and what a consumer-service mail says stands far before that. A larger message is
// read up to here, and says so (defects, read_in_part).
inline constexpr std::size_t kMaxMessageBytes = std::size_t{25} << 20;

struct ReadError {
  std::string file;
  std::uint64_t offset = 0;
  std::string reason;
};

// Where read messages go: kept in `messages`, or handed one by one to `sink` when it is set.
using MessageSink = std::function<void(Message&&)>;

struct Mailbox {
  std::vector<Message> messages;  // empty when a sink took them
  std::vector<ReadError> errors;  // one bad message never stops the run
  std::size_t read = 0;           // messages read, kept or handed on
  MessageSink sink;

  // A message as read: its file name made printable (shown_path), its defects added to the
  // errors (a message read around a defect is still judged), then kept or handed on.
  void add(Message&& m);
};

// Reads a single .eml file, a folder of .eml files (recursively, sorted by path), an mbox file
// or a Maildir (cur/ and new/). Throws std::runtime_error naming the path when the path itself
// cannot be read; per-message problems go to Mailbox::errors.
Mailbox read_mail(const std::filesystem::path& path);

// The same, handing each message to `sink` as soon as it is parsed instead of keeping it, so
// memory holds one message however large the mailbox (an mbox is split as it is read). The
// result has the errors and the count, no messages. Messages come in the same order on every
// read of an unchanged mailbox.
Mailbox read_mail(const std::filesystem::path& path, MessageSink sink);

// A file name as reports show it: valid UTF-8 as it is, each byte that is not as \xHH
// (a name that is not UTF-8 is escaped, never replaced by U+FFFD, so it names the real file).
std::string shown_path(std::string_view raw);

// A header line as evidence shows it ("Subject: =?UTF-8?Q?Bestellbest=C3=A4tigung?="), with its
// encoded-words decoded for a reader ("Subject: Bestellbestätigung"); the same text when it holds
// none. The raw line stays the evidence; this is its reading.
std::string decode_header_line(std::string_view line);

// Parses one message from memory (used by read_mail and by tests).
std::optional<Message> parse_message(std::string_view raw, const std::string& file,
                                     std::uint64_t offset, std::string* error = nullptr);

}  // namespace omnicheck::mail

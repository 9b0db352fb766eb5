// Splitting an mbox stream into raw messages (private to the mail stage).
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "mail/mail.h"

namespace omnicheck::mail {

struct MboxEntry {
  std::uint64_t offset = 0;   // byte offset of the message's "From " line in the file
  bool has_from_line = true;  // false only for text before the first "From " line
  std::string raw;            // the message without its From_ line, ">From " unquoted
  bool cut = false;           // longer than kMaxMessageBytes: raw holds its first part only
};

// Reads an mbox one message at a time, so memory stays at one message however big the file.
//
// Like GMime's and MimeKit's mbox parsers, every line that starts with "From " opens a new
// message (mboxo/mboxrd writers escape such lines in bodies as ">From "). Content-Length headers
// are not trusted: they are often stale after a mailbox was edited. A UTF-8 byte order mark at
// the start of the file is skipped (offsets still count it). Lines matching /^>+From / lose one
// '>' (mboxrd unquoting). The blank line that separates messages is not part of the message.
class MboxSplitter {
 public:
  explicit MboxSplitter(std::istream& in) : in_(in) {}

  // Fills `entry` with the next message; false at the end of the stream.
  bool next(MboxEntry& entry);

  // True when reading stopped on an I/O error rather than at the end of the file.
  bool failed() const { return in_.bad(); }

 private:
  bool read_line();  // into line_, with line_offset_ and line_has_newline_

  std::istream& in_;
  std::uint64_t position_ = 0;  // offset of the next unread byte
  std::string line_;
  std::uint64_t line_offset_ = 0;
  bool line_has_newline_ = false;
  bool line_pending_ = false;  // line_ holds a From_ line not yet consumed
  bool started_ = false;
};

}  // namespace omnicheck::mail

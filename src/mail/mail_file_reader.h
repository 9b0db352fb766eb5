// Reading one file of mail: a single message or a whole mbox (private to the mail stage).
#pragma once

#include <filesystem>
#include <istream>
#include <string>

#include "mail/mail.h"

namespace omnicheck::mail {

// Splits an mbox file into messages; a message that cannot be parsed becomes a ReadError with
// the offset of its From_ line. Throws std::runtime_error naming the path when the file cannot
// be opened.
void read_mbox_file(const std::filesystem::path& path, Mailbox& box);

// The same from an open stream positioned at the start of the mbox; `file` names it in
// messages and errors.
void read_mbox_stream(std::istream& in, const std::string& file, Mailbox& box);

// Reads the file as one message. Throws std::runtime_error naming the path when the file cannot
// be read; a file that is not a message becomes a ReadError.
void read_message_file(const std::filesystem::path& path, Mailbox& box);

// Sniffs the file: mbox when it starts with a From_ line, otherwise one message. The file is
// opened and read once.
void read_mail_file(const std::filesystem::path& path, Mailbox& box);

// Like read_mail_file, but a file whose first bytes are neither an mbox nor a header block is
// skipped without an error.
void read_mail_file_if_mail(const std::filesystem::path& path, Mailbox& box);

// Notes on a message read only up to kMaxMessageBytes that the rest was not read.
void mark_cut(Message& m);

}  // namespace omnicheck::mail

// Reading one file of mail: a single message or a whole mbox (private to the mail stage).
#pragma once

#include <filesystem>

#include "mail/mail.h"

namespace omnicheck::mail {

// Splits an mbox file into messages; a message that cannot be parsed becomes a ReadError with
// the offset of its From_ line. Throws std::runtime_error naming the path when the file cannot
// be opened.
void read_mbox_file(const std::filesystem::path& path, Mailbox& box);

// Reads the file as one message. Throws std::runtime_error naming the path when the file cannot
// be read; a file that is not a message becomes a ReadError.
void read_message_file(const std::filesystem::path& path, Mailbox& box);

// Sniffs the file: mbox when it starts with a From_ line, otherwise one message.
void read_mail_file(const std::filesystem::path& path, Mailbox& box);

}  // namespace omnicheck::mail

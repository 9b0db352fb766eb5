// Telling mail files from other files by their first bytes (private to the mail stage).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace omnicheck::mail {

enum class FileKind {
  mbox,      // starts with an mbox "From " line
  message,   // starts with an RFC 5322 header block
  not_mail,  // anything else
};

// How many leading bytes sniff_file_kind() looks at.
inline constexpr std::size_t kSniffBytes = 8192;

// Classifies by content. A header block counts as mail only when every line up to the blank
// line (or the end of `head`) is a header field or a fold, and one of them is a field every
// real message carries (From, Date, Received, Message-ID, ...): a text file that merely starts
// with "Note: ..." is not mail.
FileKind sniff_file_kind(std::string_view head);

}  // namespace omnicheck::mail

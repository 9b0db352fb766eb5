// Reading a folder of mail: .eml files, Maildirs, mboxes, recursively (private to the mail
// stage).
#pragma once

#include <filesystem>

#include "mail/mail.h"

namespace omnicheck::mail {

// True when `dir` has a cur/ or new/ subfolder.
bool is_maildir(const std::filesystem::path& dir);

// Reads every mail file under `root`, in path order:
// - in a Maildir's cur/ and new/, every file not starting with '.' (tmp/ holds unfinished
//   deliveries and is skipped); Maildir++ subfolders (".Sent", ".My Folder") are read too;
// - elsewhere, *.eml files, and files with no extension or *.mbox whose content sniffs as a
//   message or an mbox; everything else (README.md, images, hidden files and folders) is
//   skipped.
// Throws std::runtime_error naming `root` when it cannot be listed; a file or subfolder that
// cannot be read becomes a ReadError.
void read_mail_folder(const std::filesystem::path& root, Mailbox& box);

}  // namespace omnicheck::mail

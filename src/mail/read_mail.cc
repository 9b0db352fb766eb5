// read_mail: the mail stage's entry point, choosing a reader by what the path is.
#include <stdexcept>
#include <system_error>

#include "mail/gmime_init.h"
#include "mail/mail.h"
#include "mail/mail_file_reader.h"
#include "mail/mail_folder_reader.h"

namespace omnicheck::mail {

Mailbox read_mail(const std::filesystem::path& path) {
  ensure_gmime_initialized();
  const std::string where = "cannot read mail from '" + path.string() + "': ";
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    throw std::runtime_error(where + (ec ? ec.message() : "no such file or folder"));
  }

  Mailbox box;
  if (std::filesystem::is_directory(status)) {
    read_mail_folder(path, box);  // throws with the path when the folder cannot be listed
  } else if (std::filesystem::is_regular_file(status)) {
    try {
      read_mail_file(path, box);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(where + e.what());
    }
  } else {
    throw std::runtime_error(where + "not a regular file or folder");
  }
  return box;
}

}  // namespace omnicheck::mail

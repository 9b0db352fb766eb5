#include "mail/mail_file_reader.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "mail/mail_sniffer.h"

namespace omnicheck::mail {

void read_message_file(const std::filesystem::path& path, Mailbox& box) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open message '" + path.string() + "'");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read message '" + path.string() + "'");

  const std::string file = path.string();
  std::string reason;
  if (auto message = parse_message(content.str(), file, 0, &reason)) {
    box.messages.push_back(std::move(*message));
  } else {
    box.errors.push_back({file, 0, reason});
  }
}

void read_mail_file(const std::filesystem::path& path, Mailbox& box) {
  if (sniff_file_kind(read_file_head(path)) == FileKind::mbox) {
    read_mbox_file(path, box);
  } else {
    read_message_file(path, box);
  }
}

}  // namespace omnicheck::mail

// read_mbox_file: an mbox into Messages, one bad message never stopping the rest.
#include <fstream>
#include <stdexcept>

#include "mail/mail_file_reader.h"
#include "mail/mbox_splitter.h"

namespace omnicheck::mail {

void read_mbox_file(const std::filesystem::path& path, Mailbox& box) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open mbox '" + path.string() + "'");
  read_mbox_stream(in, path.string(), box);
}

void mark_cut(Message& m) {
  m.defects.push_back("message larger than " + std::to_string(kMaxMessageBytes >> 20) +
                      " MiB: only its first " + std::to_string(kMaxMessageBytes >> 20) + " MiB were read");
  m.read_in_part = true;
}

void read_mbox_stream(std::istream& in, const std::string& file, Mailbox& box) {
  MboxSplitter splitter(in);
  MboxEntry entry;
  while (splitter.next(entry)) {
    if (!entry.has_from_line) {
      if (entry.raw.find_first_not_of(" \t\r\n") != std::string::npos) {
        box.errors.push_back({file, entry.offset, "text before the first mbox From_ line"});
      }
      continue;
    }
    std::string reason;
    if (auto message = parse_message(entry.raw, file, entry.offset, &reason)) {
      if (entry.cut) mark_cut(*message);
      box.add(std::move(*message));
    } else {
      box.errors.push_back({file, entry.offset, reason});
    }
  }
  if (splitter.failed()) {
    box.errors.push_back({file, 0, "read error: the rest of the mbox was not read"});
  }
}

}  // namespace omnicheck::mail

// read_mail: the mail stage's entry point, choosing a reader by what the path is.
#include <glib.h>

#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "mail/gmime_init.h"
#include "mail/mail.h"
#include "mail/mail_file_reader.h"
#include "mail/mail_folder_reader.h"

namespace omnicheck::mail {

std::string shown_path(std::string_view raw) {
  std::string out;
  const char* p = raw.data();
  const char* end = raw.data() + raw.size();
  while (p < end) {
    const gchar* bad = nullptr;
    g_utf8_validate_len(p, static_cast<gsize>(end - p), &bad);
    out.append(p, bad);
    if (bad >= end) break;
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(*bad));
    out += hex;
    p = bad + 1;
  }
  return out;
}

namespace {

Mailbox read_mail_raw_names(const std::filesystem::path& path, MessageSink sink) {
  ensure_gmime_initialized();
  const std::string where = "cannot read mail from '" + shown_path(path.string()) + "': ";
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    throw std::runtime_error(where + (ec ? ec.message() : "no such file or folder"));
  }

  Mailbox box;
  box.sink = std::move(sink);
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

}  // namespace

void Mailbox::add(Message&& m) {
  // Paths are bytes; the report is UTF-8. A name that is not UTF-8 is shown escaped rather than
  // with U+FFFD, which would name a file that does not exist.
  m.file = shown_path(m.file);
  for (const auto& d : m.defects) errors.push_back({m.file, m.offset, d});
  ++read;
  if (sink) {
    sink(std::move(m));
  } else {
    messages.push_back(std::move(m));
  }
}

Mailbox read_mail(const std::filesystem::path& path, MessageSink sink) {
  Mailbox box = read_mail_raw_names(path, std::move(sink));
  for (auto& e : box.errors) e.file = shown_path(e.file);
  box.sink = nullptr;
  return box;
}

Mailbox read_mail(const std::filesystem::path& path) { return read_mail(path, nullptr); }

}  // namespace omnicheck::mail

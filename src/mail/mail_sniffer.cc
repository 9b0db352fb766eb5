#include "mail/mail_sniffer.h"

#include <strings.h>

#include <array>
#include <fstream>
#include <stdexcept>

namespace omnicheck::mail {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Fields whose presence makes a header block a mail message rather than any "key: value" file.
constexpr std::array<std::string_view, 10> kMailFields = {
    "from",         "date",   "received",     "message-id", "return-path",
    "delivered-to", "sender", "mime-version", "subject",    "to"};

bool is_field_name_char(unsigned char c) { return c > 32 && c < 127 && c != ':'; }

// Length of the field name when `line` is "name:value", otherwise 0.
std::size_t field_name_length(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_field_name_char(static_cast<unsigned char>(line[i]))) ++i;
  // GMime (like most readers) tolerates white space between the name and the colon.
  std::size_t colon = i;
  while (colon < line.size() && (line[colon] == ' ' || line[colon] == '\t')) ++colon;
  return i > 0 && colon < line.size() && line[colon] == ':' ? i : 0;
}

bool is_mail_field(std::string_view name) {
  for (std::string_view field : kMailFields) {
    if (name.size() == field.size() && strncasecmp(name.data(), field.data(), name.size()) == 0) {
      return true;
    }
  }
  return false;
}

bool looks_like_header_block(std::string_view head) {
  bool saw_mail_field = false;
  std::size_t pos = 0;
  bool first = true;
  while (pos < head.size()) {
    auto end = head.find('\n', pos);
    if (end == std::string_view::npos) break;  // a partial last line proves nothing
    std::string_view line = head.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) break;  // end of the header block
    if (line[0] == ' ' || line[0] == '\t') {
      if (first) return false;  // a fold cannot open a message
      continue;
    }
    const std::size_t name_length = field_name_length(line);
    if (name_length == 0) return false;
    saw_mail_field = saw_mail_field || is_mail_field(line.substr(0, name_length));
    first = false;
  }
  return saw_mail_field;
}

}  // namespace

FileKind sniff_file_kind(std::string_view head) {
  if (head.substr(0, kUtf8Bom.size()) == kUtf8Bom) head.remove_prefix(kUtf8Bom.size());
  if (head.substr(0, 5) == "From ") return FileKind::mbox;
  return looks_like_header_block(head) ? FileKind::message : FileKind::not_mail;
}

}  // namespace omnicheck::mail

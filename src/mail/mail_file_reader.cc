#include "mail/mail_file_reader.h"

#include <fstream>
#include <stdexcept>

#include "mail/mail_sniffer.h"

namespace omnicheck::mail {
namespace {

// Appends the rest of `in` to `content`, up to kMaxMessageBytes in all (`cut` says whether more
// was left); false on a read error.
bool read_rest(std::istream& in, std::string& content, bool& cut) {
  constexpr std::size_t kChunk = 64 * 1024;
  cut = false;
  while (in) {
    if (content.size() >= kMaxMessageBytes) {
      cut = content.size() > kMaxMessageBytes || in.peek() != std::char_traits<char>::eof();
      content.resize(kMaxMessageBytes);
      break;
    }
    const std::size_t size = content.size();
    content.resize(size + kChunk);
    in.read(content.data() + size, static_cast<std::streamsize>(kChunk));
    content.resize(size + static_cast<std::size_t>(in.gcount()));
  }
  return !in.bad();
}

void parse_into(const std::string& content, const std::string& file, Mailbox& box, bool cut) {
  std::string reason;
  if (auto message = parse_message(content, file, 0, &reason)) {
    if (cut) mark_cut(*message);
    box.add(std::move(*message));
  } else {
    box.errors.push_back({file, 0, reason});
  }
}

// Opens the file once: its first bytes tell an mbox from a message, and a message is then read
// on from where the sniffing stopped.
void read_sniffed(const std::filesystem::path& path, Mailbox& box, bool skip_not_mail) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open '" + path.string() + "'");
  std::string content(kSniffBytes, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (in.bad()) throw std::runtime_error("cannot read '" + path.string() + "'");
  content.resize(static_cast<std::size_t>(in.gcount()));

  const FileKind kind = sniff_file_kind(content);
  if (kind == FileKind::mbox) {
    in.clear();
    in.seekg(0);
    if (!in) throw std::runtime_error("cannot read mbox '" + path.string() + "'");
    read_mbox_stream(in, path.string(), box);
    return;
  }
  if (kind == FileKind::not_mail && skip_not_mail) return;
  bool cut = false;
  if (!read_rest(in, content, cut)) throw std::runtime_error("cannot read message '" + path.string() + "'");
  parse_into(content, path.string(), box, cut);
}

}  // namespace

void read_message_file(const std::filesystem::path& path, Mailbox& box) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open message '" + path.string() + "'");
  std::string content;
  bool cut = false;
  if (!read_rest(in, content, cut)) throw std::runtime_error("cannot read message '" + path.string() + "'");
  parse_into(content, path.string(), box, cut);
}

void read_mail_file(const std::filesystem::path& path, Mailbox& box) { read_sniffed(path, box, false); }

void read_mail_file_if_mail(const std::filesystem::path& path, Mailbox& box) { read_sniffed(path, box, true); }

}  // namespace omnicheck::mail

// parse_message: one RFC 5322 message from memory into a Message.
#include <gmime/gmime.h>
#include <strings.h>

#include <algorithm>
#include <string>
#include <vector>

#include "mail/address_decoding.h"
#include "mail/body_text.h"
#include "mail/charset_conversion.h"
#include "mail/date_decoding.h"
#include "mail/gobject_ptr.h"
#include "mail/header_text.h"
#include "mail/mail.h"
#include "mail/parser_options.h"

namespace omnicheck::mail {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One header as GMime read it: the name as written and the raw value (folded, undecoded).
struct RawHeader {
  std::string name;
  std::string value;
  gint64 offset = 0;  // where it starts in the message
};

void append_headers(GMimeObject* object, std::vector<RawHeader>& out) {
  GMimeHeaderList* list = g_mime_object_get_header_list(object);
  const int count = list != nullptr ? g_mime_header_list_get_count(list) : 0;
  for (int i = 0; i < count; ++i) {
    GMimeHeader* header = g_mime_header_list_get_header_at(list, i);
    const char* name = g_mime_header_get_raw_name(header);
    const char* value = g_mime_header_get_raw_value(header);
    out.push_back({name != nullptr ? name : "", value != nullptr ? value : "",
                   g_mime_header_get_offset(header)});
  }
}

// Every top-level header in the order it was written. GMime 3 files the Content-* headers
// under the message's MIME part and the rest under the message; their stream offsets put the
// two lists back together.
std::vector<RawHeader> raw_headers(GMimeMessage* message) {
  std::vector<RawHeader> out;
  append_headers(GMIME_OBJECT(message), out);
  if (GMimeObject* part = g_mime_message_get_mime_part(message)) append_headers(part, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const RawHeader& a, const RawHeader& b) { return a.offset < b.offset; });
  return out;
}

// The first header of that name: the same one Message::header() reports as evidence, so a
// duplicated Subject or From never makes the decoded field and the evidence disagree.
const RawHeader* first_header(const std::vector<RawHeader>& headers, const char* name) {
  for (const auto& header : headers) {
    if (strcasecmp(header.name.c_str(), name) == 0) return &header;
  }
  return nullptr;
}

std::vector<Address> addresses(GMimeParserOptions* options, const std::vector<RawHeader>& headers,
                               const char* name) {
  const RawHeader* header = first_header(headers, name);
  // Unfolded first: a fold inside a quoted display name must not survive into the name.
  return header != nullptr ? decode_address_list(options, unfold_header_value(header->value))
                           : std::vector<Address>();
}

void fill_from_headers(GMimeParserOptions* options, const std::vector<RawHeader>& headers,
                       Message& out) {
  for (const auto& header : headers) {
    keep_encoded_word_charsets_loaded(header.value);
    out.headers.emplace_back(raw_header_text(options, header.name),
                             raw_header_text(options, unfold_header_value(header.value)));
  }
  out.from = addresses(options, headers, "From");
  out.reply_to = addresses(options, headers, "Reply-To");
  out.sender = addresses(options, headers, "Sender");
  out.to = addresses(options, headers, "To");
  out.cc = addresses(options, headers, "Cc");

  if (const RawHeader* h = first_header(headers, "Subject")) {
    out.subject = decode_unstructured(options, h->value);
  }
  if (const RawHeader* h = first_header(headers, "Message-ID")) {
    out.message_id = decode_message_id(unfold_header_value(h->value));
  }
  if (const RawHeader* h = first_header(headers, "In-Reply-To")) {
    out.in_reply_to = decode_message_id_list(options, unfold_header_value(h->value));
  }
  if (const RawHeader* h = first_header(headers, "References")) {
    out.references = decode_message_id_list(options, unfold_header_value(h->value));
  }
  if (const RawHeader* h = first_header(headers, "Date")) {
    out.date_raw = raw_header_text(options, unfold_header_value(h->value));
    if (auto date = decode_date(unfold_header_value(h->value))) {
      out.date_utc = date->utc_seconds;
      out.tz_offset_minutes = date->tz_offset_minutes;
      constexpr std::int64_t kFirst = 631152000;  // 1990-01-01T00:00:00Z
      constexpr std::int64_t kLast = 4102444800;  // 2100-01-01T00:00:00Z
      out.date_implausible = date->utc_seconds < kFirst || date->utc_seconds >= kLast;
    } else if (auto year = written_year(unfold_header_value(h->value)); year && (*year < 1990 || *year > 2099)) {
      out.date_implausible = true;
    }
  }
}

void fail(std::string* error, std::string reason) {
  if (error != nullptr) *error = std::move(reason);
}

}  // namespace

std::optional<Message> parse_message(std::string_view raw, const std::string& file,
                                     std::uint64_t offset, std::string* error) {
  if (raw.substr(0, kUtf8Bom.size()) == kUtf8Bom) raw.remove_prefix(kUtf8Bom.size());
  if (raw.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    fail(error, "empty message");
    return std::nullopt;
  }

  // GMime hands header values over as C strings: a NUL byte in the header block would cut a
  // header there ("Bout\0ique <noreply@…>" read as "Bout", the no-reply sender lost). RFC 5322
  // allows none; they are removed, and the message says so.
  std::string without_nuls;
  std::vector<std::string> defects;
  {
    std::size_t header_end = raw.find("\n\n");
    std::size_t crlf_end = raw.find("\r\n\r\n");
    if (crlf_end != std::string_view::npos && (header_end == std::string_view::npos || crlf_end < header_end)) header_end = crlf_end;
    if (header_end == std::string_view::npos) header_end = raw.size();
    const std::size_t nuls = static_cast<std::size_t>(std::count(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(header_end), '\0'));
    if (nuls > 0) {
      without_nuls.reserve(raw.size());
      for (std::size_t i = 0; i < raw.size(); ++i) {
        if (i >= header_end || raw[i] != '\0') without_nuls += raw[i];
      }
      raw = without_nuls;
      defects.push_back(std::to_string(nuls) + " NUL byte(s) in the header block, removed before reading it");
    }
  }

  ParserOptionsPtr options = make_parser_options();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (!message) {
    fail(error, "not an RFC 5322 message: GMime found no header block");
    return std::nullopt;
  }

  const std::vector<RawHeader> headers = raw_headers(message.get());
  // GMime accepts anything, so this is where garbage is told apart from mail: a message must
  // open with at least one header field.
  if (headers.empty()) {
    fail(error, "no header fields: not an RFC 5322 message");
    return std::nullopt;
  }

  Message out;
  out.file = file;
  out.offset = offset;
  out.defects = std::move(defects);
  fill_from_headers(options.get(), headers, out);
  BodyText body = collect_body_text(message.get());
  out.text_plain = std::move(body.plain);
  out.text_html = std::move(body.html);
  for (auto& cut : body.cut) out.defects.push_back(std::move(cut));
  out.read_in_part = !body.cut.empty();
  return out;
}

}  // namespace omnicheck::mail

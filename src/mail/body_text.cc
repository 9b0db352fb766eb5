#include "mail/body_text.h"

#include <string_view>

#include "mail/charset_conversion.h"
#include "mail/gobject_ptr.h"

namespace omnicheck::mail {
namespace {

// The part's content with its Content-Transfer-Encoding (base64, quoted-printable, uuencode)
// undone, still in the part's own charset.
std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GObjectPtr<GMimeStream> sink(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, sink.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink.get()));
  if (bytes == nullptr || bytes->len == 0) return {};
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// CRLF to LF, in place; a lone CR stays.
std::string without_carriage_returns(std::string text) {
  std::size_t out = text.find('\r');
  if (out == std::string::npos) return text;
  for (std::size_t i = out; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    text[out++] = text[i];
  }
  text.resize(out);
  return text;
}

void append_part(std::string& joined, std::string text) {
  if (text.empty()) return;
  if (!joined.empty() && joined.back() != '\n') joined += '\n';
  joined += text;
}

void visit_part(GMimeObject* /*parent*/, GMimeObject* object, gpointer user_data) {
  // Multiparts are containers (the walk descends into them for us) and message/rfc822 parts
  // are deliberately not descended into.
  if (!GMIME_IS_PART(object)) return;
  auto* part = GMIME_PART(object);
  if (g_mime_part_is_attachment(part)) return;

  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return;
  const bool plain = g_mime_content_type_is_type(type, "text", "plain");
  const bool html = g_mime_content_type_is_type(type, "text", "html");
  if (!plain && !html) return;

  const char* charset = g_mime_content_type_get_parameter(type, "charset");
  std::string text = without_carriage_returns(
      convert_to_utf8(decoded_content(part), charset != nullptr ? charset : ""));
  auto* body = static_cast<BodyText*>(user_data);
  append_part(plain ? body->plain : body->html, std::move(text));
}

}  // namespace

BodyText collect_body_text(GMimeMessage* message) {
  BodyText body;
  g_mime_message_foreach(message, visit_part, &body);
  return body;
}

}  // namespace omnicheck::mail

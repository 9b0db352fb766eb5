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

void read_part(GMimeObject* object, BodyText& body) {
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
  append_part(plain ? body.plain : body.html, std::move(text));
}

}  // namespace

BodyText collect_body_text(GMimeMessage* message) {
  BodyText body;
  GMimeObject* root = g_mime_message_get_mime_part(message);
  if (root == nullptr) return body;
  // Depth-first in document order, with an explicit stack: multiparts are containers;
  // message/rfc822 parts are deliberately not descended into.
  struct Pending {
    GMimeObject* object;
    int depth;
  };
  std::vector<Pending> stack{{root, 0}};
  std::size_t parts = 0;
  bool too_deep = false, too_many = false;
  while (!stack.empty()) {
    Pending p = stack.back();
    stack.pop_back();
    if (++parts > kMaxMimeParts) {
      too_many = true;
      break;
    }
    if (!GMIME_IS_MULTIPART(p.object)) {
      read_part(p.object, body);
      continue;
    }
    auto* multipart = GMIME_MULTIPART(p.object);
    const int count = g_mime_multipart_get_count(multipart);
    if (count > 0 && p.depth >= kMaxMimeDepth) {
      too_deep = true;
      continue;
    }
    for (int i = count - 1; i >= 0; --i) stack.push_back({g_mime_multipart_get_part(multipart, i), p.depth + 1});
  }
  if (too_deep) {
    body.cut.push_back("MIME parts nested deeper than " + std::to_string(kMaxMimeDepth) +
                       " levels were not read");
  }
  if (too_many) {
    body.cut.push_back("more than " + std::to_string(kMaxMimeParts) + " MIME parts: the rest were not read");
  }
  return body;
}

}  // namespace omnicheck::mail

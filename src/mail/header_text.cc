#include "mail/header_text.h"

#include "mail/gmime_init.h"
#include "mail/mail.h"
#include "mail/parser_options.h"

#include "mail/gobject_ptr.h"
#include "mail/utf8.h"

namespace omnicheck::mail {
namespace {

bool is_wsp(char c) { return c == ' ' || c == '\t'; }

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

std::string unfold_header_value(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;  // CR of a CRLF
    if (c == '\n') {
      // A fold keeps its white space; a line break not followed by white space can only be
      // the header's own terminator, which trimming removes anyway.
      if (i + 1 < raw.size() && is_wsp(raw[i + 1])) continue;
      out += ' ';
      continue;
    }
    out += c;
  }
  return trim(out);
}

std::string raw_header_text(GMimeParserOptions* options, std::string_view raw) {
  if (is_valid_utf8(raw)) return std::string(raw);
  GCharPtr decoded(g_mime_utils_decode_8bit(options, raw.data(), raw.size()));
  return valid_utf8(decoded ? std::string_view(decoded.get()) : raw);
}

std::string decode_unstructured(GMimeParserOptions* options, const std::string& raw) {
  GCharPtr unfolded(g_mime_utils_header_unfold(raw.c_str()));
  if (!unfolded) return {};
  GCharPtr decoded(g_mime_utils_header_decode_text(options, unfolded.get()));
  return decoded ? trim(valid_utf8(decoded.get())) : std::string();
}

std::string decode_message_id(const std::string& raw) {
  GCharPtr id(g_mime_utils_decode_message_id(raw.c_str()));
  return id ? valid_utf8(id.get()) : std::string();
}

std::vector<std::string> decode_message_id_list(GMimeParserOptions* options,
                                                const std::string& raw) {
  std::vector<std::string> ids;
  GMimeReferences* refs = g_mime_references_parse(options, raw.c_str());
  if (refs == nullptr) return ids;
  const int count = g_mime_references_length(refs);
  for (int i = 0; i < count; ++i) {
    if (const char* id = g_mime_references_get_message_id(refs, i); id != nullptr && *id) {
      ids.push_back(valid_utf8(id));
    }
  }
  g_mime_references_free(refs);
  // Some mailers write a bare id without angle brackets; GMime's list parser skips it, the
  // single-id parser does not.
  if (ids.empty()) {
    if (std::string id = decode_message_id(raw); !id.empty()) ids.push_back(std::move(id));
  }
  return ids;
}

std::string decode_header_line(std::string_view line) {
  if (line.find("=?") == std::string_view::npos) return std::string(line);
  ensure_gmime_initialized();
  static const ParserOptionsPtr options = make_parser_options();
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return decode_unstructured(options.get(), std::string(line));
  return std::string(line.substr(0, colon + 1)) + " " + decode_unstructured(options.get(), std::string(line.substr(colon + 1)));
}

}  // namespace omnicheck::mail

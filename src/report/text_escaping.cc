// Escaping for every output format. Evidence is untrusted merchant text: it may hold markup,
// formula triggers, control characters and bytes that are not UTF-8 at all.
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode Table 3-7), or, when
// ill-formed, minus the length of its maximal subpart (at least 1) so the caller replaces
// exactly that many bytes with one U+FFFD.
long utf8_sequence(std::string_view s, std::size_t i, char32_t* cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char lead = b(0);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3;
    if (lead == 0xE0) lo = 0xA0;  // no overlongs
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
    if (lead == 0xF0) lo = 0x90;  // no overlongs
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;
  }
  char32_t value = lead & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) return -static_cast<long>(k);
    const unsigned char c = b(k);
    const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (c < min || c > max) return -static_cast<long>(k);
    value = (value << 6) | (c & 0x3F);
  }
  *cp = value;
  return static_cast<long>(len);
}

// Walks `text` as UTF-8, replacing ill-formed sequences with U+FFFD and each code point for
// which `replace` returns a non-empty string with that string.
template <typename Replace>
std::string transcode(std::string_view text, Replace replace) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    const long n = utf8_sequence(text, i, &cp);
    if (n < 0) {
      out += kReplacement;
      i += static_cast<std::size_t>(-n);
      continue;
    }
    if (std::string r = replace(cp); !r.empty()) {
      out += r;
    } else {
      out.append(text.substr(i, static_cast<std::size_t>(n)));
    }
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// Replaces ill-formed sequences, and code points `reject` refuses, with U+FFFD.
template <typename Reject>
std::string sanitize(std::string_view text, Reject reject) {
  return transcode(text, [&](char32_t cp) { return reject(cp) ? std::string(kReplacement) : std::string(); });
}

bool acting_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

bool xml_forbidden(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
}

std::string escape_markup(std::string_view text, bool keep_whitespace_refs) {
  const std::string clean = detail::xml_safe(show_controls(text));
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (const char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;  // &apos; is not HTML 4; the numeric form works in both
      case '\t': out += keep_whitespace_refs ? "&#9;" : "\t"; break;
      case '\n': out += keep_whitespace_refs ? "&#10;" : "\n"; break;
      case '\r': out += keep_whitespace_refs ? "&#13;" : "\r"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string show_controls(std::string_view text, bool line_breaks) {
  return transcode(text, [line_breaks](char32_t cp) {
    const bool kept_break = line_breaks && (cp == '\t' || cp == '\n' || cp == '\r');
    if (!acting_control(cp) || kept_break) return std::string();
    char buf[16];
    std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(cp));
    return std::string(buf);
  });
}

std::string escape_html(std::string_view text) { return escape_markup(text, false); }

namespace detail {

std::string valid_utf8(std::string_view text) {
  return sanitize(text, [](char32_t) { return false; });
}

std::string xml_safe(std::string_view text) { return sanitize(text, xml_forbidden); }

std::string escape_xml(std::string_view text, bool attribute) {
  return escape_markup(text, attribute);
}

std::string escape_markdown(std::string_view text) {
  // Inline specials only: merchant text never starts a line, so list and heading markers
  // (- + 1.) cannot take effect; # is kept for issue references.
  constexpr std::string_view kSpecials = "\\`*_[]()#!|~";
  const std::string clean = xml_safe(show_controls(text));
  std::string out;
  out.reserve(clean.size() + clean.size() / 4);
  for (const char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r':
      case '\n':
      case '\t': out += ' '; break;  // keeps merchant text inline: it can never open a block
      default:
        if (kSpecials.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  std::string cell = show_controls(text);
  // OWASP's list of characters that make Excel, LibreOffice or Sheets evaluate a cell.
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace detail
}  // namespace omnicheck::report

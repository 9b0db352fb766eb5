// Charset detection and conversion to UTF-8. Order follows the HTML standard's sniffing
// (BOM, transport layer, <meta> prescan) with labels mapped as the WHATWG Encoding standard
// does (latin1/iso-8859-1/ascii all mean windows-1252). Conversion uses glibc's iconv, which
// knows every legacy charset shops still use (windows-125x, iso-8859-x, koi8, shift_jis…).
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <regex>
#include <string>

#include "html/html.h"
#include "html/utf8.h"

namespace omnicheck::html {
namespace {

std::string lower_trim(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '"' && c != '\'') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// WHATWG label -> the charset name iconv knows.
std::string canonical_charset(std::string_view label) {
  std::string l = lower_trim(label);
  if (l.empty()) return {};
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "UTF-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" || l == "us-ascii" ||
      l == "ascii" || l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "iso_8859-1" ||
      l == "cp819" || l == "ibm819") {
    return "WINDOWS-1252";
  }
  if (l == "iso-8859-2" || l == "iso8859-2" || l == "latin2" || l == "l2" || l == "iso_8859-2") return "ISO-8859-2";
  if (l == "windows-1250" || l == "cp1250" || l == "x-cp1250") return "WINDOWS-1250";
  if (l == "iso-8859-15" || l == "latin9" || l == "iso8859-15") return "ISO-8859-15";
  if (l == "utf-16" || l == "utf-16le") return "UTF-16LE";
  if (l == "utf-16be") return "UTF-16BE";
  std::string up;
  for (char c : l) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return up;
}

bool iconv_convert(std::string_view in, const std::string& from, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(in.size() * 2);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char buf[8192];
  while (src_left > 0) {
    char* dst = buf;
    std::size_t dst_left = sizeof buf;
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out.append(buf, static_cast<std::size_t>(dst - buf));
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // An unmappable or truncated byte: emit U+FFFD and go on, as browsers do.
      out += "\xEF\xBF\xBD";
      ++src;
      --src_left;
    }
  }
  iconv_close(cd);
  return true;
}

// The <meta> prescan of the HTML standard, simplified to the two forms shops write.
std::string prescan_meta(std::string_view bytes) {
  std::string head(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096)));
  static const std::regex meta_charset(R"(<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+))",
                                       std::regex::icase);
  std::smatch m;
  if (std::regex_search(head, m, meta_charset)) return m[1].str();
  return {};
}

}  // namespace

std::string to_utf8(std::string_view bytes, std::string_view declared, std::string* used) {
  std::string charset;
  std::string_view body = bytes;
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "UTF-8";
    body.remove_prefix(3);
  } else if (body.size() >= 2 && body.substr(0, 2) == "\xFF\xFE") {
    charset = "UTF-16LE";
    body.remove_prefix(2);
  } else if (body.size() >= 2 && body.substr(0, 2) == "\xFE\xFF") {
    charset = "UTF-16BE";
    body.remove_prefix(2);
  }
  if (charset.empty()) charset = canonical_charset(declared);
  if (charset.empty()) charset = canonical_charset(prescan_meta(body));
  if (charset.empty()) {
    // Undeclared: UTF-8 if it decodes as such, else the web's legacy default.
    charset = is_valid_utf8(body) ? "UTF-8" : "WINDOWS-1252";
  }
  std::string out;
  if (charset == "UTF-8") {
    out = sanitize_utf8(body);
  } else if (!iconv_convert(body, charset, out)) {
    // An unknown label: fall back rather than lose the page.
    charset = is_valid_utf8(body) ? "UTF-8" : "WINDOWS-1252";
    if (charset == "UTF-8") out = std::string(body);
    else iconv_convert(body, charset, out);
  }
  if (used) *used = charset;
  return out;
}

}  // namespace omnicheck::html

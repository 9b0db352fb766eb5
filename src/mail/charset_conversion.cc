#include "mail/charset_conversion.h"

#include <gmime/gmime.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <map>
#include <mutex>
#include <vector>

#include "mail/utf8.h"

namespace omnicheck::mail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Runs iconv over the whole input. An invalid or truncated sequence costs one U+FFFD and the
// conversion goes on with the next byte, so one bad byte never loses the rest of the text.
std::string iconv_to_utf8(iconv_t cd, std::string_view bytes) {
  std::string out;
  std::vector<char> buffer(4096);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* out_ptr = buffer.data();
    std::size_t out_left = buffer.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    out.append(buffer.data(), buffer.size() - out_left);
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;  // buffer flushed above, go round again
    // EILSEQ (invalid sequence) or EINVAL (truncated at the end): replace one byte.
    out += kReplacement;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state (ISO-2022-JP, UTF-7)
  }
  char* out_ptr = buffer.data();
  std::size_t out_left = buffer.size();
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);  // flush a pending shift sequence
  out.append(buffer.data(), buffer.size() - out_left);
  return out;
}

// One open descriptor per charset that was ever converted, never closed: like GMime itself
// (gmime_init.cc) it stays until the process ends, as other threads may still convert while
// static destructors run.
class LoadedCharsets {
 public:
  void keep(std::string_view charset) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (loaded_.size() >= kMaxCharsets || loaded_.find(charset) != loaded_.end()) return;
    // An unknown name is remembered too (as -1), so it is not tried again.
    const std::string name(charset);
    loaded_.emplace(name, g_mime_iconv_open("UTF-8", name.c_str()));
  }

 private:
  static constexpr std::size_t kMaxCharsets = 64;  // labels come from the mail: bound them
  std::mutex mutex_;
  std::map<std::string, iconv_t, std::less<>> loaded_;
};

LoadedCharsets& loaded_charsets() {
  static auto* charsets = new LoadedCharsets;  // reachable to the end: not a leak
  return *charsets;
}

std::string convert_with_iconv(std::string_view bytes, const char* charset, bool* known) {
  keep_charset_loaded(charset);
  iconv_t cd = g_mime_iconv_open("UTF-8", charset);
  *known = cd != reinterpret_cast<iconv_t>(-1);
  if (!*known) return {};
  std::string out = iconv_to_utf8(cd, bytes);
  g_mime_iconv_close(cd);
  return out;
}

// Text without a usable charset label: UTF-8 when it is valid UTF-8, otherwise the legacy
// Western encoding that undeclared 8-bit mail almost always is.
std::string convert_undeclared(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  bool known = false;
  std::string out = convert_with_iconv(bytes, "windows-1252", &known);
  return known ? valid_utf8(out) : valid_utf8(bytes);
}

}  // namespace

void keep_charset_loaded(std::string_view charset) {
  if (!charset.empty()) loaded_charsets().keep(lowercase(charset));
}

void keep_encoded_word_charsets_loaded(std::string_view raw) {
  for (std::size_t start = raw.find("=?"); start != std::string_view::npos; start = raw.find("=?", start + 2)) {
    const std::size_t name = start + 2;
    const std::size_t end = raw.find('?', name);
    if (end == std::string_view::npos) return;
    std::string_view charset = raw.substr(name, end - name);
    charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
    if (charset.empty() || charset.size() > 40) continue;
    if (std::all_of(charset.begin(), charset.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':';
        })) {
      keep_charset_loaded(charset);
    }
  }
}

std::string convert_to_utf8(std::string_view bytes, std::string_view charset) {
  const std::string label = lowercase(charset);
  if (label.empty() || label == "us-ascii" || label == "ascii") return convert_undeclared(bytes);
  if (label == "utf-8" || label == "utf8") return valid_utf8(bytes);
  // Mail labelled iso-8859-1 is in practice windows-1252 (curly quotes, euro sign in 0x80-0x9F),
  // the same decision the WHATWG Encoding standard makes for web pages.
  const char* source = label == "iso-8859-1" || label == "latin1" ? "windows-1252" : label.c_str();
  bool known = false;
  std::string out = convert_with_iconv(bytes, source, &known);
  if (!known) return convert_undeclared(bytes);
  return valid_utf8(out);
}

}  // namespace omnicheck::mail

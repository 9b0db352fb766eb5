#include "mail/utf8.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace omnicheck::mail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed sequence starting at `pos`, or 0 if it is ill-formed; in that case
// `bad_length` is the number of bytes to replace (the lead byte plus the continuation bytes that
// were still acceptable). Byte ranges follow Table 3-7 of the Unicode standard, which rules out
// overlong forms, surrogates and code points above U+10FFFF.
std::size_t sequence_length(std::string_view s, std::size_t pos, std::size_t* bad_length) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  *bad_length = 1;
  if (lead < 0x80) return 1;

  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3;
    second_low = 0xA0;
  } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    length = 3;
  } else if (lead == 0xED) {
    length = 3;
    second_high = 0x9F;
  } else if (lead == 0xF0) {
    length = 4;
    second_low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    length = 4;
  } else if (lead == 0xF4) {
    length = 4;
    second_high = 0x8F;
  } else {
    return 0;
  }

  for (std::size_t i = 1; i < length; ++i) {
    if (pos + i >= s.size()) return 0;
    const auto byte = static_cast<unsigned char>(s[pos + i]);
    const unsigned char low = i == 1 ? second_low : 0x80;
    const unsigned char high = i == 1 ? second_high : 0xBF;
    if (byte < low || byte > high) return 0;
    *bad_length = i + 1;
  }
  return length;
}

// Index of the first byte at or after `pos` that is not ASCII (bytes.size() when none).
std::size_t skip_ascii(std::string_view bytes, std::size_t pos) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  while (pos + 8 <= bytes.size()) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + pos, sizeof word);
    if (word & kHighBits) break;
    pos += 8;
  }
  while (pos < bytes.size() && static_cast<unsigned char>(bytes[pos]) < 0x80) ++pos;
  return pos;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while ((pos = skip_ascii(bytes, pos)) < bytes.size()) {
    std::size_t bad = 0;
    const std::size_t length = sequence_length(bytes, pos, &bad);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string valid_utf8(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t bad = 0;
    const std::size_t length = sequence_length(bytes, pos, &bad);
    if (length == 0) {
      out += kReplacement;
      pos += bad;
    } else {
      out.append(bytes.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

}  // namespace omnicheck::mail

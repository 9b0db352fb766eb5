#include "html/email_protection.h"

#include <algorithm>

namespace omnicheck::html {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> decode_cloudflare_email(std::string_view hex) {
  // An address is at most 254 characters: 2 hex digits each, plus the key.
  if (hex.size() < 8 || hex.size() % 2 != 0 || hex.size() > 2 * 255) return std::nullopt;
  auto byte_at = [&](std::size_t i) -> int {
    int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  };
  const int key = byte_at(0);
  if (key < 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 2; i < hex.size(); i += 2) {
    int b = byte_at(i);
    if (b < 0) return std::nullopt;
    char c = static_cast<char>(b ^ key);
    if (c <= ' ' || c > '~') return std::nullopt;
    out += c;
  }
  const auto at = std::count(out.begin(), out.end(), '@');
  if (at != 1 || out.front() == '@' || out.back() == '@') return std::nullopt;
  return out;
}

std::string_view cloudflare_link_payload(std::string_view href) {
  static constexpr std::string_view kPath = "/cdn-cgi/l/email-protection#";
  std::size_t at = href.find(kPath);
  if (at == std::string_view::npos) return {};
  return href.substr(at + kPath.size());
}

}  // namespace omnicheck::html

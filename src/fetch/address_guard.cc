// Address classification and the connect-time guard. The ranges follow the IANA IPv4 and
// IPv6 special-purpose address registries (RFC 6890 and its updates); anything that is not
// clearly a public unicast address is treated as not public, so an unknown corner refuses
// rather than connects.
#include "fetch/address_guard.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace omnicheck::fetch {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "[::1]" -> "::1", "fe80::1%eth0" -> "fe80::1".
std::string strip_ip(std::string ip) {
  if (ip.size() >= 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
  auto pct = ip.find('%');
  if (pct != std::string::npos) ip.erase(pct);
  return ip;
}

bool in4(uint32_t a, uint32_t net, int bits) {
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (a & mask) == (net & mask);
}

constexpr uint32_t v4(unsigned a, unsigned b, unsigned c, unsigned d) {
  return (uint32_t{a} << 24) | (uint32_t{b} << 16) | (uint32_t{c} << 8) | uint32_t{d};
}

AddressClass classify_v4(uint32_t a) {
  // Cloud metadata endpoints first: they sit inside ranges classified below.
  if (a == v4(169, 254, 169, 254) || a == v4(169, 254, 170, 2) ||  // AWS/GCP/Azure, ECS
      a == v4(100, 100, 100, 200) ||                               // Alibaba Cloud
      a == v4(168, 63, 129, 16)) {                                 // Azure wire server
    return AddressClass::metadata;
  }
  // 0.0.0.0 reaches the local host on Linux: never treat "this network" as harmless.
  if (in4(a, v4(0, 0, 0, 0), 8)) return AddressClass::unspecified;
  if (in4(a, v4(127, 0, 0, 0), 8)) return AddressClass::loopback;
  if (in4(a, v4(10, 0, 0, 0), 8) || in4(a, v4(172, 16, 0, 0), 12) || in4(a, v4(192, 168, 0, 0), 16) ||
      in4(a, v4(100, 64, 0, 0), 10) ||  // carrier-grade NAT: the provider's network, not the internet
      in4(a, v4(198, 18, 0, 0), 15)) {  // benchmarking: used inside data centres
    return AddressClass::private_net;
  }
  if (in4(a, v4(169, 254, 0, 0), 16)) return AddressClass::link_local;
  if (in4(a, v4(224, 0, 0, 0), 4)) return AddressClass::multicast;
  if (in4(a, v4(240, 0, 0, 0), 4) ||                                  // future use, broadcast
      in4(a, v4(192, 0, 0, 0), 24) ||                                  // IETF protocol assignments
      in4(a, v4(192, 0, 2, 0), 24) || in4(a, v4(198, 51, 100, 0), 24) ||
      in4(a, v4(203, 0, 113, 0), 24) ||                                // documentation
      in4(a, v4(192, 88, 99, 0), 24)) {                                // 6to4 relay anycast
    return AddressClass::reserved;
  }
  return AddressClass::public_net;
}

uint32_t v4_at(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

AddressClass classify_v6(const unsigned char* b) {
  static const unsigned char kZero[16] = {};
  if (std::memcmp(b, kZero, 16) == 0) return AddressClass::unspecified;
  if (std::memcmp(b, kZero, 15) == 0 && b[15] == 1) return AddressClass::loopback;
  // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d reach the
  // embedded IPv4 address: classify that one.
  if (std::memcmp(b, kZero, 10) == 0 && b[10] == 0xff && b[11] == 0xff) return classify_v4(v4_at(b + 12));
  if (std::memcmp(b, kZero, 12) == 0) return classify_v4(v4_at(b + 12));
  // NAT64 well-known prefix 64:ff9b::/96 translates to the embedded IPv4 address.
  static const unsigned char kNat64[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kNat64, 12) == 0) return classify_v4(v4_at(b + 12));
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1) {
    return AddressClass::private_net;  // 64:ff9b:1::/48, local-use NAT64
  }
  // 6to4 2002:V4ADDR::/48 tunnels to the embedded IPv4 address.
  if (b[0] == 0x20 && b[1] == 0x02) {
    AddressClass c = classify_v4(v4_at(b + 2));
    return c == AddressClass::public_net ? AddressClass::public_net : c;
  }
  // AWS's IPv6 metadata endpoint fd00:ec2::254 (inside fc00::/7, but worse than private).
  static const unsigned char kAwsMeta[16] = {0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
  if (std::memcmp(b, kAwsMeta, 16) == 0) return AddressClass::metadata;
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::private_net;                    // fc00::/7 ULA
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::link_local;     // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::private_net;    // fec0::/10 site-local
  if (b[0] == 0xff) return AddressClass::multicast;                                // ff00::/8
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressClass::reserved;  // doc
  // Teredo 2001::/32 hides an obfuscated IPv4 address; refuse rather than decode.
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) return AddressClass::reserved;
  if ((b[0] & 0xe0) == 0x20) return AddressClass::public_net;  // 2000::/3, global unicast
  return AddressClass::reserved;
}

bool is_name_localhost(const std::string& host) {
  std::string h = lower(host);
  if (!h.empty() && h.back() == '.') h.pop_back();
  return h == "localhost" || (h.size() > 10 && h.compare(h.size() - 10, 10, ".localhost") == 0);
}

bool is_ip_literal(const std::string& host) { return !canonical_ip(host).empty(); }

}  // namespace

const char* to_string(AddressClass c) {
  switch (c) {
    case AddressClass::loopback: return "loopback";
    case AddressClass::private_net: return "private";
    case AddressClass::link_local: return "link-local";
    case AddressClass::metadata: return "cloud metadata";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::multicast: return "multicast";
    case AddressClass::reserved: return "reserved";
    case AddressClass::public_net: return "public";
  }
  return "unknown";
}

std::string canonical_ip(const std::string& ip_in) {
  std::string ip = strip_ip(ip_in);
  unsigned char buf[16];
  char out[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, ip.c_str(), buf) == 1) {
    return inet_ntop(AF_INET, buf, out, sizeof out) ? out : "";
  }
  if (inet_pton(AF_INET6, ip.c_str(), buf) == 1) {
    return inet_ntop(AF_INET6, buf, out, sizeof out) ? out : "";
  }
  return {};
}

AddressClass classify_address(const std::string& ip_in) {
  std::string ip = strip_ip(ip_in);
  unsigned char buf[16];
  if (inet_pton(AF_INET, ip.c_str(), buf) == 1) return classify_v4(v4_at(buf));
  if (inet_pton(AF_INET6, ip.c_str(), buf) == 1) return classify_v6(buf);
  // Not an address at all (or a shorthand like "127.1" that inet_pton rejects but some
  // resolvers accept): not public.
  return AddressClass::reserved;
}

AddressGuard::AddressGuard(const std::string& start_url, const std::vector<std::string>& resolve,
                           bool allow_private)
    : start_host_(lower(strip_ip(url_host(start_url)))), allow_private_(allow_private) {
  if (is_name_localhost(start_host_)) {
    literal_start_class_ = AddressClass::loopback;
  } else if (is_ip_literal(start_host_)) {
    literal_start_class_ = classify_address(start_host_);
  }
  for (std::string entry : resolve) {
    // curl's syntax: [+]HOST:PORT:ADDR[,ADDR]...; "-HOST:PORT" removes an entry and maps nothing.
    if (!entry.empty() && entry[0] == '-') continue;
    if (!entry.empty() && entry[0] == '+') entry.erase(0, 1);
    auto c1 = entry.find(':');
    auto c2 = c1 == std::string::npos ? std::string::npos : entry.find(':', c1 + 1);
    if (c2 == std::string::npos) throw std::invalid_argument("resolve entry is not HOST:PORT:ADDR: " + entry);
    Mapping m;
    m.host = lower(entry.substr(0, c1));
    try {
      m.port = std::stol(entry.substr(c1 + 1, c2 - c1 - 1));
    } catch (const std::exception&) {
      throw std::invalid_argument("resolve entry has no valid port: " + entry);
    }
    std::string addrs = entry.substr(c2 + 1);
    std::size_t start = 0;
    while (start <= addrs.size()) {
      auto comma = addrs.find(',', start);
      std::string a = addrs.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      std::string canon = canonical_ip(a);
      if (canon.empty()) throw std::invalid_argument("resolve entry has an invalid address: " + entry);
      m.addrs.push_back(canon);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    mappings_.push_back(std::move(m));
  }
}

std::optional<std::string> AddressGuard::check(const std::string& host_in, long port, const std::string& ip) {
  std::string host = lower(strip_ip(host_in));
  std::string canon = canonical_ip(ip);
  AddressClass cls = classify_address(ip);
  auto refuse = [&](const std::string& why) -> std::optional<std::string> {
    return "refused by the network guard: " + host + ":" + std::to_string(port) + " is at " +
           (canon.empty() ? ip : canon) + " (" + to_string(cls) + " address); " + why;
  };
  if (canon.empty()) return refuse("not an IP address");

  // An explicit --resolve mapping is the user's own statement about this host:port, and
  // covers exactly the addresses given, nothing a redirect may lead to elsewhere.
  for (const auto& m : mappings_) {
    if (m.host == host && m.port == port) {
      if (std::find(m.addrs.begin(), m.addrs.end(), canon) != m.addrs.end()) return std::nullopt;
    }
  }
  if (cls == AddressClass::public_net) {
    if (host == start_host_ && !literal_start_class_ && !pinned_start_class_) pinned_start_class_ = cls;
    return std::nullopt;
  }
  // The target named by its address (or "localhost") opens that class of network, as a
  // test or staging audit needs; metadata stays closed unless named literally.
  if (literal_start_class_ && *literal_start_class_ == cls) return std::nullopt;
  // A start host named in --resolve is governed by its mapping alone (above): the user said
  // exactly which host:port goes where.
  bool start_mapped = std::any_of(mappings_.begin(), mappings_.end(), [&](const Mapping& m) { return m.host == start_host_; });
  if (host == start_host_ && !literal_start_class_ && !start_mapped) {
    if (!pinned_start_class_) pinned_start_class_ = cls;
    if (*pinned_start_class_ == cls && cls != AddressClass::metadata && cls != AddressClass::unspecified &&
        cls != AddressClass::multicast) {
      return std::nullopt;
    }
    if (*pinned_start_class_ != cls) {
      return refuse(std::string("the audit target was first reached at a ") + to_string(*pinned_start_class_) +
                    " address");
    }
  }
  if (allow_private_ && (cls == AddressClass::loopback || cls == AddressClass::private_net ||
                         cls == AddressClass::link_local)) {
    return std::nullopt;
  }
  return refuse("only the audit target's own network may be reached (allow_private is off)");
}

}  // namespace omnicheck::fetch

// MX lookups through c-ares, driven synchronously by poll(): the audit asks about a handful of
// domains once, so a blocking loop with c-ares' own bounded timeouts and tries is enough.
#include "audit/mx_resolver.h"

#include <arpa/inet.h>
#include <ares.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>

#include "fetch/fetch.h"

namespace omnicheck::audit {
namespace {

constexpr int kClassIn = 1;
constexpr int kTypeA = 1;
constexpr int kTypeNs = 2;
constexpr int kTypeMx = 15;
constexpr int kTypeAaaa = 28;

// The answer to one query as c-ares hands it over.
struct Reply {
  bool done = false;
  int status = ARES_ENOTINITIALIZED;
  std::string answer;  // raw DNS message, when one arrived
};

void on_reply(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
  auto* r = static_cast<Reply*>(arg);
  r->done = true;
  r->status = status;
  if (abuf && alen > 0) r->answer.assign(reinterpret_cast<const char*>(abuf), static_cast<std::size_t>(alen));
}

bool valid_port(const std::string& s) {
  if (s.empty() || s.size() > 5 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return false;
  }
  int p = std::stoi(s);
  return p >= 1 && p <= 65535;
}

bool is_ipv4(const std::string& s) {
  in_addr a{};
  return inet_pton(AF_INET, s.c_str(), &a) == 1;
}

bool is_ipv6(const std::string& s) {
  in6_addr a{};
  return inet_pton(AF_INET6, s.c_str(), &a) == 1;
}

// A name c-ares can be asked about as it is: ASCII letters, digits and hyphens in labels of at
// most 63 bytes. An internationalised name would need IDNA first; asking with its UTF-8 bytes
// would earn a false NXDOMAIN.
bool lookup_name(const std::string& domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t label = 0;
  for (char c : domain) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-') || static_cast<unsigned char>(c) >= 0x80) return false;
    if (++label > 63) return false;
  }
  return label > 0;
}

const char* type_name(int type) {
  switch (type) {
    case kTypeA: return "A";
    case kTypeAaaa: return "AAAA";
    default: return "MX";
  }
}

std::string describe_failure(int status, const DnsOptions& opt) {
  switch (status) {
    case ARES_ETIMEOUT:
      return "the resolver did not answer within " + std::to_string(opt.timeout_ms) + " ms (" +
             std::to_string(opt.tries) + " tries)";
    case ARES_EREFUSED:
      return "the resolver refused the query";
    case ARES_ESERVFAIL:
      return "the resolver reported a server failure (SERVFAIL)";
    case ARES_ECONNREFUSED:
      // c-ares reports a server that answered REFUSED on every try the same way.
      return "the resolver refused the query or could not be reached";
    case ARES_ECANCELLED:
      return "the lookup was abandoned after its time limit";
    default:
      return std::string("the lookup failed: ") + ares_strerror(status);
  }
}

}  // namespace

std::string dns_server_csv(const std::string& server) {
  auto bad = [&]() {
    return std::invalid_argument("--dns-server \"" + server +
                                 "\": expected ADDR or ADDR:PORT with an IP address (e.g. 127.0.0.1:5353, [::1]:53)");
  };
  if (server.empty()) throw bad();
  if (server.front() == '[') {
    auto close = server.find(']');
    if (close == std::string::npos || !is_ipv6(server.substr(1, close - 1))) throw bad();
    std::string rest = server.substr(close + 1);
    if (rest.empty()) return server;
    if (rest.front() != ':' || !valid_port(rest.substr(1))) throw bad();
    return server;
  }
  if (is_ipv6(server)) return "[" + server + "]";
  auto colon = server.find(':');
  std::string addr = server.substr(0, colon);
  if (!is_ipv4(addr)) throw bad();
  if (colon != std::string::npos && !valid_port(server.substr(colon + 1))) throw bad();
  return server;
}

struct MxResolver::Impl {
  DnsOptions opt;
  ares_channel channel = nullptr;
  std::string server_csv;
  std::map<std::string, std::string> doubt_by_tld;  // "" when the resolver answered for the TLD

  // Runs the channel until every reply in `replies` is in, or the safety deadline passes (then
  // the outstanding queries are cancelled, which completes them with ARES_ECANCELLED).
  void wait(const std::vector<Reply*>& replies) {
    auto pending = [&] { return std::any_of(replies.begin(), replies.end(), [](const Reply* r) { return !r->done; }); };
    // c-ares doubles the timeout on each round of tries; the deadline only guards against a
    // loop that would otherwise never end.
    long budget_ms = static_cast<long>(opt.timeout_ms) * ((1L << std::min(opt.tries, 10)) + 1) * 3 + 1000;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(budget_ms);
    while (pending()) {
      if (std::chrono::steady_clock::now() >= deadline) {
        ares_cancel(channel);
        break;
      }
      ares_socket_t socks[ARES_GETSOCK_MAXNUM];
      int bits = ares_getsock(channel, socks, ARES_GETSOCK_MAXNUM);
      std::vector<pollfd> fds;
      for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
        short events = 0;
        if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
        if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
        if (events) fds.push_back({socks[i], events, 0});
      }
      timeval tv{};
      timeval max_wait{1, 0};
      timeval* t = ares_timeout(channel, &max_wait, &tv);
      int wait_ms = static_cast<int>(t->tv_sec * 1000 + t->tv_usec / 1000);
      int n = poll(fds.data(), fds.size(), std::max(wait_ms, 1));
      if (n < 0 && errno != EINTR) {
        ares_cancel(channel);
        break;
      }
      if (n <= 0) {
        ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);  // timeouts
        continue;
      }
      for (const auto& p : fds) {
        bool readable = p.revents & (POLLIN | POLLERR | POLLHUP);
        bool writable = p.revents & POLLOUT;
        if (readable || writable) {
          ares_process_fd(channel, readable ? p.fd : ARES_SOCKET_BAD, writable ? p.fd : ARES_SOCKET_BAD);
        }
      }
    }
  }

  std::string query_url(const std::string& domain, int type) const {
    std::string q = domain + "?type=" + type_name(type);
    return opt.server.empty() ? "dns:" + q : "dns://" + opt.server + "/" + q;
  }
};

MxResolver::MxResolver(const DnsOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = options;
  impl_->opt.timeout_ms = std::max(options.timeout_ms, 50);
  impl_->opt.tries = std::max(options.tries, 1);
  if (!options.server.empty()) impl_->server_csv = dns_server_csv(options.server);
  static std::once_flag init_once;
  std::call_once(init_once, [] { ares_library_init(ARES_LIB_INIT_ALL); });
  ares_options o{};
  o.timeout = impl_->opt.timeout_ms;
  o.tries = impl_->opt.tries;
  o.flags = ARES_FLAG_NOSEARCH;  // the domain is asked as written, never with search suffixes
  int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS;
  int rc = ares_init_options(&impl_->channel, &o, mask);
  if (rc != ARES_SUCCESS) throw std::runtime_error(std::string("DNS resolver could not start: ") + ares_strerror(rc));
  if (!impl_->server_csv.empty()) {
    rc = ares_set_servers_ports_csv(impl_->channel, impl_->server_csv.c_str());
    if (rc != ARES_SUCCESS) {
      ares_destroy(impl_->channel);
      throw std::invalid_argument("--dns-server \"" + options.server + "\": " + ares_strerror(rc));
    }
  }
}

MxResolver::~MxResolver() {
  if (impl_ && impl_->channel) ares_destroy(impl_->channel);
}

// Before a domain is judged not to exist or to take no mail, the resolver must show it answers
// for names that do exist: the domain's top-level domain. A filtering resolver, or that of a
// machine without network that answers NXDOMAIN for everything, fails here, and its negative
// answers prove nothing (issue 16). Asked once per TLD.
std::string MxResolver::doubt_about_resolver(const std::string& domain) {
  std::string tld = domain.substr(domain.rfind('.') == std::string::npos ? 0 : domain.rfind('.') + 1);
  auto known = impl_->doubt_by_tld.find(tld);
  if (known != impl_->doubt_by_tld.end()) return known->second;
  Reply ns;
  ares_query(impl_->channel, tld.c_str(), kClassIn, kTypeNs, on_reply, &ns);
  impl_->wait({&ns});
  std::string doubt;
  if (ns.status == ARES_ENOTFOUND) {
    doubt = "the resolver says the top-level domain \"" + tld +
            "\" does not exist either, so its NXDOMAIN answers prove nothing (a filtering resolver, or a machine without network)";
  } else if (ns.status != ARES_SUCCESS && ns.status != ARES_ENODATA) {
    doubt = "the resolver could not vouch for the top-level domain \"" + tld + "\": " + describe_failure(ns.status, impl_->opt);
  }
  impl_->doubt_by_tld[tld] = doubt;
  return doubt;
}

MailDomainCheck MxResolver::check(const std::string& domain_in) {
  MailDomainCheck out = check_records(domain_in);
  if (out.status == "nxdomain" || out.status == "no_mail") {
    if (std::string doubt = doubt_about_resolver(out.domain); !doubt.empty()) {
      out.status = "inconclusive";
      out.reason = out.reason + "; but " + doubt;
    }
  }
  return out;
}

MailDomainCheck MxResolver::check_records(const std::string& domain_in) {
  MailDomainCheck out;
  std::string domain = domain_in;
  while (!domain.empty() && domain.back() == '.') domain.pop_back();
  std::transform(domain.begin(), domain.end(), domain.begin(), [](unsigned char c) { return std::tolower(c); });
  out.domain = domain;
  out.checked_at = fetch::now_rfc3339();
  out.query_url = impl_->query_url(domain, kTypeMx);
  if (!lookup_name(domain)) {
    out.status = "inconclusive";
    out.reason = "\"" + domain_in + "\" is not a domain name that can be looked up as written (internationalised or malformed)";
    return out;
  }

  Reply mx;
  ares_query(impl_->channel, domain.c_str(), kClassIn, kTypeMx, on_reply, &mx);
  impl_->wait({&mx});
  out.answer_sha256 = mx.answer.empty() ? "" : fetch::sha256_hex(mx.answer);

  if (mx.status == ARES_ENOTFOUND) {
    out.status = "nxdomain";
    out.via = "none";
    out.reason = "the domain " + domain + " does not exist (NXDOMAIN): no mail can be delivered to it";
    return out;
  }
  if (mx.status == ARES_SUCCESS) {
    ares_mx_reply* list = nullptr;
    int prc = ares_parse_mx_reply(reinterpret_cast<const unsigned char*>(mx.answer.data()),
                                  static_cast<int>(mx.answer.size()), &list);
    if (prc == ARES_SUCCESS) {
      bool real = false, null_mx = false;
      for (ares_mx_reply* m = list; m; m = m->next) {
        std::string host = m->host ? m->host : "";
        bool is_null = host.empty() || host == ".";
        null_mx |= is_null;
        real |= !is_null;
        out.records.push_back(std::to_string(m->priority) + " " + (is_null ? "." : host));
      }
      ares_free_data(list);
      if (real) {
        out.status = "accepts";
        out.via = "mx";
        out.reason = "mail for " + domain + " goes to its MX hosts" +
                     std::string(null_mx ? " (a null MX among them is ignored: RFC 7505 forbids mixing them)" : "");
        return out;
      }
      if (null_mx) {
        out.status = "no_mail";
        out.via = "null_mx";
        out.reason = "the domain " + domain + " publishes a null MX (RFC 7505): it declares that it accepts no mail";
        return out;
      }
    } else if (prc != ARES_ENODATA) {
      out.status = "inconclusive";
      out.reason = std::string("the MX answer could not be read: ") + ares_strerror(prc);
      return out;
    }
    // An answer without MX records (a CNAME alone) is no MX: fall through to the addresses.
  } else if (mx.status != ARES_ENODATA) {
    out.status = "inconclusive";
    out.reason = "MX lookup of " + domain + ": " + describe_failure(mx.status, impl_->opt);
    return out;
  }

  // No MX: RFC 5321 §5.1 delivers to the domain's own address (implicit MX).
  Reply a, aaaa;
  ares_query(impl_->channel, domain.c_str(), kClassIn, kTypeA, on_reply, &a);
  ares_query(impl_->channel, domain.c_str(), kClassIn, kTypeAaaa, on_reply, &aaaa);
  impl_->wait({&a, &aaaa});
  auto addresses = [](const Reply& r, int type) {
    std::vector<std::string> found;
    if (r.status != ARES_SUCCESS) return found;
    const auto* buf = reinterpret_cast<const unsigned char*>(r.answer.data());
    int len = static_cast<int>(r.answer.size());
    char text[INET6_ADDRSTRLEN] = {};
    if (type == kTypeA) {
      ares_addrttl ttls[16];
      int n = 16;
      if (ares_parse_a_reply(buf, len, nullptr, ttls, &n) != ARES_SUCCESS) return found;
      for (int i = 0; i < n; ++i) {
        if (inet_ntop(AF_INET, &ttls[i].ipaddr, text, sizeof text)) found.push_back(std::string("A ") + text);
      }
    } else {
      ares_addr6ttl ttls[16];
      int n = 16;
      if (ares_parse_aaaa_reply(buf, len, nullptr, ttls, &n) != ARES_SUCCESS) return found;
      for (int i = 0; i < n; ++i) {
        if (inet_ntop(AF_INET6, &ttls[i].ip6addr, text, sizeof text)) found.push_back(std::string("AAAA ") + text);
      }
    }
    return found;
  };
  auto v4 = addresses(a, kTypeA);
  auto v6 = addresses(aaaa, kTypeAaaa);
  if (!v4.empty() || !v6.empty()) {
    out.status = "accepts";
    out.via = "address";
    out.records = v4;
    out.records.insert(out.records.end(), v6.begin(), v6.end());
    const Reply& decisive = v4.empty() ? aaaa : a;
    out.query_url = impl_->query_url(domain, v4.empty() ? kTypeAaaa : kTypeA);
    out.answer_sha256 = fetch::sha256_hex(decisive.answer);
    out.reason = "no MX record, but " + domain + " has an address, which serves as its implicit MX (RFC 5321 §5.1)";
    return out;
  }
  auto settled = [](const Reply& r) { return r.status == ARES_ENODATA || r.status == ARES_SUCCESS; };
  if (a.status == ARES_ENOTFOUND || aaaa.status == ARES_ENOTFOUND) {
    out.status = "nxdomain";
    out.via = "none";
    out.reason = "the domain " + domain + " has no MX record and its address lookup says it does not exist (NXDOMAIN)";
    return out;
  }
  if (settled(a) && settled(aaaa)) {
    out.status = "no_mail";
    out.via = "none";
    out.reason = "the domain " + domain + " exists but has neither an MX record nor an A/AAAA address to deliver mail to";
    return out;
  }
  const Reply& failed = settled(a) ? aaaa : a;
  out.status = "inconclusive";
  out.reason = "no MX record for " + domain + ", and the address lookup failed: " + describe_failure(failed.status, impl_->opt);
  return out;
}

}  // namespace omnicheck::audit

// Whether a mail domain can receive mail, asked of a real DNS resolver through c-ares
// (private to the audit library).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace omnicheck::audit {

struct DnsOptions {
  std::string server;     // "ADDR", "ADDR:PORT" or "[IPv6]:PORT"; "" = the system's resolvers
  int timeout_ms = 2500;  // per try, before c-ares moves on
  int tries = 2;          // per server
};

// What the lookups showed about one domain.
struct MailDomainCheck {
  std::string domain;
  // accepts:      MX records, or none but an A/AAAA address (RFC 5321 §5.1 implicit MX)
  // no_mail:      RFC 7505 null MX ("0 ."), or the name exists with neither MX nor address
  // nxdomain:     the domain does not exist
  // inconclusive: the resolver did not say (timeout, refused, server failure, bad name)
  std::string status;
  std::string via;                   // mx | address | null_mx | none ("" when inconclusive)
  std::vector<std::string> records;  // "10 mail.shop.fr", "A 192.0.2.1", "0 ."
  std::string reason;                // one sentence a person can read
  std::string query_url;             // RFC 4501 URI of the deciding query (dns:…?type=MX)
  std::string answer_sha256;         // hex SHA-256 of the deciding DNS response as received
  std::string checked_at;            // UTC, RFC 3339
};

// Throws std::invalid_argument naming the value when `server` is not ADDR[:PORT].
std::string dns_server_csv(const std::string& server);

class MxResolver {
 public:
  // Throws std::invalid_argument for a malformed server, std::runtime_error when c-ares
  // cannot start (e.g. no resolver configured on the system).
  explicit MxResolver(const DnsOptions& options);
  ~MxResolver();
  MxResolver(const MxResolver&) = delete;
  MxResolver& operator=(const MxResolver&) = delete;

  // Never throws for what the network answers: every failure becomes a status. A negative
  // answer (nxdomain, no_mail) stands only when the resolver also answers for the domain's
  // top-level domain; otherwise the check is inconclusive and says why.
  MailDomainCheck check(const std::string& domain);

 private:
  MailDomainCheck check_records(const std::string& domain);
  std::string doubt_about_resolver(const std::string& domain);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace omnicheck::audit

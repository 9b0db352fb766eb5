// The network guard: decides, for every socket the HTTP fetcher is about to open, whether the
// address may be connected to. A regulator points the tool at arbitrary sites; a hostile site
// must not be able to make it reach the auditor's own network (routers, admin panels, cloud
// metadata) through redirects, links or DNS answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fetch/fetch.h"

namespace omnicheck::fetch {

class AddressGuard {
 public:
  // `start_url` is the audit target; `resolve` are curl-style "HOST:PORT:ADDR[,ADDR]" entries.
  // Throws std::invalid_argument for a malformed resolve entry.
  AddressGuard(const std::string& start_url, const std::vector<std::string>& resolve, bool allow_private);

  // Called with the host and port of the URL being fetched and the address curl is about to
  // connect to. Empty when the connection may go ahead, otherwise why not (the error text
  // names the guard so a report reader sees the refusal was deliberate).
  std::optional<std::string> check(const std::string& host, long port, const std::string& ip);

 private:
  struct Mapping {
    std::string host;
    long port = 0;
    std::vector<std::string> addrs;  // canonical text form
  };

  std::string start_host_;
  // Set when the start URL's host is an IP literal or "localhost": its class is then the
  // one non-public class the user has explicitly asked to audit.
  std::optional<AddressClass> literal_start_class_;
  // For a start host given by name: the class of the first address it was reached at. A
  // staging name resolving to a private address is allowed, for that name only; pinning the
  // class keeps a public target from later "rebinding" its name to a private address.
  std::optional<AddressClass> pinned_start_class_;
  std::vector<Mapping> mappings_;
  bool allow_private_;
};

// Canonical text form of an IP address (brackets and zone id dropped), "" if not an address.
std::string canonical_ip(const std::string& ip);

}  // namespace omnicheck::fetch

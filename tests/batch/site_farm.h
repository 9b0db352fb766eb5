// Many small generated shops on loopback for the batch tests. Sites are told apart by host
// name: site i is http://s0007.farm.test:PORT/, mapped to 127.0.0.1 with curl-style --resolve
// entries, so every site is its own host for the crawler's politeness and the batch's
// one-site-per-host rule. The sites are spread over several TestHttpServer instances because
// each server accepts a bounded number of connections over its lifetime.
//
// Site i is deterministic and varies with i: which of e-mail, phone and legal-notice link it
// shows, and every 11th site answers 404 on its home page (an unreachable site, recorded as
// failed after its retries).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "fetch/test_http_server.h"

namespace omnicheck::batch::testing {

class SiteFarm {
 public:
  SiteFarm(int sites, int servers);
  ~SiteFarm();

  int size() const { return sites_; }
  std::string host(int i) const;
  std::string url(int i) const;
  static bool unreachable(int i) { return i % 11 == 10; }
  // "--resolve HOST:PORT:127.0.0.1" for every site, as batch arguments.
  std::vector<std::string> resolve_args() const;
  // The list: url,id,country.
  void write_list(const std::filesystem::path& csv) const;

 private:
  int port_of(int i) const;
  void serve(omnicheck::testing::TestHttpServer& server);

  int sites_;
  std::vector<std::unique_ptr<omnicheck::testing::TestHttpServer>> servers_;
};

}  // namespace omnicheck::batch::testing

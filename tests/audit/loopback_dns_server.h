// A real DNS server for the tests: dnsmasq (Debian's dnsmasq-base) started on 127.0.0.1 with a
// free port and no upstream, so it answers only from the records a test gives it and REFUSES
// every other name. No test points the tool at any other resolver.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace omnicheck::testing {

class LoopbackDnsServer {
 public:
  // `records` are dnsmasq options, e.g. "--mx-host=shop.example,mail.shop.example,10".
  // Throws std::runtime_error with a clear message when dnsmasq is missing or does not start.
  explicit LoopbackDnsServer(const std::vector<std::string>& records);
  ~LoopbackDnsServer();
  LoopbackDnsServer(const LoopbackDnsServer&) = delete;
  LoopbackDnsServer& operator=(const LoopbackDnsServer&) = delete;

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }  // for --dns-server
  std::string log() const;  // what dnsmasq said (queries included), for failure messages
  // Only the lines that record a query received ("query[A] name from ..."). dnsmasq writes
  // housekeeping lines ("cleared cache") at times of its own after start-up, so a test that
  // asserts "nothing was asked" must compare these, not the whole log.
  std::string queries() const;

  // Options that make `domain` known to dnsmasq with nothing but the records given for it, so
  // other types get NODATA and other names under it NXDOMAIN instead of REFUSED.
  static std::vector<std::string> local_zone(const std::string& domain);

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

// A UDP port on 127.0.0.1 that swallows queries and never answers (the resolver times out).
class SilentUdpPort {
 public:
  SilentUdpPort();
  ~SilentUdpPort();
  SilentUdpPort(const SilentUdpPort&) = delete;
  SilentUdpPort& operator=(const SilentUdpPort&) = delete;
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// A loopback port nothing listens on, for UDP or TCP (bound once to learn a free number).
int unused_loopback_port();

}  // namespace omnicheck::testing

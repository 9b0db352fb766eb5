// A TLS server for the fetch tests: `openssl s_server -WWW` (Debian package openssl) serving
// files from a temporary folder, with a test CA and a server certificate for localhost and
// 127.0.0.1 made by the openssl command at test time. Listens on 127.0.0.1 only.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace omnicheck::testing {

class TlsTestServer {
 public:
  // Throws std::runtime_error when openssl is missing or the server does not start.
  TlsTestServer();
  ~TlsTestServer();
  TlsTestServer(const TlsTestServer&) = delete;
  TlsTestServer& operator=(const TlsTestServer&) = delete;

  void put_file(const std::string& name, const std::string& content);
  int port() const { return port_; }
  std::string ca_file() const { return (dir_ / "ca.crt").string(); }
  std::string url(const std::string& path) const { return "https://localhost:" + std::to_string(port_) + path; }

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace omnicheck::testing

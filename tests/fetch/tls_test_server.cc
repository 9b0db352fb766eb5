#include "fetch/tls_test_server.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>
#include <stdexcept>

namespace omnicheck::testing {
namespace {

void sh(const std::string& cmd) {
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("command failed: " + cmd);
}

}  // namespace

TlsTestServer::TlsTestServer() {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() / ("omnicheck-tls-" + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
  const std::string d = dir_.string();
  // A throw-away CA and a server certificate it signs, valid for a day.
  sh("cd '" + d + "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
     "-keyout ca.key -out ca.crt -days 1 -subj '/CN=omnicheck test CA' "
     "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign >/dev/null 2>&1");
  sh("cd '" + d + "' && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
     "-keyout server.key -out server.csr -subj '/CN=localhost' >/dev/null 2>&1");
  {
    std::ofstream ext(dir_ / "server.ext");
    ext << "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
           "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n";
  }
  sh("cd '" + d + "' && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial "
     "-out server.crt -days 1 -extfile server.ext >/dev/null 2>&1");

  // Output goes to a file, not a pipe: s_server logs every connection and a closed pipe
  // would kill it with SIGPIPE.
  const std::string log = (dir_ / "s_server.log").string();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    if (chdir(d.c_str()) != 0) _exit(127);
    FILE* f = std::fopen(log.c_str(), "w");
    if (!f) _exit(127);
    dup2(fileno(f), 1);
    dup2(fileno(f), 2);
    execlp("openssl", "openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", "server.crt", "-key", "server.key",
           "-WWW", static_cast<char*>(nullptr));
    _exit(127);
  }
  // s_server prints "ACCEPT 127.0.0.1:<port>" once it listens.
  std::string text;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ifstream in(log);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    auto at = text.find("ACCEPT 127.0.0.1:");
    auto eol = at == std::string::npos ? std::string::npos : text.find('\n', at);
    if (eol != std::string::npos) port_ = std::atoi(text.substr(at + 17, eol - at - 17).c_str());
  }
  if (port_ == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    throw std::runtime_error("openssl s_server did not start: " + text);
  }
}

TlsTestServer::~TlsTestServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void TlsTestServer::put_file(const std::string& name, const std::string& content) {
  std::ofstream(dir_ / name, std::ios::binary) << content;
}

}  // namespace omnicheck::testing

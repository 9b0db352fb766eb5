#include "audit/loopback_dns_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace omnicheck::testing {
namespace {

std::string find_dnsmasq() {
  std::vector<std::string> candidates = {"/usr/sbin/dnsmasq", "/sbin/dnsmasq", "/usr/local/sbin/dnsmasq"};
  if (const char* path = std::getenv("PATH")) {
    std::stringstream ss(path);
    std::string dir;
    while (std::getline(ss, dir, ':')) {
      if (!dir.empty()) candidates.push_back(dir + "/dnsmasq");
    }
  }
  for (const auto& c : candidates) {
    if (access(c.c_str(), X_OK) == 0) return c;
  }
  throw std::runtime_error(
      "dnsmasq not found: the channel-probe tests run a DNS server on 127.0.0.1 and need it "
      "(apt-get install dnsmasq-base; scripts/install-deps installs it)");
}

int bound_socket(int type, int port) {
  int fd = socket(AF_INET, type, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int port_of(int fd) {
  sockaddr_in a{};
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  return ntohs(a.sin_port);
}

// A port free for both UDP and TCP on 127.0.0.1 (dnsmasq listens on both).
int free_dns_port() {
  for (int attempt = 0; attempt < 20; ++attempt) {
    int udp = bound_socket(SOCK_DGRAM, 0);
    if (udp < 0) continue;
    int port = port_of(udp);
    int tcp = bound_socket(SOCK_STREAM, port);
    close(udp);
    if (tcp >= 0) {
      close(tcp);
      return port;
    }
  }
  throw std::runtime_error("no free port on 127.0.0.1 for the test DNS server");
}

bool accepts_tcp(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::vector<std::string> LoopbackDnsServer::local_zone(const std::string& domain) {
  return {"--local=/" + domain + "/"};
}

LoopbackDnsServer::LoopbackDnsServer(const std::vector<std::string>& records) {
  std::string binary = find_dnsmasq();
  std::string last_log;
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = free_dns_port();
    log_path_ = (std::filesystem::temp_directory_path() /
                 ("omnicheck-dnsmasq-" + std::to_string(getpid()) + "-" + std::to_string(port_) + ".log"))
                    .string();
    std::vector<std::string> args = {binary,
                                     "--conf-file=/dev/null",  // no system configuration
                                     "--no-daemon",
                                     "--no-resolv",  // no upstream: unknown names are REFUSED
                                     "--no-hosts",
                                     "--bind-interfaces",
                                     "--listen-address=127.0.0.1",
                                     "--port=" + std::to_string(port_),
                                     "--pid-file",
                                     "--log-queries",
                                     "--log-facility=-"};
    args.insert(args.end(), records.begin(), records.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    int rc = posix_spawn(&pid_, binary.c_str(), &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    if (rc != 0) throw std::runtime_error("could not start " + binary + ": " + std::strerror(rc));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {  // exited: port taken, or bad options
        pid_ = -1;
        break;
      }
      if (accepts_tcp(port_)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    last_log = read_all(log_path_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    std::filesystem::remove(log_path_);
  }
  throw std::runtime_error("dnsmasq did not start on 127.0.0.1: " + last_log);
}

LoopbackDnsServer::~LoopbackDnsServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::error_code ec;
  std::filesystem::remove(log_path_, ec);
}

std::string LoopbackDnsServer::log() const { return read_all(log_path_); }

std::string LoopbackDnsServer::queries() const {
  std::istringstream in(log());
  std::string line, out;
  while (std::getline(in, line))
    if (line.find(" query[") != std::string::npos) out += line + "\n";
  return out;
}

SilentUdpPort::SilentUdpPort() {
  fd_ = bound_socket(SOCK_DGRAM, 0);
  if (fd_ < 0) throw std::runtime_error("could not bind a UDP socket on 127.0.0.1");
  port_ = port_of(fd_);
}

SilentUdpPort::~SilentUdpPort() {
  if (fd_ >= 0) close(fd_);
}

int unused_loopback_port() { return free_dns_port(); }

}  // namespace omnicheck::testing

#include "fetch/test_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <stdexcept>

namespace omnicheck::testing {
namespace {

constexpr int kMaxConnections = 256;  // over a test's lifetime; more is a runaway client

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

}  // namespace

std::string HttpRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

bool Connection::send(std::string_view data) {
  std::size_t off = 0;
  while (off < data.size()) {
    if (stopping() || reset_) return false;
    pollfd p{fd_, POLLOUT, 0};
    int r = ::poll(&p, 1, 100);
    if (r < 0 && errno != EINTR) return false;
    if (r <= 0) continue;
    if (p.revents & (POLLERR | POLLHUP)) return false;
    ssize_t n = ::send(fd_, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  return true;
}

void Connection::reset() {
  linger l{1, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ::close(fd_);
  reset_ = true;
}

bool Connection::sleep_ms(int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < until) {
    if (stopping()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return !stopping();
}

TestHttpServer::TestHttpServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only: never reachable from outside
  a.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listen_fd_, 64) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof a;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
  port_ = ntohs(a.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

TestHttpServer::~TestHttpServer() {
  stop_ = true;
  if (acceptor_.joinable()) acceptor_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    workers.swap(workers_);
  }
  for (auto& t : workers) t.join();
  ::close(listen_fd_);
}

void TestHttpServer::on(const std::string& path, Handler h) {
  std::lock_guard<std::mutex> lock(mu_);
  handlers_[path] = std::move(h);
}

void TestHttpServer::serve(const std::string& path, int status, const std::string& content_type,
                           const std::string& body, std::vector<std::pair<std::string, std::string>> extra) {
  extra.insert(extra.begin(), {"Content-Type", content_type});
  std::string resp = response(status, extra, body);
  on(path, [resp](const HttpRequest&, Connection& c) { c.send(resp); });
}

int TestHttpServer::hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

std::vector<HttpRequest> TestHttpServer::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

std::string TestHttpServer::response(int status, const std::vector<std::pair<std::string, std::string>>& headers,
                                     const std::string& body) {
  std::string r = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
  bool has_length = false;
  for (const auto& [k, v] : headers) {
    r += k + ": " + v + "\r\n";
    std::string lk;
    for (char c : k) lk += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lk == "content-length" || lk == "transfer-encoding") has_length = true;
  }
  if (!has_length) r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  r += "Connection: close\r\n\r\n";
  return r + body;
}

void TestHttpServer::accept_loop() {
  int accepted = 0;
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    if (++accepted > kMaxConnections) {
      ::close(fd);
      continue;
    }
    std::lock_guard<std::mutex> lock(mu_);
    workers_.emplace_back([this, fd] { serve_connection(fd); });
  }
}

void TestHttpServer::serve_connection(int fd) {
  std::string in;
  char buf[4096];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (in.find("\r\n\r\n") == std::string::npos && in.size() < 64 * 1024) {
    if (stop_ || std::chrono::steady_clock::now() > deadline) {
      ::close(fd);
      return;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      ::close(fd);
      return;
    }
    in.append(buf, static_cast<std::size_t>(n));
  }
  HttpRequest req;
  std::size_t pos = in.find("\r\n");
  std::string line = in.substr(0, pos);
  auto sp1 = line.find(' ');
  auto sp2 = line.find(' ', sp1 + 1);
  if (sp1 != std::string::npos && sp2 != std::string::npos) {
    req.method = line.substr(0, sp1);
    req.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    req.path = req.target.substr(0, req.target.find('?'));
  }
  pos += 2;
  while (pos < in.size()) {
    auto eol = in.find("\r\n", pos);
    if (eol == std::string::npos || eol == pos) break;
    std::string h = in.substr(pos, eol - pos);
    pos = eol + 2;
    auto colon = h.find(':');
    if (colon == std::string::npos) continue;
    std::string k = h.substr(0, colon);
    for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string v = h.substr(colon + 1);
    v.erase(0, v.find_first_not_of(' '));
    req.headers.emplace_back(k, v);
  }
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mu_);
    hits_[req.path]++;
    requests_.push_back(req);
    auto it = handlers_.find(req.path);
    if (it != handlers_.end()) handler = it->second;
  }
  Connection conn(fd, &stop_);
  if (handler) {
    handler(req, conn);
  } else {
    conn.send(response(404, {{"Content-Type", "text/plain"}}, "not found\n"));
  }
  if (!conn.was_reset()) {
    ::shutdown(fd, SHUT_WR);
    // Drain briefly so the peer sees a clean close rather than a reset.
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) > 0) ::recv(fd, buf, sizeof buf, 0);
    ::close(fd);
  }
}

}  // namespace omnicheck::testing

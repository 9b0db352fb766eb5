#include "audit/site_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace omnicheck::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxConnections = 128;     // at once; a crawler uses a handful
constexpr std::size_t kMaxRequestHead = 64 * 1024;
constexpr auto kIdle = std::chrono::seconds(10);

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string media_type(const fs::path& p) {
  std::string ext = lower(p.extension().string());
  if (ext.empty() || ext == ".html" || ext == ".htm") return "text/html";
  if (ext == ".txt") return "text/plain";
  if (ext == ".xml") return "application/xml";
  if (ext == ".png") return "image/png";
  if (ext == ".css") return "text/css";
  return "application/octet-stream";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

SiteReply not_found() { return {404, {{"Content-Type", "text/plain"}}, "not found\n"}; }

}  // namespace

struct SiteServer::Conn {
  int fd = -1;
  std::string in, out;
  bool close_after = false;
  Clock::time_point last = Clock::now();
};

SiteServer::SiteServer(Handler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only: never reachable from outside
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listen_fd_, 64) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof a;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
  port_ = ntohs(a.sin_port);
  thread_ = std::thread([this] { loop(); });
}

SiteServer::~SiteServer() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  ::close(listen_fd_);
}

int SiteServer::hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

void SiteServer::loop() {
  std::vector<std::unique_ptr<Conn>> conns;
  while (!stop_) {
    std::vector<pollfd> fds;
    fds.push_back({listen_fd_, POLLIN, 0});
    for (const auto& c : conns) {
      fds.push_back({c->fd, static_cast<short>(POLLIN | (c->out.empty() ? 0 : POLLOUT)), 0});
    }
    if (::poll(fds.data(), fds.size(), 50) < 0 && errno != EINTR) break;
    std::vector<bool> keep(conns.size(), true);
    for (std::size_t i = 0; i < conns.size(); ++i) {
      short ev = fds[i + 1].revents;
      Conn& c = *conns[i];
      if ((ev & (POLLERR | POLLNVAL)) != 0) {
        keep[i] = false;
        continue;
      }
      if ((ev & (POLLIN | POLLHUP)) != 0 && !on_readable(c)) keep[i] = false;
      if (keep[i] && !c.out.empty() && !on_writable(c)) keep[i] = false;
      if (keep[i] && c.out.empty() && c.close_after) keep[i] = false;
      if (keep[i] && Clock::now() - c.last > kIdle) keep[i] = false;
    }
    std::vector<std::unique_ptr<Conn>> alive;
    for (std::size_t i = 0; i < conns.size(); ++i) {
      if (keep[i]) {
        alive.push_back(std::move(conns[i]));
      } else {
        ::close(conns[i]->fd);
      }
    }
    conns.swap(alive);
    if ((fds[0].revents & POLLIN) != 0) {
      for (int n = 0; n < 16; ++n) {
        int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) break;
        if (conns.size() >= kMaxConnections) {
          ::close(fd);
          continue;
        }
        auto c = std::make_unique<Conn>();
        c->fd = fd;
        conns.push_back(std::move(c));
      }
    }
  }
  for (const auto& c : conns) ::close(c->fd);
}

bool SiteServer::on_readable(Conn& c) {
  char buf[16384];
  for (int reads = 0; reads < 64; ++reads) {
    ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
    if (n == 0) return false;  // the client closed
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) break;
      return false;
    }
    c.in.append(buf, static_cast<std::size_t>(n));
    c.last = Clock::now();
    if (c.in.size() > kMaxRequestHead) return false;
  }
  // Answer every complete request in the buffer, in order.
  for (;;) {
    std::size_t end = c.in.find("\r\n\r\n");
    if (end == std::string::npos) break;
    std::string head = c.in.substr(0, end);
    c.in.erase(0, end + 4);
    SiteRequest req;
    std::istringstream lines(head);
    std::string line, version;
    std::getline(lines, line);
    std::istringstream first(line);
    first >> req.method >> req.target >> version;
    req.path = percent_decode(req.target.substr(0, req.target.find('?')));
    bool close = version != "HTTP/1.1";
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = lower(line.substr(0, colon));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (name == "connection" && lower(value) == "close") close = true;
      if (name == "host") req.host = value;
      if (name == "user-agent") req.user_agent = value;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      hits_[req.path]++;
    }
    ++requests_;
    SiteReply r = handler_ ? handler_(req) : not_found();
    std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
    for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
    out += "Content-Length: " + std::to_string(req.method == "HEAD" ? 0 : r.body.size()) + "\r\n";
    out += std::string("Connection: ") + (close ? "close" : "keep-alive") + "\r\n\r\n";
    if (req.method != "HEAD") out += r.body;
    c.out += out;
    if (close) {
      c.close_after = true;
      break;
    }
  }
  return true;
}

bool SiteServer::on_writable(Conn& c) {
  while (!c.out.empty()) {
    ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return true;
      return false;
    }
    c.out.erase(0, static_cast<std::size_t>(n));
    c.last = Clock::now();
  }
  return true;
}

SiteServer::Handler SiteServer::folder(const fs::path& root) {
  return [root](const SiteRequest& req) -> SiteReply {
    std::string rel = req.path;
    if (rel.empty() || rel[0] != '/' || rel.find('\0') != std::string::npos) return not_found();
    if (rel.find("..") != std::string::npos) return not_found();  // nothing outside the folder
    rel.erase(0, 1);
    std::vector<fs::path> candidates;
    if (rel.empty() || rel.back() == '/') {
      candidates.push_back(root / rel / "index.html");
    } else {
      candidates = {root / rel, root / (rel + ".html"), root / rel / "index.html"};
    }
    for (const auto& p : candidates) {
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) return {200, {{"Content-Type", media_type(p)}}, read_all(p)};
    }
    return not_found();
  };
}

SiteServer::Handler SiteServer::memory(std::shared_ptr<const std::map<std::string, std::string>> pages) {
  return [pages](const SiteRequest& req) -> SiteReply {
    auto it = pages->find(req.path);
    if (it == pages->end()) return not_found();
    return {200, {{"Content-Type", "text/html; charset=utf-8"}}, it->second};
  };
}

}  // namespace omnicheck::testing

// A loopback HTTP/1.1 server for the audit tests that serves whole sites: a fixture folder
// resolved the way static servers do (/a/b -> a/b, a/b.html, a/b/index.html) or pages held in
// memory. One thread and poll(), keep-alive, so a crawl of thousands of pages costs neither a
// thread nor a connection per page (the fetch tests' scripted server closes every connection).
// Listens on 127.0.0.1 only; every loop is bounded and the destructor returns promptly.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace omnicheck::testing {

struct SiteReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Type etc.
  std::string body;
};

struct SiteRequest {
  std::string method, target, path;  // path: percent-decoded, without the query
  std::string host;
  std::string user_agent;
};

class SiteServer {
 public:
  using Handler = std::function<SiteReply(const SiteRequest&)>;

  explicit SiteServer(Handler handler);
  ~SiteServer();
  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::size_t requests() const { return requests_.load(); }
  int hits(const std::string& path) const;

  // Serves files below `root`, as a static web server would; "" for paths it cannot map.
  static Handler folder(const std::filesystem::path& root);
  // Serves `pages` (path -> HTML), query strings ignored; everything else is 404.
  static Handler memory(std::shared_ptr<const std::map<std::string, std::string>> pages);

 private:
  struct Conn;
  void loop();
  bool on_readable(Conn& c);
  bool on_writable(Conn& c);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> requests_{0};
  mutable std::mutex mu_;
  std::map<std::string, int> hits_;
  std::thread thread_;
};

}  // namespace omnicheck::testing

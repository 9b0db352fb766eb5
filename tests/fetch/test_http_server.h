// A small real HTTP/1.1 server on 127.0.0.1 for the fetch tests: scripted handlers per path
// can misbehave on purpose (drip, reset, lie about lengths), which a stock server cannot.
// One thread per connection, "Connection: close" always, bounded connection count; every
// wait checks the stop flag so the destructor returns promptly.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace omnicheck::testing {

struct HttpRequest {
  std::string method, target, path;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  std::string header(const std::string& name) const;
};

class Connection {
 public:
  Connection(int fd, const std::atomic<bool>* stop) : fd_(fd), stop_(stop) {}
  // Sends all of `data`; false once the peer is gone or the server stops.
  bool send(std::string_view data);
  // Abortive close: the peer sees a connection reset (RST).
  void reset();
  // Sleeps, waking early (and returning false) when the server stops.
  bool sleep_ms(int ms);
  bool stopping() const { return stop_->load(); }
  int fd() const { return fd_; }
  bool was_reset() const { return reset_; }

 private:
  int fd_;
  const std::atomic<bool>* stop_;
  bool reset_ = false;
};

using Handler = std::function<void(const HttpRequest&, Connection&)>;

class TestHttpServer {
 public:
  TestHttpServer();
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  // Handler for an exact path (query ignored). Unknown paths get 404.
  void on(const std::string& path, Handler h);
  // Serves a fixed response.
  void serve(const std::string& path, int status, const std::string& content_type, const std::string& body,
             std::vector<std::pair<std::string, std::string>> extra_headers = {});

  int port() const { return port_; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int hits(const std::string& path) const;
  std::vector<HttpRequest> requests() const;

  // A complete response with Content-Length and Connection: close.
  static std::string response(int status, const std::vector<std::pair<std::string, std::string>>& headers,
                              const std::string& body);

 private:
  void accept_loop();
  void serve_connection(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  mutable std::mutex mu_;
  std::vector<std::thread> workers_;
  std::map<std::string, Handler> handlers_;
  std::map<std::string, int> hits_;
  std::vector<HttpRequest> requests_;
};

}  // namespace omnicheck::testing

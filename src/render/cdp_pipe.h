// The DevTools protocol over --remote-debugging-pipe: the browser reads commands on its fd 3 and
// writes answers and events on its fd 4, each one JSON text ended by a NUL byte. Written by hand
// because the transport is that simple; a WebSocket library would add a port, a handshake and a
// dependency for nothing. One Unix socket pair serves both directions, so a write to a browser
// that died fails with EPIPE (MSG_NOSIGNAL) instead of killing the process with SIGPIPE.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace omnicheck::render {

class CdpPipe {
 public:
  using Clock = std::chrono::steady_clock;

  // Starts `executable` with `args` (and --remote-debugging-pipe) in its own process group, its
  // output sent to /dev/null. Throws std::runtime_error when it cannot be started.
  CdpPipe(const std::string& executable, const std::vector<std::string>& args);
  // Asks the browser to close, then kills its process group and reaps it.
  ~CdpPipe();
  CdpPipe(const CdpPipe&) = delete;
  CdpPipe& operator=(const CdpPipe&) = delete;

  // Sends a command; returns its id, or -1 when the browser is gone.
  long send(const std::string& method, const nlohmann::json& params, const std::string& session = "");
  // The next message, or nullopt at `deadline` or once the browser is gone (alive() false).
  std::optional<nlohmann::json> next(Clock::time_point deadline);
  // Sends a command and waits for its answer; the events that arrive meanwhile are kept for
  // next(). nullopt at the deadline or when the browser is gone; an error answer is returned
  // as it is (it has "error").
  std::optional<nlohmann::json> call(const std::string& method, const nlohmann::json& params,
                                     const std::string& session, Clock::time_point deadline);

  bool alive() const { return fd_ >= 0; }

 private:
  void close_connection();
  std::optional<nlohmann::json> read_message(Clock::time_point deadline);

  int fd_ = -1;
  pid_t pid_ = -1;
  long next_id_ = 1;
  std::string buffer_;
  std::deque<nlohmann::json> pending_;   // events read while waiting for an answer
};

}  // namespace omnicheck::render

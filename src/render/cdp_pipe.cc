#include "render/cdp_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace omnicheck::render {
namespace {

// A message larger than this is no answer the audit asked for (a full-page screenshot of the
// tallest page allowed stays far below it): the connection is dropped rather than grown.
constexpr std::size_t kMaxMessageBytes = 256u << 20;

// Moves `fd` to a number above the two the child must see as 3 and 4, so that dup2 onto them
// never meets itself (dup2(fd, fd) would keep the close-on-exec flag).
int above_four(int fd) {
  if (fd > 4) return fd;
  int moved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  ::close(fd);
  return moved;
}

long ms_until(CdpPipe::Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - CdpPipe::Clock::now()).count();
  return left < 0 ? 0 : left;
}

}  // namespace

CdpPipe::CdpPipe(const std::string& executable, const std::vector<std::string>& args) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    throw std::runtime_error(std::string("socketpair: ") + std::strerror(errno));
  }
  int ours = above_four(sv[0]);
  int theirs = above_four(sv[1]);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, theirs, 3);
  posix_spawn_file_actions_adddup2(&fa, theirs, 4);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group: the browser starts helpers (zygote, renderers, GPU) that must go
  // with it, whatever state it is in when the audit ends.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<std::string> argv_s = {executable};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  argv_s.push_back("--remote-debugging-pipe");
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  int rc = posix_spawn(&pid_, executable.c_str(), &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  ::close(theirs);
  if (rc != 0) {
    ::close(ours);
    pid_ = -1;
    throw std::runtime_error("cannot start " + executable + ": " + std::strerror(rc));
  }
  fd_ = ours;
}

CdpPipe::~CdpPipe() {
  if (fd_ >= 0) {
    send("Browser.close", nlohmann::json::object());
    close_connection();
  }
  if (pid_ > 0) {
    // A second to close cleanly (it removes its profile's locks), then the whole group goes:
    // helpers left behind by a crashed browser included.
    bool exited = false;
    for (int i = 0; i < 20 && !exited; ++i) {
      exited = waitpid(pid_, nullptr, WNOHANG) == pid_;
      if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(-pid_, SIGKILL);
    if (!exited) waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
}

void CdpPipe::close_connection() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

long CdpPipe::send(const std::string& method, const nlohmann::json& params, const std::string& session) {
  if (fd_ < 0) return -1;
  long id = next_id_++;
  nlohmann::json m = {{"id", id}, {"method", method}, {"params", params}};
  if (!session.empty()) m["sessionId"] = session;
  // Merchant text travels in these messages (response bodies): invalid UTF-8 is replaced, not
  // thrown on.
  std::string text = m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\0');
  std::size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::send(fd_, text.data() + off, text.size() - off, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close_connection();
      return -1;
    }
    off += static_cast<std::size_t>(n);
  }
  return id;
}

std::optional<nlohmann::json> CdpPipe::read_message(Clock::time_point deadline) {
  while (fd_ >= 0) {
    auto nul = buffer_.find('\0');
    if (nul != std::string::npos) {
      std::string text = buffer_.substr(0, nul);
      buffer_.erase(0, nul + 1);
      auto j = nlohmann::json::parse(text, nullptr, false);
      if (j.is_discarded() || !j.is_object()) continue;  // not one of ours: skipped
      return j;
    }
    if (buffer_.size() > kMaxMessageBytes) {
      close_connection();
      return std::nullopt;
    }
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(ms_until(deadline)));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return std::nullopt;  // the deadline
    char chunk[65536];
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close_connection();  // the browser is gone
      return std::nullopt;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  return std::nullopt;
}

std::optional<nlohmann::json> CdpPipe::next(Clock::time_point deadline) {
  if (!pending_.empty()) {
    nlohmann::json j = std::move(pending_.front());
    pending_.pop_front();
    return j;
  }
  return read_message(deadline);
}

std::optional<nlohmann::json> CdpPipe::call(const std::string& method, const nlohmann::json& params,
                                            const std::string& session, Clock::time_point deadline) {
  long id = send(method, params, session);
  if (id < 0) return std::nullopt;
  while (auto m = read_message(deadline)) {
    if (m->value("id", -1L) == id) return m;
    if (m->contains("method")) pending_.push_back(std::move(*m));
  }
  return std::nullopt;
}

}  // namespace omnicheck::render

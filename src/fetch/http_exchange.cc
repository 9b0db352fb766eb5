#include "fetch/http_exchange.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cctype>

namespace omnicheck::fetch {
namespace {

void host_and_port(const std::string& url, std::string* host, long* port) {
  CURLU* u = curl_url();
  if (u && curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* h = nullptr;
    char* p = nullptr;
    if (curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h) *host = h;
    if (curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK && p) *port = std::atol(p);
    curl_free(h);
    curl_free(p);
  }
  curl_url_cleanup(u);
  for (auto& c : *host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string sockaddr_ip(const sockaddr* sa) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (sa->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
  } else if (sa->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
  }
  return buf;
}

}  // namespace

HttpExchange::HttpExchange(const std::string& url, const ExchangeSettings& s) : url_(url), s_(s) {
  host_and_port(url, &host_, &port_);
  started_at_ = now_rfc3339();
  easy_ = curl_easy_init();
  if (!easy_) {
    error_ = "libcurl could not create a handle";
    return;
  }
  const HttpOptions& o = *s.options;
  curl_easy_setopt(easy_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, errbuf_);
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
  // Redirects are followed by the fetcher, hop by hop, so each hop is recorded and checked.
  curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 0L);
  // Never through a proxy picked up from the environment: the guard must see the real peer.
  curl_easy_setopt(easy_, CURLOPT_PROXY, "");
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, s.request_headers);
  // Ask for compression but decode it ourselves (see http_content_decoder.h).
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "gzip, deflate, br");
  curl_easy_setopt(easy_, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
  curl_easy_setopt(easy_, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_bytes);
  curl_easy_setopt(easy_, CURLOPT_LOW_SPEED_TIME, o.low_speed_seconds);
  // No CURLOPT_MAXFILESIZE: libcurl would refuse on Content-Length before the content type
  // is looked at; the callbacks below enforce the cap on raw and decoded bytes themselves.
  if (o.insecure) {
    curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, 0L);
  } else {
    curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, 2L);
  }
  if (!o.cacert.empty()) curl_easy_setopt(easy_, CURLOPT_CAINFO, o.cacert.c_str());
  if (s.resolve) curl_easy_setopt(easy_, CURLOPT_RESOLVE, s.resolve);
  if (s.share) curl_easy_setopt(easy_, CURLOPT_SHARE, s.share);
  curl_easy_setopt(easy_, CURLOPT_COOKIEFILE, "");  // cookie engine on, in memory only
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &HttpExchange::on_header);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &HttpExchange::on_write);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy_, CURLOPT_OPENSOCKETFUNCTION, &HttpExchange::on_open_socket);
  curl_easy_setopt(easy_, CURLOPT_OPENSOCKETDATA, this);
  curl_easy_setopt(easy_, CURLOPT_PREREQFUNCTION, &HttpExchange::on_prereq);
  curl_easy_setopt(easy_, CURLOPT_PREREQDATA, this);
  if (s.capture_request) {
    // The debug callback is the one place libcurl shows the request head as sent.
    curl_easy_setopt(easy_, CURLOPT_DEBUGFUNCTION, &HttpExchange::on_debug);
    curl_easy_setopt(easy_, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(easy_, CURLOPT_VERBOSE, 1L);
  }
}

HttpExchange::~HttpExchange() {
  if (easy_) curl_easy_cleanup(easy_);
}

const std::string& HttpExchange::decoded() const {
  static const std::string kEmpty;
  return decoder_ ? decoder_->output() : kEmpty;
}

curl_socket_t HttpExchange::on_open_socket(void* self_p, curlsocktype purpose, curl_sockaddr* addr) {
  auto* self = static_cast<HttpExchange*>(self_p);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
  std::string ip = sockaddr_ip(&addr->addr);
  if (auto refusal = self->s_.guard->check(self->host_, self->port_, ip)) {
    // curl may try another address of the host; the last refusal is the one reported.
    self->guard_error_ = *refusal;
    return CURL_SOCKET_BAD;
  }
  self->ip_ = ip;
  return socket(addr->family, addr->socktype, addr->protocol);
}

// libcurl >= 7.80 calls this after the connection is made or taken from the cache and
// before the request is sent: a transfer on a reused connection is checked too.
int HttpExchange::on_prereq(void* self_p, char* conn_primary_ip, char*, int, int) {
  auto* self = static_cast<HttpExchange*>(self_p);
  if (auto refusal = self->s_.guard->check(self->host_, self->port_, conn_primary_ip)) {
    self->guard_error_ = *refusal;
    return CURL_PREREQFUNC_ABORT;
  }
  self->ip_ = conn_primary_ip;
  return CURL_PREREQFUNC_OK;
}

int HttpExchange::on_debug(CURL*, curl_infotype type, char* data, size_t n, void* self_p) {
  auto* self = static_cast<HttpExchange*>(self_p);
  if (type == CURLINFO_HEADER_OUT && self->request_head_.size() < 64 * 1024) self->request_head_.append(data, n);
  return 0;
}

size_t HttpExchange::on_header(char* data, size_t size, size_t n, void* self) {
  return static_cast<HttpExchange*>(self)->header(data, size * n);
}

size_t HttpExchange::on_write(char* data, size_t size, size_t n, void* self) {
  return static_cast<HttpExchange*>(self)->write(data, size * n);
}

size_t HttpExchange::header(const char* data, size_t n) {
  std::string line(data, n);
  if (head_done_) return n;  // trailers after a chunked body: not part of the head
  int status = 0;
  if (!in_head_ || parse_status_line(line, &status)) {
    if (!parse_status_line(line, &status)) return n;
    head_ = ResponseHead{};
    head_.status = status;
    raw_head_.clear();
    in_head_ = true;
  }
  if (raw_head_.size() + n > 256 * 1024) {
    error_ = "response head larger than 256 KiB";
    truncated_ = "length";
    return 0;
  }
  raw_head_ += line;
  if (line == "\r\n" || line == "\n") {
    in_head_ = false;
    if (head_.status >= 100 && head_.status < 200) return n;  // interim response; the real one follows
    return end_of_head() ? n : 0;
  }
  add_header_line(&head_, line);
  return n;
}

bool HttpExchange::end_of_head() {
  head_done_ = true;
  fetched_at_ = now_rfc3339();
  std::string media, charset;
  parse_content_type(head_.get("content-type"), &media, &charset);
  // Only a 2xx body is content; redirects and error answers are read (under the cap) whatever
  // their type, so that a 503 with a JSON body is still retried and archived.
  bool content = head_.status >= 200 && head_.status < 300;
  if (s_.pages_only && content && !is_page_media_type(media)) {
    error_ = "not downloaded: the content type is " + media + ", not a page";
    truncated_ = "unspecified";
    return false;
  }
  std::string cl = head_.get("content-length");
  if (!s_.truncate_ok && !cl.empty() && cl.find_first_not_of("0123456789") == std::string::npos &&
      (cl.size() > 15 || std::stoull(cl) > s_.max_bytes)) {
    error_ = "body of " + cl + " bytes exceeds the limit of " + std::to_string(s_.max_bytes) + " bytes";
    truncated_ = "length";
    over_limit_ = true;
    return false;
  }
  decoder_ = std::make_unique<ContentDecoder>(head_.get("content-encoding"), s_.max_bytes);
  return true;
}

size_t HttpExchange::write(const char* data, size_t n) {
  if (!head_done_ || !decoder_) return 0;
  std::size_t take = n;
  bool cut = false;
  std::size_t raw_so_far = decoder_->identity() ? decoder_->output().size() : raw_body_.size();
  if (raw_so_far + n > s_.max_bytes) {
    take = s_.max_bytes > raw_so_far ? s_.max_bytes - raw_so_far : 0;
    cut = true;
  }
  if (!decoder_->identity()) raw_body_.append(data, take);
  if (!decoder_->feed(data, take)) {
    over_limit_ = decoder_->over_limit();
    error_ = over_limit_ ? decoder_->error() : "content decoding failed: " + decoder_->error();
    truncated_ = over_limit_ ? "length" : "unspecified";
    return 0;
  }
  if (cut) {
    over_limit_ = true;
    error_ = "body exceeds the limit of " + std::to_string(s_.max_bytes) + " bytes";
    truncated_ = "length";
    return 0;
  }
  return n;
}

void HttpExchange::complete(CURLcode rc) {
  rc_ = rc;
  if (fetched_at_.empty()) fetched_at_ = now_rfc3339();
  if (ip_.empty() && easy_) {
    char* ip = nullptr;
    if (curl_easy_getinfo(easy_, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) ip_ = ip;
  }
  // A refusal only counts when no connection was made: with several addresses (IPv6 and
  // IPv4) libcurl may have gone on to one the guard allowed.
  if (!guard_error_.empty() && rc != CURLE_OK && !head_done_) {
    refused_ = true;
    error_ = guard_error_;
    return;
  }
  if (!error_.empty()) return;  // stopped by our own callbacks; the reason is already set
  if (rc != CURLE_OK) {
    std::string detail = errbuf_[0] ? errbuf_ : curl_easy_strerror(rc);
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT:
        error_ = "timed out: " + detail;
        truncated_ = head_done_ ? "time" : "";
        break;
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS:
        error_ = "TLS failed: " + detail;
        break;
      case CURLE_RECV_ERROR:
      case CURLE_PARTIAL_FILE:
      case CURLE_GOT_NOTHING:
      case CURLE_SEND_ERROR:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
        error_ = "connection broken: " + detail;
        truncated_ = head_done_ ? "disconnect" : "";
        break;
      case CURLE_FILESIZE_EXCEEDED:
        error_ = "body exceeds the limit of " + std::to_string(s_.max_bytes) + " bytes";
        truncated_ = head_done_ ? "length" : "";
        over_limit_ = true;
        break;
      default:
        error_ = std::string(curl_easy_strerror(rc)) + ": " + detail;
        break;
    }
    return;
  }
  if (!head_done_) {
    error_ = "no HTTP response";
    return;
  }
  if (decoder_ && !decoder_->finish()) {
    error_ = "content decoding failed: " + decoder_->error();
    truncated_ = "unspecified";
  }
}

}  // namespace omnicheck::fetch

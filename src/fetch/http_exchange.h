// One HTTP request and its response on one libcurl easy handle: sets the options, enforces
// the limits inside libcurl's callbacks (where a hostile server can be cut off), and keeps
// what the WARC archive and the Page need.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "fetch/address_guard.h"
#include "fetch/fetch.h"
#include "fetch/http_content_decoder.h"
#include "fetch/http_response_head.h"

namespace omnicheck::fetch {

struct ExchangeSettings {
  const HttpOptions* options = nullptr;
  curl_slist* resolve = nullptr;       // owned by the fetcher
  curl_slist* request_headers = nullptr;
  CURLSH* share = nullptr;             // cookie engine shared by all handles
  AddressGuard* guard = nullptr;
  std::size_t max_bytes = 0;           // cap on raw and decoded body bytes
  bool pages_only = true;              // abort after the head if the body is not a page
  bool truncate_ok = false;            // at the cap keep what arrived (robots.txt, §2.5)
  bool capture_request = false;        // keep the request head for the archive
};

class HttpExchange {
 public:
  HttpExchange(const std::string& url, const ExchangeSettings& settings);
  ~HttpExchange();
  HttpExchange(const HttpExchange&) = delete;
  HttpExchange& operator=(const HttpExchange&) = delete;

  CURL* handle() const { return easy_; }
  // Called with libcurl's result once the multi handle reports the transfer done.
  void complete(CURLcode rc);

  const std::string& url() const { return url_; }
  const std::string& started_at() const { return started_at_; }
  // Filled by complete():
  bool got_head() const { return head_done_; }
  const ResponseHead& head() const { return head_; }
  const std::string& raw_head() const { return raw_head_; }
  // The body as transferred: content coding kept, chunked transfer coding removed (libcurl
  // removes it; HTTP/2 has none).
  const std::string& raw_body() const { return decoder_ && !decoder_->identity() ? raw_body_ : decoded(); }
  const std::string& decoded() const;
  const std::string& request_head() const { return request_head_; }
  const std::string& ip() const { return ip_; }
  const std::string& fetched_at() const { return fetched_at_; }
  // Why the transfer failed ("" if it did not); refused_by_guard() when the guard stopped it.
  const std::string& error() const { return error_; }
  bool refused_by_guard() const { return refused_; }
  // WARC-Truncated reason ("length", "time", "disconnect", "unspecified"), "" if complete.
  const std::string& truncated() const { return truncated_; }
  bool over_limit() const { return over_limit_; }
  CURLcode curl_code() const { return rc_; }

 private:
  static size_t on_header(char* data, size_t size, size_t n, void* self);
  static size_t on_write(char* data, size_t size, size_t n, void* self);
  static curl_socket_t on_open_socket(void* self, curlsocktype purpose, curl_sockaddr* addr);
  static int on_prereq(void* self, char* conn_primary_ip, char* local_ip, int primary_port, int local_port);
  static int on_debug(CURL*, curl_infotype type, char* data, size_t n, void* self);
  size_t header(const char* data, size_t n);
  size_t write(const char* data, size_t n);
  bool end_of_head();  // false to abort the transfer

  CURL* easy_ = nullptr;
  std::string url_;
  std::string host_;
  long port_ = 0;
  ExchangeSettings s_;
  char errbuf_[CURL_ERROR_SIZE] = {};
  std::string started_at_;
  std::string request_head_;
  std::string raw_head_;
  ResponseHead head_;
  bool in_head_ = false;
  bool head_done_ = false;
  std::string raw_body_;
  std::unique_ptr<ContentDecoder> decoder_;
  std::string ip_;
  std::string fetched_at_;
  std::string error_;        // set by our own callbacks when they stop the transfer
  std::string guard_error_;
  std::string truncated_;
  bool over_limit_ = false;
  bool refused_ = false;
  CURLcode rc_ = CURLE_OK;
};

}  // namespace omnicheck::fetch

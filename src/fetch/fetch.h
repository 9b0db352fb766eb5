// omnicheck fetch stage: turns a URL into a Page, the raw material every later stage quotes.
// Serves two kinds of target behind one interface: a local folder holding a saved site
// (file:// URLs) and, later, live http(s) sites.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace omnicheck::fetch {

// One fetched resource, kept exactly as received so its hash can be re-checked later.
struct Page {
  std::string requested_url;
  std::string final_url;                    // after redirects / index resolution
  std::vector<std::string> redirect_chain;  // requested .. final, empty when none
  int status = 0;                           // HTTP status; 200/404 for local files
  std::vector<std::pair<std::string, std::string>> headers;  // selected response headers
  std::string content_type;                 // media type, lower case, no parameters
  std::string charset;                      // from the Content-Type header, if any
  std::string fetched_at;                   // UTC, RFC 3339
  std::string sha256;                       // hex SHA-256 of `body` as received
  std::string body;                         // raw bytes
  std::string error;                        // why the fetch failed; empty on success
  // Set when the page was rendered in a browser (src/render): the DOM its scripts built,
  // serialized as UTF-8 HTML, which the later stages read instead of `body`. `body` and
  // `sha256` stay those of the bytes served; the rendered DOM has its own hash.
  std::string rendered_dom;
  std::string rendered_sha256;
  std::string rendered_at;                  // UTC, RFC 3339
  std::string render_reason;                // why it was rendered ("app shell: …", "--render always")

  bool ok() const { return error.empty() && status >= 200 && status < 300; }
  bool is_html() const;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual Page fetch(const std::string& url) = 0;
  // Fetches several URLs; the HTTP fetcher runs them concurrently within its politeness
  // limits. Pages come back in the order of `urls`.
  virtual std::vector<Page> fetch_batch(const std::vector<std::string>& urls) {
    std::vector<Page> out;
    for (const auto& u : urls) out.push_back(fetch(u));
    return out;
  }
  // A resource a browser asks for while rendering a page (script, style sheet, data, image):
  // any content type and an empty body are accepted; robots.txt, the network guard and the
  // size cap apply as to pages, and the archive records it. Redirects are followed.
  virtual Page fetch_resource(const std::string& url) { return fetch(url); }
  // Writes a WARC "resource" record (a screenshot, a rendered DOM) into the archive, when one is
  // being written; returns its record id, or "" when there is no archive.
  virtual std::string archive_resource(const std::string& uri, const std::string& content_type,
                                       const std::string& bytes, const std::string& note) {
    (void)uri;
    (void)content_type;
    (void)bytes;
    (void)note;
    return "";
  }
  // Whether the crawl may fetch `url` (robots.txt); `why` says what forbids it.
  virtual bool allowed(const std::string& url, std::string* why) {
    (void)url;
    (void)why;
    return true;
  }
  // Extra start points known before the crawl (sitemap URLs); empty for a local folder.
  virtual std::vector<std::string> seed_urls() { return {}; }
  // Facts about how the fetching was done that the report must record
  // (e.g. "insecure": TLS not verified, "ignore_robots", archive path and its SHA-256),
  // as key/value pairs.
  virtual std::vector<std::pair<std::string, std::string>> record() { return {}; }
  // Whether `url` belongs to the audited site (same folder / same host).
  virtual bool in_scope(const std::string& url) const = 0;
  // The URL the crawl starts from.
  virtual std::string start_url() const = 0;
  // Ends the fetching: the HTTP fetcher closes its WARC archive here, after which record()
  // carries the archive's SHA-256. Idempotent; the destructor calls it too, but only an
  // explicit call lets the caller read the digest.
  virtual void finish() {}
};

// A saved site in a local folder (wget mirror, dist/ build). URLs are file:// URLs below the
// folder; they resolve the way static servers do: /a/b -> a/b, a/b.html or a/b/index.html,
// query strings ignored, nothing outside the folder is ever read. A file larger than
// `max_body_bytes` is not read (the same cap as a live page's body, HttpOptions::max_body_bytes).
std::unique_ptr<Fetcher> make_local_fetcher(const std::string& folder, std::size_t max_body_bytes = 5u << 20);

// --- live sites over HTTP(S) ---

// "omnicheck/<version> (+https://github.com/omnicheck/omnicheck)"
std::string default_user_agent();

struct HttpOptions {
  std::string user_agent = default_user_agent();
  std::string cacert;                // CA bundle file; "" = the system store
  bool insecure = false;             // TLS verification off (recorded)
  std::vector<std::string> resolve;  // "HOST:PORT:ADDR", as curl's --resolve
  bool allow_private = false;        // allow private/loopback/link-local targets
  bool ignore_robots = false;        // recorded
  std::size_t max_body_bytes = 5u << 20;  // on the bytes as sent and on the decoded bytes
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 30000;
  long low_speed_bytes = 100;  // abort when slower than this many bytes/s ...
  long low_speed_seconds = 10;  // ... for this long
  int max_redirects = 10;
  int max_retries = 2;           // on 429/5xx; waits follow Retry-After ...
  long max_retry_after_s = 30;   // ... up to this; a longer Retry-After is not waited for
  int per_host_concurrency = 2;
  long per_host_delay_ms = 500;      // between request starts; raised by robots Crawl-delay ...
  long max_crawl_delay_ms = 10000;   // ... up to this
  std::string archive_path;          // write a WARC 1.1 .warc.gz when non-empty
};

// Fetches a live site. Throws std::invalid_argument for a start URL that is not http(s) or
// for malformed options, std::runtime_error when the archive cannot be created.
// Robots.txt is obeyed by fetch() itself unless ignore_robots (a disallowed URL comes back
// with `error` set and nothing sent). Page::body is the body after content decoding (gzip,
// deflate, br) and before any charset decoding, and Page::sha256 is of those bytes; the WARC
// archive keeps the bytes as transferred, with their own digests. A Page with `error` set
// never carries a partial body. Empty 2xx bodies and non-page content types (images, PDFs:
// not downloaded past the head) come back with `error` set too, so no stage reads them as
// a page without the required information.
// record() carries "archive_sha256" once finish() has closed the archive.
std::unique_ptr<Fetcher> make_http_fetcher(const std::string& start_url, const HttpOptions& options);
// Serves the pages recorded in a WARC written by the HTTP fetcher, without any network.
// Throws std::runtime_error when the file cannot be read.
std::unique_ptr<Fetcher> make_warc_replay_fetcher(const std::string& warc_gz_path);

// What kind of network an IP address (text form, IPv4 or IPv6) belongs to; the network guard
// refuses every class but public_net unless the audit target itself is on such a network.
enum class AddressClass { loopback, private_net, link_local, metadata, unspecified, multicast, reserved, public_net };
AddressClass classify_address(const std::string& ip);
const char* to_string(AddressClass c);

// --- URL helpers (libcurl's URL API, so every stage parses URLs the same way) ---
// Resolves `href` against `base`; nullopt for hrefs that are not fetchable links
// (javascript:, data:, unparsable). mailto: and tel: are returned as they are.
std::optional<std::string> resolve_url(const std::string& base, const std::string& href);
// The same, for the many links of one page: the base is parsed once, not once per link.
class UrlResolver {
 public:
  explicit UrlResolver(const std::string& base);
  ~UrlResolver();
  UrlResolver(const UrlResolver&) = delete;
  UrlResolver& operator=(const UrlResolver&) = delete;
  std::optional<std::string> resolve(const std::string& href) const;
  const std::string& base() const { return base_; }

 private:
  std::string base_;
  struct Handle;
  std::unique_ptr<Handle> handle_;  // the parsed base; null when the base does not parse
};
// Canonical form used to avoid fetching a page twice: lower-case scheme and host, no default
// port, no fragment, no tracking parameters, no trailing "index.html".
std::string normalize_url(const std::string& url);
std::string url_host(const std::string& url);
std::string url_path(const std::string& url);

// "%41%20b" -> "A b"; a "%" not followed by two hex digits stays as written.
std::string percent_decode(std::string_view s);

// --- small shared utilities ---
std::string sha256_hex(std::string_view bytes);
// The same digest in base64: a Content-Security-Policy hash source ('sha256-…').
std::string sha256_base64(std::string_view bytes);
// The SHA-256 (hex) of a file read in blocks (a WARC of a full crawl is gigabytes) and its size
// in `bytes`; "" when it cannot be read.
std::string sha256_file_hex(const std::string& path, std::uint64_t* bytes = nullptr);
// RFC 4648 base64 (OpenSSL's encoder): the DevTools protocol's bodies and screenshots, keys and
// signatures in the evidence manifest. Decoding ignores padding; "" for text that is no base64.
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);
std::string now_rfc3339();
// YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2026-02-29 no): audit dates, the expiry
// of an accepted finding, the dates a report writes in words.
bool is_calendar_date(std::string_view ymd);

}  // namespace omnicheck::fetch

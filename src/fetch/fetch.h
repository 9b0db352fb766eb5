// omnicheck fetch stage: turns a URL into a Page, the raw material every later stage quotes.
// Serves two kinds of target behind one interface: a local folder holding a saved site
// (file:// URLs) and, later, live http(s) sites.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
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
};

// A saved site in a local folder (wget mirror, dist/ build). URLs are file:// URLs below the
// folder; they resolve the way static servers do: /a/b -> a/b, a/b.html or a/b/index.html,
// query strings ignored, nothing outside the folder is ever read.
std::unique_ptr<Fetcher> make_local_fetcher(const std::string& folder);

// --- URL helpers (libcurl's URL API, so every stage parses URLs the same way) ---
// Resolves `href` against `base`; nullopt for hrefs that are not fetchable links
// (javascript:, data:, unparsable). mailto: and tel: are returned as they are.
std::optional<std::string> resolve_url(const std::string& base, const std::string& href);
// Canonical form used to avoid fetching a page twice: lower-case scheme and host, no default
// port, no fragment, no tracking parameters, no trailing "index.html".
std::string normalize_url(const std::string& url);
std::string url_host(const std::string& url);
std::string url_path(const std::string& url);

// --- small shared utilities ---
std::string sha256_hex(std::string_view bytes);
std::string now_rfc3339();

}  // namespace omnicheck::fetch

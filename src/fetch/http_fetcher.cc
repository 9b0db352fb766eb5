// The live-site fetcher: libcurl's multi interface runs the transfers concurrently, while this
// file decides what runs when (per-host concurrency and delay, robots.txt first, retries,
// redirects hop by hop) and turns finished exchanges into Pages.
// Not thread-safe: one crawl drives one fetcher from one thread.
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

#include "fetch/address_guard.h"
#include "fetch/fetch.h"
#include "fetch/http_exchange.h"
#include "fetch/robots_policy.h"
#include "fetch/sitemap_parser.h"
#include "fetch/warc_http_records.h"
#include "fetch/warc_writer.h"

#ifndef OMNICHECK_VERSION
#define OMNICHECK_VERSION "0.0.0"
#endif

namespace omnicheck::fetch {

std::string default_user_agent() {
  return std::string("omnicheck/") + OMNICHECK_VERSION + " (+https://github.com/omnicheck/omnicheck)";
}

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t kRobotsMaxBytes = 500 * 1024;   // RFC 9309 §2.5
constexpr std::size_t kSitemapMaxBytes = 10u << 20;   // per sitemap file, decoded
constexpr std::size_t kSitemapMaxFiles = 20;
constexpr std::size_t kSitemapMaxUrls = 50000;

enum class Purpose { page, robots, sitemap, resource };

const char* purpose_name(Purpose p) {
  switch (p) {
    case Purpose::page: return "page";
    case Purpose::robots: return "robots";
    case Purpose::sitemap: return "sitemap";
    case Purpose::resource: return "resource";
  }
  return "page";
}

// One URL the caller (or the fetcher itself, for robots.txt) wants, across its redirects and
// retries.
struct Job {
  Purpose purpose = Purpose::page;
  std::string requested_url;
  std::string current_url;
  std::vector<std::string> chain;  // requested .. current once a redirect happened
  int attempt = 0;
  Clock::time_point not_before{};
  bool active = false;
  bool done = false;
  bool refused_by_guard = false;
  Page page;
};

struct HostState {
  int active = 0;
  bool started = false;
  Clock::time_point last_start{};
  long delay_ms = 0;
};

struct RobotsEntry {
  bool pending = false;
  std::optional<RobotsPolicy> policy;
  std::string summary;  // what was found, for record()
  std::string refusal;  // the network guard refused the origin: every page there fails so
};

struct UrlParts {
  std::string scheme, host, port, path_query;
};

std::optional<UrlParts> split_url(const std::string& url) {
  CURLU* u = curl_url();
  if (!u) return std::nullopt;
  UrlParts out;
  bool ok = curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK;
  auto get = [&](CURLUPart part, unsigned flags) {
    char* s = nullptr;
    std::string v;
    if (curl_url_get(u, part, &s, flags) == CURLUE_OK && s) v = s;
    curl_free(s);
    return v;
  };
  if (ok) {
    out.scheme = get(CURLUPART_SCHEME, 0);
    out.host = get(CURLUPART_HOST, 0);
    out.port = get(CURLUPART_PORT, CURLU_DEFAULT_PORT);
    out.path_query = get(CURLUPART_PATH, 0);
    std::string q = get(CURLUPART_QUERY, 0);
    if (!q.empty()) out.path_query += "?" + q;
  }
  curl_url_cleanup(u);
  if (!ok) return std::nullopt;
  for (auto& c : out.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : out.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  return out;
}

std::string origin_of(const UrlParts& p) { return p.scheme + "://" + p.host + ":" + p.port; }

std::string strip_www(const std::string& host) { return host.rfind("www.", 0) == 0 ? host.substr(4) : host; }

// Transport failures worth one more try: the connection failed before any response, which
// on the open internet is often a passing fault. Anything after a response head is not retried.
bool transient(const HttpExchange& ex) {
  if (ex.got_head() || ex.refused_by_guard()) return false;
  switch (ex.curl_code()) {
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      return true;
    default:
      return false;
  }
}

bool retry_status(int s) { return s == 429 || s == 500 || s == 502 || s == 503 || s == 504; }

class HttpFetcher final : public Fetcher {
 public:
  HttpFetcher(const std::string& start_url, const HttpOptions& options)
      : options_(options), guard_(start_url, options.resolve, options.allow_private) {
    auto parts = split_url(start_url);
    if (!parts) throw std::invalid_argument("not an http(s) URL: " + start_url);
    if (options_.max_redirects < 0 || options_.max_retries < 0 || options_.per_host_concurrency < 1 ||
        options_.max_body_bytes == 0) {
      throw std::invalid_argument("invalid HTTP options");
    }
    start_url_ = start_url;
    start_host_ = strip_www(parts->host);
    robots_token_ = product_token(options_.user_agent);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    multi_ = curl_multi_init();
    share_ = curl_share_init();
    if (!multi_ || !share_) throw std::runtime_error("libcurl initialisation failed");
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
    for (const auto& r : options_.resolve) resolve_ = curl_slist_append(resolve_, r.c_str());
    headers_ = curl_slist_append(
        headers_, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
    if (!options_.archive_path.empty()) {
      writer_ = std::make_unique<WarcWriter>(options_.archive_path);
      archive_warcinfo(*writer_, start_url_, options_);
    }
  }

  ~HttpFetcher() override {
    finish();
    curl_multi_cleanup(multi_);  // all easy handles are gone: run() never leaves one behind
    curl_share_cleanup(share_);
    curl_slist_free_all(resolve_);
    curl_slist_free_all(headers_);
  }

  std::string start_url() const override { return start_url_; }

  bool in_scope(const std::string& url) const override {
    auto p = split_url(url);
    return p && strip_www(p->host) == start_host_;
  }

  Page fetch(const std::string& url) override { return fetch_batch({url}).front(); }

  Page fetch_resource(const std::string& url) override {
    auto job = make_job(Purpose::resource, url);
    run({job.get()});
    return std::move(job->page);
  }

  std::string archive_resource(const std::string& uri, const std::string& content_type, const std::string& bytes,
                               const std::string& note) override {
    if (!writer_) return "";
    WarcFields f = {{"WARC-Target-URI", uri}};
    if (!note.empty()) f.emplace_back("WARC-Omnicheck-Note", note);
    return writer_->write("resource", now_rfc3339(), content_type, std::move(f), bytes);
  }

  std::vector<Page> fetch_batch(const std::vector<std::string>& urls) override {
    std::vector<std::unique_ptr<Job>> jobs;
    std::vector<Job*> ptrs;
    for (const auto& u : urls) {
      jobs.push_back(make_job(Purpose::page, u));
      ptrs.push_back(jobs.back().get());
    }
    run(ptrs);
    std::vector<Page> out;
    for (auto& j : jobs) out.push_back(std::move(j->page));
    return out;
  }

  bool allowed(const std::string& url, std::string* why) override {
    auto p = split_url(url);
    if (!p) {
      if (why) *why = "not an http(s) URL";
      return false;
    }
    if (options_.ignore_robots) return true;
    const RobotsPolicy& policy = robots_for(*p);
    return policy.allowed(p->path_query, why);
  }

  std::vector<std::string> seed_urls() override {
    if (seeds_) return *seeds_;
    seeds_.emplace();
    auto start = split_url(start_url_);
    std::vector<std::string> queue = robots_for(*start).sitemaps();
    queue.push_back(start->scheme + "://" + start->host +
                    ((start->scheme == "https" && start->port == "443") || (start->scheme == "http" && start->port == "80")
                         ? ""
                         : ":" + start->port) +
                    "/sitemap.xml");
    std::set<std::string> seen_sitemaps, seen_urls;
    std::size_t next = 0;
    while (next < queue.size() && seen_sitemaps.size() < kSitemapMaxFiles) {
      std::vector<std::unique_ptr<Job>> jobs;
      std::vector<Job*> ptrs;
      for (; next < queue.size() && seen_sitemaps.size() < kSitemapMaxFiles; ++next) {
        std::string u = normalize_url(queue[next]);
        if (!split_url(u) || !seen_sitemaps.insert(u).second) continue;
        jobs.push_back(make_job(Purpose::sitemap, queue[next]));
        ptrs.push_back(jobs.back().get());
      }
      run(ptrs);
      for (auto& j : jobs) {
        if (!j->page.ok()) continue;
        SitemapContents c = parse_sitemap(j->page.body, kSitemapMaxBytes, kSitemapMaxUrls);
        for (auto& s : c.sitemap_urls) {
          if (queue.size() < 4 * kSitemapMaxFiles) queue.push_back(s);
        }
        for (auto& u : c.page_urls) {
          if (seeds_->size() >= kSitemapMaxUrls) break;
          if (in_scope(u) && seen_urls.insert(normalize_url(u)).second) seeds_->push_back(u);
        }
      }
    }
    return *seeds_;
  }

  std::vector<std::pair<std::string, std::string>> record() override {
    std::vector<std::pair<std::string, std::string>> r;
    r.emplace_back("user_agent", options_.user_agent);
    // Politeness is part of how the evidence was gathered: a reader of the report should see it.
    r.emplace_back("host_delay_ms", std::to_string(std::max(0L, options_.per_host_delay_ms)));
    r.emplace_back("host_connections", std::to_string(options_.per_host_concurrency));
    if (options_.insecure) r.emplace_back("insecure", "true");
    if (options_.ignore_robots) r.emplace_back("ignore_robots", "true");
    if (options_.allow_private) r.emplace_back("allow_private", "true");
    if (!options_.cacert.empty()) r.emplace_back("cacert", options_.cacert);
    // One pair per key (callers keep them in maps): several values are joined with "; ".
    auto joined = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& x : v) out += (out.empty() ? "" : "; ") + x;
      return out;
    };
    if (!options_.resolve.empty()) r.emplace_back("resolve", joined(options_.resolve));
    std::vector<std::string> robots;
    for (const auto& [origin, entry] : robots_) {
      if (!entry.summary.empty()) robots.push_back(entry.summary);
    }
    if (!robots.empty()) r.emplace_back("robots", joined(robots));
    if (!options_.archive_path.empty()) {
      r.emplace_back("archive", options_.archive_path);
      if (!archive_sha256_.empty()) r.emplace_back("archive_sha256", archive_sha256_);
      if (archive_failed_) r.emplace_back("archive_error", "writing the archive failed; it is incomplete");
    }
    return r;
  }

  void finish() override {
    if (!writer_) return;
    archive_failed_ = !writer_->ok();
    archive_sha256_ = writer_->close();
    archive_failed_ = archive_failed_ || !writer_->ok();
    writer_.reset();
  }

 private:
  // robots.txt group matching uses the product token at the front of the User-Agent.
  static std::string product_token(const std::string& ua) {
    std::string t;
    for (char c : ua) {
      if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '-')) break;
      t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return t.empty() ? "omnicheck" : t;
  }

  std::unique_ptr<Job> make_job(Purpose purpose, const std::string& url) {
    auto j = std::make_unique<Job>();
    j->purpose = purpose;
    j->requested_url = url;
    j->current_url = url;
    return j;
  }

  const RobotsPolicy& robots_for(const UrlParts& p) {
    std::string origin = origin_of(p);
    auto it = robots_.find(origin);
    if (it == robots_.end() || !it->second.policy) {
      auto job = make_job(Purpose::robots, robots_url(p));
      robots_[origin].pending = true;
      run({job.get()});
    }
    return *robots_[origin].policy;
  }

  static std::string robots_url(const UrlParts& p) {
    bool default_port = (p.scheme == "https" && p.port == "443") || (p.scheme == "http" && p.port == "80");
    return p.scheme + "://" + p.host + (default_port ? "" : ":" + p.port) + "/robots.txt";
  }

  HostState& host_state(const std::string& host) {
    auto [it, inserted] = hosts_.try_emplace(host);
    if (inserted) it->second.delay_ms = std::max(0L, options_.per_host_delay_ms);
    return it->second;
  }

  // Drives `jobs` (and the robots.txt fetches they need) to completion.
  void run(std::vector<Job*> jobs) {
    std::vector<std::unique_ptr<Job>> internal;  // robots.txt fetches started on the way
    // A robots.txt fetch still "pending" from a run that ended by an exception would make its
    // origin wait forever: runs do not nest, so nothing is pending at the start of one.
    for (auto& [origin, entry] : robots_) {
      if (!entry.policy) entry.pending = false;
    }
    for (Job* j : jobs) {
      if (j->purpose == Purpose::robots) {
        if (auto p = split_url(j->requested_url)) robots_[origin_of(*p)].pending = true;
      }
    }
    std::map<CURL*, std::pair<Job*, std::unique_ptr<HttpExchange>>> running;
    while (true) {
      auto now = Clock::now();
      auto wake = now + milliseconds(1000);
      bool open = false;
      for (std::size_t i = 0; i < jobs.size(); ++i) {
        Job* j = jobs[i];
        if (j->done) continue;
        open = true;
        if (j->active) continue;
        if (j->not_before > now) {
          wake = std::min(wake, j->not_before);
          continue;
        }
        auto parts = split_url(j->current_url);
        if (!parts) {
          finish_job(*j, nullptr, "not an http(s) URL: " + j->current_url);
          continue;
        }
        if (j->purpose != Purpose::robots && !options_.ignore_robots) {
          RobotsEntry& r = robots_[origin_of(*parts)];
          if (!r.policy) {
            if (!r.pending) {
              r.pending = true;
              internal.push_back(make_job(Purpose::robots, robots_url(*parts)));
              jobs.push_back(internal.back().get());
            }
            continue;
          }
          if (!r.refusal.empty()) {
            finish_job(*j, nullptr, r.refusal);
            continue;
          }
          std::string why;
          if (!r.policy->allowed(parts->path_query, &why)) {
            finish_job(*j, nullptr, "not fetched: disallowed by " + why);
            continue;
          }
        }
        HostState& h = host_state(parts->host);
        if (h.active >= options_.per_host_concurrency) continue;
        auto slot = h.last_start + milliseconds(h.delay_ms);
        if (h.started && slot > now) {
          wake = std::min(wake, slot);
          continue;
        }
        auto ex = start_exchange(*j);
        if (!ex) continue;  // finished with an error
        h.active++;
        h.started = true;
        h.last_start = now;
        j->active = true;
        CURL* easy = ex->handle();
        running.emplace(easy, std::make_pair(j, std::move(ex)));
      }
      // Jobs may have finished during the pass (robots.txt disallow, guard refusal).
      open = open && std::any_of(jobs.begin(), jobs.end(), [](const Job* j) { return !j->done; });
      if (!open) break;

      int still = 0;
      curl_multi_perform(multi_, &still);
      bool progressed = false;
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* easy = msg->easy_handle;
        CURLcode rc = msg->data.result;
        curl_multi_remove_handle(multi_, easy);
        auto it = running.find(easy);
        if (it == running.end()) continue;
        Job* j = it->second.first;
        std::unique_ptr<HttpExchange> ex = std::move(it->second.second);
        running.erase(it);
        ex->complete(rc);
        if (auto parts = split_url(ex->url())) host_state(parts->host).active--;
        j->active = false;
        on_exchange_done(*j, *ex);
        progressed = true;
      }
      if (progressed) continue;
      auto timeout = std::chrono::duration_cast<milliseconds>(wake - Clock::now()).count();
      timeout = std::clamp<long long>(timeout, 0, 1000);
      if (!running.empty() || timeout > 0) curl_multi_poll(multi_, nullptr, 0, static_cast<int>(timeout), nullptr);
    }
  }

  std::unique_ptr<HttpExchange> start_exchange(Job& j) {
    ExchangeSettings s;
    s.options = &options_;
    s.resolve = resolve_;
    s.request_headers = headers_;
    s.share = share_;
    s.guard = &guard_;
    s.capture_request = writer_ != nullptr;
    switch (j.purpose) {
      case Purpose::page:
        s.max_bytes = options_.max_body_bytes;
        s.pages_only = true;
        break;
      case Purpose::robots:
        s.max_bytes = kRobotsMaxBytes;
        s.pages_only = false;
        s.truncate_ok = true;
        break;
      case Purpose::sitemap:
        s.max_bytes = kSitemapMaxBytes;
        s.pages_only = false;
        break;
      case Purpose::resource:
        s.max_bytes = options_.max_body_bytes;
        s.pages_only = false;
        break;
    }
    auto ex = std::make_unique<HttpExchange>(j.current_url, s);
    if (!ex->handle() || curl_multi_add_handle(multi_, ex->handle()) != CURLM_OK) {
      finish_job(j, nullptr, "libcurl could not start the transfer");
      return nullptr;
    }
    return ex;
  }

  void on_exchange_done(Job& j, const HttpExchange& ex) {
    std::string response_id = writer_ ? archive_exchange(*writer_, ex) : std::string();
    bool robots_truncated = j.purpose == Purpose::robots && ex.over_limit() && ex.got_head();
    if (!ex.error().empty() && !robots_truncated) {
      if (transient(ex) && j.attempt < options_.max_retries) {
        schedule_retry(j, std::nullopt);
        return;
      }
      finish_job(j, &ex, ex.error(), response_id);
      return;
    }
    const ResponseHead& head = ex.head();
    std::string location = head.get("location");
    if (head.status >= 300 && head.status < 400 && !location.empty()) {
      auto target = resolve_url(j.current_url, location);
      if (!target || !split_url(*target)) {
        finish_job(j, &ex, "redirect to a URL that cannot be fetched: " + location, response_id);
        return;
      }
      if (j.chain.empty()) j.chain.push_back(j.requested_url);
      int hops = static_cast<int>(j.chain.size()) - 1;
      // A URL may come back once (sites that set a cookie and redirect to themselves); a
      // third visit is a loop.
      if (std::count(j.chain.begin(), j.chain.end(), *target) >= 2) {
        finish_job(j, &ex, "redirect loop at " + *target, response_id);
        return;
      }
      if (hops >= options_.max_redirects) {
        finish_job(j, &ex, "more than " + std::to_string(options_.max_redirects) + " redirects", response_id);
        return;
      }
      j.chain.push_back(*target);
      j.current_url = *target;
      j.attempt = 0;
      j.not_before = Clock::now();
      return;
    }
    if (retry_status(head.status) && j.attempt < options_.max_retries) {
      std::optional<long> after = parse_retry_after(head.get("retry-after"));
      // A server asking for longer than the cap is not waited for: its answer stands.
      if (!after || *after <= options_.max_retry_after_s) {
        schedule_retry(j, after);
        return;
      }
    }
    finish_job(j, &ex, "", response_id);
  }

  void schedule_retry(Job& j, std::optional<long> retry_after_s) {
    long wait_ms = retry_after_s ? *retry_after_s * 1000 : 1000L << std::min(j.attempt, 10);
    wait_ms = std::min(wait_ms, options_.max_retry_after_s * 1000);
    j.attempt++;
    j.not_before = Clock::now() + milliseconds(wait_ms);
  }

  void finish_job(Job& j, const HttpExchange* ex, const std::string& error, const std::string& response_id = "") {
    Page& p = j.page;
    p.requested_url = j.requested_url;
    p.final_url = j.current_url;
    if (j.chain.size() > 1) p.redirect_chain = j.chain;
    p.fetched_at = ex ? ex->fetched_at() : now_rfc3339();
    if (ex && ex->got_head()) fill_page_from_head(ex->head(), &p);
    p.error = error;
    bool robots_truncated = j.purpose == Purpose::robots && ex && ex->over_limit() && ex->got_head();
    if (ex && (error.empty() || robots_truncated)) {
      p.error.clear();
      // sha256 is of the decoded body, the bytes the parser reads and the report quotes; the
      // WARC response record keeps the bytes as transferred with their own digests.
      p.body = ex->decoded();
      p.sha256 = sha256_hex(p.body);
      if (j.purpose == Purpose::page && p.status >= 200 && p.status < 300 && p.body.empty()) {
        // Nothing to read is not evidence of a page without the duties: make it inconclusive.
        p.error = "empty body (HTTP " + std::to_string(p.status) + " with no content)";
      }
    }
    j.done = true;
    j.active = false;
    j.refused_by_guard = ex && ex->refused_by_guard();
    if (writer_) archive_page(*writer_, p, purpose_name(j.purpose), response_id);
    if (j.purpose == Purpose::robots) on_robots(j);
  }

  // RFC 9309 §2.3.1: 2xx parse; 4xx "unavailable" = no restrictions; 5xx and unreachable =
  // complete disallow. 429 is read as the server being overloaded, like 5xx.
  void on_robots(const Job& j) {
    const Page& p = j.page;
    auto parts = split_url(j.requested_url);
    if (!parts) return;
    std::string origin = origin_of(*parts);
    RobotsEntry& e = robots_[origin];
    e.pending = false;
    std::string where = j.requested_url;
    if (p.error.empty() && p.status >= 200 && p.status < 300) {
      e.policy = RobotsPolicy::parse(p.body, robots_token_);
      e.summary = where + ": HTTP " + std::to_string(p.status) + ", sha256 " + p.sha256;
    } else if (p.error.empty() && p.status >= 400 && p.status < 500 && p.status != 429) {
      e.policy = RobotsPolicy::allow_all("HTTP " + std::to_string(p.status));
      e.summary = where + ": HTTP " + std::to_string(p.status) + ", no restrictions (RFC 9309 §2.3.1.3)";
    } else if (j.refused_by_guard) {
      e.policy = RobotsPolicy::disallow_all(p.error);
      e.refusal = p.error;
      e.summary = where + ": " + p.error;
    } else {
      std::string reason = p.error.empty() ? "HTTP " + std::to_string(p.status) : p.error;
      e.policy = RobotsPolicy::disallow_all("unreachable (" + reason + "), so everything is disallowed (RFC 9309 §2.3.1.4)");
      e.summary = where + ": unreachable (" + reason + "), everything disallowed";
    }
    if (auto d = e.policy->crawl_delay_seconds()) {
      long ms = static_cast<long>(std::min(*d * 1000.0, static_cast<double>(options_.max_crawl_delay_ms)));
      HostState& h = host_state(parts->host);
      h.delay_ms = std::max(h.delay_ms, ms);
    }
  }

  HttpOptions options_;
  AddressGuard guard_;
  std::string start_url_;
  std::string start_host_;  // without "www."
  std::string robots_token_;
  CURLM* multi_ = nullptr;
  CURLSH* share_ = nullptr;
  curl_slist* resolve_ = nullptr;
  curl_slist* headers_ = nullptr;
  std::map<std::string, HostState> hosts_;
  std::map<std::string, RobotsEntry> robots_;
  std::unique_ptr<WarcWriter> writer_;
  std::string archive_sha256_;
  bool archive_failed_ = false;
  std::optional<std::vector<std::string>> seeds_;
};

}  // namespace

std::unique_ptr<Fetcher> make_http_fetcher(const std::string& start_url, const HttpOptions& options) {
  return std::make_unique<HttpFetcher>(start_url, options);
}

}  // namespace omnicheck::fetch

// Replays an archive written by the HTTP fetcher: the same Pages, with no network at all.
// Lets anyone re-run an audit on exactly the bytes the original run saw, and check that
// those bytes still match the recorded digests.
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "fetch/fetch.h"
#include "fetch/http_content_decoder.h"
#include "fetch/http_response_head.h"
#include "fetch/robots_policy.h"
#include "fetch/sitemap_parser.h"
#include "fetch/warc_http_records.h"
#include "fetch/warc_reader.h"

namespace omnicheck::fetch {
namespace {

// Bodies were capped when fetched; this only bounds a hand-edited or corrupt archive.
constexpr std::size_t kReplayMaxDecodedBytes = std::size_t{256} << 20;

struct StoredResponse {
  std::string block;
  std::string truncated;
};

// Holds the archived responses in memory, as the crawl that wrote them held its pages; an
// offset index (seeking to single gzip members) would be the next step for very large archives.
class WarcReplayFetcher final : public Fetcher {
 public:
  explicit WarcReplayFetcher(const std::string& path) : path_(path) {
    WarcReader reader(path);
    std::map<std::string, StoredResponse> responses;
    while (auto rec = reader.next()) {
      std::string type = rec->field("WARC-Type");
      if (type == "warcinfo") {
        read_warcinfo(rec->block);
      } else if (type == "response") {
        responses[rec->field("WARC-Record-ID")] = {std::move(rec->block), rec->field("WARC-Truncated")};
      } else if (auto meta = read_page_metadata(*rec)) {
        Entry e;
        e.page = std::move(meta->page);
        e.purpose = meta->purpose;
        auto it = responses.find(meta->response_id);
        if (it != responses.end()) e.response = it->second;
        e.has_response = it != responses.end();
        // The first fetch of a URL is the one replayed; later re-fetches are kept in the
        // archive as evidence but not served.
        pages_.try_emplace(e.page.requested_url, e);
        by_normalized_.try_emplace(normalize_url(e.page.requested_url), e.page.requested_url);
      }
    }
    if (start_url_.empty()) throw std::runtime_error("no omnicheck warcinfo record in " + path);
    start_host_ = strip_www(url_host(start_url_));
  }

  std::string start_url() const override { return start_url_; }

  bool in_scope(const std::string& url) const override {
    std::string scheme = url.substr(0, url.find(':'));
    return (scheme == "http" || scheme == "https") && strip_www(url_host(url)) == start_host_;
  }

  Page fetch(const std::string& url) override { return serve(url, false); }

  // What the browser asked for while rendering a page, served as archived.
  Page fetch_resource(const std::string& url) override { return serve(url, true); }

  // The sitemaps the live crawl read are in the archive too: the same seeds, so a page found
  // only through the sitemap is audited again on replay (same limits as the live fetcher).
  std::vector<std::string> seed_urls() override {
    constexpr std::size_t kMaxFiles = 20, kMaxUrls = 50000, kMaxBytes = 10u << 20;
    std::vector<std::string> seeds;
    std::vector<std::string> queue;
    if (const Entry* robots = find(robots_url(start_url_))) {
      Page p = build(*robots);
      if (p.ok()) queue = RobotsPolicy::parse(p.body, robots_token_).sitemaps();
    }
    if (auto root = resolve_url(start_url_, "/sitemap.xml")) queue.push_back(*root);
    std::set<std::string> seen_sitemaps, seen_urls;
    for (std::size_t i = 0; i < queue.size() && seen_sitemaps.size() < kMaxFiles; ++i) {
      if (!seen_sitemaps.insert(normalize_url(queue[i])).second) continue;
      const Entry* e = find(queue[i]);
      if (!e) continue;
      Page p = build(*e);
      if (!p.ok()) continue;
      SitemapContents c = parse_sitemap(p.body, kMaxBytes, kMaxUrls);
      for (auto& s : c.sitemap_urls) {
        if (queue.size() < 4 * kMaxFiles) queue.push_back(s);
      }
      for (auto& u : c.page_urls) {
        if (seeds.size() >= kMaxUrls) break;
        if (in_scope(u) && seen_urls.insert(normalize_url(u)).second) seeds.push_back(u);
      }
    }
    return seeds;
  }

  // robots.txt as archived decides, exactly as it did live; an origin whose robots.txt was
  // never fetched was never crawled, so nothing there can be served anyway.
  bool allowed(const std::string& url, std::string* why) override {
    if (ignore_robots_) return true;
    std::string origin_robots = robots_url(url);
    const Entry* e = find(origin_robots);
    if (!e) return true;
    Page p = build(*e);
    if (p.error.empty() && p.status >= 200 && p.status < 300) {
      std::string path = url_path_and_query(url);
      return RobotsPolicy::parse(p.body, robots_token_).allowed(path, why);
    }
    if (p.error.empty() && p.status >= 400 && p.status < 500 && p.status != 429) return true;
    if (why) *why = "robots.txt: unreachable when archived, so everything is disallowed (RFC 9309 §2.3.1.4)";
    return false;
  }

  std::vector<std::pair<std::string, std::string>> record() override {
    return {{"replay", path_}, {"replay_sha256", file_sha256()}};
  }

 private:
  struct Entry {
    Page page;
    std::string purpose;
    StoredResponse response;
    bool has_response = false;
  };

  static std::string strip_www(const std::string& h) { return h.rfind("www.", 0) == 0 ? h.substr(4) : h; }

  // The archived answer for `url`: a page fetch, or (`resource`) also what a browser fetched.
  Page serve(const std::string& url, bool resource) {
    const Entry* e = find(url);
    if (!e || (e->purpose != "page" && !(resource && e->purpose == "resource"))) {
      Page p;
      p.requested_url = url;
      p.final_url = url;
      p.error = "not in the archive " + path_;
      return p;
    }
    return build(*e);
  }

  static std::string robots_url(const std::string& url) {
    auto r = resolve_url(url, "/robots.txt");
    return r ? *r : std::string();
  }

  static std::string url_path_and_query(const std::string& url) {
    // resolve_url keeps the URL as libcurl spells it; cut scheme and authority off.
    auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return "/";
    auto path_start = url.find('/', scheme_end + 3);
    std::string rest = path_start == std::string::npos ? "/" : url.substr(path_start);
    auto hash = rest.find('#');
    return hash == std::string::npos ? rest : rest.substr(0, hash);
  }

  std::string file_sha256() const {
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (!f) return {};
    std::string data;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    std::fclose(f);
    return sha256_hex(data);
  }

  void read_warcinfo(const std::string& block) {
    std::size_t pos = 0;
    while (pos < block.size()) {
      auto eol = block.find("\r\n", pos);
      if (eol == std::string::npos) eol = block.size();
      std::string line = block.substr(pos, eol - pos);
      pos = eol + 2;
      if (line.rfind("omnicheck-start-url: ", 0) == 0) start_url_ = line.substr(21);
      if (line == "robots: ignore") ignore_robots_ = true;
      if (line.rfind("http-header-user-agent: ", 0) == 0) {
        // The same product token the live crawl matched robots.txt groups with.
        std::string token;
        for (char c : line.substr(24)) {
          if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '-')) break;
          token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (!token.empty()) robots_token_ = token;
      }
    }
  }

  const Entry* find(const std::string& url) const {
    auto it = pages_.find(url);
    if (it == pages_.end()) {
      auto n = by_normalized_.find(normalize_url(url));
      if (n == by_normalized_.end()) return nullptr;
      it = pages_.find(n->second);
    }
    return it == pages_.end() ? nullptr : &it->second;
  }

  Page build(const Entry& e) const {
    Page p = e.page;
    if (!e.has_response) return p;
    std::size_t head_len = 0;
    auto head = parse_response_head(e.response.block, &head_len);
    if (!head) {
      p.error = "archived response has no readable HTTP head";
      return p;
    }
    fill_page_from_head(*head, &p);
    p.status = e.page.status;  // as recorded, in case the head and the record disagree
    if (!p.error.empty()) return p;  // failed fetches carried no body live either
    ContentDecoder dec(head->get("content-encoding"), kReplayMaxDecodedBytes);
    if (!dec.feed(e.response.block.data() + head_len, e.response.block.size() - head_len) || !dec.finish()) {
      p.error = "archived body cannot be decoded: " + dec.error();
      return p;
    }
    p.body = dec.take_output();
    if (sha256_hex(p.body) != e.page.sha256) {
      p.error = "archived body does not match its recorded sha256 " + e.page.sha256;
      p.body.clear();
    }
    return p;
  }

  std::string path_;
  std::string start_url_;
  std::string start_host_;
  bool ignore_robots_ = false;
  std::string robots_token_ = "omnicheck";
  std::map<std::string, Entry> pages_;                  // by requested URL
  std::map<std::string, std::string> by_normalized_;    // normalised -> requested URL
};

}  // namespace

std::unique_ptr<Fetcher> make_warc_replay_fetcher(const std::string& warc_gz_path) {
  return std::make_unique<WarcReplayFetcher>(warc_gz_path);
}

}  // namespace omnicheck::fetch

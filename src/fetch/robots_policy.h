// robots.txt per RFC 9309. Hand-written: Debian has no C/C++ robots.txt library (Google's
// robotstxt is not packaged), and the protocol is small enough to implement and test here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace omnicheck::fetch {

class RobotsPolicy {
 public:
  // The policies RFC 9309 §2.3.1 prescribes when no usable file exists.
  static RobotsPolicy allow_all(std::string reason);     // 4xx: no restrictions
  static RobotsPolicy disallow_all(std::string reason);  // 5xx, unreachable: full disallow

  // Parses `text` (at most the first 500 KiB are read, as §2.5 allows) for the crawler whose
  // product token is `token` (e.g. "omnicheck"); groups for "*" apply when none names it.
  static RobotsPolicy parse(const std::string& text, const std::string& token);

  // Whether a URL path (path plus "?query", as sent) may be fetched; on false `why` quotes
  // the rule that forbids it.
  bool allowed(const std::string& path_and_query, std::string* why) const;

  // Crawl-delay of the matching group, if any (not part of RFC 9309; widely used).
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }
  // "Sitemap:" URLs; they belong to the whole file, not to a group.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalised, may contain '*' and a final '$'
    std::string original; // as written, for `why`
  };
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
  std::string group_;    // which group applied ("omnicheck", "*", or none)
  std::string blanket_;  // set for allow_all/disallow_all: the reason
  bool disallow_everything_ = false;
};

}  // namespace omnicheck::fetch

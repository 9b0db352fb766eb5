// Crawler-trap defences (private to the audit library). A hostile or merely badly built site can
// offer endless distinct URLs for a handful of pages: calendars with a "next month" link
// forever, session ids in every link, relative links that stack path segments. The guard keeps
// such URLs from eating the page budget, and says what it skipped so the report can tell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace omnicheck::audit {

class CrawlTrapGuard {
 public:
  // max_per_pattern > 0: at most that many fetches per pattern (a focused crawl, or the user's
  // --max-per-pattern). 0: no count; a pattern is stopped by what it serves (observe()), so a
  // full crawl of a 50,000-product catalogue fetches every product and a calendar stops.
  explicit CrawlTrapGuard(std::size_t max_per_pattern) : max_per_pattern_(max_per_pattern) {}

  // The URL with digit runs in its path masked as '#' and its query reduced to the sorted
  // parameter names: /calendar/2024/05?view=week -> /calendar/#/#?view=*. URLs sharing a
  // pattern differ only in numbers or query values.
  static std::string pattern_of(const std::string& url);

  // Learns session parameters from the links of one page: a long random-looking query value
  // carried unchanged by links to several different paths is a session id, not content.
  void learn_session_params(const std::vector<std::string>& link_urls);

  // The key under which the crawl recognises a page it has seen: fetch::normalize_url without
  // learned session parameters and without ;jsessionid-style path parameters.
  std::string dedupe_key(const std::string& url) const;

  // Why `url` is a trap by its shape alone (overlong, the same path segment stacked again and
  // again), or nullopt.
  static std::optional<std::string> structural_trap(const std::string& url);

  // Counts a fetch of `url` against its pattern; false (and counted as skipped) once the
  // pattern has had its share, or has shown itself a trap.
  bool admit(const std::string& url);

  // What the page fetched as `url` says, digit runs aside: a pattern of 20 pages or more that
  // holds fewer distinct texts than half its pages repeats itself (a calendar month after
  // month, a listing sorted a hundred ways) and is stopped. Products of one catalogue differ in
  // name and description and go on.
  void observe(const std::string& url, const std::string& text);

  std::size_t skipped() const;
  // One line per pattern that had URLs skipped.
  std::vector<std::string> notes() const;
  const std::set<std::string>& session_params() const { return session_params_; }

 private:
  std::size_t max_per_pattern_;
  std::set<std::string> session_params_;
  // Shops repeat their navigation on every page: the same few hundred hrefs, thousands of times.
  mutable std::unordered_map<std::string, std::string> key_cache_;
  std::map<std::string, std::size_t> admitted_, skipped_;
  struct Seen {
    std::size_t pages = 0;
    std::set<std::uint64_t> texts;  // fingerprints of the pages' texts, digits masked
    bool trap = false;
  };
  std::map<std::string, Seen> seen_;
};

}  // namespace omnicheck::audit

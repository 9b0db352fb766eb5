#include "audit/crawl_trap_guard.h"

#include <algorithm>
#include <cctype>

#include "fetch/fetch.h"

namespace omnicheck::audit {
namespace {

// Longer URLs are generated, not written: no shop page needs 2 KB to be named.
constexpr std::size_t kMaxUrlBytes = 2048;
constexpr std::size_t kMaxPathSegments = 24;
// "a/b/a/b/a/b": a relative link resolved against a page that answers any path.
constexpr int kMaxSameSegment = 3;
// A session id shows up unchanged in links to at least this many different paths of one page.
constexpr std::size_t kSessionMinPaths = 3;
constexpr std::size_t kMaxCachedKeys = 100000;
// Pages of one pattern fetched before judging whether it repeats itself; then, page after page,
// fewer distinct texts than half the pages is a trap (a 12-month calendar: 12 texts, stopped
// at its 25th page). Past kVariedTexts distinct texts a pattern is a catalogue, no longer watched.
constexpr std::size_t kTrapSample = 20;
constexpr std::size_t kVariedTexts = 1000;

// FNV-1a over the text with each run of digits read as one '#': the same calendar page for
// another month, the same listing at another offset give the same fingerprint.
std::uint64_t text_fingerprint(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;
  bool in_digits = false;
  for (unsigned char c : text) {
    const bool digit = c >= '0' && c <= '9';
    if (digit && in_digits) continue;
    in_digits = digit;
    h = (h ^ (digit ? '#' : c)) * 1099511628211ull;
  }
  return h;
}

struct UrlParts {
  std::string origin, path, query;
};

UrlParts split(const std::string& normalized) {
  UrlParts p;
  auto scheme_end = normalized.find("://");
  std::size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : normalized.find('/', scheme_end + 3);
  std::size_t q = normalized.find('?', path_start == std::string::npos ? 0 : path_start);
  if (path_start == std::string::npos) {
    p.origin = normalized.substr(0, q);
    p.path = "/";
  } else {
    p.origin = normalized.substr(0, path_start);
    p.path = normalized.substr(path_start, q == std::string::npos ? std::string::npos : q - path_start);
  }
  if (q != std::string::npos) p.query = normalized.substr(q + 1);
  return p;
}

std::vector<std::string> split_on(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string param_name(const std::string& param) { return param.substr(0, param.find('=')); }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Random-looking: long, URL-safe, and mixing letters with digits (session ids, tokens).
bool token_like(const std::string& v) {
  if (v.size() < 16) return false;
  bool digit = false, alpha = false;
  for (unsigned char c : v) {
    if (std::isdigit(c)) {
      digit = true;
    } else if (std::isalpha(c)) {
      alpha = true;
    } else if (c != '-' && c != '_' && c != '.' && c != '%') {
      return false;
    }
  }
  return digit && alpha;
}

// ";jsessionid=…" and its kin ride on the path, where normalize_url does not look.
std::string strip_path_session(const std::string& path) {
  std::string out;
  bool first = true;
  for (const auto& seg : split_on(path, '/')) {
    std::string kept = seg;
    auto semi = seg.find(';');
    if (semi != std::string::npos) {
      std::string name = lower(param_name(seg.substr(semi + 1)));
      if (name == "jsessionid" || name == "phpsessid" || name == "sid" || name == "sessionid") {
        kept = seg.substr(0, semi);
      }
    }
    out += (first ? "" : "/") + kept;
    first = false;
  }
  return out;
}

}  // namespace

std::string CrawlTrapGuard::pattern_of(const std::string& url) {
  UrlParts p = split(fetch::normalize_url(url));
  std::string path;
  for (std::size_t i = 0; i < p.path.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(p.path[i]))) {
      if (path.empty() || path.back() != '#') path += '#';
    } else {
      path += p.path[i];
    }
  }
  std::string out = p.origin + path;
  if (!p.query.empty()) {
    std::set<std::string> names;
    for (const auto& param : split_on(p.query, '&')) {
      if (!param.empty()) names.insert(param_name(param));
    }
    std::string q;
    for (const auto& n : names) q += (q.empty() ? "" : "&") + n + "=*";
    out += "?" + q;
  }
  return out;
}

void CrawlTrapGuard::learn_session_params(const std::vector<std::string>& link_urls) {
  std::map<std::pair<std::string, std::string>, std::set<std::string>> paths_by_value;
  for (const auto& url : link_urls) {
    auto q = url.find('?');
    if (q == std::string::npos) continue;
    auto hash = url.find('#', q);
    std::string query = url.substr(q + 1, hash == std::string::npos ? std::string::npos : hash - q - 1);
    std::string path = url.substr(0, q);
    for (const auto& param : split_on(query, '&')) {
      auto eq = param.find('=');
      if (eq == std::string::npos) continue;
      std::string value = param.substr(eq + 1);
      if (token_like(value)) paths_by_value[{param.substr(0, eq), value}].insert(path);
    }
  }
  for (const auto& [name_value, paths] : paths_by_value) {
    if (paths.size() >= kSessionMinPaths && session_params_.insert(name_value.first).second) key_cache_.clear();
  }
}

std::string CrawlTrapGuard::dedupe_key(const std::string& url) const {
  auto cached = key_cache_.find(url);
  if (cached != key_cache_.end()) return cached->second;
  std::string n = fetch::normalize_url(url);
  if (n.find(';') != std::string::npos || (!session_params_.empty() && n.find('?') != std::string::npos)) {
    UrlParts p = split(n);
    std::string query;
    if (!p.query.empty()) {
      for (const auto& param : split_on(p.query, '&')) {
        if (param.empty() || session_params_.count(param_name(param))) continue;
        query += (query.empty() ? "" : "&") + param;
      }
    }
    n = p.origin + strip_path_session(p.path) + (query.empty() ? "" : "?" + query);
  }
  if (key_cache_.size() >= kMaxCachedKeys) key_cache_.clear();
  key_cache_.emplace(url, n);
  return n;
}

std::optional<std::string> CrawlTrapGuard::structural_trap(const std::string& url) {
  if (url.size() > kMaxUrlBytes) return "URL longer than " + std::to_string(kMaxUrlBytes) + " bytes";
  UrlParts p = split(fetch::normalize_url(url));
  std::map<std::string, int> count;
  std::size_t segments = 0;
  for (const auto& seg : split_on(p.path, '/')) {
    if (seg.empty()) continue;
    ++segments;
    if (++count[seg] >= kMaxSameSegment) return "path segment \"" + seg + "\" repeated " + std::to_string(count[seg]) + " times";
  }
  if (segments > kMaxPathSegments) return "more than " + std::to_string(kMaxPathSegments) + " path segments";
  return std::nullopt;
}

bool CrawlTrapGuard::admit(const std::string& url) {
  std::string pattern = pattern_of(url);
  std::size_t& n = admitted_[pattern];
  auto seen = seen_.find(pattern);
  if ((max_per_pattern_ != 0 && n >= max_per_pattern_) || (seen != seen_.end() && seen->second.trap)) {
    ++skipped_[pattern];
    return false;
  }
  ++n;
  return true;
}

void CrawlTrapGuard::observe(const std::string& url, const std::string& text) {
  if (max_per_pattern_ != 0) return;  // counted instead
  Seen& s = seen_[pattern_of(url)];
  if (s.trap || s.texts.size() >= kVariedTexts) return;
  ++s.pages;
  s.texts.insert(text_fingerprint(text));
  if (s.pages >= kTrapSample && s.texts.size() * 2 < s.pages) s.trap = true;
}

std::size_t CrawlTrapGuard::skipped() const {
  std::size_t total = 0;
  for (const auto& [pattern, n] : skipped_) total += n;
  return total;
}

std::vector<std::string> CrawlTrapGuard::notes() const {
  std::vector<std::string> out;
  for (const auto& [pattern, n] : skipped_) {
    const std::string head = "crawler-trap guard: " + std::to_string(n) + " URL(s) like " + pattern + " not fetched";
    auto seen = seen_.find(pattern);
    if (seen != seen_.end() && seen->second.trap) {
      out.push_back(head + ": " + std::to_string(seen->second.pages) + " pages of that shape held " +
                    std::to_string(seen->second.texts.size()) +
                    " distinct text(s), digits aside (a calendar or listing that repeats itself)");
    } else {
      out.push_back(head + ", beyond the cap of " + std::to_string(max_per_pattern_) +
                    " per pattern (URLs differing only in digits or query values)");
    }
  }
  return out;
}

}  // namespace omnicheck::audit

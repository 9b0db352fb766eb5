#include "fetch/ascii_text.h"
#include "fetch/robots_policy.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace omnicheck::fetch {
namespace {

constexpr std::size_t kMaxRobotsBytes = 500 * 1024;  // RFC 9309 §2.5: parse at least 500 KiB
constexpr std::size_t kMaxPatternBytes = 2048;         // longer rules are junk; bounds matching cost

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// One canonical spelling for comparing paths and rules (RFC 9309 §2.2.2): percent-encoded
// unreserved characters are decoded, other escapes get upper-case hex, and octets outside
// printable ASCII are percent-encoded. '*' and '$' pass through untouched.
std::string normalise(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      unsigned char d = static_cast<unsigned char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      if (unreserved(d)) {
        out += static_cast<char>(d);
      } else {
        out += '%';
        out += hex[d >> 4];
        out += hex[d & 15];
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7f) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Whether `pattern` matches a prefix of `path` ('*' any run of octets, '$' at the end anchors
// to the end of the path). Greedy with one backtrack point: O(len(path) * len(pattern)) at
// worst, never exponential, so a hostile robots.txt cannot stall the crawl.
bool matches(const std::string& pattern, const std::string& path) {
  std::string pat = pattern;
  bool anchored = !pat.empty() && pat.back() == '$';
  if (anchored) pat.pop_back();
  std::size_t p = 0, s = 0;
  std::size_t star = std::string::npos, star_s = 0;
  while (true) {
    if (p == pat.size()) {
      if (!anchored || s == path.size()) return true;
      // Anchored but path left over: let the last '*' swallow more.
    } else if (pat[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pat[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

// The product token a User-agent value names: its leading letters, '_' and '-' (§2.2.1).
std::string ua_token(const std::string& value) {
  std::string v = trim(value);
  if (v == "*" || (!v.empty() && v[0] == '*')) return "*";
  std::size_t n = 0;
  while (n < v.size() && (std::isalpha(static_cast<unsigned char>(v[n])) || v[n] == '_' || v[n] == '-')) ++n;
  return lower(v.substr(0, n));
}

}  // namespace

RobotsPolicy RobotsPolicy::allow_all(std::string reason) {
  RobotsPolicy p;
  p.blanket_ = std::move(reason);
  return p;
}

RobotsPolicy RobotsPolicy::disallow_all(std::string reason) {
  RobotsPolicy p;
  p.blanket_ = std::move(reason);
  p.disallow_everything_ = true;
  return p;
}

RobotsPolicy RobotsPolicy::parse(const std::string& text_in, const std::string& token_in) {
  std::string token = lower(token_in);
  std::string text = text_in.substr(0, std::min(text_in.size(), kMaxRobotsBytes));
  // A UTF-8 byte order mark may start the file.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);

  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
    std::optional<double> delay;
  };
  std::vector<Group> groups;
  RobotsPolicy policy;
  bool in_agents = false;  // the previous meaningful line was a User-agent line

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find_first_of("\r\n", pos);
    std::string line = text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    pos = eol == std::string::npos ? text.size() : eol + 1;
    auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;  // blank or junk lines do not end a group (§2.2)
    std::string key = lower(trim(line.substr(0, colon)));
    std::string value = trim(line.substr(colon + 1));

    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      groups.back().agents.push_back(ua_token(value));
      in_agents = true;
      continue;
    }
    if (key == "sitemap") {
      if (!value.empty() && policy.sitemaps_.size() < 1000) policy.sitemaps_.push_back(value);
      continue;
    }
    if (groups.empty()) continue;  // rules before any User-agent line belong to no group
    in_agents = false;
    if (key == "allow" || key == "disallow") {
      if (value.empty() || value.size() > kMaxPatternBytes) continue;  // "Disallow:" = no rule
      groups.back().rules.push_back({key == "allow", normalise(value), value});
    } else if (key == "crawl-delay") {
      char* end = nullptr;
      double d = std::strtod(value.c_str(), &end);
      if (end != value.c_str() && d >= 0 && !groups.back().delay) groups.back().delay = d;
    }
  }

  // All groups naming the token apply, merged (§2.2.1); failing that, all "*" groups.
  for (const char* want : {"named", "*"}) {
    bool named = std::string(want) == "named";
    for (const auto& g : groups) {
      bool hit = std::any_of(g.agents.begin(), g.agents.end(),
                             [&](const std::string& a) { return named ? a == token : a == "*"; });
      if (!hit) continue;
      policy.rules_.insert(policy.rules_.end(), g.rules.begin(), g.rules.end());
      if (g.delay && !policy.crawl_delay_) policy.crawl_delay_ = g.delay;
      policy.group_ = named ? token : "*";
    }
    if (!policy.group_.empty()) break;
  }
  return policy;
}

bool RobotsPolicy::allowed(const std::string& path_and_query, std::string* why) const {
  std::string path = path_and_query.empty() ? "/" : path_and_query;
  // §2.2.2: /robots.txt itself is always allowed.
  if (path == "/robots.txt") return true;
  if (!blanket_.empty()) {
    if (disallow_everything_ && why) *why = "robots.txt: " + blanket_;
    return !disallow_everything_;
  }
  std::string norm = normalise(path);
  const Rule* best = nullptr;
  for (const auto& r : rules_) {
    if (!matches(r.pattern, norm)) continue;
    // Longest pattern wins; on a tie Allow wins (§2.2.2).
    if (!best || r.pattern.size() > best->pattern.size() ||
        (r.pattern.size() == best->pattern.size() && r.allow && !best->allow)) {
      best = &r;
    }
  }
  if (!best || best->allow) return true;
  if (why) {
    *why = "robots.txt group \"User-agent: " + group_ + "\" has \"Disallow: " + best->original + "\"";
  }
  return false;
}

}  // namespace omnicheck::fetch

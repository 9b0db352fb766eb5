// URL handling through libcurl's URL API (CURLU): one well-tested parser for every stage, the
// same one the HTTP fetcher uses, so links resolve exactly as they are fetched.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

#include "fetch/fetch.h"

namespace omnicheck::fetch {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* s = nullptr;
  if (curl_url_get(u, part, &s, flags) != CURLUE_OK || !s) return {};
  std::string out(s);
  curl_free(s);
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool starts_with_ci(const std::string& s, const char* prefix) {
  std::string p(prefix);
  return s.size() >= p.size() && lower(s.substr(0, p.size())) == p;
}

// Query parameters that only track the visitor; dropping them keeps one page one URL.
bool is_tracking_param(const std::string& name) {
  static const char* const kExact[] = {"gclid", "fbclid", "msclkid", "dclid", "yclid",
                                       "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref",
                                       "sessionid", "phpsessid", "jsessionid", "sid"};
  std::string n = lower(name);
  if (n.rfind("utm_", 0) == 0) return true;
  return std::any_of(std::begin(kExact), std::end(kExact), [&](const char* e) { return n == e; });
}

}  // namespace

struct UrlResolver::Handle {
  UrlHandle base;
};

UrlResolver::UrlResolver(const std::string& base) : base_(base) {
  UrlHandle u(curl_url());
  if (u && curl_url_set(u.get(), CURLUPART_URL, base.c_str(), 0) == CURLUE_OK) {
    handle_ = std::make_unique<Handle>(Handle{std::move(u)});
  }
}

UrlResolver::~UrlResolver() = default;

std::optional<std::string> UrlResolver::resolve(const std::string& href_in) const {
  std::string href = href_in;
  // Trim the whitespace HTML allows around attribute URLs.
  auto notspace = [](unsigned char c) { return !std::isspace(c); };
  href.erase(href.begin(), std::find_if(href.begin(), href.end(), notspace));
  href.erase(std::find_if(href.rbegin(), href.rend(), notspace).base(), href.end());
  if (href.empty()) return base_;
  if (starts_with_ci(href, "mailto:") || starts_with_ci(href, "tel:")) return href;
  if (starts_with_ci(href, "javascript:") || starts_with_ci(href, "data:") ||
      starts_with_ci(href, "about:") || starts_with_ci(href, "blob:")) {
    return std::nullopt;
  }
  if (!handle_) return std::nullopt;
  // A copy of the parsed base: resolving into it leaves the base as it was for the next link.
  UrlHandle u(curl_url_dup(handle_->base.get()));
  if (!u) return std::nullopt;
  // Spaces and non-ASCII in hrefs are common in real shops; let curl percent-encode them.
  if (curl_url_set(u.get(), CURLUPART_URL, href.c_str(),
                   CURLU_URLENCODE | CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  std::string out = get_part(u.get(), CURLUPART_URL);
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<std::string> resolve_url(const std::string& base, const std::string& href) {
  return UrlResolver(base).resolve(href);
}

std::string normalize_url(const std::string& url) {
  UrlHandle u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return url;
  }
  curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0);
  std::string scheme = lower(get_part(u.get(), CURLUPART_SCHEME));
  std::string port = get_part(u.get(), CURLUPART_PORT);
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
    curl_url_set(u.get(), CURLUPART_PORT, nullptr, 0);
  }
  std::string host = get_part(u.get(), CURLUPART_HOST);
  if (!host.empty()) curl_url_set(u.get(), CURLUPART_HOST, lower(host).c_str(), 0);

  std::string query = get_part(u.get(), CURLUPART_QUERY);
  if (!query.empty()) {
    std::string kept;
    std::size_t start = 0;
    while (start <= query.size()) {
      std::size_t amp = query.find('&', start);
      std::string param = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
      std::string name = param.substr(0, param.find('='));
      if (!param.empty() && !is_tracking_param(name)) {
        if (!kept.empty()) kept += '&';
        kept += param;
      }
      if (amp == std::string::npos) break;
      start = amp + 1;
    }
    curl_url_set(u.get(), CURLUPART_QUERY, kept.empty() ? nullptr : kept.c_str(), 0);
  }

  std::string path = get_part(u.get(), CURLUPART_PATH);
  static const char* const kIndex[] = {"index.html", "index.htm", "index.php"};
  for (const char* idx : kIndex) {
    std::string suffix = std::string("/") + idx;
    if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      path.erase(path.size() - std::string(idx).size());
      break;
    }
  }
  // "/a/b/" and "/a/b" serve the same page on nearly every shop platform.
  if (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty()) path.push_back('/');  // not `= "/"`: GCC 12 -Wrestrict false positive at -O2
  curl_url_set(u.get(), CURLUPART_PATH, path.c_str(), 0);
  return get_part(u.get(), CURLUPART_URL);
}

std::string url_host(const std::string& url) {
  UrlHandle u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) return {};
  return lower(get_part(u.get(), CURLUPART_HOST));
}

std::string url_path(const std::string& url) {
  UrlHandle u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) return {};
  return get_part(u.get(), CURLUPART_PATH, CURLU_URLDECODE);
}

}  // namespace omnicheck::fetch

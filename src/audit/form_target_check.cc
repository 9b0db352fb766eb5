// Form targets are asked with a plain GET of their path: nothing is submitted, and a handler
// that only takes POST still shows it exists (405, 400, or a redirect back to the form).
#include "audit/form_target_check.h"

#include <curl/curl.h>

#include <cstdio>
#include <random>

namespace omnicheck::audit {
namespace {

// Distinct targets asked at most per audit: a site with a form on every page usually has one
// target; more than this is a generated site, not more channels.
constexpr std::size_t kMaxTargets = 10;

std::string scheme_of(const std::string& url) {
  auto colon = url.find(':');
  if (colon == std::string::npos) return "";
  std::string s = url.substr(0, colon);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string without_query(const std::string& url) {
  return url.substr(0, url.find_first_of("?#"));
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::string form_status_for_http(int s) {
  // A handler that complains about the missing submission is there.
  if ((s >= 200 && s < 400) || s == 400 || s == 405 || s == 411 || s == 415 || s == 422) return "works";
  if (s == 404 || s == 410 || (s >= 500 && s < 600)) return "broken";
  return "inconclusive";  // 401, 403 (often a firewall that blocks robots), 429, …
}

FormTargetChecker::FormTargetChecker(const std::string& start_url, const fetch::HttpOptions& http)
    : start_url_(start_url) {
  // Random, so no real page can be named like the control path.
  std::random_device rd;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%08x%08x", rd(), rd());
  control_token_ = hex;
  std::string scheme = scheme_of(start_url);
  if (scheme != "http" && scheme != "https") return;
  fetch::HttpOptions o = http;
  o.max_redirects = 0;      // a redirect is the answer; following it could leave the merchant's host
  o.archive_path.clear();   // the crawl's archive is closed; a second writer would overwrite it
  if (o.user_agent.empty()) o.user_agent = fetch::default_user_agent();
  fetcher_ = fetch::make_http_fetcher(start_url, o);
}

FormTargetChecker::~FormTargetChecker() = default;

FormCheck FormTargetChecker::check(const std::string& action, const std::string& page_url, bool page_ok) {
  FormCheck c;
  c.action = action;
  c.url = without_query(action);
  auto unchecked = [&](std::string why) {
    c.status = "unchecked";
    c.reason = std::move(why);
    return c;
  };
  if (action.empty()) return unchecked("the form names no target a request could be sent to (a script sends it)");
  std::string scheme = scheme_of(action);
  if (scheme == "file") return unchecked("the site was read from a local folder, so the form's target is not on the network");
  if (scheme == "mailto") return unchecked("the form hands the message to the consumer's own mail program (mailto:)");
  if (scheme != "http" && scheme != "https") return unchecked("the form's target is not a web address (" + scheme + ":)");
  if (!fetcher_) return unchecked("the site was read from a local folder, so its live host was not contacted");
  if (page_ok && c.url == without_query(page_url)) {
    c.status = "works";
    c.reason = "the form sends to the page it is on, which loaded";
    return c;
  }
  if (!fetcher_->in_scope(c.url)) {
    return unchecked("the target " + fetch::url_host(c.url) + " is not the audited site's host; only that host is contacted");
  }
  if (auto it = done_.find(c.url); it != done_.end()) {
    FormCheck again = it->second;
    again.action = action;
    return again;
  }
  if (done_.size() >= kMaxTargets) {
    return unchecked("more than " + std::to_string(kMaxTargets) + " different form targets; the rest were not asked");
  }
  c = ask(action, c.url);
  done_[c.url] = c;
  return c;
}

// Some servers answer every path alike (a shop front that serves its home page for any URL,
// a rule that redirects unknown paths home): there a 200 or a redirect proves nothing. A path
// beside the target that cannot exist tells: if it gets the same answer, so would a removed
// form handler.
void FormTargetChecker::compare_with_control(FormCheck& c, const fetch::Page& target) {
  std::string control = c.url.substr(0, c.url.rfind('/') + 1) + "omnicheck-no-such-page-" + control_token_;
  if (!fetcher_->allowed(control, nullptr)) return;
  fetch::Page p = fetcher_->fetch(control);
  c.control_url = control;
  c.control_status = p.status;
  if (p.status <= 0 || p.status / 100 != target.status / 100) return;
  auto location = [](const fetch::Page& page) {
    for (const auto& [k, v] : page.headers) {
      if (k == "location") return fetch::resolve_url(page.final_url, v).value_or(v);
    }
    return std::string();
  };
  if (target.status >= 300 && location(p) != location(target)) return;  // a redirect of its own
  c.status = "inconclusive";
  c.reason += ", but so did " + control + " (HTTP " + std::to_string(p.status) +
              "), a path that cannot exist: this server answers every path alike, so the answer shows nothing";
}

FormCheck FormTargetChecker::ask(const std::string& action, const std::string& url) {
  // libcurl's words for a refused connection, as the fetcher passes them on.
  const char* refused = curl_easy_strerror(CURLE_COULDNT_CONNECT);
  FormCheck c;
  c.action = action;
  c.url = url;
  std::string why;
  if (!fetcher_->allowed(url, &why)) {
    // robots.txt of the target's origin could not be fetched because nothing listens there
    // (a form sent to another port): the target itself refuses connections too.
    if (why.find(std::string("unreachable (") + refused) != std::string::npos) {
      c.status = "broken";
      c.reason = "GET " + url + ": connection refused (" + why + ")";
      return c;
    }
    c.status = "unchecked";
    c.reason = "robots.txt does not allow asking " + url + " (" + why + ")";
    return c;
  }
  fetch::Page p = fetcher_->fetch(url);
  c.fetched_at = p.fetched_at;
  c.sha256 = p.sha256;
  if (p.status > 0) {
    c.http_status = p.status;
    c.status = form_status_for_http(p.status);
    c.reason = "GET " + url + " answered HTTP " + std::to_string(p.status);
    if (c.status == "broken") c.reason += ": the form sends its messages nowhere";
    if (p.status >= 200 && p.status < 400) compare_with_control(c, p);
    return c;
  }
  if (starts_with(p.error, "refused by the network guard") || starts_with(p.error, "not fetched:")) {
    c.status = "unchecked";
    c.reason = p.error;
    return c;
  }
  // The host answered the crawl moments ago: a refused connection now means nothing listens
  // where the form sends.
  if (p.error.find(refused) != std::string::npos) {
    c.status = "broken";
    c.reason = "GET " + url + ": connection refused (" + p.error + ")";
    return c;
  }
  c.status = "inconclusive";
  c.reason = "GET " + url + " got no answer: " + p.error;
  return c;
}

}  // namespace omnicheck::audit

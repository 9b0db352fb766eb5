// Whether a contact form's target answers, asked without submitting anything (private to the
// audit library).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "fetch/fetch.h"

namespace omnicheck::audit {

struct FormCheck {
  std::string action;  // the form's target as the page gives it
  std::string url;     // what was asked: the target without query or fragment
  // works:        the target answered (2xx, 3xx, 400, 405, 411, 415, 422: a handler is there);
//               a 2xx or 3xx counts only when a path beside it that cannot exist is answered
//               otherwise (servers that answer every path alike prove nothing)
  // broken:       404, 410, 5xx, or the connection was refused: the form goes nowhere
  // inconclusive: an answer that does not tell (401, 403, 429, other 4xx, timeout, TLS, …)
  // unchecked:    not asked: local folder, another host, robots.txt, no usable target
  std::string status;
  int http_status = 0;
  std::string reason;
  std::string fetched_at, sha256;  // of the response, when one came
  std::string control_url;         // a sibling path that cannot exist, asked after a 2xx/3xx
  int control_status = 0;
};

// Checks form targets on the audited site's own host with one GET each (no query, no form
// fields, never the form's own method), through the audit's HTTP fetcher so the network guard
// and robots.txt apply. Redirects are not followed: a 3xx is the target's answer.
class FormTargetChecker {
 public:
  // `start_url` is the audited site (http(s) URL or a local folder's file:// URL).
  FormTargetChecker(const std::string& start_url, const fetch::HttpOptions& http);
  ~FormTargetChecker();
  FormTargetChecker(const FormTargetChecker&) = delete;
  FormTargetChecker& operator=(const FormTargetChecker&) = delete;

  // `page_url` is the page the form is on; `page_ok` whether that page loaded. Results are
  // remembered per target, so a form repeated on every page costs one request.
  FormCheck check(const std::string& action, const std::string& page_url, bool page_ok);

 private:
  FormCheck ask(const std::string& action, const std::string& url);
  void compare_with_control(FormCheck& c, const fetch::Page& target);

  std::string start_url_;
  std::string control_token_;
  std::unique_ptr<fetch::Fetcher> fetcher_;  // null for a local folder
  std::map<std::string, FormCheck> done_;
};

// The status a form target's HTTP answer stands for (see FormCheck::status).
std::string form_status_for_http(int http_status);

}  // namespace omnicheck::audit

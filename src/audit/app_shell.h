// Whether a page's served HTML is all there is to read, or a shell that scripts fill in the
// browser. Judged from the served page alone, before any browser is started: the crawler renders
// only the pages this says need it (--render auto).
#pragma once

#include <string>

#include "fetch/fetch.h"
#include "html/html.h"

namespace omnicheck::audit {

struct ServedPageSigns {
  // Non-empty when the served HTML is an app shell: scripts, next to no text, and an app root,
  // a "please enable JavaScript" notice, content in JSON state or no link to read on. Such a
  // page has nothing to judge until it is rendered: unrendered, it is a page not seen.
  std::string shell;
  // Non-empty when the served HTML reads as a page but lacks what a page of its kind shows and
  // it has scripts that may add it (a home page without a legal-notice or contact link behind a
  // consent banner or without a footer, a legal notice with next to no text): rendered when a browser is at hand, read as served otherwise.
  std::string missing;
};

// `role` is the crawler's role of the page ("" for an ordinary page); `role_links` whether the
// page links a legal notice, contact or customer-service page.
ServedPageSigns served_page_signs(const fetch::Page& page, const html::Document& doc, bool is_home,
                                  const std::string& role, bool role_links);

}  // namespace omnicheck::audit

// omnicheck render stage: shows a fetched page to a real browser (Chromium, driven over the
// DevTools protocol) and hands back the DOM its scripts built, for shops that build their pages
// in the browser. Sits between fetch/ and html/: the rendered DOM goes through the same
// html -> extract -> rules stages as served HTML.
//
// The browser fetches nothing itself. Every request it makes is paused and answered by the
// audit's own Fetcher (so the network guard, --resolve, robots.txt, politeness, the size caps and
// the WARC archive apply exactly as to the crawl), and the browser is started so that a request
// that escaped interception has nowhere to go (every host name resolves to nothing, every
// connection goes to a proxy that does not exist).
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "fetch/fetch.h"

namespace omnicheck::render {

// No browser to start, or it would not start: the message says what to install or pass.
struct BrowserUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct BrowserOptions {
  std::string executable;          // "" = $OMNICHECK_BROWSER, else chromium found in PATH
  long start_timeout_ms = 30000;   // for the browser to answer its first command
  long page_timeout_ms = 20000;    // one page, from navigation to its serialized DOM
  long settle_ms = 500;            // no request for this long after the load event = settled
  std::size_t max_requests = 300;  // requests one page may make; later ones are refused
  std::size_t max_navigations = 5; // main-frame navigations of one page (window.location loops)
  std::size_t max_dom_bytes = 8u << 20;
  std::size_t cache_bytes = 64u << 20;  // resources kept per site: a bundle is fetched once
  int width = 1280, height = 900;
  int max_screenshot_height = 12000;    // CSS pixels; longer pages are cut (noted)
  // Wording of the buttons that close a consent wall, lower case, checked in this order: a
  // choice that declines what is optional first (it shows the same page with less traffic).
  std::vector<std::string> consent_decline, consent_accept;
};

struct Rendering {
  std::string dom;          // "<!DOCTYPE html>…" as serialized by the browser, UTF-8
  std::string sha256;       // of `dom`
  std::string final_url;    // the document's URL once rendered (scripts may change it)
  std::string rendered_at;  // UTC, RFC 3339
  std::string error;        // why no DOM came back; empty on success
  std::vector<std::string> notes;  // what the rendering met: refused requests, a consent click, a cut
  std::size_t requests = 0;        // requests the page made (the document included)
  std::size_t refused = 0;         // of which refused or failed
  std::string consent_clicked;     // the wording of the consent button clicked, if any
  bool settled = true;             // false: still loading at the time limit (DOM taken as it was)
  std::string screenshot_png;      // when asked for
  bool screenshot_cut = false;     // the page was longer than max_screenshot_height

  bool ok() const { return error.empty(); }
};

// The browser executable to use: `preferred` when given, then $OMNICHECK_BROWSER, then
// chromium / chromium-browser / google-chrome in PATH; "" when there is none.
std::string find_browser(const std::string& preferred = "");

// One browser process, for one audit or one batch worker. The pages of a site are rendered in a
// browser context of their own (no cookies, storage or cache shared with another site): call
// new_site() between sites. Not thread-safe.
class Browser {
 public:
  // Starts the browser; throws BrowserUnavailable naming what is missing or what went wrong.
  explicit Browser(BrowserOptions options);
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  // Renders `served`, a page already fetched through `fetcher` (its bytes answer the browser's
  // request for it; every other request goes through fetcher.fetch_resource). A crashed
  // renderer, a page that never settles, a navigation loop: an error or a note in the result,
  // never a hang. The first call opens the site's browser context.
  Rendering render(const fetch::Page& served, fetch::Fetcher& fetcher, bool screenshot);

  // Closes the current site's context; the next render() opens a fresh one.
  void new_site();

  // The PDF of a self-contained HTML document (a report), A4, printed as Chromium prints it,
  // with page numbers in the footer. The document is set as the content of a blank tab of its
  // own context: it loads nothing (and the browser could reach nothing). Throws
  // std::runtime_error saying what failed.
  std::string print_pdf(const std::string& html);

  // False once the browser process is gone; every later render() then fails at once.
  bool alive() const;
  const std::string& executable() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace omnicheck::render

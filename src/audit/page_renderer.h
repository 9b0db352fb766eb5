// The crawl's use of the browser (private to the audit library): which pages to render
// (--render auto|always|never), the browser started only when a page needs it, and what the
// report records of it. One per audit.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "fetch/fetch.h"
#include "html/html.h"
#include "render/render.h"

namespace omnicheck::audit {

class PageRenderer {
 public:
  PageRenderer(const RenderSettings& settings, fetch::Fetcher& fetcher, const extract::Lexicon& lex);
  ~PageRenderer();

  // Looks at an HTML page the crawl read and renders it when it needs it: then the page carries
  // its rendered DOM and `doc` is that DOM's. False when the page cannot be read at all (an app
  // shell not rendered): `page.error` says why and the crawl counts it as a page not seen.
  bool consider(fetch::Page& page, html::Document& doc, bool is_home, const std::string& role, bool role_links);

  // Whether app shells are rendered (not --render never).
  bool renders_shells() const { return settings_.mode != RenderMode::never; }

  // Renders `page` once more for a full-page screenshot; an error says why there is none.
  render::Rendering screenshot(const fetch::Page& page);

  // For the report: the mode, the browser, the pages rendered and why, what went wrong.
  nlohmann::json record() const;
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  render::Browser* browser();  // started at the first need; null when there is none (why_not_)

  RenderSettings settings_;
  fetch::Fetcher& fetcher_;
  render::BrowserOptions browser_options_;
  std::unique_ptr<render::Browser> browser_;
  std::string why_not_;  // why there is no browser, once starting one failed
  std::vector<std::string> notes_;
  std::size_t rendered_ = 0, failed_ = 0, missing_read_as_served_ = 0;
};

}  // namespace omnicheck::audit

#include "audit/page_renderer.h"

#include "audit/app_shell.h"

namespace omnicheck::audit {
namespace {

constexpr std::size_t kMaxNotes = 20;
constexpr std::size_t kMoreText = 20;  // bytes of text a render must add to count as more

}  // namespace

PageRenderer::PageRenderer(const RenderSettings& settings, fetch::Fetcher& fetcher, const extract::Lexicon& lex)
    : settings_(settings), fetcher_(fetcher) {
  browser_options_.executable = settings.browser;
  if (settings.page_timeout_ms > 0) browser_options_.page_timeout_ms = settings.page_timeout_ms;
  // The consent buttons' wording is language data (rules/lexicon/*.json), lower-cased here as
  // the page script compares it.
  for (const auto& [key, out] : {std::pair{"consent_decline", &browser_options_.consent_decline},
                                 std::pair{"consent_accept", &browser_options_.consent_accept}}) {
    for (std::string w : lex.list(key)) {
      for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out->push_back(std::move(w));
    }
  }
}

PageRenderer::~PageRenderer() = default;

render::Browser* PageRenderer::browser() {
  if (browser_ && browser_->alive()) return browser_.get();
  if (browser_) {
    why_not_ = "the browser stopped during the audit";
    browser_.reset();
  }
  if (!why_not_.empty()) return nullptr;
  try {
    browser_ = std::make_unique<render::Browser>(browser_options_);
  } catch (const render::BrowserUnavailable& e) {
    why_not_ = e.what();
    return nullptr;
  }
  return browser_.get();
}

bool PageRenderer::consider(fetch::Page& page, html::Document& doc, bool is_home, const std::string& role,
                            bool role_links) {
  if (settings_.mode == RenderMode::never && doc.scripts.empty()) return true;
  ServedPageSigns signs = served_page_signs(page, doc, is_home, role, role_links);
  std::string reason;
  if (settings_.mode == RenderMode::always) {
    reason = "--render always";
  } else if (!signs.shell.empty()) {
    reason = signs.shell;
  } else if (!signs.missing.empty()) {
    reason = signs.missing;
  }
  if (reason.empty()) return true;
  const std::string& url = page.final_url.empty() ? page.requested_url : page.final_url;
  auto unreadable = [&](const std::string& why) {
    page.error = "built by scripts in the browser (" + signs.shell + ") and " + why;
    return false;
  };
  if (settings_.mode == RenderMode::never) {
    if (!signs.shell.empty()) return unreadable("not rendered (--render never)");
    return true;
  }
  render::Browser* b = browser();
  if (!b) {
    if (!signs.shell.empty()) return unreadable("not rendered: " + why_not_);
    if (missing_read_as_served_++ == 0) notes_.push_back("pages that may need a browser were read as served: " + why_not_);
    return true;
  }
  render::Rendering r = b->render(page, fetcher_, false);
  if (!r.ok()) {
    ++failed_;
    if (!signs.shell.empty()) return unreadable("could not be rendered: " + r.error);
    if (notes_.size() < kMaxNotes) notes_.push_back("rendering " + url + " failed (" + r.error + "): read as served");
    return true;
  }
  page.rendered_dom = std::move(r.dom);
  html::Document rendered = html::parse(page);  // read from the rendered DOM, once
  if (signs.shell.empty() && settings_.mode == RenderMode::automatic &&
      rendered.text.size() <= doc.text.size() + kMoreText && rendered.links.size() <= doc.links.size()) {
    // Rendered for content the served HTML seemed to lack: the rendered DOM is read only when
    // it shows more (text or links), so a page whose scripts add nothing reads as served.
    page.rendered_dom.clear();
    if (notes_.size() < kMaxNotes) notes_.push_back("rendered " + url + " (" + reason + "): its scripts added nothing; read as served");
    return true;
  }
  ++rendered_;
  page.rendered_sha256 = r.sha256;
  page.rendered_at = r.rendered_at;
  page.render_reason = reason;
  for (const auto& n : r.notes) {
    if (notes_.size() < kMaxNotes) notes_.push_back("rendering " + url + ": " + n);
  }
  fetcher_.archive_resource(url, "text/html; charset=utf-8", page.rendered_dom, "rendered DOM, " + reason);
  doc = std::move(rendered);
  return true;
}

render::Rendering PageRenderer::screenshot(const fetch::Page& page) {
  render::Rendering r;
  if (settings_.mode == RenderMode::never) {
    r.error = "no browser is used (--render never)";
    return r;
  }
  render::Browser* b = browser();
  if (!b) {
    r.error = why_not_;
    return r;
  }
  return b->render(page, fetcher_, true);
}

nlohmann::json PageRenderer::record() const {
  nlohmann::json j = {{"mode", to_string(settings_.mode)}, {"pages_rendered", rendered_}};
  if (browser_) j["browser"] = browser_->executable();
  if (failed_) j["pages_failed"] = failed_;
  if (!why_not_.empty()) j["browser_unavailable"] = why_not_;
  if (!notes_.empty()) j["notes"] = notes_;
  return j;
}

}  // namespace omnicheck::audit

// Drives one Chromium over the DevTools protocol: a browser context per site, one tab in it,
// every request of the tab paused (Fetch domain) and answered from the audit's Fetcher.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "render/cdp_pipe.h"
#include "render/page_scripts.h"
#include "render/render.h"

namespace omnicheck::render {
namespace {

namespace fs = std::filesystem;
using Clock = CdpPipe::Clock;
using std::chrono::milliseconds;

constexpr std::size_t kMaxNotedRefusals = 5;

std::string without_fragment(const std::string& url) { return url.substr(0, url.find('#')); }

bool executable_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// A resource answered once and kept for the site's next pages (the same bundle on every page).
struct Cached {
  int status = 0;
  std::string content_type, charset, body;
};

}  // namespace

std::string find_browser(const std::string& preferred) {
  if (!preferred.empty()) return executable_file(preferred) ? preferred : "";
  if (const char* env = std::getenv("OMNICHECK_BROWSER"); env && *env) return executable_file(env) ? env : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (end > start && executable_file(candidate)) return candidate.string();
      start = end + 1;
    }
  }
  return "";
}

struct Browser::Impl {
  BrowserOptions o;
  std::string executable;
  fs::path profile;
  std::unique_ptr<CdpPipe> pipe;
  std::string context_id, target_id, session_id;
  std::map<std::string, Cached> cache;
  std::size_t cache_bytes = 0;

  ~Impl() {
    pipe.reset();  // closes the browser before its profile goes
    std::error_code ec;
    if (!profile.empty()) fs::remove_all(profile, ec);
  }

  Clock::time_point in(long ms) const { return Clock::now() + milliseconds(ms); }

  // The site's context and its one tab, opened at the first page (again after a crash).
  std::string open_tab() {
    if (!session_id.empty()) return "";
    auto deadline = in(o.start_timeout_ms);
    if (context_id.empty()) {
      auto r = pipe->call("Target.createBrowserContext", {{"disposeOnDetach", true}}, "", deadline);
      if (!r || !r->contains("result")) return "the browser could not open a context";
      context_id = (*r)["result"].value("browserContextId", "");
      pipe->call("Browser.setDownloadBehavior", {{"behavior", "deny"}, {"browserContextId", context_id}}, "", deadline);
    }
    auto t = pipe->call("Target.createTarget", {{"url", "about:blank"}, {"browserContextId", context_id}}, "", deadline);
    if (!t || !t->contains("result")) return "the browser could not open a tab";
    target_id = (*t)["result"].value("targetId", "");
    auto a = pipe->call("Target.attachToTarget", {{"targetId", target_id}, {"flatten", true}}, "", deadline);
    if (!a || !a->contains("result")) return "the browser could not attach to its tab";
    session_id = (*a)["result"].value("sessionId", "");
    for (const auto& [method, params] : std::vector<std::pair<std::string, nlohmann::json>>{
             {"Page.enable", nlohmann::json::object()},
             {"Fetch.enable", {{"patterns", {{{"urlPattern", "*"}, {"requestStage", "Request"}}}}}},
             {"Emulation.setDeviceMetricsOverride",
              {{"width", o.width}, {"height", o.height}, {"deviceScaleFactor", 1}, {"mobile", false}}}}) {
      auto r = pipe->call(method, params, session_id, deadline);
      if (!r || r->contains("error")) return "the browser refused " + method;
    }
    return "";
  }

  void drop_tab() {
    if (!target_id.empty() && pipe->alive()) pipe->call("Target.closeTarget", {{"targetId", target_id}}, "", in(2000));
    target_id.clear();
    session_id.clear();
  }

  void keep(const std::string& url, const fetch::Page& p) {
    if (p.status < 200 || p.status >= 300 || cache.count(url)) return;
    if (cache_bytes + p.body.size() > o.cache_bytes) return;
    cache_bytes += p.body.size();
    cache[url] = {p.status, p.content_type, p.charset, p.body};
  }

  void fulfill(const std::string& request_id, const Cached& c) {
    nlohmann::json headers = nlohmann::json::array();
    if (!c.content_type.empty()) {
      headers.push_back({{"name", "Content-Type"}, {"value", c.content_type + (c.charset.empty() ? "" : "; charset=" + c.charset)}});
    }
    pipe->send("Fetch.fulfillRequest",
               {{"requestId", request_id}, {"responseCode", c.status}, {"responseHeaders", headers}, {"body", fetch::base64_encode(c.body)}},
               session_id);
  }

  void refuse(const std::string& request_id, const char* reason) {
    pipe->send("Fetch.failRequest", {{"requestId", request_id}, {"errorReason", reason}}, session_id);
  }

  // Waits until the page has loaded and made no request for settle_ms, answering what it asks
  // for meanwhile. False when the page may not go on (crash, loop, browser gone): `out.error`.
  bool settle(Rendering& out, const fetch::Page& served, fetch::Fetcher& fetcher, Clock::time_point deadline,
              bool& loaded, long navigate_id, std::size_t& navigations) {
    auto quiet_since = Clock::now();
    const std::string served_url = without_fragment(served.final_url.empty() ? served.requested_url : served.final_url);
    while (true) {
      auto now = Clock::now();
      if (loaded && now - quiet_since >= milliseconds(o.settle_ms)) return true;
      if (now >= deadline) {
        out.settled = false;
        out.notes.push_back("still loading after " + std::to_string(o.page_timeout_ms / 1000) +
                            " s: the page was read as it stood then");
        return true;
      }
      auto wait = loaded ? std::min(deadline, quiet_since + milliseconds(o.settle_ms)) : deadline;
      auto m = pipe->next(wait);
      if (!m) {
        if (!pipe->alive()) {
          out.error = "the browser exited while rendering the page";
          return false;
        }
        continue;
      }
      if (m->contains("id")) {
        if ((*m)["id"] == navigate_id) {
          std::string err = (*m)["result"].value("errorText", "");
          if (!err.empty() && !loaded) {
            out.error = "the browser could not load the page: " + err;
            return false;
          }
        }
        continue;
      }
      const std::string method = m->value("method", "");
      const nlohmann::json& params = (*m)["params"];
      if (method == "Target.targetCreated" || method == "Target.targetInfoChanged") {
        // A pop-up (window.open, target=_blank): closed at once; its requests are not
        // intercepted, so the launch flags leave them nowhere to go meanwhile.
        const auto& info = params["targetInfo"];
        if (info.value("openerId", "") == target_id && info.value("targetId", "") != target_id) {
          pipe->send("Target.closeTarget", {{"targetId", info.value("targetId", "")}});
          out.notes.push_back("a pop-up the page opened was closed");
        }
        continue;
      }
      if (method == "Target.targetCrashed" && params.value("targetId", "") == target_id) {
        out.error = "the page's renderer crashed";
        return false;
      }
      if (m->value("sessionId", "") != session_id) continue;
      if (method == "Inspector.targetCrashed") {
        out.error = "the page's renderer crashed";
        return false;
      }
      if (method == "Page.loadEventFired") {
        loaded = true;
        quiet_since = Clock::now();
      } else if (method == "Page.javascriptDialogOpening") {
        pipe->send("Page.handleJavaScriptDialog", {{"accept", false}}, session_id);
        out.notes.push_back("a dialog the page opened was dismissed");
      } else if (method == "Page.frameNavigated") {
        if (!params["frame"].contains("parentId") && ++navigations > o.max_navigations) {
          out.error = "the page kept navigating (" + std::to_string(navigations) + " navigations): a redirect loop";
          return false;
        }
      } else if (method == "Fetch.requestPaused") {
        quiet_since = Clock::now();
        answer(out, params, served, served_url, fetcher);
        quiet_since = Clock::now();
      }
    }
  }

  void answer(Rendering& out, const nlohmann::json& params, const fetch::Page& served, const std::string& served_url,
              fetch::Fetcher& fetcher) {
    const std::string id = params.value("requestId", "");
    const auto& req = params["request"];
    const std::string url = without_fragment(req.value("url", ""));
    const std::string method = req.value("method", "GET");
    ++out.requests;
    auto refused = [&](const std::string& why, const char* reason) {
      ++out.refused;
      if (out.refused <= kMaxNotedRefusals) out.notes.push_back("request refused: " + url + ": " + why);
      refuse(id, reason);
    };
    // The crawler only reads: nothing is ever sent to the merchant on its behalf.
    if (method != "GET" && method != "HEAD") return refused(method + " requests are not sent", "AccessDenied");
    if (out.requests > o.max_requests) {
      return refused("more than " + std::to_string(o.max_requests) + " requests from one page", "BlockedByClient");
    }
    if (url == served_url && served.ok()) {
      Cached c{served.status, served.content_type, served.charset, served.body};
      return fulfill(id, c);
    }
    if (auto it = cache.find(url); it != cache.end()) return fulfill(id, it->second);
    fetch::Page p = fetcher.fetch_resource(url);
    if (p.status == 0 || (!p.error.empty() && p.body.empty() && (p.status < 300 || p.status >= 400))) {
      return refused(p.error.empty() ? "no answer" : p.error, "BlockedByClient");
    }
    keep(url, p);
    fulfill(id, {p.status, p.content_type, p.charset, p.body});
  }

  std::optional<nlohmann::json> evaluate(const std::string& expression, Clock::time_point deadline) {
    auto r = pipe->call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", false}},
                        session_id, deadline);
    if (!r || !r->contains("result") || (*r)["result"].contains("exceptionDetails")) return std::nullopt;
    return (*r)["result"]["result"].value("value", nlohmann::json());
  }

  void screenshot(Rendering& out, Clock::time_point deadline) {
    auto metrics = pipe->call("Page.getLayoutMetrics", nlohmann::json::object(), session_id, deadline);
    double height = o.height;
    if (metrics && metrics->contains("result")) {
      const auto& r = (*metrics)["result"];
      const auto& size = r.contains("cssContentSize") ? r["cssContentSize"] : r["contentSize"];
      height = size.value("height", static_cast<double>(o.height));
    }
    if (height > o.max_screenshot_height) {
      out.screenshot_cut = true;
      height = o.max_screenshot_height;
    }
    if (height < 1) height = o.height;
    auto shot = pipe->call("Page.captureScreenshot",
                           {{"format", "png"},
                            {"captureBeyondViewport", true},
                            {"clip", {{"x", 0}, {"y", 0}, {"width", o.width}, {"height", height}, {"scale", 1}}}},
                           session_id, deadline + milliseconds(10000));
    if (!shot || !shot->contains("result")) {
      out.notes.push_back("no screenshot: the browser did not take it in time");
      return;
    }
    out.screenshot_png = fetch::base64_decode((*shot)["result"].value("data", ""));
    if (out.screenshot_cut) {
      out.notes.push_back("screenshot cut at " + std::to_string(o.max_screenshot_height) + " pixels of a longer page");
    }
  }

  Rendering render(const fetch::Page& served, fetch::Fetcher& fetcher, bool want_screenshot) {
    Rendering out;
    out.final_url = served.final_url.empty() ? served.requested_url : served.final_url;
    if (!pipe || !pipe->alive()) {
      out.error = "the browser is no longer running";
      return out;
    }
    if (std::string why = open_tab(); !why.empty()) {
      out.error = why;
      return out;
    }
    auto deadline = in(o.page_timeout_ms);
    long nav = pipe->send("Page.navigate", {{"url", out.final_url}}, session_id);
    bool loaded = false;
    std::size_t navigations = 0;
    if (nav < 0 || !settle(out, served, fetcher, deadline, loaded, nav, navigations)) {
      drop_tab();
      return out;
    }
    if (!o.consent_accept.empty() || !o.consent_decline.empty()) {
      auto clicked = evaluate(consent_click_script(o.consent_decline, o.consent_accept), in(std::min(5000L, o.page_timeout_ms)));
      if (clicked && clicked->is_string() && !clicked->get<std::string>().empty()) {
        out.consent_clicked = clicked->get<std::string>();
        out.notes.push_back("consent banner answered with '" + out.consent_clicked + "' to see the page");
        loaded = true;
        if (!settle(out, served, fetcher, std::max(deadline, in(o.settle_ms * 4)), loaded, -2, navigations)) {
          drop_tab();
          return out;
        }
      }
    }
    auto value = evaluate(serialize_dom_script(), in(std::min(10000L, o.page_timeout_ms)));
    if (!value || !value->is_string()) {
      out.error = "the browser did not hand back the page's DOM";
      drop_tab();
      return out;
    }
    auto doc = nlohmann::json::parse(value->get<std::string>(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      out.error = "the browser handed back an unreadable DOM";
      return out;
    }
    out.dom = doc.value("html", "");
    out.final_url = doc.value("url", out.final_url);
    if (out.dom.size() > o.max_dom_bytes) {
      out.error = "the rendered DOM (" + std::to_string(out.dom.size()) + " bytes) exceeds the limit of " +
                  std::to_string(o.max_dom_bytes) + " bytes";
      out.dom.clear();
      return out;
    }
    out.sha256 = fetch::sha256_hex(out.dom);
    out.rendered_at = fetch::now_rfc3339();
    if (want_screenshot) screenshot(out, in(10000));
    // Scripts of this page stop here, not on the next page's time.
    pipe->send("Page.navigate", {{"url", "about:blank"}}, session_id);
    if (out.refused > kMaxNotedRefusals) {
      out.notes.push_back("… " + std::to_string(out.refused - kMaxNotedRefusals) + " more requests refused");
    }
    return out;
  }
};

Browser::Browser(BrowserOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& b = *impl_;
  b.o = std::move(options);
  b.executable = find_browser(b.o.executable);
  if (b.executable.empty()) {
    throw BrowserUnavailable(b.o.executable.empty()
                                 ? "no browser found: install Chromium (apt-get install chromium) or set OMNICHECK_BROWSER"
                                 : "browser not found or not executable: " + b.o.executable);
  }
  std::string tmpl = (fs::temp_directory_path() / "omnicheck-browser-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw BrowserUnavailable("cannot create a browser profile folder in " + fs::temp_directory_path().string());
  b.profile = tmpl;
  std::vector<std::string> args = {
      "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
      "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--disable-breakpad",
      "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,InterestFeedContentSuggestions",
      // A request that escaped interception finds no name and no route: every host resolves
      // to nothing, and everything (loopback too) is sent to a proxy that cannot be reached.
      "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://omnicheck-no-network.invalid:9",
      "--proxy-bypass-list=<-loopback>",
      "--js-flags=--max-old-space-size=512",
      "--window-size=" + std::to_string(b.o.width) + "," + std::to_string(b.o.height),
      "--user-data-dir=" + b.profile.string(), "about:blank"};
  // Chromium's sandbox needs user namespaces that root in a container does not get.
  if (::geteuid() == 0) args.insert(args.begin(), "--no-sandbox");
  try {
    b.pipe = std::make_unique<CdpPipe>(b.executable, args);
  } catch (const std::exception& e) {
    throw BrowserUnavailable(e.what());
  }
  auto r = b.pipe->call("Target.setDiscoverTargets", {{"discover", true}}, "", b.in(b.o.start_timeout_ms));
  if (!r || r->contains("error")) {
    throw BrowserUnavailable(b.executable + " did not answer over the DevTools pipe within " +
                             std::to_string(b.o.start_timeout_ms / 1000) + " s");
  }
}

Browser::~Browser() = default;

Rendering Browser::render(const fetch::Page& served, fetch::Fetcher& fetcher, bool screenshot) {
  return impl_->render(served, fetcher, screenshot);
}

std::string Browser::print_pdf(const std::string& html) {
  Impl& b = *impl_;
  if (!b.pipe->alive()) throw std::runtime_error("the browser is gone");
  const auto deadline = b.in(b.o.page_timeout_ms + 30000);
  const auto need = [&](const std::string& method, const nlohmann::json& params, const std::string& session) {
    auto r = b.pipe->call(method, params, session, deadline);
    if (!r || r->contains("error") || !r->contains("result")) {
      throw std::runtime_error("printing the report: the browser " +
                               std::string(!r ? "did not answer " : "refused ") + method +
                               (r && r->contains("error") ? ": " + (*r)["error"].value("message", std::string()) : ""));
    }
    return (*r)["result"];
  };
  const std::string context = need("Target.createBrowserContext", {{"disposeOnDetach", true}}, "").value("browserContextId", "");
  std::string pdf;
  try {
    const std::string target =
        need("Target.createTarget", {{"url", "about:blank"}, {"browserContextId", context}}, "").value("targetId", "");
    const std::string session = need("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}, "").value("sessionId", "");
    need("Page.enable", nlohmann::json::object(), session);
    const std::string frame = need("Page.getFrameTree", nlohmann::json::object(), session)["frameTree"]["frame"].value("id", "");
    need("Page.setDocumentContent", {{"frameId", frame}, {"html", html}}, session);
    // A4 with 12 mm margins; the footer carries "page / pages" so a filed copy shows a page missing.
    const auto r = need("Page.printToPDF",
                        {{"printBackground", true},
                         {"paperWidth", 8.27},
                         {"paperHeight", 11.69},
                         {"marginTop", 0.47},
                         {"marginBottom", 0.6},
                         {"marginLeft", 0.47},
                         {"marginRight", 0.47},
                         {"displayHeaderFooter", true},
                         {"headerTemplate", "<span></span>"},
                         {"footerTemplate",
                          "<div style=\"font-size:8px;width:100%;text-align:center;color:#555\">"
                          "<span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>"}},
                        session);
    pdf = fetch::base64_decode(r.value("data", ""));
  } catch (...) {
    b.pipe->call("Target.disposeBrowserContext", {{"browserContextId", context}}, "", b.in(5000));
    throw;
  }
  b.pipe->call("Target.disposeBrowserContext", {{"browserContextId", context}}, "", b.in(5000));
  if (pdf.rfind("%PDF-", 0) != 0) throw std::runtime_error("printing the report: the browser returned no PDF");
  return pdf;
}

void Browser::new_site() {
  Impl& b = *impl_;
  b.drop_tab();
  if (!b.context_id.empty() && b.pipe->alive()) {
    b.pipe->call("Target.disposeBrowserContext", {{"browserContextId", b.context_id}}, "", b.in(5000));
  }
  b.context_id.clear();
  b.cache.clear();
  b.cache_bytes = 0;
}

bool Browser::alive() const { return impl_->pipe && impl_->pipe->alive(); }
const std::string& Browser::executable() const { return impl_->executable; }

}  // namespace omnicheck::render

#include "audit/screenshots.h"

#include <filesystem>
#include <fstream>
#include <map>

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;

// A report a person reads: a handful of pictures, not the crawl.
constexpr std::size_t kMaxShots = 25;

// "https://shop.example/de/impressum.html?x=1" -> "impressum-html": the page's own name (the
// last segment of its path), so that a file says which page it shows.
std::string slug(const std::string& url) {
  std::string path = fetch::url_path(url);
  while (!path.empty() && path.back() == '/') path.pop_back();
  path = path.substr(path.find_last_of('/') + 1);
  std::string out;
  for (char c : path) {
    bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (keep) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "home" : out;
}

}  // namespace

nlohmann::json take_screenshots(const std::vector<rules::Finding>& findings, const extract::FactStore& facts,
                                const std::vector<fetch::Page>& pages, PageRenderer& renderer,
                                fetch::Fetcher& fetcher, const RenderSettings& settings) {
  // The pages read, by normalized URL; the order of the list is the order shots are taken.
  std::map<std::string, const fetch::Page*> read;
  for (const auto& p : pages) {
    if (p.ok() && p.is_html()) read.emplace(fetch::normalize_url(p.final_url), &p);
  }
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> why;
  auto want = [&](const std::string& url, const std::string& reason) {
    std::string key = fetch::normalize_url(url);
    if (!read.count(key)) return;
    auto& reasons = why[key];
    if (reasons.empty()) order.push_back(key);
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) reasons.push_back(reason);
  };
  for (const auto& f : findings) {
    if (f.status != "fail" && f.status != "warn") continue;
    for (const auto& e : f.evidence) {
      if (!e.url.empty()) want(e.url, "evidence of " + f.rule + " (" + f.status + ")");
    }
  }
  for (const auto* f : facts.of_type("page")) {
    std::string role = f->attrs.value("role", "");
    if (f->attrs.value("is_legal_notice", false)) role = "legal_notice";
    if (role == "legal_notice") want(f->attrs.value("url", ""), "legal notice page");
    if (role == "contact" || role == "customer_service") want(f->attrs.value("url", ""), role + " page");
  }

  nlohmann::json out = nlohmann::json::array();
  std::error_code ec;
  fs::create_directories(settings.screenshots_dir, ec);
  if (ec) {
    out.push_back({{"error", "cannot create the folder " + settings.screenshots_dir + ": " + ec.message()}});
    return out;
  }
  std::size_t n = 0;
  for (const auto& key : order) {
    if (n == kMaxShots) {
      out.push_back({{"error", std::to_string(order.size() - kMaxShots) + " more page(s) not shot: at most " +
                                   std::to_string(kMaxShots) + " screenshots per audit"}});
      break;
    }
    const fetch::Page& page = *read[key];
    nlohmann::json entry = {{"url", page.final_url}, {"why", why[key]}};
    render::Rendering r = renderer.screenshot(page);
    if (!r.ok() || r.screenshot_png.empty()) {
      entry["error"] = r.ok() ? "the browser took no picture" : r.error;
      out.push_back(std::move(entry));
      continue;
    }
    ++n;
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02zu-", n);
    std::string name = prefix + slug(page.final_url) + ".png";
    fs::path file = fs::path(settings.screenshots_dir) / name;
    std::ofstream os(file, std::ios::binary | std::ios::trunc);
    os.write(r.screenshot_png.data(), static_cast<std::streamsize>(r.screenshot_png.size()));
    os.close();
    if (!os) {
      entry["error"] = "cannot write " + file.string();
      out.push_back(std::move(entry));
      continue;
    }
    entry["file"] = settings.screenshots_href + "/" + name;
    entry["sha256"] = fetch::sha256_hex(r.screenshot_png);
    entry["bytes"] = r.screenshot_png.size();
    entry["taken_at"] = r.rendered_at;
    if (r.screenshot_cut) entry["cut"] = true;
    std::string record = fetcher.archive_resource(page.final_url, "image/png", r.screenshot_png, "full-page screenshot");
    if (!record.empty()) entry["warc_record_id"] = record;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace omnicheck::audit

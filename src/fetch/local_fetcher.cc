// A saved site in a folder, served the way static web servers serve it.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "fetch/fetch.h"

namespace omnicheck::fetch {
namespace {

namespace fs = std::filesystem;

std::string media_type_for(const fs::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".php" || ext.empty()) return "text/html";
  if (ext == ".xhtml") return "application/xhtml+xml";
  if (ext == ".xml") return "application/xml";
  if (ext == ".txt") return "text/plain";
  if (ext == ".css") return "text/css";
  if (ext == ".js") return "application/javascript";
  if (ext == ".json") return "application/json";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".gif" || ext == ".svg" || ext == ".webp") {
    return "image/" + ext.substr(1);
  }
  return "application/octet-stream";
}

bool s_ends_with_slash(const std::string& p) { return !p.empty() && p.back() == '/'; }

class LocalFetcher final : public Fetcher {
 public:
  LocalFetcher(fs::path root, std::size_t max_bytes) : root_(std::move(root)), max_bytes_(max_bytes) {
    root_url_ = "file://" + root_.generic_string();
    if (root_url_.back() != '/') root_url_ += '/';
  }

  std::string start_url() const override { return root_url_; }

  bool in_scope(const std::string& url) const override {
    return url.rfind("file://", 0) == 0 && to_path(url).has_value();
  }

  Page fetch(const std::string& url) override {
    Page page;
    page.requested_url = url;
    page.final_url = url;
    page.fetched_at = now_rfc3339();
    auto path = to_path(url);
    if (!path) {
      page.error = "outside the audited folder: " + url;
      return page;
    }
    auto file = resolve(*path);
    if (!file) {
      page.status = 404;
      page.error = "no such file in the saved site: " + path->string();
      page.sha256 = sha256_hex("");
      return page;
    }
    std::error_code size_ec;
    const auto size = fs::file_size(*file, size_ec);
    if (!size_ec && size > max_bytes_) {
      page.status = 200;
      page.error = "file of " + std::to_string(size) + " bytes exceeds the limit of " + std::to_string(max_bytes_) +
                   " bytes: " + file->string();
      return page;
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      page.error = "cannot read " + file->string();
      return page;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    page.body = ss.str();
    page.status = 200;
    page.sha256 = sha256_hex(page.body);
    page.content_type = media_type_for(*file);
    std::string resolved = "file://" + file->generic_string();
    if (resolved != url) {
      page.final_url = resolved;
    }
    return page;
  }

 private:
  // The folder path a file:// URL names, if it lies inside the root (no "..", no symlink out).
  std::optional<fs::path> to_path(const std::string& url) const {
    if (url.rfind("file://", 0) != 0) return std::nullopt;
    std::string p = url_path(url);
    if (p.empty()) return std::nullopt;
    fs::path candidate = fs::path(p).lexically_normal();
    auto rel = candidate.lexically_relative(root_);
    if (!rel.empty() && *rel.begin() != "..") return candidate;
    // A root-relative link ("/mentions-legales") in a saved site means the site's root, which
    // file:// resolution puts at the file system's root: map it back below the folder.
    fs::path rooted = (root_ / fs::path(p).relative_path()).lexically_normal();
    rel = rooted.lexically_relative(root_);
    if (rel.empty() || *rel.begin() == "..") return std::nullopt;
    if (s_ends_with_slash(p)) return fs::path(rooted.string() + "/");
    return rooted;
  }

  // /a/b -> a/b, a/b.html, a/b/index.html (what static servers try), never leaving the root.
  std::optional<fs::path> resolve(const fs::path& p) const {
    std::error_code ec;
    std::vector<fs::path> tries;
    std::string s = p.generic_string();
    if (!s.empty() && s.back() == '/') {
      tries.push_back(p / "index.html");
      tries.push_back(p / "index.htm");
    } else {
      tries.push_back(p);
      tries.push_back(fs::path(s + ".html"));
      tries.push_back(p / "index.html");
      tries.push_back(p / "index.htm");
    }
    for (const auto& t : tries) {
      if (!fs::is_regular_file(t, ec)) continue;
      fs::path canon = fs::weakly_canonical(t, ec);
      if (ec) continue;
      auto rel = canon.lexically_relative(root_);
      if (rel.empty() || *rel.begin() == "..") continue;
      return canon;
    }
    return std::nullopt;
  }

  fs::path root_;
  std::size_t max_bytes_;
  std::string root_url_;
};

}  // namespace

std::unique_ptr<Fetcher> make_local_fetcher(const std::string& folder, std::size_t max_body_bytes) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(folder), ec);
  if (ec || !fs::is_directory(root, ec)) {
    throw std::runtime_error("target folder not found or not a folder: " + folder);
  }
  auto has_index = [&](const fs::path& dir) {
    return fs::exists(dir / "index.html", ec) || fs::exists(dir / "index.htm", ec);
  };
  if (!has_index(root)) {
    // `wget --mirror https://shop.fr/` saves the site as shop.fr/index.html: accept the folder
    // above it when it holds that one site and nothing else.
    std::vector<fs::path> subdirs;
    for (const auto& e : fs::directory_iterator(root, ec)) {
      if (e.is_directory(ec)) subdirs.push_back(e.path());
    }
    if (subdirs.size() == 1 && has_index(subdirs.front())) {
      root = subdirs.front();
    } else {
      throw std::runtime_error("no index.html in target folder: " + folder);
    }
  }
  return std::make_unique<LocalFetcher>(root, max_body_bytes);
}

}  // namespace omnicheck::fetch

#include "audit/crawler.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "audit/app_shell.h"
#include "audit/crawl_trap_guard.h"
#include "audit/page_renderer.h"
#include "common/parallel_for.h"

namespace omnicheck::audit {
namespace {

// A focused crawl needs a few pages of each kind; a full one is stopped by content (observe()).
constexpr std::size_t kFocusedPerPattern = 10;
constexpr std::size_t kMaxKnownUrls = 200000;  // bounds memory on sites that generate links
constexpr std::size_t kMaxListed = 5;          // URLs quoted in one note
constexpr std::size_t kMaxFailureNotes = 20;
constexpr std::size_t kSampleScan = 500;       // queue entries looked at to pick a diverse sample
constexpr int kHomePriority = 1000;

// Pages that decide site rules come first; a legal notice and contact page decide most.
int role_priority(const std::string& role) {
  if (role == "legal_notice") return 100;
  if (role == "contact") return 90;
  if (role == "customer_service") return 80;
  if (role == "terms") return 60;
  if (role == "faq") return 50;
  if (role == "shipping_returns") return 45;
  if (role == "about") return 40;
  if (role == "privacy") return 30;
  return 0;
}

// Site chrome: where shops put their legal links, on every page alike.
bool is_chrome(const std::string& region) { return region == "header" || region == "nav" || region == "footer"; }

// Pages of one section likely share a template: same first path segment, same path length.
// Paths count from `root`, the start URL's folder, so that a saved site's home page
// (file:///…/site/) and its root-relative links (file:///) share the site's root section.
std::string section_of(const std::string& url, const std::string& root) {
  std::string path = fetch::url_path(url), first;
  if (path.rfind(root, 0) == 0) path.erase(0, root.size());
  std::size_t segments = 0, start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) {
      if (first.empty()) first = path.substr(start, end - start);
      ++segments;
    }
    start = end + 1;
  }
  return first + "|" + std::to_string(segments);
}

bool is_page_link(const std::string& url) {
  return !url.empty() && url.rfind("mailto:", 0) != 0 && url.rfind("tel:", 0) != 0;
}

struct Item {
  std::string url, key, role, section;
  int priority = 0;
  int depth = 0;
  std::size_t seq = 0;
  bool expected = false;  // a page where trader information is expected (or the home page)
  bool sample = false;    // taken for the focused crawl's sample of ordinary pages
  bool utility = false;   // the shop's machinery: account, login, cart, checkout (url.utility)
  bool product = false;   // linked from a product tile of a listing: a product page
};

struct ByPriority {
  bool operator()(const Item& a, const Item& b) const {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.seq < b.seq;  // discovery order breaks ties: breadth-first among equals
  }
};

enum class State { queued, taken, skipped, out_of_scope };

struct Known {
  State state = State::queued;
  int priority = 0;
  std::size_t seq = 0;
  bool expected = false;
};

struct DepthLimited {
  std::string url;
  bool expected = false;
};

class Crawl {
 public:
  Crawl(fetch::Fetcher& fetcher, const extract::LinkRoles& roles, const CrawlLimits& limits,
        const SiteRulesDecided& decided, PageRenderer* renderer)
      : fetcher_(fetcher),
        renderer_(renderer),
        roles_(roles),
        limits_(limits),
        decided_(decided),
        trap_(limits.max_per_pattern ? limits.max_per_pattern : (limits.full ? 0 : kFocusedPerPattern)) {}

  CrawlResult run() {
    Item home;
    home.url = fetcher_.start_url();
    home.key = trap_.dedupe_key(home.url);
    home.priority = kHomePriority;
    home.expected = true;
    root_ = fetch::url_path(home.url);
    root_.erase(root_.find_last_of('/') + 1);
    home.section = section_of(home.url, root_);
    home.seq = seq_++;
    home_key_ = home.key;
    // The home page is a sample of its own part of the site ("/?sort=…" variants add nothing).
    sampled_sections_.insert(home.section);
    sampled_tops_.insert(home.section.substr(0, home.section.find('|')));
    queue(std::move(home));
    for (const auto& s : fetcher_.seed_urls()) discover(s, "", "", nullptr);

    while (out_.fetches < limits_.max_pages) {
      std::vector<Item> batch = next_batch();
      if (batch.empty()) break;
      fetch(std::move(batch));
    }
    finish();
    return std::move(out_);
  }

 private:
  void queue(Item item) {
    known_[item.key] = {State::queued, item.priority, item.seq, item.expected};
    (item.expected ? expected_q_ : ordinary_q_).insert(std::move(item));
  }

  // A link found on `from` (nullptr for sitemap seeds).
  void discover(const std::string& url, const std::string& text, const std::string& region, const Item* from,
                bool product = false) {
    if (!is_page_link(url)) return;
    std::string key = trap_.dedupe_key(url);
    int depth = from ? from->depth + 1 : 1;
    // Where trader information is expected: links in the site chrome of any page, and every
    // link of the home page, of a role page or of the sitemap.
    bool expected_here = from == nullptr || from->depth == 0 || from->expected || is_chrome(region);
    auto it = known_.find(key);
    if (it != known_.end()) {
      Known& k = it->second;
      if (k.state != State::queued || k.expected || limits_.full || !expected_here) return;
      std::string role = roles_.classify(text, url);
      if (role.empty()) return;
      // Queued as an ordinary page, now found where trader information is expected: upgrade.
      Item probe;
      probe.priority = k.priority;
      probe.seq = k.seq;
      auto node = ordinary_q_.extract(probe);
      if (node.empty()) return;
      Item item = std::move(node.value());
      item.role = role;
      item.expected = true;
      item.priority = role_priority(role) + (is_chrome(region) ? 5 : 0);
      item.depth = std::min(item.depth, depth);
      queue(std::move(item));
      return;
    }
    if (known_.size() >= kMaxKnownUrls) {
      ++dropped_;
      return;
    }
    if (!fetcher_.in_scope(url)) {
      known_[key].state = State::out_of_scope;
      return;
    }
    std::string role = roles_.classify(text, url);
    bool expected = !role.empty() && expected_here;
    if (depth > limits_.max_depth) {
      if (depth_limited_.size() >= kMaxKnownUrls && !depth_limited_.count(key)) {
        ++dropped_;
        return;
      }
      DepthLimited& d = depth_limited_[key];
      d.url = url;
      d.expected = d.expected || expected;
      return;
    }
    if (auto why = CrawlTrapGuard::structural_trap(url)) {
      known_[key].state = State::skipped;
      ++structural_traps_;
      if (structural_examples_.size() < kMaxListed) structural_examples_.push_back(url + " (" + *why + ")");
      if (expected) unresolved(url, "crawler-trap guard: " + *why);
      return;
    }
    Item item;
    item.url = url;
    item.key = std::move(key);
    item.role = std::move(role);
    item.section = section_of(url, root_);
    item.priority = role_priority(item.role) + (is_chrome(region) ? 5 : 0);
    item.depth = depth;
    item.seq = seq_++;
    item.expected = expected;
    // A cookie banner's links ("/index.php?cl=clearcookies", the privacy settings) are
    // machinery too.
    item.utility = region == "consent" || roles_.utility(url);
    item.product = product && !item.utility;
    queue(std::move(item));
  }

  // Pops the best queued item that the trap guard admits.
  bool take_next(std::set<Item, ByPriority>& q, Item* out) {
    while (!q.empty()) {
      Item item = std::move(q.extract(q.begin()).value());
      if (admit(item)) {
        *out = std::move(item);
        return true;
      }
    }
    return false;
  }

  // An ordinary page for the sample: not the shop's machinery (account, login, cart, a cookie
  // banner's links: they show no product, and the sample is there to see a category listing and
  // a product page), linked from the home page (the site's main sections; this also keeps the
  // choice independent of which pages happened to arrive first), from a part of the site not
  // sampled yet (first path segment, then path length), without a query string (filters and
  // sort orders of a page already seen), in that order of preference. One product page comes
  // first of all when a listing links one: reviews, prices and their reductions stand there,
  // and category pages alone left "no page shows reviews" on shops whose every product has them.
  bool take_sample(Item* out) {
    while (!ordinary_q_.empty()) {
      auto best = ordinary_q_.end();
      int best_score = -1000;
      std::size_t scanned = 0;
      for (auto it = ordinary_q_.begin(); it != ordinary_q_.end() && scanned < kSampleScan; ++it, ++scanned) {
        std::string top = it->section.substr(0, it->section.find('|'));
        const bool wanted_product = it->product && !product_sampled_;
        int score = (it->utility ? -32 : 0) + (wanted_product ? 16 : 0) + (it->depth <= 1 ? 8 : 0) +
                    (sampled_tops_.count(top) ? 0 : 4) + (sampled_sections_.count(it->section) ? 0 : 2) +
                    (it->url.find('?') == std::string::npos ? 1 : 0);
        if (score > best_score) {
          best = it;
          best_score = score;
          if (score == (product_sampled_ ? 15 : 31)) break;
        }
      }
      Item item = std::move(ordinary_q_.extract(best).value());
      if (!admit(item)) continue;
      sampled_sections_.insert(item.section);
      sampled_tops_.insert(item.section.substr(0, item.section.find('|')));
      product_sampled_ = product_sampled_ || item.product;
      item.sample = true;
      *out = std::move(item);
      return true;
    }
    return false;
  }

  bool admit(const Item& item) {
    Known& k = known_[item.key];
    if (k.state != State::queued) return false;  // fetched meanwhile under another URL
    if (!trap_.admit(item.url)) {
      k.state = State::skipped;
      if (item.expected) unresolved(item.url, "crawler-trap guard: URLs of the pattern " + CrawlTrapGuard::pattern_of(item.url) + " not fetched (see the crawl notes)");
      return false;
    }
    k.state = State::taken;
    return true;
  }

  std::vector<Item> next_batch() {
    std::size_t room = std::min(limits_.batch_size, limits_.max_pages - out_.fetches);
    std::vector<Item> batch;
    Item item;
    while (batch.size() < room && take_next(expected_q_, &item)) batch.push_back(std::move(item));
    if (limits_.full) {
      while (batch.size() < room && take_next(ordinary_q_, &item)) batch.push_back(std::move(item));
      return batch;
    }
    while (batch.size() < room && samples_ < limits_.sample_pages && take_sample(&item)) {
      ++samples_;
      batch.push_back(std::move(item));
    }
    if (!batch.empty() || ordinary_q_.empty()) return batch;
    // Nothing more is expected and the sample is taken: further ordinary pages only help a
    // site rule that is still undecided.
    if (decided_) {
      out_.complete = structurally_complete();
      if (decided_(out_)) {
        out_.stopped_early = true;
        return {};
      }
    }
    while (batch.size() < room && take_next(ordinary_q_, &item)) batch.push_back(std::move(item));
    return batch;
  }

  void fetch(std::vector<Item> batch) {
    std::vector<std::string> urls;
    std::vector<Item> sent;
    for (auto& item : batch) {
      std::string why;
      if (!fetcher_.allowed(item.url, &why)) {
        ++robots_blocked_;
        fetch::Page blocked;
        blocked.requested_url = blocked.final_url = item.url;
        blocked.error = "not fetched: " + why;
        blocked.fetched_at = fetch::now_rfc3339();
        record(item, std::move(blocked));
        continue;
      }
      urls.push_back(item.url);
      sent.push_back(std::move(item));
    }
    if (urls.empty()) return;
    auto pages = fetcher_.fetch_batch(urls);
    // Parsing is most of a page's cost and needs nothing from the crawl state: the batch's
    // pages are parsed side by side, then recorded one by one in fetch order as before.
    std::vector<std::optional<html::Document>> docs(pages.size());
    common::parallel_for(pages.size(), [&](std::size_t i) {
      if (pages[i].ok() && pages[i].is_html()) docs[i] = html::parse(pages[i]);
    });
    for (std::size_t i = 0; i < sent.size() && i < pages.size(); ++i) {
      record(sent[i], std::move(pages[i]), std::move(docs[i]));
    }
  }

  void record(const Item& item, fetch::Page page, std::optional<html::Document> parsed = std::nullopt) {
    if (!page.final_url.empty()) {
      Known& k = known_[trap_.dedupe_key(page.final_url)];
      if (k.state == State::queued || k.state == State::out_of_scope) k.state = State::taken;
    }
    bool is_home = item.key == home_key_;
    ++out_.fetches;
    if (item.expected) ++out_.expected_pages;
    // A redirect onto a page already read, or the same bytes under another URL (a query string
    // the server ignores): nothing new to read, and counting it would double its facts. But an
    // app shell is the same bytes under every route of a client-side shop: what it shows
    // depends on its URL, so it is told apart by its rendered DOM.
    auto set_aside = [&] {
      if (duplicates_.size() < kMaxListed) duplicates_.push_back(page.requested_url);
      ++duplicate_count_;
      if (item.sample) --samples_;  // it showed nothing new: sample another page
    };
    const bool same_url = page.ok() && !read_pages_.insert(trap_.dedupe_key(page.final_url)).second;
    const bool same_bytes = !same_url && page.ok() && !page.sha256.empty() && read_bodies_.count(page.sha256);
    if (same_url || (same_bytes && (!renderer_ || !page.is_html()))) return set_aside();
    std::optional<html::Document> read;
    if (page.ok() && page.is_html()) {
      read = parsed ? std::move(*parsed) : html::parse(page);
      if (same_bytes && !renderer_->renders_shells()) return set_aside();
      if (same_bytes && served_page_signs(page, *read, false, "", true).shell.empty()) return set_aside();
      if (renderer_ && !renderer_->consider(page, *read, is_home, item.role, is_home && links_a_role_page(*read))) {
        read.reset();
      }
      if (read && !page.rendered_sha256.empty() && !read_bodies_.insert("rendered:" + page.rendered_sha256).second) {
        return set_aside();
      }
    }
    if (page.ok() && !page.sha256.empty()) read_bodies_.insert(page.sha256);
    if (read) {
      html::Document& doc = *read;
      std::vector<std::string> link_urls;
      for (const auto& link : doc.links) link_urls.push_back(link.url);
      trap_.learn_session_params(link_urls);
      trap_.observe(item.url, doc.text);
      if (is_home) {
        home_ok_ = true;
        std::string final_key = trap_.dedupe_key(page.final_url);
        for (const auto& link : doc.links) {
          if (!is_page_link(link.url)) continue;
          std::string key = trap_.dedupe_key(link.url);
          if (key != item.key && key != final_key && fetcher_.in_scope(link.url)) home_has_links_ = true;
        }
      }
      for (const auto& link : doc.links) discover(link.url, link.text, link.region, &item, link.product);
      out_.documents.push_back(std::move(doc));
    } else {
      // 404/410 answer that the page does not exist: the extract stage reports a legal-notice
      // link that leads nowhere. Any other failure means the page could not be seen.
      bool absent = page.status == 404 || page.status == 410;
      bool not_a_page = page.status >= 200 && page.status < 300 && !page.content_type.empty() && !page.is_html();
      if (!absent) {
        if (item.expected) {
          unresolved(item.url, page.error.empty() ? "not an HTML page (" + page.content_type + ")" : page.error);
        } else if (!not_a_page) {
          ++ordinary_failed_;
        }
      }
    }
    out_.pages.push_back(std::move(page));
  }

  bool links_a_role_page(const html::Document& doc) const {
    for (const auto& link : doc.links) {
      if (!is_page_link(link.url)) continue;
      std::string role = roles_.classify(link.text, link.url);
      if (role == "legal_notice" || role == "contact" || role == "customer_service") return true;
    }
    return false;
  }

  void unresolved(const std::string& url, const std::string& why) { unresolved_.push_back(url + ": " + why); }

  std::vector<std::string> expected_beyond_depth() const {
    std::vector<std::string> out;
    for (const auto& [key, d] : depth_limited_) {
      if (d.expected && !known_.count(key)) out.push_back(d.url);
    }
    return out;
  }

  // Focused completeness: the home page was read and links somewhere, and every page where
  // trader information is expected was fetched with a definite answer.
  bool structurally_complete() const {
    return home_ok_ && home_has_links_ && unresolved_.empty() && expected_q_.empty() && expected_beyond_depth().empty();
  }

  static std::string listed(const std::vector<std::string>& urls) {
    std::string out;
    for (std::size_t i = 0; i < urls.size() && i < kMaxListed; ++i) out += (i ? ", " : "") + urls[i];
    if (urls.size() > kMaxListed) out += ", …";
    return out;
  }

  void finish() {
    auto& notes = out_.notes;
    std::size_t limit = limits_.max_pages;
    std::vector<std::string> expected_left, ordinary_left;
    for (const auto& item : expected_q_) {
      if (known_[item.key].state == State::queued) expected_left.push_back(item.url);
    }
    for (const auto& item : ordinary_q_) {
      if (known_[item.key].state == State::queued) ordinary_left.push_back(item.url);
    }
    if (!expected_left.empty()) {
      notes.push_back("page limit of " + std::to_string(limit) +
                      " reached before every page where trader information is expected was fetched: " +
                      std::to_string(expected_left.size()) + " left (" + listed(expected_left) + ")");
    }
    if (out_.stopped_early) {
      notes.push_back("focused crawl stopped after " + std::to_string(out_.fetches) +
                      " page(s): every page where trader information is expected was fetched and the site rules "
                      "were decided; " + std::to_string(ordinary_left.size()) + " other page(s) found were not needed");
    } else if (!ordinary_left.empty()) {
      notes.push_back("page limit of " + std::to_string(limit) + " reached with " + std::to_string(ordinary_left.size()) +
                      " page(s) left unfetched" + (limits_.full ? "" : " (pages where no trader information is expected)"));
    }
    std::size_t beyond_depth = 0;
    for (const auto& [key, d] : depth_limited_) beyond_depth += known_.count(key) ? 0 : 1;
    auto expected_deep = expected_beyond_depth();
    for (const auto& url : expected_deep) unresolved(url, "beyond the depth limit of " + std::to_string(limits_.max_depth));
    if (beyond_depth) {
      notes.push_back("depth limit of " + std::to_string(limits_.max_depth) + ": " + std::to_string(beyond_depth) +
                      " link(s) deeper were not followed");
    }
    for (auto& n : trap_.notes()) notes.push_back(std::move(n));
    if (structural_traps_) {
      notes.push_back("crawler-trap guard: " + std::to_string(structural_traps_) + " URL(s) not fetched for their shape (" +
                      listed(structural_examples_) + ")");
    }
    if (!trap_.session_params().empty()) {
      std::vector<std::string> names(trap_.session_params().begin(), trap_.session_params().end());
      notes.push_back("session parameter(s) ignored when comparing URLs: " + listed(names));
    }
    if (duplicate_count_) {
      notes.push_back(std::to_string(duplicate_count_) + " fetched page(s) set aside as the same page as one already "
                      "read, by a redirect or by identical bytes (" + listed(duplicates_) + ")");
    }
    if (dropped_) notes.push_back(std::to_string(dropped_) + " link(s) dropped: more than " + std::to_string(kMaxKnownUrls) + " distinct URLs found");
    if (robots_blocked_) notes.push_back(std::to_string(robots_blocked_) + " page(s) not fetched because robots.txt disallows them");
    if (home_ok_ && !home_has_links_) {
      notes.push_back("the home page links to no other page of the site (rendered by scripts?): the crawl cannot tell what the site holds");
    }
    for (const auto& u : unresolved_) notes.push_back("not seen where trader information is expected: " + u);
    std::size_t failures = 0;
    for (const auto& p : out_.pages) {
      if (p.ok()) continue;
      // A page served (2xx) that could not be read (an app shell not rendered) was fetched.
      const char* what = p.status >= 200 && p.status < 300 ? "not read: " : "fetch failed: ";
      if (++failures <= kMaxFailureNotes) notes.push_back(what + p.requested_url + ": " + p.error);
    }
    if (failures > kMaxFailureNotes) notes.push_back("… and " + std::to_string(failures - kMaxFailureNotes) + " more failed fetches");

    bool complete = structurally_complete() && expected_left.empty() && dropped_ == 0;
    if (limits_.full) {
      complete = complete && ordinary_left.empty() && beyond_depth == 0 && trap_.skipped() == 0 &&
                 structural_traps_ == 0 && ordinary_failed_ == 0;
    }
    out_.complete = complete;
  }

  fetch::Fetcher& fetcher_;
  PageRenderer* renderer_;
  const extract::LinkRoles& roles_;
  const CrawlLimits& limits_;
  const SiteRulesDecided& decided_;
  CrawlTrapGuard trap_;
  CrawlResult out_;

  std::string home_key_;
  std::string root_;  // path of the start URL's folder: sections count from here
  std::map<std::string, Known> known_;  // by dedupe key
  std::set<Item, ByPriority> expected_q_, ordinary_q_;
  std::map<std::string, DepthLimited> depth_limited_;
  std::set<std::string> sampled_sections_, sampled_tops_;
  bool product_sampled_ = false;
  std::set<std::string> read_pages_;     // dedupe keys of the final URLs of pages read
  std::set<std::string> read_bodies_;    // sha256 of the pages read
  std::vector<std::string> unresolved_;  // expected pages without a definite answer, with why
  std::vector<std::string> structural_examples_;
  std::vector<std::string> duplicates_;  // the first few URLs set aside as duplicates
  std::size_t seq_ = 0, samples_ = 0, robots_blocked_ = 0, duplicate_count_ = 0, ordinary_failed_ = 0, structural_traps_ = 0, dropped_ = 0;
  bool home_ok_ = false, home_has_links_ = false;
};

}  // namespace

CrawlResult crawl(fetch::Fetcher& fetcher, const extract::LinkRoles& roles, const CrawlLimits& limits,
                  const SiteRulesDecided& decided, PageRenderer* renderer) {
  return Crawl(fetcher, roles, limits, decided, renderer).run();
}

}  // namespace omnicheck::audit

#include "audit/crawler.h"

#include <map>
#include <queue>
#include <set>

namespace omnicheck::audit {
namespace {

// Pages that decide site rules come first; a legal notice and contact page decide most.
int role_priority(const std::string& role) {
  if (role == "legal_notice") return 100;
  if (role == "contact") return 90;
  if (role == "customer_service") return 80;
  if (role == "terms") return 60;
  if (role == "faq") return 50;
  if (role == "shipping_returns") return 45;
  if (role == "about") return 40;
  if (role == "privacy") return 10;
  return 0;
}

struct Item {
  int priority;
  int depth;
  std::size_t seq;  // discovery order breaks ties, so equal pages come breadth-first
  std::string url;
  bool operator<(const Item& o) const {
    if (priority != o.priority) return priority < o.priority;
    return seq > o.seq;
  }
};

}  // namespace

CrawlResult crawl(fetch::Fetcher& fetcher, const extract::LinkRoles& roles, const CrawlLimits& limits) {
  CrawlResult out;
  std::priority_queue<Item> queue;
  std::set<std::string> seen;
  std::size_t seq = 0;
  auto enqueue = [&](const std::string& url, int priority, int depth) {
    std::string key = fetch::normalize_url(url);
    if (!seen.insert(key).second) return;
    queue.push({priority, depth, seq++, url});
  };
  enqueue(fetcher.start_url(), 1000, 0);
  for (const auto& s : fetcher.seed_urls()) enqueue(s, role_priority(roles.classify("", s)), 1);

  std::size_t robots_blocked = 0;
  while (!queue.empty()) {
    if (out.pages.size() >= limits.max_pages) {
      out.complete = false;
      out.notes.push_back("page limit of " + std::to_string(limits.max_pages) + " reached with " +
                          std::to_string(queue.size()) + " page(s) left unfetched");
      break;
    }
    // Take a batch of the best candidates: the HTTP fetcher runs it concurrently.
    std::vector<Item> batch;
    while (!queue.empty() && batch.size() < 8 && out.pages.size() + batch.size() < limits.max_pages) {
      batch.push_back(queue.top());
      queue.pop();
    }
    std::vector<std::string> urls;
    std::vector<Item> fetched_items;
    for (const auto& item : batch) {
      std::string why;
      if (!fetcher.allowed(item.url, &why)) {
        ++robots_blocked;
        fetch::Page blocked;
        blocked.requested_url = blocked.final_url = item.url;
        blocked.error = "not fetched: " + why;
        blocked.fetched_at = fetch::now_rfc3339();
        out.pages.push_back(std::move(blocked));
        out.complete = false;
        continue;
      }
      urls.push_back(item.url);
      fetched_items.push_back(item);
    }
    auto pages = fetcher.fetch_batch(urls);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      fetch::Page& page = pages[i];
      const Item& item = fetched_items[i];
      if (!page.final_url.empty()) seen.insert(fetch::normalize_url(page.final_url));
      if (page.ok() && page.is_html()) {
        html::Document doc = html::parse(page);
        if (item.depth < limits.max_depth) {
          for (const auto& link : doc.links) {
            if (link.url.empty() || !fetcher.in_scope(link.url)) continue;
            int prio = role_priority(roles.classify(link.text, link.url));
            // Links in the footer and header are where legal pages live.
            if (link.region == "footer" || link.region == "header" || link.region == "nav") prio += 5;
            enqueue(link.url, limits.full ? 1 : prio, item.depth + 1);
          }
        } else {
          out.notes.push_back("depth limit reached at " + page.final_url);
          out.complete = false;
        }
        out.documents.push_back(std::move(doc));
      } else if (!page.ok() && page.status != 404) {
        // A 404 is an answer (the page does not exist); anything else means we could not see.
        out.complete = false;
      }
      out.pages.push_back(std::move(page));
    }
  }
  if (robots_blocked) out.notes.push_back(std::to_string(robots_blocked) + " page(s) not fetched because robots.txt disallows them");
  for (const auto& p : out.pages) {
    if (!p.ok()) out.notes.push_back("fetch failed: " + p.requested_url + ": " + p.error);
  }
  return out;
}

}  // namespace omnicheck::audit

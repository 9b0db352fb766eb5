// The crawl loop (private to the audit library). A focused crawl fetches the home page, every
// page where trader information is expected (links scored by role: legal notice, contact,
// customer service, terms, FAQ, shipping and returns, privacy, about), and a small sample of
// ordinary pages, then stops once the site rules are decided. A full crawl (--full) fetches
// every in-scope page once. Both are bounded by page count, link depth and the crawler-trap
// guard, and never fetch one page twice.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "fetch/fetch.h"
#include "html/html.h"

namespace omnicheck::audit {

struct CrawlLimits {
  std::size_t max_pages = 30;
  int max_depth = 6;
  bool full = false;
  // URLs of one pattern (same path but for digits, same query names) fetched at most;
  // 0 = the mode's default (10 focused, 1000 full).
  std::size_t max_per_pattern = 0;
  // Ordinary pages (no role) a focused crawl samples, of different sections where possible,
  // so that rules judged over the pages seen (legal notice reachable from every page) see
  // more than the legal pages themselves.
  std::size_t sample_pages = 3;
  std::size_t batch_size = 8;  // pages handed to the fetcher at once (it runs them concurrently)
};

struct CrawlResult {
  // Every fetch attempt, failed and refused ones included, but for pages already read under
  // another URL (same final URL or same bytes), which are counted in `fetches` only.
  std::vector<fetch::Page> pages;
  std::vector<html::Document> documents;
  // Full crawl: every in-scope link found was fetched. Focused crawl: every page where trader
  // information is expected was fetched with a definite answer (docs/architecture.md).
  bool complete = true;
  std::vector<std::string> notes;        // why not, and what the crawl skipped or stopped on
  std::size_t fetches = 0;               // fetch attempts, duplicates set aside included
  std::size_t expected_pages = 0;        // role pages (and the home page) fetched
  bool stopped_early = false;            // focused: stopped because the site rules were decided
};

// Asked by a focused crawl once no page where trader information is expected is left to fetch
// and the sample is taken: true when the pages so far decide every site rule, so further
// ordinary pages cannot change a verdict and the crawl stops.
using SiteRulesDecided = std::function<bool(const CrawlResult& so_far)>;

class PageRenderer;

// `renderer` (may be null) sees every HTML page read and renders those that need a browser
// before their links are followed and their text is read.
CrawlResult crawl(fetch::Fetcher& fetcher, const extract::LinkRoles& roles, const CrawlLimits& limits,
                  const SiteRulesDecided& decided = nullptr, PageRenderer* renderer = nullptr);

}  // namespace omnicheck::audit

// The crawl loop (private to the audit library): a priority queue that fetches the pages most
// likely to decide the site rules first (legal notice, contact, terms…), bounded by page count
// and depth, never fetching one page twice.
#pragma once

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
};

struct CrawlResult {
  std::vector<fetch::Page> pages;
  std::vector<html::Document> documents;
  bool complete = true;              // every in-scope link found was fetched
  std::vector<std::string> notes;    // why not: page cap, robots.txt, errors
};

CrawlResult crawl(fetch::Fetcher& fetcher, const extract::LinkRoles& roles, const CrawlLimits& limits);

}  // namespace omnicheck::audit

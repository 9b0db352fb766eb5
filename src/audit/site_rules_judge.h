// Whether the pages a focused crawl has fetched so far settle every site rule (private to the
// audit library). The crawl asks once nothing where trader information is expected is left to
// fetch; a "yes" stops it, so the judgement must never be the cause of a false pass or fail.
#pragma once

#include <string>
#include <vector>

#include "audit/crawler.h"
#include "extract/extract.h"
#include "rules/rules.h"

namespace omnicheck::audit {

class SiteRulesJudge {
 public:
  SiteRulesJudge(const rules::RuleSet& rules, const extract::Lexicon& lex, extract::Options xopt,
                 rules::EvalContext ctx, std::string start_url);

  // Extracts and evaluates the site rules over the pages so far. A rule still waits for pages
  // when it is inconclusive now but would be decided had the crawl been complete and every
  // legal-notice link loaded: only more pages can settle it. A rule inconclusive for another
  // reason (no network probe yet, home page unreadable) does not hold the crawl back: more
  // ordinary pages would not change it.
  bool operator()(const CrawlResult& so_far);

  // Rules that were waiting at the last call.
  const std::vector<std::string>& waiting() const { return waiting_; }

 private:
  const rules::RuleSet& rules_;
  const extract::Lexicon& lex_;
  extract::Options xopt_;
  rules::EvalContext ctx_;
  std::string start_url_;
  std::vector<std::string> waiting_;
};

}  // namespace omnicheck::audit

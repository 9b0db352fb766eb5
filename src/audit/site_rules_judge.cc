#include "audit/site_rules_judge.h"

#include <utility>

namespace omnicheck::audit {

SiteRulesJudge::SiteRulesJudge(const rules::RuleSet& rules, const extract::Lexicon& lex, extract::Options xopt,
                               rules::EvalContext ctx, std::string start_url)
    : rules_(rules), lex_(lex), xopt_(std::move(xopt)), ctx_(std::move(ctx)), start_url_(std::move(start_url)) {}

bool SiteRulesJudge::operator()(const CrawlResult& so_far) {
  extract::SiteInput in;
  in.start_url = start_url_;
  in.crawl_complete = so_far.complete;
  in.crawl_notes = so_far.notes;
  in.pages = so_far.pages;
  in.documents = so_far.documents;
  extract::FactStore facts;
  extract::extract_site(in, lex_, xopt_, facts);

  // The same facts as a complete crawl whose legal-notice links all loaded would have seen.
  extract::FactStore settled = facts;
  settled.audit["crawl_complete"] = true;
  settled.audit["legal_link_failed"] = false;

  waiting_.clear();
  for (const auto& rule : rules_.rules()) {
    if (rule.scope != "site") continue;
    if (rules_.evaluate_rule(rule, facts, ctx_).status != "inconclusive") continue;
    if (rules_.evaluate_rule(rule, settled, ctx_).status != "inconclusive") waiting_.push_back(rule.id);
  }
  return waiting_.empty();
}

}  // namespace omnicheck::audit

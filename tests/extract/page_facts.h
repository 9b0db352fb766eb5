// Runs the site extractors over one HTML page, as the audit does, for the statement tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "support/test_support.h"

namespace omnicheck::extract::testing {

inline const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(omnicheck::testing::rules_dir() / "lexicon");
  return lex;
}

// The pages of one site, the first being the home page, extracted as the audit does; `country`
// is what --country would say ("" lets the extractors infer it).
inline FactStore facts_of_site(const std::vector<std::pair<std::string, std::string>>& url_html,
                               const std::string& country = "") {
  SiteInput in;
  for (const auto& [url, html] : url_html) {
    fetch::Page p;
    p.requested_url = p.final_url = url;
    p.status = 200;
    p.content_type = "text/html";
    p.body = html;
    p.sha256 = fetch::sha256_hex(html);
    p.fetched_at = "2026-11-23T10:00:00Z";
    in.pages.push_back(p);
    in.documents.push_back(html::parse(p));
  }
  in.start_url = url_html.front().first;
  FactStore out;
  Options opt;
  opt.country = country;
  extract_site(in, lexicon(), opt, out);
  return out;
}

// One page, which is the home page.
inline FactStore facts_of_page(const std::string& html, const std::string& url, const std::string& country = "") {
  return facts_of_site({{url, html}}, country);
}

inline std::vector<const Fact*> of_type(const FactStore& s, const std::string& type) { return s.of_type(type); }

// The first fact of `type` whose value contains `needle`, or nullptr.
inline const Fact* find_fact(const FactStore& s, const std::string& type, const std::string& needle = "") {
  for (const auto* f : s.of_type(type)) {
    if (f->attrs.value("value", std::string()).find(needle) != std::string::npos) return f;
  }
  return nullptr;
}

}  // namespace omnicheck::extract::testing

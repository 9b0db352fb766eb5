// extract_site: runs the page extractors over every fetched page, then derives the site-wide
// facts (trader country, link targets, reachability of the legal notice, audit context).
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "common/parallel_for.h"
#include "extract/extractors.h"
#include "extract/statement_extractors.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {
namespace {

std::string country_from_lang(const Lexicon& lex, std::string lang) {
  for (auto& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto dash = lang.find_first_of("-_");
  if (dash != std::string::npos) {
    std::string region = lang.substr(dash + 1, 2);
    for (auto& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (region == "UK") region = "GB";
    if (lex.countries().contains(region)) return region;
    lang = lang.substr(0, dash);
  }
  const auto& raw = lex.raw();
  if (raw.contains("common") && raw["common"].contains("language_default_country")) {
    const auto& m = raw["common"]["language_default_country"];
    if (m.contains(lang)) return m[lang].get<std::string>();
  }
  return {};
}

bool is_trader_fact(const Fact& f) {
  return f.attrs.value("visible", false) && !f.attrs.value("third_party", false);
}

// What a page's extractors could not read, by page URL: facts of one type past kFactsPerSource
// ((page URL, type) -> how many were dropped) and pattern searches PCRE2 gave up on. A page
// read again (the second pass, under another country) replaces its counts.
struct FactCuts {
  std::map<std::pair<std::string, std::string>, std::size_t> facts;
  std::map<std::string, std::size_t> giveups;
  bool empty() const { return facts.empty() && giveups.empty(); }
};

// Runs `extract` on every page, on several threads. A page's extractors see the facts already
// found on that page (some read them: a call-cost statement needs the page's phone numbers) and
// nothing of other pages, so pages are independent; their new facts are appended in page order,
// which keeps the report identical to a one-thread run. The national pack, the one site-wide
// derivation, is left to the caller. Each page keeps at most kFactsPerSource new facts of a type.
template <typename Extract>
void for_each_page(const std::vector<PageContext>& contexts, FactStore& out, FactCuts& cuts, const Extract& extract) {
  std::vector<FactStore> found(contexts.size());
  std::vector<std::size_t> known(contexts.size());
  {
    std::map<std::string, std::size_t> page_index;
    for (std::size_t i = 0; i < contexts.size(); ++i) page_index.emplace(contexts[i].page->final_url, i);
    for (const auto& f : out.facts) {
      auto it = page_index.find(f.source);
      if (it != page_index.end()) found[it->second].facts.push_back(f);
    }
    for (std::size_t i = 0; i < contexts.size(); ++i) {
      known[i] = found[i].facts.size();
      found[i].per_type_limit = kFactsPerSource;
    }
  }
  std::vector<std::size_t> giveups(contexts.size());
  common::parallel_for(contexts.size(), [&](std::size_t i) {
    take_pattern_giveups();  // a page is extracted on one thread: its count is this thread's
    extract(contexts[i], found[i]);
    giveups[i] = take_pattern_giveups();
  });
  for (std::size_t i = 0; i < contexts.size(); ++i) {
    auto& facts = found[i].facts;
    for (std::size_t k = known[i]; k < facts.size(); ++k) out.add(std::move(facts[k]));
    for (const auto& [type, n] : found[i].dropped) cuts.facts[{contexts[i].page->final_url, type}] = n;
    if (giveups[i] != 0) cuts.giveups[contexts[i].page->final_url] = giveups[i];
  }
}

// Whose each fact is (party_attribution.h): the facts whose extractor reads no labels (phones)
// get their party here, then third parties' names claim the details in their blocks.
void attribute_parties(const PageContext& pc, const SitePatterns& sp, FactStore& page_out) {
  for (auto& f : page_out.facts) {
    if (f.source != pc.page->final_url || f.attrs.contains("party") || !f.attrs.value("visible", false)) continue;
    if (f.type == "phone") set_party(f, party_at(*pc.doc, f.begin, f.end, sp.parties, sp.legal_form));
  }
  attribute_entities(*pc.doc, sp.parties, page_out.facts);
}

}  // namespace

void extract_site(const SiteInput& in, const Lexicon& lex, const Options& opt, FactStore& out) {
  const SitePatterns& sp = site_patterns(lex);

  // Pages by every URL they answer to (a link to /produits/lampe reaches produits/lampe.html).
  std::map<std::string, const fetch::Page*> page_by_url;
  std::set<std::string> failed_urls;
  for (const auto& p : in.pages) {
    if (p.ok()) {
      page_by_url[fetch::normalize_url(p.requested_url)] = &p;
      page_by_url[fetch::normalize_url(p.final_url)] = &p;
    } else {
      failed_urls.insert(fetch::normalize_url(p.requested_url));
    }
  }
  std::string home_key = fetch::normalize_url(in.start_url);

  std::vector<PageContext> contexts;
  for (const auto& doc : in.documents) {
    auto it = page_by_url.find(fetch::normalize_url(doc.url));
    if (it == page_by_url.end()) continue;
    PageContext pc;
    pc.page = it->second;
    pc.doc = &doc;
    pc.is_home = fetch::normalize_url(it->second->requested_url) == home_key ||
                 fetch::normalize_url(it->second->final_url) == home_key;
    contexts.push_back(pc);
  }
  if (!contexts.empty() && std::none_of(contexts.begin(), contexts.end(), [](const PageContext& c) { return c.is_home; })) {
    contexts.front().is_home = true;  // the start page redirected somewhere: it is still the home page
  }

  // Country hint for addresses: what the user said, else the TLD, else the home page language.
  std::string country = opt.country, country_source = opt.country.empty() ? "" : "option";
  std::string hint = country;
  if (hint.empty()) hint = country_of_tld(lex, fetch::url_host(in.start_url));
  if (hint.empty() && !contexts.empty()) hint = country_from_lang(lex, contexts.front().doc->lang);
  for (auto& pc : contexts) pc.country = hint.empty() ? country_from_lang(lex, pc.doc->lang) : hint;
  FactCuts cuts;
  for_each_page(contexts, out, cuts, [&sp](const PageContext& pc, FactStore& page_out) {
    extract_addresses(pc, sp, page_out);
    extract_legal_names(pc, sp, page_out);
    extract_emails(pc, sp, page_out);
    extract_forms(pc, sp, page_out);
    attribute_parties(pc, sp, page_out);
  });
  const std::string tld_country = country_of_tld(lex, fetch::url_host(in.start_url));
  const std::string lang_country = contexts.empty() ? "" : country_from_lang(lex, contexts.front().doc->lang);
  CountryDecision decided;
  if (country.empty()) {
    decided = decide_trader_country(out.facts, tld_country, lang_country);
    country = decided.country;
    country_source = decided.source;
  }
  const std::size_t second_pass_from = out.facts.size();
  auto second_pass = [&](const std::string& cc) {
    for (auto& pc : contexts) pc.country = cc;
    for_each_page(contexts, out, cuts, [&sp](const PageContext& pc, FactStore& page_out) {
    extract_jsonld(pc, sp, page_out);
    extract_phones(pc, sp, page_out);
    extract_statements(pc, sp, page_out);
    extract_register_ids(pc, sp, page_out);
    extract_channels(pc, sp, page_out);
    extract_reviews_shown(pc, sp, page_out);
    extract_review_statements(pc, sp, page_out);
    extract_price_reductions(pc, sp, page_out);
    attribute_parties(pc, sp, page_out);
  });
  };
  second_pass(country);
  if (opt.country.empty()) {
    // The trader's register ids are read in the second pass and may outweigh what the
    // addresses said ("USt-IdNr. DE…" beside a returns address in Austria): decide again, and
    // read the pages once more under the country decided, whose phone formats and pack differ.
    CountryDecision again = decide_trader_country(out.facts, tld_country, lang_country);
    if (!again.country.empty() && again.country != country) {
      out.facts.erase(out.facts.begin() + static_cast<std::ptrdiff_t>(second_pass_from), out.facts.end());
      country = again.country;
      second_pass(country);
    }
    country_source = again.source;
    decided = again;
  }
  // The national legal-notice pack is judged over the whole site, once every page is read.
  if (!contexts.empty()) update_national_pack(contexts.back(), sp, out);
  // A page about the reviews that was not read may hold the statement the rule looks for.
  for (auto& f : out.facts) {
    if (f.type != "review_policy_link") continue;
    f.attrs["target_fetched"] = page_by_url.count(fetch::normalize_url(f.attrs.value("url", std::string()))) > 0;
  }

  // Which pages carry contact details, and which carry the trader's identity and address.
  std::set<std::string> has_contact, has_identity, has_address;
  for (const auto& f : out.facts) {
    if (!f.attrs.value("visible", false)) continue;
    std::string page = fetch::normalize_url(f.attrs.value("page_url", std::string()));
    if ((f.type == "email" && !f.attrs.value("noreply", false)) || (f.type == "phone" && !f.attrs.value("fax", false))) {
      has_contact.insert(page);
    }
    if (f.type == "legal_name" && is_trader_fact(f)) has_identity.insert(page);
    if (f.type == "address" && is_trader_fact(f)) has_address.insert(page);
  }
  std::set<std::string> legal_pages;
  for (const auto& p : has_identity) {
    if (has_address.count(p)) legal_pages.insert(p);
  }

  // Link facts (links with a role) and the link graph for reachability.
  std::map<std::string, std::vector<std::pair<std::string, const html::Link*>>> graph;
  std::map<std::string, const PageContext*> ctx_by_page;
  std::map<std::string, std::map<std::string, int>> roles_of_target;
  bool legal_link_failed = false;
  // A shop repeats its menus and footer on every page: classify and normalise each distinct
  // link once (the same text and URL get the same role wherever they appear).
  std::unordered_map<std::string, std::string> role_of_link, normalized;
  auto normalize = [&normalized](const std::string& url) -> const std::string& {
    auto it = normalized.find(url);
    if (it == normalized.end()) it = normalized.emplace(url, fetch::normalize_url(url)).first;
    return it->second;
  };
  for (const auto& pc : contexts) {
    std::string from = fetch::normalize_url(pc.page->final_url);
    ctx_by_page[from] = &pc;
    for (const auto& link : pc.doc->links) {
      if (link.url.empty() || link.url.rfind("mailto:", 0) == 0 || link.url.rfind("tel:", 0) == 0) continue;
      const std::string& to = normalize(link.url);
      auto target = page_by_url.find(to);
      std::string target_key = target != page_by_url.end() ? fetch::normalize_url(target->second->final_url) : to;
      graph[from].emplace_back(target_key, &link);
      std::string link_key = link.text + '\n' + link.url;
      auto known_role = role_of_link.find(link_key);
      if (known_role == role_of_link.end()) {
        known_role = role_of_link.emplace(std::move(link_key), classify_link(sp, link.text, link.url)).first;
      }
      const std::string& role = known_role->second;
      if (role.empty()) continue;
      roles_of_target[target_key][role]++;
      bool failed = failed_urls.count(to) > 0;
      if (role == "legal_notice" && failed) legal_link_failed = true;
      Fact f;
      f.type = "link";
      f.attrs = site_attrs(pc, link.offset);
      f.attrs["region"] = link.region;
      f.attrs["value"] = link.text;
      f.attrs["url"] = link.url;
      f.attrs["role"] = role;
      f.attrs["target_fetched"] = target != page_by_url.end();
      f.attrs["target_failed"] = failed;
      f.attrs["target_has_contact"] = has_contact.count(target_key) > 0;
      f.attrs["target_is_legal_notice"] = legal_pages.count(target_key) > 0;
      f.evidence = web_evidence(pc, link.offset, std::min(pc.doc->text.size(), link.offset + link.text.size()),
                                "link (" + role + ") to " + link.url);
      f.evidence.locator = link.locator;
      f.evidence.region = link.region;
      f.source = pc.page->final_url;
      f.begin = link.offset;
      f.end = link.offset + link.text.size();
      out.add(std::move(f));
    }
  }

  // Page facts.
  for (const auto& p : in.pages) {
    Fact f;
    f.type = "page";
    std::string key = fetch::normalize_url(p.ok() ? p.final_url : p.requested_url);
    std::string role;
    int best = 0;
    for (const auto& [r, n] : roles_of_target[key]) {
      if (n > best) best = n, role = r;
    }
    f.attrs = {{"value", p.final_url.empty() ? p.requested_url : p.final_url}, {"url", p.final_url},
               {"requested_url", p.requested_url}, {"status", p.status}, {"ok", p.ok()}, {"error", p.error},
               {"role", role}, {"is_home", key == home_key}, {"is_legal_notice", legal_pages.count(key) > 0},
               {"has_contact", has_contact.count(key) > 0}};
    f.evidence = page_evidence(p, p.ok() ? "page fetched" : "fetch failed: " + p.error);
    f.source = f.evidence.url;
    out.add(std::move(f));
  }

  // Reachability of the legal notice: clicks from every fetched page (BFS over fetched pages).
  if (!legal_pages.empty()) {
    for (const auto& pc : contexts) {
      std::string start = fetch::normalize_url(pc.page->final_url);
      int clicks = -1;
      const html::Link* first_link = nullptr;
      if (legal_pages.count(start)) {
        clicks = 0;
      } else {
        std::map<std::string, std::pair<int, const html::Link*>> seen{{start, {0, nullptr}}};
        std::deque<std::string> queue{start};
        while (!queue.empty() && clicks < 0) {
          std::string cur = queue.front();
          queue.pop_front();
          auto [d, first] = seen[cur];
          if (d >= 4) break;
          for (const auto& [to, link] : graph[cur]) {
            if (seen.count(to)) continue;
            const html::Link* f1 = first ? first : link;
            seen[to] = {d + 1, f1};
            if (legal_pages.count(to)) {
              clicks = d + 1;
              first_link = f1;
              break;
            }
            if (ctx_by_page.count(to)) queue.push_back(to);
          }
        }
      }
      Fact f;
      f.type = "legal_notice_reach";
      f.attrs = {{"page_url", pc.page->final_url}, {"clicks", clicks}, {"on_home", pc.is_home},
                 {"value", pc.page->final_url + (clicks < 0 ? ": not reachable within 4 clicks"
                                                            : ": " + std::to_string(clicks) + " click(s)")}};
      if (first_link) {
        f.attrs["first_link"] = first_link->text;
        f.evidence = web_evidence(pc, first_link->offset,
                                  std::min(pc.doc->text.size(), first_link->offset + first_link->text.size()),
                                  "first link on the way to the legal notice (" + std::to_string(clicks) + " click(s))");
        f.evidence.locator = first_link->locator;
        f.evidence.region = first_link->region;
      } else {
        f.evidence = page_evidence(*pc.page, clicks == 0 ? "this page carries the legal notice"
                                                          : "no link path to the legal notice");
      }
      f.source = pc.page->final_url;
      out.add(std::move(f));
    }
  }

  int ok_pages = 0, failed = 0;
  for (const auto& p : in.pages) {
    if (p.ok() && p.is_html()) ++ok_pages;
    if (!p.ok()) ++failed;
  }
  bool home_fetched = std::any_of(contexts.begin(), contexts.end(), [](const PageContext& c) { return c.is_home; });
  out.audit["pages_fetched"] = ok_pages;
  out.audit["pages_failed"] = failed;
  out.audit["crawl_complete"] = in.crawl_complete;
  out.audit["crawl_notes"] = in.crawl_notes;
  // A page read only in part (past a reading budget) says so beside the crawl's own notes, and
  // the site counts as not wholly read: what was not read may hold what a rule found missing.
  for (const auto& pc : contexts) {
    if (pc.doc->limit_note.empty()) continue;
    out.audit["crawl_notes"].push_back(pc.page->final_url + ": " + pc.doc->limit_note);
    out.audit["crawl_complete"] = false;
  }
  // A page past the fact budget was not wholly read either; rules whose pass rests on the
  // absence of something (every reduction states its prior price) cannot pass on it.
  for (const auto& [where, n] : cuts.facts) {
    out.audit["crawl_notes"].push_back(where.first + ": " + std::to_string(n) + " more " + where.second +
                                       " facts past the budget of " + std::to_string(kFactsPerSource) +
                                       " per page were not recorded");
    out.audit["crawl_complete"] = false;
  }
  // A pattern that gave up read as "not found": the page was not wholly read either.
  for (const auto& [page, n] : cuts.giveups) {
    out.audit["crawl_notes"].push_back(page + ": " + std::to_string(n) +
                                       " pattern search(es) gave up (PCRE2 match limit); what they look for may be missed");
    out.audit["crawl_complete"] = false;
  }
  out.audit["facts_cut"] = !cuts.empty();
  out.audit["legal_link_failed"] = legal_link_failed;
  out.audit["legal_notice_found"] = !legal_pages.empty();
  out.audit["home_fetched"] = home_fetched;
  out.audit["country"] = country;
  out.audit["country_source"] = country_source;
  out.audit["country_evidence"] = decided.evidence;
  out.audit["country_conflicts"] = decided.conflicts;
  out.audit["site"] = true;
  merge_name_variants(out.facts);
}

}  // namespace omnicheck::extract

// The site extractors, one file each (private to the extract stage). Each reads one page and
// adds facts; patterns are compiled once per audit from the lexicons.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/page_context.h"
#include "extract/party_attribution.h"

namespace omnicheck::extract {

struct CountryPattern {
  std::string code;
  TextPattern postcode;
  bool town_first = false;
  bool needs_country = false;  // countries.json postcode_needs_country
  bool optional = false;       // countries.json postcode_optional: addresses without one exist
  std::vector<std::string> county_words;  // countries.json county_words ("Co.", "County")
};

struct SitePatterns {
  explicit SitePatterns(const Lexicon& lex);
  const Lexicon& lex;
  TextPattern email, email_obfuscated;
  TextPattern legal_form;           // case-sensitive: "SA" must not match "sa"
  TextPattern po_box;
  TextPattern street_word, street_suffix;
  TextPattern street_shape;         // "Vinohradská 1234/56", "14 rue …", "27 Old Street"
  TextPattern not_phone_label, fax_label;
  TextPattern not_town;             // currency and count words after a number ("12 500 Euro")
  TextPattern leading_article;
  TextPattern digit;                // any decimal digit, as \d in the postcode patterns
  PartyLabels parties;
  // Single-word labels (the trader's, third parties', address and legal-form labels), folded: a
  // legal name walking back stops at one ("Rechtsform Kommanditgesellschaft").
  std::set<std::string> name_stop_words;
  std::set<std::string> form_label_words;  // "Rechtsform", "Rechtsvorm": never part of a name
  std::vector<CountryPattern> countries;
  std::map<std::string, std::vector<std::string>> url_slugs;   // role -> slugs
  std::map<std::string, std::vector<std::string>> link_words;  // role -> folded words

  // Patterns an extractor builds from the lexicons once per audit, by name: the first call
  // compiles `build()`, later calls return the same pattern.
  const TextPattern& pattern(const std::string& name, const std::function<std::string()>& build,
                             bool caseless = true) const;

 private:
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, std::unique_ptr<TextPattern>> cache_;
};

// The patterns of `lex`, compiled at the first call and shared by every later one (thread-safe).
const SitePatterns& site_patterns(const Lexicon& lex);

void extract_emails(const PageContext& pc, const SitePatterns& sp, FactStore& out);
void extract_phones(const PageContext& pc, const SitePatterns& sp, FactStore& out);
void extract_legal_names(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// Of two readings of the trader's name where one is the other cut short, drops the one the site
// vouches for less (legal_name_variants.cc); run once all pages are read.
void merge_name_variants(std::vector<Fact>& facts);
void extract_addresses(const PageContext& pc, const SitePatterns& sp, FactStore& out);
void extract_jsonld(const PageContext& pc, const SitePatterns& sp, FactStore& out);
void extract_forms(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// Statements about how the trader can be reached: call cost next to charged numbers, stated
// response times, opening hours (statement_extractor.cc).
void extract_statements(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// Trade register numbers and VAT ids with their check digits (register_id_extractor.cc).
void extract_register_ids(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// Announced price reductions (`price_reduction`) and statements of the prior price, the lowest
// in the 30 days before a reduction (`prior_price_statement`) (price_reduction_extractor.cc).
void extract_price_reductions(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// Live-chat widgets and other channels recognised from scripts and markup (channel_extractor.cc).
void extract_channels(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// Consumer reviews shown on the page (JSON-LD, review widgets, visible text): `reviews_shown`
// facts (review_extractor.cc).
void extract_reviews_shown(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// What the page says about how reviews are checked (`review_verification_statement`) and its
// links to a page about the reviews (`review_policy_link`) (review_statement_extractor.cc).
void extract_review_statements(const PageContext& pc, const SitePatterns& sp, FactStore& out);

// The trader's country from its identity block, register ids, TLD and language, with the
// evidence of the decision and any other country that weighs in (trader_country.cc).
struct CountryDecision {
  std::string country, source;  // source: identity | address | register | tld | language
  nlohmann::json evidence = nlohmann::json::array(), conflicts = nlohmann::json::array();
};
CountryDecision decide_trader_country(const std::vector<Fact>& facts, const std::string& tld_country,
                                      const std::string& lang_country);

// Role of a link from its text and URL: legal_notice, contact, customer_service, terms, faq,
// shipping_returns, privacy, about, or "" when none.
std::string classify_link(const SitePatterns& sp, const std::string& text, const std::string& url);

// Country of an address line found with `candidates` (codes whose postcode pattern matched).
std::string pick_country(const std::vector<std::string>& candidates, std::string_view line_context,
                         const SitePatterns& sp, const std::string& hint);

// Country (ISO alpha-2) whose country-code TLD ends `host_or_address` ("shop.fr",
// "info@shop.co.uk"), from countries.json; "" when none.
std::string country_of_tld(const Lexicon& lex, const std::string& host_or_address);

// Whether `address` local part is a no-reply one.
bool noreply_local(const std::string& address, const Lexicon& lex);

}  // namespace omnicheck::extract

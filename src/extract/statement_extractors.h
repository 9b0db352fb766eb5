// The statement extractors behind extract_statements() and extract_register_ids() (private to
// the extract stage): call cost and contact purpose next to telephone numbers, stated response
// times, opening hours, links to the ODR platform, and the items of the national legal-notice
// packs. Their wording is data: rules/lexicon/statements/<lang>.json.
#pragma once

#include <string>
#include <vector>

#include "extract/extractors.h"

namespace omnicheck::extract {

// Charged numbers with the price statement and the purpose ("customer service", "order line")
// attributed to each place a number is shown: `charged_number`, `call_cost_statement` and
// `contact_purpose` facts; the page's `phone` facts get their tariff (call_cost_extractor.cc).
void extract_call_costs(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// `response_time_statement` facts {hours, business, channel, value} (response_time_extractor.cc).
void extract_response_times(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// `opening_hours` facts {channel, days, from, to, value} (opening_hours_extractor.cc).
void extract_opening_hours(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// `odr_link` facts for links and quoted addresses of the EU ODR platform (odr_link_extractor.cc).
void extract_odr_links(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// `notice_item` facts for legal-notice items found by their labels (publication director,
// host, share capital, managing directors, authority, chamber) (national_pack_extractor.cc).
void extract_notice_items(const PageContext& pc, const SitePatterns& sp, FactStore& out);
// The `national_pack` summary of the trader country's pack over every page's facts in `out`:
// site-wide, so extract_site runs it once after all pages (`pc` gives the country, and the
// evidence when no item was found).
void update_national_pack(const PageContext& pc, const SitePatterns& sp, FactStore& out);

// ---- lexicon helpers (statement_lexicon.cc) ----

// One alternation of the PCRE2 entries under `key` in every language, longest first; a space
// in an entry matches any run of white space. "(?!)" (never matches) when the key is empty.
std::string lexicon_alternation(const Lexicon& lex, const std::string& key);
// `alternation` on word boundaries.
std::string on_word_boundaries(const std::string& alternation);
// The objects under `key` in every language merged (number_words, days, currencies…).
nlohmann::json lexicon_map(const Lexicon& lex, const std::string& key);
// Alternation of the literal keys of a lexicon_map, longest first, spaces as white space.
std::string map_keys_alternation(const nlohmann::json& map);

// The start of the line holding `pos`, and the end of the line holding `pos`, looked for at most
// 16 KB away (statement_lexicon.cc): past that, the cut is a character boundary 16 KB off.
std::size_t line_begin(std::string_view text, std::size_t pos);
std::size_t line_end(std::string_view text, std::size_t pos);
// Moves `pos` back (or forward) to a UTF-8 character boundary.
std::size_t utf8_floor(std::string_view text, std::size_t pos);
std::size_t utf8_ceil(std::string_view text, std::size_t pos);

// A fact of `type` for text [begin, end) of the page, with the site attributes and evidence.
Fact statement_fact(const PageContext& pc, const std::string& type, std::size_t begin, std::size_t end,
                    const std::string& note);
// A fact of `type` for a link of the page: its text as evidence (locator and region of the
// link), value "text (url)", url.
Fact link_fact(const PageContext& pc, const html::Link& link, const std::string& type, const std::string& note);

}  // namespace omnicheck::extract

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

std::vector<std::string> folded(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(fold(w));
  return out;
}

std::string case_sensitive_words(const std::vector<std::string>& words) {
  std::string alt;
  for (const auto& w : words) {
    if (!alt.empty()) alt += '|';
    std::string esc;
    for (char c : escape_regex(w)) esc += c == ' ' ? std::string("\\s*") : std::string(1, c);
    alt += esc;
  }
  return "(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])";
}

// Legal forms: abbreviations match case-sensitively ("SA" is not "sa"); forms written out in
// words match in any case, since notices write them in capitals too ("SOCIEDAD LIMITADA",
// "Gesellschaft mit beschränkter Haftung", "société par actions simplifiée").
std::string legal_forms_pattern(const std::vector<std::string>& forms) {
  std::vector<std::string> short_forms, written;
  for (const auto& f : forms) (f.find(' ') != std::string::npos && f.size() >= 12 ? written : short_forms).push_back(f);
  // A form glued by a hyphen to a word after it is part of a compound, not a company's form
  // ("Kugel-KG-Shop", "AG-Mitglied"); one glued before it stays a form ("Vertriebs-GmbH").
  std::string p = "(?:" + case_sensitive_words(short_forms) + "(?!-\\p{L}))";
  if (written.empty()) return p;
  std::string alt;
  for (const auto& w : written) {
    if (!alt.empty()) alt += '|';
    for (char c : escape_regex(w)) alt += c == ' ' ? std::string("\\s+") : std::string(1, c);
  }
  return "(?:" + p + "|(?<![\\p{L}\\p{N}])(?i:" + alt + ")(?![\\p{L}\\p{N}]))";
}

// PO boxes: abbreviations case-sensitively ("BP", "CS" are not "bp", "cs"), words in any case
// ("Apartado de Correos", "CASELLA POSTALE", "Postfach").
std::string po_box_pattern(const std::vector<std::string>& words) {
  std::vector<std::string> short_words, long_words;
  for (const auto& w : words) (w.size() >= 5 ? long_words : short_words).push_back(w);
  std::string p = "(?:" + (short_words.empty() ? std::string("(?!)") : words_to_pattern(short_words));
  if (!long_words.empty()) p += "|(?i:" + words_to_pattern(long_words) + ")";
  return p + ")";
}

}  // namespace

SitePatterns::SitePatterns(const Lexicon& l)
    : lex(l),
      email("(?<![\\p{L}\\p{N}._%+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\p{L}\\p{N}\\-])",
            false, "e-mail pattern"),
      email_obfuscated(
          "(?<![\\p{L}\\p{N}._%+\\-])([A-Za-z0-9][A-Za-z0-9._%+\\-]*)\\s*[\\[\\(\\{<]\\s*(?:@|" +
              [&] {
                std::string a;
                for (const auto& w : l.list("email_at")) a += (a.empty() ? "" : "|") + escape_regex(w);
                return a;
              }() +
              ")\\s*[\\]\\)\\}>]\\s*((?:[A-Za-z0-9\\-]+(?:\\s*[\\[\\(\\{<]\\s*(?:\\.|" +
              [&] {
                std::string a;
                for (const auto& w : l.list("email_dot")) a += (a.empty() ? "" : "|") + escape_regex(w);
                return a;
              }() +
              ")\\s*[\\]\\)\\}>]\\s*|\\.))+[A-Za-z]{2,24})(?![\\p{L}\\p{N}])",
          true, "obfuscated e-mail pattern"),
      legal_form(legal_forms_pattern(l.list("legal_forms")), false, "legal_forms"),
      po_box(po_box_pattern(l.list("po_box")) + "\\s*[\\p{N}]", false, "po_box"),
      street_word(words_to_pattern(l.list("street_words")), true, "street_words"),
      street_suffix("\\p{L}{2,}(?:" + [&] {
                      std::string a;
                      for (const auto& w : l.list("street_suffixes")) a += (a.empty() ? "" : "|") + escape_regex(w);
                      return a.empty() ? std::string("(?!)") : a;
                    }() + ")(?![\\p{L}])",
                    true, "street_suffixes"),
      street_shape("(?:\\p{Lu}[\\p{L}.'\\-]+\\s+\\d{1,5}[a-zA-Z]?(?:\\s*[/\\-]\\s*\\d{1,5}[a-zA-Z]?)?(?![\\p{N}])|(?<![\\p{L}\\p{N}])\\d{1,5}[a-zA-Z]?(?:\\s*[\\-/]\\s*\\d{1,5})?,?\\s+(?:\\p{L}+\\s+){0,3}\\p{Lu}?\\p{L}{2,})",
                   false, "street shape"),
      not_phone_label(case_sensitive_words(l.list("not_phone_labels")), false, "not_phone_labels"),
      fax_label(words_to_pattern(l.list("fax_labels")), true, "fax_labels"),
      not_town("^(?:" + [&] {
                 std::string a;
                 for (const auto& w : l.list("not_town_words")) a += (a.empty() ? "" : "|") + escape_regex(w);
                 return a.empty() ? std::string("(?!)") : a;
               }() + ")(?![\\p{L}])",
               false, "not_town_words"),
      leading_article("^(?:" + [&] {
                        std::string a;
                        for (const auto& w : l.list("name_leading_articles")) a += (a.empty() ? "" : "|") + escape_regex(w);
                        return a;
                      }() + ")(?:(?<=')|(?![\\p{L}\\p{N}]))\\s*",
                      false, "name_leading_articles"),
      digit("\\d", false, "digit"),
      parties{TextPattern(words_to_pattern(l.list("trader_labels")), true, "trader_labels"),
              TextPattern(words_to_pattern(l.list("trader_labels_weak")), true, "trader_labels_weak"), {}, {}, {}} {
  for (const char* key : {"trader_labels", "trader_labels_weak", "address_labels", "sole_trader_labels",
                          "legal_form_labels", "party.host", "party.agency", "party.payment", "party.carrier",
                          "party.mediator", "party.parent", "party.authority", "party.dpo",
                          "party.manufacturer"}) {
    for (const auto& w : l.list(key)) {
      if (w.find(' ') == std::string::npos) name_stop_words.insert(fold(w));
    }
  }
  for (const auto& w : l.list("legal_form_labels")) {
    if (w.find(' ') == std::string::npos) form_label_words.insert(fold(w));
  }
  // Party kinds are the lexicons' `party.<kind>` (labels) and `party_name.<kind>` (names) keys.
  for (const char* kind : {"host", "agency", "payment", "carrier", "mediator", "parent", "authority", "dpo", "manufacturer", "editor", "distributor"}) {
    const auto& labels = l.list(std::string("party.") + kind);
    if (!labels.empty()) parties.third.emplace_back(kind, TextPattern(words_to_pattern(labels), true, std::string("party.") + kind));
    const auto& names = l.list(std::string("party_name.") + kind);
    if (!names.empty()) parties.names.emplace_back(kind, TextPattern(words_to_pattern(names), true, std::string("party_name.") + kind));
    const auto& words = l.list(std::string("party_name_word.") + kind);
    if (!words.empty()) {
      parties.name_words.emplace_back(kind, TextPattern(words_to_pattern(words), true, std::string("party_name_word.") + kind));
    }
  }
  for (const auto& [code, c] : l.countries().items()) {
    if (!c.contains("postcode")) continue;
    countries.push_back(CountryPattern{code, TextPattern(c["postcode"].get<std::string>(), false, "postcode " + code),
                                       c.value("town_first", false), c.value("postcode_needs_country", false),
                                       c.value("postcode_optional", false),
                                       c.value("county_words", std::vector<std::string>())});
  }
  for (const char* role : {"legal_notice", "contact", "customer_service", "terms", "faq", "shipping_returns",
                           "privacy", "about"}) {
    link_words[role] = folded(l.list(std::string("link.") + role));
    url_slugs[role] = l.list(std::string("url.") + role);
  }
  url_slugs["utility"] = l.list("url.utility");
}

std::string country_of_tld(const Lexicon& lex, const std::string& host_or_address) {
  auto dot = host_or_address.rfind('.');
  if (dot == std::string::npos) return {};
  std::string tld = host_or_address.substr(dot + 1);
  for (auto& c : tld) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [code, c] : lex.countries().items()) {
    for (const auto& t : c.value("tld", nlohmann::json::array())) {
      if (t == tld) return code;
    }
  }
  return {};
}

const SitePatterns& site_patterns(const Lexicon& lex) {
  std::lock_guard<std::mutex> lock(lex.compiled_.mutex);
  if (!lex.compiled_.site) lex.compiled_.site = std::make_shared<const SitePatterns>(lex);
  return *lex.compiled_.site;
}

const TextPattern& SitePatterns::pattern(const std::string& name, const std::function<std::string()>& build,
                                         bool caseless) const {
  // Pages are extracted on several threads that share one SitePatterns.
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto it = cache_.find(name);
  if (it == cache_.end()) {
    it = cache_.emplace(name, std::make_unique<TextPattern>(build(), caseless, name)).first;
  }
  return *it->second;
}

}  // namespace omnicheck::extract

// National legal-notice packs (fr.mentions_legales, de.impressum, at.impressum,
// cz.identification): which of the items the trader's country asks for the site shows, and
// which it does not. Items that no other extractor finds are recognised by their labels
// ("Directeur de la publication :", "Hébergement :", "capital social", "Geschäftsführer:",
// "Aufsichtsbehörde:", "Mitglied der Wirtschaftskammer") as `notice_item` facts; the pack
// definitions (rules/lexicon/statements/national_packs.json) say which facts make each item.
// The summary, one `national_pack` fact, is recomputed after every page, so once the last page
// is read it covers the whole site.
#include <algorithm>
#include <map>
#include <set>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// The host's block: its name, address and telephone stand within a few lines of the label.
constexpr std::size_t kHostBlock = 600;
constexpr int kHostLines = 10;

const char* const kLabelledItems[] = {"publication_director", "host", "share_capital", "managing_directors",
                                      "authority", "chamber", "register_entry"};

// What follows a label: the rest of its line, or the next line when the label stands alone
// ("Hébergement :" then "Nuage Hexagone SARL").
std::pair<std::size_t, std::size_t> value_after(std::string_view text, std::size_t end) {
  std::size_t b = end;
  while (b < text.size() && (text[b] == ' ' || text[b] == ':' || text[b] == '\t' || text[b] == '-')) ++b;
  std::size_t e = line_end(text, b);
  if (e == b && b < text.size()) {
    b = e + 1;
    e = line_end(text, b);
  }
  e = std::min(e, b + 160);
  return {b, utf8_floor(text, e)};
}

// A value worth the label: it starts with a capital or a digit ("Geschäftsführer: Jürgen
// Müller", "Aufsichtsbehörde: BH Mödling"); prose after a label word ("bei einer
// Aufsichtsbehörde zu beschweren") does not.
bool names_something(std::string_view s) {
  // A brand may start lower case when a digit marks it as a name, not prose ("o2switch").
  static const TextPattern name("^[\\s\\p{P}]{0,3}(?:[\\p{Lu}\\p{N}]|\\p{Ll}+\\p{N})\\S*(?:\\s+\\S+)?", false, "name");
  static const TextPattern letters("\\p{L}{2,}", false, "letters");
  return name.search(s) && letters.search(s);
}

bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

// Filter of a pack item: attribute -> value; a list means any of; false also matches a missing
// attribute; "*" means any non-empty value.
bool matches(const nlohmann::json& where, const nlohmann::json& attrs) {
  for (const auto& [k, want] : where.items()) {
    const nlohmann::json* have = attrs.contains(k) ? &attrs[k] : nullptr;
    if (want.is_array()) {
      if (!have || std::find(want.begin(), want.end(), *have) == want.end()) return false;
    } else if (want.is_boolean() && !want.get<bool>()) {
      if (have && *have != false) return false;
    } else if (want == "*") {
      if (!have || have->is_null() || (have->is_string() && have->get<std::string>().empty())) return false;
    } else if (!have || *have != want) {
      return false;
    }
  }
  return true;
}

}  // namespace

void extract_notice_items(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  std::vector<Fact> found;
  for (const char* item : kLabelledItems) {
    std::string key = std::string("pack.") + item;
    const TextPattern& p = sp.pattern("statements." + key, [&] { return on_word_boundaries(lexicon_alternation(sp.lex, key)); });
    auto matches_of_label = p.find_all(text);
    // A label word that a legal form follows is a word of a company's name ("Armor Hébergement
    // SAS", "Hosting Nord GmbH"), not a label.
    matches_of_label.erase(std::remove_if(matches_of_label.begin(), matches_of_label.end(),
                                          [&](const Match& lm) {
                                            Match f;
                                            std::string_view after = std::string_view(text).substr(lm.end, std::min<std::size_t>(48, text.size() - lm.end));
                                            return sp.legal_form.search(after, &f) && after.find_first_not_of(" \t") == f.begin &&
                                                   f.begin > 0;
                                          }),
                           matches_of_label.end());
    for (std::size_t mi = 0; mi < matches_of_label.size(); ++mi) {
      const Match& m = matches_of_label[mi];
      auto [vb, ve] = value_after(text, m.end);
      // A heading ("Hébergement") over the line that carries the label with its value ("Le site
      // est hébergé par : Nuage Hexagone SARL"): the inner label speaks.
      bool heading = vb > line_end(text, m.end);
      if (heading && mi + 1 < matches_of_label.size() && matches_of_label[mi + 1].begin < ve) continue;
      std::string_view value = std::string_view(text).substr(vb, ve - vb);
      // Words that stand between a label and what it names ("hébergé par la société OVH SAS",
      // "gehostet bei der Firma X"): the value starts after them.
      static const std::string lead_key = "pack.value_lead";
      const TextPattern& lead = sp.pattern("statements." + lead_key, [&] {
        return "^(?:\\s*(?:" + lexicon_alternation(sp.lex, lead_key) + ")(?![\\p{L}\\p{N}]))+\\s*";
      });
      if (Match l; lead.search(value, &l)) value.remove_prefix(std::min(value.size(), l.end));
      std::string it = item;
      // A label needs its value next to it: a name, an amount; a chamber may be named by the
      // label itself ("Mitglied der Wirtschaftskammer Wien").
      bool ok = it == "share_capital" ? has_digit(value) : (names_something(value) || it == "chamber");
      if (!ok) continue;
      Fact f = statement_fact(pc, "notice_item", m.begin, ve, "legal-notice item: " + it);
      f.attrs["item"] = it;
      f.attrs["label"] = squeeze(std::string_view(text).substr(m.begin, m.end - m.begin));
      found.push_back(std::move(f));
      if (it != "host") continue;
      // The host's address and telephone: facts found in the lines under the host's label.
      std::size_t block_end = m.end;
      // A host's block lists capital, RCS, APE and VAT before its address and telephone; it
      // ends at the next heading.
      for (int lines = 0; lines < kHostLines && block_end + 1 < text.size(); ++lines) {
        const html::Block* b = pc.doc->block_at(block_end + 1);
        if (b != nullptr && b->heading) break;
        block_end = line_end(text, block_end + 1);
      }
      block_end = std::min(block_end, m.end + kHostBlock);
      for (const auto& g : out.facts) {
        // An address's quote may start at the host's name, before an inner label: its end counts.
        std::size_t at = g.type == "address" ? g.end : g.begin;
        if (g.source != pc.page->final_url || at < m.end || g.begin > block_end) continue;
        std::string sub = g.type == "address" ? "host_address" : (g.type == "phone" && !g.attrs.value("fax", false) ? "host_phone" : "");
        if (sub.empty()) continue;
        Fact h = statement_fact(pc, "notice_item", g.begin, g.end, "legal-notice item: " + sub);
        h.evidence = g.evidence;
        h.evidence.note = "legal-notice item: " + sub;
        h.attrs["item"] = sub;
        h.attrs["label"] = squeeze(std::string_view(text).substr(m.begin, m.end - m.begin));
        h.attrs["value"] = g.attrs.value("value", std::string());
        found.push_back(std::move(h));
      }
    }
  }
  for (auto& f : found) out.add(std::move(f));
}

void update_national_pack(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  out.facts.erase(std::remove_if(out.facts.begin(), out.facts.end(), [](const Fact& f) { return f.type == "national_pack"; }),
                  out.facts.end());
  const auto& raw = sp.lex.raw();
  if (pc.country.empty() || !raw.contains("national_packs") || !raw["national_packs"].contains("packs")) return;
  const auto& packs = raw["national_packs"]["packs"];
  if (!packs.contains(pc.country)) return;
  const auto& pack = packs[pc.country];

  bool company = std::any_of(out.facts.begin(), out.facts.end(), [](const Fact& f) { return f.type == "register_due"; });
  // A trader the site names as a sole trader ("Inhaberin: Maria Huber", "OSVČ"), with no legal
  // form that requires registration, has no register entry to give where the country's sole
  // traders are not entered in the register the pack's company items name (the pack says so:
  // sole_traders_unregistered; an Italian ditta individuale is in the REA, so not there).
  const bool sole_trader =
      !company && pack.value("sole_traders_unregistered", false) &&
      std::any_of(out.facts.begin(), out.facts.end(), [](const Fact& f) {
        return f.type == "legal_name" && f.attrs.value("sole_trader", false) && !f.attrs.value("third_party", false) &&
               f.attrs.value("visible", true);
      });
  nlohmann::json present = nlohmann::json::array(), missing = nlohmann::json::array(), not_due = nlohmann::json::array();
  int missing_required = 0, missing_conditional = 0;
  std::map<std::string, int> items_per_page;
  std::map<std::string, const Fact*> first_on_page;
  for (const auto& item : pack.at("items")) {
    const Fact* hit = nullptr;
    for (const auto& spec : item.at("facts")) {
      for (const auto& f : out.facts) {
        if (f.type != spec.value("type", "") || f.attrs.value("visible", true) == false) continue;
        if (matches(spec.value("where", nlohmann::json::object()), f.attrs)) {
          hit = &f;
          break;
        }
      }
      if (hit) break;
    }
    std::string label = item.value("label", item.value("item", ""));
    if (hit) {
      present.push_back(label + ": " + hit->attrs.value("value", std::string()));
      items_per_page[hit->source]++;
      if (!first_on_page.count(hit->source)) first_on_page[hit->source] = hit;
      continue;
    }
    std::string required = item.value("required", "always");
    if (required == "company" && sole_trader) {
      not_due.push_back(label);
      continue;
    }
    bool due = required == "always" || (required == "company" && company);
    missing.push_back(label + (due ? "" : " (?)"));
    (due ? missing_required : missing_conditional)++;
  }
  // Evidence: the page holding most of the items (the legal notice), else the page just read.
  const Fact* anchor = nullptr;
  int best = 0;
  for (const auto& [page, n] : items_per_page) {
    if (n > best) best = n, anchor = first_on_page[page];
  }
  Fact f;
  if (anchor) {
    f = *anchor;
    f.evidence.note = "legal-notice items of " + pack.value("id", std::string()) + " on this page: " + std::to_string(best);
  } else {
    f = statement_fact(pc, "national_pack", 0, std::min<std::size_t>(pc.doc->text.size(), 1), "no legal-notice item found");
    f.evidence.snippet.clear();
  }
  f.type = "national_pack";
  f.attrs = nlohmann::json::object();
  f.attrs["pack"] = pack.value("id", std::string());
  f.attrs["country"] = pc.country;
  f.attrs["present"] = present;
  f.attrs["missing"] = missing;
  f.attrs["missing_required"] = missing_required;
  f.attrs["missing_conditional"] = missing_conditional;
  f.attrs["company"] = company;
  f.attrs["sole_trader"] = sole_trader;
  f.attrs["not_due"] = not_due;
  // The value is quoted into the report in any language: marks, not words. ✓ present, ✗ missing,
  // "(?)" after an item due only where it exists (a VAT id, a supervisory authority).
  std::string value = "✓ ";
  for (std::size_t i = 0; i < present.size(); ++i) value += (i ? "; " : "") + present[i].get<std::string>();
  if (present.empty()) value += "—";
  if (!missing.empty()) {
    value += " | ✗ ";
    for (std::size_t i = 0; i < missing.size(); ++i) value += (i ? "; " : "") + missing[i].get<std::string>();
  }
  f.attrs["value"] = value;
  out.add(std::move(f));
}

}  // namespace omnicheck::extract

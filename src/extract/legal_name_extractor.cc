// Legal names: a run of capitalised words ending in a legal form from the lexicons
// ("Müller & Söhne Versandhandel GmbH", "Kavárna Doma s.r.o."). The legal form anchors the
// match; the words before it, on the same line, make the name.
#include <algorithm>
#include <set>
#include <vector>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

bool is_upper_start(std::string_view word) {
  static const TextPattern upper("^[\\p{Lu}\\p{N}]", false, "upper");
  return upper.search(word);
}

bool has_letters(std::string_view word) {
  static const TextPattern letters("\\p{L}{2,}", false, "letters");
  return letters.search(word);
}

bool is_connector(std::string_view w) {
  static const std::set<std::string_view> kConnectors = {
      "&", "+", "-", "und", "et", "and", "de", "du", "des", "la", "le", "von", "van", "der", "den", "di",
      "del", "y", "i", "a", "e", "of", "the", "zu", "und", "'n'", "–"};
  return kConnectors.count(w) > 0;
}

// Splits on spaces, keeping byte offsets.
std::vector<std::pair<std::size_t, std::size_t>> words_of(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(i, j);
    i = j;
  }
  return out;
}

}  // namespace

void extract_legal_names(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  std::set<std::string> seen;
  auto statutes_list = sp.lex.list("statute_abbreviations");
  const std::set<std::string> statutes(statutes_list.begin(), statutes_list.end());
  for (const auto& m : sp.legal_form.find_all(text)) {
    std::size_t ls = text.rfind('\n', m.begin == 0 ? 0 : m.begin - 1);
    ls = ls == std::string::npos || m.begin == 0 ? 0 : ls + 1;
    std::size_t from = m.begin > ls + 100 ? m.begin - 100 : ls;
    std::string_view before(text.data() + from, m.begin - from);
    auto words = words_of(before);
    // Walk back over capitalised words and connectors; stop at the first word that ends a
    // clause (colon, comma…) or is plain lower-case prose.
    std::size_t name_begin = m.begin;
    int capitalised = 0;
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
      std::string_view w = before.substr(it->first, it->second - it->first);
      char last = w.back();
      if (last == ':' || last == ',' || last == ';' || last == '|' || last == ')' || w == "•" ||
          w == "©" || w == "(c)" || w == "|" || w == "–" || w == "—" || w == "·") {
        break;
      }
      if (w.front() == '(' || w.front() == '"' || w.front() == '\'' || w.front() == '\xE2') {
        // An opening quote or bracket starts the name ("»Acme« GmbH" is rare enough to ignore).
        if (is_upper_start(w.substr(1))) {
          name_begin = from + it->first + 1;
          ++capitalised;
        }
        break;
      }
      // A bare number ends the name: "§ 5 DDG Müller GmbH" on one line is the statute, then the name.
      if (std::all_of(w.begin(), w.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) break;
      if (statutes.count(std::string(w))) break;
      if (is_upper_start(w) || (is_connector(w) && capitalised > 0)) {
        name_begin = from + it->first;
        if (is_upper_start(w)) ++capitalised;
        continue;
      }
      break;
    }
    if (capitalised == 0) continue;
    std::string name = squeeze(std::string_view(text).substr(name_begin, m.end - name_begin));
    // Leading years and articles are not part of the name ("© 2025 Maison Lumière SAS").
    static const TextPattern year("^(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)?\\d{2,4})?\\s+)+", false, "year");
    Match ym;
    if (year.search(name, &ym)) name = name.substr(ym.end);
    Match am;
    if (sp.leading_article.search(name, &am) && am.end < name.size()) name = name.substr(am.end);
    std::string form = text.substr(m.begin, m.end - m.begin);
    std::string base = name.size() > form.size() ? squeeze(name.substr(0, name.size() - form.size())) : "";
    while (!base.empty() && (base.back() == ',' || base.back() == '&' || base.back() == '-')) base = squeeze(base.substr(0, base.size() - 1));
    if (base.empty() || !has_letters(base)) continue;
    // Connectors alone are no name ("und AG").
    if (is_connector(base)) continue;
    if (!seen.insert(name).second) continue;

    Fact f;
    f.type = "legal_name";
    f.attrs = site_attrs(pc, m.begin);
    f.attrs["value"] = name;
    f.attrs["name"] = base;
    f.attrs["form"] = squeeze(form);
    int party = nearest_party_label(text, name_begin, sp.parties);
    f.attrs["third_party"] = party < 0;
    f.attrs["trader_label"] = party > 0;
    f.attrs["source"] = "text";
    f.evidence = web_evidence(pc, name_begin, m.end, "legal name with legal form");
    f.source = pc.page->final_url;
    f.begin = name_begin;
    f.end = m.end;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

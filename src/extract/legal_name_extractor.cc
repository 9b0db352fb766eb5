// Legal names: a run of capitalised words ending in a legal form from the lexicons
// ("Müller & Söhne Versandhandel GmbH", "Kavárna Doma s.r.o."). The legal form anchors the
// match; the words before it, on the same line, make the name. Forms the lexicons list under
// `legal_forms_leading` may also stand first, with the name after them ("SAS Les Jardins
// d'Ambre", "Stichting Vrienden van …").
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

// The name after a form written first ("la société SAS LES JARDINS D'AMBRE, au capital de …",
// "Stichting Vrienden van het Museum"), as French and Dutch traders write it: capitalised words
// and connectors on the same line, up to the first clause end or lower-case word. Returns the
// end of the name, or `from` when none follows. The form must be followed by a space: "… en
// tant que SAS. Le siège …" ends a sentence.
std::size_t name_after_form(std::string_view text, std::size_t from, const std::set<std::string>& statutes) {
  if (from >= text.size() || text[from] != ' ') return from;
  std::size_t line_end = text.find('\n', from);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view after = text.substr(from, std::min(line_end - from, std::size_t{100}));
  std::size_t name_end = from;
  int capitalised = 0, words = 0;
  for (const auto& [b, e] : words_of(after)) {
    std::string_view w = after.substr(b, e - b);
    std::size_t len = w.size();
    while (len > 0 && (w[len - 1] == ',' || w[len - 1] == ';' || w[len - 1] == ':' || w[len - 1] == '.' ||
                       w[len - 1] == ')'))
      --len;
    bool clause_end = len < w.size();
    std::string_view core = w.substr(0, len);
    if (core.empty() || statutes.count(std::string(core))) break;
    if (std::all_of(core.begin(), core.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) break;
    if (is_upper_start(core) && has_letters(core)) {
      ++capitalised;
      name_end = from + b + len;
    } else if (!is_connector(core) || clause_end) {
      break;
    }
    if (clause_end || ++words >= 6) break;
  }
  return capitalised > 0 ? name_end : from;
}

void add_legal_name(const PageContext& pc, const SitePatterns& sp, const std::string& name, const std::string& base,
                    const std::string& form, std::size_t begin, std::size_t end, FactStore& out) {
  Fact f;
  f.type = "legal_name";
  f.attrs = site_attrs(pc, begin);
  f.attrs["value"] = name;
  f.attrs["name"] = base;
  f.attrs["form"] = form;
  int party = nearest_party_label(pc.doc->text, begin, sp.parties);
  f.attrs["third_party"] = party < 0;
  f.attrs["trader_label"] = party > 0;
  f.attrs["source"] = "text";
  f.evidence = web_evidence(pc, begin, end, "legal name with legal form");
  f.source = pc.page->final_url;
  f.begin = begin;
  f.end = end;
  out.add(std::move(f));
}

}  // namespace

void extract_legal_names(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  std::set<std::string> seen;
  auto statutes_list = sp.lex.list("statute_abbreviations");
  const std::set<std::string> statutes(statutes_list.begin(), statutes_list.end());
  auto leading_list = sp.lex.list("legal_forms_leading");
  const std::set<std::string> leading(leading_list.begin(), leading_list.end());
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
    std::string form = text.substr(m.begin, m.end - m.begin);
    if (capitalised == 0) {
      if (!leading.count(form)) continue;
      std::size_t name_end = name_after_form(text, m.end, statutes);
      if (name_end == m.end) continue;
      std::string name = squeeze(std::string_view(text).substr(m.begin, name_end - m.begin));
      if (!seen.insert(name).second) continue;
      add_legal_name(pc, sp, name, squeeze(std::string_view(text).substr(m.end, name_end - m.end)), squeeze(form),
                     m.begin, name_end, out);
      continue;
    }
    std::string name = squeeze(std::string_view(text).substr(name_begin, m.end - name_begin));
    // Leading years and articles are not part of the name ("© 2025 Maison Lumière SAS").
    static const TextPattern year("^(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)?\\d{2,4})?\\s+)+", false, "year");
    Match ym;
    if (year.search(name, &ym)) name = name.substr(ym.end);
    Match am;
    if (sp.leading_article.search(name, &am) && am.end < name.size()) name = name.substr(am.end);
    std::string base = name.size() > form.size() ? squeeze(name.substr(0, name.size() - form.size())) : "";
    while (!base.empty() && (base.back() == ',' || base.back() == '&' || base.back() == '-')) base = squeeze(base.substr(0, base.size() - 1));
    if (base.empty() || !has_letters(base)) continue;
    // Connectors alone are no name ("und AG").
    if (is_connector(base)) continue;
    if (!seen.insert(name).second) continue;
    add_legal_name(pc, sp, name, base, squeeze(form), name_begin, m.end, out);
  }
}

}  // namespace omnicheck::extract

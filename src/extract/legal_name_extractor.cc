// Legal names: a run of capitalised words ending in a legal form from the lexicons
// ("Müller & Söhne Versandhandel GmbH", "Kavárna Doma s.r.o."). The legal form anchors the
// match; the words before it, on the same line, make the name. Forms the lexicons list under
// `legal_forms_leading` may also stand first, with the name after them ("SAS Les Jardins
// d'Ambre", "Stichting Vrienden van …").
#include <algorithm>
#include <set>
#include <vector>

#include "extract/extractors.h"
#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

bool is_upper_start(std::string_view word) {
  static const TextPattern upper("^[\\p{Lu}\\p{N}]", false, "upper");
  return upper.search(word);
}

// "d'Ambre", "l'Olivier": an elided article before a capitalised word is part of a name.
bool is_name_word(std::string_view word) {
  if (is_upper_start(word)) return true;
  for (std::string_view elided : {"d'", "l'", "d\u2019", "l\u2019", "D'", "L'"}) {
    if (word.size() > elided.size() && word.substr(0, elided.size()) == elided) return is_upper_start(word.substr(elided.size()));
  }
  return false;
}

bool has_letters(std::string_view word) {
  static const TextPattern letters("\\p{L}{2,}", false, "letters");
  return letters.search(word);
}

bool is_connector(std::string_view w) {
  static const std::set<std::string_view> kConnectors = {
      "&", "+", "-", "und", "et", "and", "de", "du", "des", "la", "le", "von", "van", "der", "den", "di",
      "del", "y", "i", "a", "e", "of", "the", "zu", "und", "'n'", "–", "da", "das", "do", "dos", "della", "delle",
      "dei", "degli", "dello", "és", "en", "och", "og", "het", "zum", "zur"};
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
// A name in quotes after a leading form: UAB „Gintaro dirbtuvė“, SIA "Dzintara Veikals" (the
// Baltic way; lower-case words belong to it). The end after the closing quote, or npos.
std::size_t quoted_name_end(std::string_view text, std::size_t from, std::size_t line_end) {
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\"", "\""}, {"\xE2\x80\x9E", "\xE2\x80\x9C"}, {"\xE2\x80\x9E", "\xE2\x80\x9D"},
      {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xC2\xAB", "\xC2\xBB"}, {"\xC2\xAB ", " \xC2\xBB"}};
  for (const auto& [open, close] : kQuotes) {
    if (text.substr(from, open.size()) != open) continue;
    std::size_t inner = from + open.size();
    if (inner >= line_end) return std::string_view::npos;
    unsigned char first = static_cast<unsigned char>(text[inner]);
    // The quoted part starts like a name: a capital (any script) or a digit.
    if (first < 0x80 && !std::isupper(first) && !std::isdigit(first)) return std::string_view::npos;
    std::size_t end = text.find(close, inner);
    if (end == std::string_view::npos || end > line_end || end - inner < 2 || end - inner > 80) continue;
    return end + close.size();
  }
  return std::string_view::npos;
}

std::size_t name_after_form(std::string_view text, std::size_t from, const std::set<std::string>& statutes) {
  if (from >= text.size() || text[from] != ' ') return from;
  std::size_t line_end = text.find('\n', from);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (std::size_t q = quoted_name_end(text, from + 1, line_end); q != std::string_view::npos) return q;
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
    if (is_name_word(core) && has_letters(core)) {
      ++capitalised;
      name_end = from + b + len;
    } else if (!is_connector(core) || clause_end) {
      break;
    }
    if (clause_end || ++words >= 6) break;
  }
  return capitalised > 0 ? name_end : from;
}

bool generic_partner(std::string_view base) {
  static const std::set<std::string_view> kPartners = {"Cie", "Co", "& Co", "& Cie", "Co.", "Cie.", "et Cie", "und Co", "& C."};
  return kPartners.count(base) > 0;
}

bool glued(const std::string& text, std::size_t b, std::size_t e) {
  auto letter_at = [&](std::size_t i) {
    return i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80);
  };
  // Glued before is a name ("Lindner Verwaltungs-GmbH"); glued after is another word.
  (void)b;
  return e + 1 < text.size() && text[e] == '-' &&
         (letter_at(e + 1) || std::isdigit(static_cast<unsigned char>(text[e + 1])));
}

// The name is its line, or the rest of a label's line ("Titolare del sito: Bottega … S.n.c."):
// nothing of a sentence runs into it, so it is the name as the trader writes it.
bool stands_alone(const std::string& text, std::size_t begin, std::size_t end) {
  if (end > text.size() || begin > end) return false;
  std::string_view head = std::string_view(text).substr(line_begin(text, begin), begin - line_begin(text, begin));
  std::string_view tail = std::string_view(text).substr(end, line_end(text, end) - end);
  std::size_t h = head.find_last_not_of(" \t");
  bool head_ok = h == std::string_view::npos || head[h] == ':';
  return head_ok && tail.find_first_not_of(" \t,.;") == std::string_view::npos;
}

void add_legal_name(const PageContext& pc, const SitePatterns& sp, const std::string& name, const std::string& base,
                    const std::string& form, std::size_t begin, std::size_t end, FactStore& out) {
  Fact f;
  f.type = "legal_name";
  f.attrs = site_attrs(pc, begin);
  f.attrs["value"] = name;
  f.attrs["name"] = base;
  f.attrs["form"] = form;
  PartyOf party = party_at(*pc.doc, begin, end, sp.parties, sp.legal_form);
  set_party(f, party);
  f.attrs["trader_label"] = party.party == "trader" && party.basis == "label";
  f.attrs["own_line"] = stands_alone(pc.doc->text, begin, end);
  f.attrs["source"] = "text";
  f.evidence = web_evidence(pc, begin, end, "legal name with legal form");
  f.source = pc.page->final_url;
  f.begin = begin;
  f.end = end;
  out.add(std::move(f));
}

}  // namespace

// A sole trader has no legal form: its legal name is the person's name, which legal notices
// give beside a label ("Inhaberin: Maria Huber", "Jan Novák, fyzická osoba podnikající",
// "Entrepreneur individuel : Camille Besnard"). The label must stand right before the name, or
// right after it past a comma; the name is two to four capitalised words.
// No word of `name` is a label ("Provozovatel", "Titular", "Inhaber"): those head the name.
static bool label_free(std::string_view name, const SitePatterns& sp) {
  for (const auto& [b, e] : words_of(name)) {
    if (sp.name_stop_words.count(fold(name.substr(b, e - b)))) return false;
  }
  return true;
}

// The sole trader's statement closes the identity block under a trader label ("Sprzedawcą w
// sklepie … jest:⏎Pracownia Ceramiki Anna Kowalczyk⏎Anna Kowalczyk⏎ul. Garbary 14/2⏎87-100
// Toruń⏎NIP …⏎Przedsiębiorca prowadzący jednoosobową działalność gospodarczą …"): the line
// right under the label, when it is a name alone, is the trader's. At most eight lines and
// 500 bytes up; the label's line ends with a colon, so it introduces what follows.
// The start of the line above the line starting at `line_start`: the walks up an
// identity block step from line to line with it.
static std::size_t line_above(const std::string& text, std::size_t line_start) {
  std::size_t pls = text.rfind('\n', line_start - 2);
  return pls == std::string::npos ? 0 : pls + 1;
}

static bool block_name_under_trader_label(const std::string& text, std::size_t statement_line, const SitePatterns& sp,
                                          const TextPattern& whole_line, std::size_t& nb, std::size_t& ne) {
  std::size_t cur = statement_line;
  for (int lines = 0; lines < 8 && cur > 1 && statement_line - cur <= 500; ++lines) {
    std::size_t pls = line_above(text, cur);
    std::string_view line = std::string_view(text).substr(pls, cur - 1 - pls);
    std::size_t last = line.find_last_not_of(" \t");
    if (last != std::string_view::npos && line[last] == ':' && sp.parties.trader.search(line)) {
      std::size_t nls = cur;
      std::size_t nle = text.find('\n', nls);
      if (nle == std::string::npos || nle >= statement_line) return false;
      std::string_view next = std::string_view(text).substr(nls, nle - nls);
      Match nm;
      if (next.size() > 90 || !whole_line.search(next, &nm) || !nm.matched(0)) return false;
      nb = nls + nm.groups[0].first;
      ne = nls + nm.groups[0].second;
      return true;
    }
    cur = pls;
  }
  return false;
}

// A sole trader's label on a line of its own, closing the identity block it speaks of ("Petra
// Dvořáková – Bylinkárna Zelený dvůr\nHorní 218\n588 32 Brtnice\nIČO: 05172934\nFyzická osoba
// podnikající …"): the name opens the block, above its address and id lines. Walks up at most
// six short lines; the first that opens with a name (the trading name may follow a dash)
// gives it. A line that is neither a name nor short stops the walk.
static bool name_atop_identity_block(const std::string& text, std::size_t label_line, const SitePatterns& sp,
                                     std::size_t& nb, std::size_t& ne) {
  static const TextPattern opening(
      "^\\s*((?:\\p{Lu}[\\p{Ll}'’\\-]+)(?:\\s+(?:von|van|der|den|de|di|da|del|la|le|\\p{Lu}[\\p{Ll}'’\\-]+)){1,3})"
      "\\s*(?:[\\-–|,]\\s*\\S.{0,60})?$",
      false, "name opening an identity block");
  std::size_t cur = label_line;
  for (int lines = 0; lines < 6 && cur > 1; ++lines) {
    std::size_t pls = line_above(text, cur);
    std::string_view line = std::string_view(text).substr(pls, cur - 1 - pls);
    if (line.size() > 90) return false;
    Match nm;
    if (opening.search(line, &nm) && nm.matched(0)) {
      std::string_view cand = line.substr(nm.groups[0].first, nm.groups[0].second - nm.groups[0].first);
      if (sp.street_word.search(cand) || sp.street_suffix.search(cand) || sp.legal_form.search(cand)) return false;
      nb = pls + nm.groups[0].first;
      ne = pls + nm.groups[0].second;
      return true;
    }
    cur = pls;
  }
  return false;
}

static void extract_sole_traders(const PageContext& pc, const SitePatterns& sp, std::set<std::string>& seen, FactStore& out) {
  const auto& labels = sp.lex.list("sole_trader_labels");
  if (labels.empty()) return;
  const TextPattern& label = sp.pattern("sole_trader_labels", [&] { return words_to_pattern(labels); });
  // A name: two to six capitalised words, with the particles names carry ("Sanne de Vos",
  // "Erboristeria La Malva di Giulia Benedetti", "Joana Martins Ferreira").
  // The last word is capitalised: "Zustimmung der" (… der Inhaberin) is prose, not a name.
  static const std::string kName =
      "((?:\\p{Lu}[\\p{Ll}'’\\-]+|\\p{Lu}\\.)(?:\\s+(?:(?:von|van|der|den|de|di|da|del|della|la|le|zu|dos|das|do|e|y|i)\\s+){0,2}(?:\\p{Lu}[\\p{Ll}'’\\-]+|\\p{Lu}\\.)){1,5})";
  static const TextPattern after("^\\s*(?:[:\\-–]\\s*|(?:van|von|di|de|of|der|des)\\s+)?" + kName + "(?![\\p{L}\\p{N}])", false,
                                 "sole trader name after its label");
  static const TextPattern before("(?<![\\p{L}\\p{N}])" + kName + "\\s*,?\\s*[\\-–]?\\s*$", false,
                                  "sole trader name before its label");
  static const TextPattern whole_line("^\\s*" + kName + "\\s*,?\\s*$", false, "sole trader name line");
  const std::string& text = pc.doc->text;
  for (const auto& m : label.find_all(text)) {
    std::size_t le = text.find('\n', m.end);
    if (le == std::string::npos) le = text.size();
    std::string_view rest = std::string_view(text).substr(m.end, std::min<std::size_t>(le - m.end, 80));
    // "Titolare: Pasticceria Rossi S.r.l." names a company, which the legal forms find.
    if (sp.legal_form.search(rest)) continue;
    Match nm;
    std::size_t nb = 0, ne = 0;
    if (after.search(rest, &nm) && nm.matched(0)) {
      nb = m.end + nm.groups[0].first;
      ne = m.end + nm.groups[0].second;
    } else {
      std::size_t ls = m.begin == 0 ? std::string::npos : text.rfind('\n', m.begin - 1);
      ls = ls == std::string::npos ? 0 : ls + 1;
      std::size_t from = m.begin > ls + 80 ? m.begin - 80 : ls;
      std::string_view lead = std::string_view(text).substr(from, m.begin - from);
      bool lead_blank = squeeze(lead).find_first_not_of(",-\xE2\x80\x93 ") == std::string::npos;
      if (!lead_blank) {
        // "Este site é explorado por Joana Martins Ferreira, empresária em nome individual".
        if (!before.search(lead, &nm) || !nm.matched(0)) continue;
        nb = from + nm.groups[0].first;
        ne = from + nm.groups[0].second;
      } else if (ls > 1) {
        // The label opens the line under the name ("Jan Novák\nfyzická osoba podnikající").
        std::size_t pls = line_above(text, ls);
        std::string_view prev = std::string_view(text).substr(pls, ls - 1 - pls);
        if (prev.size() <= 90 && whole_line.search(prev, &nm) && nm.matched(0)) {
          nb = pls + nm.groups[0].first;
          ne = pls + nm.groups[0].second;
        } else if (!block_name_under_trader_label(text, ls, sp, whole_line, nb, ne) &&
                   !name_atop_identity_block(text, ls, sp, nb, ne)) {
          continue;
        }
      } else {
        continue;
      }
    }
    // A street, a register line or a label is no person's name.
    std::string_view cand = std::string_view(text).substr(nb, ne - nb);
    if (sp.street_word.search(cand) || sp.street_suffix.search(cand) || sp.legal_form.search(cand) ||
        label_free(cand, sp) == false) {
      continue;
    }
    // "Kaffeerösterei Wiegand e.K.\nInhaber: Jens Wiegand": the owner of a firm with a form is
    // a person, and the firm's name is the legal name.
    {
      std::size_t back = nb > 240 ? nb - 240 : 0;
      if (sp.legal_form.search(std::string_view(text).substr(back, nb - back))) continue;
    }
    // "Jan Kowalczyk prowadzący działalność gospodarczą pod firmą Wędkarski Świat Jan Kowalczyk":
    // the firm the sole trader trades under (lexicon sole_trader_firm_leads) is the legal name.
    {
      const auto& leads = sp.lex.list("sole_trader_firm_leads");
      if (!leads.empty()) {
        const TextPattern& firm = sp.pattern("sole_trader_firm", [&] {
          return "^\\s*,?\\s*(?:" + words_to_pattern(leads) + ")\\s+" + kName + "(?![\\p{L}\\p{N}])";
        });
        Match fm;
        if (firm.search(rest, &fm) && fm.matched(0)) {
          nb = m.end + fm.groups[0].first;
          ne = m.end + fm.groups[0].second;
        }
      }
    }
    std::string name = squeeze(std::string_view(text).substr(nb, ne - nb));
    if (!seen.insert(name).second) continue;
    add_legal_name(pc, sp, name, name, "", nb, ne, out);
    out.facts.back().attrs["sole_trader"] = true;
    out.facts.back().attrs["sole_trader_label"] = squeeze(std::string_view(text).substr(m.begin, m.end - m.begin));
    out.facts.back().evidence = web_evidence(pc, std::min(nb, m.begin), std::max(ne, m.end), "sole trader's name");
  }
}

void extract_legal_names(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  std::set<std::string> seen;
  auto statutes_list = sp.lex.list("statute_abbreviations");
  const std::set<std::string> statutes(statutes_list.begin(), statutes_list.end());
  const std::set<std::string>& label_words = sp.name_stop_words;
  const TextPattern& form_tail = sp.pattern("legal_form_tails", [&sp] {
    std::string alt;
    for (const auto& t : sp.lex.list("legal_form_tails")) alt += (alt.empty() ? "" : "|") + std::string("(?:") + t + ")";
    return alt.empty() ? std::string("(?!)") : "^(?:" + alt + ")";
  }, false);
  auto leading_list = sp.lex.list("legal_forms_leading");
  const std::set<std::string> leading(leading_list.begin(), leading_list.end());
  // A handful of words (cs, sk): looked up in the lexicon's own list, nothing built per page.
  const auto& prepositions = sp.lex.list("name_prepositions");
  const auto is_preposition = [&prepositions](std::string_view w) {
    return std::find(prepositions.begin(), prepositions.end(), w) != prepositions.end();
  };
  for (const auto& m : sp.legal_form.find_all(text)) {
    // A form glued to the next word by a hyphen is part of that word: "Kugel-KG-Shop",
    // "SE-Gebäude", "GmbH-Geschäftsführer".
    if (glued(text, m.begin, m.end)) continue;
    std::size_t ls = text.rfind('\n', m.begin == 0 ? 0 : m.begin - 1);
    ls = ls == std::string::npos || m.begin == 0 ? 0 : ls + 1;
    // The form after a comma or in parentheses: "Dupont Frères (SARL)", "Maison Lumière, société
    // par actions simplifiée au capital de …": the name is the run before the separator.
    std::size_t cut = m.begin;
    while (cut > ls && text[cut - 1] == ' ') --cut;
    bool separated = false;
    // "Vietri sul Mare (SA)", "Perugia (PG)": a two-letter form in parentheses is a province.
    if (cut > ls && text[cut - 1] == '(' && m.end - m.begin <= 2) continue;
    // "Consumer Rights Regulations (S.L. 378.17)": a form's letters followed by a number inside
    // the parentheses cite a law (Maltese Subsidiary Legislation), not a company's form.
    if (cut > ls && text[cut - 1] == '(') {
      std::size_t close = text.find(')', m.end);
      std::size_t le0 = text.find('\n', m.end);
      if (close != std::string::npos && (le0 == std::string::npos || close < le0) &&
          std::any_of(text.begin() + static_cast<std::ptrdiff_t>(m.end), text.begin() + static_cast<std::ptrdiff_t>(close),
                      [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
        continue;
    }
    if (cut > ls && (text[cut - 1] == '(' || text[cut - 1] == ',')) {
      separated = true;
      --cut;
      while (cut > ls && text[cut - 1] == ' ') --cut;
    }
    std::size_t from = cut > ls + 100 ? cut - 100 : ls;
    std::string_view before(text.data() + from, cut - from);
    auto words = words_of(before);
    // "VOTRE OPTICIEN ET SA BOUTIQUE EN LIGNE": a form right after a conjunction or article is a
    // word of the sentence ("et sa" = "and its"); no name ends in "and" before its form.
    if (!separated && !words.empty()) {
      std::string_view lw = before.substr(words.back().first, words.back().second - words.back().first);
      // Lower-cased, not folded: "Thé" is a word of the name, not English "the".
      std::string lower(lw);
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (lw != "&" && lw != "+" && is_connector(lower)) continue;
    }
    // Walk back over capitalised words and connectors; stop at the first word that ends a
    // clause (colon, comma…) or is plain lower-case prose.
    std::size_t name_begin = cut;
    int capitalised = 0;
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
      std::string_view w = before.substr(it->first, it->second - it->first);
      // A word in parentheses inside a name: "PayPal (Europe) S.à r.l.", "Dupont (Lyon) SAS".
      if (w.size() > 2 && w.front() == '(' && w.back() == ')' && is_upper_start(w.substr(1))) {
        name_begin = from + it->first;
        ++capitalised;
        continue;
      }
      char last = w.back();
      if (last == ':' || last == ',' || last == ';' || last == '|' || last == ')' || w == "•" ||
          w == "©" || w == "(c)" || w == "|" || w == "–" || w == "—" || w == "·") {
        break;
      }
      if (w.front() == '(' || w.front() == '"' || w.front() == '\'' || w.front() == '\xE2' ||
          w.substr(0, 2) == "\xC2\xAB") {
        // An opening quote or bracket starts the name ("„Родопски Пчелин“ ЕООД", "«Acme» SARL"):
        // the quote is one byte, or a whole UTF-8 character („ “ ‚ are three bytes, « two).
        const std::size_t quote = w.front() == '\xE2' ? 3 : w.front() == '\xC2' ? 2 : 1;
        if (w.size() > quote && is_upper_start(w.substr(quote))) {
          name_begin = from + it->first + quote;
          ++capitalised;
        }
        break;
      }
      // A bare number ends the name: "§ 5 DDG Müller GmbH" on one line is the statute, then the name.
      if (std::all_of(w.begin(), w.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) break;
      if (statutes.count(std::string(w))) break;
      // A label is no part of the name it introduces: "Rechtsform Kommanditgesellschaft",
      // "Logistikpartner Nordfracht GmbH", "Prodávající Kavárna Doma s.r.o.".
      // A label word right before the form may be the name's own ("Pixelwerk Agentur GmbH"),
      // except a legal-form label ("Rechtsform Kommanditgesellschaft").
      if (label_words.count(fold(w)) && (capitalised > 0 || sp.form_label_words.count(fold(w)))) break;
      if (is_name_word(w) || (is_connector(w) && capitalised > 0)) {
        name_begin = from + it->first;
        if (is_name_word(w)) ++capitalised;
        continue;
      }
      break;
    }
    std::string form = text.substr(m.begin, m.end - m.begin);
    if (capitalised == 0 && !separated && m.begin == ls && ls > 0 &&
        (!leading.count(text.substr(m.begin, m.end - m.begin)) || name_after_form(text, m.end, statutes) == m.end)) {
      // The form on the line under the name ("LITERIE DUMONT\nSociété anonyme au capital de …").
      std::size_t pls = line_above(text, ls);
      std::string_view prev = std::string_view(text).substr(pls, ls - 1 - pls);
      bool name_line = !prev.empty() && prev.size() <= 60;
      int caps = 0;
      for (const auto& [b, e] : words_of(prev)) {
        std::string_view w = prev.substr(b, e - b);
        if (is_upper_start(w) && has_letters(w)) ++caps;
        else if (!is_connector(w)) name_line = false;
      }
      if (name_line && caps > 0 && caps <= 6 && !statutes.count(std::string(prev)) && label_free(prev, sp)) {
        std::string base = squeeze(prev);
        std::string name = base + " " + squeeze(form);
        if (seen.insert(name).second) add_legal_name(pc, sp, name, base, squeeze(form), pls, m.end, out);
        continue;
      }
    }
    // "Pražská pražírna a.s." alone on its line (or after a label's colon), or opening its line
    // before a comma ("Hrací kostka s.r.o., se sídlem Údolní 512/33"): a name whose first word
    // alone is capitalised. Only at the start of a line: in prose such a run is the sentence's.
    if (capitalised == 0 && !separated) {
      std::size_t le1 = text.find('\n', m.end);
      if (le1 == std::string::npos) le1 = text.size();
      std::string_view tail = std::string_view(text).substr(m.end, le1 - m.end);
      const std::size_t after = tail.find_first_not_of(' ');
      if (after == std::string_view::npos || tail[after] == ',') {
        std::size_t seg = ls;
        std::size_t colon = std::string_view(text).substr(ls, cut - ls).rfind(": ");
        if (colon != std::string_view::npos) seg = ls + colon + 2;
        std::string_view head = std::string_view(text).substr(seg, cut - seg);
        auto hw = words_of(head);
        bool ok = hw.size() >= 2 && hw.size() <= 4 && is_upper_start(head.substr(hw[0].first, hw[0].second - hw[0].first));
        for (const auto& [b, e] : hw) {
          std::string_view w = head.substr(b, e - b);
          if (!has_letters(w) || w.find_first_of("0123456789,;:()|") != std::string_view::npos) ok = false;
          if (!is_name_word(w) && !is_connector(w) && w.size() < 4) ok = false;
          if (label_words.count(fold(w))) ok = false;
        }
        for (const auto& [kind, cue] : sp.parties.third) ok = ok && !cue.search(head);
        if (ok) {
          std::string base = squeeze(head);
          std::string name = base + " " + squeeze(form);
          if (seen.insert(name).second) add_legal_name(pc, sp, name, base, squeeze(form), seg, m.end, out);
          continue;
        }
      }
    }
    if (capitalised == 0) {
      if (separated || !leading.count(form)) continue;
      std::size_t name_end = name_after_form(text, m.end, statutes);
      if (name_end == m.end) continue;
      std::string name = squeeze(std::string_view(text).substr(m.begin, name_end - m.begin));
      if (!seen.insert(name).second) continue;
      add_legal_name(pc, sp, name, squeeze(std::string_view(text).substr(m.end, name_end - m.end)), squeeze(form),
                     m.begin, name_end, out);
      continue;
    }
    // Names with lower-case words ("Dřevěné hračky Lipka s.r.o.", "Pálavské vinařství Horák, společnost
    // s ručením omezeným", "Les vins de Lissac SARL"): when the walk stopped at a lower-case word
    // and the line holds nothing before the name but at most two such words, the name starts at
    // the line (or after its label's colon).
    if (capitalised > 0) {
      std::size_t seg = ls;
      std::size_t colon = std::string_view(text).substr(ls, name_begin - ls).rfind(": ");
      if (colon != std::string_view::npos) seg = ls + colon + 2;
      if (seg < name_begin) {
        std::string_view head = std::string_view(text).substr(seg, name_begin - seg);
        auto hw = words_of(head);
        int lower = 0;
        bool ok = !hw.empty() && hw.size() + capitalised <= 6 && is_name_word(head.substr(hw[0].first, hw[0].second - hw[0].first));
        // Place prepositions between two capitalised words belong to a name ("Čajovňa pod Hradom
        // s. r. o.", "Vinařství u Kapličky s.r.o."), as in the towns they come from (lexicon
        // name_prepositions).
        for (std::size_t k = 0; k < hw.size(); ++k) {
          const auto& [b, e] = hw[k];
          std::string_view w = head.substr(b, e - b);
          if (!has_letters(w) && !is_preposition(w)) ok = false;
          if (w.find_first_of("0123456789,;:()|") != std::string_view::npos) ok = false;
          if (!is_name_word(w) && !is_connector(w)) {
            ++lower;
            // Short lower-case words are the sentence's ("ist die", "drivs av", "sendes med",
            // "Website by"); a name's own are nouns and adjectives ("hračky", "vinařství", "vins").
            const bool between_names = k > 0 && is_preposition(w) &&
                                       is_name_word(head.substr(hw[k - 1].first, hw[k - 1].second - hw[k - 1].first)) &&
                                       (k + 1 == hw.size() || is_name_word(head.substr(hw[k + 1].first, hw[k + 1].second - hw[k + 1].first)));
            if (w.size() < 4 && !between_names) ok = false;
          }
          if (label_words.count(fold(w))) ok = false;
        }
        // A third party's cue in the head ("Płatności online obsługuje PayFlow S.A.", "Verkkomaksut
        // välittää Maksupolku Oy") is the sentence introducing someone else, not the name.
        for (const auto& [kind, cue] : sp.parties.third) ok = ok && !cue.search(head);
        if (ok && lower > 0 && lower <= 2) name_begin = seg;
      }
    }
    std::string name = separated ? squeeze(std::string_view(text).substr(name_begin, cut - name_begin)) + " " + form
                                 : squeeze(std::string_view(text).substr(name_begin, m.end - name_begin));
    // "Plattform der Shopify International Limited", "AGB der Kaffeerösterei Lindner GmbH": a
    // German article inside the run starts the name after it.
    for (std::string_view prep : {" der ", " dem "}) {
      std::size_t at = name.rfind(prep);
      if (at == std::string::npos) continue;
      std::string rest = name.substr(at + prep.size());
      if (rest.size() > form.size() + 3 && words_of(rest).size() >= 3 && is_name_word(rest)) {
        name_begin += at + prep.size();
        name = rest;
      }
    }
    // "d’Atelier Garance SARL": an elided article of the sentence before the name.
    for (std::string_view elided : {"d'", "l'", "d\u2019", "l\u2019"}) {
      if (name.size() > elided.size() + 1 && name.compare(0, elided.size(), elided) == 0 &&
          is_upper_start(std::string_view(name).substr(elided.size()))) {
        name = name.substr(elided.size());
        name_begin += elided.size();
      }
    }
    // Leading connectors belong to the sentence, not the name ("mit der Klarna Bank AB").
    while (true) {
      auto sp_at = name.find(' ');
      if (sp_at == std::string::npos || !is_connector(std::string_view(name).substr(0, sp_at))) break;
      name_begin += sp_at + 1;
      name = squeeze(name.substr(sp_at + 1));
    }
    // Leading years and articles are not part of the name ("© 2025 Maison Lumière SAS").
    static const TextPattern year("^(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)?\\d{2,4})?\\s+)+", false, "year");
    Match ym;
    if (year.search(name, &ym)) name = name.substr(ym.end);
    // An article opening the name is the sentence's ("Die Müller GmbH haftet …"), except right
    // after a label's colon ("Propriétaire : Les Vins de Lissac SARL"). On a line of its own it
    // stays ambiguous ("Die Laden Handels GmbH", "L'Atelier du Thé SARL") and is dropped.
    // Mid-sentence, a capitalised article after a lower-case word is the name's own: "édité
    // par la société La Droguerie Lyonnaise SARL" (the sentence's article would be lower case).
    Match am;
    bool after_colon = false, mid_sentence = false;
    {
      std::size_t k = name_begin;
      while (k > ls && text[k - 1] == ' ') --k;
      after_colon = k > ls && text[k - 1] == ':';
      std::size_t wb = k;
      while (wb > ls && text[wb - 1] != ' ' && text[wb - 1] != '\n') --wb;
      std::string_view prev_word = std::string_view(text).substr(wb, k - wb);
      mid_sentence = k < name_begin && has_letters(prev_word) && !is_upper_start(prev_word) &&
                     std::isupper(static_cast<unsigned char>(text[name_begin]));
    }
    if (!after_colon && !mid_sentence && sp.leading_article.search(name, &am) && am.end < name.size()) name = name.substr(am.end);
    std::string base = name.size() > form.size() ? squeeze(name.substr(0, name.size() - form.size())) : "";
    while (!base.empty() && (base.back() == ',' || base.back() == '&' || base.back() == '-')) base = squeeze(base.substr(0, base.size() - 1));
    if (base.empty() || !has_letters(base)) continue;
    // Connectors alone are no name ("und AG"), nor the partner words of a second form
    // ("PayPal (Europe) S.à r.l. et Cie, S.C.A." names one company, not "Cie S.C.A.").
    if (is_connector(base) || generic_partner(base)) continue;
    // Italian partnerships go on after their form with the partners' names: "Bottega Ceramica
    // Ruocco S.n.c. di Ruocco Anna & C.", "Rossi S.a.s. di Mario Rossi" (legal_form_tails: each
    // pattern matches the form and its tail).
    std::size_t name_end = m.end;
    if (!separated) {
      Match tm;
      if (form_tail.search(std::string_view(text).substr(m.begin, line_end(text, m.begin) - m.begin), &tm) && tm.begin == 0 &&
          m.begin + tm.end > m.end) {
        name_end = m.begin + tm.end;
        name = squeeze(name + text.substr(m.end, name_end - m.end));
      }
    }
    if (!seen.insert(name).second) continue;
    add_legal_name(pc, sp, name, base, squeeze(form), name_begin, name_end, out);
  }
  extract_sole_traders(pc, sp, seen, out);
}

}  // namespace omnicheck::extract

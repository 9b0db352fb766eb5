#include "extract/party_attribution.h"

#include <algorithm>
#include <cctype>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {


// A sentence ends at a full stop after a lower-case word or a number (or its closing
// parenthesis), before a capitalised word: "… 59100 Roubaix. Le directeur de la publication …",
// "… (siehe Impressum). Zahlungsdaten verarbeitet Mollie B.V. …". Abbreviations of legal forms and
// labels ("GmbH.", "Inc.", "Tél.", "Str. 5") do not end one, and a party's details going on
// after a full stop ("… 59100 Roubaix. Tél. 09 72 10 10 07", "… Dublin 2. Phone: …") stay
// that party's.
const TextPattern& sentence_end() {
  static const TextPattern p(
      // Abbreviations in street and people's names ("Pplk. Sochora 27", "Prof. Weber", "nám.
      // Míru") end no sentence.
      "(?:(?<=[\\p{Ll}\\p{N}]{3})|(?<=[\\p{Ll}\\p{N}]{3}\\)))(?<!Pplk|Ppor|Npor|Prof|nám)[.!?;]\\s+(?!(?:T[ée]l|Tlf|Telef|Phone|Fax|E-?[Mm]ail|Mail|Courriel|Site|Web|Internet|"
      "Puh|SIRE[NT]|RCS|HRB|HRA|Capital|Kapital|CIF|NIF|NIPC|KRS|NIP|REGON|IČO|DIČ|VAT|TVA|USt|UID|P\\.\\s?IVA|Partita|"
      "Registergericht|Amtsgericht|Registre|Company|Org)\\b)(?=\\p{Lu}\\p{Ll}+[\\s,])",
      false, "sentence end");
  return p;
}

// A sentence end at or after `a` and before `b`; the words after the stop may be read up to
// `view_end` (the start of the next line, to tell "… teil.⏎Service-Hotline" from "… Roubaix.⏎Tél.").
bool sentence_ends_between(const std::string& t, std::size_t a, std::size_t b, std::size_t view_end = 0) {
  if (b <= a) return false;
  // The pattern looks behind its full stop at the word it ends ("Impressum)."), which may lie
  // before `a`: search from a little earlier, count only stops at or after `a`.
  std::size_t from = utf8_floor(t, a > 16 ? a - 16 : 0);
  std::size_t to = std::max(b, std::min(view_end, t.size()));
  to = utf8_floor(t, to);
  for (const auto& m : sentence_end().find_all(std::string_view(t).substr(from, to - from))) {
    if (from + m.begin >= a && from + m.begin < b) return true;
  }
  return false;
}

// Only bullets, numbering and markup residue stand before `pos` on its line.
bool at_line_start(const std::string& t, std::size_t pos) {
  std::size_t ls = line_begin(t, pos);
  if (pos - ls > 8) return false;
  for (std::size_t i = ls; i < pos; ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::isalpha(c)) return false;
  }
  return true;
}

// After a sentence end or a colon ("… SIRET 123. Société : Maison SAS"), or at a line start.
bool at_clause_start(const std::string& t, std::size_t pos) {
  if (at_line_start(t, pos)) return true;
  std::size_t i = pos;
  while (i > 0 && t[i - 1] == ' ') --i;
  return i > 0 && (t[i - 1] == '.' || t[i - 1] == ':' || t[i - 1] == '|' || t[i - 1] == ';');
}

bool is_heading_block(const html::Document& doc, std::size_t pos) {
  const html::Block* b = doc.block_at(pos);
  return b && b->heading;
}

// A heading, or a label with nothing after it on its line but punctuation or a few lower-case
// words ("Hébergeur :", "Hosting provider", "Hébergement du site"): it reaches over the lines
// under it. "Geschäftsführer: Max Müller" carries its value and reaches no further than that.
bool heading_like(const html::Document& doc, std::size_t b, std::size_t e) {
  if (is_heading_block(doc, b)) return true;
  const std::string& t = doc.text;
  // Deep inside a prose line ("… l'identité des différents intervenants dans le cadre de sa
  // réalisation et de son suivi :") a label word heads nothing.
  if (b - line_begin(t, b) > 40) return false;
  std::size_t le = line_end(t, e);
  std::string rest;
  for (std::size_t i = e; i < le; ++i) {
    char c = t[i];
    if (c == ':' || c == '-' || c == ' ' || c == '\t' || c == '.') continue;
    rest += c;
  }
  if (rest.empty()) return true;
  if (rest.size() > 12) return false;
  for (std::size_t i = e; i < le; ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::isdigit(c) || c == '@') return false;
    if (std::isupper(c)) return false;
  }
  return true;
}

struct Label {
  std::size_t b, e;
  std::string party;
};

bool covers(const html::Document& doc, const Label& l, std::size_t offset, std::size_t fact_end,
            const TextPattern& legal_form, bool is_name) {
  const std::string& t = doc.text;
  std::size_t le = line_end(t, l.b);
  bool line_start_label = at_line_start(t, l.b);
  // A second legal name between the label and the fact starts another party's block: for a
  // name, any name before it; for other facts, a second one ("Hébergeur : OVH SAS, 2 rue …"
  // names one).
  (void)fact_end;
  if (offset > l.e) {
    std::size_t names = legal_form.find_all(std::string_view(t).substr(l.e, offset - l.e)).size();
    if (names >= (is_name ? 1u : 2u)) return false;
  }
  if (offset <= le) return !sentence_ends_between(t, l.e, offset);
  bool heading = heading_like(doc, l.b, l.e);
  if (!heading && sentence_ends_between(t, l.e, le + 1, le + 40)) return false;
  // A label opening a long line of prose that ends there ("Verbraucherschlichtung: Wir nehmen
  // an Streitbeilegungsverfahren … teil (www.…)."): the statement is complete, the lines under
  // it are another subject. A short labelled line ("Hébergeur : OVH SAS, 2 rue …") goes on below.
  if (!heading && line_start_label && le - l.e > 110) {
    std::size_t last = le;
    while (last > l.e && (t[last - 1] == ' ' || t[last - 1] == '\t')) --last;
    if (last > l.e && (t[last - 1] == '.' || t[last - 1] == ')')) return false;
  }
  // A label inside a line reaches the lines under it only when its line names the party and
  // breaks off ("Le site est hébergé par OVH SAS,⏎2 rue Kellermann"), never from a line that
  // is complete in itself ("Doprava: Zásilkovna 69 Kč").
  if (!heading && !line_start_label) {
    std::string_view rest = std::string_view(t).substr(l.e, le - l.e);
    std::size_t last = rest.find_last_not_of(" \t");
    bool breaks_off = last != std::string_view::npos && (rest[last] == ',' || rest[last] == ':');
    if (!breaks_off && !legal_form.search(rest)) return false;
    // A sentence that ends with its line ("… est une filiale du groupe Holding SA, Rue du Rhône
    // 64, 1204 Genève, Suisse.") is complete: its label reaches no line under it. A full stop
    // closing an abbreviated legal form ("… hébergé par OVH S.A.S.") is no sentence end.
    if (last != std::string_view::npos && (rest[last] == '.' || rest[last] == '!' || rest[last] == '?') && last > 0) {
      std::string_view body = rest.substr(0, last + 1);
      bool form_at_end = false;
      for (const auto& m : legal_form.find_all(body)) form_at_end = form_at_end || m.end + 1 >= body.size();
      unsigned char before = static_cast<unsigned char>(rest[last - 1]);
      if (!form_at_end && (std::islower(before) || std::isdigit(before) || before >= 0x80)) return false;
    }
  }
  // A label heading the lines of its own paragraph ("Persönlich haftende Gesellschafterin:⏎
  // Verwaltungs GmbH⏎HRB 41233" in one <p>) reaches the end of that paragraph; a label alone
  // in its element ("<p><strong>Hébergeur :</strong></p><p>OVH SAS…") reaches the next ones.
  const html::Block* label_block = doc.block_at(l.b);
  const html::Block* next_block = le + 1 < t.size() ? doc.block_at(le + 1) : nullptr;
  bool own_paragraph = heading && !is_heading_block(doc, l.b) && label_block != nullptr && next_block != nullptr &&
                       next_block != label_block && next_block->locator == label_block->locator;
  const std::size_t max_lines = heading ? 10 : 6, max_len = heading ? 400 : 140;
  std::size_t lines = 0;
  std::size_t cur = le + 1;
  while (cur <= offset && cur < t.size()) {
    std::size_t ce = line_end(t, cur);
    if (++lines > max_lines) return false;
    if (is_heading_block(doc, cur)) return false;
    if (own_paragraph) {
      const html::Block* cb = doc.block_at(cur);
      if (cb != nullptr && cb->locator != label_block->locator) return false;
    }
    if (offset > ce) {
      if (ce - cur > max_len) return false;
    } else if (!heading && sentence_ends_between(t, cur, offset)) {
      return false;
    }
    cur = ce + 1;
  }
  return true;
}

}  // namespace

PartyOf party_at(const html::Document& doc, std::size_t offset, std::size_t end, const PartyLabels& pl,
                 const TextPattern& legal_form) {
  const std::string& t = doc.text;
  // A legal name is its own fact: its form is where it ends (a name's end past its start by a form).
  bool is_name = end > offset && legal_form.search(std::string_view(t).substr(offset, end - offset));
  if (offset > t.size()) offset = t.size();
  if (end < offset) end = offset;
  // Look back at most twelve lines and 1,200 bytes: no label reaches further.
  std::size_t from = offset > 1200 ? offset - 1200 : 0;
  std::size_t p = offset;
  for (int lines = 0; lines < 12 && p > from; ++lines) {
    std::size_t nl = t.rfind('\n', p - 1);
    if (nl == std::string::npos || nl < from) break;
    p = nl;
    if (lines == 11) from = nl + 1;
  }
  from = utf8_floor(t, from);
  std::string_view win = std::string_view(t).substr(from, offset - from);
  std::vector<Label> labels;
  for (const auto& m : pl.trader.find_all(win)) labels.push_back({from + m.begin, from + m.end, "trader"});
  for (const auto& m : pl.trader_weak.find_all(win)) {
    if (at_clause_start(t, from + m.begin)) labels.push_back({from + m.begin, from + m.end, "trader"});
  }
  for (const auto& [party, pattern] : pl.third) {
    for (const auto& m : pattern.find_all(win)) labels.push_back({from + m.begin, from + m.end, party});
  }
  // Nearest first; of two labels at one place the longer ("hébergé par" over "hébergé").
  std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) {
    return a.b != b.b ? a.b > b.b : a.e > b.e;
  });
  for (const auto& l : labels) {
    if (!covers(doc, l, offset, end, legal_form, is_name)) continue;
    PartyOf out;
    out.party = l.party;
    out.words = squeeze(std::string_view(t).substr(l.b, l.e - l.b));
    out.basis = "label";
    // A trader word inside a line that a third party's heading reaches is that party's
    // ("Gestaltung und Umsetzung⏎Agentur Kornblau, Inh. Tobias Renner, Anger 31, …": the
    // agency's owner, not the shop's).
    if (l.party == "trader" && !at_line_start(t, l.b)) {
      const std::size_t ls = line_begin(t, l.b);
      for (const auto& h : labels) {
        if (h.party == "trader" || h.e > ls || !covers(doc, h, ls, ls, legal_form, false)) continue;
        out.party = h.party;
        out.words = squeeze(std::string_view(t).substr(h.b, h.e - h.b));
        break;
      }
    }
    return out;
  }
  return {};
}

void set_party(Fact& f, const PartyOf& p) {
  f.attrs["party"] = p.party;
  f.attrs["party_words"] = p.words;
  f.attrs["party_basis"] = p.basis;
  f.attrs["third_party"] = p.party != "trader";
}

namespace {

bool is_party_fact(const Fact& f) {
  return f.type == "legal_name" || f.type == "address" || f.type == "register_id" || f.type == "phone" ||
         f.type == "email";
}

// The short lines from a third party's name down to `offset` hold nothing that starts another
// block: no heading, no long prose line, no more than four lines, no full stop ending a sentence.
bool in_entity_block(const html::Document& doc, std::size_t name_end, std::size_t offset) {
  const std::string& t = doc.text;
  if (offset < name_end) return false;
  std::size_t le = line_end(t, name_end);
  if (offset <= le) return !sentence_ends_between(t, name_end, offset);
  if (sentence_ends_between(t, name_end, le)) return false;
  // "… filiale du groupe Holding SA, Rue du Rhône 64, 1204 Genève, Suisse." ends its sentence
  // with its line: what follows is not that company's.
  {
    std::string_view rest = std::string_view(t).substr(name_end, le - name_end);
    std::size_t last = rest.find_last_not_of(" \t");
    if (last != std::string_view::npos && last > 0 && (rest[last] == '.' || rest[last] == '!' || rest[last] == '?')) {
      unsigned char before = static_cast<unsigned char>(rest[last - 1]);
      if ((std::islower(before) || std::isdigit(before) || before >= 0x80) && last > 12) return false;
    }
  }
  std::size_t lines = 0, cur = le + 1;
  while (cur <= offset && cur < t.size()) {
    std::size_t ce = line_end(t, cur);
    if (++lines > 4 || is_heading_block(doc, cur)) return false;
    if (offset > ce && ce - cur > 140) return false;
    if (offset <= ce && sentence_ends_between(t, cur, offset)) return false;
    cur = ce + 1;
  }
  return true;
}

// Whether a word of the name (four letters or more) stands in the site's host name: the
// trader's own name usually does ("Müller Logistik GmbH" on mueller-logistik.de).
bool named_in_host(const std::string& name, const std::string& url) {
  std::string host = fold(url.substr(0, url.find('/', url.find("//") == std::string::npos ? 0 : url.find("//") + 2)));
  std::string word;
  auto check = [&]() {
    bool hit = word.size() >= 4 && host.find(word) != std::string::npos;
    word.clear();
    return hit;
  };
  for (char c : fold(name)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else if (check()) {
      return true;
    }
  }
  return check();
}

// A trader label decides over a well-known third party's name only on the name's own line.
bool trader_label_on_line(const html::Document& doc, const Fact& f) {
  if (f.attrs.value("party_basis", std::string()) != "label" || f.attrs.value("party", std::string()) != "trader") return false;
  std::string words = f.attrs.value("party_words", std::string());
  std::size_t ls = line_begin(doc.text, f.begin);
  return doc.text.substr(ls, f.begin - ls).find(words) != std::string::npos;
}

}  // namespace

void attribute_entities(const html::Document& doc, const PartyLabels& pl, std::vector<Fact>& facts) {
  // Well-known third parties by name, where no label decided (or only a trader label far above
  // the name: a privacy policy under "Verantwortlicher" names Mollie B.V. further down).
  for (auto& f : facts) {
    if (f.type != "legal_name") continue;
    std::string basis = f.attrs.value("party_basis", std::string());
    if (basis != "default" && (basis != "label" || f.attrs.value("party", std::string()) != "trader" || trader_label_on_line(doc, f))) {
      continue;
    }
    // The name itself, or its line up to it when the name is that line's tail ("PayPal (Europe)
    // S.à r.l. et Cie, S.C.A." yields the name "Cie S.C.A." after the comma).
    std::string name = f.attrs.value("value", std::string());
    std::size_t ls = line_begin(doc.text, f.begin);
    std::string line = f.begin >= ls && f.end <= doc.text.size() ? doc.text.substr(ls, f.end - ls) : name;
    for (const auto& [party, pattern] : pl.names) {
      Match m;
      bool in_name = pattern.search(name, &m);
      if (in_name && m.begin > 0 && f.attrs.value("form", std::string()).size() > 0) {
        // "Przesyłki doręcza InPost sp. z o.o.": the sentence's words ran into the name; the
        // well-known name starts it.
        f.attrs["value"] = name.substr(m.begin);
        std::string base = f.attrs.value("name", std::string());
        std::size_t at = base.find(name.substr(m.begin, m.end - m.begin));
        if (at != std::string::npos) f.attrs["name"] = base.substr(at);
        f.begin += m.begin;
      } else if (!(in_name && m.begin == 0) && !(pattern.search(line, &m) && m.begin == 0)) {
        continue;
      }
      set_party(f, {party, pattern.search(f.attrs.value("value", name), &m) ? f.attrs.value("value", name).substr(m.begin, m.end - m.begin) : name, "name"});
      f.attrs["trader_label"] = false;
      break;
    }
    // Words that name what a company does for others ("… Logistik GmbH", "… Fulfilment Ltd",
    // "… Holding SE"), where nothing else decided and the site is not that company's own.
    if (f.attrs.value("party_basis", std::string()) != "default") continue;
    bool own_name = named_in_host(name, doc.url);
    for (const auto& [party, pattern] : pl.name_words) {
      // A holding shares its subsidiary's name ("Orlík Holding SE" above orlik-nutrition.cz); a
      // logistics firm on its own site is the trader.
      if (own_name && party != "parent") continue;
      Match m;
      if (pattern.search(f.attrs.value("name", name), &m)) {
        set_party(f, {party, f.attrs.value("name", name).substr(m.begin, m.end - m.begin), "name"});
        f.attrs["trader_label"] = false;
        break;
      }
    }
  }
  // What stands in a third party's block is that party's.
  std::vector<const Fact*> names;
  for (const auto& f : facts) {
    if (f.type == "legal_name" && f.attrs.value("visible", false)) names.push_back(&f);
  }
  std::sort(names.begin(), names.end(), [](const Fact* a, const Fact* b) { return a->begin < b->begin; });
  std::vector<std::pair<Fact*, PartyOf>> changes;
  for (auto& f : facts) {
    if (!is_party_fact(f) || f.type == "legal_name" || !f.attrs.value("visible", false)) continue;
    const std::string basis = f.attrs.value("party_basis", std::string());
    // A trader label above ("Společnost je zapsána …" on the line before) yields to a third
    // party named on the fact's own line ("… přes Zásilkovnu (Zásilkovna s.r.o., Českomoravská
    // 2408/1a, 190 00 Praha 9)"), unless the label stands on that line too.
    const bool label_above = basis == "label" && f.attrs.value("party", std::string()) == "trader" && !trader_label_on_line(doc, f);
    if (basis != "default" && !label_above) continue;
    // An address's quote may start before the name it follows ("… abgewickelt über PayPal
    // (Europe) S.à r.l., 22-24 Boulevard Royal, L-2449 Luxembourg"): its end is what counts.
    std::size_t at = f.type == "address" ? f.end : f.begin;
    const Fact* owner = nullptr;
    for (const Fact* n : names) {
      if (n->source != f.source || n->end > at) continue;
      owner = n;  // the last name before the fact
    }
    if (!owner || !owner->attrs.value("third_party", false)) continue;
    if (label_above && owner->end < line_begin(doc.text, f.begin)) continue;
    if (!in_entity_block(doc, owner->end, at)) continue;
    changes.push_back({&f, {owner->attrs.value("party", std::string("unknown")), owner->attrs.value("value", std::string()), "entity"}});
  }
  for (auto& [f, p] : changes) set_party(*f, p);
}

}  // namespace omnicheck::extract

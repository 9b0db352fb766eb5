// Geographic addresses: a postcode+town pattern per country (data in countries.json) anchors
// the match; the street is looked for before it on the same line or on the two lines above,
// and told apart from a PO box.
//
// Precision (issue 11): a number next to a capitalised word is no postcode unless its place
// says so. The postcode must stand where addresses put it (at the start of its line, after a
// separator or label, or right after the street), not glued to another number ("2011-2026",
// "94107-2008", "0830 to 1815", "+43 1 5123"). A street must have a street's shape (a house
// number ending it or leading it, a street word or a capitalised name, no phone, time, year or
// labelled number). A postcode and town without a street count only with address context: an
// address label, a legal name or a country name around them, or a PO box.
#include <algorithm>
#include <set>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

// Where a town's sentence ends inside what a town pattern took: ". " after a word of four
// letters or more, followed by another word. Shorter words before a dot are abbreviations that
// belong to the town ("St. Ingbert", "Bad Neustadt a. d. Saale"). npos when none.
std::size_t sentence_end(std::string_view town) {
  for (std::size_t dot = town.find(". "); dot != std::string_view::npos; dot = town.find(". ", dot + 1)) {
    std::size_t word = dot;
    std::size_t letters = 0;
    while (word > 0 && town[word - 1] != ' ' && town[word - 1] != '-') {
      --word;
      if ((static_cast<unsigned char>(town[word]) & 0xC0) != 0x80) ++letters;
    }
    if (letters >= 4) return dot;
  }
  return std::string_view::npos;
}

struct Line {
  std::size_t begin, end;
};

std::vector<Line> lines_of(const std::string& text) {
  std::vector<Line> out;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t nl = text.find('\n', i);
    if (nl == std::string::npos) nl = text.size();
    out.push_back({i, nl});
    i = nl + 1;
  }
  return out;
}

struct Candidate {
  std::string country, postcode, town;
  std::size_t begin, end;  // absolute offsets of "postcode town" (or "town, postcode")
  const CountryPattern* pattern = nullptr;  // the country's pattern that found it
};

// Separators shops put between the parts of an address on one line. A multi-byte separator is
// removed whole, never byte by byte.
const char* const kSeparators[] = {",", ";", "|", "/", "-", ":", "\xC2\xB7" /* · */, "\xE2\x80\xA2" /* • */,
                                   "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */};

// The separator `s` ends with, or "" (the text is squeezed: no trailing space).
std::string trailing_separator(std::string_view s) {
  for (const char* sep : kSeparators) {
    std::string_view v(sep);
    if (s.size() >= v.size() && s.substr(s.size() - v.size()) == v) return std::string(v);
  }
  return {};
}

// The part of `seg` that could be a street: after the last label colon, without the
// separators that end it.
std::string street_part(std::string seg) {
  auto colon = seg.rfind(':');
  if (colon != std::string::npos) seg = seg.substr(colon + 1);
  // Only the last sentence: "… under company number 654321. Our registered office is at Unit 3,
  // Galway Technology Park" (a full stop after a number or lower-case word, before a capital;
  // "St. Stephen's Green", "Str. 5" do not end one).
  static const TextPattern sentence_end("(?<=[\\p{Ll}\\p{N}]{3})\\.\\s+(?=\\p{Lu})", false, "street sentence end");
  std::size_t cut = std::string::npos;
  for (const auto& m : sentence_end.find_all(seg)) cut = m.end;
  if (cut != std::string::npos) seg = seg.substr(cut);
  seg = squeeze(seg);
  for (std::string sep = trailing_separator(seg); !sep.empty() && sep != ":" && sep != "/"; sep = trailing_separator(seg)) {
    seg = squeeze(seg.substr(0, seg.size() - sep.size()));
    // A country prefix written before the postcode ("L-1855", "D-10115") belongs to it.
    if (sep == "-") {
      std::size_t k = seg.size();
      while (k > 0 && std::isupper(static_cast<unsigned char>(seg[k - 1]))) --k;
      if (seg.size() - k >= 1 && seg.size() - k <= 3 && (k == 0 || seg[k - 1] == ' ' || seg[k - 1] == ',')) {
        seg = squeeze(seg.substr(0, k));
      }
    }
  }
  return seg;
}

// The ways `part` may hold a street, shortest first: its last k parts (parts split at commas,
// semicolons and spaced dashes, bars and dots), and each of them without its last part (a
// floor or building after the street: "Hauptstraße 5, 2. OG", "Calle de Alcalá 50, 3º B").
std::vector<std::string> street_tries(const std::string& part) {
  std::vector<std::size_t> starts{0};    // where each part starts
  std::vector<std::size_t> ends;         // where each part ends (before its separator)
  for (std::size_t i = 0; i < part.size(); ++i) {
    std::size_t sep_len = 0;
    if (part[i] == ';' ||
        (part[i] == ',' && !(i > 0 && i + 1 < part.size() && std::isdigit(static_cast<unsigned char>(part[i - 1])) &&
                             std::isdigit(static_cast<unsigned char>(part[i + 1]))))) {
      // "32,40 €": a comma between digits is a decimal comma, not a separator.
      sep_len = 1;
    } else if (part[i] == ' ' && i + 2 < part.size()) {
      for (const char* sep : {"|", "-", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        std::string_view v(sep);
        if (part.compare(i + 1, v.size(), v) == 0 && i + 1 + v.size() < part.size() && part[i + 1 + v.size()] == ' ') {
          sep_len = 1 + v.size();
          break;
        }
      }
    }
    if (sep_len) {
      ends.push_back(i);
      starts.push_back(i + sep_len);
      i += sep_len - 1;
    }
  }
  ends.push_back(part.size());
  std::vector<std::string> out;
  std::size_t n = starts.size();
  for (std::size_t k = 1; k <= n; ++k) {
    std::size_t from = starts[n - k];
    out.push_back(squeeze(part.substr(from)));
    if (k >= 2) out.push_back(squeeze(part.substr(from, ends[n - 2] - from)));
  }
  return out;
}

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

std::size_t digit_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  return n;
}

std::string alternation(const std::vector<std::string>& words) {
  std::string a;
  for (const auto& w : words) a += (a.empty() ? "" : "|") + escape_regex(w);
  return a.empty() ? std::string("(?!)") : a;
}

// The patterns of this extractor, compiled once per lexicon.
struct AddressPatterns {
  const TextPattern& number_first;   // "12 rue …", "12, rue …", "151 O'Connor Street"
  const TextPattern& number_last;    // "Hauptstraße 5a", "Na Příkopě 15/1047", "Via Roma n. 10", ending the part
  const TextPattern& time;           // "9.00", "18:15"
  const TextPattern& labelled_phone; // "Tel. 030 …", "Fax: +43 …"
  const TextPattern& address_label;  // anywhere in a line
  const TextPattern& label_at_end;   // "… Sitz der Gesellschaft" right before the postcode
  const TextPattern& country_after;  // ", Belgique" after the town
  const TextPattern& country_line;   // a line that is a country name
  const TextPattern& capital;        // starts with a capital letter
  const TextPattern& embedded_number_first;  // a house number after a lower-case word of prose
};

AddressPatterns address_patterns(const SitePatterns& sp) {
  const Lexicon& lex = sp.lex;
  auto names = [&lex] {
    std::vector<std::string> v;
    for (const auto& [code, c] : lex.countries().items()) {
      for (const auto& n : c.value("names", nlohmann::json::array())) v.push_back(n.get<std::string>());
    }
    std::stable_sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return alternation(v);
  };
  // "5a", "12 B", "41/r" (Florence's red numbers of shops), "7-c".
  static const std::string house = "\\d{1,5}(?:\\s?-?[a-zA-Z](?![\\p{L}])|/[a-zA-Z](?![\\p{L}\\p{N}]))?";
  return AddressPatterns{
      sp.pattern("address.number_first",
                 [] {
                   return "^" + house + "(?:\\s?(?:bis|ter|quater))?(?:\\s*[-/]\\s*" + house + ")?,?\\s+\\p{L}";
                 },
                 false),
      sp.pattern("address.number_last",
                 [] {
                   return "\\p{L}[\\p{L}.'\\x{2019}\\-]*[.,]?\\s+(?:(?:Nr|No|n|č|nr)[.\\x{B0}\\x{BA}]?\\s*)?" + house +
                          "(?:\\s*[-/]\\s*" + house + "){0,3}(?:\\s?(?:bis|ter|quater))?(?:\\s+bte\\s?\\d{1,3})?\\.?" +
                          "(?:\\s*[\\x{BA}\\x{AA}\\x{B0}]\\s*\\p{L}?)?(?:\\s*\\([^()]{0,30}\\))?$";
                 },
                 false),
      sp.pattern("address.time", [] { return "(?<![\\p{N}.,/])(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?![\\p{N}.,/])"; }, false),
      sp.pattern("address.labelled_phone",
                 [&lex] {
                   std::vector<std::string> w = lex.list("phone_labels");
                   for (const auto& f : lex.list("fax_labels")) w.push_back(f);
                   return "(?<![\\p{L}\\p{N}])(?:" + alternation(w) + ")\\.?\\s*:?\\s*\\+?\\(?\\d";
                 }),
      sp.pattern("address.labels", [&lex] { return words_to_pattern(lex.list("address_labels")); }),
      sp.pattern("address.label_at_end", [&lex] { return words_to_pattern(lex.list("address_labels")) + "\\s*$"; }),
      sp.pattern("address.country_after",
                 [names] { return "^[\\s,;|\\-\\x{B7}\\x{2013}\\x{2014}(]*(?:" + names() + ")(?![\\p{L}])"; }),
      sp.pattern("address.country_line", [names] { return "^\\s*(?:" + names() + ")\\s*[.)]?\\s*$"; }),
      sp.pattern("address.capital", [] { return std::string("^\\p{Lu}"); }, false),
      sp.pattern("address.embedded_number_first",
                 [] { return std::string("(?<=\\p{Ll}\\s)\\d{1,5}[a-zA-Z]?(?:\\s?(?:bis|ter))?,?\\s+\\p{L}"); }, false),
  };
}

}  // namespace

namespace {

// Whether the (folded) context names the country: one pattern of its names, compiled once.
bool names_country(const std::string& code, const std::string& folded_ctx, const SitePatterns& sp) {
  return sp.pattern("address.country_names." + code, [&sp, &code] {
    std::vector<std::string> names;
    for (const auto& name : sp.lex.countries()[code].value("names", nlohmann::json::array())) {
      names.push_back(fold(name.get<std::string>()));
    }
    return names.empty() ? std::string("(?!)") : words_to_pattern(names);
  }).search(folded_ctx);
}

}  // namespace

// `named`: set when the context names the country picked.
std::string pick_country(const std::vector<std::string>& candidates, std::string_view context, const SitePatterns& sp,
                         const std::string& hint, const std::string& second_hint, bool* named) {
  *named = false;
  if (candidates.empty()) return {};
  std::string folded_ctx = fold(context);
  for (const auto& c : candidates) {
    if (names_country(c, folded_ctx, sp)) {
      *named = true;
      return c;
    }
  }
  for (const auto& h : {hint, second_hint}) {
    for (const auto& c : candidates) {
      if (!h.empty() && c == h) return c;
    }
  }
  return candidates.front();
}

void extract_addresses(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  auto lines = lines_of(text);
  const AddressPatterns ap = address_patterns(sp);
  std::string named_on_page;  // the country named at an ambiguous address of this page
  auto line_view = [&](std::size_t i) {
    return std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin);
  };
  // A street's shape: a house number leading or ending it, with a street word or suffix, or
  // (number last) a capitalised name that a bare year does not follow; never a phone, time,
  // e-mail, price or labelled number.
  auto plausible_street = [&](const std::string& t) -> std::string {
    // A street without a house number ("Chemin des Pardiaux", "Lieu-dit Le Bourg", "ZI des
    // Bruyères"): the line is a street word and a short capitalised name, nothing else.
    if (!has_digit(t)) {
      Match w;
      if (t.size() > 60 || t.find_first_of(":;|@()") != std::string::npos || !sp.street_word.search(t, &w) || w.begin != 0 ||
          w.end >= t.size() || t[w.end] != ' ' || !ap.capital.search(t)) {
        return {};
      }
      int words = 1, caps = 0;
      for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i - 1] != ' ' || t[i] == ' ') continue;
        ++words;
        if (ap.capital.search(std::string_view(t).substr(i))) ++caps;
      }
      return words >= 2 && words <= 6 && caps >= 1 ? t : std::string();
    }
    if (t.size() > 120 || digit_count(t) > 8) return {};
    if (t.find("\xC2\xA9") != std::string::npos || t.find("(c)") != std::string::npos ||
        t.find("\xE2\x82\xAC") != std::string::npos || t.find('@') != std::string::npos || t.find('%') != std::string::npos ||
        t.find("www.") != std::string::npos || t.find("://") != std::string::npos) {
      return {};
    }
    if (sp.not_phone_label.search(t) || sp.not_town.search(t) || ap.labelled_phone.search(t) || ap.time.search(t)) return {};
    auto worded = [&](std::string_view v) { return sp.street_word.search(v) || sp.street_suffix.search(v); };
    if (ap.number_first.search(t)) return worded(t) ? t : std::string();
    Match m;
    if (ap.number_last.search(t, &m)) {
      if (worded(t)) return t;
      // Shape alone: the word before the number is a capitalised name, the number no bare year.
      std::string_view tail = std::string_view(t).substr(m.begin);
      std::size_t sp_at = tail.find_first_of(" \t");
      std::string_view word = tail.substr(0, sp_at);
      std::string_view num = sp_at == std::string_view::npos ? std::string_view() : tail.substr(sp_at);
      while (!num.empty() && !std::isdigit(static_cast<unsigned char>(num.front()))) num.remove_prefix(1);
      while (!num.empty() && !std::isdigit(static_cast<unsigned char>(num.back()))) num.remove_suffix(1);
      if (!ap.capital.search(word)) return {};
      // An acronym before a number is a code, not a street: "UVP 32", "DIN 5746", "ISO 9001".
      if (word.size() <= 4 && std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
        return {};
      }
      if (num.size() == 4 && digit_count(num) == 4 &&
          (num.substr(0, 2) == "18" || num.substr(0, 2) == "19" || num.substr(0, 2) == "20")) {
        return {};
      }
      return t;
    }
    // Prose leading to a number-first street: "dont le siège est situé au 12 cours de
    // l'Intendance", "located at 27 Old Street".
    Match e;
    std::size_t at = std::string::npos;
    for (std::size_t from = 0; ap.embedded_number_first.search_from(t, from, &e); from = e.end) at = e.begin;
    if (at != std::string::npos && at > 0) {
      std::string sub = t.substr(at);
      if (ap.number_first.search(sub) && worded(sub)) return sub;
    }
    return {};
  };
  std::set<std::string> seen;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    std::string_view line = line_view(li);
    if (line.size() < 6 || line.size() > 2000) continue;
    // Every postcode system in countries.json has digits: a line without one holds no address.
    // (The same \d as the postcode patterns, so digits of other scripts count as they do there.)
    // (Irish addresses may have no Eircode: countries.json postcode_optional.)
    const bool digits = sp.digit.search(line);
    // All countries whose pattern matches, grouped by position.
    std::vector<Candidate> found;
    for (const auto& cp : sp.countries) {
      if (!digits) {
        // Only the lines naming a county ("Co. Mayo") are worth the pattern's time.
        if (!cp.optional) continue;
        if (std::none_of(cp.county_words.begin(), cp.county_words.end(),
                         [&line](const std::string& w) { return line.find(w) != std::string_view::npos; })) {
          continue;
        }
      }
      for (auto m : cp.postcode.find_all(line)) {
        Candidate c;
        c.country = cp.code;
        // A town after its postcode ends with its sentence: "20457 Hamburg. Geöffnete
        // Packungen…" names Hamburg (German nouns are capitalised like towns).
        const std::size_t town_group = cp.town_first ? 0 : 1;
        if (!cp.town_first && m.matched(town_group)) {
          auto& [tb, te] = m.groups[town_group];
          std::size_t cut = sentence_end(line.substr(tb, te - tb));
          if (cut != std::string_view::npos) {
            if (m.end == te) m.end = tb + cut;
            te = tb + cut;
          }
        }
        c.postcode = squeeze(m.group(line, cp.town_first ? 1 : 0));
        c.town = squeeze(m.group(line, town_group));
        c.begin = lines[li].begin + m.begin;
        c.end = lines[li].begin + m.end;
        c.pattern = &cp;
        found.push_back(c);
      }
    }
    if (found.empty()) continue;
    std::vector<bool> used(found.size(), false);
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (used[i]) continue;
      std::vector<std::string> codes;
      std::size_t best = i;
      for (std::size_t j = i; j < found.size(); ++j) {
        if (found[j].begin < found[i].end && found[i].begin < found[j].end) {
          used[j] = true;
          codes.push_back(found[j].country);
        }
      }
      std::string ctx(line);
      // The next line counts only when it is short enough to be the country's own ("France",
      // "Deutschland"): a next address's "…, Allemagne" names another country.
      if (li + 1 < lines.size() && line_view(li + 1).size() <= 40) ctx += " " + std::string(line_view(li + 1));
      // After the page's own country, a country named at an earlier ambiguous address of the
      // page ("10412 Tallinn⏎Estonia") decides the ambiguous ones after it ("93813 Kuressaare").
      bool named = false;
      std::string country = pick_country(codes, ctx, sp, pc.country, named_on_page, &named);
      if (codes.size() > 1 && named) named_on_page = country;
      for (std::size_t j = i; j < found.size(); ++j) {
        if (used[j] && found[j].country == country && found[j].begin < found[i].end && found[i].begin < found[j].end) best = j;
      }
      Candidate c = found[best];
      // A loose pattern (countries.json postcode_needs_country) counts on that country's pages
      // or with the country named: "DIN ISO 5746" is no Maltese postcode on a German page.
      if (c.pattern->needs_country && pc.country != c.country && !names_country(c.country, fold(ctx), sp)) {
        continue;
      }
      // "14 Main Street, Dingle, Co. Kerry, V92 R2X6": the county (countries.json
      // "county_words") stands between the town and a town-first postcode; the town is the part
      // before it, the county no part of the street.
      if (const auto& info = sp.lex.countries()[c.country]; info.contains("county_words")) {
        const TextPattern& county = sp.pattern("address.county." + c.country, [&info] {
          std::string alt;
          for (const auto& w : info["county_words"]) alt += (alt.empty() ? "" : "|") + escape_regex(w.get<std::string>());
          return "(?:^|[,;]\\s*)(\\p{Lu}[\\p{L}'\\-]+(?:\\s\\p{Lu}[\\p{L}'\\-]+){0,2})\\s*,\\s*(?:" + alt + ")\\s+$";
        }, false);
        std::string_view head = std::string_view(text).substr(lines[li].begin, c.begin - lines[li].begin);
        Match cm;
        if (county.search(head, &cm) && cm.matched(0)) {
          c.town = squeeze(cm.group(head, 0));
          c.begin = lines[li].begin + cm.groups[0].first;
        }
      }
      // "Westport⏎Co. Mayo⏎Ireland": an Irish county line alone (countries.json) takes its town
      // from the line above, a short capitalised line without digits; the street is looked for
      // above that (up to two lines up from the county line, as for every postcode line).
      if (c.country == "IE" && c.town.empty() && c.postcode.empty()) {
        if (li == 0) continue;
        std::string above = squeeze(line_view(li - 1));
        if (above.empty() || above.size() > 30 || has_digit(above) || !ap.capital.search(above) ||
            above.find_first_of(":;|@") != std::string::npos) {
          continue;
        }
        c.town = above;
      }
      if (c.town.empty() && c.country != "GB" && c.country != "IE") continue;
      if (sp.not_town.search(c.town)) continue;
      // "Bestellnr. 12345", "HRB 12345 Amtsgericht Köln": a labelled number is no postcode.
      {
        std::size_t lead_from = c.begin > lines[li].begin + 24 ? c.begin - 24 : lines[li].begin;
        if (sp.not_phone_label.search(std::string_view(text).substr(lead_from, c.begin - lead_from))) continue;
      }

      // Street: same line before the postcode, else up to two lines above.
      std::string street;
      bool po_box = false;
      std::size_t ev_begin = c.begin;
      auto consider = [&](std::size_t seg_begin, std::size_t seg_end) -> bool {
        std::string part = street_part(text.substr(seg_begin, seg_end - seg_begin));
        if (part.empty()) return false;
        for (const auto& t : street_tries(part)) {
          if (sp.po_box.search(t)) {
            po_box = true;
            if (street.empty()) ev_begin = seg_begin;
            continue;
          }
          if (std::string st = plausible_street(t); !st.empty()) {
            street = st;
            ev_begin = seg_begin;
            return true;
          }
        }
        return false;
      };
      bool same_line = consider(lines[li].begin, c.begin);
      bool same_line_box = po_box;
      bool got = same_line;
      for (std::size_t back = 1; !got && back <= 2 && li >= back; ++back) {
        const Line& pl = lines[li - back];
        if (pl.end - pl.begin > 200) break;
        got = consider(pl.begin, pl.end);
      }
      // Hungarian and some Polish and Czech notices write the street after the town
      // ("8237 Tihany, Kossuth Lajos utca 21."): the part after the town on its line.
      std::size_t ev_end = c.end;
      if (street.empty() && !po_box) {
        std::string_view rest = std::string_view(text).substr(c.end, lines[li].end - c.end);
        std::size_t k = 0;
        while (k < rest.size() && (rest[k] == ' ' || rest[k] == ',' || rest[k] == ';')) ++k;
        if (k > 0 && k < rest.size()) {
          std::size_t stop = rest.find_first_of(",;|(", k);
          std::string_view cand = rest.substr(k, stop == std::string_view::npos ? std::string_view::npos : stop - k);
          if (std::string st = plausible_street(squeeze(cand)); !st.empty()) {
            street = st;
            ev_end = c.end + k + cand.size();
          }
        }
      }
      if (!street.empty()) po_box = false;  // a street beside a PO box is an address

      // Where the postcode stands: at the start of its line, right after the street or PO box,
      // after a separator or label colon that no number precedes ("2011-2026", "0830 – 1815"),
      // or after an address label. "Seit 1998 Qualität", "© 2024 Maison", "bis 1800 Uhr" are not.
      {
        std::string prefix = squeeze(std::string_view(text).substr(lines[li].begin, c.begin - lines[li].begin));
        bool placed = prefix.empty() || same_line || same_line_box;
        if (!placed) {
          std::string sep = trailing_separator(prefix);
          if (!sep.empty()) {
            std::string before = squeeze(std::string_view(prefix).substr(0, prefix.size() - sep.size()));
            placed = before.empty() || !std::isdigit(static_cast<unsigned char>(before.back()));
          } else {
            placed = ap.label_at_end.search(prefix);
          }
        }
        if (!placed) continue;
        // Letters glued by a hyphen before the postcode are a country prefix ("D-10115",
        // "CZ-110 00") only when they are the country's: "Hoja V-178204" is a register sheet.
        std::size_t k = prefix.size();
        if (k >= 2 && prefix[k - 1] == '-' && std::isalpha(static_cast<unsigned char>(prefix[k - 2]))) {
          std::size_t a = k - 1;
          while (a > 0 && std::isalpha(static_cast<unsigned char>(prefix[a - 1]))) --a;
          std::string letters = prefix.substr(a, k - 1 - a);
          const auto& info = sp.lex.countries()[c.country];
          bool ours = letters == c.country;
          for (const auto& pfx : info.value("postal_prefixes", nlohmann::json::array())) ours = ours || pfx == letters;
          if (!ours) continue;
        }
      }

      // A postcode and town alone need address context: an address label or a legal name on
      // their line or the three above, or a country name after the town.
      if (street.empty() && !po_box) {
        bool context = false;
        std::string_view same = std::string_view(text).substr(lines[li].begin, c.begin - lines[li].begin);
        context = ap.address_label.search(same) || sp.legal_form.search(same);
        for (std::size_t back = 1; !context && back <= 3 && li >= back; ++back) {
          std::string_view above = line_view(li - back);
          if (above.size() > 200) break;
          context = ap.address_label.search(above) || sp.legal_form.search(above);
        }
        if (!context) context = ap.country_after.search(std::string_view(text).substr(c.end, lines[li].end - c.end));
        if (!context && li + 1 < lines.size()) context = ap.country_line.search(line_view(li + 1));
        if (!context) continue;
      }
      std::string value = street.empty() ? "" : street + ", ";
      if (street.empty() && po_box) {
        // Quote the PO box line itself.
        std::size_t pl = ev_begin;
        std::string seg = street_part(text.substr(pl, c.begin > pl ? c.begin - pl : 0));
        if (seg.empty()) seg = street_part(text.substr(pl, text.find('\n', pl) - pl));
        value = seg + ", ";
      }
      value += c.postcode.empty() ? c.town : c.postcode + " " + c.town;  // an Irish town without its Eircode
      if (!seen.insert(value).second) continue;

      Fact f;
      f.type = "address";
      f.attrs = site_attrs(pc, c.begin);
      f.attrs["value"] = value;
      f.attrs["street"] = street;
      f.attrs["postcode"] = c.postcode;
      f.attrs["town"] = c.town;
      f.attrs["country"] = country;
      f.attrs["po_box"] = street.empty() && po_box;
      f.attrs["complete"] = !street.empty();
      // Whose address it is: the labels above it, and one on its own line before the street
      // ("Hébergeur : Shopify Inc., 151 O'Connor Street, …" is the host's, not the trader's).
      std::size_t party_at = ev_begin;
      if (!street.empty()) {
        std::size_t at = text.find(street, ev_begin);
        if (at != std::string::npos && at < c.begin) party_at = at;
      }
      // Labels inside the street's segment count too ("Payments are processed by Stripe …, 1 Grand
      // Canal Street Lower, D02 H210 Dublin"): the party is read at the postcode.
      (void)party_at;
      set_party(f, extract::party_at(*pc.doc, c.begin, c.end, sp.parties, sp.legal_form));
      f.attrs["source"] = "text";
      f.evidence = web_evidence(pc, ev_begin, ev_end,
                                street.empty() ? (po_box ? "PO box, not a geographic address" : "postcode and town without street")
                                               : "geographic address");
      f.source = pc.page->final_url;
      f.begin = ev_begin;
      f.end = ev_end;
      out.add(std::move(f));
    }
  }
}

}  // namespace omnicheck::extract

// Telephone numbers through libphonenumber's matcher (the same metadata telecom operators
// publish), keeping each number's type so call-cost rules can tell premium from geographic.
//
// A number is a fact only when its shape and its context agree:
//  * shape: valid for its region (libphonenumber), and written like a phone number: with "+"
//    and a country code, or grouped the way the number is grouped (its area code apart), or a
//    vanity number whose letters give a valid number;
//  * context: a phone or fax label before it (same line, or a label alone on the line above),
//    a label after it ("089 123 8447 (Fax)"), a pictogram (☎ 📞), a tel: link to it, or the
//    grouping above. The nearest label decides: a register, order, IBAN or capital label
//    ("SIREN", "Bestellnummer", "IBAN", "capital") makes it another kind of number, and
//    shapes of other numbers (IP addresses, year ranges, times, dates, ZIP+4, amounts next
//    to a currency) are never phones.
// The region: "+CC" as written; else a country named next to the number ("Belgique :",
// "aus Österreich:", "US & Canada:", "CH:"); else the page's country; else, where a label
// or a tel: link says it is a phone, or it is grouped exactly as a phone, the one plausible
// region (EU, EFTA, UK, North America) where the digits make a valid number.
#include <glib.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "extract/extractors.h"
#include "extract/phone_number_scan.h"
#include "extract/phone_types.h"
#include "extract/register_ids.h"
#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

std::string e164_of(const PhoneNumber& n) {
  std::string s;
  util().Format(n, PhoneNumberUtil::E164, &s);
  return s;
}

std::string alternation(const std::vector<std::string>& words, bool spaces_flexible = true) {
  std::string alt;
  for (const auto& w : words) {
    if (w.empty()) continue;
    if (!alt.empty()) alt += '|';
    for (char c : escape_regex(w)) alt += (c == ' ' && spaces_flexible) ? std::string("\\s+") : std::string(1, c);
  }
  return alt.empty() ? "(?!)" : alt;
}

// ---- the patterns, compiled once per audit ----

struct PhonePatterns {
  const TextPattern* phone;      // phone labels and pictograms
  const TextPattern* fax;        // fax labels and the fax pictogram
  const TextPattern* other;      // labels of other kinds of numbers (caseless words)
  const TextPattern* compound;   // "Auftragsnummer", "Katalognummer": a number that is no phone
  const TextPattern* short_phone;  // "T:", "P.", "M " right before the number
  const TextPattern* short_fax;    // "F:", "F "
  const TextPattern* both;       // "Tel./Fax", "Telefon und Fax", "Fax/Tel"
  const TextPattern* country;    // country names as written (case-sensitive), group per name
  const TextPattern* iso;        // "CH:", "(AT)"
  const TextPattern* vanity;     // digits then capital letters: "1-800-FLOWERS", "0800-SHOPPEN"
  const TextPattern* grouped;    // a phone-like grouping anywhere on a line
  const TextPattern* currency_after;
  const TextPattern* currency_before;
  std::vector<std::string> country_codes;  // region of each alternative of `country`, in order
  std::vector<std::string> names;          // the names, same order
  std::vector<std::string> plausible;
  std::set<std::string> glue_words;        // folded words a number may be glued to
};

// Built per page from patterns SitePatterns compiles once per audit (cheap look-ups after that).
PhonePatterns phone_patterns(const SitePatterns& sp) {
  PhonePatterns pp;
  PhonePatterns* p = &pp;
  const Lexicon& lex = sp.lex;
  static const char* kPictograms = "\xE2\x98\x8E|\xE2\x98\x8F|\xF0\x9F\x93\x9E|\xF0\x9F\x93\xB1|\xE2\x9C\x86|\xF0\x9F\x95\xBF|"
                                   "\xF0\x9F\x95\xBB|\xE2\x84\xA1";  // ☎ ☏ 📞 📱 ✆ 🕿 🕻 ℡
  p->phone = &sp.pattern("phone.labels", [&] {
    return "(?:" + words_to_pattern(lex.list("phone_labels")) + "|" + kPictograms + ")";
  });
  p->fax = &sp.pattern("phone.fax_labels", [&] {
    return "(?:" + words_to_pattern(lex.list("fax_labels")) + "|\xF0\x9F\x93\xA0)";  // 📠
  });
  p->other = &sp.pattern("phone.not_phone_words", [&] {
    return "(?:" + words_to_pattern(lex.list("not_phone_words")) + "|§|©|\\bn[°º]\\s*(?=[\\s:.#]*$)|#)";
  });
  p->compound = &sp.pattern("phone.compound_number_words", [] {
    // German and Dutch compounds ending in "nummer"/"nr." whose first part is no phone word.
    return std::string(
        "(?<![\\p{L}\\p{N}])(?!(?:tel|fon|ruf|fax|service|hotline|kontakt|mobil|handy|notruf|durchwahl|zentrale|"
        "sammel|kunden(?:service|dienst)|bestellhotline|info|telefoon|faxnummer))\\p{L}{3,}(?:-?nummer|-?nr\\.?)"
        "(?![\\p{L}\\p{N}])");
  });
  p->short_phone = &sp.pattern("phone.short_phone", [] {
    return std::string("(?<![\\p{L}\\p{N}])(?:T|P|M|Ph|Mob|Tlf|Tel|Tél|Fon)\\s*[.:]?\\s*$");
  }, false);
  p->short_fax = &sp.pattern("phone.short_fax", [] { return std::string("(?<![\\p{L}\\p{N}])(?:F|Fx)\\s*[.:]?\\s*$"); },
                             false);
  p->both = &sp.pattern("phone.both", [&] {
    std::string ph = "(?:" + alternation(lex.list("phone_labels")) + ")";
    std::string fx = "(?:" + alternation(lex.list("fax_labels")) + ")";
    std::string join = "\\.?\\s*(?:/|&|\\+|,|-|und|and|et|a|i|y|e|en|oder|or|ou|ou\\s+par)\\s*";
    return "(?<![\\p{L}\\p{N}])(?:" + ph + join + fx + "|" + fx + join + ph + ")(?![\\p{L}\\p{N}])";
  });

  // Country names: countries.json, then phone_region_words.
  std::vector<std::pair<std::string, std::string>> named;  // name, region
  for (const auto& [code, c] : lex.countries().items()) {
    for (const auto& n : c.value("names", nlohmann::json::array())) named.emplace_back(n.get<std::string>(), code);
  }
  const nlohmann::json& raw = lex.raw();
  if (raw.contains("common") && raw["common"].contains("phone_region_words")) {
    for (const auto& [code, words] : raw["common"]["phone_region_words"].items()) {
      for (const auto& w : words) named.emplace_back(w.get<std::string>(), code);
    }
  }
  std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [n, code] : named) {
    p->names.push_back(n);
    p->country_codes.push_back(code);
  }
  p->country = &sp.pattern("phone.country_names", [&] {
    std::string alt;
    for (const auto& n : p->names) alt += (alt.empty() ? "(" : "|(") + alternation({n}) + ")";
    return "(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])";
  }, false);
  p->plausible = lex.list("phone_plausible_regions");
  p->iso = &sp.pattern("phone.iso_codes", [&] {
    return "(?<![\\p{L}\\p{N}])(" + alternation(p->plausible) + "|UK)(?=\\s*[:)\\]])";
  }, false);
  p->vanity = &sp.pattern("phone.vanity", [] {
    return std::string(
        "(?<![\\p{L}\\p{N}+])(?:\\+\\d{1,3}[ .\\-]?|1[ .\\-]|\\(?0|8\\d\\d(?=[ .\\-]))(?:\\(?\\d{1,4}\\)?[ .\\-/]?){0,3}"
        "(?<=[ .\\-/\\d])([A-Z]{2,}(?:[.\\-]?[A-Z0-9]+)*)"
        "(?![\\p{L}\\p{N}])");
  }, false);
  p->grouped = &sp.pattern("phone.grouped", [] {
    return std::string(
        "(?<![\\p{L}\\p{N}])(?:\\+|\\(\\d{2,5}\\)\\s?\\d{2,4}[ .\\-]\\d{2,4}|\\d{1,2}-\\d{3}-\\d{3}-\\d{4}|"
        "0\\d{1,4}[ .\\-/]+\\d{2,4}[ .\\-]\\d{2,4}|\\d{2,4}[ .\\-]\\d{2,4}[ .\\-]\\d{2,4}[ .\\-]\\d{2,4})");
  }, false);
  p->currency_after = &sp.pattern("phone.currency_after", [] {
    // The cents may stand between the number and its currency ("1.649,00 €*", "12.50 EUR").
    return std::string("^(?:[.,]\\d{1,2}|[.,]-)?\\s?(?:€|£|\\$|EUR|euros?|Kč|CZK|zł|PLN|CHF|USD|GBP|Ft|HUF|kr|Sk|,-)(?![\\p{L}])");
  });
  p->currency_before = &sp.pattern("phone.currency_before", [] {
    return std::string("(?:€|£|\\$|EUR|CZK|Kč|CHF|USD|GBP|PLN)\\s?$");
  });
  for (const char* key : {"phone_labels", "fax_labels"}) {
    for (const auto& w : lex.list(key)) {
      if (w.find(' ') == std::string::npos) p->glue_words.insert(fold(w));
    }
  }
  for (const char* w : {"fax", "tel", "tél", "mail", "e-mail", "email", "www", "web", "internet", "ust", "hrb", "iban", "bic",
                        "mob", "mobil", "fon", "telefon", "phone"}) {
    p->glue_words.insert(fold(w));
  }
  return pp;
}

// ---- numbers glued to words: "+49 89 123 3900Fax:", "Tel.0221 1234567E-Mail", "Telefon0221 …" ----

struct Unglued {
  std::string text;
  std::vector<std::size_t> inserted;  // offsets in `text` of the spaces added
  std::size_t original(std::size_t pos) const {
    return pos - static_cast<std::size_t>(std::lower_bound(inserted.begin(), inserted.end(), pos) - inserted.begin());
  }
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The letters (and inner hyphens) from `pos` on, at most 16 bytes.
std::string word_after(std::string_view text, std::size_t pos) {
  std::size_t e = pos;
  while (e < text.size() && e - pos < 16) {
    gunichar c = g_utf8_get_char_validated(text.data() + e, static_cast<gssize>(text.size() - e));
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) break;
    if (!(g_unichar_isalpha(c) || (c == '-' && e > pos))) break;
    e = static_cast<std::size_t>(g_utf8_next_char(text.data() + e) - text.data());
  }
  return std::string(text.substr(pos, e - pos));
}

std::string word_before(std::string_view text, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && pos - b < 16) {
    const char* prev = g_utf8_find_prev_char(text.data(), text.data() + b);
    if (!prev) break;
    gunichar c = g_utf8_get_char_validated(prev, static_cast<gssize>(text.data() + b - prev));
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2) || !g_unichar_isalpha(c)) break;
    b = static_cast<std::size_t>(prev - text.data());
  }
  return std::string(text.substr(b, pos - b));
}

bool has_lower(const std::string& w) {
  for (const char* p = w.c_str(); *p; p = g_utf8_next_char(p)) {
    if (g_unichar_islower(g_utf8_get_char(p))) return true;
  }
  return false;
}

bool starts_with_glue_word(const std::string& folded, const std::set<std::string>& words) {
  for (const auto& w : words) {
    if (folded.rfind(w, 0) == 0) return true;
  }
  return false;
}

Unglued unglue(const std::string& text, const PhonePatterns& pp) {
  Unglued u;
  u.text.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i > 0 && is_ascii_digit(c) && !is_ascii_digit(text[i - 1]) && (static_cast<unsigned char>(text[i - 1]) >= 0x80 ||
                                                                          std::isalpha(static_cast<unsigned char>(text[i - 1])))) {
      // A phone or fax label glued to the digits that follow: "Telefon0221 1234567".
      std::string w = word_before(text, i);
      if (!w.empty() && pp.glue_words.count(fold(w))) {
        u.inserted.push_back(u.text.size());
        u.text += ' ';
      }
    }
    u.text += c;
    if (is_ascii_digit(c) && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) >= 0x80 || std::isalpha(static_cast<unsigned char>(text[i + 1])))) {
      // A word glued after digits: "3900Fax:", "1234567E-Mail". Extension marks ("x12",
      // "ext.") and vanity letters ("0800FLOWERS") stay as they are.
      std::string w = word_after(text, i + 1);
      std::string f = fold(w);
      if (w.size() >= 2 && f != "ext" && f != "extn" && f.rfind("x", 0) != 0 &&
          (has_lower(w) || starts_with_glue_word(f, pp.glue_words))) {
        u.inserted.push_back(u.text.size());
        u.text += ' ';
      }
    }
  }
  return u;
}

// ---- grouping ----

// Where the digit groups of `raw` end inside the national significant number (offsets from
// its start, its end excluded), and the same for libphonenumber's international format.
struct Grouping {
  std::vector<std::size_t> written, formatted;
  bool bracketed_area = false;  // "(212) 555-0147", "(0)30 …" aside
};

std::optional<Grouping> grouping(const std::string& raw, const PhoneNumber& number) {
  std::string nsn;
  util().GetNationalSignificantNumber(number, &nsn);
  std::string intl;
  util().Format(number, PhoneNumberUtil::INTERNATIONAL, &intl);
  intl = intl.substr(0, intl.find(" ext"));
  Grouping g;
  // The formatted groups after the country code.
  {
    std::size_t sp = intl.find(' ');
    std::size_t count = 0;
    bool in = false;
    for (std::size_t i = sp == std::string::npos ? 0 : sp + 1; i < intl.size(); ++i) {
      if (is_ascii_digit(intl[i])) {
        ++count;
        in = true;
      } else if (in) {
        if (count < nsn.size()) g.formatted.push_back(count);
        in = false;
      }
    }
  }
  std::string digits;
  std::vector<std::size_t> ends;  // digit counts at each group end
  bool in = false;
  std::size_t open_paren = std::string::npos;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (is_ascii_digit(c)) {
      digits += c;
      in = true;
    } else {
      if (in) ends.push_back(digits.size());
      in = false;
      if (c == '(') open_paren = digits.size();
      if (c == ')' && open_paren != std::string::npos && digits.size() - open_paren >= 2) g.bracketed_area = true;
    }
  }
  std::size_t at = digits.rfind(nsn);
  if (at == std::string::npos) {
    // An extension follows the number: the first occurrence then.
    at = digits.find(nsn);
    if (at == std::string::npos) return std::nullopt;
  }
  for (std::size_t e : ends) {
    if (e > at && e < at + nsn.size()) g.written.push_back(e - at);
  }
  return g;
}

bool subset(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  for (std::size_t x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) return false;
  }
  return true;
}

// Grouped as phone numbers are: every written group boundary is one of the formatted ones
// (or the area code is bracketed), with at least `min_groups` boundaries.
bool strict_grouping(const std::string& raw, const PhoneNumber& n, std::size_t min_boundaries) {
  auto g = grouping(raw, n);
  if (!g || g->written.size() < min_boundaries) return false;
  return g->bracketed_area || subset(g->written, g->formatted);
}

// The area code (first formatted group) stands apart, whatever the grouping after it.
bool phone_like_grouping(const std::string& raw, const PhoneNumber& n) {
  auto g = grouping(raw, n);
  if (!g || g->written.empty()) return false;
  if (g->bracketed_area || g->formatted.empty() || subset(g->written, g->formatted)) return true;
  if (g->written.front() == g->formatted.front()) return true;
  // Service numbers are written with their tariff digit on the prefix ("01806 55 42 10",
  // "0180 6…" formatted): the first group one digit longer than libphonenumber's.
  switch (util().GetNumberType(n)) {
    case PhoneNumberUtil::SHARED_COST: case PhoneNumberUtil::PREMIUM_RATE: case PhoneNumberUtil::TOLL_FREE:
    case PhoneNumberUtil::UAN:
      return g->written.front() == g->formatted.front() + 1;
    default:
      return false;
  }
}

// ---- context ----

enum class Label { none, phone, fax, both, other };

struct Context {
  Label label = Label::none;
  bool pictogram_or_label = false;  // a phone or fax label applies
};

bool blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != ':' && c != '.' && c != '-' && c != '(' && c != ')' && c != '\r') {
      if (static_cast<unsigned char>(c) == 0xC2 || static_cast<unsigned char>(c) == 0xA0) continue;  // NBSP
      return false;
    }
  }
  return true;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_digit(c); });
}

struct LabelHit {
  std::size_t begin = 0, end = 0;
  Label kind = Label::none;
};

// The labels in `s`, each with its kind.
std::vector<LabelHit> labels_in(std::string_view s, const SitePatterns& sp, const PhonePatterns& pp) {
  std::vector<LabelHit> hits;
  for (const auto& m : pp.phone->find_all(s)) hits.push_back({m.begin, m.end, Label::phone});
  for (const auto& m : pp.fax->find_all(s)) hits.push_back({m.begin, m.end, Label::fax});
  for (const auto& m : pp.both->find_all(s)) hits.push_back({m.begin, m.end, Label::both});
  for (const auto& m : pp.other->find_all(s)) hits.push_back({m.begin, m.end, Label::other});
  for (const auto& m : pp.compound->find_all(s)) hits.push_back({m.begin, m.end, Label::other});
  for (const auto& m : sp.not_phone_label.find_all(s)) hits.push_back({m.begin, m.end, Label::other});
  return hits;
}

// The label that governs a number starting at `begin`: the nearest before it on its line
// (a phone or fax label only while no other number stands between; a label of another kind
// of number until a separator after digits: "HRB 12345, 030 1234567"), else a label alone on
// the line above, else a label right after it ("089 123 8447 (Fax)") not followed by a
// number of its own.
Label label_for(std::string_view t, std::size_t begin, std::size_t end, std::size_t prev_number_end,
                const SitePatterns& sp, const PhonePatterns& pp) {
  std::size_t ls = line_begin(t, begin);
  std::size_t from = utf8_floor(t, std::max(ls, begin > 60 ? begin - 60 : 0));
  std::string_view before = t.substr(from, begin - from);
  auto hits = labels_in(before, sp, pp);
  const LabelHit* best = nullptr;
  for (const auto& h : hits) {
    if (!best || h.end > best->end || (h.end == best->end && h.begin < best->begin) ||
        (h.end == best->end && h.begin == best->begin && h.kind == Label::phone)) {
      best = &h;
    }
  }
  // Short forms right before the number ("T: … F: …"), unless part of a longer label.
  Match sm;
  if (pp.short_fax->search(before, &sm) && (!best || sm.begin >= best->end)) return Label::fax;
  if (pp.short_phone->search(before, &sm) && (!best || sm.begin >= best->end)) return Label::phone;
  if (best) {
    std::string_view between = before.substr(best->end);
    std::size_t label_abs_end = from + best->end;
    if (best->kind == Label::other) {
      // Cut by a separator after digits: the label named an earlier number.
      bool cut = false, digits = false;
      for (std::size_t i = 0; i < between.size(); ++i) {
        if (is_ascii_digit(between[i])) digits = true;
        else if (digits && (between[i] == ',' || between[i] == ';' || between[i] == '|' ||
                            between.substr(i).rfind("\xE2\x80\x93", 0) == 0 || between.substr(i).rfind("\xE2\x80\x94", 0) == 0 ||
                            between.substr(i).rfind("\xC2\xB7", 0) == 0 || between.substr(i).rfind("\xE2\x80\xA2", 0) == 0))
          cut = true;
      }
      if (!cut) return Label::other;
    } else if (prev_number_end <= label_abs_end) {
      return best->kind;
    }
  }
  // A label alone on the line above ("Téléphone" / "01 42 68 53 00").
  if (blank(t.substr(ls, begin - ls)) && ls > 0) {
    std::size_t pls = line_begin(t, ls - 1);
    std::string_view prev = t.substr(pls, ls - 1 - pls);
    if (!prev.empty() && prev.size() <= 40 && !has_digit(prev)) {
      for (const auto& h : labels_in(prev, sp, pp)) {
        if (blank(prev.substr(0, h.begin)) && blank(prev.substr(h.end))) return h.kind;
      }
    }
  }
  // A label after the number, with no number of its own after it.
  std::size_t le = line_end(t, end);
  std::string_view after = t.substr(end, std::min<std::size_t>(le - end, 40));
  std::size_t skip = 0;
  while (skip < after.size() && (after[skip] == ' ' || after[skip] == '(' || after[skip] == '[')) ++skip;
  for (const auto& h : labels_in(after, sp, pp)) {
    if (h.begin != skip || h.kind == Label::other) continue;
    std::string_view rest = after.substr(h.end);
    std::size_t k = 0;
    while (k < rest.size() && (rest[k] == ' ' || rest[k] == ':' || rest[k] == '.' || rest[k] == ')' || rest[k] == ']')) ++k;
    if (k < rest.size() && (is_ascii_digit(rest[k]) || rest[k] == '+' || rest[k] == '(')) return Label::none;
    return h.kind;
  }
  // A table row written number first ("<td>0471 97 31 26</td><td>Fax</td>", "275 310 489 /
  // (fax)"): the number alone on its line, a label alone on the next, and no number after that
  // label for it to introduce instead ("Fax" / "0471 97 31 27" labels the next number).
  if (blank(t.substr(ls, begin - ls)) && blank(t.substr(end, le - end)) && le < t.size()) {
    std::size_t nls = le + 1, nle = line_end(t, nls);
    std::string_view next = t.substr(nls, nle - nls);
    if (!next.empty() && next.size() <= 40 && !has_digit(next)) {
      for (const auto& h : labels_in(next, sp, pp)) {
        if (h.kind == Label::other) continue;
        std::string_view lead = next.substr(0, h.begin), tail = next.substr(h.end);
        auto only_punct = [](std::string_view v) {
          return std::all_of(v.begin(), v.end(), [](char c) { return c == ' ' || c == '(' || c == ')' || c == ':' || c == '.'; });
        };
        if (!only_punct(lead) || !only_punct(tail)) continue;
        std::size_t after_label = nle < t.size() ? nle + 1 : nle;
        std::size_t k = after_label;
        while (k < t.size() && (t[k] == ' ' || t[k] == '\n')) ++k;
        if (k < t.size() && (is_ascii_digit(t[k]) || t[k] == '+' || t[k] == '(')) return Label::none;
        return h.kind;
      }
    }
  }
  return Label::none;
}

// A country named right before the number ("Belgique : ", "aus Österreich: ", "US & Canada: ",
// "CH: ", "from the USA on "): at most 40 bytes between, no digits, no sentence end.
std::string named_region(std::string_view t, std::size_t begin, const PhonePatterns& pp) {
  std::size_t ls = line_begin(t, begin);
  std::size_t from = utf8_floor(t, std::max(ls, begin > 70 ? begin - 70 : 0));
  std::string_view before = t.substr(from, begin - from);
  std::string region;
  std::size_t best_end = 0;
  bool found = false;
  for (const auto& m : pp.country->find_all(before)) {
    if (found && m.end <= best_end) continue;
    for (std::size_t g = 0; g < pp.names.size(); ++g) {
      if (m.matched(g)) {
        region = pp.country_codes[g];
        best_end = m.end;
        found = true;
        break;
      }
    }
  }
  for (const auto& m : pp.iso->find_all(before)) {
    if (found && m.end <= best_end) continue;
    std::string code(before.substr(m.begin, m.end - m.begin));
    region = code == "UK" ? "GB" : code;
    best_end = m.end;
    found = true;
  }
  if (!found) return {};
  std::string_view between = before.substr(best_end);
  if (between.size() > 40 || has_digit(between)) return {};
  for (std::size_t i = 0; i + 1 < between.size(); ++i) {
    if ((between[i] == '.' || between[i] == '!' || between[i] == '?') && between[i + 1] == ' ') return {};
  }
  return region;
}

bool is_digit_or_dot(char c) { return is_ascii_digit(c) || c == '.'; }

// Shapes of numbers that are no phone whatever their context.
bool other_number_shape(std::string_view t, std::size_t begin, std::size_t end, const std::string& raw,
                        const PhonePatterns& pp) {
  static const TextPattern year_range("^(?:19|20)\\d\\d\\s*[-–—/]\\s*(?:19|20)\\d\\d$", false, "year range");
  static const TextPattern time_range(
      "^(?:[01]?\\d|2[0-3])(?:[.:h]?[0-5]\\d)?\\s*[-–—]\\s*(?:[01]?\\d|2[0-3])(?:[.:h]?[0-5]\\d)?$|"
      "^(?:[01]\\d|2[0-3])[0-5]\\d$",
      false, "time range");
  static const TextPattern date(
      "^(?:\\d{1,2}\\s*[./-]\\s*\\d{1,2}\\s*[./-]\\s*(?:19|20)?\\d\\d|(?:19|20)\\d\\d\\s*[./-]\\s*\\d{1,2}\\s*[./-]\\s*\\d{1,2})$",
      false, "date");
  static const TextPattern zip4("^\\d{5}-\\d{4}$", false, "ZIP+4");
  static const TextPattern state("(?<![\\p{L}])[A-Z]{2},?\\s+$", false, "US state");
  if (year_range.search(raw) || time_range.search(raw) || date.search(raw)) return true;
  // Digits glued by a colon to the digits of a time around them: "14:30–18:00" holds no "30–18".
  if (begin >= 2 && t[begin - 1] == ':' && is_ascii_digit(t[begin - 2])) return true;
  if (end + 1 < t.size() && t[end] == ':' && is_ascii_digit(t[end + 1])) return true;
  if (zip4.search(raw)) {
    std::size_t from = utf8_floor(t, begin > 8 ? begin - 8 : 0);
    if (state.search(t.substr(from, begin - from))) return true;
  }
  // An IP address (the dotted run around the candidate holds four numbers of 1-3 digits).
  std::size_t b = begin, e = end;
  while (b > 0 && is_digit_or_dot(t[b - 1])) --b;
  while (e < t.size() && is_digit_or_dot(t[e])) ++e;
  static const TextPattern ip("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$", false, "IP address");
  if (ip.search(t.substr(b, e - b))) return true;
  // A code glued by a hyphen or slash to capitals before it: a return, article or case
  // reference ("RMA-2026-004417", "SKU-0301234567", "AZ/0142685300"), unless the capitals are
  // a phone or fax label ("TEL-", "FAX/").
  {
    static const TextPattern code_head("(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{Lu}\\p{N}]{1,11})[-/]$", false, "reference prefix");
    std::size_t from = utf8_floor(t, begin > 14 ? begin - 14 : 0);
    std::string_view lead = t.substr(from, begin - from);
    Match cm;
    if (code_head.search(lead, &cm) && cm.matched(0)) {
      std::string head = cm.group(lead, 0);
      if (!pp.phone->search(head) && !pp.fax->search(head)) return true;
    }
  }
  // An amount.
  std::size_t le = line_end(t, end);
  if (pp.currency_after->search(t.substr(end, std::min<std::size_t>(le - end, 12)))) return true;
  std::size_t from = utf8_floor(t, begin > 8 ? begin - 8 : 0);
  if (pp.currency_before->search(t.substr(from, begin - from))) return true;
  // Digits inside an IBAN ("NL12 RABO 0347 1928 56", "DE89 3704 0044 0532 0130 00"): the
  // country code and check digits, maybe a bank code, stand right before it on its line.
  static const TextPattern iban_before("(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4})*[ ]?$", false, "IBAN head");
  std::size_t ib = utf8_floor(t, std::max(line_begin(t, begin), begin > 40 ? begin - 40 : 0));
  if (iban_before.search(t.substr(ib, begin - ib))) return true;
  return false;
}

bool explicit_country_code(const std::string& raw) {
  std::size_t i = 0;
  while (i < raw.size() && (raw[i] == '(' || raw[i] == '[' || raw[i] == ' ')) ++i;
  return i < raw.size() && raw[i] == '+';
}

struct Candidate {
  std::size_t begin = 0, end = 0;  // in the unglued text
  PhoneNumber number;
  bool vanity = false;
  bool foreign = false;  // valid only under a region other than the page's
  std::size_t foreign_numbers = 0;  // how many distinct numbers the plausible regions give

  // Copied, never moved (see PhoneNumberInText).
  Candidate() = default;
  Candidate(const Candidate&) = default;
  Candidate& operator=(const Candidate&) = default;
};

void add_phone(const PageContext& pc, FactStore& out, std::set<std::string>& seen, const PhoneNumber& number,
               const std::string& raw, std::size_t begin, std::size_t end, bool fax, const std::string& source) {
  std::string e164 = e164_of(number);
  if (!seen.insert(e164 + (fax ? "|fax" : "")).second) return;
  Fact f;
  f.type = "phone";
  f.attrs = site_attrs(pc, begin);
  describe_phone(number, f.attrs);
  f.attrs["value"] = raw;
  f.attrs["raw"] = raw;
  f.attrs["fax"] = fax;
  f.attrs["source"] = source;
  f.evidence = web_evidence(pc, begin, end, fax ? "fax number" : "telephone number (" + f.attrs["type"].get<std::string>() + ")");
  f.source = pc.page->final_url;
  f.begin = begin;
  f.end = end;
  out.add(std::move(f));
}

bool overlaps(const std::vector<Candidate>& cs, std::size_t b, std::size_t e) {
  return std::any_of(cs.begin(), cs.end(), [&](const Candidate& c) { return c.begin < e && b < c.end; });
}

// The numbers `digits` makes in the plausible regions, by E.164.
std::map<std::string, PhoneNumber> plausible_numbers(const std::string& digits, const PhonePatterns& pp) {
  std::map<std::string, PhoneNumber> out;
  for (const auto& r : pp.plausible) {
    PhoneNumber n;
    if (util().Parse(digits, r, &n) != PhoneNumberUtil::NO_PARSING_ERROR || !util().IsValidNumber(n)) continue;
    out.emplace(e164_of(n), n);
  }
  return out;
}

}  // namespace

void extract_phones(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const PhonePatterns pp = phone_patterns(sp);
  const std::string& text = pc.doc->text;
  std::string region = pc.country.empty() ? "ZZ" : pc.country;
  std::set<std::string> seen;

  // tel: links are phone context of their own.
  std::set<std::string> tel_numbers;
  std::vector<std::pair<std::size_t, std::size_t>> tel_spans;
  for (const auto& link : pc.doc->links) {
    if (link.url.rfind("tel:", 0) != 0) continue;
    std::string target = fetch::percent_decode(link.url.substr(4));
    PhoneNumber n;
    if (util().Parse(target, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    if (!util().IsValidNumber(n) && target.find('+') == std::string::npos) {
      // Written nationally for another country: the one plausible region where it is valid.
      auto found = plausible_numbers(target, pp);
      if (found.size() == 1) n = found.begin()->second;
    }
    tel_numbers.insert(e164_of(n));
    std::size_t end = std::min(text.size(), link.offset + link.text.size());
    tel_spans.emplace_back(link.offset, end);
    add_phone(pc, out, seen, n, link.url.substr(4), link.offset, end, false, "tel");
  }

  Unglued u = unglue(text, pp);
  const std::string& t = u.inserted.empty() ? text : u.text;

  std::vector<Candidate> cands;
  for (const PhoneNumberInText& m : find_phone_numbers(t, region)) {
    Candidate c;
    c.begin = m.begin;
    c.end = m.end;
    c.number = m.number;
    cands.push_back(c);
  }

  // Vanity numbers.
  for (const auto& m : pp.vanity->find_all(t)) {
    if (overlaps(cands, m.begin, m.end)) continue;
    std::string raw = t.substr(m.begin, m.end - m.begin);
    std::size_t letters = 0;
    for (char ch : raw) letters += (ch >= 'A' && ch <= 'Z');
    if (letters < 3) continue;
    std::string converted = raw;
    util().ConvertAlphaCharactersInNumber(&converted);
    std::string named = named_region(t, m.begin, pp);
    PhoneNumber n;
    bool ok = false;
    for (const std::string& r : {named, region}) {
      if (r.empty() || ok) continue;
      ok = util().Parse(converted, r, &n) == PhoneNumberUtil::NO_PARSING_ERROR && util().IsValidNumber(n);
    }
    if (!ok && !explicit_country_code(raw)) {
      auto found = plausible_numbers(converted, pp);
      if (found.size() == 1) {
        n = found.begin()->second;
        ok = true;
      }
    }
    if (!ok) continue;
    Candidate c;
    c.begin = m.begin;
    c.end = m.end;
    c.number = n;
    c.vanity = true;
    cands.push_back(c);
  }

  // Numbers valid only under another region, on lines where something says "phone" or a
  // country, or that hold a phone-like grouping.
  if (!pp.plausible.empty()) {
    std::size_t b = 0;
    while (b < t.size()) {
      std::size_t e = line_end(t, b);
      std::string_view line(t.data() + b, e - b);
      std::size_t prev_b = b > 0 ? line_begin(t, b - 1) : b;
      std::string_view prev_line(t.data() + prev_b, b > 0 ? b - 1 - prev_b : 0);
      std::size_t digit_count = 0;
      for (char ch : line) digit_count += is_ascii_digit(ch);
      // Long lines are prose, not contact blocks: only short ones are read again.
      if (digit_count >= 6 && line.size() <= 600 && (pp.phone->search(line) || pp.fax->search(line) || pp.country->search(line) ||
                     pp.iso->search(line) || pp.grouped->search(line) ||
                     (!has_digit(prev_line) && pp.phone->search(prev_line)))) {
        std::map<std::pair<std::size_t, std::size_t>, std::map<std::string, PhoneNumber>> spans;
        std::string line_str(line);
        for (const auto& r : pp.plausible) {
          if (r == region) continue;
          for (const auto& m : match_phone_numbers_whole(line_str, r)) {
            if (explicit_country_code(m.raw) || overlaps(cands, b + m.begin, b + m.end)) continue;
            spans[{b + m.begin, b + m.end}].emplace(e164_of(m.number), m.number);
          }
        }
        std::vector<Candidate> found;
        for (const auto& [span, numbers] : spans) {
          if (overlaps(found, span.first, span.second)) continue;
          Candidate c;
          c.begin = span.first;
          c.end = span.second;
          c.number = numbers.begin()->second;
          c.foreign = true;
          c.foreign_numbers = numbers.size();
          // Several: the one grouped exactly as written ("(212) 555-0147" is American, not Greek).
          if (numbers.size() > 1) {
            std::string raw = t.substr(c.begin, c.end - c.begin);
            std::size_t exact = 0;
            for (const auto& [e164, n] : numbers) {
              auto g = grouping(raw, n);
              if (g && !g->written.empty() && subset(g->written, g->formatted)) {
                ++exact;
                c.number = n;
              }
            }
            if (exact == 1) c.foreign_numbers = 1;
          }
          // A country named next to it picks among several.
          std::string named = named_region(t, c.begin, pp);
          if (!named.empty()) {
            int cc = util().GetCountryCodeForRegion(named);
            for (const auto& [e164, n] : numbers) {
              if (static_cast<int>(n.country_code()) == cc) {
                c.number = n;
                c.foreign_numbers = 1;
              }
            }
          }
          found.push_back(c);
        }
        cands.insert(cands.end(), found.begin(), found.end());
      }
      b = e + 1;
    }
  }

  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });

  // A number the identifier finder reads as a trader identifier (a labelled SIREN, an
  // enterprise number after "BCE", a prefixed VAT id) is that identifier, not a phone.
  std::vector<std::pair<std::size_t, std::size_t>> id_spans;
  if (sp.lex.raw().contains("identifiers")) {
    for (const RegisterId& id : find_register_ids(text, sp.lex.raw()["identifiers"])) id_spans.emplace_back(id.begin, id.end);
  }

  // The postcodes of the addresses read on this page: "Tel Aviv 6350671" next to a
  // "téléphone" label is a postcode, whatever a foreign numbering plan would make of it.
  std::set<std::string> postcodes;
  auto digits_of = [](std::string_view v) {
    std::string d;
    for (char ch : v) {
      if (is_ascii_digit(ch)) d += ch;
    }
    return d;
  };
  for (const Fact& f : out.facts) {
    if (f.type != "address" || f.source != pc.page->final_url) continue;
    std::string d = digits_of(f.attrs.value("postcode", std::string()));
    if (d.size() >= 4) postcodes.insert(std::move(d));
  }

  std::size_t prev_end = 0;
  std::vector<Candidate> kept;
  for (Candidate& c : cands) {
    if (overlaps(kept, c.begin, c.end)) continue;
    std::string raw = t.substr(c.begin, c.end - c.begin);
    std::size_t number_prev_end = prev_end;
    prev_end = c.end;
    if (other_number_shape(t, c.begin, c.end, raw, pp)) continue;
    if (!explicit_country_code(raw) && postcodes.count(digits_of(raw))) continue;
    // The tail of an international number ("+44 (0)7700 900418" whose whole is no valid number)
    // is no phone of its own: "(0)7700" after "+44 ".
    if (!explicit_country_code(raw)) {
      static const TextPattern country_code_before("\\+\\d{1,3}[ \\t]*$", false, "country code before");
      std::size_t lb = utf8_floor(t, std::max(line_begin(t, c.begin), c.begin > 8 ? c.begin - 8 : 0));
      if (country_code_before.search(std::string_view(t).substr(lb, c.begin - lb))) continue;
    }
    // The number of a PO box ("B.P. 2417", "Postfach 10 12 34", "Apartado 45") is no phone.
    {
      std::size_t lb = std::max(line_begin(t, c.begin), c.begin > 24 ? c.begin - 24 : 0);
      lb = utf8_floor(t, lb);
      // The PO box pattern ends with the box number's first digit: the candidate's own.
      std::string_view lead = std::string_view(t).substr(lb, c.begin + 1 - lb);
      bool box_number = false;
      for (const auto& bm : sp.po_box.find_all(lead)) box_number |= bm.end == lead.size();
      if (box_number) continue;
    }
    Label label = label_for(t, c.begin, c.end, number_prev_end, sp, pp);
    if (label == Label::other) continue;
    bool labelled = label == Label::phone || label == Label::fax || label == Label::both;
    bool plus = explicit_country_code(raw);

    // The country named next to the number decides its region, unless "+CC" is written.
    std::string named = named_region(t, c.begin, pp);
    bool named_ok = false;
    if (!plus && !named.empty() && !c.vanity) {
      PhoneNumber n;
      if (util().Parse(raw, named, &n) == PhoneNumberUtil::NO_PARSING_ERROR && util().IsValidNumber(n)) {
        c.number = n;
        named_ok = true;
      }
    }
    std::string e164 = e164_of(c.number);
    std::size_t ob = u.original(c.begin), oe = u.original(c.end);
    if (std::any_of(id_spans.begin(), id_spans.end(), [&](const auto& s) { return s.first < oe && ob < s.second; })) continue;
    bool tel = tel_numbers.count(e164) > 0 ||
               std::any_of(tel_spans.begin(), tel_spans.end(),
                           [&](const auto& s) { return s.first < oe && ob < s.second; });

    bool accept = false;
    if (c.vanity) {
      std::string type;
      switch (util().GetNumberType(c.number)) {
        case PhoneNumberUtil::TOLL_FREE: case PhoneNumberUtil::PREMIUM_RATE: case PhoneNumberUtil::SHARED_COST:
        case PhoneNumberUtil::UAN: case PhoneNumberUtil::PERSONAL_NUMBER: type = "service"; break;
        default: break;
      }
      accept = labelled || tel || !named.empty() || !type.empty();
    } else if (c.foreign && !named_ok) {
      // Valid only under a guessed region: one plausible number, and a label, a tel: link or
      // a grouping exactly as the number's own.
      accept = named.empty() && c.foreign_numbers == 1 &&
               (labelled || tel || strict_grouping(raw, c.number, 2));
    } else {
      accept = plus || labelled || tel || named_ok || phone_like_grouping(raw, c.number);
    }
    if (!accept) continue;
    kept.push_back(c);
    std::string original_raw = text.substr(ob, oe - ob);
    if (label == Label::both) {
      add_phone(pc, out, seen, c.number, original_raw, ob, oe, false, "text");
      add_phone(pc, out, seen, c.number, original_raw, ob, oe, true, "text");
    } else {
      add_phone(pc, out, seen, c.number, original_raw, ob, oe, label == Label::fax, "text");
    }
  }
}

}  // namespace omnicheck::extract

// Charged numbers and what the page says next to each place one is shown: the price ("0,35 €/min",
// "14 ct/Min. aus dem dt. Festnetz", "£0.13 per minute plus your phone company's access
// charge") and the purpose ("Kundenservice", "Conseil avant achat").
//
// Attribution happens here, not in the rule: with several numbers in one block a price or a
// label within N bytes of a number is as often its neighbour's, and taking it for this one
// would make an unpriced number pass. A price belongs to the number it follows (a list of
// numbers of the same tariff may share one price written after the last); failing that, to the
// number right after it when no other number claims it. A label belongs to the nearest number
// after it (labels lead: "Kundenservice: 0180 …") or stands in the same line after it.
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "extract/charged_number_classifier.h"
#include "extract/phone_number_scan.h"
#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// How far a price may stand from its number: after it (same or next lines), before it.
constexpr std::size_t kPriceAfter = 160, kPriceBefore = 100;
// How far a label may stand: before the number (a heading two or three lines up), after it.
constexpr std::size_t kLabelBefore = 200, kLabelAfter = 120;
// Cost wording closer than this is one statement ("0,35 €/min + prix d'un appel").
constexpr std::size_t kJoin = 40;

struct Occurrence {
  std::size_t begin = 0, end = 0;
  std::size_t fact = 0;  // index of the page's phone fact in out.facts
  std::string e164, raw;
  Tariff tariff;
  int statement = -1;     // index into statements
  bool footnote = false;  // "0180 5 123456*" with the price in a footnote
  bool apart = false;     // priced in a note naming its prefix ("0900: 1,99 €/Min.") away from it
  std::set<std::string> purposes;
  std::vector<int> labels;  // indices into purpose matches
  bool purpose_from_title = false;
};

// A run of cost wording: its strongest part decides the kind.
struct CostStatement {
  std::size_t begin = 0, end = 0;
  std::string kind;  // price, amount_only, operator_tariff, standard_rate, free
  double amount = -1;
  std::string currency, unit;  // unit: minute | call | ""
  bool networks = false, vat = false;
  bool footnote = false;  // in a line that starts with a footnote marker ("* 14 ct/Min. …")
  int owner = -1;         // occurrence it was attributed to
};

struct Bit {
  std::size_t begin, end;
  std::string kind;  // price, amount_only, networks, vat, standard_rate, free, operator_tariff
  double amount = -1;
  std::string currency, unit;
};

int kind_rank(const std::string& k) {
  if (k == "price") return 5;
  if (k == "amount_only") return 4;
  if (k == "operator_tariff") return 3;
  if (k == "standard_rate") return 2;
  if (k == "free") return 1;
  return 0;  // networks, vat: qualifiers only
}

struct PurposeMatch {
  std::size_t begin, end;
  std::string purpose;  // after_sale, pre_sale, general
};

double parse_amount(std::string s) {
  std::replace(s.begin(), s.end(), ',', '.');
  try {
    return std::stod(s);
  } catch (...) {
    return -1;
  }
}

std::string currency_alternation(const nlohmann::json& currencies) { return map_keys_alternation(currencies); }

std::vector<Occurrence> find_occurrences(const PageContext& pc, const FactStore& out) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::map<std::string, std::size_t> fact_by_e164;
  for (std::size_t i = 0; i < out.facts.size(); ++i) {
    const Fact& f = out.facts[i];
    if (f.type != "phone" || f.source != pc.page->final_url || f.attrs.value("fax", false)) continue;
    if (!f.attrs.value("visible", false)) continue;
    fact_by_e164.emplace(f.attrs.value("e164", std::string()), i);
  }
  std::vector<Occurrence> occ;
  if (fact_by_e164.empty()) return occ;
  const std::string& text = pc.doc->text;
  for (const PhoneNumberInText& m : find_phone_numbers(text, pc.country.empty() ? "ZZ" : pc.country)) {
    std::string e164;
    util->Format(m.number, PhoneNumberUtil::E164, &e164);
    auto it = fact_by_e164.find(e164);
    if (it == fact_by_e164.end()) continue;  // a register number or a fax the phone extractor set aside
    Occurrence o;
    o.begin = m.begin;
    o.end = m.end;
    o.fact = it->second;
    o.e164 = e164;
    o.raw = m.raw;
    occ.push_back(o);
  }
  return occ;
}

std::vector<Bit> cost_bits(const PageContext& pc, const SitePatterns& sp) {
  const Lexicon& lex = sp.lex;
  const std::string& text = pc.doc->text;
  static const char* kAmount = "(\\d{1,4}(?:[.,]\\d{1,3})?)";
  const nlohmann::json currencies = lexicon_map(lex, "call_cost.currencies");
  const TextPattern& price = sp.pattern("statements.price", [&] {
    std::string cur = "(" + currency_alternation(currencies) + ")";
    // "10 cent. al minuto": an abbreviated currency keeps its dot before the unit.
    return std::string("(?<![\\p{L}\\p{N}.,])(?:") + cur + "\\s?" + kAmount + "|" + kAmount + "\\s?" + cur +
           "(?![\\p{L}])\\.?)(?:\\s*(?:" + lexicon_alternation(lex, "call_cost.vat") + "))?(?:\\s*(?:(" +
           lexicon_alternation(lex, "call_cost.per_minute") + ")|(" + lexicon_alternation(lex, "call_cost.per_call") +
           "))(?![\\p{L}]))?";
  });
  const TextPattern& price_word = sp.pattern("statements.price_word", [&] {
    return on_word_boundaries(lexicon_alternation(lex, "call_cost.price_words"));
  });
  // Currency words folded once per page, not once per price (a shop page has hundreds).
  struct Currency {
    std::string folded, code;
    double scale;
  };
  std::vector<Currency> currency_table;
  for (const auto& [k, v] : currencies.items())
    currency_table.push_back({fold(k), v.value("code", ""), v.value("scale", 1.0)});
  std::vector<Bit> bits;
  for (const auto& m : price.find_all(text)) {
    Bit b{m.begin, m.end, "price", -1, "", ""};
    if (!m.group(text, 4).empty()) b.unit = "minute";
    if (!m.group(text, 5).empty()) b.unit = "call";
    if (b.unit.empty()) {
      // An amount without "per minute" or "per call" is a call price only where the words
      // around it say so ("Kosten: 0,14 €"); otherwise it is a product price.
      std::size_t from = std::max(line_begin(text, m.begin), m.begin > 40 ? m.begin - 40 : 0);
      from = utf8_floor(text, from);
      if (!price_word.search(std::string_view(text).substr(from, m.begin - from))) continue;
      b.kind = "amount_only";
    }
    std::string cur = m.group(text, 0).empty() ? m.group(text, 3) : m.group(text, 0);
    std::string amount = m.group(text, 1).empty() ? m.group(text, 2) : m.group(text, 1);
    std::string key = fold(cur);
    double scale = 1;
    for (const Currency& c : currency_table) {
      if (c.folded == key) {
        b.currency = c.code;
        scale = c.scale;
        break;
      }
    }
    b.amount = parse_amount(amount);
    if (b.amount >= 0) b.amount = std::round(b.amount * scale * 10000) / 10000;
    bits.push_back(b);
  }
  struct Simple {
    const char* kind;
    const char* key;
  };
  for (const Simple& s : {Simple{"networks", "call_cost.networks"}, Simple{"vat", "call_cost.vat"},
                          Simple{"standard_rate", "call_cost.standard_rate"}, Simple{"free", "call_cost.free"},
                          Simple{"operator_tariff", "call_cost.operator_tariff"}}) {
    const TextPattern& p = sp.pattern(std::string("statements.") + s.key,
                                      [&] { return on_word_boundaries(lexicon_alternation(lex, s.key)); });
    for (const auto& m : p.find_all(text)) bits.push_back(Bit{m.begin, m.end, s.kind, -1, "", ""});
  }
  std::sort(bits.begin(), bits.end(), [](const Bit& a, const Bit& b) { return a.begin < b.begin; });
  return bits;
}

std::vector<CostStatement> cluster(const std::vector<Bit>& bits) {
  std::vector<CostStatement> out;
  CostStatement cur;
  bool open = false;
  auto close = [&] {
    if (open && kind_rank(cur.kind) > 0) out.push_back(cur);
    open = false;
  };
  for (const Bit& b : bits) {
    if (open && b.begin <= cur.end + kJoin) {
      cur.end = std::max(cur.end, b.end);
    } else {
      close();
      cur = CostStatement{};
      cur.begin = b.begin;
      cur.end = b.end;
      open = true;
    }
    if (kind_rank(b.kind) > kind_rank(cur.kind)) {
      cur.kind = b.kind;
      if (b.amount >= 0) {
        cur.amount = b.amount;
        cur.currency = b.currency;
        cur.unit = b.unit;
      }
    }
    if (b.kind == "networks") cur.networks = true;
    if (b.kind == "vat") cur.vat = true;
  }
  close();
  return out;
}

// "*", "¹", "²", "³" right after a number: its price may be in a footnote.
std::string footnote_marker(std::string_view text, std::size_t pos) {
  for (std::string_view m : {"*", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3"}) {
    std::size_t p = pos;
    while (p < text.size() && p < pos + 2 && text[p] == ' ') ++p;
    if (text.substr(p, m.size()) == m) return std::string(m);
  }
  return "";
}

// Whether a statement sits in a footnote that starts with `marker` ("" = any marker).
bool in_footnote(std::string_view text, const CostStatement& s, const std::string& marker) {
  std::size_t lb = line_begin(text, s.begin);
  std::string_view head = text.substr(lb, s.begin - lb);
  std::size_t first = head.find_first_not_of(" \t(");
  if (first == std::string_view::npos) return false;
  if (!marker.empty()) return head.substr(first, marker.size()) == marker;
  return !footnote_marker(head, first).empty();
}

void attribute_prices(std::string_view text, std::vector<Occurrence>& occ, std::vector<CostStatement>& st) {
  // A footnote's price is never "next to" a number: only a number with its marker points at it.
  for (auto& s : st) s.footnote = in_footnote(text, s, "");
  // A price after the number (a list of numbers of one tariff may share it).
  for (std::size_t i = 0; i < occ.size(); ++i) {
    for (std::size_t j = 0; j < st.size(); ++j) {
      if (st[j].begin < occ[i].end || st[j].footnote) continue;
      if (st[j].begin - occ[i].end > kPriceAfter) break;
      bool shared_list = true;
      for (std::size_t k = i + 1; k < occ.size() && occ[k].begin < st[j].begin; ++k) {
        shared_list &= occ[k].tariff.tariff == occ[i].tariff.tariff;
      }
      if (shared_list) {
        occ[i].statement = static_cast<int>(j);
        if (st[j].owner < 0) st[j].owner = static_cast<int>(i);
      }
      break;  // only the first statement after the number
    }
  }
  // Else a price right before it that no number before it claimed.
  for (std::size_t i = 0; i < occ.size(); ++i) {
    if (occ[i].statement >= 0) continue;
    for (std::size_t jj = st.size(); jj-- > 0;) {
      if (st[jj].end > occ[i].begin || st[jj].footnote) continue;
      bool free_to_take = st[jj].owner < 0 && occ[i].begin - st[jj].end <= kPriceBefore;
      for (std::size_t k = 0; k < occ.size(); ++k) {
        if (k != i && occ[k].begin >= st[jj].end && occ[k].end <= occ[i].begin) free_to_take = false;
      }
      if (free_to_take) {
        occ[i].statement = static_cast<int>(jj);
        st[jj].owner = static_cast<int>(i);
      }
      break;
    }
  }
  // A note naming the number's prefix ("0900: 1,99 €/Min.") away from the number: the price is
  // given, but not next to it.
  static const TextPattern prefix_note("(?<![\\p{N}])(0\\d{2,4})\\s*(?::|-nummern?|-numbers?|-nummers?)\\s*$", false,
                                       "prefix note");
  for (auto& o : occ) {
    if (o.statement >= 0) continue;
    std::string digits;
    for (char c : o.raw) {
      if (c >= '0' && c <= '9') digits += c;
    }
    for (const auto& s : st) {
      if (s.kind != "price") continue;
      std::size_t from = s.begin > 24 ? s.begin - 24 : 0;
      Match m;
      if (!prefix_note.search(text.substr(from, s.begin - from), &m)) continue;
      std::string prefix = m.group(text.substr(from, s.begin - from), 0);
      // The raw number may start with the trunk 0 or with "+49 (0)": compare from its 0.
      std::size_t zero = digits.find('0');
      if (zero != std::string::npos && digits.compare(zero, prefix.size(), prefix) == 0) {
        o.apart = true;
        break;
      }
    }
  }
  // Footnotes: the number carries a marker and a footnote with that marker states a price.
  for (auto& o : occ) {
    if (o.statement >= 0 || o.apart) continue;
    std::string marker = footnote_marker(text, o.end);
    if (marker.empty()) continue;
    for (std::size_t j = 0; j < st.size(); ++j) {
      if (st[j].kind == "price" && in_footnote(text, st[j], marker)) {
        o.footnote = true;
        if (st[j].owner < 0) st[j].owner = static_cast<int>(&o - occ.data());
        break;
      }
    }
  }
}

std::vector<PurposeMatch> purpose_matches(const PageContext& pc, const SitePatterns& sp) {
  std::vector<PurposeMatch> out;
  for (const char* purpose : {"after_sale", "pre_sale", "general"}) {
    std::string key = std::string("purpose.") + purpose;
    const TextPattern& p = sp.pattern("statements." + key, [&] { return on_word_boundaries(lexicon_alternation(sp.lex, key)); });
    for (const auto& m : p.find_all(pc.doc->text)) out.push_back(PurposeMatch{m.begin, m.end, purpose});
  }
  std::sort(out.begin(), out.end(), [](const PurposeMatch& a, const PurposeMatch& b) { return a.begin < b.begin; });
  // A label inside a longer one is part of it: "Fragen zur Bestellung" is after-sales, not
  // the order line "Bestellung".
  std::vector<PurposeMatch> kept;
  for (const auto& m : out) {
    bool inside = std::any_of(out.begin(), out.end(), [&](const PurposeMatch& o) {
      return &o != &m && o.begin <= m.begin && m.end <= o.end && (o.end - o.begin) > (m.end - m.begin);
    });
    if (!inside) kept.push_back(m);
  }
  return kept;
}

// Start of the window before a number: at most `limit` bytes and three lines up, never before
// the end of the previous number.
std::size_t window_start(std::string_view text, std::size_t pos, std::size_t floor, std::size_t limit) {
  std::size_t from = pos > limit ? pos - limit : 0;
  std::size_t lb = pos;
  for (int lines = 0; lines < 3 && lb > 0; ++lines) lb = line_begin(text, lb - 1);
  return std::max({from, lb, floor});
}

void attribute_purposes(const PageContext& pc, const SitePatterns& sp, std::vector<Occurrence>& occ,
                        std::vector<PurposeMatch>& labels) {
  std::string_view text = pc.doc->text;
  for (std::size_t i = 0; i < occ.size(); ++i) {
    Occurrence& o = occ[i];
    std::size_t prev_end = i > 0 ? occ[i - 1].end : 0;
    std::size_t next_begin = i + 1 < occ.size() ? occ[i + 1].begin : text.size();
    std::size_t before = window_start(text, o.begin, prev_end, kLabelBefore);
    std::size_t after = std::min({next_begin, o.end + kLabelAfter, line_end(text, o.end)});
    // The nearest specific label before the number ("Kundenservice" two lines above "Tel.:"
    // counts; a general "Telefon:" does not hide it), and any label after it on its line.
    int nearest = -1;
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const PurposeMatch& l = labels[k];
      if (l.begin >= before && l.end <= o.begin && l.purpose != "general") nearest = static_cast<int>(k);
      // After the number, a label is this number's only when it stands closer to it than to
      // the next number ("0900 … (1,99 €/Min.) – Service-Hotline: 0180 …" labels the 0180).
      bool closer_to_this = l.begin - o.end < next_begin - std::min(next_begin, l.end);
      if (l.begin >= o.end && l.end <= after && closer_to_this) {
        o.purposes.insert(l.purpose);
        o.labels.push_back(static_cast<int>(k));
      }
    }
    if (nearest >= 0) {
      o.purposes.insert(labels[static_cast<std::size_t>(nearest)].purpose);
      o.labels.push_back(nearest);
    }
    o.purposes.erase("general");
    if (o.purposes.empty()) {
      // No label of its own: a number on a page titled "Service client" serves that purpose.
      const TextPattern& after_sale = sp.pattern("statements.purpose.after_sale",
                                                 [&] { return on_word_boundaries(lexicon_alternation(sp.lex, "purpose.after_sale")); });
      if (after_sale.search(pc.doc->title)) {
        o.purposes.insert("after_sale");
        o.purpose_from_title = true;
      }
    }
  }
}

std::string purpose_of(const Occurrence& o) {
  if (o.purposes.count("after_sale")) return "after_sale";
  if (o.purposes.count("pre_sale")) return "pre_sale";
  return "";
}

}  // namespace

void extract_call_costs(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  std::vector<Occurrence> occ = find_occurrences(pc, out);
  const ChargedNumberClassifier& classifier = charged_number_classifier(sp.lex.raw());
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  // Every phone fact of the page gets its tariff, shown or not.
  for (auto& f : out.facts) {
    if (f.type != "phone" || f.source != pc.page->final_url) continue;
    PhoneNumber n;
    if (util->Parse(f.attrs.value("e164", std::string()), "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    Tariff t = classifier.classify(n);
    f.attrs["tariff"] = t.tariff;
    f.attrs["charged"] = t.charged;
    f.attrs["tariff_source"] = t.source;
    if (!t.note.empty()) f.attrs["tariff_note"] = t.note;
    f.attrs["hotline_allowed"] = t.hotline_allowed;
  }
  for (auto& o : occ) {
    PhoneNumber n;
    if (util->Parse(o.e164, "ZZ", &n) == PhoneNumberUtil::NO_PARSING_ERROR) o.tariff = classifier.classify(n);
  }
  const std::string& text = pc.doc->text;
  std::vector<CostStatement> statements = cluster(cost_bits(pc, sp));
  attribute_prices(text, occ, statements);
  std::vector<PurposeMatch> labels = purpose_matches(pc, sp);
  attribute_purposes(pc, sp, occ, labels);

  for (const auto& s : statements) {
    // Cost wording that belongs to no number ("livraison sans frais", a product price) is not
    // a call-cost statement; a price per minute or per call is one even when it stands alone.
    if (s.owner < 0 && s.kind != "price") continue;
    Fact f = statement_fact(pc, "call_cost_statement", s.begin, s.end, "call-cost statement (" + s.kind + ")");
    f.attrs["kind"] = s.kind;
    if (s.amount >= 0) {
      f.attrs["amount"] = s.amount;
      f.attrs["currency"] = s.currency;
    }
    f.attrs["unit"] = s.unit;
    f.attrs["networks"] = s.networks;
    f.attrs["vat_included"] = s.vat;
    f.attrs["number"] = s.owner >= 0 ? occ[static_cast<std::size_t>(s.owner)].e164 : "";
    out.add(std::move(f));
  }

  std::set<int> labels_added;
  for (const auto& o : occ) {
    bool flagged = o.tariff.charged || o.tariff.tariff == "UNKNOWN";
    for (int k : o.labels) {
      const PurposeMatch& l = labels[static_cast<std::size_t>(k)];
      if (l.purpose == "general" || !labels_added.insert(k).second) continue;
      Fact f = statement_fact(pc, "contact_purpose", l.begin, l.end, "what the number next to it is for (" + l.purpose + ")");
      f.attrs["purpose"] = l.purpose;
      f.attrs["number"] = o.e164;
      f.attrs["charged_number"] = o.tariff.charged;
      out.add(std::move(f));
    }
    if (!flagged) continue;
    const Fact& phone = out.facts[o.fact];
    Fact f = statement_fact(pc, "charged_number", o.begin, o.end,
                            o.tariff.tariff + " number" + (o.tariff.note.empty() ? "" : ": " + o.tariff.note));
    f.attrs["value"] = squeeze(o.raw);
    for (const char* k : {"e164", "national", "region_code", "type"}) f.attrs[k] = phone.attrs.value(k, std::string());
    f.attrs["tariff"] = o.tariff.tariff;
    f.attrs["charged"] = o.tariff.charged;
    f.attrs["tariff_source"] = o.tariff.source;
    f.attrs["tariff_note"] = o.tariff.note;
    f.attrs["hotline_allowed"] = o.tariff.hotline_allowed;
    const CostStatement* s = o.statement >= 0 ? &statements[static_cast<std::size_t>(o.statement)] : nullptr;
    f.attrs["price_stated"] = s && s->kind == "price";
    f.attrs["cost_kind"] = s ? s->kind : (o.footnote ? "footnote" : (o.apart ? "apart" : ""));
    f.attrs["price"] = s ? squeeze(std::string_view(text).substr(s->begin, s->end - s->begin)) : "";
    std::string purpose = purpose_of(o);
    f.attrs["purpose"] = purpose;
    f.attrs["after_sale"] = o.purposes.count("after_sale") > 0;
    f.attrs["pre_sale"] = o.purposes.count("pre_sale") > 0;
    f.attrs["purpose_source"] = purpose.empty() ? "" : (o.purpose_from_title ? "page_title" : "label");
    std::string context;
    for (int k : o.labels) {
      const PurposeMatch& l = labels[static_cast<std::size_t>(k)];
      if (l.purpose == "general") continue;
      context += (context.empty() ? "" : "; ") + squeeze(std::string_view(text).substr(l.begin, l.end - l.begin));
    }
    if (o.purpose_from_title) context = pc.doc->title;
    f.attrs["context"] = context;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

// Stated response times: "within 24 hours / 2 business days", "sous 48 h ouvrées", "innerhalb
// von zwei Werktagen", "do 24 hodin v pracovní dny", "entro 2 giorni lavorativi", "en un plazo
// de 48 horas", "binnen 2 werkdagen", "w ciągu 2 dni roboczych". A duration counts only in a
// sentence that speaks of answering (delivery and withdrawal periods use the same wording).
// Fact shape (read by the thread rules, keep it): {hours, business, channel, value}, hours being
// the promised time in hours (days × 24; the upper bound of a range), business true when it is
// counted in business or working time.
#include <algorithm>
#include <cmath>
#include <set>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// How far the sentence around a duration may reach.
constexpr std::size_t kSentence = 220;

const char* const kUnitClasses[] = {"business_day", "business_hour", "week", "day", "hour", "minute"};

double hours_per(const std::string& unit_class) {
  if (unit_class == "minute") return 1.0 / 60;
  if (unit_class == "day" || unit_class == "business_day") return 24;
  if (unit_class == "week") return 168;
  return 1;
}

// The sentence around [begin, end): bounded by line breaks and by ". " before a capital.
std::pair<std::size_t, std::size_t> sentence_around(std::string_view text, std::size_t begin, std::size_t end) {
  static const TextPattern boundary("[.!?](?=\\s+\\p{Lu})", false, "sentence boundary");
  std::size_t from = std::max(line_begin(text, begin), begin > kSentence ? begin - kSentence : 0);
  std::size_t to = std::min(line_end(text, end), end + kSentence);
  from = utf8_floor(text, from);
  to = utf8_ceil(text, to);
  std::size_t base = from;
  for (const auto& m : boundary.find_all(text.substr(base, begin - base))) from = base + m.end;
  Match m;
  if (boundary.search(text.substr(end, to - end), &m)) to = end + m.begin + 1;
  return {from, to};
}

double number_value(const std::string& token, const nlohmann::json& words) {
  if (token.empty()) return -1;
  if (std::isdigit(static_cast<unsigned char>(token[0]))) {
    std::string t = token;
    std::replace(t.begin(), t.end(), ',', '.');
    try {
      return std::stod(t);
    } catch (...) {
      return -1;
    }
  }
  std::string key = squeeze(fold(token));
  for (const auto& [w, v] : words.items()) {
    if (squeeze(fold(w)) == key && v.is_number()) return v.get<double>();
  }
  return -1;
}

}  // namespace

void extract_response_times(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const Lexicon& lex = sp.lex;
  const std::string& text = pc.doc->text;
  const nlohmann::json words = lexicon_map(lex, "number_words");
  std::string number = "(\\d{1,3}(?:[.,]5)?|" + map_keys_alternation(words) + ")";
  const TextPattern& duration = sp.pattern("statements.response_time", [&] {
    std::vector<std::string> units;
    for (const char* c : kUnitClasses) {
      for (const auto& u : lex.list(std::string("response_time.unit.") + c)) units.push_back(u);
    }
    std::stable_sort(units.begin(), units.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string alt;
    for (const auto& u : units) {
      std::string u2;
      for (char c : u) u2 += c == ' ' ? std::string("\\s+") : std::string(1, c);
      alt += (alt.empty() ? "(?:" : "|(?:") + u2 + ")";
    }
    const std::string range = "(?:\\s*(?:-|–|—|/|to|à|bis|až|a|do|und|and|oder|or|ou|o|of|lub|albo|y|e|en)\\s*" + number + ")?";
    // "within 2 days": the lead before the number; Hungarian puts it after the unit ("1
    // munkanapon belül", response_time.lead_after). A branch reset keeps the groups in order.
    std::string after = lex.list("response_time.lead_after").empty()
                            ? std::string()
                            : "|(?<![\\p{L}\\p{N}])" + number + range + "\\s*(" + alt + ")\\s+(?:" +
                                  lexicon_alternation(lex, "response_time.lead_after") + ")(?![\\p{L}\\p{N}])";
    return "(?|(?<![\\p{L}\\p{N}])(?:" + lexicon_alternation(lex, "response_time.lead") + ")\\s+(?:(?:" +
           lexicon_alternation(lex, "response_time.max") + ")\\s+)?(?:(?:von|de|of)\\s+)?" + number + range + "\\s*(" + alt +
           ")(?![\\p{L}\\p{N}])" + after + ")";
  });
  const TextPattern& reply = sp.pattern("statements.response_time.reply", [&] {
    return on_word_boundaries(lexicon_alternation(lex, "response_time.reply"));
  });
  // Delivery, withdrawal, refund and complaint-settlement periods use the same wording
  // ("Reklamaci vyřídíme … do 30 dnů"): a sentence about them states no response time.
  const TextPattern& not_reply = sp.pattern("statements.response_time.not_reply", [&] {
    return "(?<![\\p{L}\\p{N}])(?:" + lexicon_alternation(lex, "response_time.not_reply") + ")";
  });
  const TextPattern& qualifier = sp.pattern("statements.response_time.business_qualifier", [&] {
    return on_word_boundaries(lexicon_alternation(lex, "response_time.business_qualifier"));
  });
  std::vector<std::pair<std::string, const TextPattern*>> unit_class;
  for (const char* c : kUnitClasses) {
    std::string key = std::string("response_time.unit.") + c;
    unit_class.emplace_back(c, &sp.pattern("statements.unit." + std::string(c), [&] {
      return "^(?:" + lexicon_alternation(lex, key) + ")$";
    }));
  }
  std::vector<std::pair<std::string, const TextPattern*>> channels;
  for (const char* c : {"email", "form", "chat", "phone"}) {
    std::string key = std::string("channel.") + c;
    channels.emplace_back(c, &sp.pattern("statements." + key, [&] { return on_word_boundaries(lexicon_alternation(lex, key)); }));
  }

  std::set<std::string> seen;
  for (const auto& m : duration.find_all(text)) {
    auto [from, to] = sentence_around(text, m.begin, m.end);
    std::string_view sentence = std::string_view(text).substr(from, to - from);
    if (!reply.search(sentence) || not_reply.search(sentence)) continue;
    double lo = number_value(m.group(text, 0), words);
    double hi = number_value(m.group(text, 1), words);
    double n = std::max(lo, hi);
    if (n <= 0) continue;
    std::string unit = squeeze(m.group(text, 2));
    std::string cls;
    for (const auto& [c, p] : unit_class) {
      if (p->search(unit)) {
        cls = c;
        break;
      }
    }
    if (cls.empty()) continue;
    bool business = cls == "business_day" || cls == "business_hour" || qualifier.search(sentence);
    std::vector<std::string> found;
    for (const auto& [c, p] : channels) {
      if (p->search(sentence)) found.push_back(c);
    }
    std::string channel = found.size() == 1 ? found.front() : "any";
    double hours = std::round(n * hours_per(cls) * 100) / 100;
    if (!seen.insert(std::to_string(hours) + channel + (business ? "b" : "")).second) continue;
    Fact f = statement_fact(pc, "response_time_statement", m.begin, m.end, "stated response time");
    std::string value = squeeze(sentence);
    while (!value.empty() && (value.back() == '.' || value.back() == ',')) value.pop_back();
    f.attrs["value"] = value;
    f.attrs["hours"] = hours;
    f.attrs["business"] = business;
    f.attrs["channel"] = channel;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

// Finds amounts of money in text and reads their value. Thousands separators differ by country
// ("1.234,56" in Germany, "1 234,56" in France and Czechia, "1,234.56" in the UK): the last
// separator followed by one or two digits is the decimal mark, any other is a thousands one.
#include "extract/price_scan.h"

#include <map>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// Currency sign or code (case-folded) -> ISO code, from the lexicon.
std::map<std::string, std::string> currency_codes(const nlohmann::json& map) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : map.items()) {
    if (v.is_string()) out[lower_ascii(k)] = v.get<std::string>();
  }
  return out;
}

}  // namespace

const std::string& amount_regex() {
  // Grouped thousands first ("1 290", "1.234,56"), then plain digits with decimals; a trailing
  // ",-" or ",–" means no cents.
  static const std::string kAmount =
      "(?:\\d{1,3}(?:[ .,'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?:[.,] ?[-–—]{1,2})?";
  return kAmount;
}

std::optional<double> parse_amount(std::string_view written) {
  std::string s(written);
  // Drop the ",-" / ",–" that says "no cents".
  while (!s.empty() && (s.back() == '-' || s.back() == ' ' || static_cast<unsigned char>(s.back()) >= 0x80)) {
    if (static_cast<unsigned char>(s.back()) >= 0x80) {
      while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
      if (!s.empty()) s.pop_back();
    } else {
      s.pop_back();
    }
  }
  while (!s.empty() && (s.back() == ',' || s.back() == '.')) s.pop_back();
  if (s.empty()) return std::nullopt;
  // The decimal mark: the last '.' or ',' with one or two digits after it.
  std::size_t mark = s.find_last_of(".,");
  std::size_t decimals = mark == std::string::npos ? 0 : s.size() - mark - 1;
  bool has_decimals = mark != std::string::npos && decimals >= 1 && decimals <= 2;
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (has_decimals && i == mark) {
      digits += '.';
    } else if (s[i] >= '0' && s[i] <= '9') {
      digits += s[i];
    }
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  try {
    return std::stod(digits);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<PriceSpan> find_prices(std::string_view text, const SitePatterns& sp) {
  const nlohmann::json currencies = lexicon_map(sp.lex, "price.currencies");
  const std::map<std::string, std::string> codes = currency_codes(currencies);
  const TextPattern& price = sp.pattern("price.amount", [&] {
    std::string cur = map_keys_alternation(currencies);
    // Not inside a longer number or word; a space (no line break) may separate sign and amount.
    // Adjacent inline elements join without a space in minified pages: a digit may follow the
    // sign ("<span>79,00 €</span><span>59,00 €</span>" reads "79,00 €59,00 €"), a word may stand
    // right before a sign or an amount ("Regular price£49.90", "price49,90 €") and after an
    // amount ("£49.90Sale price", "19,12 €Économisez"). A code written in letters ("EUR", "Kč")
    // still needs a word boundary on both sides.
    return "(?<![\\p{N}.,])(?<!\\p{L}(?=\\p{L}))(?:(" + cur + ")[ ]?(" + amount_regex() + ")(?!\\p{N})|(" + amount_regex() +
           ")[ ]?(" + cur + ")(?!(?<=\\p{L})\\p{L}))";
  });
  std::vector<PriceSpan> out;
  for (const auto& m : price.find_all(text)) {
    // Capture groups are numbered from 0: sign-first form (0, 1), amount-first form (2, 3).
    std::string cur = m.matched(0) ? m.group(text, 0) : m.group(text, 3);
    std::string amount = m.matched(1) ? m.group(text, 1) : m.group(text, 2);
    auto value = parse_amount(amount);
    auto code = codes.find(lower_ascii(cur));
    if (!value || code == codes.end()) continue;
    out.push_back({m.begin, m.end, *value, code->second});
  }
  return out;
}

}  // namespace omnicheck::extract

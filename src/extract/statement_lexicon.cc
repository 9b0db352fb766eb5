// Lexicon helpers shared by the statement extractors: lexicon entries are PCRE2 patterns, and
// a space in one stands for any white space (pages break lines and use no-break spaces).
#include <algorithm>
#include <cstring>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// Spaces outside character classes become \s+ (" ?" optional white space; inside a class a
// space stays a space), and capturing groups become non-capturing: extractors number the
// groups of their own patterns.
std::string normalise_entry(const std::string& pattern) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (c == '(' && !in_class && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
      out += "(?:";
      continue;
    }
    if (c == ' ' && !in_class) {
      // " ?" and " *" make the white space optional.
      bool optional = i + 1 < pattern.size() && (pattern[i + 1] == '?' || pattern[i + 1] == '*');
      out += optional ? "\\s*" : "\\s+";
      if (optional) ++i;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string lexicon_alternation(const Lexicon& lex, const std::string& key) {
  std::string alt;
  for (const auto& entry : lex.list(key)) {
    if (entry.empty()) continue;
    alt += (alt.empty() ? "(?:" : "|(?:") + normalise_entry(entry) + ")";
  }
  return alt.empty() ? "(?!)" : alt;
}

std::string on_word_boundaries(const std::string& alternation) {
  return "(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])";
}

nlohmann::json lexicon_map(const Lexicon& lex, const std::string& key) {
  nlohmann::json merged = nlohmann::json::object();
  for (const auto& [lang, data] : lex.raw().items()) {
    if (data.is_object() && data.contains(key) && data[key].is_object()) merged.update(data[key]);
  }
  return merged;
}

std::string map_keys_alternation(const nlohmann::json& map) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : map.items()) keys.push_back(k);
  std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alt;
  for (const auto& k : keys) {
    std::string esc;
    for (char c : escape_regex(k)) esc += c == ' ' ? std::string("\\s+") : std::string(1, c);
    alt += (alt.empty() ? "" : "|") + esc;
  }
  return alt.empty() ? "(?!)" : alt;
}

// A "line" is looked for at most kLongestLine bytes away: every extractor asks for the line of
// each match, and on a page that is one 4 MB line of prices each answer cost a scan to the page's
// start (quadratic: minutes). No label, name or address spans that far; past it, the cut falls
// on a character boundary.
constexpr std::size_t kLongestLine = 16384;

std::size_t line_begin(std::string_view text, std::size_t pos) {
  if (pos > text.size()) pos = text.size();
  const std::size_t floor = pos > kLongestLine ? pos - kLongestLine : 0;
  // memrchr (glibc) scans backwards a word at a time: every price of a 4 MB one-line page asks.
  if (const void* nl = memrchr(text.data() + floor, '\n', pos - floor)) {
    return static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
  }
  return floor == 0 ? 0 : utf8_ceil(text, floor);
}

std::size_t line_end(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return text.size();
  const std::size_t ceiling = std::min(text.size(), pos + kLongestLine);
  std::size_t nl = text.substr(0, ceiling).find('\n', pos);
  if (nl != std::string_view::npos) return nl;
  return ceiling == text.size() ? text.size() : utf8_floor(text, ceiling);
}

std::size_t utf8_floor(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return text.size();
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

std::size_t utf8_ceil(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return std::min(pos, text.size());
}

Fact statement_fact(const PageContext& pc, const std::string& type, std::size_t begin, std::size_t end,
                    const std::string& note) {
  Fact f;
  f.type = type;
  f.attrs = site_attrs(pc, begin);
  f.attrs["value"] = squeeze(std::string_view(pc.doc->text).substr(begin, end - begin));
  f.evidence = web_evidence(pc, begin, end, note);
  f.source = pc.page->final_url;
  f.begin = begin;
  f.end = end;
  return f;
}

Fact link_fact(const PageContext& pc, const html::Link& link, const std::string& type, const std::string& note) {
  const std::string& text = pc.doc->text;
  std::size_t begin = std::min(link.offset, text.size());
  std::size_t end = std::min(text.size(), begin + link.text.size());
  Fact f = statement_fact(pc, type, begin, end, note);
  f.attrs["region"] = link.region;
  f.attrs["value"] = link.text.empty() ? link.url : squeeze(link.text) + " (" + link.url + ")";
  f.attrs["url"] = link.url;
  f.evidence.locator = link.locator;
  f.evidence.region = link.region;
  return f;
}

}  // namespace omnicheck::extract

// Opening hours of the telephone line or the chat: "Mo–Fr 9–18 Uhr", "du lundi au vendredi de
// 9h à 18h", "Po–Pá 8:00–16:00", "Monday to Friday 9am–5pm", "dal lunedì al venerdì dalle 9
// alle 18", "ma t/m vr 9.00–17.30 uur", "24/7". Days and times are normalised (days "mon-fri",
// times "09:00"); the channel is the one named in the lines around (or the telephone number
// standing next to them), "any" when none is.
#include <algorithm>
#include <set>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

constexpr std::size_t kChannelWindow = 200;
const char* const kDayNames[] = {"", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// "9", "9:30", "9.30", "9h30", and four digits without a separator as Irish, British and
// Maltese sites and some German ones write them ("0830", "1815"): the branch reset keeps the
// minutes in the second group either way.
std::string time_pattern(const Lexicon& lex) {
  return "(\\d{1,2})(?|\\s*[:.hu]\\s*(\\d{2})|(?<=\\d{2})(\\d{2})(?!\\d))?(?:\\s*(" + lexicon_alternation(lex, "hours.time_suffix") +
         ")(?![\\p{L}]))?";
}

// "09:00" from the hour, minutes and suffix as written; "" when it is no time of day.
std::string clock(const std::string& h, const std::string& m, const std::string& suffix, bool after_noon_hint) {
  if (h.empty()) return "";
  int hour = std::stoi(h), minute = m.empty() ? 0 : std::stoi(m);
  std::string s = fold(suffix);
  s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  if (s == "pm" && hour < 12) hour += 12;
  if (s == "am" && hour == 12) hour = 0;
  if (s.empty() && after_noon_hint && hour < 12) hour += 12;
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute > 0)) return "";
  std::string out = std::to_string(hour / 10) + std::to_string(hour % 10) + ":" + std::to_string(minute / 10) +
                    std::to_string(minute % 10);
  return out;
}

std::string day_range(const std::vector<int>& days) {
  if (days.empty()) return "";
  if (days.size() == 1 || days.front() == days.back()) return kDayNames[days.front()];
  return std::string(kDayNames[days.front()]) + "-" + kDayNames[days.back()];
}

}  // namespace

void extract_opening_hours(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const Lexicon& lex = sp.lex;
  const std::string& text = pc.doc->text;
  const nlohmann::json days = lexicon_map(lex, "days");
  const nlohmann::json weekday_words = lexicon_map(lex, "hours.weekday_words");
  std::string day = "(?<![\\p{L}])(?:" + map_keys_alternation(days) + ")\\.?(?![\\p{L}])";
  std::string day_spec = "(?:(?:" + lexicon_alternation(lex, "hours.day_from") + ")\\s+)?" + day + "(?:\\s*(?:-|–|—|" +
                         lexicon_alternation(lex, "hours.day_to") + ")\\s*" + day + ")?";
  std::string dayset = "((?<![\\p{L}])(?:" + day_spec + "|" + map_keys_alternation(weekday_words) + "))";
  std::string range = "(?:(?:" + lexicon_alternation(lex, "hours.time_from") + ")\\s+)?" + time_pattern(lex) +
                      "\\s*(?:-|–|—|(?:" + lexicon_alternation(lex, "hours.time_to") + ")(?![\\p{L}]))\\s*" + time_pattern(lex);
  // Days then times ("Mo–Fr 9–18 Uhr"), or times then days ("9h–18h du lundi au vendredi").
  const TextPattern& days_first = sp.pattern("statements.hours.days_first", [&] {
    return dayset + "[\\s:,]{0,4}(?:\\(\\s*)?" + range;
  });
  const TextPattern& times_first = sp.pattern("statements.hours.times_first", [&] {
    return "(?<![\\p{N}:.])" + range + "[\\s,]{1,3}" + dayset;
  });
  // A split shift after a range ("9:00–13:00 / 14:00–18:00"): the day ends with the last range.
  const TextPattern& second_range = sp.pattern("statements.hours.second_range", [&] {
    return "^\\s*(?:/|,|;|\\+|&|und|et|and|e|y|i|en|a)\\s*" + time_pattern(lex) + "\\s*(?:-|–|—|(?:" +
           lexicon_alternation(lex, "hours.time_to") + ")(?![\\p{L}]))\\s*" + time_pattern(lex);
  });
  const TextPattern& always = sp.pattern("statements.hours.always", [&] {
    return on_word_boundaries(lexicon_alternation(lex, "hours.always"));
  });
  const TextPattern& day_token = sp.pattern("statements.hours.day", [&] { return day; });
  const TextPattern& weekday_word = sp.pattern("statements.hours.weekday_words", [&] {
    return "(?<![\\p{L}])(?:" + map_keys_alternation(weekday_words) + ")(?![\\p{L}])";
  });
  const TextPattern& chat = sp.pattern("statements.channel.chat", [&] {
    return on_word_boundaries(lexicon_alternation(lex, "channel.chat"));
  });
  const TextPattern& phone = sp.pattern("statements.channel.phone", [&] {
    return on_word_boundaries(lexicon_alternation(lex, "channel.phone"));
  });

  auto parse_days = [&](std::string_view spec) -> std::string {
    Match w;
    if (weekday_word.search(spec, &w)) {
      std::string key = squeeze(fold(spec.substr(w.begin, w.end - w.begin)));
      for (const auto& [k, v] : weekday_words.items()) {
        if (squeeze(fold(k)) == key) return v.get<std::string>();
      }
    }
    std::vector<int> found;
    for (const auto& m : day_token.find_all(spec)) {
      std::string tok = fold(spec.substr(m.begin, m.end - m.begin));
      if (!tok.empty() && tok.back() == '.') tok.pop_back();
      for (const auto& [k, v] : days.items()) {
        if (fold(k) == tok) {
          found.push_back(v.get<int>());
          break;
        }
      }
    }
    return day_range(found);
  };

  // The channel named around [begin, end), or the telephone number standing next to it.
  auto channel_of = [&](std::size_t begin, std::size_t end) -> std::string {
    std::size_t from = begin;
    for (int lines = 0; lines < 2 && from > 0; ++lines) from = line_begin(text, from - 1);
    from = utf8_floor(text, std::max(from, begin > kChannelWindow ? begin - kChannelWindow : 0));
    std::size_t to = line_end(text, end);
    std::string_view around = std::string_view(text).substr(from, to - from);
    std::string_view line = std::string_view(text).substr(line_begin(text, begin), to - line_begin(text, begin));
    if (chat.search(line)) return "chat";
    if (phone.search(around)) return "phone";
    for (const auto& f : out.facts) {
      if (f.type != "phone" || f.source != pc.page->final_url || f.attrs.value("fax", false) || !f.attrs.value("visible", false)) continue;
      std::size_t gap = f.end <= begin ? begin - f.end : (f.begin >= end ? f.begin - end : 0);
      if (gap <= kChannelWindow) return "phone";
    }
    if (chat.search(around)) return "chat";
    return "any";
  };

  std::set<std::string> seen;
  auto add = [&](std::size_t begin, std::size_t end, const std::string& d, const std::string& from, const std::string& to) {
    if (d.empty() || from.empty() || to.empty() || from >= to) return;
    std::string channel = channel_of(begin, end);
    if (!seen.insert(d + from + to + channel).second) return;
    Fact f = statement_fact(pc, "opening_hours", begin, end, "opening hours (" + channel + ")");
    f.attrs["channel"] = channel;
    f.attrs["days"] = d;
    f.attrs["from"] = from;
    f.attrs["to"] = to;
    out.add(std::move(f));
  };
  // Groups: days first → 0 days, 1-3 from, 4-6 to; times first → 0-2 from, 3-5 to, 6 days.
  auto times = [&](const Match& m, std::size_t first, std::string* from, std::string* to) {
    std::string h1 = m.group(text, first), m1 = m.group(text, first + 1), s1 = m.group(text, first + 2);
    std::string h2 = m.group(text, first + 3), m2 = m.group(text, first + 4), s2 = m.group(text, first + 5);
    // "9–5pm": the end's pm says the afternoon when it would otherwise end before it starts.
    *from = clock(h1, m1, s1, false);
    *to = clock(h2, m2, s2.empty() ? s1 : s2, false);
    if (!to->empty() && !from->empty() && *to <= *from && s2.empty()) *to = clock(h2, m2, "", true);
    // A bare "1–3" next to a word is a count ("1–3 Werktage"), not hours of the day.
    bool bare = m1.empty() && m2.empty() && s1.empty() && s2.empty();
    if (bare && std::stoi(h1) < 5) from->clear();
  };
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (const auto& m : days_first.find_all(text)) {
    std::string from, to;
    times(m, 1, &from, &to);
    taken.emplace_back(m.begin, m.end);
    std::size_t after = m.end;
    while (after < text.size() && text[after] == ' ') ++after;
    bool bare_end = m.group(text, 5).empty() && m.group(text, 6).empty();
    if (bare_end && after < text.size() && std::isalpha(static_cast<unsigned char>(text[after]))) continue;
    std::size_t end = m.end;
    Match split;
    if (!to.empty() && second_range.search(std::string_view(text).substr(m.end, std::min<std::size_t>(40, text.size() - m.end)), &split)) {
      std::string_view tail = std::string_view(text).substr(m.end);
      std::string later = clock(split.group(tail, 3), split.group(tail, 4), split.group(tail, 5), false);
      if (!later.empty() && later > to) {
        to = later;
        end = m.end + split.end;
      }
    }
    add(m.begin, end, parse_days(m.group(text, 0)), from, to);
  }
  for (const auto& m : times_first.find_all(text)) {
    // "8–18 Uhr, Sa 9–13 Uhr": the days after a range may head the next range.
    bool overlaps = false;
    for (const auto& [b, e] : taken) overlaps |= m.begin < e && b < m.end;
    if (overlaps) continue;
    // Times before the days must look like times ("9h", "9:00"): "5 à 8 jours ouvrés" is a count.
    if (m.group(text, 1).empty() && m.group(text, 2).empty() && m.group(text, 4).empty() && m.group(text, 5).empty()) continue;
    std::string from, to;
    times(m, 0, &from, &to);
    add(m.begin, m.end, parse_days(m.group(text, 6)), from, to);
  }
  for (const auto& m : always.find_all(text)) {
    // "24/7" counts only for a channel named on its line (a shop "open 24/7" says nothing).
    std::size_t lb = line_begin(text, m.begin);
    std::string_view line = std::string_view(text).substr(lb, line_end(text, m.end) - lb);
    if (!chat.search(line) && !phone.search(line)) continue;
    add(m.begin, m.end, "mon-sun", "00:00", "24:00");
  }
}

}  // namespace omnicheck::extract

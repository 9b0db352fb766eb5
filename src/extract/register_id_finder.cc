// Trader-identifier finder: see register_id_finder.h for what it does and
// rules/lexicon/identifiers.json for the data it runs on.
#include "extract/register_id_finder.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "extract/check_digits.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

nlohmann::json RegisterId::to_json() const {
  return {{"kind", kind},   {"country", country}, {"value", value}, {"raw", raw},
          {"begin", begin}, {"end", end},         {"label", label}, {"check", check},
          {"court", court}, {"register", is_register}};
}

namespace {

// Limits that keep the scan linear and the regexes on short subjects.
constexpr std::size_t kLabelWindow = 160;  // bytes before a number searched for its label
constexpr std::size_t kMaxGap = 64;        // bytes allowed between label and number
constexpr std::size_t kMaxGroups = 8;      // groups in one value ("FR 40 303 265 045" has 5)
constexpr std::size_t kMaxCompact = 24;    // characters in one compact value
constexpr std::size_t kCourtWindow = 200;  // bytes either side searched for a register court
constexpr std::size_t kMalformedDigits = 5;

// ---------------------------------------------------------------------------------------
// UTF-8 helpers. The scan copy of a text has the same length as the text, so every offset
// found in it is an offset in the original.

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Decodes the code point starting at s[i]; `len` gets its byte length (1 on invalid input,
// which then decodes as the byte value so it is never mistaken for a letter range).
std::uint32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto at = [&](std::size_t k) { return static_cast<std::uint32_t>(s[i + k] & 0x3F); };
  if (b < 0x80) { len = 1; return b; }
  if ((b & 0xE0) == 0xC0 && cont(1)) { len = 2; return ((b & 0x1Fu) << 6) | at(1); }
  if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    len = 3;
    return ((b & 0x0Fu) << 12) | (at(1) << 6) | at(2);
  }
  if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return ((b & 0x07u) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
  }
  len = 1;
  return 0xFFFD;
}

// Letters and digits that make a word: ASCII, Latin-1 and Latin Extended-A/B letters, Greek
// and Cyrillic. A label or number touching one of these is part of a longer word.
bool is_word_cp(std::uint32_t cp) {
  if (cp < 0x80) return ascii_alnum(static_cast<unsigned char>(cp));
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  return cp >= 0x370 && cp <= 0x52F;
}

bool word_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return false;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  std::size_t len = 0;
  std::uint32_t cp = decode(s, start, len);
  return start + len == pos && is_word_cp(cp);
}

bool word_after(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return false;
  std::size_t len = 0;
  return is_word_cp(decode(s, pos, len));
}

// Lower-case fold for Latin-1 and Latin Extended-A capitals (Č→č, Ł→ł, É→é, Ÿ→ÿ), which keep
// their UTF-8 length. The lexicon regexes' icase only folds ASCII, so texts and regexes are
// both folded this way and non-ASCII letters in the lexicon match either case.
std::uint32_t fold_cp(std::uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x178) return 0xFF;
  bool even_upper = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
  bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if (even_upper && cp % 2 == 0) return cp + 1;
  if (odd_upper && cp % 2 == 1) return cp + 1;
  return cp;
}

bool is_space_cp(std::uint32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool is_hyphen_cp(std::uint32_t cp) { return cp == 0x2010 || cp == 0x2011; }

void put_utf8(std::string& out, std::uint32_t cp) {  // 2-byte range only (folded letters)
  out += static_cast<char>(0xC0 | (cp >> 6));
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

// Same-length copy: fixed spaces -> ASCII spaces, U+2010/2011 -> '-', Latin capitals folded.
std::string scan_copy(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    std::uint32_t cp = decode(s, i, len);
    if (len == 1) {
      out += s[i];
    } else if (is_space_cp(cp)) {
      out.append(len, ' ');
    } else if (is_hyphen_cp(cp)) {
      out.append(len, '-');
    } else if (std::uint32_t f = fold_cp(cp); f != cp && len == 2 && f < 0x800) {
      put_utf8(out, f);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string trim(std::string_view s, std::string_view chars = " \t\r\n:") {
  auto b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

std::string upper_ascii(std::string s) {
  for (char& c : s)
    if (ascii_lower(c)) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// ---------------------------------------------------------------------------------------
// Runs of letter/digit groups.

struct Group {
  std::size_t b, e;
};
// A run's groups, in the one vector of all groups of a text (one allocation per text, not per
// word).
using Run = std::span<const Group>;

struct Runs {
  std::vector<Group> groups;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // (first group, group count)
  Run operator[](std::size_t r) const { return Run(groups).subspan(spans[r].first, spans[r].second); }
  std::size_t size() const { return spans.size(); }
};

// A capitalised word glued to the digits before it ("Org.nr 556812-4373Powered by Shopify",
// where the page's markup puts two inline elements side by side): the number ends where its
// digits end. Register and check letters after digits are capitals or a single lower-case
// letter ("HRB 12345 B", "FN 123456a", "Sro 12345/B"), never a capital and two lower-case ones.
bool glued_word_at(std::string_view s, std::size_t i) {
  return i > 0 && i + 2 < s.size() && ascii_digit(s[i - 1]) && s[i] >= 'A' && s[i] <= 'Z' && ascii_lower(s[i + 1]) &&
         ascii_lower(s[i + 2]);
}

// Length of a separator at s[i] that joins two groups: 1–3 spaces, one '.', or 1–3 '-'.
std::size_t separator_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == '.' || c == '/') return 1;  // '/' joins "J40/1234/2020", "12345/B"
  if (c != ' ' && c != '-') return 0;
  std::size_t n = 0;
  while (i + n < s.size() && s[i + n] == c && n < 4) ++n;
  return n <= 3 ? n : 0;
}

// The runs that hold a digit: a value never starts in a run without one (see find()).
Runs find_runs(std::string_view s) {
  Runs runs;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!ascii_alnum(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    std::size_t first = runs.groups.size();
    bool digit = false;
    while (true) {
      std::size_t b = i;
      for (; i < s.size() && ascii_alnum(static_cast<unsigned char>(s[i])) && (i == b || !glued_word_at(s, i)); ++i)
        digit = digit || ascii_digit(s[i]);
      runs.groups.push_back({b, i});
      std::size_t sep = separator_at(s, i);
      if (sep == 0 || i + sep >= s.size() || !ascii_alnum(static_cast<unsigned char>(s[i + sep])))
        break;
      i += sep;
    }
    if (digit) runs.spans.emplace_back(first, runs.groups.size() - first);
    else runs.groups.resize(first);
  }
  return runs;
}

bool group_has_digit(std::string_view s, const Group& g) {
  return std::any_of(s.begin() + static_cast<long>(g.b), s.begin() + static_cast<long>(g.e),
                     ascii_digit);
}

// ---------------------------------------------------------------------------------------
// The compiled lexicon.

struct Kind {
  Kind(std::string key_, std::string kind_, std::string country_, TextPattern shape_)
      : key(std::move(key_)), kind(std::move(kind_)), country(std::move(country_)), shape(std::move(shape_)) {}
  std::string key, kind, country;
  TextPattern shape;
  bool as_written = false;
  std::string value_fmt = "$&", check, check_input_fmt = "$&", prefix;
  bool anywhere = false, court = false, is_register = false, is_vat_number = false;
  std::size_t zero_pad = 0;
};

struct Label {
  explicit Label(TextPattern re_) : re(std::move(re_)) {}
  TextPattern re;
  std::vector<std::size_t> kinds;  // indexes into Impl::kinds, in preference order
  std::string value_prefix;
  int value_prefix_group = 0, court_group = 0;
  bool malformed = true;
  bool first_is_wildcard = false;
};

struct Court {
  std::string country;
  TextPattern re;
};

struct LabelHit {
  std::size_t b, e;
  std::size_t label;
  std::string prefix_text;  // value_prefix_group's text (ASCII case as written)
  bool court_named = false;
};

struct Finding {
  std::size_t b, e;
  std::size_t kind;
  std::string value, check_input;
  const LabelHit* label = nullptr;
  bool malformed = false;
  std::size_t order = 0;  // position of the kind in the label's list
  bool fails = false;     // its check digits are wrong
};

// The lexicon's regexes are ECMAScript written for std::regex on bytes (see the lexicon's
// "about"): PCRE2 in byte mode reads them the same way (PatternSyntax::bytes), and is far
// faster. Non-ASCII capitals are folded like the scan copy of the text.
TextPattern compile(const std::string& pattern, bool icase, const std::string& where) {
  return TextPattern(scan_copy(pattern), icase, "identifiers lexicon: " + where + ": bad regex", PatternSyntax::bytes);
}

const nlohmann::json& checked_lexicon(const nlohmann::json& lex) {
  if (!lex.is_object() || !lex.contains("kinds") || !lex.contains("labels"))
    throw std::runtime_error("identifiers lexicon: expected an object with kinds and labels");
  return lex;
}

template <typename T>
T get_or(const nlohmann::json& j, const char* key, T fallback) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

}  // namespace

struct RegisterIdFinder::Impl {
  std::vector<Kind> kinds;
  std::vector<Label> labels;
  std::vector<Court> courts;
  TextPattern gap;
  std::optional<TextPattern> street_before, street_after;
  std::vector<std::size_t> anywhere;
  bool keep_unlabelled_invalid = false;

  explicit Impl(const nlohmann::json& lex);
  std::vector<RegisterId> find(std::string_view text) const;

 private:
  void load_kinds(const nlohmann::json& j);
  void load_labels(const nlohmann::json& j);
  std::vector<std::size_t> expand(const std::string& ref, const std::string& where) const;

  bool in_street_name(std::string_view scan, std::size_t b, std::size_t e) const;
  std::vector<LabelHit> label_hits(std::string_view scan,
                                   const std::vector<std::size_t>& starts) const;
  const LabelHit* label_for(std::string_view scan, const std::vector<LabelHit>& hits,
                            std::size_t start) const;
  bool try_kind(std::string_view text, const Run& run, std::size_t i, std::size_t k,
                const LabelHit* hit, Finding& out) const;
  bool try_malformed(std::string_view text, const Run& run, std::size_t i, const LabelHit& hit,
                     Finding& out) const;
  std::string court_near(std::string_view text, std::string_view scan, const Finding& f) const;
  RegisterId to_id(std::string_view text, std::string_view scan, const Finding& f) const;
};

RegisterIdFinder::Impl::Impl(const nlohmann::json& lex)
    : gap(compile(get_or<std::string>(checked_lexicon(lex), "gap", "\\s*"), true, "gap")) {
  keep_unlabelled_invalid = get_or(lex, "keep_unlabelled_invalid", false);
  if (lex.contains("street_before"))
    street_before.emplace(compile(lex["street_before"].get<std::string>(), true, "street_before"));
  if (lex.contains("street_after"))
    street_after.emplace(compile(lex["street_after"].get<std::string>(), true, "street_after"));
  load_kinds(lex.at("kinds"));
  load_labels(lex.at("labels"));
  for (const auto& c : lex.value("courts", nlohmann::json::array())) {
    std::string where = "court for " + c.value("country", std::string("?"));
    courts.push_back({c.at("country").get<std::string>(),
                      compile(c.at("regex").get<std::string>(), get_or(c, "icase", true), where)});
  }
}

void RegisterIdFinder::Impl::load_kinds(const nlohmann::json& j) {
  for (const auto& [key, k] : j.items()) {
    std::string where = "kind '" + key + "'";
    bool as_written = get_or<std::string>(k, "case", "upper") == "as_written";
    Kind kind(key, get_or<std::string>(k, "kind", key), k.at("country").get<std::string>(),
              compile(k.at("shape").get<std::string>(), as_written, where));
    kind.as_written = as_written;
    kind.value_fmt = get_or<std::string>(k, "value", "$&");
    kind.check = get_or<std::string>(k, "check", "none");
    kind.check_input_fmt = get_or<std::string>(k, "check_input", "$&");
    kind.prefix = get_or<std::string>(k, "prefix", "");
    kind.anywhere = get_or(k, "anywhere", false);
    kind.court = get_or(k, "court", false);
    kind.zero_pad = get_or<std::size_t>(k, "zero_pad", 0);
    kind.is_register = get_or(k, "register", false);
    kind.is_vat_number = get_or(k, "vat_number", false);
    if (!is_known_id_check(kind.check))
      throw std::runtime_error("identifiers lexicon: " + where + ": unknown check algorithm '" +
                               kind.check + "'");
    if (kind.anywhere && kind.prefix.empty())
      throw std::runtime_error("identifiers lexicon: " + where +
                               ": \"anywhere\" kinds need a literal \"prefix\"");
    if (kind.anywhere) anywhere.push_back(kinds.size());
    kinds.push_back(std::move(kind));
  }
}

std::vector<std::size_t> RegisterIdFinder::Impl::expand(const std::string& ref,
                                                        const std::string& where) const {
  std::vector<std::size_t> out;
  bool wildcard = ref.size() > 2 && ref.compare(ref.size() - 2, 2, ".*") == 0;
  std::string stem = wildcard ? ref.substr(0, ref.size() - 1) : ref;  // keeps the '.'
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const std::string& key = kinds[i].key;
    if (wildcard ? key.compare(0, stem.size(), stem) == 0 : key == ref) out.push_back(i);
  }
  if (out.empty())
    throw std::runtime_error("identifiers lexicon: " + where + ": no kind matches '" + ref + "'");
  return out;
}

void RegisterIdFinder::Impl::load_labels(const nlohmann::json& j) {
  std::size_t n = 0;
  for (const auto& l : j) {
    std::string where = "label #" + std::to_string(n++) + " (" + l.value("regex", "") + ")";
    Label label(compile(l.at("regex").get<std::string>(), get_or(l, "icase", true), where));
    for (const auto& ref : l.at("kinds")) {
      auto ks = expand(ref.get<std::string>(), where);
      if (label.kinds.empty()) label.first_is_wildcard = ks.size() > 1;
      label.kinds.insert(label.kinds.end(), ks.begin(), ks.end());
    }
    label.value_prefix = get_or<std::string>(l, "value_prefix", "");
    label.value_prefix_group = get_or(l, "value_prefix_group", 0);
    label.court_group = get_or(l, "court_group", 0);
    label.malformed = get_or(l, "malformed", true);
    auto groups = static_cast<int>(label.re.capture_count());
    if (label.value_prefix_group > groups || label.court_group > groups)
      throw std::runtime_error("identifiers lexicon: " + where + ": group number out of range");
    labels.push_back(std::move(label));
  }
}

// A label word that is part of a street name ("Rue du Siret 3", "Via REA 12", "Kvk-laan 14"):
// a street word just before it, or a street suffix just after it (lexicon street_before /
// street_after). Its number is a house number, never an identifier.
bool RegisterIdFinder::Impl::in_street_name(std::string_view scan, std::size_t b,
                                            std::size_t e) const {
  constexpr std::size_t kStreetWindow = 40;
  Match m;
  if (street_before) {
    std::size_t wb = b > kStreetWindow ? b - kStreetWindow : 0;
    // Start on a character boundary: never inside a UTF-8 sequence.
    while (wb > 0 && (static_cast<unsigned char>(scan[wb]) & 0xC0) == 0x80) --wb;
    if (street_before->search_from(scan.substr(wb, b - wb), 0, &m)) return true;
  }
  if (street_after) {
    std::string_view after = scan.substr(e, std::min<std::size_t>(kStreetWindow, scan.size() - e));
    if (street_after->search_from(after, 0, &m) && m.begin == 0) return true;
  }
  return false;
}

// Label matches in the windows before number starts, sorted by end. Each window is searched
// once per label (windows are merged), which keeps the regex work proportional to the
// numbers on the page rather than to its length.
std::vector<LabelHit> RegisterIdFinder::Impl::label_hits(
    std::string_view scan, const std::vector<std::size_t>& starts) const {
  std::vector<std::pair<std::size_t, std::size_t>> regions;
  for (std::size_t s : starts) {
    std::size_t b = s > kLabelWindow ? s - kLabelWindow : 0;
    if (!regions.empty() && b <= regions.back().second)
      regions.back().second = std::max(regions.back().second, s);
    else
      regions.emplace_back(b, s);
  }
  std::vector<LabelHit> hits;
  Match m;
  for (std::size_t li = 0; li < labels.size(); ++li) {
    const Label& label = labels[li];
    for (auto [rb, re] : regions) {
      // The subject ends with the region; the text before the region stays visible.
      const std::string_view subject = scan.substr(0, re);
      std::size_t pos = rb;
      while (pos < re) {
        if (!label.re.search_from(subject, pos, &m)) break;
        std::size_t b = m.begin;
        std::size_t e = m.end;
        pos = e > b ? e : b + 1;
        if (e == b) continue;
        // Whole words only: "REA" must not fire inside "AREA", nor "IČ" inside "IČO".
        if (word_after(scan, b) && word_before(scan, b)) continue;
        if (word_before(scan, e) && word_after(scan, e)) continue;
        if (in_street_name(scan, b, e)) continue;
        LabelHit hit{b, e, li, {}, false};
        // Lexicon group numbers count from 1; Match::groups from 0.
        if (label.value_prefix_group > 0 && m.matched(label.value_prefix_group - 1))
          hit.prefix_text = m.group(scan, label.value_prefix_group - 1);
        if (label.court_group > 0) hit.court_named = m.matched(label.court_group - 1);
        hits.push_back(std::move(hit));
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const LabelHit& a, const LabelHit& b) {
    return a.e != b.e ? a.e < b.e : a.b < b.b;
  });
  return hits;
}

// The label closest before `start` whose gap to it is a plain gap (": ", " n° ", …); on a
// tie, the longest label ("N° TVA intracommunautaire" over "TVA intracommunautaire").
const LabelHit* RegisterIdFinder::Impl::label_for(std::string_view scan,
                                                  const std::vector<LabelHit>& hits,
                                                  std::size_t start) const {
  auto it = std::upper_bound(hits.begin(), hits.end(), start,
                             [](std::size_t s, const LabelHit& h) { return s < h.e; });
  const LabelHit* best = nullptr;
  while (it != hits.begin()) {
    --it;
    if (start - it->e > kMaxGap) break;
    if (best != nullptr && it->e < best->e) break;
    if (gap.match_whole(scan.substr(it->e, start - it->e))) {
      if (best == nullptr || it->b < best->b) best = &*it;
    }
  }
  return best;
}

// Tries kind `k` on the groups of `run` from `i`: the longest group span whose compact form
// matches the shape and is not followed by another digit group of the same run.
bool RegisterIdFinder::Impl::try_kind(std::string_view text, const Run& run, std::size_t i,
                                      std::size_t k, const LabelHit* hit, Finding& out) const {
  const Kind& kind = kinds[k];
  const Label* label = hit != nullptr ? &labels[hit->label] : nullptr;
  std::string compact;
  bool found = false;
  for (std::size_t j = i; j < run.size() && j < i + kMaxGroups; ++j) {
    compact.append(text.substr(run[j].b, run[j].e - run[j].b));
    if (compact.size() > kMaxCompact) break;
    if (j + 1 < run.size() && ascii_digit(text[run[j + 1].b])) continue;
    if (word_after(text, run[j].e) && !glued_word_at(text, run[j].e)) continue;
    // Shape alone (no label) needs the prefix as written in capitals: "DE 123…", not "de 123…".
    if (hit == nullptr && (compact.compare(0, kind.prefix.size(), kind.prefix) != 0 ||
                           (!kind.as_written && std::any_of(compact.begin(), compact.end(),
                                                            ascii_lower))))
      continue;
    std::string cand = kind.as_written ? compact : upper_ascii(compact);
    if (label != nullptr) {
      std::string pre = hit->prefix_text + label->value_prefix;
      if (!kind.as_written) pre = upper_ascii(pre);
      if (!pre.empty() && upper_ascii(cand).compare(0, pre.size(), upper_ascii(pre)) != 0)
        cand = pre + cand;
    }
    if (kind.zero_pad > 0 && cand.size() < kind.zero_pad && cand.size() + 2 >= kind.zero_pad &&
        std::all_of(cand.begin(), cand.end(), ascii_digit))
      cand.insert(0, kind.zero_pad - cand.size(), '0');
    Match m;
    if (!kind.shape.match_whole(cand, &m)) continue;
    out.b = run[i].b;
    out.e = run[j].e;
    out.kind = k;
    out.value = m.format(cand, kind.value_fmt);
    out.check_input = m.format(cand, kind.check_input_fmt);
    out.label = hit;
    out.malformed = false;
    found = true;
  }
  return found;
}

// A labelled number that fits none of the label's shapes: a format error worth reporting.
bool RegisterIdFinder::Impl::try_malformed(std::string_view text, const Run& run, std::size_t i,
                                           const LabelHit& hit, Finding& out) const {
  const Label& label = labels[hit.label];
  if (!label.malformed || label.kinds.empty()) return false;
  std::string compact;
  std::size_t j = i, digits = 0;
  for (; j < run.size(); ++j) {
    bool has_digit = group_has_digit(text, run[j]);
    // Only a country prefix ("FR 40 303…" after a VAT label) may start without a digit.
    if (!has_digit && (j > i || !label.first_is_wildcard)) break;
    std::string_view g = text.substr(run[j].b, run[j].e - run[j].b);
    if (compact.size() + g.size() > kMaxCompact) break;
    compact.append(g);
    digits += static_cast<std::size_t>(std::count_if(g.begin(), g.end(), ascii_digit));
  }
  if (digits < kMalformedDigits || j == i) return false;
  compact = upper_ascii(compact);
  std::size_t kind = label.kinds.front();
  if (label.first_is_wildcard) {  // pick the family member whose prefix is written
    auto it = std::find_if(label.kinds.begin(), label.kinds.end(), [&](std::size_t k) {
      return !kinds[k].prefix.empty() && compact.compare(0, kinds[k].prefix.size(),
                                                         kinds[k].prefix) == 0;
    });
    if (it == label.kinds.end()) return false;
    kind = *it;
  }
  out = Finding{run[i].b, run[j - 1].e, kind, hit.prefix_text + compact, {}, &hit, true, 0, false};
  return true;
}

std::string RegisterIdFinder::Impl::court_near(std::string_view text, std::string_view scan,
                                               const Finding& f) const {
  const Kind& kind = kinds[f.kind];
  if (f.label != nullptr && f.label->court_named)
    return trim(text.substr(f.label->b, f.label->e - f.label->b));
  std::size_t wb = f.b > kCourtWindow ? f.b - kCourtWindow : 0;
  std::size_t we = std::min(scan.size(), f.e + kCourtWindow);
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const Court& court : courts) {
    if (court.country != kind.country) continue;
    const std::string_view subject = scan.substr(0, we);
    std::size_t pos = wb;
    Match m;
    while (pos < we) {
      if (!court.re.search_from(subject, pos, &m)) break;
      std::size_t b = m.begin;
      std::size_t e = m.end;
      pos = e > b ? e : b + 1;
      if (e == b || (word_after(scan, b) && word_before(scan, b))) continue;
      std::size_t distance = e <= f.b ? f.b - e : (b >= f.e ? b - f.e : 0);
      if (distance >= best_distance) continue;
      std::size_t cb = b, ce = e;
      if (m.matched(0)) {  // group 1, when the regex has one, is the court
        cb = m.groups[0].first;
        ce = m.groups[0].second;
      }
      best_distance = distance;
      best = trim(text.substr(cb, ce - cb));
    }
  }
  return best;
}

RegisterId RegisterIdFinder::Impl::to_id(std::string_view text, std::string_view scan,
                                         const Finding& f) const {
  const Kind& kind = kinds[f.kind];
  RegisterId id;
  id.kind = kind.kind;
  id.country = kind.country;
  id.is_register = kind.is_register;
  id.is_vat_number = kind.is_vat_number;
  // Templates like "$1-$2" or "HRB $1 $2" leave stray separators when a group is empty.
  std::string value = trim(f.value, " -/");
  value.erase(std::unique(value.begin(), value.end(),
                          [](char a, char b) { return a == ' ' && b == ' '; }),
              value.end());
  id.value = value;
  id.raw = std::string(text.substr(f.b, f.e - f.b));
  id.begin = f.b;
  id.end = f.e;
  if (f.label != nullptr) id.label = trim(text.substr(f.label->b, f.label->e - f.label->b));
  id.check = f.malformed ? "invalid" : std::string(to_string(run_id_check(kind.check,
                                                                          f.check_input)));
  if (kind.court) id.court = court_near(text, scan, f);
  return id;
}

std::vector<RegisterId> RegisterIdFinder::Impl::find(std::string_view text) const {
  const std::string scan = scan_copy(text);
  const Runs runs = find_runs(scan);

  // Where a value may start: a group with a digit, or a short letter prefix ("FR", "ATU",
  // "HRB", "B") followed closely by digits; never inside a longer digit sequence.
  std::vector<std::pair<std::size_t, std::size_t>> cands;  // (run, group)
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const Run run = runs[r];
    for (std::size_t i = 0; i < run.size(); ++i) {
      if (i > 0 && ascii_digit(scan[run[i - 1].e - 1])) continue;
      if (i == 0 && word_before(scan, run[i].b)) continue;
      bool ok = group_has_digit(scan, run[i]);
      if (!ok && run[i].e - run[i].b <= 3) {
        for (std::size_t j = i + 1; j < run.size() && j <= i + 2 && !ok; ++j)
          ok = group_has_digit(scan, run[j]);
      }
      if (ok) cands.emplace_back(r, i);
    }
  }
  std::vector<std::size_t> starts;
  starts.reserve(cands.size());
  for (auto [r, i] : cands) starts.push_back(runs[r][i].b);
  const std::vector<LabelHit> hits = label_hits(scan, starts);

  std::vector<Finding> found;
  for (auto [r, i] : cands) {
    const Run run = runs[r];
    const LabelHit* hit = label_for(scan, hits, run[i].b);
    bool labelled = false;
    if (hit != nullptr) {
      const Label& label = labels[hit->label];
      for (std::size_t o = 0; o < label.kinds.size(); ++o) {
        Finding f{};
        if (try_kind(text, run, i, label.kinds[o], hit, f)) {
          f.order = o;
          found.push_back(std::move(f));
          labelled = true;
        }
      }
      Finding f{};
      if (!labelled && try_malformed(text, run, i, *hit, f)) found.push_back(std::move(f));
    }
    if (!ascii_digit(scan[run[i].b])) {
      for (std::size_t k : anywhere) {
        Finding f{};
        if (!try_kind(text, run, i, k, nullptr, f)) continue;
        // Without a label, a prefix-shaped token failing its check is far more often a
        // product or customer code ("DE-123456789") than a mistyped VAT id.
        if (!keep_unlabelled_invalid &&
            run_id_check(kinds[k].check, f.check_input) == IdCheck::invalid)
          continue;
        found.push_back(std::move(f));
      }
    }
  }

  // One identifier per stretch of text: well-formed beats malformed, labelled beats
  // shape-only, longer beats shorter, then earlier, then a kind whose check passes (a label
  // shared by several countries' kinds: "Org.nr" SE/NO, "CIF" ES/RO), then the label's
  // preferred kind.
  for (Finding& f : found)
    f.fails = !f.malformed && run_id_check(kinds[f.kind].check, f.check_input) == IdCheck::invalid;
  std::sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
    auto key = [](const Finding& f) {
      return std::make_tuple(f.malformed, f.label == nullptr, SIZE_MAX - (f.e - f.b), f.b,
                             f.fails, f.order);
    };
    return key(a) < key(b);
  });
  std::vector<const Finding*> kept;
  for (const Finding& f : found) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Finding* k) {
      return f.b < k->e && k->b < f.e;
    });
    if (!overlaps) kept.push_back(&f);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Finding* a, const Finding* b) { return a->b < b->b; });

  std::vector<RegisterId> out;
  out.reserve(kept.size());
  for (const Finding* f : kept) out.push_back(to_id(text, scan, *f));
  return out;
}

RegisterIdFinder::RegisterIdFinder(const nlohmann::json& identifiers_lexicon)
    : impl_(std::make_unique<Impl>(identifiers_lexicon)) {}
RegisterIdFinder::~RegisterIdFinder() = default;
RegisterIdFinder::RegisterIdFinder(RegisterIdFinder&&) noexcept = default;
RegisterIdFinder& RegisterIdFinder::operator=(RegisterIdFinder&&) noexcept = default;

std::vector<RegisterId> RegisterIdFinder::find(std::string_view text_utf8) const {
  return impl_->find(text_utf8);
}

std::vector<RegisterId> find_register_ids(std::string_view text_utf8,
                                          const nlohmann::json& identifiers_lexicon) {
  // A few compiled lexicons, keyed by content: callers pass the same JSON for every page.
  // Comparing the JSON trees costs far less than serialising one per page.
  static std::mutex mu;
  static std::vector<std::pair<nlohmann::json, std::shared_ptr<const RegisterIdFinder>>> cache;
  std::shared_ptr<const RegisterIdFinder> finder;
  {
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& [k, f] : cache)
      if (k == identifiers_lexicon) finder = f;
  }
  if (!finder) {
    finder = std::make_shared<const RegisterIdFinder>(identifiers_lexicon);
    std::lock_guard<std::mutex> lock(mu);
    if (cache.size() >= 4) cache.erase(cache.begin());
    cache.emplace_back(identifiers_lexicon, finder);
  }
  return finder->find(text_utf8);
}

}  // namespace omnicheck::extract

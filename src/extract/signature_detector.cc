#include "extract/signature_detector.h"

#include <algorithm>
#include <vector>

#include "extract/mail_context.h"

namespace omnicheck::extract {
namespace {

struct Line {
  std::size_t begin, end;     // trimmed
  bool blank_before = false;  // an empty line separates it from the line before
};

std::vector<Line> non_empty_lines(std::string_view text) {
  std::vector<Line> out;
  std::size_t i = 0;
  bool blank = false;
  while (i < text.size()) {
    std::size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t b = i, e = nl;
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) {
      out.push_back({b, e, blank});
      blank = false;
    } else {
      blank = true;
    }
    i = nl + 1;
  }
  return out;
}

// A street line starts with a street word ("Rue de la Paix", "Via Roma", "ul. Długa") or ends in
// a street suffix ("Hafenstraße", "Lindenweg"): no person, even when its words are capitalised.
std::string street_first_pattern(const Lexicon& lex) {
  std::string alt;
  for (const auto& w : lex.list("street_words")) {
    // Abbreviations of two letters ("Dr", "St") begin names and titles too.
    if (std::count_if(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }) < 3)
      continue;
    alt += (alt.empty() ? "" : "|") + escape_regex(w);
  }
  return "^(?:" + (alt.empty() ? std::string("(?!)") : alt) + ")(?![\\p{L}\\p{N}])";
}

std::string street_suffix_pattern(const Lexicon& lex) {
  std::string alt;
  for (const auto& w : lex.list("street_suffixes")) alt += (alt.empty() ? "" : "|") + escape_regex(w);
  return "\\p{L}{2,}(?:" + (alt.empty() ? std::string("(?!)") : alt) + ")$";
}

std::string sign_off_pattern(const Lexicon& lex) {
  std::string alt;
  for (const auto& w : lex.list("mail.sign_off")) {
    std::string esc;
    for (char c : escape_regex(w)) esc += c == ' ' ? std::string("\\s+") : std::string(1, c);
    alt += (alt.empty() ? "" : "|") + esc;
  }
  // The whole line is the sign-off, perhaps followed by the name: "Cordialement, Camille Roux".
  return "^(?:" + (alt.empty() ? std::string("(?!)") : alt) + ")(?![\\p{L}\\p{N}])\\s*[,.!:;]*\\s*(.{0,60})$";
}

std::string legal_form_pattern(const Lexicon& lex) {
  std::string alt;
  for (const auto& w : lex.list("legal_forms")) alt += (alt.empty() ? "" : "|") + escape_regex(w);
  return "(?<![\\p{L}\\p{N}])(?:" + (alt.empty() ? std::string("(?!)") : alt) + ")(?![\\p{L}\\p{N}])";
}

// "Sarah Jenkins, Customer Care" -> "Sarah Jenkins"; "Camille Roux – Service client" -> "Camille Roux".
std::string_view name_part(std::string_view line) {
  std::size_t cut = line.size();
  for (std::string_view sep : {",", " – ", " — ", " - ", " | ", " (", " / ", "\t"}) {
    std::size_t p = line.find(sep);
    if (p != std::string_view::npos && p < cut) cut = p;
  }
  std::string_view s = line.substr(0, cut);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

SignatureDetector::SignatureDetector(const Lexicon& lex)
    : sign_off_(sign_off_pattern(lex), true, "mail.sign_off"),
      team_(words_or_never(lex.list("mail.team_words")), true, "mail.team_words"),
      legal_form_(legal_form_pattern(lex), false, "legal_forms"),
      role_(words_or_never(lex.list("mail.role_words")), true, "mail.role_words"),
      street_first_(street_first_pattern(lex), true, "street_words"),
      street_suffix_(street_suffix_pattern(lex), true, "street_suffixes"),
      // A capitalised word ("Horáková", "Okafor-Reid", "O'Neil") or an initial ("J.").
      name_word_("^(?:\\p{Lu}[\\p{Ll}\\p{M}]+(?:['’\\-]\\p{L}[\\p{Ll}\\p{M}]*)*|\\p{Lu}\\.)$", false, "name word") {
  for (const auto& p : lex.list("mail.name_particles")) particles_.insert(p);
  for (const auto& g : lex.list("mail.given_names")) given_names_.insert(fold(g));
}

bool SignatureDetector::is_person_name(std::string_view line, const std::set<std::string>& brand_words) const {
  if (team_.search(line) || legal_form_.search(line) || role_.search(line)) return false;
  if (street_first_.search(line) || street_suffix_.search(line)) return false;
  std::vector<std::string> words;
  std::string cur;
  for (char c : line) {
    if (c == ' ') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.empty() || words.size() > 4) return false;
  int own = 0;  // capitalised words that are not the company's
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    bool inner = i > 0 && i + 1 < words.size();
    if (inner && particles_.count(w)) continue;
    if (!name_word_.search(w)) return false;
    if (w.size() > 2 && w[w.size() - 1] != '.' && !brand_words.count(fold(w))) ++own;
  }
  return own > 0;
}

Signature SignatureDetector::detect(std::string_view own_text, const std::set<std::string>& brand_words) const {
  Signature sig;
  sig.verdict = "none";
  auto lines = non_empty_lines(own_text);
  if (lines.empty()) return sig;

  // The last sign-off line opens the signature; without one, the last lines of the text are
  // read, where a person must come with a role to count ("Sarah Jenkins, Customer Care").
  std::size_t first = lines.size();
  std::string_view same_line_name;
  std::size_t same_line_begin = 0;
  for (std::size_t i = lines.size(); i-- > 0;) {
    std::string_view l = own_text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    Match m;
    if (sign_off_.search(l, &m)) {
      first = i + 1;
      std::string rest = m.group(l, 0);
      if (!rest.empty()) {
        same_line_begin = lines[i].begin + m.groups[0].first;
        same_line_name = own_text.substr(same_line_begin, rest.size());
      }
      sig.begin = lines[i].begin;
      break;
    }
  }
  bool after_sign_off = first < lines.size() || !same_line_name.empty();
  if (first == lines.size() && same_line_name.empty()) first = lines.size() > 5 ? lines.size() - 5 : 0;
  std::size_t last = std::min(lines.size(), first + 5);
  if (!after_sign_off) sig.begin = first < lines.size() ? lines[first].begin : 0;

  bool company_seen = false;
  // A line of brand words alone ("Kavárna Doma"), at most five words, half of them the brand's.
  auto brand_line = [&](std::string_view line) {
    std::string folded = fold(line);
    std::size_t brand_hits = 0, words = 0;
    for (std::size_t p = 0; p < folded.size();) {
      std::size_t q = folded.find(' ', p);
      if (q == std::string::npos) q = folded.size();
      if (q > p) {
        ++words;
        brand_hits += brand_words.count(folded.substr(p, q - p));
      }
      p = q + 1;
    }
    return words > 0 && brand_hits * 2 >= words && words <= 5;
  };
  // `next`: the line below, when no empty line separates them; `prev_label`: the line above ends
  // in a colon ("Votre article :"), so this line is a value, not a signature.
  auto judge = [&](std::string_view line, std::size_t begin, std::string_view next, bool prev_label) -> bool {
    std::string_view name = name_part(line);
    // Without a sign-off, a name counts only with a role beside it or right below it
    // ("Sarah Jenkins, Customer Care", "Marie Dubois / Conseillère clientèle"), and of two words
    // at least: "Hello," is no signature.
    std::string_view role = line.substr(name.size());
    bool role_given = team_.search(role) || role_.search(role) ||
                      (!next.empty() && (team_.search(next) || legal_form_.search(next) || role_.search(next)));
    bool two_words = name.find(' ') != std::string_view::npos;
    // A job title right under the name ("Martin Kováč⏎konateľ") makes it a person's even when
    // the shop is named after them (MED-KOVÁČ s.r.o.): a brand has no job title.
    static const std::set<std::string> kNoBrand;
    const bool titled = !next.empty() && role_.search(next) && !team_.search(next) && two_words;
    // A known given name first ("Sabine Ortlieb" for Holzspielzeug Ortlieb, "Petr Novák" above
    // "Keramika Novák") is a person's name though the surname is the shop's; and the company's
    // line right under such a name is the signature's own, as a role would be.
    // Hungarian writes the family name first ("Kovács Réka"): of two words, the second counts too.
    const std::string first_word = fold(name.substr(0, name.find(' ')));
    const std::string second_word = two_words ? fold(name.substr(name.rfind(' ') + 1)) : std::string();
    const bool given = two_words && (given_names_.count(first_word) > 0 ||
                                     (name.find(' ') == name.rfind(' ') && given_names_.count(second_word) > 0));
    const bool company_below = !next.empty() && (legal_form_.search(next) || brand_line(next));
    if ((is_person_name(name, brand_words) || ((titled || given) && is_person_name(name, kNoBrand))) &&
        (after_sign_off || ((role_given || (given && company_below)) && two_words && !prev_label))) {
      sig.verdict = "named";
      sig.name = std::string(name);
      sig.begin = begin;
      sig.end = begin + name.size();
      return true;
    }
    // A team, the company's form, or a line of brand words alone signs for the company.
    if (team_.search(line) || legal_form_.search(line) || brand_line(line)) company_seen = true;
    return false;
  };

  auto text_of = [&](std::size_t i) { return own_text.substr(lines[i].begin, lines[i].end - lines[i].begin); };
  auto next_of = [&](std::size_t i) -> std::string_view {
    return i + 1 < lines.size() && !lines[i + 1].blank_before ? text_of(i + 1) : std::string_view();
  };
  auto label_above = [&](std::size_t i) { return i > 0 && text_of(i - 1).back() == ':'; };
  std::vector<std::string> quoted;
  if (!same_line_name.empty()) {
    std::string_view next = first < lines.size() && !lines[first].blank_before ? text_of(first) : "";
    if (judge(same_line_name, same_line_begin, next, false)) {
      sig.lines = std::string(same_line_name);
      return sig;
    }
  }
  for (std::size_t i = first; i < last; ++i) {
    std::string_view l = own_text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (l == "--" || l == "-- ") continue;
    quoted.emplace_back(l);
    if (judge(l, lines[i].begin, next_of(i), label_above(i))) break;
  }
  for (const auto& q : quoted) sig.lines += (sig.lines.empty() ? "" : " / ") + q;
  if (sig.verdict == "named") return sig;
  if (company_seen) {
    sig.verdict = "team";
    sig.end = last > 0 && last - 1 < lines.size() ? lines[last - 1].end : own_text.size();
  }
  return sig;
}

}  // namespace omnicheck::extract

// Line-by-line phone number matching that gives what one PhoneNumberMatcher over the whole text
// gives (see phone_number_scan.h).
//
// Why the result is the same (libphonenumber 8.12, phonenumbermatcher.cc):
//  * A candidate is a match of the matcher's PATTERN: opening brackets or '+' and punctuation,
//    digit blocks joined by at most four punctuation characters (space, NBSP, . - / ( ) [ ] ~,
//    'x' and their wide forms), and an optional extension ("ext. 12", ";ext=12", "x 12",
//    "- 12#"), whose separators are space, NBSP, tab, ',', ':', '.', '-'. None of these is a
//    line break, so no candidate spans two lines, and the search after one line goes on in
//    the next as a fresh search would.
//  * What the matcher reads outside a candidate: the character before it (a letter, '%' or a
//    currency sign there rejects it; a '*' there is needed for Israeli 4-digit numbers), the
//    character after it (same test), and ":dd" after a time-stamp-like candidate. At a line
//    start the whole text has '\n' there and the line has nothing; both pass the letter test,
//    both fail the '*' and ":dd" tests. At a line end likewise.
//  * So each line alone yields the whole-text matches that lie in it, at the same offsets
//    from the line start. Lines without a candidate of at least kMinPhoneNumberDigits digits
//    (letters counted, as alpha numbers convert them) cannot yield a valid number and are not
//    run at all.
//  * The try budget: the whole-text matcher gives up after kPhoneMatcherTries failed
//    candidates over the whole text; each line here has its own. survey() bounds the tries one
//    pass over a line can cost; while the sum over all lines (a line with matches is passed
//    again from each match) stays under the budget, the whole-text matcher never ran out, and
//    the results are equal. Otherwise the scan runs the whole-text matcher itself.
#include "extract/phone_number_scan.h"

#include <glib.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <string_view>

namespace omnicheck::extract {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// ---- code point classes, mirroring the matcher's patterns (supersets where unsure) ----

// \p{Nd} as ICU knows it. A code point GLib does not know may be a digit of a newer Unicode
// version than GLib's: taken as a digit, which only makes the scan more careful.
bool is_digit(gunichar c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return g_unichar_isdigit(c) || g_unichar_type(c) == G_UNICODE_UNASSIGNED;
}

// PhoneNumberUtil::kValidPunctuation (private there), plus 'X'.
bool is_punctuation(gunichar c) {
  switch (c) {
    case '-': case 'x': case 'X': case ' ': case '(': case ')': case '.': case '[': case ']':
    case '/': case '~': case 0x00A0: case 0x00AD: case 0x200B: case 0x2060: case 0x2212:
    case 0x2053: case 0x223C: case 0x3000: case 0x30FC: case 0xFF08: case 0xFF09: case 0xFF3B:
    case 0xFF3D: case 0xFF5E:
      return true;
    default:
      return (c >= 0x2010 && c <= 0x2015) || (c >= 0xFF0D && c <= 0xFF0F);
  }
}

// Opening brackets and plus signs a candidate may start with.
bool is_lead(gunichar c) { return c == '(' || c == '[' || c == 0xFF08 || c == 0xFF3B || c == '+' || c == 0xFF0B; }

// Separators around an extension label: [ NBSP\t,]* label [:.．]? [ NBSP\t,-]*, ";ext=".
bool is_extension_separator(gunichar c) {
  return c == ' ' || c == 0xA0 || c == '\t' || c == ',' || c == ':' || c == '.' || c == 0xFF0E || c == '-' ||
         c == ';' || c == '=';
}

// One-character extension labels other than letters (x, ｘ are letters).
bool is_extension_mark(gunichar c) { return c == '#' || c == 0xFF03 || c == '~' || c == 0xFF5E; }

// Letters of extension labels ("ext", "extensión", "anexo", "доб", "int", fullwidth forms) in
// any case: any letter or combining mark.
bool is_letter(gunichar c) { return g_unichar_isalpha(c) || g_unichar_ismark(c); }

// Characters the matcher's inner-match patterns split a failed candidate on ("/", "(", a
// hyphen, a wide dash, ".", \p{Z}); each can cost up to two more tries.
bool is_split_char(gunichar c) {
  if (c == '/' || c == '(' || c == '-' || c == '.' || (c >= 0x2012 && c <= 0x2015) || c == 0xFF0D) return true;
  if (c < 0x80) return c == ' ';
  GUnicodeType t = g_unichar_type(c);
  return t == G_UNICODE_SPACE_SEPARATOR || t == G_UNICODE_LINE_SEPARATOR || t == G_UNICODE_PARAGRAPH_SEPARATOR ||
         t == G_UNICODE_UNASSIGNED;
}

// Whether a candidate may run across `gap` (the characters between two digit runs): up to four
// punctuation characters between digit blocks, or what may stand between a number and its
// extension digits.
bool joins(const std::vector<gunichar>& cps, std::size_t b, std::size_t e) {
  bool punctuation = e - b <= 4;
  bool extension = true, label = false, space_hyphen = true;
  for (std::size_t i = b; i < e; ++i) {
    gunichar c = cps[i];
    punctuation = punctuation && is_punctuation(c);
    space_hyphen = space_hyphen && (c == ' ' || c == '-');
    if (is_letter(c) || is_extension_mark(c)) label = true;
    else if (!is_extension_separator(c)) extension = false;
  }
  return punctuation || space_hyphen || (extension && label);
}

std::vector<gunichar> code_points(std::string_view s) {
  std::vector<gunichar> out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      out.push_back(0xFFFD);
      ++p;
    } else {
      out.push_back(c);
      p = g_utf8_next_char(p);
    }
  }
  return out;
}

struct LineSurvey {
  bool has_digit = false;
  bool may_hold_number = false;  // a possible candidate with kMinPhoneNumberDigits digits
  std::size_t try_bound = 0;     // most tries one pass of the matcher over the line can fail
};

// Digit runs joined into the stretches a candidate may cover; per stretch its digits (and
// letters), the candidates it can hold (one per run, one more per 9 digits: blocks are at most
// 20 digits, extensions at most 9 or 20) and the split characters in it and in its opening.
LineSurvey survey(std::string_view line) {
  LineSurvey s;
  const std::vector<gunichar> cps = code_points(line);
  std::size_t i = 0;
  std::size_t prev_run_end = 0;
  bool in_stretch = false;
  std::size_t digits = 0, candidates = 0, splits = 0;
  auto close_stretch = [&] {
    if (!in_stretch) return;
    s.may_hold_number = s.may_hold_number || digits >= kMinPhoneNumberDigits;
    s.try_bound += candidates + 2 * splits;
    in_stretch = false;
  };
  while (i < cps.size()) {
    if (!is_digit(cps[i])) {
      ++i;
      continue;
    }
    std::size_t run_begin = i;
    while (i < cps.size() && is_digit(cps[i])) ++i;
    std::size_t run_length = i - run_begin;
    if (in_stretch && joins(cps, prev_run_end, run_begin)) {
      for (std::size_t k = prev_run_end; k < run_begin; ++k) {
        if (is_letter(cps[k])) ++digits;
        if (is_split_char(cps[k])) ++splits;
      }
    } else {
      close_stretch();
      in_stretch = true;
      digits = candidates = splits = 0;
      // The opening: up to two brackets or plus signs with up to four punctuation after each.
      for (std::size_t k = run_begin, n = 0; k > prev_run_end && n < 10; ++n) {
        gunichar c = cps[--k];
        if (!is_lead(c) && !is_punctuation(c)) break;
        if (is_letter(c)) ++digits;
        if (is_split_char(c)) ++splits;
      }
    }
    digits += run_length;
    candidates += 1 + run_length / 9;
    prev_run_end = i;
    s.has_digit = true;
  }
  close_stretch();
  if (s.has_digit) ++s.try_bound;  // a pass that starts inside a run, after a match
  return s;
}

void append_matches(const std::string& text, std::size_t offset, const std::string& region,
                    std::vector<PhoneNumberInText>& out) {
  PhoneNumberMatcher matcher(*PhoneNumberUtil::GetInstance(), text, region, PhoneNumberMatcher::VALID,
                             kPhoneMatcherTries);
  while (matcher.HasNext()) {
    PhoneNumberMatch m;
    if (!matcher.Next(&m)) break;
    PhoneNumberInText found;
    found.begin = offset + static_cast<std::size_t>(m.start());
    found.end = found.begin + m.raw_string().size();
    found.raw = m.raw_string();
    found.number = m.number();
    out.push_back(found);
  }
}

}  // namespace

std::vector<PhoneNumberInText> match_phone_numbers_whole(const std::string& text, const std::string& region) {
  std::vector<PhoneNumberInText> out;
  append_matches(text, 0, region, out);
  return out;
}

namespace {

// The line-by-line scan, or the whole-text matcher when the try budget could run out.
std::vector<PhoneNumberInText> scan_lines(const std::string& text, const std::string& region) {
  std::vector<PhoneNumberInText> out;
  std::size_t tries = 0;  // bound on what the whole-text matcher would spend
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + begin, end - begin);
    LineSurvey s = survey(line);
    if (s.has_digit) {
      std::size_t before = out.size();
      if (s.may_hold_number) append_matches(std::string(line), begin, region, out);
      tries += (1 + out.size() - before) * s.try_bound;
      if (tries >= static_cast<std::size_t>(kPhoneMatcherTries)) return match_phone_numbers_whole(text, region);
    }
    begin = end + 1;
  }
  return out;
}

}  // namespace

std::vector<PhoneNumberInText> find_phone_numbers(const std::string& text, const std::string& region) {
  // The phone and the call-cost extractors both ask for the numbers of the page they read, one
  // after the other on the same thread: the last answer is kept per thread (never shared), and
  // reused only for the same text and region.
  struct Last {
    std::string text, region;
    std::vector<PhoneNumberInText> found;
  };
  thread_local Last last;
  if (last.region != region || last.text != text) {
    last.found = scan_lines(text, region);
    last.text = text;
    last.region = region;
  }
  return last.found;
}

}  // namespace omnicheck::extract

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
//    candidates over the whole text; each line here has its own. While the whole-text matcher
//    does not run out, the results are equal. When it would (a catalogue page of article
//    numbers, a price list), the scan goes on and finds the numbers after them: the budget
//    guards the matcher's cost, and a hotline below 600 article numbers is still a hotline.
//  * A line longer than 4 KB is matched in pieces cut at a character no candidate holds and
//    whose context test gives the same answer in both pieces (match_line).
#include "extract/phone_number_scan.h"

#include <glib.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
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
  bool may_hold_number = false;  // a possible candidate with kMinPhoneNumberDigits digits
};

// Digit runs joined into the stretches a candidate may cover, and per stretch its digits (and
// letters): a line whose stretches all hold fewer than kMinPhoneNumberDigits holds no number.
LineSurvey survey(std::string_view line) {
  LineSurvey s;
  const std::vector<gunichar> cps = code_points(line);
  std::size_t i = 0;
  std::size_t prev_run_end = 0;
  bool in_stretch = false;
  std::size_t digits = 0;
  auto close_stretch = [&] {
    if (!in_stretch) return;
    s.may_hold_number = s.may_hold_number || digits >= kMinPhoneNumberDigits;
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
      }
    } else {
      close_stretch();
      in_stretch = true;
      digits = 0;
      // The opening: up to two brackets or plus signs with up to four punctuation after each.
      for (std::size_t k = run_begin, n = 0; k > prev_run_end && n < 10; ++n) {
        gunichar c = cps[--k];
        if (!is_lead(c) && !is_punctuation(c)) break;
        if (is_letter(c)) ++digits;
      }
    }
    digits += run_length;
    prev_run_end = i;
  }
  close_stretch();
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

// A character no candidate can hold, and that no candidate's context test reads beyond itself:
// not a digit, letter or mark, not punctuation, a lead, an extension separator or mark, not
// '*' (Israeli numbers) and not a space (numbers are written with spaces). '€', '%', '!', '|'
// and the like.
bool is_hard_separator(gunichar c) {
  if (c == '*' || c == 0xFF0A || c == 0xFFFD) return false;
  if (is_digit(c) || is_letter(c) || is_punctuation(c) || is_lead(c) || is_extension_separator(c) ||
      is_extension_mark(c)) {
    return false;
  }
  return !g_unichar_isspace(c);
}

// A space with no digit within 24 bytes on either side: in prose, between words. No candidate
// reaches it (digit blocks join over at most four characters, an extension label is a short
// word right after the number's digits and right before its own).
bool is_quiet_space(std::string_view line, std::size_t i) {
  if (line[i] != ' ') return false;
  const std::size_t from = i > 24 ? i - 24 : 0;
  const std::size_t to = std::min(line.size(), i + 25);
  for (std::size_t k = from; k < to; ++k) {
    if (line[k] >= '0' && line[k] <= '9') return false;
    if (static_cast<unsigned char>(line[k]) >= 0x80) return false;  // a digit of another script, perhaps
  }
  return true;
}

// Where to cut a long line at or before `limit` (and after `from`): the start of a hard
// separator or a quiet space, so that the piece before ends with it and the piece after starts
// with it, and both read it as the context the whole line gives. npos when there is none.
std::size_t cut_before(std::string_view line, std::size_t from, std::size_t limit) {
  for (std::size_t i = limit; i > from; --i) {
    const unsigned char b = static_cast<unsigned char>(line[i]);
    if ((b & 0xC0) == 0x80) continue;  // inside a character
    if (is_quiet_space(line, i)) return i;
    const gunichar c = g_utf8_get_char_validated(line.data() + i, static_cast<gssize>(line.size() - i));
    if (c != static_cast<gunichar>(-1) && c != static_cast<gunichar>(-2) && is_hard_separator(c)) return i;
  }
  return std::string_view::npos;
}

// Lines longer than this are matched in pieces: the matcher converts the rest of its text for
// every candidate, so one piece costs at most its length times its candidates.
constexpr std::size_t kPieceBytes = 4096;

// The matches of one line: the line whole when it is short, else in pieces cut at hard
// separators or quiet spaces. 2 KB without either (a soup of digits and punctuation) is cut at
// the piece length on a character boundary, where a number standing across the cut may be missed.
void match_line(std::string_view line, std::size_t offset, const std::string& region,
                std::vector<PhoneNumberInText>& out) {
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t end = line.size();
    std::size_t next = end;
    if (line.size() - pos > kPieceBytes) {
      std::size_t cut = cut_before(line, pos + kPieceBytes / 2, pos + kPieceBytes);
      if (cut != std::string_view::npos) {
        end = cut + static_cast<std::size_t>(g_utf8_skip[static_cast<unsigned char>(line[cut])]);
        next = cut;
      } else {
        end = pos + kPieceBytes;
        while (end > pos && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
        next = end;
      }
    }
    std::string_view piece = line.substr(pos, end - pos);
    if (survey(piece).may_hold_number) append_matches(std::string(piece), offset + pos, region, out);
    pos = next;
  }
}

// Line by line (and piece by piece), each with the matcher's whole try budget: a catalogue page
// with hundreds of article numbers before its hotline still yields the hotline, where one
// matcher over the whole text would have given up before reaching it.
std::vector<PhoneNumberInText> scan_lines(const std::string& text, const std::string& region) {
  std::vector<PhoneNumberInText> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    match_line(std::string_view(text.data() + begin, end - begin), begin, region, out);
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

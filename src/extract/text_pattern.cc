#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract/text_pattern.h"

#include <glib.h>
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <new>
#include <stdexcept>

namespace omnicheck::extract {

struct TextPattern::Impl {
  pcre2_code* code = nullptr;
  uint32_t captures = 0;
  ~Impl() { pcre2_code_free(code); }
};

namespace {

// PCRE2 match data (the ovector a match writes) for the calling thread, big enough for
// `captures` groups. Match data is per-call state: one per thread lets many threads share a
// compiled pattern, and saves an allocation per match.
pcre2_match_data* thread_match_data(uint32_t captures) {
  struct Holder {
    pcre2_match_data* data = nullptr;
    uint32_t pairs = 0;
    ~Holder() { pcre2_match_data_free(data); }
  };
  thread_local Holder holder;
  if (captures + 1 > holder.pairs) {
    pcre2_match_data_free(holder.data);
    holder.pairs = std::max<uint32_t>(captures + 1, 16);
    holder.data = pcre2_match_data_create(holder.pairs, nullptr);
    if (holder.data == nullptr) throw std::bad_alloc();
  }
  return holder.data;
}

}  // namespace

// Runs the match; fills `m` (groups padded to the pattern's capture count when `pad`).
namespace {
thread_local std::size_t pattern_giveups = 0;
}  // namespace

std::size_t take_pattern_giveups() {
  const std::size_t n = pattern_giveups;
  pattern_giveups = 0;
  return n;
}

bool TextPattern::run(std::string_view text, std::size_t start, unsigned options, Match* m, bool pad) const {
  const Impl& impl = *impl_;
  pcre2_match_data* md = thread_match_data(impl.captures);
  const char* subject = text.data() != nullptr ? text.data() : "";
  int rc = pcre2_match(impl.code, reinterpret_cast<PCRE2_SPTR>(subject), text.size(), start, options, md, nullptr);
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT) {
    ++pattern_giveups;
  }
  if (rc < 0) return false;
  if (m != nullptr) {
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    m->begin = ov[0];
    m->end = ov[1];
    m->groups.clear();
    for (int i = 1; i < rc; ++i) {
      m->groups.emplace_back(ov[2 * i] == PCRE2_UNSET ? std::string::npos : ov[2 * i],
                             ov[2 * i + 1] == PCRE2_UNSET ? std::string::npos : ov[2 * i + 1]);
    }
    while (pad && m->groups.size() < impl.captures) m->groups.emplace_back(std::string::npos, std::string::npos);
  }
  return true;
}

std::string Match::group(std::string_view text, std::size_t i) const {
  if (i >= groups.size() || groups[i].first == std::string::npos) return {};
  return std::string(text.substr(groups[i].first, groups[i].second - groups[i].first));
}

std::string Match::format(std::string_view text, std::string_view fmt) const {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  std::size_t i = 0;
  while (i < fmt.size()) {
    std::size_t dollar = fmt.find('$', i);
    out.append(fmt.substr(i, dollar == std::string_view::npos ? std::string_view::npos : dollar - i));
    if (dollar == std::string_view::npos) break;
    i = dollar + 1;
    if (i == fmt.size()) {
      out += '$';
    } else if (fmt[i] == '$') {
      out += '$';
      ++i;
    } else if (fmt[i] == '&') {
      out.append(text.substr(begin, end - begin));
      ++i;
    } else if (fmt[i] == '`') {
      out.append(text.substr(0, begin));
      ++i;
    } else if (fmt[i] == '\'') {
      out.append(text.substr(end));
      ++i;
    } else if (is_digit(fmt[i])) {
      // One or two digits, as libstdc++ reads them; $0 is the whole match.
      std::size_t n = static_cast<std::size_t>(fmt[i++] - '0');
      if (i < fmt.size() && is_digit(fmt[i])) n = n * 10 + static_cast<std::size_t>(fmt[i++] - '0');
      if (n == 0) out.append(text.substr(begin, end - begin));
      else if (matched(n - 1)) out += group(text, n - 1);
    } else {
      out += '$';  // not a reference: the '$' is literal, the next character is copied as text
    }
  }
  return out;
}

TextPattern::TextPattern(const std::string& pattern, bool caseless, const std::string& what, PatternSyntax syntax)
    : impl_(std::make_unique<Impl>()), source_(pattern) {
  int err = 0;
  PCRE2_SIZE off = 0;
  uint32_t opts = 0;
  pcre2_compile_context* ctx = nullptr;
  if (syntax == PatternSyntax::unicode) {
    opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
  } else {
    // ECMAScript's escapes (\uXXXX, \xHH), '.' excluding CR as well as LF, $ only at the end.
    opts = PCRE2_ALT_BSUX | PCRE2_DOLLAR_ENDONLY;
    ctx = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(ctx, PCRE2_NEWLINE_ANYCRLF);
  }
  if (caseless) opts |= PCRE2_CASELESS;
  impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.c_str()), pattern.size(), opts, &err, &off, ctx);
  pcre2_compile_context_free(ctx);
  if (!impl_->code) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(err, buf, sizeof buf);
    throw std::runtime_error(what + ": bad pattern at offset " + std::to_string(off) + ": " +
                             reinterpret_cast<char*>(buf) + " in /" + pattern + "/");
  }
  pcre2_pattern_info(impl_->code, PCRE2_INFO_CAPTURECOUNT, &impl_->captures);
  pcre2_jit_compile(impl_->code, PCRE2_JIT_COMPLETE);  // best effort: falls back to the interpreter
}

TextPattern::~TextPattern() = default;
TextPattern::TextPattern(TextPattern&&) noexcept = default;
TextPattern& TextPattern::operator=(TextPattern&&) noexcept = default;

std::size_t TextPattern::capture_count() const { return impl_->captures; }

std::vector<Match> TextPattern::find_all(std::string_view text) const {
  std::vector<Match> out;
  std::size_t start = 0;
  Match m;
  while (start <= text.size() && run(text, start, 0, &m, true)) {
    out.push_back(m);
    if (m.end == m.begin) {
      // Empty match: step over one whole UTF-8 character.
      start = m.end + 1;
      while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    } else {
      start = m.end;
    }
  }
  return out;
}

bool TextPattern::search(std::string_view text, Match* m) const { return run(text, 0, 0, m, false); }

bool TextPattern::search_from(std::string_view text, std::size_t start, Match* m) const {
  return start <= text.size() && run(text, start, 0, m, true);
}

bool TextPattern::match_whole(std::string_view text, Match* m) const {
  // Anchoring at match time runs the interpreter rather than the JIT code; the subjects of
  // whole matches are short (identifier values, gaps).
  return run(text, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, m, true);
}

std::string escape_regex(std::string_view literal) {
  std::string out;
  for (char c : literal) {
    if (std::string_view("\\^$.|?*+()[]{}/-#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string words_to_pattern(const std::vector<std::string>& words) {
  std::string alt;
  for (const auto& w : words) {
    if (w.empty()) continue;
    if (!alt.empty()) alt += '|';
    // Spaces in a lexicon phrase match any run of white space (line breaks included).
    std::string esc;
    for (char c : escape_regex(w)) {
      if (c == ' ') esc += "\\s+";
      else esc += c;
    }
    alt += esc;
  }
  return "(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])";
}

std::string fold(std::string_view utf8) {
  gchar* norm = g_utf8_normalize(utf8.data(), static_cast<gssize>(utf8.size()), G_NORMALIZE_NFD);
  if (!norm) return std::string(utf8);
  gchar* folded = g_utf8_casefold(norm, -1);
  g_free(norm);
  std::string out;
  for (const gchar* p = folded; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_type(c) == G_UNICODE_NON_SPACING_MARK) continue;
    char buf[6];
    out.append(buf, static_cast<std::size_t>(g_unichar_to_utf8(c, buf)));
  }
  g_free(folded);
  // Letters that do not decompose but that people type without the stroke.
  std::string result;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "\xC5\x82") == 0) { result += 'l'; ++i; }       // ł
    else if (out.compare(i, 2, "\xC3\x9F") == 0) { result += "ss"; ++i; }  // ß (casefold gives ss already)
    else if (out.compare(i, 2, "\xC3\xB8") == 0) { result += 'o'; ++i; }   // ø
    else result += out[i];
  }
  return result;
}

std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (std::isspace(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace omnicheck::extract

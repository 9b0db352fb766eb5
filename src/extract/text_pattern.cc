#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract/text_pattern.h"

#include <glib.h>
#include <pcre2.h>

#include <stdexcept>

namespace omnicheck::extract {

struct TextPattern::Impl {
  pcre2_code* code = nullptr;
  ~Impl() { pcre2_code_free(code); }
};

std::string Match::group(std::string_view text, std::size_t i) const {
  if (i >= groups.size() || groups[i].first == std::string::npos) return {};
  return std::string(text.substr(groups[i].first, groups[i].second - groups[i].first));
}

TextPattern::TextPattern(const std::string& pattern, bool caseless, const std::string& what)
    : impl_(std::make_unique<Impl>()), source_(pattern) {
  int err = 0;
  PCRE2_SIZE off = 0;
  uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
  if (caseless) opts |= PCRE2_CASELESS;
  impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.c_str()), pattern.size(), opts, &err, &off, nullptr);
  if (!impl_->code) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(err, buf, sizeof buf);
    throw std::runtime_error(what + ": bad pattern at offset " + std::to_string(off) + ": " +
                             reinterpret_cast<char*>(buf) + " in /" + pattern + "/");
  }
  pcre2_jit_compile(impl_->code, PCRE2_JIT_COMPLETE);  // best effort: falls back to the interpreter
}

TextPattern::~TextPattern() = default;
TextPattern::TextPattern(TextPattern&&) noexcept = default;
TextPattern& TextPattern::operator=(TextPattern&&) noexcept = default;

std::vector<Match> TextPattern::find_all(std::string_view text) const {
  std::vector<Match> out;
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(impl_->code, nullptr);
  std::size_t start = 0;
  while (start <= text.size()) {
    int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), start, 0, md, nullptr);
    if (rc < 0) break;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    Match m;
    m.begin = ov[0];
    m.end = ov[1];
    for (int i = 1; i < rc; ++i) {
      m.groups.emplace_back(ov[2 * i] == PCRE2_UNSET ? std::string::npos : ov[2 * i],
                            ov[2 * i + 1] == PCRE2_UNSET ? std::string::npos : ov[2 * i + 1]);
    }
    uint32_t count = 0;
    pcre2_pattern_info(impl_->code, PCRE2_INFO_CAPTURECOUNT, &count);
    while (m.groups.size() < count) m.groups.emplace_back(std::string::npos, std::string::npos);
    out.push_back(m);
    if (ov[1] == ov[0]) {
      // Empty match: step over one whole UTF-8 character.
      start = ov[1] + 1;
      while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    } else {
      start = ov[1];
    }
  }
  pcre2_match_data_free(md);
  return out;
}

bool TextPattern::search(std::string_view text, Match* m) const {
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(impl_->code, nullptr);
  int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, md, nullptr);
  bool found = rc >= 0;
  if (found && m) {
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    m->begin = ov[0];
    m->end = ov[1];
    m->groups.clear();
    for (int i = 1; i < rc; ++i) {
      m->groups.emplace_back(ov[2 * i] == PCRE2_UNSET ? std::string::npos : ov[2 * i],
                             ov[2 * i + 1] == PCRE2_UNSET ? std::string::npos : ov[2 * i + 1]);
    }
  }
  pcre2_match_data_free(md);
  return found;
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

}  // namespace omnicheck::extract

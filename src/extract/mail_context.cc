#include "extract/mail_context.h"

#include <algorithm>
#include <cctype>

#include "extract/text_pattern.h"

namespace omnicheck::extract {

std::string message_key(const mail::Message& m) { return m.file + (m.offset ? "#" + std::to_string(m.offset) : ""); }

Evidence mail_evidence(const mail::Message& m, std::string header, std::string snippet, std::string note) {
  Evidence e;
  e.file = m.file;
  e.offset = m.offset;
  e.message_id = m.message_id;
  e.date = m.date_raw;
  e.header = std::move(header);
  if (std::string decoded = mail::decode_header_line(e.header); decoded != e.header) e.header_decoded = std::move(decoded);
  e.snippet = std::move(snippet);
  e.note = std::move(note);
  return e;
}

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// fold(a) == fold(b); for ASCII (every real header name) fold() is plain lower case.
bool same_folded(std::string_view a, std::string_view b) {
  if (is_ascii(a) && is_ascii(b)) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  }
  return fold(a) == fold(b);
}

}  // namespace

std::string raw_header(const mail::Message& m, const std::string& name) {
  for (const auto& [k, v] : m.headers) {
    if (same_folded(k, name)) return k + ": " + v;
  }
  return name + ":";
}

namespace {

std::string quote_header_pattern(const Lexicon& lex) {
  std::string alt;
  for (const auto& p : lex.list("mail.quote_headers")) alt += (alt.empty() ? "" : "|") + p;
  return "(?m)(?:^>|" + (alt.empty() ? std::string("(?!)") : alt) + ")";
}

}  // namespace

QuoteFinder::QuoteFinder(const Lexicon& lex) : header_(quote_header_pattern(lex), true, "mail.quote_headers") {}

std::size_t QuoteFinder::own_text_end(std::string_view body) const {
  Match m;
  if (!header_.search(body, &m)) return body.size();
  return m.begin;
}

std::string words_or_never(const std::vector<std::string>& words) {
  return words.empty() ? std::string("(?!)") : words_to_pattern(words);
}

}  // namespace omnicheck::extract

// Snippets quote the merchant's text with the match delimited as [[...]]. The merchant's own
// text may contain brackets too, so the markers are read defensively: only outermost balanced
// pairs become highlights, every other delimiter stays visible as text.
#include <cstddef>

#include "report/report_internal.h"

namespace omnicheck::report::detail {
namespace {

enum class Kind { kText, kOpen, kClose };

struct Token {
  Kind kind;
  std::string_view text;
  bool marks = false;  // an outermost balanced delimiter, dropped from the output
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t text_start = 0;
  std::size_t i = 0;
  while (i + 1 < s.size()) {
    const std::string_view two = s.substr(i, 2);
    if (two != "[[" && two != "]]") {
      ++i;
      continue;
    }
    // "]]]": a bracket of the quoted text closes just before the mark does; the mark is the last
    // two ("[[[x]]]" marks "[x]").
    if (two == "]]" && i + 2 < s.size() && s[i + 2] == ']') {
      ++i;
      continue;
    }
    if (i > text_start) tokens.push_back({Kind::kText, s.substr(text_start, i - text_start)});
    tokens.push_back({two == "[[" ? Kind::kOpen : Kind::kClose, two});
    i += 2;
    text_start = i;
  }
  if (text_start < s.size()) tokens.push_back({Kind::kText, s.substr(text_start)});
  return tokens;
}

}  // namespace

std::vector<Segment> split_marks(std::string_view snippet) {
  std::vector<Token> tokens = tokenize(snippet);

  // Pair delimiters like parentheses; a pair is outermost when it empties the stack.
  std::vector<std::size_t> open;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].kind == Kind::kOpen) {
      open.push_back(t);
    } else if (tokens[t].kind == Kind::kClose && !open.empty()) {
      const std::size_t o = open.back();
      open.pop_back();
      if (open.empty()) tokens[o].marks = tokens[t].marks = true;
    }
  }

  std::vector<Segment> segments;
  bool marked = false;
  for (const Token& tok : tokens) {
    if (tok.marks) {
      marked = tok.kind == Kind::kOpen;
      segments.push_back({"", marked});  // an empty [[]] still shows where the match was
      continue;
    }
    if (segments.empty() || segments.back().marked != marked) segments.push_back({"", marked});
    segments.back().text += tok.text;
  }
  // Drop the empty unmarked segments that a closing delimiter may leave behind.
  std::erase_if(segments, [](const Segment& s) { return !s.marked && s.text.empty(); });
  return segments;
}

}  // namespace omnicheck::report::detail

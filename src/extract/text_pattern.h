// Compiled PCRE2 patterns (UTF + Unicode properties) for lexicon data, and text folding.
// PCRE2 rather than std::regex: lexicons are written in many scripts, and std::regex works on
// bytes, knows no \p{L}, and is slow on long pages.
//
// Thread safety: a TextPattern is immutable after construction; every match method is const
// and keeps its PCRE2 match data per thread, so one pattern serves several threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace omnicheck::extract {

// Searches PCRE2 gave up on, on this thread, since the last call (its match, depth, heap or JIT
// stack limit: a pattern backtracking without end on some text). A search that gives up reads
// as "no match", so the caller must say that what the pattern looks for may have been missed.
std::size_t take_pattern_giveups();

struct Match {
  std::size_t begin = 0, end = 0;          // byte offsets of the whole match
  std::vector<std::pair<std::size_t, std::size_t>> groups;  // capture groups (npos when unset)
  std::string group(std::string_view text, std::size_t i) const;
  bool matched(std::size_t i) const { return i < groups.size() && groups[i].first != std::string::npos; }
  // `fmt` with ECMAScript replacement syntax filled in, as std::match_results::format does:
  // $& the match, $1…$99 groups (unset or out of range: nothing), $` and $' the text before
  // and after the match, $$ a dollar.
  std::string format(std::string_view text, std::string_view fmt) const;
};

// How a pattern reads its subject.
enum class PatternSyntax {
  // UTF-8 with Unicode properties: \p{L}, and \w, \d, \b and case folding for every script.
  unicode,
  // Bytes, as std::regex (ECMAScript, char) reads them: \d, \s, \w and case folding ASCII
  // only, a multi-byte letter is several characters, '.' stops at CR and LF, $ only at the very
  // end. For lexicons written for std::regex (identifiers.json).
  bytes,
};

class TextPattern {
 public:
  // Throws std::runtime_error naming `what` when the pattern does not compile.
  TextPattern(const std::string& pattern, bool caseless, const std::string& what = "pattern",
              PatternSyntax syntax = PatternSyntax::unicode);
  ~TextPattern();
  TextPattern(TextPattern&&) noexcept;
  TextPattern& operator=(TextPattern&&) noexcept;
  TextPattern(const TextPattern&) = delete;
  TextPattern& operator=(const TextPattern&) = delete;

  std::vector<Match> find_all(std::string_view text) const;
  bool search(std::string_view text, Match* m = nullptr) const;
  // The first match starting at or after `start`. The text before `start` stays visible to
  // lookbehind and \b (std::regex's match_prev_avail); offsets are into `text`.
  bool search_from(std::string_view text, std::size_t start, Match* m = nullptr) const;
  // Whether the whole of `text` matches (std::regex_match).
  bool match_whole(std::string_view text, Match* m = nullptr) const;
  std::size_t capture_count() const;
  const std::string& source() const { return source_; }

 private:
  struct Impl;
  bool run(std::string_view text, std::size_t start, unsigned options, Match* m, bool pad) const;
  std::unique_ptr<Impl> impl_;
  std::string source_;
};

// Builds one alternation from lexicon words: each word is escaped (literal), matched caseless
// on word boundaries.
std::string words_to_pattern(const std::vector<std::string>& words);
std::string escape_regex(std::string_view literal);

// Case-folded, accent-stripped form for comparing labels ("Mentions légales" == "mentions legales").
std::string fold(std::string_view utf8);

// Trims and collapses white space.
std::string squeeze(std::string_view s);

// Lower-cased copy (ASCII only; other bytes stay): addresses, domains, currency codes, markup.
std::string lower_ascii(std::string s);

}  // namespace omnicheck::extract

// Compiled PCRE2 patterns (UTF + Unicode properties) for lexicon data, and text folding.
// PCRE2 rather than std::regex: lexicons are written in many scripts, and std::regex works on
// bytes, knows no \p{L}, and is slow on long pages.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace omnicheck::extract {

struct Match {
  std::size_t begin = 0, end = 0;          // byte offsets of the whole match
  std::vector<std::pair<std::size_t, std::size_t>> groups;  // capture groups (npos when unset)
  std::string group(std::string_view text, std::size_t i) const;
};

class TextPattern {
 public:
  // Throws std::runtime_error naming `what` when the pattern does not compile.
  TextPattern(const std::string& pattern, bool caseless, const std::string& what = "pattern");
  ~TextPattern();
  TextPattern(TextPattern&&) noexcept;
  TextPattern& operator=(TextPattern&&) noexcept;
  TextPattern(const TextPattern&) = delete;
  TextPattern& operator=(const TextPattern&) = delete;

  std::vector<Match> find_all(std::string_view text) const;
  bool search(std::string_view text, Match* m = nullptr) const;
  const std::string& source() const { return source_; }

 private:
  struct Impl;
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

}  // namespace omnicheck::extract

// TextPattern: a search PCRE2 gives up on (catastrophic backtracking past its match limit) reads
// as "no match" and is counted, so that the page or message can say it was read in part.
#include <gtest/gtest.h>

#include "extract/text_pattern.h"

namespace omnicheck::extract {
namespace {

TEST(TextPattern, ASearchPcreGivesUpOnIsCountedNotTakenForAbsence) {
  take_pattern_giveups();
  // Nested quantifiers over a long run of "a" with no b or c after it: exponential backtracking.
  const TextPattern runaway("^(?:(?:a|aa)+)+[bc]", false, "runaway");
  const std::string text(5000, 'a');
  EXPECT_FALSE(runaway.search(text));
  EXPECT_GE(take_pattern_giveups(), 1u);
  EXPECT_EQ(take_pattern_giveups(), 0u);  // taken, so reset

  // Counter-case: an ordinary lexicon pattern that simply does not match gives up nothing.
  const TextPattern notice("(?<![\\p{L}\\p{N}])ne\\s+pas\\s+r[ée]pondre(?![\\p{L}\\p{N}])", true, "notice");
  EXPECT_FALSE(notice.search("Merci de votre commande. Notre service client vous répond sous 24 h."));
  EXPECT_TRUE(notice.search("Merci de ne pas répondre à ce message."));
  EXPECT_EQ(take_pattern_giveups(), 0u);
}

}  // namespace
}  // namespace omnicheck::extract

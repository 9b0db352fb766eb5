// Threads of a mailbox: customer messages and the trader's replies linked by Message-ID,
// In-Reply-To and References, and, where a client dropped those headers, by the normalised
// subject ("Re: AW: Frage" == "frage") together with the customer taking part.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

// Strips reply and forward prefixes in every language of the lexicons (mail.reply_prefixes:
// Re:, AW:, Odp:, TR:, WG:, Fwd:, "Re :", "Re[2]:"), leading [ticket] tags, case, accents and
// extra white space.
class SubjectNormaliser {
 public:
  explicit SubjectNormaliser(const Lexicon& lex);
  std::string normalise(std::string_view subject) const;

 private:
  TextPattern prefix_;
};

struct ThreadItem {
  std::string message_id;               // "" when the message has none
  std::vector<std::string> parent_ids;  // In-Reply-To, then References (any order)
  std::string subject_key;              // normalised subject + "|" + the customer; "" = do not use
};

struct ThreadSet {
  std::vector<int> thread_of;                     // item -> thread index
  std::vector<std::vector<std::size_t>> threads;  // items of each thread, in input order
  std::vector<std::string> linked_by;             // item -> "message-id", "subject" or "" (alone)
};

// Messages linked by ids are one thread whatever their subjects; a message with no id link to
// any other message of the mailbox joins the thread of the first message with its subject key.
ThreadSet build_threads(const std::vector<ThreadItem>& items);

}  // namespace omnicheck::extract

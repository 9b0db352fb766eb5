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
  // Whether the subject opens with a reply prefix ("Re:", "AW:", "Odp:"), not a forward's.
  bool is_reply(std::string_view subject) const;

 private:
  TextPattern prefix_, reply_;
};

// The parts of a reply: its own text and the earlier message it quotes. A top-posted reply
// quotes below its text, after a header from mail.quote_headers ("-----Original Message-----",
// an Outlook "From: … Sent: … To: … Subject:" block, "Le … a écrit :", "Am … schrieb …:",
// "Dne … napsal(a):") or "> " lines; a bottom-posted reply writes below "> " lines.
struct QuotedReply {
  std::size_t own_begin = 0, own_end = 0;  // the message's own text in the body
  bool quotes = false;                     // it quotes an earlier message
  std::string quoted_from;                 // the address the quote's header names, lower case ("" for none)
  std::string quoted_text;                 // the quoted part as written
};

class QuoteReader {
 public:
  explicit QuoteReader(const Lexicon& lex);
  QuotedReply read(std::string_view body) const;

 private:
  TextPattern header_;
};

// What two texts are compared by when a reply quotes a message: folded letters and digits only,
// so quote marks, re-wrapped lines and punctuation do not matter.
std::string quote_key(std::string_view text);

// How much of a message's own_key the threads compare: its first kQuoteKeyLen bytes.
inline constexpr std::size_t kQuoteKeyLen = 160;

struct ThreadItem {
  std::string message_id;               // "" when the message has none
  std::vector<std::string> parent_ids;  // In-Reply-To, then References (any order)
  std::string subject_key;              // normalised subject + "|" + the customer; "" = do not use
  std::string own_key;                  // quote_key of its own text ("" = do not use)
  std::string quoted_key;               // quote_key of the message it quotes ("" = none)
};

struct ThreadSet {
  std::vector<int> thread_of;                     // item -> thread index
  std::vector<std::vector<std::size_t>> threads;  // items of each thread, in input order
  std::vector<std::string> linked_by;             // item -> "message-id", "quote", "subject" or "" (alone)
};

// Messages linked by ids are one thread whatever their subjects; a message with no id link that
// quotes another message of the mailbox joins its thread (help desks drop In-Reply-To and put
// ticket numbers in the subject); a message with neither joins the thread of the first message
// with its subject key.
ThreadSet build_threads(const std::vector<ThreadItem>& items);

}  // namespace omnicheck::extract

// What the mail extractors share about each message (private to the extract stage): its key
// and body text, whose side it is on (trader or customer), whether it is an automatic reply,
// and which thread it belongs to. mail_extractor.cc fills it in, stage by stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

struct MailMessage {
  const mail::Message* m = nullptr;
  std::string key;          // file, plus "#offset" inside an mbox
  std::string body;         // text/plain, else the text of the HTML part
  std::string from;         // first From address as written ("" when none)
  std::string from_domain;  // registrable domain of `from`

  std::string side = "unknown";   // trader | customer | unknown
  std::string side_reason;        // why, in a few words (the finding quotes it)
  bool auto_reply = false;        // an automatic answer (headers or wording)
  int thread = -1;                // index of its thread
  std::string linked_by;          // message-id | subject | "" (alone)
  bool answers_customer = false;  // a trader message after a customer message in its thread
};

std::string message_key(const mail::Message& m);

// E-mail evidence (DESIGN.md contract): file, Message-ID, Date, and a header or body snippet.
Evidence mail_evidence(const mail::Message& m, std::string header, std::string snippet, std::string note);

// "Name: value" of the first header called `name` as written, or "Name:" when absent.
std::string raw_header(const mail::Message& m, const std::string& name);

// Where the message's own text ends: at the first line that starts quoted earlier mail (a line
// beginning with '>', or a header such as "On … wrote:" from mail.quote_headers).
class QuoteFinder {
 public:
  explicit QuoteFinder(const Lexicon& lex);
  std::size_t own_text_end(std::string_view body) const;

 private:
  TextPattern header_;
};

// words_to_pattern, or a pattern that never matches when the lexicons have no such words
// (an empty alternation would match everywhere).
std::string words_or_never(const std::vector<std::string>& words);

}  // namespace omnicheck::extract

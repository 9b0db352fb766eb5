// Automatic answers and what they say: whether a message is an auto-reply (Auto-Submitted:
// auto-replied, X-Autoreply, X-Autorespond, Precedence: auto_reply, or auto-reply wording in the
// subject or text), and whether it refuses the mail it answers: "this mailbox is not read", or
// "please use our contact form / portal" (LG Berlin 52 O 135/13: such an address is no way to
// reach the trader).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

struct AutoReplySignal {
  bool automatic = false;
  std::string by;                  // header | subject | wording
  std::string header;              // the header line as written when a header decided it
  std::size_t begin = 0, end = 0;  // the wording in the body, when the wording decided it
};

struct Refusal {
  std::string kind;  // not_read | use_form
  std::size_t begin = 0, end = 0;
};

class AutoReplyDetector {
 public:
  explicit AutoReplyDetector(const Lexicon& lex);

  AutoReplySignal classify(const mail::Message& m, std::string_view own_text) const;
  std::vector<Refusal> refusals(std::string_view own_text) const;
  // Whether the text promises an answer ("we will reply within 24 hours").
  bool acknowledges(std::string_view own_text) const;

 private:
  TextPattern subject_, wording_, generated_, not_read_, use_form_, acknowledgement_;
};

}  // namespace omnicheck::extract

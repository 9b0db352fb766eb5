// The readable text of a message: its text/plain and text/html parts (private to the mail
// stage).
#pragma once

#include <gmime/gmime.h>

#include <cstddef>
#include <string>
#include <vector>

namespace omnicheck::mail {

struct BodyText {
  std::string plain;  // every inline text/plain part, decoded to UTF-8, joined
  std::string html;   // every inline text/html part, decoded to UTF-8, joined
  std::vector<std::string> cut;  // what was not read, and why (nesting or part budget)
};

// Budgets of one message's MIME tree. Real mail nests a few levels (a signed alternative with
// related images: four) and holds tens of parts. GMime itself stops nesting at 1,024 levels
// and drops what lies deeper without a word; stopping well before, the walk knows it cut.
inline constexpr int kMaxMimeDepth = 64;
inline constexpr std::size_t kMaxMimeParts = 1000;

// Walks the message's MIME tree iteratively, within the budgets above (a cut is noted in `cut`).
// Parts with Content-Disposition: attachment are skipped, and so are the bodies of attached
// messages (message/rfc822: a bounce quotes someone else's mail).
// Transfer encodings are undone, charsets converted, line ends normalised to "\n".
BodyText collect_body_text(GMimeMessage* message);

}  // namespace omnicheck::mail

// The readable text of a message: its text/plain and text/html parts (private to the mail
// stage).
#pragma once

#include <gmime/gmime.h>

#include <string>

namespace omnicheck::mail {

struct BodyText {
  std::string plain;  // every inline text/plain part, decoded to UTF-8, joined
  std::string html;   // every inline text/html part, decoded to UTF-8, joined
};

// Walks the message's MIME tree. Parts with Content-Disposition: attachment are skipped, and so
// are the bodies of attached messages (message/rfc822: a bounce quotes someone else's mail).
// Transfer encodings are undone, charsets converted, line ends normalised to "\n".
BodyText collect_body_text(GMimeMessage* message);

}  // namespace omnicheck::mail

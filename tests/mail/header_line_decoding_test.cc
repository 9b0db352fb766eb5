// A header line as the evidence quotes it, and as a reader reads it: encoded-words decoded, the
// raw line kept as the evidence (extract::Evidence::header beside header_decoded).
#include <gtest/gtest.h>

#include "mail/mail.h"

namespace omnicheck::mail {
namespace {

TEST(HeaderLineDecoding, EncodedWordsAreDecodedAndPlainLinesStayAsTheyAre) {
  EXPECT_EQ(decode_header_line("From: =?UTF-8?Q?Maison_Lumi=C3=A8re?= <noreply@maison-lumiere.fr>"),
            "From: Maison Lumière <noreply@maison-lumiere.fr>");
  EXPECT_EQ(decode_header_line("Subject: =?iso-8859-1?Q?Bestellbest=E4tigung?= - Ihre Bestellung MV-2024-118734"),
            "Subject: Bestellbestätigung - Ihre Bestellung MV-2024-118734");
  EXPECT_EQ(decode_header_line("Subject: =?UTF-8?B?UG90dnJ6ZW7DrSBvYmplZG7DoXZreQ==?="), "Subject: Potvrzení objednávky");
  EXPECT_EQ(decode_header_line("From: Obchod <info@obchod.cz>"), "From: Obchod <info@obchod.cz>");
  // A malformed encoded word is shown as written, never dropped.
  EXPECT_NE(decode_header_line("Subject: =?UTF-8?Q?broken").find("broken"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::mail

// The trader's identity in its own messages (rule email.sender_identity): legal names and
// geographic addresses found with the site extractors' lexicon-driven finders, the customer's
// own delivery or billing address left out, each compared with what the site discloses.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractors.h"
#include "extract/mail_context.h"

namespace omnicheck::extract {

// What the site discloses about the trader, folded for comparison.
struct SiteIdentity {
  std::vector<std::string> names;      // folded legal names, with and without the legal form
  std::vector<std::string> addresses;  // postcode + street, letters and digits only
  std::vector<std::string> shown;      // as the site writes them, for the findings
};
SiteIdentity site_identity(const FactStore& store);

// Adds mail_legal_name and mail_location facts for one trader message. An address counts as
// the trader's only next to the trader's name (a legal name, or a line of `brand_words` such as
// the From display name) or under an address label ("Siège social :"): order mails also carry
// the customer's delivery address, pick-up points and article numbers that look like
// postcodes.
void extract_mail_identity(const MailMessage& mm, std::string_view text, const SitePatterns& sp,
                           const std::string& country_hint, const SiteIdentity& site,
                           const std::set<std::string>& brand_words, FactStore& out);

}  // namespace omnicheck::extract

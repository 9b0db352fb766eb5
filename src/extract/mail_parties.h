// The two sides of a mailbox. The trader's domains come from the site (its host and the
// addresses it discloses), from --trader-domain, or, with neither, from the majority of the
// senders that carry a trader's marks (role or no-reply address, bulk or automatic headers).
// A message is then the customer's when its From is a --customer address, or, without that
// option, when it comes from outside the trader's domains and is written to them.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "extract/mail_context.h"

namespace omnicheck::extract {

struct TraderDomains {
  std::vector<std::string> domains;  // registrable domains
  // Addresses the site discloses at public mailbox providers (shop@gmail.com): the trader's
  // own, though their domain is everyone's.
  std::set<std::string> addresses;
  std::string source = "none";  // site | option | site+option | majority | none
  std::string detail;           // how they were found, for the findings
};

// E-mail addresses the site discloses as the trader's (lower case; third parties left out).
std::set<std::string> site_disclosed_addresses(const FactStore& store);

// Whether a message carries a trader's marks: a role or no-reply local part, List-Unsubscribe,
// Precedence bulk/list, or Auto-Submitted.
bool has_trader_marks(const MailMessage& mm, const Lexicon& lex);

TraderDomains find_trader_domains(const std::vector<MailMessage>& messages, const FactStore& site,
                                  const MailOptions& opt, const Lexicon& lex);

bool in_domains(const std::string& registrable, const TraderDomains& td);

// Whether `address` is the trader's: in its domains, or an address the site discloses.
bool is_trader_address(const std::string& address, const TraderDomains& td);

// Sets side and side_reason of every message.
void assign_sides(std::vector<MailMessage>& messages, const TraderDomains& td, const MailOptions& opt,
                  const Lexicon& lex);

}  // namespace omnicheck::extract

// Address headers (From, Reply-To, Sender, To, Cc) into Address values (private to the mail
// stage).
#pragma once

#include <gmime/gmime.h>

#include <string>
#include <vector>

#include "mail/mail.h"

namespace omnicheck::mail {

// Parses an address-list header value with GMime. Group syntax is flattened to its members
// (a group name is not an address anyone can write to); display names are RFC 2047-decoded.
std::vector<Address> decode_address_list(GMimeParserOptions* options, const std::string& raw);

}  // namespace omnicheck::mail

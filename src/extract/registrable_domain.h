// Registrable domains (the part a company registers: "news.maison-lumiere.fr" ->
// "maison-lumiere.fr", "shop.example.co.uk" -> "example.co.uk") through libpsl and the Public
// Suffix List, so that a sub-domain of the trader's own domain counts as the trader's.
#pragma once

#include <string>
#include <string_view>

namespace omnicheck::extract {

// Registrable domain of a host name or of an e-mail address (the part after the last '@'),
// lower-cased; "" when there is none (a bare public suffix, an IP literal, an empty string).
std::string registrable_domain(std::string_view host_or_address);

// The domain part of an address ("a@B.example" -> "b.example"), lower-cased; "" without '@'.
std::string address_domain(std::string_view address);

}  // namespace omnicheck::extract

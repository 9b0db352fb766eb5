// Amounts of money written in page text ("1.234,56 €", "€ 349,00", "£12.99", "1 290 Kč",
// "59,–"), for the price extractors (private to the extract stage). Currency signs and codes
// are lexicon data (prices/common.json, price.currencies).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractors.h"

namespace omnicheck::extract {

struct PriceSpan {
  std::size_t begin = 0, end = 0;  // the amount with its currency
  double amount = 0;
  std::string currency;            // ISO 4217
};

// Every amount written with a currency, in text order.
std::vector<PriceSpan> find_prices(std::string_view text, const SitePatterns& sp);

// The value of an amount as written in European or English style: "1.234,56", "1 234,56",
// "1,234.56", "12.99", "59,-"; nullopt when it is no amount.
std::optional<double> parse_amount(std::string_view written);

// The regex (no capture groups) of an amount, shared by the price patterns.
const std::string& amount_regex();

}  // namespace omnicheck::extract

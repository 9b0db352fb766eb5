// What a call to a telephone number costs the consumer, in the coarse classes the call-cost
// rules need: free, billed as an ordinary call, or charged above the basic rate (shared cost,
// premium rate). libphonenumber gives the number's type; the national ranges of
// rules/lexicon/statements/charged_numbers.json refine it where its metadata lags or where a
// type (UAN, PERSONAL_NUMBER) says nothing about the price.
#pragma once

#include <memory>
#include <string>

#include <phonenumbers/phonenumber.pb.h>

#include <nlohmann/json.hpp>

namespace omnicheck::extract {

struct Tariff {
  // TOLL_FREE, STANDARD_RATE, SHARED_COST, PREMIUM_RATE, or UNKNOWN (a non-geographic number
  // whose price libphonenumber does not say and no national range covers).
  std::string tariff = "STANDARD_RATE";
  bool charged = false;          // SHARED_COST or PREMIUM_RATE
  bool hotline_allowed = true;   // false where the regulator bars the range for hotlines (AT 0810…)
  std::string source;            // "national_ranges" or "libphonenumber"
  std::string note;              // the national range's note, "" otherwise
};

class ChargedNumberClassifier {
 public:
  // `data` is the merged lexicon entry "charged_numbers" (its "charged_ranges" object).
  // Throws std::runtime_error naming the range on a bad regex or tariff.
  explicit ChargedNumberClassifier(const nlohmann::json& data);
  ~ChargedNumberClassifier();
  ChargedNumberClassifier(ChargedNumberClassifier&&) noexcept;
  ChargedNumberClassifier& operator=(ChargedNumberClassifier&&) noexcept;

  Tariff classify(const i18n::phonenumbers::PhoneNumber& number) const;
  // Same, from the region, national significant number and libphonenumber type name
  // ("PREMIUM_RATE", "UAN", …) of a phone fact.
  Tariff classify(const std::string& region, const std::string& nsn, const std::string& type) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The classifier for a lexicon's data, compiled on first use and cached (keyed by content).
const ChargedNumberClassifier& charged_number_classifier(const nlohmann::json& lexicon_raw);

}  // namespace omnicheck::extract

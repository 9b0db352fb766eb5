// Naming libphonenumber's verdicts for facts (private to the extract stage).
#pragma once

#include <phonenumbers/phonenumber.pb.h>

#include <nlohmann/json.hpp>

namespace omnicheck::extract {
// Adds e164, national, region_code, type (FIXED_LINE, MOBILE, PREMIUM_RATE, SHARED_COST, UAN,
// TOLL_FREE, …), valid and charged (premium rate or shared cost) to `attrs`.
void describe_phone(const i18n::phonenumbers::PhoneNumber& number, nlohmann::json& attrs);
}  // namespace omnicheck::extract

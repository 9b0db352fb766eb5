#include "extract/phone_types.h"

#include <phonenumbers/phonenumberutil.h>

namespace omnicheck::extract {

void describe_phone(const i18n::phonenumbers::PhoneNumber& number, nlohmann::json& attrs) {
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::string e164, national, region;
  util->Format(number, PhoneNumberUtil::E164, &e164);
  util->Format(number, PhoneNumberUtil::NATIONAL, &national);
  util->GetRegionCodeForNumber(number, &region);
  const char* type = "UNKNOWN";
  switch (util->GetNumberType(number)) {
    case PhoneNumberUtil::FIXED_LINE: type = "FIXED_LINE"; break;
    case PhoneNumberUtil::MOBILE: type = "MOBILE"; break;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: type = "FIXED_LINE_OR_MOBILE"; break;
    case PhoneNumberUtil::TOLL_FREE: type = "TOLL_FREE"; break;
    case PhoneNumberUtil::PREMIUM_RATE: type = "PREMIUM_RATE"; break;
    case PhoneNumberUtil::SHARED_COST: type = "SHARED_COST"; break;
    case PhoneNumberUtil::VOIP: type = "VOIP"; break;
    case PhoneNumberUtil::PERSONAL_NUMBER: type = "PERSONAL_NUMBER"; break;
    case PhoneNumberUtil::PAGER: type = "PAGER"; break;
    case PhoneNumberUtil::UAN: type = "UAN"; break;
    case PhoneNumberUtil::VOICEMAIL: type = "VOICEMAIL"; break;
    default: break;
  }
  attrs["e164"] = e164;
  attrs["national"] = national;
  attrs["region_code"] = region;
  attrs["type"] = type;
  attrs["valid"] = util->IsValidNumber(number);
  std::string t(type);
  attrs["charged"] = t == "PREMIUM_RATE" || t == "SHARED_COST";
}

}  // namespace omnicheck::extract

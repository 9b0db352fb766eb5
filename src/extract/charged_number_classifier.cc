#include "extract/charged_number_classifier.h"

#include <phonenumbers/phonenumberutil.h>

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

#include "extract/text_pattern.h"

namespace omnicheck::extract {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

const std::set<std::string> kTariffs = {"TOLL_FREE", "STANDARD_RATE", "SHARED_COST", "PREMIUM_RATE"};

std::string type_name(PhoneNumberUtil::PhoneNumberType t) {
  switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return "FIXED_LINE";
    case PhoneNumberUtil::MOBILE: return "MOBILE";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return "FIXED_LINE_OR_MOBILE";
    case PhoneNumberUtil::TOLL_FREE: return "TOLL_FREE";
    case PhoneNumberUtil::PREMIUM_RATE: return "PREMIUM_RATE";
    case PhoneNumberUtil::SHARED_COST: return "SHARED_COST";
    case PhoneNumberUtil::VOIP: return "VOIP";
    case PhoneNumberUtil::PERSONAL_NUMBER: return "PERSONAL_NUMBER";
    case PhoneNumberUtil::PAGER: return "PAGER";
    case PhoneNumberUtil::UAN: return "UAN";
    case PhoneNumberUtil::VOICEMAIL: return "VOICEMAIL";
    default: return "UNKNOWN";
  }
}

}  // namespace

struct ChargedNumberClassifier::Impl {
  struct Range {
    TextPattern nsn;
    Tariff tariff;
  };
  std::map<std::string, std::vector<Range>> by_region;
};

ChargedNumberClassifier::ChargedNumberClassifier(const nlohmann::json& data) : impl_(std::make_unique<Impl>()) {
  if (!data.is_object() || !data.contains("charged_ranges")) return;
  for (const auto& [region, ranges] : data["charged_ranges"].items()) {
    for (const auto& r : ranges) {
      std::string what = "charged_numbers " + region + " " + r.value("nsn", "");
      Tariff t;
      t.tariff = r.value("tariff", "");
      if (!kTariffs.count(t.tariff)) throw std::runtime_error(what + ": unknown tariff \"" + t.tariff + "\"");
      t.charged = t.tariff == "SHARED_COST" || t.tariff == "PREMIUM_RATE";
      t.hotline_allowed = r.value("hotline_allowed", true);
      t.source = "national_ranges";
      t.note = r.value("note", "");
      // Anchored at the start of the national significant number.
      impl_->by_region[region].push_back({TextPattern("^(?:" + r.at("nsn").get<std::string>() + ")", false, what), t});
    }
  }
}

ChargedNumberClassifier::~ChargedNumberClassifier() = default;
ChargedNumberClassifier::ChargedNumberClassifier(ChargedNumberClassifier&&) noexcept = default;
ChargedNumberClassifier& ChargedNumberClassifier::operator=(ChargedNumberClassifier&&) noexcept = default;

Tariff ChargedNumberClassifier::classify(const std::string& region, const std::string& nsn, const std::string& type) const {
  auto it = impl_->by_region.find(region);
  // Geographic and mobile numbers are never in a charged range: the national list only
  // refines non-geographic types, so a landline that happens to share digits stays basic rate.
  bool geographic = type == "FIXED_LINE" || type == "MOBILE" || type == "FIXED_LINE_OR_MOBILE";
  if (it != impl_->by_region.end() && !geographic) {
    for (const auto& r : it->second) {
      if (!r.nsn.search(nsn)) continue;
      Tariff t = r.tariff;
      // The range decides whether the call is charged; where the library also says charged,
      // its finer split between shared cost and premium rate is kept (FR 081x/082x mix both).
      if (t.charged && (type == "SHARED_COST" || type == "PREMIUM_RATE")) t.tariff = type;
      return t;
    }
  }
  Tariff t;
  t.source = "libphonenumber";
  if (type == "TOLL_FREE" || type == "SHARED_COST" || type == "PREMIUM_RATE") {
    t.tariff = type;
  } else if (type == "UAN" || type == "PERSONAL_NUMBER") {
    // These say who answers, not what the call costs: a human must look.
    t.tariff = "UNKNOWN";
  } else {
    t.tariff = "STANDARD_RATE";
  }
  t.charged = t.tariff == "SHARED_COST" || t.tariff == "PREMIUM_RATE";
  return t;
}

Tariff ChargedNumberClassifier::classify(const i18n::phonenumbers::PhoneNumber& number) const {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::string region, nsn;
  util->GetRegionCodeForNumber(number, &region);
  util->GetNationalSignificantNumber(number, &nsn);
  return classify(region, nsn, type_name(util->GetNumberType(number)));
}

const ChargedNumberClassifier& charged_number_classifier(const nlohmann::json& lexicon_raw) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<ChargedNumberClassifier>> cache;
  const nlohmann::json& data =
      lexicon_raw.contains("charged_numbers") ? lexicon_raw["charged_numbers"] : nlohmann::json::object();
  std::string key = data.dump();
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, std::make_unique<ChargedNumberClassifier>(data)).first;
  return *it->second;
}

}  // namespace omnicheck::extract

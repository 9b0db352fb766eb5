// Telephone numbers in a page text: what libphonenumber's PhoneNumberMatcher finds in the whole
// text (leniency VALID), without its cost on long texts and without its give-up point.
//
// The matcher converts the rest of the text to UTF-8 again for every candidate it looks at, so
// its cost grows with candidates × text length, and it stops after kPhoneMatcherTries failed
// candidates. This runs it line by line (long lines in 4 KB pieces), only on lines that can hold
// a number, each with the whole try budget: the cost is linear in the text, and the result is
// the whole-text matcher's wherever that matcher did not give up (phone_number_scan.cc says why).
#pragma once

#include <phonenumbers/phonenumber.pb.h>

#include <cstddef>
#include <string>
#include <vector>

namespace omnicheck::extract {

// The try budget the extractors give the matcher (PhoneNumberMatcher's max_tries).
inline constexpr int kPhoneMatcherTries = 1000;

// Fewest digits (letters counted as digits, for numbers like 0800-FLOWERS) of a number that
// libphonenumber calls valid in any region; tests/extract/phone_number_scan_test.cc checks it
// against the installed metadata.
inline constexpr std::size_t kMinPhoneNumberDigits = 3;

struct PhoneNumberInText {
  std::size_t begin = 0, end = 0;  // byte offsets of `raw` in the text
  std::string raw;                 // as written
  i18n::phonenumbers::PhoneNumber number;

  // Copied, never moved: PhoneNumber's inline move code reaches protobuf's MessageLite, which
  // only libphonenumber links (sanitizer builds then fail to link); its copy is out of line.
  PhoneNumberInText() = default;
  PhoneNumberInText(const PhoneNumberInText&) = default;
  PhoneNumberInText& operator=(const PhoneNumberInText&) = default;
};

// The matches of PhoneNumberMatcher(util, line, region, VALID, kPhoneMatcherTries) for each line
// of the text, in order. `region` is the default region ("ZZ": only numbers written with a country code). Safe on
// several threads; the last answer is kept per thread for the next extractor of the same page.
std::vector<PhoneNumberInText> find_phone_numbers(const std::string& text, const std::string& region);

// The same from one matcher over the whole text: the reference the scan must equal (tests),
// and its fallback.
std::vector<PhoneNumberInText> match_phone_numbers_whole(const std::string& text, const std::string& region);

}  // namespace omnicheck::extract

// Number classification (libphonenumber 8.12.57 + the national ranges of
// rules/lexicon/statements/charged_numbers.json) against the newer libphonenumber metadata in
// shared/corpus: the example number per type (examples.csv) and every premium-rate,
// shared-cost and toll-free range (DERIVED_eu_premium_shared_tollfree.csv), for the EU27 and
// the other countries the corpus carries. Disagreements are printed, never hidden: the Debian
// library is older than the corpus, and the tests pin how far apart they are allowed to drift.
#include <gtest/gtest.h>

#include <phonenumbers/phonenumberutil.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "extract/charged_number_classifier.h"
#include "extract/extract.h"
#include "support/test_support.h"

namespace omnicheck::extract {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace fs = std::filesystem;

const std::set<std::string> kEu27 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
                                     "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
const std::set<std::string> kTariffTypes = {"PREMIUM_RATE", "SHARED_COST", "TOLL_FREE"};

fs::path corpus() { return omnicheck::testing::shared_dir() / "corpus" / "libphonenumber"; }

const ChargedNumberClassifier& classifier() {
  static const Lexicon lex = Lexicon::load(omnicheck::testing::rules_dir() / "lexicon");
  return charged_number_classifier(lex.raw());
}

std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r\"");
  auto e = s.find_last_not_of(" \t\r\"");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ';')) out.push_back(trim(cell));
  return out;
}

bool parse(const std::string& digits, const std::string& region, PhoneNumber* n) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  int cc = util->GetCountryCodeForRegion(region);
  return util->Parse("+" + std::to_string(cc) + digits, region, n) == PhoneNumberUtil::NO_PARSING_ERROR;
}

struct Tally {
  int total = 0, exact = 0, charged_agree = 0, unparsed = 0;
  std::vector<std::string> disagreements;
};

void report(const std::string& what, const Tally& t) {
  std::cout << "[agreement] " << what << ": " << t.exact << "/" << t.total << " same tariff, " << t.charged_agree << "/"
            << t.total << " same charged-or-not, " << t.unparsed << " not valid for the library\n";
  for (const auto& d : t.disagreements) std::cout << "  [disagree] " << d << "\n";
}

void tally(Tally& t, const std::string& label, const std::string& region, const std::string& digits,
           const std::string& expected, const ChargedNumberClassifier& c = classifier()) {
  ++t.total;
  PhoneNumber n;
  if (!parse(digits, region, &n) || !PhoneNumberUtil::GetInstance()->IsValidNumber(n)) {
    ++t.unparsed;
    t.disagreements.push_back(label + " " + region + " " + digits + ": corpus " + expected +
                              ", not a valid number for libphonenumber 8.12.57");
    return;
  }
  Tariff got = c.classify(n);
  bool expected_charged = expected == "PREMIUM_RATE" || expected == "SHARED_COST";
  if (got.tariff == expected) ++t.exact;
  if (got.charged == expected_charged) ++t.charged_agree;
  if (got.tariff != expected) {
    t.disagreements.push_back(label + " " + region + " " + digits + ": corpus " + expected + ", omnicheck " +
                              got.tariff + " (" + got.source + ")");
  }
}

// Regions per calling code, from metadata.csv ("33 ; "FR" ; …").
std::map<std::string, std::vector<std::string>> regions_by_code() {
  std::map<std::string, std::vector<std::string>> out;
  std::ifstream in(corpus() / "resources" / "metadata" / "metadata.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto cells = split(line);
    if (cells.size() < 2) continue;
    out[cells[0]].push_back(cells[1]);
    if (cells.size() > 2 && !cells[2].empty()) {
      std::stringstream extra(cells[2]);
      std::string r;
      while (std::getline(extra, r, ',')) out[cells[0]].push_back(trim(r));
    }
  }
  return out;
}

TEST(NumberClassification, AgreesWithTheCorpusExampleNumbers) {
  if (!fs::exists(corpus())) GTEST_SKIP() << "no shared corpus at " << corpus();
  Tally eu, other, geographic;
  for (const auto& dir : fs::directory_iterator(corpus() / "resources" / "metadata")) {
    if (!dir.is_directory()) continue;
    std::ifstream in(dir.path() / "examples.csv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      auto cells = split(line);
      if (cells.size() < 3) continue;
      const std::string &region = cells[0], &type = cells[1], &digits = cells[2];
      if (kTariffTypes.count(type)) {
        tally(kEu27.count(region) ? eu : other, "example", region, digits, type);
      } else if (type == "FIXED_LINE" || type == "MOBILE") {
        // Counter-check: an ordinary landline or mobile number is never taken for a charged one.
        tally(geographic, "example " + type, region, digits, "STANDARD_RATE");
      }
    }
  }
  report("examples.csv EU27 premium/shared/toll-free", eu);
  report("examples.csv other countries premium/shared/toll-free", other);
  report("examples.csv landline and mobile (must stay standard rate)", geographic);
  // Every EU27 example of these three types agrees on the exact tariff: the data refines the
  // library where it lags, and a change that breaks one of them must be looked at.
  EXPECT_EQ(eu.exact, eu.total);
  EXPECT_GT(eu.total, 60);
  EXPECT_EQ(other.charged_agree, other.total);
  EXPECT_EQ(geographic.charged_agree, geographic.total);
}

// A number inside a corpus range: the prefix pattern's first choice at each position, padded
// to one of the range's lengths; the first such number libphonenumber accepts is taken.
std::vector<std::string> numbers_in_range(const std::string& prefix, const std::string& lengths) {
  std::string head;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = prefix[i];
    if (c == '[') {
      head += prefix[i + 1];
      i = prefix.find(']', i);
    } else if (c == 'x') {
      head += '0';
    } else {
      head += c;
    }
  }
  int lo = 0, hi = 0;
  auto dash = lengths.find('-');
  lo = std::stoi(lengths.substr(0, dash));
  hi = dash == std::string::npos ? lo : std::stoi(lengths.substr(dash + 1));
  std::vector<std::string> out;
  for (int len = lo; len <= hi; ++len) {
    if (static_cast<int>(head.size()) > len) continue;
    for (char pad : {'0', '5', '1', '9'}) out.push_back(head + std::string(static_cast<std::size_t>(len) - head.size(), pad));
  }
  return out;
}

TEST(NumberClassification, AgreesWithTheCorpusChargedRanges) {
  if (!fs::exists(corpus())) GTEST_SKIP() << "no shared corpus at " << corpus();
  auto regions = regions_by_code();
  std::ifstream in(corpus() / "DERIVED_eu_premium_shared_tollfree.csv");
  std::string line;
  std::getline(in, line);
  std::map<std::string, Tally> by_region;
  Tally eu, library_alone;
  const ChargedNumberClassifier no_national_ranges(nlohmann::json::object());
  while (std::getline(in, line)) {
    auto cells = split(line);
    if (cells.size() < 6) continue;
    const std::string &prefix = cells[1], &lengths = cells[2], &tariff = cells[4];
    std::string region = cells[5].substr(0, 2);
    std::string digits;
    for (const auto& candidate : numbers_in_range(prefix, lengths)) {
      PhoneNumber n;
      if (parse(candidate, region, &n) && PhoneNumberUtil::GetInstance()->IsValidNumber(n)) {
        digits = candidate;
        break;
      }
    }
    if (digits.empty()) digits = numbers_in_range(prefix, lengths).front();
    tally(by_region[region], "range " + prefix, region, digits, tariff);
    if (kEu27.count(region)) {
      tally(eu, "range " + prefix, region, digits, tariff);
      tally(library_alone, "range " + prefix, region, digits, tariff, no_national_ranges);
    }
  }
  for (const auto& [region, t] : by_region) report("ranges " + region, t);
  std::cout << "[agreement] ranges EU27 total: " << eu.exact << "/" << eu.total << " same tariff, " << eu.charged_agree
            << "/" << eu.total << " same charged-or-not, " << eu.unparsed << " unknown to 8.12.57\n";
  std::cout << "[agreement] ranges EU27, libphonenumber 8.12.57 alone: " << library_alone.exact << "/"
            << library_alone.total << " same tariff, " << library_alone.charged_agree << "/" << library_alone.total
            << " same charged-or-not\n";
  // Measured when the data was written: 809/814 on both counts; the 5 misses are ranges the
  // 8.12.57 metadata does not know at all (BE 0706x, BG 00800, GR 896/899, HR 080x), so its
  // matcher never finds such numbers on a page. The floor catches a regression in the data.
  EXPECT_GE(static_cast<double>(eu.exact) / eu.total, 0.99);
  EXPECT_GE(static_cast<double>(eu.charged_agree) / eu.total, 0.99);
  EXPECT_GE(eu.charged_agree, library_alone.charged_agree) << "the national ranges must not make things worse";
}

TEST(NumberClassification, NationalRangesRefineTheLibrary) {
  struct Case {
    const char *region, *number, *tariff;
    bool charged;
  };
  const Case cases[] = {
      {"DE", "01805 123456", "SHARED_COST", true},   {"DE", "0900 1 234567", "PREMIUM_RATE", true},
      {"DE", "0800 1234567", "TOLL_FREE", false},    {"DE", "030 1234567", "STANDARD_RATE", false},
      {"DE", "0151 23456789", "STANDARD_RATE", false},
      {"AT", "0810 123456", "SHARED_COST", true},    {"AT", "0900 123456", "PREMIUM_RATE", true},
      {"AT", "050 1234567", "STANDARD_RATE", false}, {"FR", "0 892 35 12 34", "PREMIUM_RATE", true},
      {"FR", "0806 12 34 56", "STANDARD_RATE", false}, {"FR", "0820 12 34 56", "SHARED_COST", true},
      {"FR", "01 99 00 12 34", "STANDARD_RATE", false}, {"CZ", "840 123 456", "SHARED_COST", true},
      {"CZ", "906 123 456", "PREMIUM_RATE", true},   {"CZ", "800 123 456", "TOLL_FREE", false},
      {"ES", "902 123 456", "SHARED_COST", true},    {"ES", "807 123 456", "PREMIUM_RATE", true},
      {"ES", "912 345 678", "STANDARD_RATE", false}, {"IT", "199 123 456", "SHARED_COST", true},
      {"IT", "848 123 456", "SHARED_COST", true},    {"IT", "899 123 456", "PREMIUM_RATE", true},
      {"IT", "02 1234 5678", "STANDARD_RATE", false}, {"NL", "0900 1234567", "PREMIUM_RATE", true},
      {"NL", "0909 1234567", "PREMIUM_RATE", true},  {"NL", "020 123 4567", "STANDARD_RATE", false},
      {"PL", "801 123 456", "SHARED_COST", true},    {"PL", "703 123 456", "PREMIUM_RATE", true},
      {"PL", "22 123 45 67", "STANDARD_RATE", false}, {"GB", "0871 123 4567", "PREMIUM_RATE", true},
      {"GB", "0161 496 0123", "STANDARD_RATE", false}, {"GB", "0300 123 4567", "STANDARD_RATE", false},
      {"NL", "088 123 4567", "STANDARD_RATE", false}, {"IE", "0818 123 456", "STANDARD_RATE", false},
      {"PT", "707 123 456", "SHARED_COST", true},    {"ES", "511 234 567", "UNKNOWN", false},
  };
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  for (const auto& c : cases) {
    PhoneNumber n;
    ASSERT_EQ(util->Parse(c.number, c.region, &n), PhoneNumberUtil::NO_PARSING_ERROR) << c.number;
    Tariff t = classifier().classify(n);
    EXPECT_EQ(t.tariff, c.tariff) << c.region << " " << c.number << " (" << t.source << ")";
    EXPECT_EQ(t.charged, c.charged) << c.region << " " << c.number;
  }
  PhoneNumber at;
  ASSERT_EQ(util->Parse("0820 123456", "AT", &at), PhoneNumberUtil::NO_PARSING_ERROR);
  EXPECT_FALSE(classifier().classify(at).hotline_allowed);
}

}  // namespace
}  // namespace omnicheck::extract

// The line-by-line phone number scan (src/extract/phone_number_scan.h) must give exactly what
// one PhoneNumberMatcher over the whole text gives wherever that matcher does not give up:
// checked on hand-made texts aimed at the edges of the argument in phone_number_scan.cc, on
// long lines read in pieces, on every fixture page, and on the pages of
// the directories listed in OMNICHECK_PHONE_SCAN_PAGES (':'-separated, e.g. the bench shops),
// each in several default regions.
#include <gtest/gtest.h>

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "extract/phone_number_scan.h"
#include "fetch/fetch.h"
#include "html/html.h"
#include "support/test_support.h"

namespace omnicheck::extract {
namespace {

namespace fs = std::filesystem;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const std::vector<std::string> kRegions = {"ZZ", "DE", "FR", "AT", "CZ", "IT", "ES", "GB", "IE", "NL", "PL", "BE",
                                           "IL", "US", "SM", "AR"};

// Every field a match's number carries (the matcher clears raw input and sources).
std::string fields(const PhoneNumber& n) {
  return std::to_string(n.country_code()) + "|" + std::to_string(n.national_number()) + "|" + n.extension() + "|" +
         std::to_string(n.italian_leading_zero()) + "|" + std::to_string(n.number_of_leading_zeros()) + "|" +
         n.raw_input() + "|" + std::to_string(n.country_code_source()) + "|" + n.preferred_domestic_carrier_code();
}

std::string describe(const std::vector<PhoneNumberInText>& found) {
  std::string out;
  for (const auto& f : found) {
    out += std::to_string(f.begin) + "-" + std::to_string(f.end) + " '" + f.raw + "'\n";
    out += "  " + fields(f.number) + "\n";
  }
  return out;
}

bool same(const std::vector<PhoneNumberInText>& a, const std::vector<PhoneNumberInText>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].raw != b[i].raw ||
        fields(a[i].number) != fields(b[i].number))
      return false;
  }
  return true;
}

void expect_same_as_whole_text(const std::string& text, const std::string& what) {
  for (const auto& region : kRegions) {
    auto scanned = find_phone_numbers(text, region);
    auto whole = match_phone_numbers_whole(text, region);
    EXPECT_TRUE(same(scanned, whole)) << what << " (region " << region << ")\nscan:\n"
                                      << describe(scanned) << "whole text:\n"
                                      << describe(whole);
  }
}

std::string page_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  fetch::Page p;
  p.requested_url = p.final_url = "https://shop.test/" + file.filename().string();
  p.status = 200;
  p.content_type = "text/html";
  p.body = ss.str();
  return html::parse(p).text;
}

std::size_t check_pages_under(const fs::path& dir) {
  std::size_t pages = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".html" && ext != ".htm")) continue;
    expect_same_as_whole_text(page_text(e.path()), e.path().string());
    ++pages;
  }
  return pages;
}

TEST(PhoneNumberScan, NoValidNumberHasFewerThanTheMinimumDigits) {
  // What lets the scan skip lines: no candidate with fewer digits is valid, in any region.
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util->GetSupportedRegions(&regions);
  regions.insert("ZZ");
  std::vector<std::string> shorts;
  for (std::size_t len = 1; len < kMinPhoneNumberDigits; ++len) {
    std::size_t count = 1;
    for (std::size_t i = 0; i < len; ++i) count *= 10;
    for (std::size_t n = 0; n < count; ++n) {
      std::string digits = std::to_string(n);
      digits.insert(0, len - digits.size(), '0');
      shorts.push_back(digits);
      shorts.push_back("+" + digits);
      shorts.push_back("(" + digits + ")");
    }
  }
  for (const auto& region : regions) {
    for (const auto& s : shorts) {
      PhoneNumber n;
      if (util->ParseAndKeepRawInput(s, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
      EXPECT_FALSE(util->IsValidNumber(n)) << "'" << s << "' is valid in " << region;
    }
  }
}

TEST(PhoneNumberScan, EqualsWholeTextOnEdgeCases) {
  const std::vector<std::string> texts = {
      "",
      "no digits at all",
      "+49 30 12345678",
      "Tel.: 030 12345678\nFax: 030 12345679",
      "Hotline 0180 5 123456*\n* 14 ct/Min. aus dem dt. Festnetz",
      "Rufen Sie an: +33 1 23 45 67 89 ext. 12 ou 01 23 45 67 89",
      "call 020 7946 0018 x 204 or (020) 7946 0019;ext=5",
      "abc8005001234 8005001234def 8005001234",
      "%0301234567 0301234567% 030 1234567€ €030 1234567",
      "2012-01-02 08:00 +49 30 1234567\n2012-01-02 08\n:00",
      "*1234 1234 *5678\n*1234",
      "651-234-2345/332-445-1234 and 12345 - 332-445-1234",
      "\xEF\xBC\x90\xEF\xBC\x93\xEF\xBC\x90 \xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96"
      "\xEF\xBC\x97\xEF\xBC\x98",  // fullwidth 030 12345678
      "\xD9\xA0\xD9\xA3\xD9\xA0 \xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8",  // Arabic-Indic
      "0800 FLOWERS, 1-800-FLOWERS, 0800-FLO-WERS",
      "+39 06 6982\n06 6982 0000\n+378 0549 123456 or 123456",
      "12 500 Euro, 19,99 \xE2\x82\xAC, 4,5 von 5 Sternen, 20CM, SET 3, 2L",
      "line one 030\n12345678 split across lines",
      "\n\n+44 20 7946 0018\n\n",
      "SIREN 512 345 678 \xE2\x80\x93 T\xC3\xA9l. 01 99 00 12 34",
      "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234",
  };
  for (const auto& t : texts) expect_same_as_whole_text(t, "'" + t + "'");
}

// What one matcher over each line alone finds, at the line's offsets: the scan's reference
// where the whole-text matcher would have given up.
std::vector<PhoneNumberInText> match_each_line(const std::string& text, const std::string& region) {
  std::vector<PhoneNumberInText> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    for (auto m : match_phone_numbers_whole(text.substr(begin, end - begin), region)) {
      m.begin += begin;
      m.end += begin;
      out.push_back(m);
    }
    begin = end + 1;
  }
  return out;
}

bool holds(const std::vector<PhoneNumberInText>& found, const std::string& raw) {
  for (const auto& f : found) {
    if (f.raw == raw) return true;
  }
  return false;
}

TEST(PhoneNumberScan, FindsTheHotlineBelowACatalogueWhereTheWholeTextMatcherGivesUp) {
  // 600 article lines of failing candidates, then the hotline: one matcher over the whole
  // text runs out of tries before it; the scan gives every line the whole budget.
  std::string text;
  for (int i = 0; i < 600; ++i) text += "Artikel " + std::to_string(1000 + i) + "-" + std::to_string(i) + " / 12.5\n";
  text += "Hotline: +49 30 12345678\n";
  for (const std::string region : {"DE", "ZZ", "FR"}) {
    const auto scanned = find_phone_numbers(text, region);
    EXPECT_FALSE(holds(match_phone_numbers_whole(text, region), "+49 30 12345678")) << region;
    EXPECT_TRUE(holds(scanned, "+49 30 12345678")) << region;
    EXPECT_TRUE(same(scanned, match_each_line(text, region))) << region << "\n" << describe(scanned);
  }
  std::string dense;
  for (int i = 0; i < 3000; ++i) dense += std::to_string(i % 97) + " ";
  dense += "\n+49 30 12345678\n";
  EXPECT_TRUE(holds(find_phone_numbers(dense, "DE"), "+49 30 12345678"));
}

TEST(PhoneNumberScan, ReadsALongLineInPiecesAsTheWholeLineReadsIt) {
  // One paragraph of 20 KB (shops that put a whole catalogue text in one <p>): numbers near
  // every possible cut, prices with their currency sign (a hard separator), and stretches of
  // prose without digits (quiet spaces), in several languages.
  const std::vector<std::string> sentences = {
      "Notre service client r\xC3\xA9pond au 01 23 45 67 89 du lundi au vendredi. ",
      "Prix 19,99 \xE2\x82\xAC au lieu de 24,99 \xE2\x82\xAC ! ",
      "Unsere Hotline +49 30 12345678 ist werktags erreichbar, sonst schreiben Sie uns bitte eine Nachricht. ",
      "Z\xC3\xA1kaznick\xC3\xA1 linka +420 222 333 444 | ",
      "Call us on +44 20 7946 0018 ext. 12 whenever you like, our friendly team answers every question. ",
      "Versand ab 4,90 \xE2\x82\xAC | 30 Tage R\xC3\xBC""ckgabe | ",
  };
  std::string line;
  for (std::size_t i = 0; line.size() < 20000; ++i) line += sentences[(i * 7) % sentences.size()];
  const std::string text = "Kontakt\n" + line + "\nEnde";
  for (const std::string region : {"DE", "FR", "CZ", "GB", "ZZ"}) {
    const auto whole = match_phone_numbers_whole(text, region);
    const auto scanned = find_phone_numbers(text, region);
    ASSERT_GT(whole.size(), 100u) << region;  // the whole-text matcher did not give up
    EXPECT_TRUE(same(scanned, whole)) << region << "\nscan:\n" << describe(scanned) << "whole:\n" << describe(whole);
  }
  // A price list of 400 KB in one line: found to its end.
  std::string prices;
  for (int i = 0; prices.size() < 400000; ++i) {
    prices += "statt " + std::to_string(i % 997) + ",99 \xE2\x82\xAC jetzt " + std::to_string(i % 991) + ",49 \xE2\x82\xAC -" +
              std::to_string(i % 90) + "% ";
  }
  prices += "Bestellhotline +49 30 12345678";
  EXPECT_TRUE(holds(find_phone_numbers(prices, "DE"), "+49 30 12345678"));
}

TEST(PhoneNumberScan, EqualsWholeTextOnEveryFixturePage) {
  EXPECT_GT(check_pages_under(omnicheck::testing::fixtures_dir() / "sites"), 20u);
}

TEST(PhoneNumberScan, EqualsWholeTextOnExtraPages) {
  const char* dirs = std::getenv("OMNICHECK_PHONE_SCAN_PAGES");
  if (dirs == nullptr || *dirs == '\0') GTEST_SKIP() << "set OMNICHECK_PHONE_SCAN_PAGES to check more pages";
  std::stringstream list(dirs);
  std::string dir;
  while (std::getline(list, dir, ':')) {
    if (dir.empty()) continue;
    EXPECT_GT(check_pages_under(dir), 0u) << dir;
  }
}

}  // namespace
}  // namespace omnicheck::extract

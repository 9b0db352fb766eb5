// The report's message catalogues (rules/i18n): lookups, templates, what is never translated,
// dates and numbers per language, the language of a country, and localize() on a report.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "report/report.h"
#include "report/sample_reports.h"

namespace omnicheck::report {
namespace {

const std::filesystem::path kI18n = std::filesystem::path(OMNICHECK_SOURCE_DIR) / "rules" / "i18n";

TEST(MessageCatalogue, EightLanguagesAndTheCountriesThatSpeakThem) {
  const auto langs = Catalogue::available(kI18n);
  EXPECT_EQ(langs, (std::vector<std::string>{"cs", "de", "en", "es", "fr", "it", "nl", "pl"}));
  EXPECT_EQ(Catalogue::language_for_country(kI18n, "FR"), "fr");
  EXPECT_EQ(Catalogue::language_for_country(kI18n, "at"), "de");
  EXPECT_EQ(Catalogue::language_for_country(kI18n, "CZ"), "cs");
  EXPECT_EQ(Catalogue::language_for_country(kI18n, "BE"), "nl");
  EXPECT_EQ(Catalogue::language_for_country(kI18n, "SE"), "en") << "a country without a catalogue reads English";
  EXPECT_THROW(Catalogue::load(kI18n, "xx"), std::runtime_error);
}

TEST(MessageCatalogue, ExactTextsAndTemplatesWithTheMerchantsValuesCarriedOver) {
  const Catalogue de = Catalogue::load(kI18n, "de");
  EXPECT_EQ(de("Breaches found"), "Festgestellte Verstöße");
  // A rule message filled with the merchant's values: the template is translated, the values kept.
  const std::string filled = de("A geographic address is disclosed: Hauptstraße 5, 10115 Berlin.");
  EXPECT_NE(filled.find("Hauptstraße 5, 10115 Berlin"), std::string::npos) << filled;
  EXPECT_EQ(filled.find("geographic"), std::string::npos) << filled;
  EXPECT_TRUE(de.misses().empty());
}

TEST(MessageCatalogue, OurTermsInsideATemplateAreTranslatedButMerchantTextNeverIs) {
  const Catalogue fr = Catalogue::load(kI18n, "fr");
  // {phone_type} is ours (libphonenumber's type name), so it is reworded too.
  const std::string note = fr("telephone number (SHARED_COST)");
  EXPECT_EQ(note.find("SHARED_COST"), std::string::npos) << note;
  EXPECT_EQ(note.find("telephone"), std::string::npos) << note;
  // A merchant value equal to one of our words stays as the merchant wrote it.
  const std::string quoted = fr("A geographic address is disclosed: contact.");
  EXPECT_NE(quoted.find(": contact."), std::string::npos) << quoted;
  // English itself rewords internal terms: no type name reaches an English reader.
  const Catalogue en = Catalogue::load(kI18n, "en");
  EXPECT_EQ(en("telephone number (SHARED_COST)"), "telephone number (shared cost)");
  // The rule engine's composed messages nest: the count template around a rule message.
  const std::string nested = fr("3 of 10 messages: Replies are directed to a no-reply address: noreply@shop.example.");
  EXPECT_NE(nested.find("3"), std::string::npos) << nested;
  EXPECT_NE(nested.find("10"), std::string::npos) << nested;
  EXPECT_NE(nested.find("noreply@shop.example"), std::string::npos) << nested;
  EXPECT_EQ(nested.find("Replies are directed"), std::string::npos) << nested;
  EXPECT_TRUE(fr.misses().empty());
}

TEST(MessageCatalogue, WhatNoEntryCoversIsShownAsItIsAndRemembered) {
  const Catalogue cs = Catalogue::load(kI18n, "cs");
  EXPECT_EQ(cs("A sentence no catalogue has."), "A sentence no catalogue has.");
  EXPECT_EQ(cs.misses(), std::vector<std::string>{"A sentence no catalogue has."});
  const Catalogue en = Catalogue::load(kI18n, "en");
  en("A sentence no catalogue has.");
  EXPECT_TRUE(en.misses().empty()) << "English text is its own translation";
}

TEST(MessageCatalogue, DatesAndNumbersAsEachLanguageWritesThem) {
  EXPECT_EQ(Catalogue::load(kI18n, "fr").date_time("2026-12-07T23:12:35Z"), "7 décembre 2026 à 23:12 UTC");
  EXPECT_EQ(Catalogue::load(kI18n, "de").date_time("2026-03-01"), "1. März 2026");
  EXPECT_EQ(Catalogue::load(kI18n, "cs").date_time("2026-12-07"), "7. prosince 2026");
  EXPECT_EQ(Catalogue::load(kI18n, "pl").date_time("2026-12-07"), "7 grudnia 2026 r.");
  EXPECT_EQ(Catalogue().date_time("2025-03-14T09:12:40Z"), "14 March 2025, 09:12 UTC");
  EXPECT_EQ(Catalogue::load(kI18n, "de").number(1234567), "1.234.567");
  EXPECT_EQ(Catalogue().number(1234567), "1,234,567");
  EXPECT_EQ(Catalogue().date_time("not a date"), "not a date");
}

TEST(MessageCatalogue, LocalizeKeepsTheEnglishMessageAndIsIdempotent) {
  Report r = testing::sample_report();
  r.findings[0].title = "Trader's legal name disclosed";
  r.findings[0].message = "No web site was audited.";
  r.words = Catalogue::load(kI18n, "de");
  localize(r);
  const auto first = r.findings[0];
  EXPECT_EQ(first.message_en, "No web site was audited.");
  EXPECT_NE(first.message, first.message_en);
  EXPECT_NE(first.title, "Trader's legal name disclosed");
  localize(r);
  EXPECT_EQ(r.findings[0].message, first.message);
  EXPECT_EQ(to_json(r)["findings"][0]["message_en"], "No web site was audited.");
}


TEST(MessageCatalogue, AMerchantValueHoldingAPlaceholderIsNeverFilledAgain) {
  const Catalogue fr = Catalogue::load(kI18n, "fr");
  const std::string out = fr("GET https://shop.example/{status}/x answered HTTP 404");
  EXPECT_NE(out.find("https://shop.example/{status}/x"), std::string::npos) << out;
  EXPECT_NE(out.find("404"), std::string::npos) << out;
  EXPECT_EQ(out.find("answered"), std::string::npos) << out;
}

TEST(MessageCatalogue, TextThatOnlyLooksLikeATemplateIsLeftAlone) {
  const Catalogue fr = Catalogue::load(kI18n, "fr");
  // Fits "{phone_type} number: {tariff}" by its words, but "ticket" is no phone type of ours:
  // the merchant's text is not rewritten on a guess, and the miss is remembered.
  EXPECT_EQ(fr("ticket number: 5"), "ticket number: 5");
  // Fits "{count} of {total} messages: {message}" only if the counts are numbers.
  EXPECT_EQ(fr("all of some messages: x"), "all of some messages: x");
  EXPECT_EQ(fr.misses().size(), 2u);
}

TEST(MessageCatalogue, ADateThatIsNoDateOrNotInUtcIsShownAsGiven) {
  const Catalogue de = Catalogue::load(kI18n, "de");
  for (const char* odd : {"2026-13-45", "2026-02-30", "abcd-ef-ghTxx:yy", "2026-12-07T23:12:35+05:00", "2026-12-07T25:00Z", ""}) {
    EXPECT_EQ(de.date_time(odd), odd);
  }
  EXPECT_EQ(de.date_time("2024-02-29"), "29. Februar 2024");
}

TEST(MessageCatalogue, ABrokenCatalogueIsNamedWhenItIsLoaded) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("omnicheck-i18n-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kI18n / "en.json", dir / "en.json", fs::copy_options::overwrite_existing);
  const auto message = [&dir](const std::string& text) {
    std::ofstream(dir / "xx.json") << text;
    try {
      Catalogue::load(dir, "xx");
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("loaded");
  };
  const std::string file = (dir / "xx.json").string();
  EXPECT_EQ(message(R"([1, 2])"), file + ": a message catalogue is one JSON object");
  EXPECT_EQ(message(R"({"format": {"months": [1, 2]}})"), file + ": format.months must list the 12 month names");
  EXPECT_EQ(message(R"({"messages": {"Breaches found": 7}})"), file + ": the translation of \"Breaches found\" is not a string");
  EXPECT_EQ(message(R"({"format": {"thousands": 0}})"), file + ": format.thousands must be a string");
  EXPECT_EQ(message(R"({"messages": {}})"), "loaded");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace omnicheck::report

// register_id facts from the identifier finder, with evidence, check results and the party they
// belong to; register_due facts only for the trader's own registrable legal form.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;
using testing::find_fact;

TEST(RegisterIds, GermanImpressumWithCourtAndVatId) {
  auto s = facts_of_page(
      "<h1>Impressum</h1><p>Angaben gemäß § 5 DDG<br>Beispiel Handels GmbH<br>Musterstraße 12<br>20095 Hamburg</p>"
      "<p>Registergericht: Amtsgericht Hamburg<br>Registernummer: HRB 123456</p><p>USt-IdNr.: DE274180639</p>",
      "https://shop.example.de/impressum", "DE");
  const Fact* hrb = find_fact(s, "register_id", "HRB");
  ASSERT_TRUE(hrb);
  EXPECT_EQ(hrb->attrs["kind"], "de.hrb");
  EXPECT_EQ(hrb->attrs["court"], "Amtsgericht Hamburg");
  EXPECT_TRUE(hrb->attrs["register"].get<bool>());
  EXPECT_FALSE(hrb->attrs["third_party"].get<bool>());
  const Fact* vat = find_fact(s, "register_id", "DE274180639");
  ASSERT_TRUE(vat);
  EXPECT_EQ(vat->attrs["check"], "valid");
  EXPECT_TRUE(vat->attrs["vat"].get<bool>());
  EXPECT_NE(vat->evidence.snippet.find("[[USt-IdNr.: DE274180639]]"), std::string::npos) << vat->evidence.snippet;
  EXPECT_FALSE(vat->evidence.sha256.empty());
  const Fact* due = find_fact(s, "register_due", "Beispiel Handels GmbH");
  ASSERT_TRUE(due) << "a GmbH above its address must be registered";
  EXPECT_EQ(due->attrs["form"], "GmbH");
}

TEST(RegisterIds, AWrongCheckDigitIsReportedAsInvalid) {
  // FR75 512345679 is valid (key 75); FR76 is the same number with a wrong key.
  auto s = facts_of_page("<p>Maison Test SAS – TVA intracommunautaire : FR76 512345679</p>", "https://shop.example.fr/mentions", "FR");
  const Fact* vat = find_fact(s, "register_id", "FR76");
  ASSERT_TRUE(vat);
  EXPECT_EQ(vat->attrs["check"], "invalid");
  auto ok = facts_of_page("<p>Maison Test SAS – TVA intracommunautaire : FR75 512345679</p>", "https://shop.example.fr/mentions", "FR");
  EXPECT_EQ(find_fact(ok, "register_id", "FR75")->attrs["check"], "valid");
}

TEST(RegisterIds, TheHostsNumbersAreThirdParty) {
  auto s = facts_of_page(
      "<p>Éditeur : Maison Test SAS, RCS Lyon 512 345 679</p><h2>Hébergement</h2>"
      "<p>Le site est hébergé par : Nuage Hexagone SARL, RCS Roubaix 732 829 320</p>",
      "https://shop.example.fr/mentions", "FR");
  const Fact* trader = find_fact(s, "register_id", "512 345 679");
  const Fact* host = find_fact(s, "register_id", "732 829 320");
  ASSERT_TRUE(trader);
  ASSERT_TRUE(host);
  EXPECT_FALSE(trader->attrs["third_party"].get<bool>());
  EXPECT_TRUE(host->attrs["third_party"].get<bool>());
}

TEST(RegisterIds, AProvidersLegalFormSaysNothingAboutTheTrader) {
  auto s = facts_of_page("<p>Versand mit DHL Paket GmbH. Zahlung über Beispiel Payments AG.</p>", "https://shop.example.de/versand", "DE");
  EXPECT_TRUE(s.of_type("register_due").empty());
  auto unknown_country = facts_of_page("<p>Impressum: Beispiel Handels GmbH<br>Musterstraße 12<br>20095 Hamburg</p>",
                                       "https://shop.example/impressum", "");
  for (const auto* f : unknown_country.of_type("register_due")) EXPECT_EQ(f->attrs["country"], "DE");
}

TEST(RegisterIds, CzechIdentificationWithSectionAndInsert) {
  auto s = facts_of_page(
      "<p>Provozovatel: Kavárna Test s.r.o., IČO: 27074358, se sídlem Vinohradská 1234/56, 120 00 Praha 2, zapsaná v "
      "obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 123456</p>",
      "https://obchod.example.cz/obchodni-podminky", "CZ");
  const Fact* ico = find_fact(s, "register_id", "27074358");
  ASSERT_TRUE(ico);
  EXPECT_EQ(ico->attrs["kind"], "cz.ico");
  EXPECT_EQ(ico->attrs["check"], "valid");
  const Fact* spis = nullptr;
  for (const auto* f : s.of_type("register_id")) {
    if (f->attrs["kind"] == "cz.spis") spis = f;
  }
  ASSERT_TRUE(spis);
  EXPECT_EQ(spis->attrs["number"], "C 123456");
}

TEST(RegisterIds, LabelAndNumberInNeighbouringTableCellsAndNewCountries) {
  // A legal notice laid out as a table: each cell flattens to its own line.
  auto s = facts_of_page(
      "<table><tr><th>CVR-nr.</th><td>13585628</td></tr><tr><th>Telefon</th><td>+45 33 12 34 56</td></tr>"
      "<tr><th>Moms nr.</th><td>DK 13585628</td></tr></table>",
      "https://butik.example.dk/om-os", "DK");
  const Fact* cvr = find_fact(s, "register_id", "13585628");
  ASSERT_TRUE(cvr);
  EXPECT_EQ(cvr->attrs["kind"], "dk.cvr");
  EXPECT_EQ(cvr->attrs["check"], "valid");
  EXPECT_TRUE(cvr->attrs["register"].get<bool>()) << "a CVR number is a register number (lexicon \"register\")";
  const Fact* vat = find_fact(s, "register_id", "DK 13585628");
  ASSERT_TRUE(vat);
  EXPECT_TRUE(vat->attrs["vat"].get<bool>());
  EXPECT_FALSE(vat->attrs["register"].get<bool>());
  for (const auto* f : s.of_type("register_id")) EXPECT_EQ(f->attrs["raw"].get<std::string>().find("33"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::extract

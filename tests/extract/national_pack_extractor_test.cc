// National legal-notice packs: which items a legal notice shows and which it lacks, by country.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

const Fact& pack(const FactStore& s) {
  auto p = s.of_type("national_pack");
  if (p.size() != 1) throw std::runtime_error("expected one national_pack fact, got " + std::to_string(p.size()));
  return *p.front();
}

std::string joined(const nlohmann::json& list) {
  std::string out;
  for (const auto& x : list) out += x.get<std::string>() + "|";
  return out;
}

const char* kMentions =
    "<h1>Mentions légales</h1><p>Éditeur : <strong>Maison Test SAS</strong>, société par actions simplifiée au capital de "
    "50 000 €<br>Siège social : 14 rue de la République, 69002 Lyon, France<br>RCS Lyon 512 345 679<br>"
    "TVA intracommunautaire : FR75 512345679<br>Tél. : 01 99 00 12 34 – contact@maison-test.fr</p>"
    "%DIRECTOR%"
    "<h2>Hébergement</h2><p>Le site est hébergé par : Nuage Hexagone SARL<br>8 quai des Tanneurs, 59100 Roubaix, France<br>"
    "Tél. : 03 53 01 47 20</p>";

std::string mentions(const std::string& director) {
  std::string html = kMentions;
  html.replace(html.find("%DIRECTOR%"), 10, director);
  return html;
}

TEST(NationalPacks, FrenchMentionsLegalesComplete) {
  auto s = facts_of_page(mentions("<p>Directeur de la publication : Mme Claire Test, Présidente.</p>"),
                         "https://maison-test.fr/mentions-legales", "FR");
  const Fact& p = pack(s);
  EXPECT_EQ(p.attrs["pack"], "fr.mentions_legales");
  EXPECT_EQ(p.attrs["missing_required"], 0) << p.attrs.dump();
  EXPECT_EQ(p.attrs["missing_conditional"], 0) << p.attrs.dump();
  std::string present = joined(p.attrs["present"]);
  for (const char* item : {"directeur de la publication", "hébergeur (nom)", "hébergeur (adresse)", "hébergeur (téléphone)",
                           "numéro RCS", "capital social", "TVA"}) {
    EXPECT_NE(present.find(item), std::string::npos) << item << " in " << present;
  }
}

TEST(NationalPacks, FrenchMentionsLegalesWithoutPublicationDirector) {
  auto s = facts_of_page(mentions(""), "https://maison-test.fr/mentions-legales", "FR");
  const Fact& p = pack(s);
  EXPECT_EQ(p.attrs["missing_required"], 1);
  EXPECT_NE(joined(p.attrs["missing"]).find("directeur de la publication"), std::string::npos);
  EXPECT_NE(p.attrs["value"].get<std::string>().find("missing: directeur de la publication"), std::string::npos);
}

TEST(NationalPacks, AustrianImpressum) {
  const std::string head =
      "<h1>Impressum</h1><p>Alpen Test GmbH<br>Mariahilfer Straße 12<br>1070 Wien<br>Österreich</p>"
      "<p>E-Mail: office@alpen-test.at<br>Firmenbuchnummer: FN 123456 a<br>Firmenbuchgericht: Handelsgericht Wien<br>"
      "UID: ATU12345675<br>Geschäftsführer: Max Test</p>";
  auto full = facts_of_page(head + "<p>Aufsichtsbehörde: Magistratisches Bezirksamt des VII. Bezirks<br>"
                                   "Mitglied der Wirtschaftskammer Wien</p>",
                            "https://alpen-test.at/impressum", "AT");
  const Fact& p = pack(full);
  EXPECT_EQ(p.attrs["pack"], "at.impressum");
  EXPECT_EQ(p.attrs["missing_required"], 0) << p.attrs.dump();
  EXPECT_EQ(p.attrs["missing_conditional"], 0) << p.attrs.dump();
  auto partial = facts_of_page(head, "https://alpen-test.at/impressum", "AT");
  const Fact& q = pack(partial);
  EXPECT_EQ(q.attrs["missing_required"], 0);
  EXPECT_EQ(q.attrs["missing_conditional"], 2) << q.attrs.dump();
}

TEST(NationalPacks, OnlyTheTraderCountrysPack) {
  auto s = facts_of_page(mentions(""), "https://maison-test.fr/mentions-legales", "IT");
  EXPECT_TRUE(s.of_type("national_pack").empty());
}

}  // namespace
}  // namespace omnicheck::extract

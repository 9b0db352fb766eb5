// National legal-notice packs: which items a legal notice shows and which it lacks, by country.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;
using testing::facts_of_site;

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
  EXPECT_NE(p.attrs["value"].get<std::string>().find("✗ directeur de la publication"), std::string::npos);
}

// The host named in a sentence ("Le site est hébergé par la société OVH SAS …") or by a brand
// written lower case with a digit ("o2switch") is named; prose after the label names nothing.
TEST(NationalPacks, FrenchHostNamedInASentenceOrByALowerCaseBrand) {
  const std::string head =
      "<h1>Mentions légales</h1><p>Éditeur : Brûlerie Test SAS au capital de 8 000 €, 3 rue des Halles, 29000 Quimper. "
      "RCS Quimper 907 173 553. Tél. 02 98 00 11 22.</p><p>Directeur de la publication : Yann Test, Président.</p>";
  for (const char* host :
       {"<h2>3. Hébergement</h2><p>Le site est hébergé par la société OVH SAS au capital de 10 174 560 €, dont le siège est "
        "situé 2 rue Kellermann, 59100 Roubaix, France, joignable au 09 72 10 10 07.</p>",
        // A street without a house number ("Chemin des Pardiaux") over its postcode line.
        "<h2>Hébergeur</h2><p>o2switch<br>Chemin des Pardiaux<br>63000 Clermont-Ferrand<br>Tél. : 04 44 44 60 40</p>",
        // The label word inside the host's own name ("Armor Hébergement SAS") is no label: the
        // heading above is, and the address after the name is the host's.
        "<h3>Hébergement</h3><p>Armor Hébergement SAS – 3 rue de la Mabilais, 35000 Rennes – Tél. 02 61 91 64 00</p>"}) {
    auto s = facts_of_page(head + host, "https://brulerie-test.fr/mentions-legales", "FR");
    std::string present = joined(pack(s).attrs["present"]);
    for (const char* item : {"hébergeur (nom)", "hébergeur (adresse)", "hébergeur (téléphone)"}) {
      EXPECT_NE(present.find(item), std::string::npos) << item << " in " << present << "\n" << host;
    }
  }
  // Counter-case: the label word in prose, with no host named after it.
  auto s = facts_of_page(head + "<p>Le site est hébergé par nos soins sur des serveurs situés en France.</p>",
                         "https://brulerie-test.fr/mentions-legales", "FR");
  EXPECT_NE(joined(pack(s).attrs["missing"]).find("hébergeur (nom)"), std::string::npos) << pack(s).attrs.dump();
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

const char* kNoteLegali =
    "<h1>Note legali</h1><p><strong>Bottega Test S.r.l.</strong><br>Sede legale: Via Roma 12, 20121 Milano (MI)<br>"
    "Partita IVA: IT03512740378<br>Iscritta al Registro delle Imprese di Milano, REA MI-1234567<br>"
    "E-mail: info@bottega-test.it</p>";

// Art. 35 DPR 633/1972 wants the Partita IVA on the home page: shown only in the legal notice,
// the item "on the home page" is missing; in the home page's footer, every item is present.
TEST(NationalPacks, ItalianPartitaIvaMustBeOnTheHomePage) {
  const std::string home_without =
      "<header><nav><a href='/note-legali'>Note legali</a></nav></header><main><h1>Benvenuti</h1>"
      "<p>Quaderni e agende, spedizione in 24/48 ore.</p></main><footer><p>© 2026 Bottega Test S.r.l.</p></footer>";
  auto without = facts_of_site({{"https://bottega-test.it/", home_without},
                                {"https://bottega-test.it/note-legali", kNoteLegali}},
                               "IT");
  const Fact& p = pack(without);
  EXPECT_EQ(p.attrs["pack"], "it.partita_iva");
  EXPECT_EQ(p.attrs["missing_required"], 1) << p.attrs.dump();
  EXPECT_EQ(joined(p.attrs["missing"]), "Partita IVA sulla home page|");
  EXPECT_NE(joined(p.attrs["present"]).find("numero REA: REA MI-1234567"), std::string::npos) << p.attrs.dump();

  std::string home_with = home_without;
  home_with.replace(home_with.find("© 2026 Bottega Test S.r.l."), 26,
                    "© 2026 Bottega Test S.r.l. – P.IVA e C.F. 03512740378");
  auto with = facts_of_site({{"https://bottega-test.it/", home_with},
                             {"https://bottega-test.it/note-legali", kNoteLegali}},
                            "IT");
  const Fact& q = pack(with);
  EXPECT_EQ(q.attrs["missing_required"], 0) << q.attrs.dump();
  EXPECT_EQ(q.attrs["missing_conditional"], 0) << q.attrs.dump();
}

// A sole trader (no company form) without a REA number: the REA item is due only if there is one.
TEST(NationalPacks, ItalianSoleTraderWithoutReaIsAConditionalMiss) {
  auto s = facts_of_page("<footer><p>Mario Test – Cartoleria – Via Roma 12, 20121 Milano – P.IVA 03512740378</p></footer>",
                         "https://cartoleria-test.it/", "IT");
  const Fact& p = pack(s);
  EXPECT_EQ(p.attrs["missing_required"], 0) << p.attrs.dump();
  EXPECT_EQ(p.attrs["missing_conditional"], 1) << p.attrs.dump();
  EXPECT_EQ(joined(p.attrs["missing"]), "numero REA (?)|");
}

// § 5 DDG asks for the register only where the trader is entered in one: a sole trader named as
// such ("Inhaberin") owes no register items. A GmbH does, and an Italian ditta individuale owes
// its REA number (it is entered there).
TEST(NationalPacks, GermanSoleTraderOwesNoRegisterItems) {
  const std::string notice =
      "<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Wollwerk Huber<br>Inhaberin: Maria Huber<br>Kirchplatz 3<br>"
      "83209 Prien am Chiemsee</p><p>Telefon: 0152 28817406<br>E-Mail: hallo@wollwerk-huber.de</p>"
      "<p>Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: DE 507 218 280</p>";
  auto s = facts_of_page(notice, "https://wollwerk-huber.de/impressum", "DE");
  const Fact& p = pack(s);
  EXPECT_EQ(p.attrs["sole_trader"], true) << p.attrs.dump();
  EXPECT_EQ(p.attrs["missing_required"], 0) << p.attrs.dump();
  EXPECT_EQ(p.attrs["missing_conditional"], 0) << p.attrs.dump();
  EXPECT_NE(joined(p.attrs["not_due"]).find("Registernummer|"), std::string::npos) << p.attrs.dump();

  // Counter-case: the same notice of a GmbH without its register is a required miss.
  std::string gmbh = notice;
  gmbh.replace(gmbh.find("Wollwerk Huber<br>Inhaberin: Maria Huber"), 40, "Wollwerk Huber GmbH<br>Geschäftsführerin: Maria Huber");
  auto g = facts_of_page(gmbh, "https://wollwerk-huber.de/impressum", "DE");
  const Fact& q = pack(g);
  EXPECT_EQ(q.attrs["sole_trader"], false) << q.attrs.dump();
  EXPECT_GT(q.attrs["missing_required"].get<int>(), 0) << q.attrs.dump();
  EXPECT_TRUE(q.attrs["not_due"].empty()) << q.attrs.dump();
}

TEST(NationalPacks, ItalianSoleTraderNamedAsSuchStillOwesItsRea) {
  auto s = facts_of_page("<footer><p>Cartoleria Test di Mario Test, ditta individuale – Via Roma 12, 20121 Milano – "
                         "P.IVA 03512740378</p></footer>",
                         "https://cartoleria-test.it/", "IT");
  const Fact& p = pack(s);
  EXPECT_EQ(p.attrs["missing_conditional"], 1) << p.attrs.dump();
  EXPECT_EQ(joined(p.attrs["missing"]), "numero REA (?)|");
}

TEST(NationalPacks, OnlyTheTraderCountrysPack) {
  auto s = facts_of_page(mentions(""), "https://maison-test.fr/mentions-legales", "PL");
  EXPECT_TRUE(s.of_type("national_pack").empty());
}

}  // namespace
}  // namespace omnicheck::extract

// Whose a fact is: the trader's or a third party's named beside it (issue 11, class 1). Every
// case that marks a third party has a counter-case where the trader's own details stay the
// trader's.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract::testing {
namespace {

std::string page(const std::string& body, const std::string& lang = "fr") {
  return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Mentions</title></head><body><main>" +
         body + "</main></body></html>";
}

// The party of the first fact of `type` whose value contains `needle` ("" when none).
std::string party_of(const FactStore& s, const std::string& type, const std::string& needle) {
  const Fact* f = find_fact(s, type, needle);
  return f ? f->attrs.value("party", std::string("(no party)")) : "";
}

TEST(PartyAttribution, HostNamedInASentenceIsTheHosts) {
  auto s = facts_of_page(
      page("<p>Éditeur : Maison Lumière SAS, 12 rue des Tanneurs, 75011 Paris. Tél. 01 44 55 66 77</p>"
           "<p>Le site est hébergé par la société OVH SAS, 2 rue Kellermann, 59100 Roubaix, France. "
           "Le directeur de la publication est M. Jean Dupont.</p>"),
      "https://maison-lumiere.fr/");
  EXPECT_EQ(party_of(s, "legal_name", "OVH"), "host");
  EXPECT_EQ(party_of(s, "address", "Roubaix"), "host");
  EXPECT_EQ(party_of(s, "legal_name", "Maison Lumière"), "trader");
  EXPECT_EQ(party_of(s, "address", "Paris"), "trader");
  const Fact* host = find_fact(s, "legal_name", "OVH");
  ASSERT_NE(host, nullptr);
  EXPECT_TRUE(host->attrs.value("third_party", false));
  EXPECT_NE(host->attrs.value("party_words", std::string()).find("hébergé"), std::string::npos);
}

// Product pages carry the manufacturer's name and address (GPSR, Regulation (EU) 2023/988,
// art. 19) under a heading or label of their own: the manufacturer's, not the trader's.
TEST(PartyAttribution, ManufacturerBlockOnAProductPageIsTheManufacturers) {
  auto s = facts_of_page(
      page("<h1>Lounge-Set Hooksiel</h1><p>Teakholz, wetterfest.</p><h3>Herstellerangaben (GPSR)</h3>"
           "<p>Teak &amp; Tide B.V., Havenstraat 12, 1271 AD Huizen, Niederlande<br>E-Mail: productsafety@teakandtide.nl</p>"),
      "https://gartenmoebel.example.de/Lounge-Set-Hooksiel/LG-40217");
  EXPECT_EQ(party_of(s, "legal_name", "Teak"), "manufacturer");
  EXPECT_EQ(party_of(s, "address", "Huizen"), "manufacturer");
  EXPECT_EQ(party_of(s, "email", "productsafety@"), "manufacturer");
  auto inline_label = facts_of_page(
      page("<p>Manufacturer: Brandt &amp; Söhne Werkzeugfabrik GmbH &amp; Co. KGaA, Kronprinzstraße 60, 42655 Solingen</p>"),
      "https://tools.example.de/p/kombizange");
  EXPECT_EQ(party_of(inline_label, "legal_name", "Brandt"), "manufacturer");
  // Counter-case: a legal notice's trader stays the trader's.
  auto notice = facts_of_page(page("<h1>Impressum</h1><p>Werkzeughandel Stahlmann GmbH, Hauptstraße 5, 42651 Solingen</p>"),
                              "https://tools.example.de/impressum");
  EXPECT_EQ(party_of(notice, "legal_name", "Stahlmann"), "trader");
}

TEST(PartyAttribution, AgencyUnderItsHeadingWithPhone) {
  auto s = facts_of_page(
      page("<h2>Angaben gemäß § 5 DDG</h2><p>Müller Versand GmbH<br>Lindenstraße 12<br>10115 Berlin<br>"
           "Telefon: 030 12345670</p>"
           "<h2>Technische Umsetzung</h2><p>Pixelwerk Agentur GmbH<br>Hafenweg 3<br>20457 Hamburg<br>Tel. 040 7654321</p>"
           "<h2>Kontakt</h2><p>E-Mail: info@mueller-versand.de</p>",
           "de"),
      "https://mueller-versand.de/impressum");
  EXPECT_EQ(party_of(s, "legal_name", "Pixelwerk"), "agency");
  EXPECT_EQ(party_of(s, "address", "Hamburg"), "agency");
  EXPECT_EQ(party_of(s, "phone", "040"), "agency");
  EXPECT_EQ(party_of(s, "legal_name", "Müller Versand"), "trader");
  EXPECT_EQ(party_of(s, "address", "Berlin"), "trader");
  EXPECT_EQ(party_of(s, "phone", "030"), "trader");
  // A heading with no party label ends the agency's section.
  EXPECT_EQ(party_of(s, "email", "info@"), "trader");
}

TEST(PartyAttribution, InlineAgencyCreditOnOneLine) {
  auto s = facts_of_page(page("<p>Anbieter: Gartenhaus Meyer GmbH, Lindenstraße 12, 10115 Berlin</p>"
                              "<p>Technische Umsetzung: Agentur Nordlicht GmbH, Hafenweg 3, 20457 Hamburg</p>",
                              "de"),
                         "https://gartenhaus-meyer.de/impressum");
  EXPECT_EQ(party_of(s, "legal_name", "Nordlicht"), "agency");
  EXPECT_EQ(party_of(s, "address", "Hamburg"), "agency");
  EXPECT_EQ(party_of(s, "legal_name", "Gartenhaus"), "trader");
  EXPECT_EQ(party_of(s, "address", "Berlin"), "trader");
}

TEST(PartyAttribution, WellKnownPaymentProviderWithoutLabelAndItsAddress) {
  auto s = facts_of_page(page("<p>Müller Versand GmbH<br>Lindenstraße 12<br>10115 Berlin</p>"
                              "<p>PayPal (Europe) S.à r.l. et Cie, S.C.A.<br>22-24 Boulevard Royal<br>L-2449 Luxembourg</p>",
                              "de"),
                         "https://mueller-versand.de/agb");
  const Fact* paypal = find_fact(s, "legal_name", "PayPal");
  ASSERT_NE(paypal, nullptr);
  EXPECT_EQ(paypal->attrs.value("party", std::string()), "payment");
  EXPECT_EQ(paypal->attrs.value("party_basis", std::string()), "name");
  EXPECT_EQ(party_of(s, "address", "Luxembourg"), "payment");
  EXPECT_EQ(party_of(s, "address", "Berlin"), "trader");
}

TEST(PartyAttribution, TraderBlockAfterHostBlockStaysTheTraders) {
  auto s = facts_of_page(page("<p><strong>Hébergeur :</strong> OVH SAS<br>2 rue Kellermann<br>59100 Roubaix</p>"
                              "<p>Maison Lumière SAS<br>12 rue des Tanneurs<br>75011 Paris</p>"),
                         "https://maison-lumiere.fr/mentions-legales");
  EXPECT_EQ(party_of(s, "legal_name", "OVH"), "host");
  EXPECT_EQ(party_of(s, "address", "Roubaix"), "host");
  EXPECT_EQ(party_of(s, "legal_name", "Maison Lumière"), "trader");
  EXPECT_EQ(party_of(s, "address", "Paris"), "trader");
}

TEST(PartyAttribution, HeadingLabelReachesOverItsBlock) {
  auto s = facts_of_page(page("<h3>Hébergement</h3><p>Le site est hébergé chez Nuage Hexagone SARL.</p>"
                              "<p>14 avenue de la Gare<br>69003 Lyon<br>Tél. 04 78 00 11 22</p>"
                              "<h3>Éditeur</h3><p>Maison Lumière SAS<br>12 rue des Tanneurs<br>75011 Paris<br>Tél. 01 44 55 66 77</p>"),
                         "https://maison-lumiere.fr/mentions-legales");
  EXPECT_EQ(party_of(s, "address", "Lyon"), "host");
  EXPECT_EQ(party_of(s, "phone", "04 78"), "host");
  EXPECT_EQ(party_of(s, "address", "Paris"), "trader");
  EXPECT_EQ(party_of(s, "phone", "01 44"), "trader");
}

TEST(PartyAttribution, PhoneAfterTheHostsSentenceIsTheTraders) {
  auto s = facts_of_page(page("<p>Hébergeur : OVH SAS, 2 rue Kellermann, 59100 Roubaix. Pour nous joindre : 01 44 55 66 77</p>"),
                         "https://maison-lumiere.fr/");
  EXPECT_EQ(party_of(s, "address", "Roubaix"), "host");
  EXPECT_EQ(party_of(s, "phone", "01 44"), "trader");
  // Counter-case: the host's own telephone after a full stop is still the host's.
  auto h = facts_of_page(page("<p>Hébergeur : OVH SAS, 2 rue Kellermann, 59100 Roubaix. Tél. 09 72 10 10 07</p>"
                              "<p>Maison Lumière SAS, 12 rue des Tanneurs, 75011 Paris</p>"),
                         "https://maison-lumiere.fr/");
  EXPECT_EQ(party_of(h, "phone", "09 72"), "host");
}

TEST(PartyAttribution, CzechPaymentGatewayAndSeller) {
  auto s = facts_of_page(
      page("<p>Prodávající: Kavárna Doma s.r.o., se sídlem Vinohradská 12, 120 00 Praha 2, IČO: 27082440</p>"
           "<p>Platební bránu provozuje společnost ComGate Payments, a.s., Gočárova třída 1754/48b, 500 02 Hradec Králové</p>",
           "cs"),
      "https://kavarnadoma.cz/obchodni-podminky");
  EXPECT_EQ(party_of(s, "legal_name", "Kavárna Doma"), "trader");
  EXPECT_EQ(party_of(s, "address", "Praha"), "trader");
  EXPECT_EQ(party_of(s, "address", "Hradec"), "payment");
}

TEST(PartyAttribution, EnglishHostSentenceAndCountryStaysTheTraders) {
  auto s = facts_of_page(
      page("<p>Acme Widgets Ltd, 27 Old Street, London EC1V 9HL. Company number 01234567.</p>"
           "<p>This website is hosted by Amazon Web Services EMEA SARL, 38 Avenue John F. Kennedy, L-1855 Luxembourg.</p>",
           "en"),
      "https://acme-widgets.com/legal");
  EXPECT_EQ(party_of(s, "address", "Luxembourg"), "host");
  EXPECT_EQ(party_of(s, "address", "London"), "trader");
  EXPECT_EQ(s.audit.value("country", std::string()), "GB");
}

TEST(TraderCountry, IdentityBlockOutweighsAForeignWarehouse) {
  auto s = facts_of_page(page("<p>Éditeur : Maison Lumière SAS<br>12 rue des Tanneurs<br>75011 Paris</p>"
                              "<h2>Retours</h2><p>Les retours sont à envoyer à notre entrepôt :</p>"
                              "<p>Lagerstraße 4, 01067 Dresden, Allemagne</p>"
                              "<p>Tous nos produits sont fabriqués en France.</p>"),
                         "https://maison-lumiere.com/");
  EXPECT_EQ(s.audit.value("country", std::string()), "FR");
  EXPECT_EQ(s.audit.value("country_source", std::string()), "identity");
  EXPECT_FALSE(s.audit["country_evidence"].empty());
}

TEST(SoleTrader, NameBesideItsLabelIsTheLegalName) {
  auto s = facts_of_page(page("<p>Inhaberin: Maria Huber<br>Hauptstraße 5<br>5020 Salzburg</p>", "de"),
                         "https://huber-keramik.at/impressum");
  const Fact* f = find_fact(s, "legal_name", "Maria Huber");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->attrs.value("sole_trader", false));
  EXPECT_EQ(f->attrs.value("party", std::string()), "trader");
  auto cz = facts_of_page(page("<p>Jan Novák, fyzická osoba podnikající, IČO 12345678</p>", "cs"), "https://novak.cz/");
  EXPECT_NE(find_fact(cz, "legal_name", "Jan Novák"), nullptr);
  // Counter-case: a label word before prose or before a company is no sole trader's name.
  auto co = facts_of_page(page("<p>Inhaber der Markenrechte ist die Foo Brands GmbH.</p>"
                               "<p>Titolare: Pasticceria Rossi S.r.l.</p>",
                               "de"),
                          "https://foo.de/");
  for (const auto* n : co.of_type("legal_name")) EXPECT_FALSE(n->attrs.value("sole_trader", false));
}

TEST(SoleTrader, LabelClosingTheIdentityBlockNamesThePersonAtItsTop) {
  // Shoptet's contact page: the name and trading name, address and IČO, then the label.
  auto s = facts_of_page(page("<h1>Kontakty</h1><p>Petra Dvořáková – Bylinkárna Zelený dvůr<br>Horní 218<br>588 32 Brtnice"
                              "<br>IČO: 05172934<br>Nejsem plátce DPH.<br>Fyzická osoba podnikající podle živnostenského "
                              "zákona, zapsaná v živnostenském rejstříku.</p>",
                              "cs"),
                         "https://zelenydvur.cz/kontakty/");
  const Fact* f = find_fact(s, "legal_name", "Petra Dvořáková");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->attrs.value("sole_trader", false));
  // Counter-case: a block headed by no name (a street line, a heading of lower-case words)
  // gives none.
  auto none = facts_of_page(page("<p>Zákaznická podpora<br>Horní 218<br>588 32 Brtnice<br>Fyzická osoba podnikající.</p>", "cs"),
                            "https://zelenydvur.cz/kontakty/");
  for (const auto* n : none.of_type("legal_name")) EXPECT_FALSE(n->attrs.value("sole_trader", false)) << n->attrs.dump();
}

TEST(SoleTrader, PolishFirmUnderWhichTheTraderTradesIsTheLegalName) {
  auto s = facts_of_page(page("<h2>§ 1 Sprzedawca</h2><p>Sprzedawcą jest Jan Kowalczyk prowadzący działalność gospodarczą pod "
                              "firmą Wędkarski Świat Jan Kowalczyk, ul. Pieniężnego 14, 10-006 Olsztyn, NIP 7392045187.</p>",
                              "pl"),
                         "https://wedkarskiswiat.pl/regulamin");
  const Fact* f = find_fact(s, "legal_name", "Wędkarski Świat Jan Kowalczyk");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->attrs.value("sole_trader", false));
  // Counter-case: without a firm the person's own name is the legal name.
  auto p = facts_of_page(page("<p>Sprzedawcą jest Anna Nowak prowadząca działalność gospodarczą, ul. Długa 5, 00-238 Warszawa.</p>",
                              "pl"),
                         "https://sklep-nowak.pl/regulamin");
  EXPECT_NE(find_fact(p, "legal_name", "Anna Nowak"), nullptr);
}

TEST(LegalName, FormAfterACommaOrInParentheses) {
  auto s = facts_of_page(page("<p>Dupont Frères (SARL), 4 place du Marché, 21000 Dijon</p>"
                              "<p>Maison Lumière, société par actions simplifiée au capital de 10 000 €</p>"),
                         "https://dupont.fr/");
  EXPECT_NE(find_fact(s, "legal_name", "Dupont Frères SARL"), nullptr);
  EXPECT_NE(find_fact(s, "legal_name", "Maison Lumière société par actions simplifiée"), nullptr);
}

TEST(LegalName, FormOnTheLineUnderTheName) {
  auto s = facts_of_page(page("<p>LITERIE DUMONT<br>Société anonyme au capital de 250 000 €<br>8 rue du Port, 44000 Nantes</p>"
                              "<h2>Contact</h2><p>SAS Les Jardins d'Ambre, 3 chemin des Vignes, 84000 Avignon</p>"),
                         "https://literie-dumont.fr/");
  EXPECT_NE(find_fact(s, "legal_name", "LITERIE DUMONT Société anonyme"), nullptr);
  EXPECT_NE(find_fact(s, "legal_name", "SAS Les Jardins d'Ambre"), nullptr);
  EXPECT_EQ(find_fact(s, "legal_name", "Contact SAS"), nullptr);
}

TEST(LegalName, NoFormFromAWordGluedByAHyphen) {
  auto s = facts_of_page(page("<p>Besuchen Sie unseren Kugel-KG-Shop im SE-Gebäude, Kurfürstendamm 21.</p>"
                              "<p>Verantwortlich: Max Mustermann, GmbH-Geschäftsführer</p>",
                              "de"),
                         "https://kugel.de/");
  EXPECT_TRUE(s.of_type("legal_name").empty());
}

TEST(LegalName, WrittenOutFormInCapitals) {
  auto s = facts_of_page(page("<p>ALPARGATAS TXINDOKI, SOCIEDAD LIMITADA<br>Calle Mayor 12, 20600 Eibar</p>", "es"),
                         "https://txindoki.eus/aviso-legal");
  EXPECT_NE(find_fact(s, "legal_name", "ALPARGATAS TXINDOKI"), nullptr);
}

TEST(PartyAttribution, WellKnownNameInsideASentenceRun) {
  auto s = facts_of_page(
      page("<p>Sprzedawca: Manufaktura Świec Zielony Knot sp. z o.o., ul. Święty Marcin 29/8, 61-806 Poznań</p>"
           "<p>Przesyłki doręcza InPost sp. z o.o. z siedzibą w Krakowie, ul. Pana Tadeusza 4, 30-727 Kraków.</p>",
           "pl"),
      "https://zielonyknot.pl/regulamin");
  const Fact* inpost = find_fact(s, "legal_name", "InPost");
  ASSERT_NE(inpost, nullptr);
  EXPECT_EQ(inpost->attrs.value("value", std::string()), "InPost sp. z o.o.");
  EXPECT_EQ(inpost->attrs.value("party", std::string()), "carrier");
  EXPECT_EQ(party_of(s, "address", "Kraków"), "carrier");
  EXPECT_EQ(party_of(s, "address", "Poznań"), "trader");
}

TEST(PartyAttribution, ALabelWithItsValueReachesNoFurtherThanItsBlock) {
  auto s = facts_of_page(page("<p>Geschäftsführer: Max Stahlmann</p><p>Werkzeughandel Stahlmann GmbH</p>"
                              "<p>Retouren: über unseren Logistikdienstleister LogiPro Fulfillment Sp. z o.o., "
                              "ul. Magazynowa 12, 62-080 Tarnowo Podgórne, Polen</p>",
                              "de"),
                         "https://stahlmann-werkzeug.de/impressum");
  EXPECT_EQ(party_of(s, "address", "Tarnowo"), "carrier");
  EXPECT_EQ(party_of(s, "legal_name", "Werkzeughandel Stahlmann"), "trader");
}

}  // namespace
}  // namespace omnicheck::extract::testing

// What the held-out batches of this wave (shops written blind from real shop-system markup)
// found: product pages with GPSR manufacturer blocks and prices, register data that looks like a
// postcode, Cloudflare-protected addresses, sole traders and Romance articles in names, first-
// person reply promises. Every trap has its counter-case: the trader's own fact beside it stays.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract::testing {
namespace {

std::string page(const std::string& body, const std::string& lang) {
  return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Seite</title></head><body><main>" +
         body + "</main></body></html>";
}

std::string party_of(const FactStore& s, const std::string& type, const std::string& needle) {
  const Fact* f = find_fact(s, type, needle);
  return f ? f->attrs.value("party", std::string("(no party)")) : "";
}

std::string values(const FactStore& s, const std::string& type) {
  std::string out;
  for (const auto* f : s.of_type(type)) out += f->attrs.value("value", std::string()) + "; ";
  return out;
}

TEST(UnseenShopMarkup, GpsrBlockOnAProductPageIsTheManufacturers) {
  auto s = facts_of_site(
      {{"https://grill-hofmann.de/",
        page("<p>Grillmanufaktur Hofmann GmbH, Lindenweg 4, 72764 Reutlingen, Tel. 07121 384760</p>", "de")},
       {"https://grill-hofmann.de/smoker-ranger",
        page("<h1>Smoker Ranger 24</h1><p>1.649,00&nbsp;&euro;*</p><h3>Angaben zur Produktsicherheit</h3>"
             "<p>Hersteller: Flammwerk ApS, Havnevej 3, 6300 Gråsten, Dänemark, info@flammwerk.dk</p>"
             "<p>Verantwortliche Person in der EU: Flammwerk Vertrieb GmbH, Hafenstraße 9, 24937 Flensburg</p>",
             "de")}});
  EXPECT_EQ(party_of(s, "address", "Gråsten"), "manufacturer") << values(s, "address");
  EXPECT_EQ(party_of(s, "email", "flammwerk.dk"), "manufacturer");
  EXPECT_EQ(party_of(s, "address", "Flensburg"), "manufacturer");
  // Counter-case: the trader's own address and phone on the home page.
  EXPECT_EQ(party_of(s, "address", "Reutlingen"), "trader");
  EXPECT_EQ(party_of(s, "phone", "384760"), "trader");
  // "1.649,00 €" is a price, not the German number 1649.
  EXPECT_EQ(find_fact(s, "phone", "1.649"), nullptr) << values(s, "phone");
}

TEST(UnseenShopMarkup, AFormGluedIntoACompoundIsNoCompanyName) {
  auto s = facts_of_page(
      page("<h3>Herstellerinformationen</h3><p>Kugel-KG-Shop Tackle (Marke der Nordtackle ApS), Havnevej 3, 6300 Gråsten, "
           "Dänemark</p>",
           "de"),
      "https://angelsport-brandt.de/rute");
  EXPECT_EQ(party_of(s, "address", "Gråsten"), "manufacturer") << values(s, "address");
  // Counter-case: a form glued before the hyphen stays a form.
  auto t = facts_of_page(page("<p>Anbieter: Brandt Vertriebs-GmbH, Hafenweg 2, 24103 Kiel</p>", "de"),
                         "https://angelsport-brandt.de/impressum");
  EXPECT_NE(find_fact(t, "legal_name", "Vertriebs-GmbH"), nullptr) << values(t, "legal_name");
}

TEST(UnseenShopMarkup, CodesAndRegisterDataAreNoAddress) {
  // "DIN ISO 5746" matches Malta's three letters and four digits; "UVP 32,40" a street and number.
  auto s = facts_of_page(page("<p><del>UVP 32,40 €</del> 24,90 €</p><p>VDE-geprüft, DIN ISO 5746. EAN 4003773012457.</p>", "de"),
                         "https://werkzeug-stahlmann.de/zange");
  EXPECT_TRUE(s.of_type("address").empty()) << values(s, "address");
  // A Spanish register entry: "Hoja V-178204" is no Romanian postcode after a country prefix.
  auto r = facts_of_page(
      page("<p>Cerámicas Turia S.L., Calle de Colón 18, 46004 Valencia. Inscrita en el Registro Mercantil de Valencia, "
           "Tomo 10234, Folio 118, Hoja V-178204, Inscripción 1ª.</p>",
           "es"),
      "https://ceramicas-turia.es/aviso-legal");
  EXPECT_EQ(find_fact(r, "address", "178204"), nullptr) << values(r, "address");
  EXPECT_NE(find_fact(r, "address", "46004"), nullptr) << values(r, "address");  // counter-case
  // Counter-case: a real Maltese address on a Maltese page, and a country prefix of the country.
  auto m = facts_of_page(page("<p>Azure Reef Ltd, 12 Triq il-Wied, San Ġiljan STJ 3208, Malta</p>", "en"),
                         "https://azurereef.com.mt/contact");
  EXPECT_NE(find_fact(m, "address", "STJ 3208"), nullptr) << values(m, "address");
  auto d = facts_of_page(page("<p>Impressum: Teehaus Huber GmbH, Hauptstraße 5, D-81667 München</p>", "de"),
                         "https://teehaus-huber.de/impressum");
  EXPECT_NE(find_fact(d, "address", "81667"), nullptr) << values(d, "address");
}

TEST(UnseenShopMarkup, IsraeliHostAddressAndItsPostcodeIsNoPhone) {
  auto s = facts_of_page(
      page("<p><b>Hébergeur :</b> Wix.com Ltd., 40 Namal Tel Aviv St., Tel Aviv 6350671, Israël – téléphone : +1 415-639-9034</p>",
           "fr"),
      "https://cave-lissac.fr/mentions-legales");
  EXPECT_NE(find_fact(s, "address", "6350671"), nullptr) << values(s, "address");
  EXPECT_EQ(find_fact(s, "phone", "6350671"), nullptr) << values(s, "phone");
  EXPECT_NE(find_fact(s, "phone", "415-639-9034"), nullptr) << values(s, "phone");
}

TEST(UnseenShopMarkup, IrishTownWithoutEircode) {
  auto s = facts_of_page(page("<p>Correspondence address: PO Box 4721, Enniscorthy, Co. Wexford.</p>", "en"),
                         "https://slaneyyarn.ie/about");
  const Fact* box = find_fact(s, "address", "Enniscorthy");
  ASSERT_NE(box, nullptr) << values(s, "address");
  EXPECT_TRUE(box->attrs.value("po_box", false));
  // Counter-case: with its Eircode the address is read once, with the Eircode.
  auto t = facts_of_page(page("<p>Bridle &amp; Burrow Ltd, 14 Main Street, Dingle, Co. Kerry, V92 R2X6</p>", "en"),
                         "https://bridleandburrow.ie/contact");
  ASSERT_EQ(t.of_type("address").size(), 1u) << values(t, "address");
  EXPECT_EQ(t.of_type("address").front()->attrs.value("postcode", std::string()), "V92 R2X6");
}

TEST(UnseenShopMarkup, CloudflareProtectedAddressIsRead) {
  auto s = facts_of_page(
      page("<table><tr><td><strong>E-mail</strong></td><td><a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" "
           "data-cfemail=\"5a38353430352f281a2a3b2a3f2e3f28333f77363b3738352e2e3f74383f\">[email&#160;protected]</a></td></tr></table>",
           "fr"),
      "https://papeterie-lambotte.be/mentions-legales");
  EXPECT_NE(find_fact(s, "email", "bonjour@papeterie-lambotte.be"), nullptr) << values(s, "email");
}

TEST(UnseenShopMarkup, SoleTradersAndArticlesInNames) {
  auto be = facts_of_page(page("<table><tr><td><strong>Exploitante</strong></td><td>Sophie Lambotte, entreprise personne "
                               "physique</td></tr></table>",
                               "fr"),
                          "https://papeterie-lambotte.be/mentions-legales");
  EXPECT_NE(find_fact(be, "legal_name", "Sophie Lambotte"), nullptr) << values(be, "legal_name");
  // "… der Inhaberin": the word before a sole-trader label is no name when it is prose.
  auto de = facts_of_page(page("<p>Die Vervielfältigung bedarf der schriftlichen Zustimmung der Inhaberin.</p>", "de"),
                          "https://wollwerk-vogt.de/impressum");
  EXPECT_EQ(find_fact(de, "legal_name", "Zustimmung"), nullptr) << values(de, "legal_name");
  // An Austrian e.U. is a firm with a form; its owner is a person.
  auto at = facts_of_page(page("<p>Tischlerei Gruber e.U.<br>Inhaber: Tischlermeister Markus Gruber<br>Linzer Straße 27<br>"
                               "4320 Perg</p>",
                               "de"),
                          "https://tischlerei-gruber.at/impressum");
  EXPECT_NE(find_fact(at, "legal_name", "Tischlerei Gruber e.U."), nullptr) << values(at, "legal_name");
  EXPECT_EQ(find_fact(at, "legal_name", "Markus Gruber"), nullptr) << values(at, "legal_name");
  // Mid-sentence, a capitalised article belongs to the name.
  auto fr = facts_of_page(page("<p>Le site est édité par la société La Droguerie Lyonnaise SARL, 48 rue Saint-Jean, 69005 Lyon.</p>", "fr"),
                          "https://droguerie-lyonnaise.fr/mentions-legales");
  EXPECT_NE(find_fact(fr, "legal_name", "La Droguerie Lyonnaise SARL"), nullptr) << values(fr, "legal_name");
}

TEST(UnseenShopMarkup, SiretWithAParentheticalLabel) {
  auto s = facts_of_page(page("<p>SIRET (établissement principal)&nbsp;: 912 748 357 00015</p>", "fr"),
                         "https://lune-de-sel.fr/mentions-legales");
  EXPECT_NE(find_fact(s, "register_id", "912 748 357 00015"), nullptr) << values(s, "register_id");
}

TEST(UnseenShopMarkup, ThirdPartiesOfThisWave) {
  auto gb = facts_of_page(
      page("<p>Registered office: Marlow &amp; Pike Stationery Ltd, 86 Princess Street, Manchester M1 6NG</p>"
           "<p>Trade and stockist enquiries are handled by our wholesale partner Inkwell Distribution Ltd, 14 Canal Street, "
           "Leeds LS12 2PR – 0113 496 0815.</p>",
           "en"),
      "https://marlowandpike.co.uk/pages/contact");
  EXPECT_EQ(party_of(gb, "address", "Leeds"), "distributor") << values(gb, "address");
  EXPECT_EQ(party_of(gb, "address", "Manchester"), "trader");
  auto de = facts_of_page(page("<p>Wollwerk GmbH, Am Bach 4, 33602 Bielefeld</p><h2>Redaktionell verantwortlich</h2>"
                               "<p>Jana Petersen<br>Ravensberger Straße 12<br>33602 Bielefeld</p>",
                               "de"),
                          "https://wollwerk.de/impressum");
  EXPECT_EQ(party_of(de, "address", "Ravensberger"), "editor") << values(de, "address");
  EXPECT_EQ(party_of(de, "address", "Am Bach"), "trader");
  auto pl = facts_of_page(
      page("<p>Administratorem danych jest Zielony Parapet sp. z o.o., ul. Głogowska 148/2, 60-243 Poznań. Skargę można "
           "wnieść do Prezesa Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa.</p>"
           "<dl><dt>Rachunek bankowy</dt><dd>Santander Bank Polska S.A.: 74 1090 1362 0000 0001 4217 5533</dd></dl>",
           "pl"),
      "https://zielonyparapet.pl/polityka-prywatnosci");
  EXPECT_EQ(party_of(pl, "address", "Stawki"), "authority") << values(pl, "address");
  EXPECT_EQ(party_of(pl, "address", "Głogowska"), "trader");
  EXPECT_EQ(party_of(pl, "legal_name", "Santander"), "payment") << values(pl, "legal_name");
  // Counter-case: a Czech shop's own pick-up counter is the trader's.
  auto cz = facts_of_page(page("<h2>Prodejna a výdejní místo</h2><p>Vídeňská 546/55<br>639&nbsp;00 Brno</p>", "cs"),
                          "https://horska-vybava.cz/kontakty");
  EXPECT_EQ(party_of(cz, "address", "Brno"), "trader") << values(cz, "address");
}

TEST(UnseenShopMarkup, FirstPersonAndPassiveReplyPromises) {
  for (const char* html : {"Na zprávy z formuláře odpovídám obvykle do 2 pracovních dnů.",
                           "Las consultas por correo electrónico se contestan en un plazo máximo de 48 horas laborables.",
                           "Rispondo alle e-mail entro 2 giorni lavorativi."}) {
    auto s = facts_of_page(std::string("<p>") + html + "</p>", "https://shop.example.eu/contact");
    auto found = s.of_type("response_time_statement");
    ASSERT_EQ(found.size(), 1u) << html;
    EXPECT_DOUBLE_EQ(found.front()->attrs["hours"].get<double>(), 48) << html;
    EXPECT_TRUE(found.front()->attrs["business"].get<bool>()) << html;
  }
}

TEST(UnseenShopMarkup, SlovakAndHungarianStatements) {
  auto sk = facts_of_page(page("<p>Telefón: 044/552 13 87 (Po–Pi 8:00–15:00). Na e-maily odpovedáme spravidla do 1 pracovného dňa.</p>", "sk"),
                          "https://drevohracky-liptov.sk/obchodne-podmienky/");
  auto rt = sk.of_type("response_time_statement");
  ASSERT_EQ(rt.size(), 1u);
  EXPECT_DOUBLE_EQ(rt.front()->attrs["hours"].get<double>(), 24);
  EXPECT_TRUE(rt.front()->attrs["business"].get<bool>());
  // Hungarian puts "within" after the unit, and inflects the days it spans.
  auto hu = facts_of_page(page("<p>Telefonos ügyfélszolgálat: hétfőtől péntekig 8:00–16:00 óra között. E-mailekre 1 munkanapon "
                               "belül válaszolunk.</p>",
                               "hu"),
                          "https://szegedipaprikakert.hu/impresszum/");
  rt = hu.of_type("response_time_statement");
  ASSERT_EQ(rt.size(), 1u);
  EXPECT_DOUBLE_EQ(rt.front()->attrs["hours"].get<double>(), 24);
  EXPECT_EQ(rt.front()->attrs["channel"], "email");
  EXPECT_FALSE(hu.of_type("opening_hours").empty());
  // Counter-case: a delivery period in the same shape is no response time.
  auto hu_delivery = facts_of_page(page("<p>A rendeléseket 2 munkanapon belül kiszállítjuk.</p>", "hu"), "https://szegedipaprikakert.hu/szallitas/");
  EXPECT_TRUE(hu_delivery.of_type("response_time_statement").empty());
}

TEST(UnseenShopMarkup, AnOwnerWordInsideAThirdPartysBlockIsThatParty) {
  auto s = facts_of_page(page("<p>Brühwerk Hainich GmbH, Lindenallee 5, 99947 Bad Langensalza</p><h3>Gestaltung und Umsetzung</h3>"
                              "<p>Agentur Kornblau, Inh. Tobias Renner, Anger 31, 99084 Erfurt, hallo@kornblau-agentur.de</p>",
                              "de"),
                         "https://bruehwerk-hainich.de/impressum");
  EXPECT_EQ(party_of(s, "address", "Erfurt"), "agency") << values(s, "address");
  EXPECT_EQ(party_of(s, "email", "kornblau"), "agency");
  EXPECT_EQ(party_of(s, "address", "Bad Langensalza"), "trader");
  // Counter-case: the shop's own owner line stays the trader's.
  auto t = facts_of_page(page("<p>Teehaus Huber, Inh. Maria Huber, Weißenburger Str. 12, 81667 München</p>", "de"),
                         "https://teehaus-huber.de/impressum");
  EXPECT_EQ(party_of(t, "address", "München"), "trader") << values(t, "address");
}

TEST(UnseenShopMarkup, BatchDLayouts) {
  // The tail of an international number that is no valid number as a whole ("+44 (0)7700 900418",
  // a range reserved for fiction) is no phone of its own; a valid one beside it is read.
  auto gb = facts_of_page(page("<p>Phone: 0117 496 0382<br>Mobile / WhatsApp: +44 (0)7700 900418</p>", "en"),
                          "https://harbourandloom.co.uk/policies/legal-notice");
  EXPECT_EQ(find_fact(gb, "phone", "(0)7700"), nullptr) << values(gb, "phone");
  EXPECT_NE(find_fact(gb, "phone", "0117 496 0382"), nullptr) << values(gb, "phone");
  // A PO box's number is no phone; the phone beside it is.
  auto lu = facts_of_page(page("<p>MOSELLA S.à r.l. | Adresse postale : B.P. 2417 | L-1024 Luxembourg | Tél. : +352 26 48 19 07</p>", "fr"),
                          "https://mosella-delices.lu/about/");
  EXPECT_EQ(find_fact(lu, "phone", "2417"), nullptr) << values(lu, "phone");
  EXPECT_NE(find_fact(lu, "phone", "26 48 19 07"), nullptr) << values(lu, "phone");
  // An Irish address on lines of its own, county without Eircode; a company number on an Irish
  // page is a CRO number as written.
  auto ie = facts_of_page(page("<dl><dt>Company number</dt><dd>687452</dd><dt>Registered office</dt><dd>The Old Mill<br>Quay "
                               "Road<br>Westport<br>Co. Mayo<br>Ireland</dd></dl>",
                               "en"),
                          "https://clewbaycrafts.ie/legal");
  const Fact* office = find_fact(ie, "address", "Westport");
  ASSERT_NE(office, nullptr) << values(ie, "address");
  EXPECT_EQ(office->attrs.value("street", std::string()), "Quay Road");
  const Fact* cro = find_fact(ie, "register_id", "687452");
  ASSERT_NE(cro, nullptr) << values(ie, "register_id");
  EXPECT_EQ(cro->attrs.value("kind", std::string()), "ie.cro");
  EXPECT_EQ(cro->attrs.value("number", std::string()), "687452");
  // The person responsible for content under § 18 MStV, with a private address, is the editor.
  auto de = facts_of_page(page("<p>Havelkorn GmbH, Zeppelinstraße 12, 14471 Potsdam</p><p>Verantwortlich für den Inhalt nach § 18 "
                               "Abs. 2 MStV: Merle Kaszubowski<br>Am Pfingstberg 3a<br>14469 Potsdam</p>",
                               "de"),
                          "https://havelkorn.de/impressum/");
  EXPECT_EQ(party_of(de, "address", "Pfingstberg"), "editor") << values(de, "address");
  EXPECT_EQ(party_of(de, "address", "Zeppelinstraße"), "trader");
  // A labelled line of prose that ends reaches no line under it: the hotline is the trader's.
  auto kg = facts_of_page(page("<p>Sonnentau Naturkost GmbH &amp; Co. KG, Prager Straße 18, 04229 Leipzig</p>"
                               "<p>Verbraucherschlichtung: Wir nehmen an Streitbeilegungsverfahren vor der Universalschlichtungsstelle des "
                               "Bundes teil (www.verbraucher-schlichter.de).</p><p>Service-Hotline: 0341 90843 27</p>",
                               "de"),
                          "https://sonnentau-naturkost.de/impressum");
  EXPECT_EQ(party_of(kg, "phone", "90843 27"), "trader") << values(kg, "phone");
  // "Pplk. Sochora" is a street, not a sentence's end: the authority's address stays its own.
  auto cz = facts_of_page(page("<p>Správcem je ZELENÝ KOŠ s.r.o., Vodičkova 699/28, 110 00 Praha 1. Máte právo podat stížnost u "
                               "Úřadu pro ochranu osobních údajů, Pplk. Sochora 27, 170 00 Praha 7.</p>",
                               "cs"),
                          "https://zelenykos.cz/podminky-ochrany-osobnich-udaju/");
  EXPECT_EQ(party_of(cz, "address", "Sochora"), "authority") << values(cz, "address");
  EXPECT_EQ(party_of(cz, "address", "Vodičkova"), "trader");
}

// Found by the sixth and seventh blind batches (Romanian, Catalan, Bulgarian, Czech, Italian,
// Polish pages): names in quotes or opening their line, postcodes after the town, third parties
// introduced in running prose, time ranges.
TEST(UnseenShopMarkup, QuotedAndLineOpeningNamesAndThirdPartiesInProse) {
  auto bg = facts_of_page(page("<p>Наименование: „Родопски Пчелин“ ЕООД</p><p>ЕИК: 205739146</p>", "bg"),
                          "https://rodopski-pchelin.bg/obshti-usloviya");
  EXPECT_NE(find_fact(bg, "legal_name", "Родопски Пчелин"), nullptr) << values(bg, "legal_name");
  auto cz = facts_of_page(page("<p>Hrací kostka s.r.o., se sídlem Údolní 512/33, 602 00 Brno<br>IČO: 09481729</p>", "cs"),
                          "https://www.hracikostka.cz/kontakty");
  EXPECT_NE(find_fact(cz, "legal_name", "Hrací kostka s.r.o."), nullptr) << values(cz, "legal_name");
  EXPECT_EQ(party_of(cz, "address", "Údolní"), "trader");
  // A payment firm introduced by a sentence is the payment firm's, name and address.
  auto pl = facts_of_page(page("<p>Herbaciarnia Pod Lipami sp. z o.o., ul. Józefińska 14/3, 30-529 Kraków</p>"
                               "<p>Płatności online obsługuje PayFlow S.A., ul. Grunwaldzka 186, 60-166 Poznań.</p>",
                               "pl"),
                          "https://herbaciarniapodlipami.pl/");
  EXPECT_EQ(find_fact(pl, "legal_name", "obsługuje"), nullptr) << values(pl, "legal_name");
  EXPECT_EQ(party_of(pl, "address", "Poznań"), "payment") << values(pl, "address");
  EXPECT_EQ(party_of(pl, "address", "Kraków"), "trader");
}

TEST(UnseenShopMarkup, RomanianPostcodeAfterTheTownAndTimeRangesAreNoPhone) {
  auto ro = facts_of_page(page("<p>Miere de Ardeal S.R.L.<br>Sediul social: Str. Avram Iancu nr. 14, Sibiu, jud. Sibiu, cod "
                               "poștal 550182, România<br>Telefon: 0269 214 736</p>",
                               "ro"),
                          "https://www.mieredeardeal.ro/informatii-legale");
  EXPECT_NE(find_fact(ro, "address", "550182"), nullptr) << values(ro, "address");
  EXPECT_NE(find_fact(ro, "phone", "0269"), nullptr) << values(ro, "phone");
  auto it = facts_of_page(page("<p>Oleificio Valdipesa S.r.l. – tel. 055 821 4736. Il servizio clienti risponde dal lunedì al "
                               "venerdì, 9:00–13:00 e 14:30–18:00.</p>",
                               "it"),
                          "https://www.oleificiovaldipesa.it/");
  EXPECT_EQ(find_fact(it, "phone", "30–18"), nullptr) << values(it, "phone");
  EXPECT_NE(find_fact(it, "phone", "821 4736"), nullptr) << values(it, "phone");
}

}  // namespace
}  // namespace omnicheck::extract::testing

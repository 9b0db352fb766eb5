// Address precision on whole footer and legal-notice blocks as shops write them (issue 11,
// class 3): number-shaped text (years, times, IP addresses, article numbers of codes, prices,
// quantities, order, register and phone numbers) is no postcode, a postcode and town alone
// count only with address context, and a complete address needs a street of a plausible
// shape. Every trap has its counter-case: the real address next to it is still found.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

std::vector<const Fact*> addresses(const std::string& html, const std::string& url, const std::string& country = "") {
  static std::vector<FactStore> keep;  // the facts outlive the call
  keep.push_back(testing::facts_of_page(html, url, country));
  return keep.back().of_type("address");
}

std::string dump(const std::vector<const Fact*>& fs) {
  std::string out;
  for (const auto* f : fs) out += f->attrs.value("value", std::string()) + " [" + f->attrs.value("country", std::string()) + "]; ";
  return out;
}

// The complete address with this postcode, or nullptr.
const Fact* complete_with(const std::vector<const Fact*>& fs, const std::string& postcode) {
  for (const auto* f : fs) {
    if (f->attrs.value("complete", false) && f->attrs.value("postcode", std::string()) == postcode) return f;
  }
  return nullptr;
}

const Fact* with_postcode(const std::vector<const Fact*>& fs, const std::string& postcode) {
  for (const auto* f : fs) {
    if (f->attrs.value("postcode", std::string()) == postcode) return f;
  }
  return nullptr;
}

// --- Traps: each page holds no address at all. -------------------------------------------------

struct Trap {
  std::string name, html, url, country;
};

TEST(AddressPrecision, NumberShapedTextIsNoAddress) {
  std::vector<Trap> traps = {
      {"copyright year, AT", "<footer><p>© 2024 Maison Lumière</p><p>Alle Rechte vorbehalten.</p></footer>", "https://maison-lumiere.at/", ""},
      {"founding year, CH", "<footer><p>Seit 1998 Qualität aus Meisterhand</p><p>Versand in die ganze Schweiz</p></footer>",
       "https://meisterhand.ch/", ""},
      {"year range, DK", "<footer><p>© 2011-2026 Shop Nordlys ApS</p></footer>", "https://nordlys.dk/", ""},
      {"year range with spaces, AT", "<footer><p>Copyright 2011 – 2026 Shop Alpenglück</p></footer>", "https://alpenglueck.at/", ""},
      {"collection year, BE", "<main><h2>Collection 2025 Automne</h2><p>Découvrez nos nouveautés.</p></main>", "https://mode.be/", ""},
      {"year in prose, HU", "<main><p>Since 2019 Budapest's favourite tea shop.</p></main>", "https://teahaz.hu/", ""},
      {"opening hours, GB", "<footer><p>Customer service: lines open 0830 to 1815 Monday to Friday</p></footer>",
       "https://shop.co.uk/", "AT"},
      {"opening hours, DE", "<footer><p>Hotline Mo–Fr 0830–1815 Uhr</p></footer>", "https://shop.at/", ""},
      {"IP address", "<main><p>Server: 2001:0db8:85a3::8a2e:0370 Wien-Mitte</p><p>IP 192.168.1.20 Berlin</p></main>",
       "https://shop.at/datenschutz", ""},
      {"article of the Code civil, BE", "<main><p>Garantie des vices cachés (Art. 1641 Code civil) et garantie légale.</p></main>",
       "https://boutique.be/cgv", ""},
      {"paragraph of the ABGB, AT", "<main><p>Die Haftung richtet sich nach § 1295 ABGB und § 1489 ABGB.</p></main>",
       "https://shop.at/agb", ""},
      {"section of the BGB, DE", "<main><p>Widerrufsrecht nach § 312g BGB, Frist nach § 355 BGB.</p></main>", "https://shop.de/agb", ""},
      {"price, CH", "<main><p>Gratisversand ab 1500 Franken</p><p>Preis: 2490 CHF</p></main>", "https://shop.ch/", ""},
      {"quantities, AT", "<main><p>Über 4500 Zufriedene Kunden</p><p>Mehr als 1200 Produkte auf Lager</p></main>", "https://shop.at/", ""},
      {"order number, DE", "<main><p>Bestellnr. 12345 Versand heute</p><p>Auftragsnummer 10115 Berlin-Lager</p></main>",
       "https://shop.de/", ""},
      {"EAN", "<main><p>EAN 4006381333931 Farbe Blau</p><p>EAN: 4006 3813 Blau</p></main>", "https://shop.de/p/1", ""},
      {"register number, AT", "<footer><p>Firmenbuch: FN 1234 Landesgericht Linz</p></footer>", "https://shop.at/", ""},
      {"phone number, AT", "<footer><p>Hotline 0800 2020 Kostenlos aus ganz Österreich</p><p>Tel. +43 1 5123 Wien</p></footer>",
       "https://shop.at/", ""},
      {"phone number, DK", "<footer><p>Ring på +45 33 12 3456 Hverdage</p></footer>", "https://shop.dk/", ""},
      {"ZIP+4 tail is no postcode", "<main><p>Zahlungen: Stripe, Inc., San Francisco, CA 94107-2008 United States</p></main>",
       "https://shop.at/zahlung", ""},
      {"postcode and town alone, no context, DE", "<main><p>Wir liefern auch nach</p><p>10115 Berlin</p></main>",
       "https://shop.de/versand", ""},
      {"town in prose, FR", "<main><p>Livraison gratuite à 75011 Paris et en Île-de-France.</p></main>", "https://boutique.fr/", ""},
      {"time on the line above, DE", "<footer><p>Mo–Fr 8–18 Uhr</p><p>Sa 9 Uhr</p><p>Rufen Sie an.</p></footer>", "https://shop.de/", ""},
  };
  for (const auto& t : traps) {
    auto fs = addresses(t.html, t.url, t.country);
    // The ZIP+4 case may report the US address itself, never "2008 United".
    for (const auto* f : fs) {
      std::string pc = f->attrs.value("postcode", std::string());
      if (t.name.rfind("ZIP+4", 0) == 0 && f->attrs.value("country", std::string()) == "US") continue;
      ADD_FAILURE() << t.name << ": not an address: " << f->attrs.value("value", std::string()) << " ["
                    << f->attrs.value("country", std::string()) << "]";
    }
  }
}

// --- Counter-cases: real addresses in the same kind of block. ----------------------------------

struct Real {
  std::string name, html, url, street, postcode, town, country;
};

TEST(AddressPrecision, RealAddressesNextToTheTrapsAreFound) {
  std::vector<Real> cases = {
      {"AT footer with copyright", "<footer><p>Maison Lumière GmbH</p><p>Mariahilfer Straße 77</p><p>1060 Wien</p><p>© 2024 Maison Lumière</p></footer>",
       "https://maison-lumiere.at/", "Mariahilfer Straße 77", "1060", "Wien", "AT"},
      {"CH footer with founding year", "<footer><p>Seit 1998 Qualität aus Meisterhand</p><p>Meisterhand AG · Bahnhofstrasse 21 · 8001 Zürich</p></footer>",
       "https://meisterhand.ch/", "Bahnhofstrasse 21", "8001", "Zürich", "CH"},
      {"DK footer with year range", "<footer><p>Shop Nordlys ApS, Vesterbrogade 12, 1620 København V, Danmark</p><p>© 2011-2026 Shop Nordlys ApS</p></footer>",
       "https://nordlys.dk/", "Vesterbrogade 12", "1620", "København V", "DK"},
      {"DK postcode 2100 with Ø", "<address>Nordlys ApS<br>Østerbrogade 56<br>2100 København Ø</address>", "https://nordlys.dk/",
       "Østerbrogade 56", "2100", "København Ø", "DK"},
      {"BE legal notice", "<h2>Collection 2025 Automne</h2><p>Mode Belge SRL<br>Rue Neuve 12<br>1000 Bruxelles<br>Belgique</p>",
       "https://mode.be/", "Rue Neuve 12", "1000", "Bruxelles", "BE"},
      {"BE 2000 Antwerpen (a year-shaped postcode)", "<p>Huis Peeters BV, Meir 24, 2000 Antwerpen</p>", "https://peeters.be/", "Meir 24",
       "2000", "Antwerpen", "BE"},
      {"HU", "<p>Teaház Kft.</p><p>Váci utca 10.</p><p>1052 Budapest</p>", "https://teahaz.hu/", "Váci utca 10.", "1052", "Budapest", "HU"},
      {"GB with opening hours", "<footer><p>Lines open 0830 to 1815 Monday to Friday</p><p>Acme Widgets Ltd, Unit 4, 27 Old Street, London EC1V 9HL</p></footer>",
       "https://acme.co.uk/", "27 Old Street", "EC1V 9HL", "London", "GB"},
      {"GB street name with a label word", "<p>Registered office: Capital House, 25 Chapel Street, London NW1 5DH</p>", "https://shop.co.uk/",
       "25 Chapel Street", "NW1 5DH", "London", "GB"},
      {"FR with CEDEX", "<p>Le site est édité par Provence Délices SAS, 12 boulevard Longchamp, 13001 Marseille CEDEX 01.</p>",
       "https://provence-delices.fr/mentions-legales", "12 boulevard Longchamp", "13001", "Marseille CEDEX 01", "FR"},
      {"FR in prose", "<p>Le site est édité par la société SAS LES JARDINS D'AMBRE, au capital de 5 000 euros, dont le siège "
       "social est situé 12 cours de l'Intendance, 33000 Bordeaux.</p>",
       "https://jardinsambre.fr/mentions-legales", "12 cours de l'Intendance", "33000", "Bordeaux", "FR"},
      {"FR with article of a code", "<p>Garantie légale : art. 1641 du Code civil.</p><p>Atelier Bleu SAS – 3 rue Neuve – 44000 Nantes</p>",
       "https://atelier-bleu.fr/cgv", "3 rue Neuve", "44000", "Nantes", "FR"},
      {"DE with BGB paragraph", "<p>Widerrufsrecht nach § 312g BGB.</p><p>Nordlicht Versand GmbH<br>Hafenstraße 3<br>24103 Kiel</p>",
       "https://nordlicht.de/impressum", "Hafenstraße 3", "24103", "Kiel", "DE"},
      {"DE street on the same line", "<p>Anschrift: Musterstraße 12 · 10115 Berlin</p>", "https://shop.de/impressum", "Musterstraße 12",
       "10115", "Berlin", "DE"},
      {"AT with ABGB and phone", "<p>Haftung nach § 1295 ABGB.</p><p>Tel. +43 1 512 3456</p><p>Alpenglück e.U., Stephansplatz 1, 1010 Wien</p>",
       "https://alpenglueck.at/impressum", "Stephansplatz 1", "1010", "Wien", "AT"},
      {"CS footer", "<footer><p>© 2009–2026 Pekařství U Mostu s.r.o.</p><p>Vinohradská 1234/56, 120 00 Praha 2</p></footer>",
       "https://pekarstvi.cz/", "Vinohradská 1234/56", "120 00", "Praha 2", "CZ"},
      {"CS Na Příkopě", "<p>Sídlo: Na Příkopě 15/1047, 110 00 Praha 1</p>", "https://obchod.cz/", "Na Příkopě 15/1047", "110 00", "Praha 1", "CZ"},
      {"SK", "<p>Predávajúci: Obchod s.r.o., Hlavná 12, 040 01 Košice</p>", "https://obchod.sk/", "Hlavná 12", "040 01", "Košice", "SK"},
      {"NL", "<footer><p>Groene Thee B.V. | Keizersgracht 123 | 1015 CJ Amsterdam | KvK 12345678</p></footer>", "https://groenethee.nl/",
       "Keizersgracht 123", "1015 CJ", "Amsterdam", "NL"},
      {"NL 's-Hertogenbosch", "<p>Bezoekadres: Markt 1, 5211 JV 's-Hertogenbosch</p>", "https://winkel.nl/", "Markt 1", "5211 JV",
       "'s-Hertogenbosch", "NL"},
      {"PL", "<p>Sklep Bursztyn sp. z o.o., ul. Marszałkowska 10/12, 00-950 Warszawa, NIP 5250001009</p>", "https://bursztyn.pl/",
       "ul. Marszałkowska 10/12", "00-950", "Warszawa", "PL"},
      {"PT", "<p>Loja Atlântico, Lda. – Rua Augusta 100, 1100-053 Lisboa, Portugal</p>", "https://atlantico.pt/", "Rua Augusta 100",
       "1100-053", "Lisboa", "PT"},
      {"IT", "<footer><p>Bottega Verde S.r.l. – Via Roma 10, 20121 Milano (MI) – P.IVA 01234567890</p></footer>", "https://bottega.it/",
       "Via Roma 10", "20121", "Milano (MI)", "IT"},
      {"ES with floor", "<p>Domicilio social: Calle de Alcalá 50, 3º B, 28014 Madrid</p>", "https://tienda.es/aviso-legal",
       "Calle de Alcalá 50", "28014", "Madrid", "ES"},
      {"SE", "<p>Nordisk Design AB, Drottninggatan 5, 111 51 Stockholm, Sverige</p>", "https://nordisk.se/", "Drottninggatan 5", "111 51",
       "Stockholm", "SE"},
      {"LU", "<p>Épicerie Fine S.à r.l., 12, rue du Marché-aux-Herbes, L-1728 Luxembourg</p>", "https://epicerie.lu/",
       "12, rue du Marché-aux-Herbes", "L-1728", "Luxembourg", "LU"},
      {"IE", "<p>Registered office: 12 Main Street, Dublin 2, D02 X285, Ireland</p>", "https://shop.ie/", "12 Main Street", "D02 X285", "Dublin 2",
       "IE"},
      {"AT with Stiege and Tür", "<p>Kaffeerösterei Blau e.U.<br>Neubaugasse 44/2/7<br>1070 Wien</p>", "https://kaffee-blau.at/impressum",
       "Neubaugasse 44/2/7", "1070", "Wien", "AT"},
      {"HU street after the town", "<table><tr><td>Székhely:</td><td>8237 Tihany, Kossuth Lajos utca 21.</td></tr></table>",
       "https://levendula.hu/impresszum", "Kossuth Lajos utca 21.", "8237", "Tihany", "HU"},
      {"PL address inside a long paragraph",
       "<ol><li>Sklep internetowy dostępny pod adresem www.zielonyknot.pl prowadzony jest przez Manufakturę Świec Zielony Knot "
       "spółkę z ograniczoną odpowiedzialnością z siedzibą w Poznaniu (adres: ul. Święty Marcin 29/8, 61-806 Poznań), wpisaną do "
       "rejestru przedsiębiorców Krajowego Rejestru Sądowego prowadzonego przez Sąd Rejonowy Poznań – Nowe Miasto i Wilda w "
       "Poznaniu, VIII Wydział Gospodarczy Krajowego Rejestru Sądowego, pod numerem KRS 0000781245, NIP 7822714367, REGON "
       "364185279, kapitał zakładowy 5 000,00 zł.</li></ol>",
       "https://zielonyknot.pl/regulamin", "ul. Święty Marcin 29/8", "61-806", "Poznań", "PL"},
      {"LU prefix written before the postcode", "<p>Amazon Web Services EMEA SARL, 38 Avenue John F. Kennedy, L-1855 Luxemburgo.</p>",
       "https://loja.pt/termos", "38 Avenue John F. Kennedy", "L-1855", "Luxemburgo", "LU"},
      {"US host with ZIP+4", "<p>Hosted by Squarespace, Inc., 225 Varick Street, New York, NY 10014-7710, USA</p>", "https://shop.co.uk/",
       "225 Varick Street", "NY 10014-7710", "New York", "US"},
  };
  for (const auto& c : cases) {
    auto fs = addresses(c.html, c.url);
    const Fact* a = complete_with(fs, c.postcode);
    ASSERT_TRUE(a) << c.name << ": no complete address with " << c.postcode << " in " << dump(fs);
    EXPECT_EQ(a->attrs["street"], c.street) << c.name;
    EXPECT_EQ(a->attrs["town"], c.town) << c.name;
    EXPECT_EQ(a->attrs["country"], c.country) << c.name;
    for (const auto* f : fs) {
      if (f != a && !f->attrs.value("third_party", false) && f->attrs.value("postcode", std::string()) != c.postcode) {
        ADD_FAILURE() << c.name << ": extra address " << f->attrs.value("value", std::string());
      }
    }
  }
}

// A postcode and town without a street count only with address context; without it they are
// prose or a number next to a capitalised word.
TEST(AddressPrecision, PostcodeAndTownAloneNeedAddressContext) {
  struct Ctx {
    std::string name, html, url, postcode;
    bool expect;
  };
  std::vector<Ctx> cases = {
      {"address label", "<p>Sitz: 1010 Wien</p>", "https://shop.at/impressum", "1010", true},
      {"label on the line above", "<p>Siège social :</p><p>75011 Paris</p>", "https://boutique.fr/", "75011", true},
      {"under the legal name", "<p>Beispiel Handels GmbH</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", true},
      {"legal name on the same line", "<p>Huis Peeters BV, 2000 Antwerpen</p>", "https://peeters.be/", "2000", true},
      {"with the country name", "<p>1000 Bruxelles, Belgique</p>", "https://shop.be/", "1000", true},
      {"same postcode, no context", "<p>Wir liefern auch nach</p><p>1010 Wien</p>", "https://shop.at/", "1010", false},
      {"a year under a legal name is still a year", "<p>Beispiel Handels GmbH</p><p>Seit 1998 Qualität</p>", "https://shop.at/", "1998", false},
      {"prose after a label", "<p>Adresse : livraison offerte dès 75011 Paris</p>", "https://boutique.fr/", "75011", false},
  };
  for (const auto& c : cases) {
    auto fs = addresses(c.html, c.url);
    EXPECT_EQ(with_postcode(fs, c.postcode) != nullptr, c.expect) << c.name << ": " << dump(fs);
  }
}

TEST(AddressPrecision, PoBoxesInMoreLanguages) {
  for (const std::string html : {"<p><strong>Fjällvind Outdoor Aktiebolag</strong><br>Box 2041<br>403 12 Göteborg</p>",
                                 "<p>Nordlys ApS<br>Postboks 112<br>1002 København K</p>"}) {
    auto fs = addresses(html, "https://shop.example.eu/");
    ASSERT_EQ(fs.size(), 1u) << html << ": " << dump(fs);
    EXPECT_TRUE(fs[0]->attrs["po_box"].get<bool>()) << html;
    EXPECT_FALSE(fs[0]->attrs["complete"].get<bool>()) << html;
  }
  // A street and a box: the street is the address.
  auto fs = addresses("<p>Fjällvind Outdoor AB, Importgatan 14, Box 2041, 403 12 Göteborg</p>", "https://fjallvind.se/");
  ASSERT_EQ(fs.size(), 1u) << dump(fs);
  EXPECT_TRUE(fs[0]->attrs["complete"].get<bool>()) << dump(fs);
}

// A street above a postcode must look like one: a house number with a street word, suffix or
// the shape of a street of its country; a phone line, opening hours or a year are none.
TEST(AddressPrecision, StreetNeedsAPlausibleShape) {
  struct S {
    std::string name, html, url, postcode;
    bool complete;
  };
  std::vector<S> cases = {
      {"phone line above", "<p>Beispiel GmbH</p><p>Tel. 030 1234567</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", false},
      {"opening hours above", "<p>Beispiel GmbH</p><p>Mo–Fr 9.00–18.00</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", false},
      {"founding year above", "<p>Beispiel GmbH</p><p>Gegründet 1998</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", false},
      {"register number above", "<p>Beispiel GmbH</p><p>HRB 12345</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", false},
      {"e-mail above", "<p>Beispiel GmbH</p><p>info2@beispiel.de</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", false},
      {"street above", "<p>Beispiel GmbH</p><p>Am Markt 5</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", true},
      {"street with floor", "<p>Beispiel GmbH</p><p>Hauptstraße 5, 2. OG</p><p>10115 Berlin</p>", "https://shop.de/impressum", "10115", true},
      {"number-first street", "<p>Atelier Bleu SAS</p><p>3 rue Neuve</p><p>44000 Nantes</p>", "https://atelier.fr/", "44000", true},
      {"US parkway", "<p>Google LLC</p><p>1600 Amphitheatre Parkway</p><p>Mountain View, CA 94043</p>", "https://shop.de/datenschutz",
       "CA 94043", true},
  };
  for (const auto& c : cases) {
    auto fs = addresses(c.html, c.url);
    const Fact* a = with_postcode(fs, c.postcode);
    ASSERT_TRUE(a) << c.name << ": " << dump(fs);
    EXPECT_EQ(a->attrs.value("complete", false), c.complete) << c.name << ": " << a->attrs.value("value", std::string());
  }
}

// PO boxes written in words are PO boxes in any case; abbreviations stay case-sensitive.
TEST(AddressPrecision, PoBoxWordsInAnyCase) {
  for (const char* html : {"<p>Ribera Cafés S.L. · Apartado de Correos 1045 · 46080 Valencia</p>",
                           "<p>Tessuti Alpini S.r.l. – CASELLA POSTALE 58 – 12011 Borgo San Dalmazzo (CN)</p>"}) {
    auto s = testing::facts_of_page(std::string("<!doctype html><html><body><footer>") + html + "</footer></body></html>",
                                    "https://shop.example/");
    auto addresses = s.of_type("address");
    ASSERT_FALSE(addresses.empty()) << html;
    for (const auto* a : addresses) {
      EXPECT_TRUE(a->attrs.value("po_box", false)) << a->attrs.value("value", std::string());
      EXPECT_FALSE(a->attrs.value("complete", false)) << a->attrs.value("value", std::string());
    }
  }
  // Counter-case: "cs" in lower case is a word, not the French "CS" (course spéciale) box.
  auto s = testing::facts_of_page("<!doctype html><html lang=\"fr\"><body><p>Maison Lumière SAS, 12 rue des cs 4, 75011 Paris</p></body></html>",
                                  "https://maison-lumiere.fr/");
  for (const auto* a : s.of_type("address")) EXPECT_FALSE(a->attrs.value("po_box", false));
}


// A town after its postcode ends with its sentence: a German sentence goes on with a capitalised
// noun, which the town pattern would otherwise take as a second word of the town. Abbreviations
// before a dot stay part of the town.
TEST(AddressPrecision, ATownEndsWithItsSentence) {
  struct Case {
    std::string html, postcode, town;
  };
  std::vector<Case> cases = {
      {"<p>Ungeöffnete Packungen senden Sie bitte an Bohnenwerk Kaffeerösterei GmbH, Stockmeyerstraße 41, 20457 Hamburg. "
       "Geöffnete Kaffeepackungen sind vom Widerruf ausgeschlossen.</p>",
       "20457", "Hamburg"},
      {"<p>Rücksendungen an: Versandlager Nord, Industriestraße 7, 66386 St. Ingbert</p>", "66386", "St. Ingbert"},
      {"<p>Impressum: Beispiel Handels GmbH, Hauptstraße 3, 60311 Frankfurt am Main. Vertreten durch Eva Beispiel.</p>",
       "60311", "Frankfurt am Main"},
  };
  for (const auto& c : cases) {
    auto fs = addresses(c.html, "https://shop.de/versand", "DE");
    const Fact* f = with_postcode(fs, c.postcode);
    ASSERT_NE(f, nullptr) << c.html << ": " << dump(fs);
    EXPECT_EQ(f->attrs.value("town", std::string()), c.town) << dump(fs);
  }
}


// The legal names found on a page, as their values.
std::vector<std::string> legal_names(const std::string& html, const std::string& url) {
  static std::vector<FactStore> keep;  // the facts outlive the call
  keep.push_back(testing::facts_of_page(html, url, ""));
  std::vector<std::string> names;
  for (const auto* f : keep.back().of_type("legal_name")) names.push_back(f->attrs.value("value", std::string()));
  return names;
}

// Baltic notices write the form first and the name in quotes (UAB „Gintarinė prekyba“); an
// ambiguous five-digit postcode takes the country named at the page's earlier address.
TEST(AddressPrecision, AnAmbiguousPostcodeTakesTheCountryNamedEarlierOnThePage) {
  const std::string html =
      "<h1>Company information</h1><p><strong>Põhjala Puidukoda OÜ</strong><br>Telliskivi 60a/3<br>10412 Tallinn<br>Estonia</p>"
      "<p>Hosting: Pilveserver OÜ, registry code 12184063, Pärnu mnt 139, 11317 Tallinn.</p>";
  auto fs = addresses(html, "https://puidukoda.ee/en/company");
  const Fact* host = with_postcode(fs, "11317");
  ASSERT_NE(host, nullptr) << dump(fs);
  EXPECT_EQ(host->attrs.value("country", std::string()), "EE") << dump(fs);
}

TEST(AddressPrecision, AQuotedNameAfterALeadingFormIsOneName) {
  const std::vector<std::string> names = legal_names(
      "<h1>Rekvizitai</h1><p>Pardavėjas: UAB „Gintarinė prekyba“<br>Gedimino pr. 9, LT-01103 Vilnius</p>"
      "<p>Mokėjimus priima SIA \"Dzintara Maksājumi\".</p><p>Apmokėti galite ir MB WAY.</p>",
      "https://gintarine.lt/rekvizitai");
  EXPECT_NE(std::find(names.begin(), names.end(), "UAB „Gintarinė prekyba“"), names.end()) << ::testing::PrintToString(names);
  EXPECT_NE(std::find(names.begin(), names.end(), "SIA \"Dzintara Maksājumi\""), names.end()) << ::testing::PrintToString(names);
  EXPECT_EQ(std::find(names.begin(), names.end(), "MB WAY"), names.end()) << "a Portuguese payment method is no company";
}

// A Slavic place preposition between two capitalised words is part of the name, as in towns
// ("Ústí nad Labem"); a short lower-case word of a sentence still ends the name.
TEST(AddressPrecision, ANameWithAPlacePrepositionIsKeptWhole) {
  const std::vector<std::string> names = legal_names(
      "<footer><p>Kontakt</p><p>Čajovňa pod Hradom s. r. o.<br>Hlavná 47, 040 01 Košice</p>"
      "<p>Vinařství u Kapličky s.r.o.<br>Hlavní 12, 691 42 Valtice</p>"
      "<p>Objednávky vyřizuje v Praze s.r.o.</p></footer>",
      "https://cajovnapodhradom.sk/");
  EXPECT_NE(std::find(names.begin(), names.end(), "Čajovňa pod Hradom s. r. o."), names.end()) << ::testing::PrintToString(names);
  EXPECT_NE(std::find(names.begin(), names.end(), "Vinařství u Kapličky s.r.o."), names.end()) << ::testing::PrintToString(names);
  for (const auto& n : names) EXPECT_EQ(n.find("vyřizuje"), std::string::npos) << n;
}

}  // namespace
}  // namespace omnicheck::extract

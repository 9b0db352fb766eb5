// Phone numbers on real pages (issue 11, classes 3 and 5): numbers written in another country's
// national format, vanity numbers, numbers glued to the next word, fax labels after the number
// and in short forms, and the number-shaped text that is no phone (IP addresses, years, times,
// dates, articles of codes, ZIP+4, register ids, EANs, order numbers, prices, IBANs, postcodes,
// share capital). Every snippet is a whole line or block as contact pages, footers and legal
// notices write it, in several languages; each real number has a counter-case beside it.
//
// Each test prints a tally line ("[phone-precision] …: found n/m, rejected k/l") so a run shows
// how many test numbers are found and how many non-numbers are kept out.
#include <gtest/gtest.h>

#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

struct Found {
  std::set<std::string> phones, faxes;  // E.164
  std::vector<std::string> raws;        // values of every phone fact, for messages
};

Found extract(const std::string& html, const std::string& country, const std::string& url) {
  FactStore s = facts_of_page("<html><body>" + html + "</body></html>", url, country);
  Found f;
  for (const auto* p : s.of_type("phone")) {
    std::string e164 = p->attrs.value("e164", std::string());
    (p->attrs.value("fax", false) ? f.faxes : f.phones).insert(e164);
    f.raws.push_back(p->attrs.value("value", std::string()) + (p->attrs.value("fax", false) ? " (fax)" : "") + " = " +
                     e164);
  }
  return f;
}

std::string url_for(const std::string& country) {
  std::string tld = country == "GB" ? "co.uk" : country == "US" ? "com" : country;
  for (auto& c : tld) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "https://shop.example." + tld + "/contact";
}

std::string list(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += "\n    " + s;
  return out.empty() ? " (none)" : out;
}

// A snippet with the numbers a careful reader finds in it: `phones` (telephone lines) and
// `faxes`; nothing else may come out.
struct Case {
  std::string country;  // what the audit assumes (PageContext::country)
  std::string html;
  std::vector<std::string> phones;
  std::vector<std::string> faxes = {};
};

// Checks every case; returns {numbers found, numbers expected}.
std::pair<int, int> check(const std::vector<Case>& cases) {
  int found = 0, expected = 0;
  for (const auto& c : cases) {
    Found f = extract(c.html, c.country, url_for(c.country));
    for (const auto& p : c.phones) {
      ++expected;
      bool ok = f.phones.count(p) > 0;
      found += ok;
      EXPECT_TRUE(ok) << "[" << c.country << "] phone " << p << " not found in: " << c.html << "\nfacts:" << list(f.raws);
    }
    for (const auto& p : c.faxes) {
      ++expected;
      bool ok = f.faxes.count(p) > 0;
      found += ok;
      EXPECT_TRUE(ok) << "[" << c.country << "] fax " << p << " not found in: " << c.html << "\nfacts:" << list(f.raws);
    }
    std::set<std::string> want_phones(c.phones.begin(), c.phones.end()), want_faxes(c.faxes.begin(), c.faxes.end());
    EXPECT_EQ(f.phones, want_phones) << "[" << c.country << "] " << c.html << "\nfacts:" << list(f.raws);
    EXPECT_EQ(f.faxes, want_faxes) << "[" << c.country << "] " << c.html << "\nfacts:" << list(f.raws);
  }
  return {found, expected};
}

// Checks that none of `lines` yields a phone or fax under any of `countries`; returns
// {rejected, total}.
std::pair<int, int> check_none(const std::vector<std::string>& lines, const std::vector<std::string>& countries) {
  int rejected = 0, total = 0;
  for (const auto& country : countries) {
    for (const auto& line : lines) {
      Found f = extract("<p>" + line + "</p>", country, url_for(country));
      ++total;
      bool ok = f.phones.empty() && f.faxes.empty();
      rejected += ok;
      EXPECT_TRUE(ok) << "[" << country << "] not a phone: " << line << "\nfacts:" << list(f.raws);
    }
  }
  return {rejected, total};
}

void tally(const std::string& what, std::pair<int, int> found, std::pair<int, int> rejected = {0, 0}) {
  std::cout << "[phone-precision] " << what << ": found " << found.first << "/" << found.second << ", rejected "
            << rejected.first << "/" << rejected.second << "\n";
}

// ---- 1. Numbers in another country's national format ----

TEST(PhonePrecision, ForeignNationalFormatsNamedByTheirCountryOrValidInOneRegion) {
  std::vector<Case> cases = {
      // A British site with its American lines (the case that failed contact.phone).
      {"GB",
       "<h2>Contact us</h2><p>UK: 020 7946 0018<br>US &amp; Canada: 1-800-555-0199<br>"
       "New York showroom: (212) 555-0147</p>",
       {"+442079460018", "+18005550199", "+12125550147"}},
      {"GB", "<footer><p>Call us free from the USA on 1-800-555-0199</p></footer>", {"+18005550199"}},
      {"GB", "<p>Phone (US office): (415) 555-0132</p>", {"+14155550132"}},
      // A French shop with its Belgian and Swiss lines.
      {"FR",
       "<p>Service client France&nbsp;: 01 42 68 53 00<br>Belgique&nbsp;: 02 512 34 56<br>"
       "Suisse : 022 345 67 89</p>",
       {"+33142685300", "+3225123456", "+41223456789"}},
      {"FR", "<p>Depuis la Belgique, appelez le 078 15 20 30 (tarif zonal)</p>", {"+3278152030"}},
      // A German shop with its Austrian and Swiss hotlines.
      {"DE",
       "<p>Kundenservice Deutschland: 089 123 8447<br>Anrufer aus Österreich: 01 234 5678<br>"
       "aus der Schweiz: 044 668 18 00</p>",
       {"+49891238447", "+4312345678", "+41446681800"}},
      {"DE", "<div class=\"hotline\">Hotline AT: 0800 20 11 22 · CH: 0800 55 66 77</div>",
       {"+43800201122", "+41800556677"}},
      // A Czech shop with its Slovak line.
      {"CZ", "<p>Zákaznická linka: 222 333 444<br>Volejte ze Slovenska: 02/5263 1234</p>",
       {"+420222333444", "+421252631234"}},
      // Explicit country codes in any region, with 00 as well as +.
      {"DE", "<p>Tel. aus dem Ausland: 0049 89 1238447</p>", {"+49891238447"}},
      {"FR", "<p>Our Dublin office: +353 1 234 5678</p>", {"+35312345678"}},
      // Valid in exactly one plausible region and labelled: a US toll-free number on a French
      // page without a country word.
      {"FR", "<p>Service client international : téléphone 1-888-555-0173</p>", {"+18885550173"}},
  };
  auto found = check(cases);
  // Counter-cases: digit runs valid only under a guessed region, without phone context.
  auto rejected = check_none(
      {
          "Product code 2125550147 – in stock",
          "Article 4155550132, colour navy",
          "Ref. 0225123456",
          "Lot 8005550199 / 2024",
          "Auftragsnummer 0441234567",
          "Katalognummer 01 234 5678",
      },
      {"GB", "FR", "DE"});
  tally("foreign national formats", found, rejected);
}

// ---- 2. Vanity numbers ----

TEST(PhonePrecision, VanityNumbersKeepTheirLetters) {
  FactStore s = facts_of_page("<p>Order by phone: 1-800-FLOWERS (1-800-356-9377)</p>", "https://shop.example.com/", "US");
  std::vector<std::string> values;
  for (const auto* f : s.of_type("phone")) values.push_back(f->attrs.value("value", std::string()));
  EXPECT_NE(std::find(values.begin(), values.end(), "1-800-FLOWERS"), values.end()) << list(values);

  std::vector<Case> cases = {
      {"US", "<p>Call 1-800-FLOWERS today</p>", {"+18003569377"}},
      {"GB", "<p>US customers: 1-800-FLOWERS</p>", {"+18003569377"}},
      {"DE", "<p>Bestellhotline: 0800-SHOPPEN (kostenlos)</p>", {"+498007467736"}},
  };
  auto found = check(cases);
  auto rejected = check_none({"Modell 2000-TURBO", "SKU 100-BLACKXL", "Größe 38-EXTRA"}, {"US", "DE", "GB"});
  tally("vanity numbers", found, rejected);
}

// ---- 3. Numbers glued to the next word ----

TEST(PhonePrecision, NumbersGluedToTheNextWord) {
  std::vector<Case> cases = {
      {"DE", "<p>Tel.: +49 89 123 3900Fax: +49 89 123 3901E-Mail: info@shop.example.de</p>", {"+49891233900"},
       {"+49891233901"}},
      {"DE", "<p>Tel.0221 1234567E-Mail: service@shop.example.de</p>", {"+492211234567"}},
      {"DE", "<p>Telefon0221 1234567</p>", {"+492211234567"}},
      {"FR", "<p>Tél.01 42 68 53 00Email : contact@boutique.example.fr</p>", {"+33142685300"}},
      {"CZ", "<p>Tel.:+420 222 333 444E-mail: info@obchod.example.cz</p>", {"+420222333444"}},
      {"GB", "<p>Phone: 020 7946 0018Email: hello@shop.example.co.uk</p>", {"+442079460018"}},
  };
  auto found = check(cases);
  // Counter-cases: an IBAN and a register id glued to letters stay out.
  auto rejected = check_none({"IBAN DE89370400440532013000BIC COBADEFFXXX", "HRB212345B Amtsgericht München"},
                             {"DE", "GB"});
  tally("glued numbers", found, rejected);
}

// ---- 4. Fax labels after the number and in short forms ----

TEST(PhonePrecision, FaxLabelsAfterTheNumberAndShortForms) {
  std::vector<Case> cases = {
      {"DE", "<p>+49 89 123 8446 Telefon<br>+49 89 123 8447 Fax</p>", {"+49891238446"}, {"+49891238447"}},
      {"DE", "<p>089 123 8446 (Tel.)<br>089 123 8447 (Fax)</p>", {"+49891238446"}, {"+49891238447"}},
      {"HK", "<p>T: +852 2123 4567<br>F: +852 2123 4568</p>", {"+85221234567"}, {"+85221234568"}},
      {"FR", "<p>T : +33 1 42 68 53 00 F : +33 1 42 68 53 01</p>", {"+33142685300"}, {"+33142685301"}},
      {"DE", "<p>T +49 89 1238446 F +49 89 1238447</p>", {"+49891238446"}, {"+49891238447"}},
      {"DE", "<p>Fax: 030 1234568 Tel: 030 1234567</p>", {"+49301234567"}, {"+49301234568"}},
      {"FR", "<p>Tél : 01 42 68 53 00 - Fax : 01 42 68 53 01</p>", {"+33142685300"}, {"+33142685301"}},
      {"CZ", "<p>tel.: +420 222 333 444, fax: +420 222 333 445</p>", {"+420222333444"}, {"+420222333445"}},
      {"GB", "<p>Tel 020 7946 0018 | Fax 020 7946 0019</p>", {"+442079460018"}, {"+442079460019"}},
      // One line for both.
      {"DE", "<p>Telefon und Fax: 030 1234567</p>", {"+49301234567"}, {"+49301234567"}},
      {"DE", "<p>Tel./Fax: 030 1234567</p>", {"+49301234567"}, {"+49301234567"}},
      {"FR", "<p>Tél/Fax : 01 42 68 53 00</p>", {"+33142685300"}, {"+33142685300"}},
      {"GB", "<p>Fax/Tel: 020 7946 0018</p>", {"+442079460018"}, {"+442079460018"}},
  };
  auto found = check(cases);
  tally("fax labels", found);
}

// ---- 5. Number-shaped text that is no phone ----

const std::vector<std::string> kNotPhones = {
    // IP addresses
    "Server: 192.0.2.44", "IP-Adresse 203.0.113.195 wird anonymisiert", "adresse IP : 198.51.100.23",
    // years and ranges
    "© 2011-2026 Boutique Exemple SAS. Tous droits réservés.", "Copyright 2008 - 2025 Beispiel GmbH",
    "Jahresabschlüsse 2019–2024", "© 2014 – 2026 Obchod s.r.o.",
    // times
    "Lines open Monday to Friday 0830 to 1815", "Mo–Fr 08:30–18:15 Uhr", "du lundi au vendredi de 8h30 à 18h15",
    "Po–Pá 8.00–16.30 hod.", "Öffnungszeiten: 0900 - 1800 Uhr",
    // dates
    "Stand: 12.03.2024", "Mise à jour le 12/03/2024", "Last updated 2024-03-12", "Datum: 01. 02. 2025",
    // articles of codes
    "conformément à l'art. 1641 du Code civil", "articles L.217-4 à L.217-14 du Code de la consommation",
    "droit de rétractation (article L.221-18)", "gemäß § 312g BGB", "Art. 246a § 1 Abs. 2 Nr. 1 EGBGB",
    "podle § 1829 odst. 1 zákona č. 89/2012 Sb.", "Section 75 of the Consumer Credit Act 1974",
    // ZIP+4 and postcodes
    "101 Market Street, San Francisco, CA 94105-1804", "1600 Amphitheatre Pkwy, Mountain View, CA 94043-1351",
    "75008 Paris", "10115 Berlin", "110 00 Praha 1", "00-950 Warszawa", "28013 Madrid",
    // company numbers and register ids
    "SIREN 512 345 678", "RCS Paris 512 345 678", "SIRET : 512 345 678 00014", "HRB 12345",
    "Amtsgericht München HRB 212345", "KRS 0000123456", "IČO: 12345678", "IČ: 274 51 234", "REGON 012345678",
    "NIP: 525-000-12-34", "USt-IdNr.: DE 123 456 789", "TVA intracommunautaire : FR 12 512345678",
    "Company number 01234567", "Registered in England and Wales no. 01234567", "Firmenbuchnummer FN 123456 a",
    "Partita IVA 01234567890", "C.F. e P.IVA 01234567890", "KvK-nummer 12345678", "CIF B12345678",
    "Numéro RNA W751234567", "Steuernummer 143/123/45678",
    // EAN / GTIN, order numbers
    "EAN 4006381333931", "GTIN: 04006381333931", "EAN-13 : 3 017620 422003",
    "Commande n° 100234567", "Bestellnummer 4000123456", "Order #1002345678", "Číslo objednávky: 2024001234",
    "Sendungsnummer 00340434161234567890", "Numéro de suivi : 6A12345678901",
    "Art.-Nr. 0301234567", "Réf. 0142685300",
    "N'envoyez aucun colis sans numéro de retour (ex. RMA-2026-004417).", "Rücksendenummer RMA-0301234567",
    "Artikel SKU-0142685300 ist nicht lieferbar", "Reklamace č. RK/2026-0412345",
    // prices and amounts
    "1 299,00 €", "€ 1.299,00", "12 990 Kč", "CZK 12 990", "Prix : 1 299,00 EUR TTC", "£1,299.00",
    // IBAN / BIC
    "IBAN: DE89 3704 0044 0532 0130 00", "IBAN : FR76 3000 6000 0112 3456 7890 189",
    "IBAN: CZ65 0800 0000 1920 0014 5399", "BIC: COBADEFFXXX", "Sort code 20-00-00, account 12345678",
    // share capital
    "SAS au capital de 1 000 000 €", "au capital social de 150 000 euros", "Stammkapital: 25.000 EUR",
    "základní kapitál 200 000 Kč", "Share capital £1,000,000",
};

TEST(PhonePrecision, NumberShapedTextIsNoPhone) {
  auto rejected = check_none(kNotPhones, {"FR", "DE", "CZ", "GB", "PL", "US"});
  tally("number-shaped text", {0, 0}, rejected);
}

// The counter-case of every rejection above: real numbers in the same kinds of lines and
// blocks, which must all be found.
TEST(PhonePrecision, RealNumbersOnContactPagesFootersAndLegalNotices) {
  std::vector<Case> cases = {
      // FR
      {"FR", "<p>Tél. : 01 42 68 53 00</p>", {"+33142685300"}},
      {"FR", "<p>Service client : 09 70 80 90 10 (appel non surtaxé)</p>", {"+33970809010"}},
      {"FR", "<p>☎ 04 72 10 30 30</p>", {"+33472103030"}},
      {"FR", "<p>Téléphone&nbsp;: +33 (0)1 42 68 53 00</p>", {"+33142685300"}},
      {"FR", "<dl><dt>Téléphone</dt><dd>01 42 68 53 00</dd></dl>", {"+33142685300"}},
      {"FR", "<footer><p>Une question ? 01 42 68 53 00</p></footer>", {"+33142685300"}},
      {"FR", "<p>SIREN 512 345 678 – Tél. 01 42 68 53 00</p>", {"+33142685300"}},
      {"FR",
       "<p>Boutique Exemple SAS au capital de 10 000 €, RCS Paris 512 345 678<br>12 rue de la Paix, 75002 Paris<br>"
       "Tél : 01 42 68 53 00</p>",
       {"+33142685300"}},
      {"FR", "<p>Du lundi au vendredi de 9h à 18h au 01 42 68 53 00</p>", {"+33142685300"}},
      // DE
      {"DE", "<p>Telefon: +49 (0) 30 1234567</p>", {"+49301234567"}},
      {"DE", "<p>Tel. 089 / 123 84 47</p>", {"+49891238447"}},
      {"DE", "<p>Hotline: 0800 123 4567 (kostenlos, Mo–Fr 8–18 Uhr)</p>", {"+498001234567"}},
      {"DE", "<p>📞 0221 1234567</p>", {"+492211234567"}},
      {"DE", "<p>Mobil: 0171 1234567</p>", {"+491711234567"}},
      {"DE", "<p>Fon&nbsp;+49&nbsp;30&nbsp;1234567</p>", {"+49301234567"}},
      {"DE",
       "<p>Beispiel GmbH<br>Lindenstraße 12<br>10115 Berlin<br>Telefon: 030 1234567<br>Registergericht: Amtsgericht "
       "Charlottenburg<br>Registernummer: HRB 123456 B</p>",
       {"+49301234567"}},
      {"DE", "<p><a href=\"tel:+49301234567\">030 1234567</a></p>", {"+49301234567"}},
      // A label in capitals glued to the number is still a label (counter-case of "RMA-…").
      {"DE", "<p>TEL-030 1234567 · FAX/030 1234568</p>", {"+49301234567"}, {"+49301234568"}},
      {"FR", "<p>Retours : numéro RMA sur demande au 01 42 68 53 00</p>", {"+33142685300"}},
      // CS
      {"CZ", "<p>Tel.: +420 222 333 444</p>", {"+420222333444"}},
      {"CZ", "<p>Zákaznická linka: 800 123 456 (zdarma)</p>", {"+420800123456"}},
      {"CZ", "<p>mobil: 602 123 456</p>", {"+420602123456"}},
      {"CZ", "<p>Obchod s.r.o., IČO: 12345678, DIČ: CZ12345678, tel.: 602 123 456</p>", {"+420602123456"}},
      // EN
      {"GB", "<p>Call us on 020 7946 0018</p>", {"+442079460018"}},
      {"GB", "<p>Phone: +44 (0)20 7946 0018</p>", {"+442079460018"}},
      {"GB", "<p>Tel: 0161 496 0000 (lines open 0830 to 1815)</p>", {"+441614960000"}},
      {"US", "<p>Customer care: (212) 555-0147</p>", {"+12125550147"}},
      // others
      {"PL", "<p>tel. +48 22 123 45 67</p>", {"+48221234567"}},
      {"PL", "<p>Infolinia: 801 123 456</p>", {"+48801123456"}},
      {"IT", "<p>Tel. 02 1234 5678</p>", {"+390212345678"}},
      {"ES", "<p>Teléfono: 912 345 678</p>", {"+34912345678"}},
      {"NL", "<p>Tel: 020 123 4567</p>", {"+31201234567"}},
      {"AT", "<p>Tel.: +43 1 234 5678</p>", {"+4312345678"}},
  };
  tally("real numbers", check(cases));
}


// German service numbers are written with their tariff digit on the prefix ("01806 55 42 10"),
// where libphonenumber groups "0180 6554210": a phone under any label, or none. A geographic
// number grouped that way is still no phone on its own.
TEST(PhonePrecision, ServiceNumbersWrittenWithTheirTariffDigitOnThePrefix) {
  auto found = check({
      {"DE", "<p><strong>Service-Hotline zu Bestellung, Lieferung und Reklamation</strong><br>01806 55 42 10<br>"
             "<small>(0,20 € pro Anruf aus dem dt. Festnetz)</small></p>",
       {"+491806554210"}},
      {"DE", "<p><strong>Bestellhotline</strong><br>01805 12 34 56</p>", {"+491805123456"}},
  });
  auto rejected = check_none({"Artikel 067219 84 07 0, Charge 2022"}, {"DE"});
  tally("service numbers with the tariff digit on the prefix", found, rejected);
}

}  // namespace
}  // namespace omnicheck::extract

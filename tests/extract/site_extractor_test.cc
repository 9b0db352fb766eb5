// Site extraction on snippets shaped like real shops in several languages, with the traps that
// cause false findings (years, order numbers, hosts' addresses, retina image names).
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

FactStore extract_page(const std::string& html, const std::string& url = "https://shop.example.de/impressum",
                       const std::string& country = "") {
  return testing::facts_of_page(html, url, country);
}

std::vector<std::string> values(const FactStore& s, const std::string& type) {
  std::vector<std::string> out;
  for (const auto* f : s.of_type(type)) out.push_back(f->attrs.value("value", std::string()));
  return out;
}

const Fact* find(const FactStore& s, const std::string& type, const std::string& needle) {
  for (const auto* f : s.of_type(type)) {
    if (f->attrs.value("value", std::string()).find(needle) != std::string::npos) return f;
  }
  return nullptr;
}

TEST(LegalNames, FindsNamesWithFormsAcrossLanguages) {
  auto s = extract_page(
      "<h1>Impressum</h1><p>Angaben gemäß § 5 DDG<br>Beispiel Handels GmbH &amp; Co. KG<br>Musterstraße 12<br>10115 Berlin</p>"
      "<footer>© 2019–2025 Ferme du Vallon SARL. Tous droits réservés.</footer>"
      "<p>Provozovatel: Pekařství U Mostu s.r.o., IČO 12345678</p>"
      "<p>Acme Trading Ltd, registered in England and Wales.</p>"
      "<p>Titolare: Bottega Verde S.r.l. – P.IVA 01234567890</p>");
  auto v = values(s, "legal_name");
  auto has = [&](const std::string& n) { return std::find(v.begin(), v.end(), n) != v.end(); };
  EXPECT_TRUE(has("Beispiel Handels GmbH & Co. KG"));
  EXPECT_TRUE(has("Ferme du Vallon SARL"));
  EXPECT_TRUE(has("Pekařství U Mostu s.r.o."));
  EXPECT_TRUE(has("Acme Trading Ltd"));
  EXPECT_TRUE(has("Bottega Verde S.r.l."));
  for (const auto& n : v) EXPECT_EQ(n.find("DDG"), std::string::npos) << "the statute is no part of the name: " << n;
}

TEST(LegalNames, StatuteOnTheSameLineIsNotPartOfTheName) {
  auto s = extract_page("<p>Angaben gemäß § 5 DDG Nordlicht Versand GmbH, Hafenstraße 3, 24103 Kiel</p>");
  EXPECT_EQ(values(s, "legal_name"), std::vector<std::string>{"Nordlicht Versand GmbH"});
}

TEST(LegalNames, ArticlesAreStrippedOnlyAsWholeWords) {
  auto s = extract_page("<p>Die Laden Handels GmbH</p><p>Lebensart Versand GmbH</p><p>L'Atelier du Thé SARL</p>");
  auto v = values(s, "legal_name");
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v, (std::vector<std::string>{"Atelier du Thé SARL", "Laden Handels GmbH", "Lebensart Versand GmbH"}));
}

TEST(LegalNames, LowerCaseFormsInProseAreNotNames) {
  auto s = extract_page("<p>Versand ab 50 € frei. Die ag ist eine Abkürzung. Prix TTC, sa livraison est offerte.</p>");
  EXPECT_TRUE(values(s, "legal_name").empty());
}

TEST(LegalNames, HostNamedInTheLegalNoticeIsThirdParty) {
  auto s = extract_page(
      "<h2>Éditeur</h2><p>Atelier Bleu SAS, 3 rue Neuve, 44000 Nantes</p>"
      "<h2>Hébergement</h2><p>Le site est hébergé par :<br>Serveurs Atlantique SA<br>10 avenue du Port<br>17000 La Rochelle</p>",
      "https://atelier-bleu.fr/mentions-legales");
  const Fact* trader = find(s, "legal_name", "Atelier Bleu SAS");
  const Fact* host = find(s, "legal_name", "Serveurs Atlantique SA");
  ASSERT_TRUE(trader && host);
  EXPECT_FALSE(trader->attrs["third_party"].get<bool>());
  EXPECT_TRUE(host->attrs["third_party"].get<bool>());
  const Fact* host_addr = find(s, "address", "La Rochelle");
  ASSERT_TRUE(host_addr);
  EXPECT_TRUE(host_addr->attrs["third_party"].get<bool>());
  const Fact* trader_addr = find(s, "address", "Nantes");
  ASSERT_TRUE(trader_addr);
  EXPECT_FALSE(trader_addr->attrs["third_party"].get<bool>());
}

// French and Dutch traders often write the form first ("la société SAS LES JARDINS D'AMBRE, au
// capital de …"); a form that ends a sentence or precedes prose names nobody.
TEST(LegalNames, FormWrittenBeforeTheName) {
  auto s = extract_page(
      "<p>Le site est édité par la société SAS LES JARDINS D'AMBRE, au capital de 5 000 euros, dont le siège "
      "social est situé 12 cours de l'Intendance, 33000 Bordeaux.</p>"
      "<p>Stichting Groene Thee<br>Keizersgracht 12<br>1015 CJ Amsterdam</p>",
      "https://jardinsambre.fr/policies/legal-notice");
  auto v = values(s, "legal_name");
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v, (std::vector<std::string>{"SAS LES JARDINS D'AMBRE", "Stichting Groene Thee"}));
  const Fact* f = find(s, "legal_name", "JARDINS");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->attrs["form"], "SAS");
  EXPECT_EQ(f->attrs["name"], "LES JARDINS D'AMBRE");
  EXPECT_NE(f->evidence.snippet.find("[[SAS LES JARDINS D'AMBRE]]"), std::string::npos) << f->evidence.snippet;

  auto prose = extract_page(
      "<p>La boutique est exploitée sous forme de SAS. Le siège social est à Lyon.</p>"
      "<p>Une SARL au capital de 1 000 euros.</p>",
      "https://exemple.fr/mentions-legales");
  EXPECT_TRUE(values(prose, "legal_name").empty()) << values(prose, "legal_name").front();
  // The one-line form of a host's address, as legal notices write it, is an address too.
  auto host = extract_page("<p>Hébergeur : Shopify Inc., 151 O'Connor Street, Ground floor, Ottawa, ON K2P 2L8, Canada</p>",
                           "https://jardinsambre.fr/policies/legal-notice");
  const Fact* host_addr = find(host, "address", "K2P 2L8");
  ASSERT_TRUE(host_addr);
  EXPECT_TRUE(host_addr->attrs["complete"].get<bool>());
  EXPECT_TRUE(host_addr->attrs["third_party"].get<bool>());
  // German forms never lead: "GmbH Geschäftsführer …" is a heading run-on, not a name.
  auto de = extract_page("<p>GmbH Geschäftsführer Max Test</p>", "https://a.de/impressum");
  EXPECT_TRUE(values(de, "legal_name").empty());
}

TEST(Addresses, StreetAddressesInManyCountryFormats) {
  struct Case { std::string html, url, street, postcode, country; };
  std::vector<Case> cases = {
      {"<p>Musterstraße 12<br>10115 Berlin</p>", "https://a.de/", "Musterstraße 12", "10115", "DE"},
      {"<p>Am Markt 5, 01067 Dresden</p>", "https://a.de/", "Am Markt 5", "01067", "DE"},
      {"<address>Keizersgracht 123<br>1015 CJ Amsterdam</address>", "https://a.nl/", "Keizersgracht 123", "1015 CJ", "NL"},
      {"<p>ul. Marszałkowska 10/12, 00-590 Warszawa</p>", "https://a.pl/", "ul. Marszałkowska 10/12", "00-590", "PL"},
      {"<p>Via Roma 10, 20121 Milano (MI)</p>", "https://a.it/", "Via Roma 10", "20121", "IT"},
      {"<p>Calle Mayor, 5, 28013 Madrid</p>", "https://a.es/", "Calle Mayor, 5", "28013", "ES"},
      {"<p>Na Příkopě 15/1047<br>110 00 Praha 1</p>", "https://a.cz/", "Na Příkopě 15/1047", "110 00", "CZ"},
      {"<p>Registered office: 10 Harbour Road, Bristol BS1 5TY</p>", "https://a.co.uk/", "10 Harbour Road", "BS1 5TY", "GB"},
      {"<p>Mariahilfer Straße 77, 1060 Wien, Österreich</p>", "https://a.at/", "Mariahilfer Straße 77", "1060", "AT"},
      // Hosts and platforms named in European legal notices: Canada and the United States.
      {"<p>Hébergeur :<br>Shopify Inc.<br>151 O'Connor Street, Ground floor<br>Ottawa, ON K2P 2L8<br>Canada</p>",
       "https://a.fr/", "151 O'Connor Street, Ground floor", "K2P 2L8", "CA"},
      {"<p>Hosted by Squarespace, Inc.<br>225 Varick Street<br>New York, NY 10014, USA</p>", "https://a.co.uk/",
       "225 Varick Street", "NY 10014", "US"},
  };
  for (const auto& c : cases) {
    auto s = extract_page(c.html, c.url);
    const Fact* a = nullptr;
    for (const auto* f : s.of_type("address")) {
      if (f->attrs.value("complete", false)) a = f;
    }
    ASSERT_TRUE(a) << "no street address in " << c.html;
    EXPECT_EQ(a->attrs["street"], c.street) << c.html;
    EXPECT_EQ(a->attrs["postcode"], c.postcode) << c.html;
    EXPECT_EQ(a->attrs["country"], c.country) << c.html;
    EXPECT_FALSE(a->attrs["po_box"].get<bool>());
  }
}

TEST(Addresses, PoBoxesAreToldApart) {
  for (const std::string html : {"<p>Postfach 12 34 56<br>80001 München</p>", "<p>BP 4021, 31000 Toulouse</p>",
                                 "<p>PO Box 77, Leeds LS1 4AP</p>", "<p>Postbus 1234<br>1000 AB Amsterdam</p>"}) {
    auto s = extract_page(html, "https://shop.example.eu/");
    auto addrs = s.of_type("address");
    ASSERT_EQ(addrs.size(), 1u) << html;
    EXPECT_TRUE(addrs[0]->attrs["po_box"].get<bool>()) << html;
    EXPECT_FALSE(addrs[0]->attrs["complete"].get<bool>()) << html;
  }
}

TEST(Addresses, NumbersThatAreNotAddressesStayOut) {
  auto s = extract_page(
      "<p>© 2024 Maison Lumière</p><p>Bestellnr. 12345 Versand heute</p><p>Preis: 12 500 Euro</p>"
      "<p>HRB 12345 Amtsgericht Köln</p>",
      "https://shop.example.de/");
  for (const auto* f : s.of_type("address")) ADD_FAILURE() << "not an address: " << f->attrs.dump();
}

TEST(Emails, PlainMailtoAndObfuscatedForms) {
  auto s = extract_page(
      "<p>Schreiben Sie an info(at)beispiel-shop.de oder kundenservice [at] beispiel-shop [punkt] de.</p>"
      "<p>Contact : contact {arobase} boutique-exemple.fr</p><p><a href=\"mailto:hello@shop.example?subject=Hi\">Mail us</a></p>"
      "<img srcset=\"logo@2x.png 2x\" alt=\"\"><p>support@shop.example.</p>",
      "https://beispiel-shop.de/kontakt");
  auto v = values(s, "email");
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v, (std::vector<std::string>{"contact@boutique-exemple.fr", "hello@shop.example", "info@beispiel-shop.de",
                                         "kundenservice@beispiel-shop.de", "support@shop.example"}));
}

TEST(Emails, NoReplyAddressesAreFlagged) {
  auto s = extract_page("<p>noreply@shop.example, ne.pas.repondre@shop.fr, nicht-antworten@shop.de, info@shop.de</p>",
                        "https://shop.de/");
  for (const auto* f : s.of_type("email")) {
    bool expect = f->attrs["address"] != "info@shop.de";
    EXPECT_EQ(f->attrs["noreply"].get<bool>(), expect) << f->attrs["address"];
  }
}

TEST(Phones, TypedByLibphonenumberAndFaxAndIdentifiersKeptApart) {
  auto s = extract_page(
      "<p>Telefon: +49 (0) 30 1234567<br>Fax: +49 30 1234568<br>Hotline: 0180 6 123456 (20 ct/Anruf)</p>"
      "<p>USt-IdNr.: DE123456789<br>HRB 123456 B</p>",
      "https://shop.example.de/impressum", "DE");
  const Fact* tel = find(s, "phone", "30 1234567");
  ASSERT_TRUE(tel);
  EXPECT_EQ(tel->attrs["type"], "FIXED_LINE");
  EXPECT_FALSE(tel->attrs["fax"].get<bool>());
  const Fact* fax = find(s, "phone", "1234568");
  ASSERT_TRUE(fax);
  EXPECT_TRUE(fax->attrs["fax"].get<bool>());
  const Fact* hotline = find(s, "phone", "0180");
  ASSERT_TRUE(hotline);
  EXPECT_EQ(hotline->attrs["type"], "SHARED_COST");
  EXPECT_TRUE(hotline->attrs["charged"].get<bool>());
  for (const auto* f : s.of_type("phone")) {
    EXPECT_EQ(f->attrs["raw"].get<std::string>().find("123456789"), std::string::npos) << "VAT id read as phone";
  }
}

TEST(Links, RolesFromTextAndUrlInEveryLanguage) {
  auto s = extract_page(
      "<footer><a href=\"/impressum\">Impressum</a><a href=\"/mentions-legales\">Mentions légales</a>"
      "<a href=\"/kontakt\">Kontaktujte nás</a><a href=\"/p/123\">Obchodní podmínky</a>"
      "<a href=\"/legal/company-info\">Imprint</a><a href=\"/x\">Nota prawna</a><a href=\"/contact-us\">✉</a>"
      "<a href=\"/aviso-legal\">Aviso legal</a><a href=\"/catalogue\">Catalogue</a></footer>",
      "https://shop.example.eu/");
  std::map<std::string, std::string> roles;
  for (const auto* f : s.of_type("link")) roles[f->attrs["value"]] = f->attrs["role"];
  EXPECT_EQ(roles["Impressum"], "legal_notice");
  EXPECT_EQ(roles["Mentions légales"], "legal_notice");
  EXPECT_EQ(roles["Kontaktujte nás"], "contact");
  EXPECT_EQ(roles["Obchodní podmínky"], "terms");
  EXPECT_EQ(roles["Imprint"], "legal_notice");
  EXPECT_EQ(roles["Nota prawna"], "legal_notice");
  EXPECT_EQ(roles["✉"], "contact");  // from the URL slug
  EXPECT_EQ(roles["Aviso legal"], "legal_notice");
  EXPECT_EQ(roles.count("Catalogue"), 0u);
  for (const auto* f : s.of_type("link")) EXPECT_EQ(f->attrs["region"], "footer");
}

}  // namespace
}  // namespace omnicheck::extract

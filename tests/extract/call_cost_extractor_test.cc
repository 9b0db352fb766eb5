// Call cost and contact purpose next to charged numbers, on snippets shaped like real shops'
// contact blocks in eight languages, each failing case with its counter-case.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;
using testing::find_fact;

const Fact& charged(const FactStore& s, const std::string& needle) {
  const Fact* f = find_fact(s, "charged_number", needle);
  if (!f) {
    std::string all;
    for (const auto* g : s.of_type("phone")) all += g->attrs.dump() + "\n";
    for (const auto* g : s.of_type("charged_number")) all += g->attrs.dump() + "\n";
    throw std::runtime_error("no charged number " + needle + " among\n" + all);
  }
  return *f;
}

bool priced(const Fact& f) { return f.attrs["price_stated"].get<bool>(); }

TEST(CallCost, FrenchSurchargedNumberWithItsServicePrice) {
  auto s = facts_of_page(
      "<div class=\"contact\"><p><strong>Conseil d&eacute;co avant achat&nbsp;:</strong><br>"
      "<span class=\"phone-premium\">0 892 35 12 34</span> <span class=\"cost-label small\">Service 0,35 &euro;/min + prix "
      "d'un appel</span></p></div>",
      "https://maison.example.fr/contact", "FR");
  const Fact& n = charged(s, "0 892");
  EXPECT_EQ(n.attrs["tariff"], "PREMIUM_RATE");
  EXPECT_TRUE(priced(n)) << n.attrs.dump();
  EXPECT_NE(n.attrs["price"].get<std::string>().find("0,35"), std::string::npos);
  EXPECT_TRUE(n.attrs["pre_sale"].get<bool>());
  EXPECT_FALSE(n.attrs["after_sale"].get<bool>());
  const Fact* st = find_fact(s, "call_cost_statement", "0,35");
  ASSERT_TRUE(st);
  EXPECT_DOUBLE_EQ(st->attrs["amount"].get<double>(), 0.35);
  EXPECT_EQ(st->attrs["currency"], "EUR");
  EXPECT_EQ(st->attrs["unit"], "minute");
  EXPECT_EQ(st->attrs["number"], "+33892351234");
  // The evidence quotes the number where it is shown.
  EXPECT_NE(n.evidence.snippet.find("[[0 892 35 12 34]]"), std::string::npos) << n.evidence.snippet;
}

TEST(CallCost, FrenchAfterSalesLineWithOnlyALocalRateClaim) {
  auto s = facts_of_page("<p>SAV et r&eacute;clamations : <b>0 825 12 34 56</b> (prix d'un appel local)</p>",
                         "https://boutique.example.fr/sav", "FR");
  const Fact& n = charged(s, "0 825");
  EXPECT_TRUE(n.attrs["charged"].get<bool>());
  EXPECT_FALSE(priced(n));
  EXPECT_EQ(n.attrs["cost_kind"], "standard_rate");
  EXPECT_TRUE(n.attrs["after_sale"].get<bool>());
  EXPECT_NE(n.attrs["context"].get<std::string>().find("réclamations"), std::string::npos);
}

TEST(CallCost, GermanServiceNumberWithLandlineAndMobilePrices) {
  auto s = facts_of_page(
      "<div class=\"hotline\"><h3>Kundenservice</h3><p>Tel.: 01805 / 12 34 56<br>"
      "<small>(14 ct/Min. aus dem dt. Festnetz, Mobilfunk max. 42 ct/Min.)</small></p></div>",
      "https://shop.example.de/kontakt", "DE");
  const Fact& n = charged(s, "01805");
  EXPECT_EQ(n.attrs["tariff"], "SHARED_COST");
  EXPECT_TRUE(priced(n)) << n.attrs.dump();
  EXPECT_TRUE(n.attrs["after_sale"].get<bool>());
  const Fact* st = find_fact(s, "call_cost_statement", "14 ct");
  ASSERT_TRUE(st);
  EXPECT_DOUBLE_EQ(st->attrs["amount"].get<double>(), 0.14);
  EXPECT_TRUE(st->attrs["networks"].get<bool>());
}

TEST(CallCost, GermanServiceNumberWithoutPrice) {
  auto s = facts_of_page("<div class=\"hotline\"><h3>Kundenservice</h3><p>Tel.: 01805 / 12 34 56</p><p>Mo–Fr 8–18 Uhr</p></div>",
                         "https://shop.example.de/kontakt", "DE");
  const Fact& n = charged(s, "01805");
  EXPECT_FALSE(priced(n));
  EXPECT_EQ(n.attrs["cost_kind"], "");
}

TEST(CallCost, APriceBelongsToTheNumberItFollowsNotToItsNeighbour) {
  auto s = facts_of_page(
      "<p>Bestellhotline: 0900 1 234567 (1,99 €/Min. aus dem dt. Festnetz) – Service-Hotline: 0180 6 123456</p>",
      "https://shop.example.de/kontakt", "DE");
  EXPECT_TRUE(priced(charged(s, "0900")));
  const Fact& service = charged(s, "0180");
  EXPECT_FALSE(priced(service)) << "the 0900's price does not cover the 0180: " << service.attrs.dump() << charged(s, "0900").attrs.dump();
  EXPECT_TRUE(charged(s, "0900").attrs["pre_sale"].get<bool>());
  EXPECT_FALSE(charged(s, "0900").attrs["after_sale"].get<bool>());
  EXPECT_TRUE(service.attrs["after_sale"].get<bool>());
}

TEST(CallCost, NumbersOfOneTariffMayShareThePriceWrittenAfterThem) {
  auto s = facts_of_page("<p>Hotline: 0180 5 111111 oder 0180 5 222222 (je 14 ct/Min. aus dem dt. Festnetz)</p>",
                         "https://shop.example.de/kontakt", "DE");
  EXPECT_TRUE(priced(charged(s, "111111")));
  EXPECT_TRUE(priced(charged(s, "222222")));
}

TEST(CallCost, PriceInAFootnoteIsOnlyAHint) {
  auto s = facts_of_page(
      "<p>Service: 0180 6 123456*</p><p>Wir sind für Sie da.</p><footer><p>* 20 ct/Anruf aus dem dt. Festnetz, "
      "Mobilfunk max. 60 ct/Anruf</p></footer>",
      "https://shop.example.de/", "DE");
  const Fact& n = charged(s, "0180");
  EXPECT_FALSE(priced(n));
  EXPECT_EQ(n.attrs["cost_kind"], "footnote");
}

TEST(CallCost, APriceInANoteOnThePrefixIsGivenButNotNextToTheNumber) {
  auto s = facts_of_page(
      "<div><h4>Hotline</h4><ul><li>Bestellung: 0900 5 123456<li>Kundendienst: 040 1234567</ul>"
      "<p class=small>0900: 1,99 €/Min. aus dem dt. Festnetz</p></div>",
      "https://shop.example.de/kontakt", "DE");
  const Fact& n = charged(s, "0900");
  EXPECT_FALSE(priced(n));
  EXPECT_EQ(n.attrs["cost_kind"], "apart");
  EXPECT_TRUE(n.attrs["pre_sale"].get<bool>()) << "\"Bestellung:\" labels an order line";
}

TEST(CallCost, ALongerLabelWinsOverTheWordInsideIt) {
  auto s = facts_of_page("<p>Fragen zur Bestellung: 0180 6 123456 (20 ct/Anruf aus dem dt. Festnetz)</p>",
                         "https://shop.example.de/kontakt", "DE");
  const Fact& n = charged(s, "0180");
  EXPECT_TRUE(n.attrs["after_sale"].get<bool>());
  EXPECT_FALSE(n.attrs["pre_sale"].get<bool>());
}

TEST(CallCost, CzechPremiumNumberPricedInKoruna) {
  auto s = facts_of_page("<p>Zákaznická linka: <strong>906 123 456</strong> (12 Kč/min vč. DPH)</p>",
                         "https://obchod.example.cz/kontakt", "CZ");
  const Fact& n = charged(s, "906");
  EXPECT_TRUE(priced(n));
  EXPECT_TRUE(n.attrs["after_sale"].get<bool>());
  const Fact* st = find_fact(s, "call_cost_statement", "Kč");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->attrs["currency"], "CZK");
  EXPECT_DOUBLE_EQ(st->attrs["amount"].get<double>(), 12);
}

TEST(CallCost, BritishNumberPricedInPence) {
  auto s = facts_of_page(
      "<p>Sales line: 0871 123 4567 (calls cost 13p per minute plus your phone company's access charge)</p>",
      "https://shop.example.co.uk/contact", "GB");
  const Fact& n = charged(s, "0871");
  EXPECT_TRUE(priced(n));
  EXPECT_TRUE(n.attrs["pre_sale"].get<bool>());
  const Fact* st = find_fact(s, "call_cost_statement", "13p");
  ASSERT_TRUE(st);
  EXPECT_EQ(st->attrs["currency"], "GBP");
  EXPECT_DOUBLE_EQ(st->attrs["amount"].get<double>(), 0.13);
}

TEST(CallCost, SpanishAndItalianPricesWithVat) {
  auto es = facts_of_page("<p>Atención al cliente: 902 123 456 (0,12 €/min IVA incl.)</p>", "https://tienda.example.es/contacto", "ES");
  EXPECT_TRUE(priced(charged(es, "902")));
  EXPECT_TRUE(charged(es, "902").attrs["after_sale"].get<bool>());
  auto it = facts_of_page("<p>Servizio clienti: 199 123 456<br>Costo: 0,15 euro al minuto da rete fissa</p>",
                          "https://negozio.example.it/contatti", "IT");
  const Fact& n = charged(it, "199");
  EXPECT_EQ(n.attrs["tariff"], "SHARED_COST");
  EXPECT_TRUE(priced(n));
}

TEST(CallCost, DutchAndPolishWording) {
  auto nl = facts_of_page("<p>Klantenservice: 0900 1234567 (€ 0,80 per minuut)</p>", "https://winkel.example.nl/contact", "NL");
  EXPECT_TRUE(priced(charged(nl, "0900")));
  auto pl = facts_of_page("<p>Infolinia: 801 123 456 (koszt połączenia zgodnie z taryfą operatora)</p>",
                          "https://sklep.example.pl/kontakt", "PL");
  const Fact& n = charged(pl, "801");
  EXPECT_FALSE(priced(n));
  EXPECT_EQ(n.attrs["cost_kind"], "operator_tariff");
  auto pl2 = facts_of_page("<p>Biuro obsługi klienta: 801 123 456 (1,23 zł/min z VAT)</p>", "https://sklep.example.pl/kontakt", "PL");
  EXPECT_TRUE(priced(charged(pl2, "801")));
  EXPECT_TRUE(charged(pl2, "801").attrs["after_sale"].get<bool>());
  auto pl3 = facts_of_page("<p>Infolinia 801 100 100 (koszt połączenia: 0,35 zł + VAT za minutę)</p>", "https://sklep.example.pl/kontakt", "PL");
  EXPECT_TRUE(priced(charged(pl3, "801")));
}

TEST(CallCost, GeographicAndTollFreeNumbersAreNoChargedNumbers) {
  auto s = facts_of_page("<p>Service client : 01 99 00 12 34 (prix d'un appel local) – Numéro vert : 0 800 12 34 56 (appel gratuit)</p>",
                         "https://maison.example.fr/contact", "FR");
  EXPECT_TRUE(s.of_type("charged_number").empty());
  for (const auto* p : s.of_type("phone")) {
    EXPECT_FALSE(p->attrs["charged"].get<bool>()) << p->attrs.dump();
    EXPECT_TRUE(p->attrs.contains("tariff"));
  }
}

TEST(CallCost, AProductPriceIsNoCallPrice) {
  auto s = facts_of_page(
      "<p>Hotline 0180 6 123456</p><div class=\"product\"><span class=\"price\">189,00 €</span> statt 219,00 €</div>",
      "https://shop.example.de/", "DE");
  const Fact& n = charged(s, "0180");
  EXPECT_FALSE(priced(n));
  EXPECT_EQ(n.attrs["cost_kind"], "");
}

TEST(CallCost, ThePageTitleGivesThePurposeOfAnUnlabelledNumber) {
  auto s = facts_of_page(
      "<html><head><title>Kundenservice | Shop</title></head><body><p>0180 6 123456 (20 ct/Anruf)</p></body></html>",
      "https://shop.example.de/kundenservice", "DE");
  const Fact& n = charged(s, "0180");
  EXPECT_TRUE(n.attrs["after_sale"].get<bool>());
  EXPECT_EQ(n.attrs["purpose_source"], "page_title");
  auto plain = facts_of_page("<html><head><title>Shop</title></head><body><p>0180 6 123456 (20 ct/Anruf)</p></body></html>",
                             "https://shop.example.de/", "DE");
  EXPECT_FALSE(charged(plain, "0180").attrs["after_sale"].get<bool>());
  EXPECT_FALSE(charged(plain, "0180").attrs["pre_sale"].get<bool>());
}

}  // namespace
}  // namespace omnicheck::extract

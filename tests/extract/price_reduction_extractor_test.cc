// Announced price reductions and prior-price statements (PID art. 6a) on realistic product
// markup in French, German, Czech and English, with the look-alikes that are no reduction:
// recommended retail prices, unit prices, free-shipping thresholds, instalments, "from" prices
// and struck-through words.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

// The reductions of a page, in text order.
std::vector<const Fact*> reductions(const FactStore& s) { return s.of_type("price_reduction"); }

double num(const Fact* f, const char* key) { return f->attrs.at(key).get<double>(); }
bool flag(const Fact* f, const char* key) { return f->attrs.value(key, false); }

TEST(PriceReductions, FrenchStruckPriceWithTheLowestPriceOfThe30DaysIsCovered) {
  auto s = facts_of_page(
      // The badge of the second card stands right after the first card's price in the text.
      "<main><article class=\"product-miniature\"><h3>Lampe Opaline</h3><div class=\"product-price-and-shipping\">"
      "<span class=\"price\">129,00&nbsp;&euro;</span></div></article>"
      "<article class=\"product-miniature\"><span class=\"product-flag\">-14 %</span>"
      "<h3><a href=\"/p/atelier\">Suspension Atelier</a></h3>"
      "<div class=\"product-price-and-shipping\"><span class=\"regular-price text-decoration-line-through\">219,00&nbsp;&euro;</span> "
      "<span class=\"price\">189,00&nbsp;&euro;</span></div>"
      "<p class=\"tiny\">Prix le plus bas des 30&nbsp;derniers jours&nbsp;: 219,00&nbsp;&euro;</p></article>"
      "<article class=\"product-miniature\"><h3>Lampe Opaline</h3><span class=\"price\">129,00&nbsp;&euro;</span></article></main>",
      "https://www.maison-lumiere.fr/", "FR");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 219.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 189.0);
  EXPECT_EQ(r[0]->attrs["currency"], "EUR");
  EXPECT_EQ(r[0]->attrs["marker"], "class");
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 14.0);
  EXPECT_FALSE(flag(r[0], "rrp"));
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_EQ(r[0]->attrs["prior_price_source"], "near");
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 219.0);
  EXPECT_EQ(r[0]->attrs["percent_basis"], "prior");  // 13.7 % announced as 14 %
  auto st = s.of_type("prior_price_statement");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0]->attrs["scope"], "item");
  EXPECT_DOUBLE_EQ(num(st[0], "amount"), 219.0);
  EXPECT_FALSE(r[0]->evidence.snippet.empty());
}

TEST(PriceReductions, FrenchAuLieuDeWithoutPriorPriceIsNotCovered) {
  auto s = facts_of_page(
      "<main><div class=\"card\"><h2>Po&ecirc;le en fer 28&nbsp;cm</h2><p class=\"price\">39,90&nbsp;&euro; "
      "<small>au lieu de 49,90&nbsp;&euro;</small></p></div>"
      "<div class=\"card\"><h2>Casserole cuivre</h2><p class=\"price\">79,00&nbsp;&euro;</p></div></main>",
      "https://www.cuisine.example.fr/", "FR");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 39.90);
  EXPECT_EQ(r[0]->attrs["marker"], "wording");
  EXPECT_FALSE(flag(r[0], "prior_price_stated"));
  EXPECT_NE(r[0]->attrs["value"].get<std::string>().find("au lieu de 49,90 €"), std::string::npos);
}

TEST(PriceReductions, GermanStattInAGridOnlyTheCardWithItsOwnStatementIsCovered) {
  auto s = facts_of_page(
      "<div class=\"product-listing\">"
      "<div class=\"product-box\"><div class=\"pb-name\">Gusseisen-Br&auml;ter oval 29&nbsp;cm</div>"
      "<div class=\"pb-price\"><span class=\"price-old\"><del>79,90&nbsp;&euro;</del></span> <span class=\"price special\">64,90&nbsp;&euro;</span>"
      "<br><span class=\"vat\">inkl. MwSt. zzgl. Versand</span><br><span class=\"lowest\">Niedrigster Preis der letzten 30 Tage: 79,90&nbsp;&euro;</span></div></div>"
      "<div class=\"product-box\"><div class=\"pb-name\">Kehrgarnitur Rosshaar</div>"
      "<div class=\"pb-price\"><span class=\"price special\">39,95&nbsp;&euro;</span> <span>statt 49,95&nbsp;&euro;</span>"
      "<br><span class=\"vat\">inkl. MwSt. zzgl. Versand</span></div></div></div>",
      "https://www.mueller-versand.de/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 64.90);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_EQ(r[0]->attrs["markers"], nlohmann::json({"struck", "class"}));
  EXPECT_DOUBLE_EQ(num(r[1], "old_price"), 49.95);
  EXPECT_DOUBLE_EQ(num(r[1], "new_price"), 39.95);
  EXPECT_EQ(r[1]->attrs["marker"], "wording");
  EXPECT_FALSE(flag(r[1], "prior_price_stated"));
}

TEST(PriceReductions, GermanFootnoteExplainingStruckPricesCoversTheWholePage) {
  auto s = facts_of_page(
      "<main><ul class=\"grid\"><li><h3>Pfanne 28 cm</h3><s>49,90 &euro;</s> <b>39,90 &euro;</b>"
      "<li><h3>Topf 20 cm</h3><s>1.299,00 &euro;</s> <b>1.099,00 &euro;</b></ul></main>"
      "<footer><p>* Streichpreise = niedrigster Gesamtpreis der letzten 30 Tage vor der Preiserm&auml;&szlig;igung.</p></footer>",
      "https://www.pfannen.example.de/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_DOUBLE_EQ(num(r[1], "old_price"), 1299.0);
  EXPECT_DOUBLE_EQ(num(r[1], "new_price"), 1099.0);
  for (const auto* f : r) {
    EXPECT_TRUE(flag(f, "prior_price_stated"));
    EXPECT_EQ(f->attrs["prior_price_source"], "page_note");
  }
  auto st = s.of_type("prior_price_statement");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0]->attrs["scope"], "page");
}

TEST(PriceReductions, CzechPercentNextToAPriceWithAFootnote) {
  auto s = facts_of_page(
      "<div class=\"products\"><div class=\"product\"><a class=\"name\">Kolumbie Huila Supremo</a>"
      "<div class=\"prices\"><strong class=\"price-final\">207&nbsp;K&#269;</strong> <span class=\"price-measure\">/ 250 g</span> "
      "<span class=\"price-save\">&ndash;20&nbsp;%</span></div></div>"
      "<div class=\"product\"><span class=\"flag flag-action\">Akce</span><a class=\"name\">P&#345;edplatn&eacute;</a>"
      "<div class=\"prices\"><strong class=\"price-final\">849&nbsp;K&#269;</strong></div></div></div>"
      "<p class=\"small\">* Slevy v procentech po&#269;&iacute;t&aacute;me z nejni&#382;&scaron;&iacute; ceny za posledn&iacute;ch 30 dn&iacute; p&#345;ed slevou.</p>",
      "https://www.kavarnadoma.cz/", "CZ");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);  // "Akce" (a promotion flag) announces no reduction
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 207.0);
  EXPECT_EQ(r[0]->attrs["currency"], "CZK");
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 20.0);
  EXPECT_TRUE(r[0]->attrs["old_price"].is_null());
  EXPECT_EQ(r[0]->attrs["marker"], "percent");
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
}

TEST(PriceReductions, CzechMistoWithThousandsAndNearestCardStatement) {
  auto s = facts_of_page(
      "<div class=\"p\"><a>Ru&#269;n&iacute; ml&yacute;nek</a><div class=\"prices\"><strong>990 K&#269;</strong> "
      "<span>m&iacute;sto 1&nbsp;290 K&#269;</span></div><p>Nejni&#382;&scaron;&iacute; cena za posledn&iacute;ch 30 dn&iacute;: 1&nbsp;190 K&#269;</p></div>",
      "https://www.kavarnadoma.cz/", "CZ");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 1290.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 990.0);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 1190.0);
}

TEST(PriceReductions, EnglishWasPriceAndShopifyCompareAtPrice) {
  auto s = facts_of_page(
      "<main><div class=\"price price--on-sale\"><s class=\"price-item price-item--regular\">&pound;11.50</s> "
      "<span class=\"price-item price-item--sale\">&pound;8.99</span></div><span class=\"badge\">Sale</span>"
      "<p>Oak Shelf, <b>now &pound;30</b> (was &pound;40)</p></main>",
      "https://www.acmewidgets.co.uk/", "GB");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 11.50);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 8.99);
  EXPECT_EQ(r[0]->attrs["currency"], "GBP");
  EXPECT_EQ(r[0]->attrs["markers"], nlohmann::json({"struck", "class", "sale_wording"}));
  EXPECT_DOUBLE_EQ(num(r[1], "old_price"), 40.0);
  EXPECT_DOUBLE_EQ(num(r[1], "new_price"), 30.0);
  for (const auto* f : r) EXPECT_FALSE(flag(f, "prior_price_stated"));
}

TEST(PriceReductions, RecommendedRetailPricesAreRecordedAsSuch) {
  auto s = facts_of_page(
      "<main><p>Isolierkanne 29,90&nbsp;&euro; <span class=\"price-uvp\">UVP* 34,90&nbsp;&euro;</span></p>"
      "<p>Shelf bracket &pound;8.99 <span>RRP <s>&pound;11.50</s></span></p>"
      "<p>Lampe 89,00&nbsp;&euro; &ndash; prix conseill&eacute; 99,00&nbsp;&euro;</p>"
      "<p>Ml&yacute;nek 990 K&#269; (doporu&#269;en&aacute; cena 1 190 K&#269;)</p></main>",
      "https://shop.example.eu/");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 4u);
  for (const auto* f : r) {
    EXPECT_TRUE(flag(f, "rrp")) << f->attrs.dump();
    EXPECT_EQ(f->attrs["reference"], "rrp");
  }
}

TEST(PriceReductions, UnitPricesThresholdsInstalmentsAndFromPricesAreNoReduction) {
  auto s = facts_of_page(
      "<header><div class=\"bar\">Soldes d'hiver&nbsp;: livraison offerte d&egrave;s 49&nbsp;&euro; d'achat</div>"
      "<nav><a href=\"/sale\">Sale %</a> <a href=\"/angebote\">Angebote -30 %</a></nav></header>"
      "<main><p>Honig 500 g 6,45&nbsp;&euro; <span class=\"base-price\">(1&nbsp;kg = 12,90&nbsp;&euro;)</span></p>"
      "<p>Kaffee 8,99&nbsp;&euro; (1,80&nbsp;&euro; / 100 g)</p>"
      "<p>Canap&eacute; 899,00&nbsp;&euro; ou 3x 299,67&nbsp;&euro; sans frais</p>"
      "<p>Matratzen ab 199&nbsp;&euro; &ndash; jetzt 0 % Finanzierung</p>"
      "<p>Free UK delivery on orders over &pound;40.</p>"
      "<p>Doprava zdarma od 1&nbsp;000&nbsp;K&#269;</p>"
      "<p><s>Nur solange der Vorrat reicht</s> <s>Lieferzeit 3 Tage</s> 24,95&nbsp;&euro;</p></main>",
      "https://shop.example.eu/");
  EXPECT_TRUE(reductions(s).empty()) << (reductions(s).empty() ? "" : reductions(s)[0]->attrs.dump());
}

TEST(PriceReductions, StruckUnitPriceIsNotTakenAsTheCurrentPrice) {
  auto s = facts_of_page(
      "<main><p>Olivenöl 0,5 l <del>5,99&nbsp;&euro;</del> 4,99&nbsp;&euro; <small>(1 l = 9,98&nbsp;&euro;)</small> "
      "Sie sparen 1,00&nbsp;&euro;</p></main>",
      "https://shop.example.de/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 4.99);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 5.99);
}

TEST(PriceReductions, PercentFromAnotherReferenceThanThePriorPrice) {
  // Aldi Süd: -50 % computed from 3,99 € while the lowest price of the 30 days was 2,49 €.
  auto s = facts_of_page(
      "<main><div class=\"tile\"><span class=\"badge\">-50 %</span> <b>1,99&nbsp;&euro;</b> statt 3,99&nbsp;&euro;"
      "<br><small>Niedrigster Preis der letzten 30 Tage: 2,49&nbsp;&euro;</small></div></main>",
      "https://shop.example.de/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 50.0);
  EXPECT_EQ(r[0]->attrs["percent_basis"], "other");
  EXPECT_NEAR(num(r[0], "percent_from_prior"), 20.1, 0.01);
}

TEST(PriceReductions, ShopSystemsMarkup) {
  // WooCommerce hides the struck <del> from screen readers and says it in words instead;
  // Shopify's Dawn labels prices for screen readers ("Regular price", "Sale price").
  auto woo = facts_of_page(
      "<main><p class=\"price\"><del aria-hidden=\"true\"><span class=\"woocommerce-Price-amount amount\"><bdi>49,90&nbsp;"
      "<span class=\"woocommerce-Price-currencySymbol\">&euro;</span></bdi></span></del> "
      "<span class=\"screen-reader-text\">Original price was: 49,90&nbsp;&euro;.</span><ins aria-hidden=\"true\">"
      "<span class=\"woocommerce-Price-amount amount\"><bdi>39,90&nbsp;<span>&euro;</span></bdi></span></ins>"
      "<span class=\"screen-reader-text\">Current price is: 39,90&nbsp;&euro;.</span></p></main>",
      "https://shop.example.de/produkt/pfanne/", "DE");
  auto r = reductions(woo);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 39.90);

  auto dawn = facts_of_page(
      "<main><div class=\"price price--on-sale\"><div class=\"price__sale\">"
      "<span class=\"visually-hidden\">Regular price</span> <span><s class=\"price-item price-item--regular\">&euro;49,90</s></span> "
      "<span class=\"visually-hidden\">Sale price</span> <span class=\"price-item price-item--sale price-item--last\">&euro;39,90</span></div>"
      "<small class=\"unit-price caption\"><span class=\"visually-hidden\">Unit price</span> <span>&euro;19,95</span> / <span>per&nbsp;kg</span></small></div></main>",
      "https://shop.example.ie/products/pan", "IE");
  r = reductions(dawn);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 39.90);
  EXPECT_FALSE(flag(r[0], "prior_price_stated"));
}

TEST(PriceReductions, SaleWordsCountAsBadgesOrRightBeforeThePriceOnly) {
  auto s = facts_of_page(
      "<main><div class=\"card\"><span class=\"badge\">Soldes</span><h3>Lampe Nomade</h3><span class=\"price\">59,00&nbsp;&euro;</span></div>"
      "<div class=\"card\"><h3>Garage Sale Table</h3> <span class=\"price\">&pound;40.00</span></div>"
      "<p>Terms of sale: orders from &pound;10.00 are delivered free.</p></main>",
      "https://shop.example.eu/");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 59.0);
  EXPECT_EQ(r[0]->attrs["marker"], "sale_wording");
}

TEST(PriceReductions, ProductPageStatementBelowTheBasketButtonCovers) {
  std::string variants;
  for (int i = 0; i < 8; ++i) variants += "<li><label>Farbe " + std::to_string(i) + " &ndash; Emaille gl&auml;nzend, sp&uuml;lmaschinenfest</label>";
  auto s = facts_of_page(
      "<main><h1>Emaille-Kochtopf 20 cm</h1><div class=\"price-box\"><span class=\"old-price\">49,95&nbsp;&euro;</span> "
      "<span class=\"special-price\">39,95&nbsp;&euro;</span></div><ul class=\"variants\">" + variants +
      "</ul><button>In den Warenkorb</button><p class=\"delivery\">Lieferzeit 2&ndash;3 Werktage</p>"
      "<p class=\"omnibus\">Niedrigster Preis der letzten 30 Tage: 44,95&nbsp;&euro;</p></main>",
      "https://shop.example.de/kochtopf.html", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 44.95);
}

TEST(PriceReductions, EachCardKeepsItsOwnPercentageAndAdjacentSpansStillReadAsTwoPrices) {
  auto s = facts_of_page(
      "<main><div class=\"product\"><h3>Toaster</h3><p>49,99&nbsp;&euro; <span class=\"badge\">-10&nbsp;%</span></p></div>"
      "<div class=\"product\"><h3>Wasserkocher</h3><p>39,99&nbsp;&euro; <span class=\"badge\">-15&nbsp;%</span></p></div>"
      "<div class=\"product\"><h3>Messer</h3><div class=\"price-wrapper\"><span class=\"streichpreis\">79,00&nbsp;&euro;</span>"
      "<span class=\"price\">59,00&nbsp;&euro;</span></div><p>Niedrigster Preis (30 Tage): 69,00&nbsp;&euro;</p></div></main>",
      "https://shop.example.de/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 49.99);
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 10.0);
  EXPECT_DOUBLE_EQ(num(r[1], "new_price"), 39.99);
  EXPECT_DOUBLE_EQ(num(r[1], "percent"), 15.0);
  EXPECT_DOUBLE_EQ(num(r[2], "old_price"), 79.0);  // "79,00 €59,00 €": the spans join without a space
  EXPECT_DOUBLE_EQ(num(r[2], "new_price"), 59.0);
  EXPECT_TRUE(flag(r[2], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[2], "prior_price"), 69.0);
  EXPECT_FALSE(flag(r[0], "prior_price_stated"));
}

TEST(PriorPriceStatements, OtherLanguages) {
  for (const char* wording : {"Prezzo più basso negli ultimi 30 giorni: 59,90 €",
                              "Precio más bajo de los últimos 30 días: 59,90 €",
                              "Laagste prijs van de afgelopen 30 dagen: € 59,90",
                              "Najniższa cena z 30 dni przed obniżką: 59,90 zł",
                              "30-day low: £59.90", "Lowest price in the last 30 days: £59.90"}) {
    auto s = facts_of_page(std::string("<main><p>") + wording + "</p></main>", "https://shop.example.eu/");
    auto st = s.of_type("prior_price_statement");
    ASSERT_EQ(st.size(), 1u) << wording;
    EXPECT_DOUBLE_EQ(num(st[0], "amount"), 59.90) << wording;
  }
}

}  // namespace
}  // namespace omnicheck::extract

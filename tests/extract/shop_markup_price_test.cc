// Price reductions and prior-price statements in the markup the common shop systems serve
// (issue 11, class 6). Each page is written by hand after the system's own templates (Shopify
// Dawn price.liquid, WooCommerce price html, PrestaShop classic product-prices and
// miniatures, Magento Luma price-box, Shopware Storefront product-price, JTL-Shop NOVA,
// OXID, Shoptet), with the look-alikes every such shop also serves: a product that is not on
// sale rendered by the same template, RRP comparisons, unit prices, a crossed-out shipping
// fee, coupon wording and a "Sale" category link.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

std::vector<const Fact*> reductions(const FactStore& s) { return s.of_type("price_reduction"); }
double num(const Fact* f, const char* key) { return f->attrs.at(key).get<double>(); }
bool flag(const Fact* f, const char* key) { return f->attrs.value(key, false); }
std::string dump(const FactStore& s) {
  std::string out;
  for (const auto* f : s.of_type("price_reduction")) out += f->attrs.dump() + "\n";
  for (const auto* f : s.of_type("prior_price_statement")) out += f->attrs.dump() + "\n";
  return out;
}

// ---- WooCommerce ----

// Since WooCommerce 8.x the struck <del> and the <ins> are aria-hidden and screen-reader text
// says the prices in words; the loop card is one link holding the "Sale!" flash.
std::string woo_card(const std::string& name, const std::string& price_html, bool on_sale, const std::string& flash = "Sale!") {
  return "<li class=\"product type-product" + std::string(on_sale ? " sale" : "") +
         "\"><a href=\"/product/x/\" class=\"woocommerce-LoopProduct-link woocommerce-loop-product__link\">" +
         (on_sale ? "<span class=\"onsale\">" + flash + "</span>" : "") + "<img src=\"x.jpg\" alt=\"\">"
         "<h2 class=\"woocommerce-loop-product__title\">" + name + "</h2><span class=\"price\">" + price_html +
         "</span></a><a href=\"?add-to-cart=1\" class=\"button add_to_cart_button\">Add to cart</a></li>";
}

std::string woo_amount(const std::string& amount, const std::string& symbol, bool symbol_first = false) {
  std::string sym = "<span class=\"woocommerce-Price-currencySymbol\">" + symbol + "</span>";
  return "<span class=\"woocommerce-Price-amount amount\"><bdi>" + (symbol_first ? sym + amount : amount + "&nbsp;" + sym) +
         "</bdi></span>";
}

TEST(ShopMarkupPrices, WooCommerceLoopWithScreenReaderTextCountsEachSaleCardOnce) {
  struct Lang { const char* was; const char* is; const char* flash; const char* country; };
  for (const Lang& l : {Lang{"Original price was: ", "Current price is: ", "Sale!", "GB"},
                        Lang{"Ursprünglicher Preis war: ", "Aktueller Preis ist: ", "Angebot!", "DE"},
                        Lang{"Le prix initial était : ", "Le prix actuel est : ", "Promo !", "FR"},
                        Lang{"Původní cena byla: ", "Aktuální cena je: ", "Akce!", "CZ"}}) {
    std::string sale = "<del aria-hidden=\"true\">" + woo_amount("1.299,00", "&euro;") + "</del> <span class=\"screen-reader-text\">" +
                       l.was + "1.299,00&nbsp;&euro;.</span><ins aria-hidden=\"true\">" + woo_amount("1.099,00", "&euro;") +
                       "</ins><span class=\"screen-reader-text\">" + l.is + "1.099,00&nbsp;&euro;.</span>";
    auto s = facts_of_page("<main><ul class=\"products columns-4\">" + woo_card("Sofa Oslo", sale, true, l.flash) +
                               woo_card("Sessel Oslo", woo_amount("499,00", "&euro;"), false) +
                               woo_card("Hocker Oslo", woo_amount("129,00", "&euro;"), false) + "</ul></main>",
                           "https://shop.example.eu/shop/", l.country);
    auto r = reductions(s);
    ASSERT_EQ(r.size(), 1u) << l.was << "\n" << dump(s);
    EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 1299.0) << l.was;
    EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 1099.0) << l.was;
    EXPECT_FALSE(flag(r[0], "prior_price_stated"));
  }
}

TEST(ShopMarkupPrices, WooCommerceLegacyDelInsWithSymbolFirstAndPoundThousands) {
  std::string sale = "<del>" + woo_amount("1,299.00", "&pound;", true) + "</del> <ins>" + woo_amount("999.00", "&pound;", true) + "</ins>";
  auto s = facts_of_page("<main><ul class=\"products\">" + woo_card("Oak Table", sale, true) +
                             woo_card("Oak Chair", woo_amount("149.00", "&pound;", true), false) + "</ul></main>",
                         "https://shop.example.co.uk/shop/", "GB");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 1299.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 999.0);
  EXPECT_EQ(r[0]->attrs["currency"], "GBP");
}

// ---- Shopify Dawn ----

// price.liquid renders price__regular and price__sale (CSS shows one) and, with show_badges,
// both the "Sale" and the "Sold out" badge; the on-sale state is the class price--on-sale.
std::string dawn_price(const std::string& regular, const std::string& compare, const std::string& sale, bool on_sale,
                       bool badges) {
  return "<div class=\"price price--large" + std::string(on_sale ? " price--on-sale" : "") +
         (badges ? " price--show-badge" : "") +
         "\"><div class=\"price__container\"><div class=\"price__regular\"><span class=\"visually-hidden visually-hidden--inline\">"
         "Regular price</span><span class=\"price-item price-item--regular\">" + regular +
         "</span></div><div class=\"price__sale\"><span class=\"visually-hidden visually-hidden--inline\">Regular price</span>"
         "<span><s class=\"price-item price-item--regular\">" + compare +
         "</s></span><span class=\"visually-hidden visually-hidden--inline\">Sale price</span>"
         "<span class=\"price-item price-item--sale price-item--last\">" + sale +
         "</span></div><small class=\"unit-price caption hidden\"><span class=\"visually-hidden\">Unit price</span>"
         "<span class=\"price-item price-item--last\"><span></span><span aria-hidden=\"true\">/</span>"
         "<span class=\"visually-hidden\">&nbsp;per&nbsp;</span><span></span></span></small></div>" +
         (badges ? "<span class=\"badge price__badge-sale color-scheme-4\">Sale</span>"
                   "<span class=\"badge price__badge-sold-out color-scheme-3\">Sold out</span>"
                 : "") +
         "</div>";
}

std::string dawn_card(const std::string& name, const std::string& price, bool sale_badge) {
  return "<li class=\"grid__item\"><div class=\"card-wrapper product-card-wrapper\"><div class=\"card card--standard\">"
         "<div class=\"card__content\"><div class=\"card__information\"><h3 class=\"card__heading\"><a href=\"/products/x\" "
         "class=\"full-unstyled-link\">" + name + "</a></h3><div class=\"card-information\">" + price +
         "</div></div><div class=\"card__badge bottom left\">" +
         (sale_badge ? "<span class=\"badge badge--bottom-left color-scheme-4\">Sale</span>" : "") +
         "</div></div></div></div></li>";
}

TEST(ShopMarkupPrices, ShopifyDawnCollectionGridOneReductionPerSaleCard) {
  auto s = facts_of_page(
      "<main><ul id=\"product-grid\" class=\"grid product-grid\">" +
          dawn_card("Linen Shirt", dawn_price("&euro;39,90 EUR", "&euro;49,90 EUR", "&euro;39,90 EUR", true, false), true) +
          dawn_card("Linen Trousers", dawn_price("&euro;59,90 EUR", "", "&euro;59,90 EUR", false, false), false) +
          dawn_card("Wool Coat", dawn_price("&euro;1.299,00 EUR", "&euro;1.499,00 EUR", "&euro;1.299,00 EUR", true, false), true) +
          "</ul></main>",
      "https://shop.example.ie/collections/all", "IE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 39.90);
  EXPECT_DOUBLE_EQ(num(r[1], "old_price"), 1499.0);
  EXPECT_DOUBLE_EQ(num(r[1], "new_price"), 1299.0);
}

TEST(ShopMarkupPrices, ShopifyDawnProductPageNotOnSaleCarriesHiddenBadgesButNoReduction) {
  auto s = facts_of_page("<main><div class=\"product__info-container\"><h1>Linen Trousers</h1><div id=\"price-template\">" +
                             dawn_price("&pound;59.90", "", "&pound;59.90", false, true) +
                             "</div><small class=\"product__tax caption rte\">Tax included.</small></div></main>",
                         "https://shop.example.co.uk/products/linen-trousers", "GB");
  EXPECT_TRUE(reductions(s).empty()) << dump(s);
  auto on_sale = facts_of_page("<main><div class=\"product__info-container\"><h1>Linen Shirt</h1><div id=\"price-template\">" +
                                   dawn_price("&pound;39.90", "&pound;49.90", "&pound;39.90", true, true) + "</div></div></main>",
                               "https://shop.example.co.uk/products/linen-shirt", "GB");
  auto r = reductions(on_sale);
  ASSERT_EQ(r.size(), 1u) << dump(on_sale);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.90);
}

TEST(ShopMarkupPrices, ShopifyMoneySpanAndLowestPriceAppBlock) {
  auto s = facts_of_page(
      "<main><div class=\"product-single__meta\"><h1>Tasse</h1><p class=\"product__price\">"
      "<s class=\"product__price--compare\"><span class=\"money\">24,90 &euro;</span></s> "
      "<span class=\"product__price on-sale\"><span class=\"money\">19,90 &euro;</span></span></p>"
      "<div class=\"omnibus-lowest-price\">Niedrigster Preis der letzten 30 Tage: <span class=\"money\">22,90 &euro;</span></div>"
      "</div></main>",
      "https://shop.example.de/products/tasse", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 22.90);
}

// ---- PrestaShop classic ----

std::string ps_miniature(const std::string& name, const std::string& prices, const std::string& flags) {
  return "<div class=\"js-product product col-xs-12 col-sm-6 col-xl-4\"><article class=\"product-miniature js-product-miniature\" "
         "data-id-product=\"1\"><div class=\"thumbnail-container\"><div class=\"thumbnail-top\"><a href=\"/p.html\" "
         "class=\"thumbnail product-thumbnail\"><img src=\"p.jpg\" alt=\"" + name + "\"></a></div>"
         "<div class=\"product-description\"><h2 class=\"h3 product-title\"><a href=\"/p.html\">" + name +
         "</a></h2><div class=\"product-price-and-shipping\">" + prices +
         "</div></div><ul class=\"product-flags js-product-flags\">" + flags + "</ul></div></article></div>";
}

TEST(ShopMarkupPrices, PrestaShopClassicListingRegularPriceDiscountPercentageAndFlags) {
  auto s = facts_of_page(
      "<main><div id=\"js-product-list\"><div class=\"products row\">" +
          ps_miniature("Hummingbird printed t-shirt",
                       "<span class=\"regular-price\" aria-label=\"Prix de base\">23,90&nbsp;&euro;</span>"
                       "<span class=\"discount-percentage discount-product\">-20%</span>"
                       "<span class=\"price\" aria-label=\"Prix\">19,12&nbsp;&euro;</span>",
                       "<li class=\"product-flag discount\">-20%</li><li class=\"product-flag new\">Nouveau</li>") +
          ps_miniature("Mug The best is yet to come", "<span class=\"price\" aria-label=\"Prix\">11,90&nbsp;&euro;</span>",
                       "<li class=\"product-flag new\">Nouveau</li>") +
          ps_miniature("Affiche encadrée", "<span class=\"price\" aria-label=\"Prix\">29,00&nbsp;&euro;</span>", "") +
          "</div></div></main>",
      "https://boutique.example.fr/2-accueil", "FR");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 23.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 19.12);
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 20.0);
}

TEST(ShopMarkupPrices, PrestaShopClassicProductPageWithPriorPriceModule) {
  auto s = facts_of_page(
      "<main><h1 class=\"h1\">Hummingbird printed t-shirt</h1><div class=\"product-prices js-product-prices\">"
      "<div class=\"product-discount\"><span class=\"regular-price\">23,90&nbsp;&euro;</span></div>"
      "<div class=\"product-price h5 has-discount\"><div class=\"current-price\"><span class=\"current-price-value\" content=\"19.12\">"
      "19,12&nbsp;&euro;</span><span class=\"discount discount-percentage\">&Eacute;conomisez 20%</span></div>"
      "<p class=\"omnibus-price\">Prix le plus bas des 30 derniers jours : 21,50&nbsp;&euro;</p></div>"
      "<div class=\"tax-shipping-delivery-label\">TTC</div></div></main>",
      "https://boutique.example.fr/1-hummingbird.html", "FR");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 23.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 19.12);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 21.50);
}

// ---- Magento Luma ----

std::string luma_box(const std::string& final_price, const std::string& old_price) {
  std::string out = "<div class=\"price-box price-final_price\" data-role=\"priceBox\" data-product-id=\"1\">";
  if (old_price.empty()) {
    return out + "<span class=\"price-container price-final_price tax weee\"><span id=\"product-price-1\" data-price-amount=\"" +
           final_price + "\" data-price-type=\"finalPrice\" class=\"price-wrapper \"><span class=\"price\">&euro;" + final_price +
           "</span></span></span></div>";
  }
  // Luma's templates put white space between the spans.
  return out + "<span class=\"special-price\">\n <span class=\"price-container price-final_price tax weee\">\n"
               "  <span class=\"price-label\">Special Price</span>\n  <span id=\"product-price-1\" data-price-amount=\"" + final_price +
         "\" data-price-type=\"finalPrice\" class=\"price-wrapper \"><span class=\"price\">&euro;" + final_price +
         "</span></span>\n </span>\n</span>\n<span class=\"old-price\">\n <span class=\"price-container price-final_price tax weee\">\n"
         "  <span class=\"price-label\">Regular Price</span>\n  <span id=\"old-price-1\" data-price-amount=\"" + old_price +
         "\" data-price-type=\"oldPrice\" class=\"price-wrapper \"><span class=\"price\">&euro;" + old_price +
         "</span></span></span></span></div>";
}

TEST(ShopMarkupPrices, MagentoLumaSpecialPriceBeforeOldPriceInAListing) {
  auto s = facts_of_page(
      "<main><ol class=\"products list items product-items\">"
      "<li class=\"item product product-item\"><div class=\"product-item-info\"><strong class=\"product name product-item-name\">"
      "<a class=\"product-item-link\" href=\"/a.html\">Breathe-Easy Tank</a></strong>" + luma_box("34.00", "") +
          "</div></li><li class=\"item product product-item\"><div class=\"product-item-info\"><strong class=\"product name "
          "product-item-name\"><a class=\"product-item-link\" href=\"/b.html\">Argus All-Weather Tank</a></strong>" +
          luma_box("18.40", "23.00") + "</div></li></ol></main>",
      "https://shop.example.ie/women/tops.html", "IE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 23.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 18.40);
}

// ---- Shopware 6 Storefront ----

TEST(ShopMarkupPrices, ShopwareListingListPriceWithPercentageAndRegulationPrice) {
  auto box = [](const std::string& name, const std::string& prices) {
    return "<div class=\"card product-box box-standard\"><div class=\"card-body\"><div class=\"product-info\">"
           "<a href=\"/p\" class=\"product-name\">" + name + "</a><div class=\"product-price-info\">"
           "<p class=\"product-price-unit\"><span class=\"product-unit-label\">Inhalt:</span> "
           "<span class=\"price-unit-content\">0.5 Liter</span> <span class=\"price-unit-reference\">(19,80 &euro;* / 1 Liter)</span></p>"
           "<div class=\"product-price-wrapper\">" + prices + "</div></div></div></div></div>";
  };
  auto s = facts_of_page(
      "<main><div class=\"cms-listing-row js-listing-wrapper\">" +
          box("Olivenöl nativ extra",
              "<span class=\"product-price with-list-price\">9,90 &euro;*<span class=\"list-price\">"
              "<span class=\"list-price-price\">12,90 &euro;*</span><span class=\"list-price-percentage\">(23% gespart)</span></span></span>"
              "<span class=\"product-price with-regulation-price\"><span class=\"regulation-price\">Vorher 11,90 &euro;*</span></span>") +
          box("Balsamico", "<span class=\"product-price\">9,90 &euro;*</span>") + "</div></main>",
      "https://shop.example.de/Lebensmittel/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 12.90);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 9.90);
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 23.0);
  EXPECT_TRUE(flag(r[0], "prior_price_stated")) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 11.90);
}

TEST(ShopMarkupPrices, ShopwareBuyWidgetStattListPrice) {
  auto s = facts_of_page(
      "<main><h1 class=\"product-detail-name\">Olivenöl nativ extra</h1><div class=\"product-detail-price-container\">"
      "<p class=\"product-detail-price with-list-price\">9,90 &euro;*</p><span class=\"product-detail-list-price-wrapper\">"
      "<span class=\"list-price-label\">Statt</span> <span class=\"list-price-price\">12,90 &euro;*</span> "
      "<span class=\"list-price-percentage\">(23% gespart)</span></span></div>"
      "<p class=\"product-detail-tax\">Preise inkl. MwSt. zzgl. Versandkosten</p></main>",
      "https://shop.example.de/Olivenoel/SW10001", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 12.90);
  EXPECT_FALSE(flag(r[0], "prior_price_stated"));
}

// ---- JTL-Shop NOVA, OXID ----

TEST(ShopMarkupPrices, JtlNovaOldPriceAndSuggestedRetailPrice) {
  auto s = facts_of_page(
      "<main><div class=\"product-list\">"
      "<div class=\"productbox\"><div class=\"productbox-ribbon ribbon ribbon-2\">Sale</div><div class=\"productbox-title\">"
      "<a href=\"/a\">Wasserkocher</a></div><div class=\"price_wrapper\"><div class=\"price productbox-price\">"
      "<span>39,99 &euro;</span><span class=\"footnote-reference\">*</span></div><div class=\"price-note\">"
      "<div class=\"old-price\"><small class=\"text-muted-util\">Unser bisheriger Preis <del class=\"value\">49,99 &euro;</del>"
      "</small></div></div></div></div>"
      "<div class=\"productbox\"><div class=\"productbox-title\"><a href=\"/b\">Toaster</a></div><div class=\"price_wrapper\">"
      "<div class=\"price productbox-price\"><span>29,99 &euro;</span><span class=\"footnote-reference\">*</span></div>"
      "<div class=\"price-note\"><div class=\"suggested-price\"><abbr title=\"Unverbindliche Preisempfehlung des Herstellers\">UVP</abbr> "
      "<span class=\"value text-nowrap-util\">34,99 &euro;</span></div><div class=\"discount\">Sie sparen 14% / 5,00 &euro;</div></div>"
      "</div></div></div></main>",
      "https://shop.example.de/Kueche", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.99);
  EXPECT_FALSE(flag(r[0], "rrp"));
  EXPECT_DOUBLE_EQ(num(r[1], "old_price"), 34.99);
  EXPECT_TRUE(flag(r[1], "rrp")) << dump(s);
}

TEST(ShopMarkupPrices, OxidOldPriceStatt) {
  auto s = facts_of_page(
      "<main><div class=\"productData\"><div class=\"title\"><a href=\"/a\">Kite CORE GTS</a></div><div class=\"price\">"
      "<span class=\"oldPrice text-muted\"><del>statt 879,00 &euro;</del></span> <span class=\"lead text-nowrap\">"
      "<span class=\"price-from\"></span><span class=\"price\">799,00</span> <span class=\"currency\">&euro;</span>"
      "<span class=\"price-markup\">*</span></span></div></div>"
      "<div class=\"productData\"><div class=\"title\"><a href=\"/b\">Trapez</a></div><div class=\"price\">"
      "<span class=\"lead text-nowrap\"><span class=\"price\">149,00</span> <span class=\"currency\">&euro;</span></span></div></div></main>",
      "https://shop.example.de/Kiteboarding/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 879.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 799.0);
}

// ---- Shoptet ----

TEST(ShopMarkupPrices, ShoptetPriceStandardPriceSaveAndFlags) {
  auto card = [](const std::string& name, const std::string& prices, const std::string& flags) {
    return "<div class=\"product\"><div class=\"p\"><a href=\"/p\" class=\"image\"><img src=\"p.jpg\" alt=\"" + name +
           "\"></a><div class=\"flags flags-default\">" + flags + "</div><div class=\"p-in\"><a href=\"/p\" class=\"name\">"
           "<span>" + name + "</span></a><div class=\"p-bottom\"><div class=\"prices\">" + prices + "</div></div></div></div></div>";
  };
  auto s = facts_of_page(
      "<main><div id=\"products\" class=\"products products-block\">" +
          card("Kávovar Sage", "<span class=\"price-standard\"><span>1&nbsp;299&nbsp;K&#269;</span></span>"
                               "<span class=\"price-save\">&ndash;20&nbsp;%</span><div class=\"price price-final\">"
                               "<strong>1&nbsp;039&nbsp;K&#269;</strong></div>",
               "<span class=\"flag flag-discount\">Sleva</span>") +
          card("Mlýnek", "<div class=\"price price-final\"><strong>899&nbsp;K&#269;</strong></div>",
               "<span class=\"flag flag-new\">Novinka</span>") +
          "</div><p class=\"small\">Nejnižší cena za posledních 30 dní před slevou je uvedena u každého produktu.</p></main>",
      "https://obchod.example.cz/kavovary/", "CZ");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 1299.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 1039.0);
  EXPECT_EQ(r[0]->attrs["currency"], "CZK");
}

TEST(ShopMarkupPrices, ShoptetRecommendedPriceIsNoReduction) {
  auto s = facts_of_page(
      "<main><h1>Kávovar Sage</h1><div class=\"p-final-price-wrapper\"><span class=\"price-standard\">"
      "<span>Doporučená cena: 14&nbsp;990&nbsp;K&#269;</span></span><strong class=\"price-final\">"
      "<span class=\"price-final-holder\">12&nbsp;990&nbsp;K&#269;</span></strong></div></main>",
      "https://obchod.example.cz/kavovar-sage/", "CZ");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_TRUE(flag(r[0], "rrp"));
}

// ---- prior-price wording, tied to its own card ----

TEST(ShopMarkupPrices, PriorPriceWordingInEveryLanguageIsTiedToItsCard) {
  struct Case { const char* wording; const char* cur; };
  for (const Case& c : {Case{"Niedrigster Preis der letzten 30 Tage: 44,90 €", "€"},
                        Case{"Prix le plus bas des 30 derniers jours : 44,90 €", "€"},
                        Case{"Prix le plus bas sur 30 jours : 44,90 €", "€"},
                        Case{"Nejnižší cena za posledních 30 dní: 44,90 Kč", "Kč"},
                        Case{"Lowest price in the last 30 days: 44,90 €", "€"},
                        Case{"Lowest price in 30 days before discount: 44,90 €", "€"},
                        Case{"Prezzo più basso negli ultimi 30 giorni: 44,90 €", "€"},
                        Case{"Prezzo più basso degli ultimi 30 giorni: 44,90 €", "€"},
                        Case{"Precio más bajo de los últimos 30 días: 44,90 €", "€"},
                        Case{"Precio más bajo en los 30 días anteriores: 44,90 €", "€"},
                        Case{"Laagste prijs van de afgelopen 30 dagen: 44,90 €", "€"},
                        Case{"Laagste prijs in de laatste 30 dagen: 44,90 €", "€"},
                        Case{"Najniższa cena z 30 dni przed obniżką: 44,90 zł", "zł"},
                        Case{"Najniższa cena z ostatnich 30 dni: 44,90 zł", "zł"},
                        Case{"Laagste prijs afgelopen 30 dagen: 44,90 €", "€"},
                        Case{"Laagste prijs in de 30 dagen voor de korting: 44,90 €", "€"},
                        Case{"Lägsta pris de senaste 30 dagarna: 44,90 kr", "kr"},
                        Case{"Lägsta pris senaste 30 dagarna före sänkningen: 44,90 kr", "kr"},
                        Case{"Lägsta priset under de senaste 30 dagarna: 44,90 kr", "kr"},
                        Case{"Preço mais baixo nos 30 dias anteriores à redução: 44,90 €", "€"},
                        Case{"Preço mais baixo praticado nos últimos 30 dias: 44,90 €", "€"},
                        Case{"Najnižšia cena za posledných 30 dní pred zľavou: 44,90 €", "€"},
                        Case{"Najnižšia cena za posledných 30 dní: 44,90 €", "€"}}) {
    std::string cur = c.cur;
    auto card = [&](const std::string& name, const std::string& old_p, const std::string& new_p, const std::string& extra) {
      return "<div class=\"product-card\"><h3>" + name + "</h3><div class=\"prices\"><s>" + old_p + " " + cur + "</s> <b>" + new_p +
             " " + cur + "</b></div>" + extra + "</div>";
    };
    auto s = facts_of_page("<main><div class=\"grid\">" + card("A", "59,90", "39,90", "") +
                               card("B", "49,90", "42,90", "<p class=\"lowest\">" + std::string(c.wording) + "</p>") +
                               card("C", "29,90", "19,90", "") + "</div></main>",
                           "https://shop.example.eu/");
    auto r = reductions(s);
    ASSERT_EQ(r.size(), 3u) << c.wording << "\n" << dump(s);
    EXPECT_FALSE(flag(r[0], "prior_price_stated")) << c.wording;
    EXPECT_TRUE(flag(r[1], "prior_price_stated")) << c.wording;
    EXPECT_FALSE(flag(r[2], "prior_price_stated")) << c.wording;
    EXPECT_DOUBLE_EQ(num(r[1], "prior_price"), 44.90) << c.wording;
  }
}

TEST(ShopMarkupPrices, OmnibusClassHoldsThePriorPriceWithoutTheUsualWording) {
  auto s = facts_of_page(
      "<main><div class=\"product-card\"><h3>A</h3><s>59,90 €</s> <b>39,90 €</b>"
      "<div class=\"omnibus-price\"><span class=\"omnibus-label\">Omnibus:</span> 49,90 €</div></div>"
      "<div class=\"product-card\"><h3>B</h3><s>29,90 €</s> <b>19,90 €</b></div></main>",
      "https://shop.example.eu/");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u) << dump(s);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 49.90);
  EXPECT_FALSE(flag(r[1], "prior_price_stated"));
}

// Look-alikes of the prior-price wording: a price promise, a delivery time, a return period
// and a price-match note name no lowest price of the 30 days before a reduction.
TEST(ShopMarkupPrices, PriorPriceLookAlikesInTheNewLanguagesStateNothing) {
  for (const char* line : {"Preço mais baixo garantido: 44,90 €", "Lägsta pris garanterat: 44,90 kr",
                           "Najnižšia cena na trhu: 44,90 €", "Laagste prijs garantie: 44,90 €",
                           "30 dagars öppet köp: 44,90 kr", "Devolução em 30 dias: 44,90 €"}) {
    auto s = facts_of_page(std::string("<main><div class=\"product-card\"><h3>B</h3><div class=\"prices\"><s>49,90 €</s> "
                                       "<b>42,90 €</b></div><p class=\"note\">") +
                               line + "</p></div></main>",
                           "https://shop.example.eu/");
    auto r = reductions(s);
    ASSERT_EQ(r.size(), 1u) << line << "\n" << dump(s);
    EXPECT_FALSE(flag(r[0], "prior_price_stated")) << line;
  }
}

// Dawn's "price__omnibus" (two underscores, BEM element) holds the prior price as an
// "omnibus-price" does; the amount in it is no current price for the "-20%" badge either.
TEST(ShopMarkupPrices, DawnPriceOmnibusElementAfterTheBadgeCoversItsCard) {
  auto card = [](const std::string& name, const std::string& price, const std::string& after) {
    return "<li class=\"grid__item\"><div class=\"card-wrapper\"><div class=\"card\"><div class=\"card__content\"><h3 "
           "class=\"card__heading\"><a href=\"/products/x\">" + name + "</a></h3><div class=\"card-information\">" + price +
           after + "</div></div></div></div></li>";
  };
  std::string sale = "<div class=\"price price--on-sale\"><div class=\"price__container\"><div class=\"price__sale\">"
                     "<span class=\"visually-hidden\">Normale prijs</span><span><s class=\"price-item price-item--regular\">"
                     "&euro; 899,00</s></span><span class=\"visually-hidden\">Aanbiedingsprijs</span><span class=\"price-item "
                     "price-item--sale price-item--last\">&euro; 719,00</span></div></div><span class=\"badge "
                     "price__badge-sale\">-20%</span></div>";
  auto s = facts_of_page("<main><ul class=\"grid product-grid\">" +
                             card("Gazelle Esprit", sale, "<p class=\"price__omnibus caption\">Prijs 30 dagen: &euro; 899,00</p>") +
                             card("Batavus Mambo", sale, "") + "</ul></main>",
                         "https://fietsen.example.nl/", "NL");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 2u) << dump(s);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 899.0);
  EXPECT_DOUBLE_EQ(num(r[0], "percent"), 20.0);
  EXPECT_FALSE(flag(r[1], "prior_price_stated"));
}

// WooCommerce 8 hides the struck <del> and the <ins> from screen readers and says the prices
// in words; its translations of "Original price was:" introduce the old price.
TEST(ShopMarkupPrices, WooCommerceScreenReaderWordingInMoreLanguages) {
  struct Lang { const char* was; const char* is; const char* sym; const char* country; };
  for (const Lang& l : {Lang{"Il prezzo originale era: ", "Il prezzo attuale è: ", "&euro;", "IT"},
                        Lang{"Pierwotna cena wynosiła: ", "Aktualna cena wynosi: ", "z&#322;", "PL"},
                        Lang{"El precio original era: ", "El precio actual es: ", "&euro;", "ES"},
                        Lang{"Oorspronkelijke prijs was: ", "Huidige prijs is: ", "&euro;", "NL"},
                        Lang{"O preço original era: ", "O preço atual é: ", "&euro;", "PT"},
                        Lang{"Ursprungligt pris var: ", "Nuvarande pris är: ", "kr", "SE"}}) {
    std::string sale = "<del aria-hidden=\"true\">" + woo_amount("49,90", l.sym) + "</del> <span class=\"screen-reader-text\">" +
                       l.was + "49,90&nbsp;" + l.sym + ".</span><ins aria-hidden=\"true\">" + woo_amount("39,90", l.sym) +
                       "</ins><span class=\"screen-reader-text\">" + l.is + "39,90&nbsp;" + l.sym + ".</span>";
    auto s = facts_of_page("<main><ul class=\"products columns-4\">" + woo_card("Sencha", sale, true, "Promo!") +
                               woo_card("Assam", woo_amount("44,00", l.sym), false) + "</ul></main>",
                           "https://sklep.example.eu/", l.country);
    auto r = reductions(s);
    ASSERT_EQ(r.size(), 1u) << l.was << "\n" << dump(s);
    EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 49.90) << l.was;
    EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 39.90) << l.was;
    EXPECT_FALSE(flag(r[0], "prior_price_stated")) << l.was;
  }
  // Counter-case: a card not on sale says only its current price.
  auto s = facts_of_page("<main><ul class=\"products\">" + woo_card("Assam", woo_amount("44,00", "&euro;"), false) +
                             "</ul><p>Il prezzo attuale è: 44,00 &euro;.</p></main>",
                         "https://negozio.example.it/", "IT");
  EXPECT_TRUE(reductions(s).empty()) << dump(s);
}

// Dawn renders price__sale in every card, with its "Sale price" label, and shows it only inside
// price--on-sale; a card badge stands above its own card's price. A grid of a card not on sale
// followed by one on sale holds one reduction, the second card's.
TEST(ShopMarkupPrices, DawnHiddenSaleLabelAndTheNextCardsBadgeMakeNoReduction) {
  auto card = [](const std::string& name, const std::string& price, bool badge) {
    return "<li class=\"grid__item\"><div class=\"card-wrapper\"><div class=\"card\"><div class=\"card__inner\"><div "
           "class=\"card__media\"><img src=\"x.jpg\" alt=\"" + name + "\"></div><div class=\"card__content\"><div "
           "class=\"card__badge top left\">" + (badge ? "<span class=\"badge\">Promo</span>" : "") +
           "</div></div></div><div class=\"card__content\"><div class=\"card__information\"><h3 class=\"card__heading\"><a "
           "href=\"/products/x\">" + name + "</a></h3><div class=\"card-information\">" + price + "</div></div></div></div></div></li>";
  };
  auto price = [](const std::string& regular, const std::string& compare, bool on_sale) {
    return "<div class=\"price" + std::string(on_sale ? " price--on-sale" : "") + "\"><div class=\"price__container\"><div "
           "class=\"price__regular\"><span class=\"visually-hidden\">Prix habituel</span><span class=\"price-item "
           "price-item--regular\">" + regular + "</span></div><div class=\"price__sale\"><span class=\"visually-hidden\">Prix "
           "habituel</span><span><s class=\"price-item price-item--regular\">" + compare + "</s></span><span "
           "class=\"visually-hidden\">Prix soldé</span><span class=\"price-item price-item--sale\">" + regular +
           "</span></div></div></div>";
  };
  auto s = facts_of_page("<main><ul class=\"grid product-grid\">" + card("Carré Traboules", price("118,00 €", "", false), false) +
                             card("Twilly Canuts", price("38,40 €", "48,00 €", true), true) + "</ul></main>",
                         "https://atelier.example.fr/", "FR");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_DOUBLE_EQ(num(r[0], "old_price"), 48.0);
  EXPECT_DOUBLE_EQ(num(r[0], "new_price"), 38.40);
  // Counter-case: a badge over a card whose own price follows it, with no reduction after it,
  // still announces a reduction of a price (the nearest, as before).
  auto alone = facts_of_page("<main><div class=\"card\"><div class=\"card__badge\"><span class=\"badge\">Promo</span></div>"
                                 "<h3>Foulard</h3><span class=\"price-item\">59,00 €</span></div></main>",
                             "https://atelier.example.fr/", "FR");
  EXPECT_EQ(reductions(alone).size(), 1u) << dump(alone);
}

// A span the stylesheet shows as a block (Bootstrap's d-block) is a line of its own: OXID wave
// writes the prior price there right after the unit price, with no space between.
TEST(ShopMarkupPrices, OxidPriorPriceInADBlockSpanAfterTheUnitPrice) {
  auto page = [](const std::string& note) {
    return "<main><div class=\"productData productBox\"><div class=\"title\"><a href=\"/t\">Sencha Uji</a></div>"
           "<div class=\"price text-center\"><div class=\"content\"><span class=\"oldPrice text-muted\">statt <del>12,90 &euro;"
           "</del></span> <span class=\"lead text-nowrap\">11,50 &euro; *</span><span class=\"pricePerUnit\">100 g | "
           "11,50 &euro;/100 g</span>" + note + "</div></div></div></main>";
  };
  auto s = facts_of_page(page("<span class=\"d-block small\">Niedrigster Preis der letzten 30 Tage: 12,90 &euro;</span>"),
                         "https://teehaus.example.de/", "DE");
  auto r = reductions(s);
  ASSERT_EQ(r.size(), 1u) << dump(s);
  EXPECT_TRUE(flag(r[0], "prior_price_stated"));
  EXPECT_DOUBLE_EQ(num(r[0], "prior_price"), 12.90);
  // Counter-case: the same card without the line states nothing.
  auto none = facts_of_page(page("<span class=\"d-block small\">Inkl. MwSt., zzgl. Versand</span>"), "https://teehaus.example.de/", "DE");
  auto rn = reductions(none);
  ASSERT_EQ(rn.size(), 1u) << dump(none);
  EXPECT_FALSE(flag(rn[0], "prior_price_stated"));
}

// ---- counter-cases ----

TEST(ShopMarkupPrices, RegularPriceBesideAUnitPriceIsNoReduction) {
  // A "regular price" class outside a sale block: Dawn's price__regular, Magento 1's
  // regular-price; the lower amount beside it is a unit price.
  auto s = facts_of_page(
      "<main><div class=\"card\"><h3>Brass Widget</h3><div class=\"price price--large\"><span class=\"price-item "
      "price-item--regular\">&pound;12.99</span> <small class=\"unit-price caption\">(&pound;3.25 each)</small></div></div>"
      "<div class=\"card\"><h3>Steel Widget</h3><div class=\"price\"><span class=\"price-item price-item--regular\">&pound;8.99</span> "
      "<small>&pound;2.25 per item</small></div></div>"
      "<div class=\"price-box\"><span class=\"regular-price\"><span class=\"price\">49,90 &euro;</span></span> "
      "<span class=\"price-unit\">9,98 &euro; / Stück</span></div>"
      "<div class=\"product-price-and-shipping\"><span class=\"regular-price\">19,90 &euro;</span> "
      "<span class=\"product-unit-price\">(3,98 &euro; la pi&egrave;ce)</span></div></main>",
      "https://shop.example.eu/", "GB");
  EXPECT_TRUE(reductions(s).empty()) << dump(s);
}

TEST(ShopMarkupPrices, RrpWordingInEveryLanguageIsNoReductionOfTheOwnPrice) {
  for (const char* rrp : {"UVP", "Unverbindliche Preisempfehlung:", "RRP", "Prix conseillé :", "Prix public conseillé",
                          "Doporučená cena:", "Prezzo consigliato:", "Precio recomendado:", "Adviesprijs:",
                          "Sugerowana cena detaliczna:"}) {
    auto s = facts_of_page(std::string("<main><div class=\"card\"><h3>Kettle</h3><b>39,90 €</b> <span>") + rrp +
                               " 49,90 €</span></div></main>",
                           "https://shop.example.eu/");
    auto r = reductions(s);
    ASSERT_EQ(r.size(), 1u) << rrp << "\n" << dump(s);
    EXPECT_TRUE(flag(r[0], "rrp")) << rrp;
  }
}

TEST(ShopMarkupPrices, LookAlikesAreNoReduction) {
  auto s = facts_of_page(
      "<header><nav><ul><li><a href=\"/sale\">Sale</a></li><li><a href=\"/outlet\">Outlet -70%</a></li></ul></nav></header>"
      "<main><div class=\"category-tiles\"><a class=\"tile\" href=\"/sale\">Sale</a> <a class=\"tile\" href=\"/neu\">Neuheiten</a></div>"
      "<div class=\"card\"><h3>Wasserkocher</h3><span class=\"price\">39,99 &euro;</span></div>"
      "<p class=\"shipping\">Versand: <s>4,95 &euro;</s> 0,00 &euro; ab 50 &euro; Bestellwert</p>"
      "<p class=\"coupon\">Mit dem Code SOMMER20 sparen Sie 20 % auf Ihren n&auml;chsten Einkauf.</p>"
      "<div class=\"card\"><h3>Honig</h3><span class=\"price\">6,45 &euro;</span> <span class=\"base-price\">1 kg = 12,90 &euro;</span></div>"
      "<p><s>Lieferung in 24 h</s> <del>Art.-Nr. 100234</del> 19,99 &euro;</p></main>",
      "https://shop.example.de/", "DE");
  EXPECT_TRUE(reductions(s).empty()) << dump(s);
}

}  // namespace
}  // namespace omnicheck::extract

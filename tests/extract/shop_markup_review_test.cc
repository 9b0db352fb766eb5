// Consumer reviews shown, and what a shop says about checking them, in the markup the common
// shop systems and review services serve (issue 11, class 6): WooCommerce product reviews,
// PrestaShop productcomments, Magento Luma, Shopware Storefront, Shoptet and Heureka,
// Trustpilot, Trusted Shops, Judge.me, Yotpo, eKomi and the Google customer reviews badge.
// Each page is written by hand after the system's templates, with its empty state (a review
// block with nothing in it, a review form alone) and the seller-rating look-alike.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

std::vector<const Fact*> shown(const FactStore& s, const std::string& source = "") {
  std::vector<const Fact*> out;
  for (const auto* f : s.of_type("reviews_shown")) {
    if (source.empty() || f->attrs.value("source", std::string()) == source) out.push_back(f);
  }
  return out;
}

std::vector<std::string> kinds(const FactStore& s) {
  std::vector<std::string> out;
  for (const auto* f : s.of_type("review_verification_statement")) out.push_back(f->attrs.value("kind", std::string()));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string dump(const FactStore& s) {
  std::string out;
  for (const auto* f : s.of_type("reviews_shown")) out += f->attrs.dump() + "\n";
  for (const auto* f : s.of_type("review_verification_statement")) out += f->attrs.dump() + "\n";
  return out;
}

std::string page(const std::string& main, const std::string& head = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head +
         "</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/contact\">Contact</a></nav></header><main>" + main +
         "</main><footer><a href=\"/impressum\">Impressum</a></footer></body></html>";
}

// ---- WooCommerce ----

TEST(ShopMarkupReviews, WooCommerceReviewsTabWithVerifiedOwnerBadge) {
  struct Lang { const char* tab; const char* title; const char* rated; const char* owner; };
  for (const Lang& l : {Lang{"Reviews (2)", "2 reviews for <span>Oak Table</span>", "Rated <strong class=\"rating\">5</strong> out of 5", "verified owner"},
                        Lang{"Bewertungen (2)", "2 Bewertungen für <span>Eichentisch</span>", "Bewertet mit <strong class=\"rating\">5</strong> von 5", "verifizierter Besitzer"},
                        Lang{"Avis (2)", "2 avis pour <span>Table en chêne</span>", "Noté <strong class=\"rating\">5</strong> sur 5", "propriétaire vérifié"}}) {
    auto s = facts_of_page(
        page(std::string("<div class=\"woocommerce-tabs wc-tabs-wrapper\"><ul class=\"tabs wc-tabs\" role=\"tablist\">"
                         "<li class=\"reviews_tab\" id=\"tab-title-reviews\"><a href=\"#tab-reviews\">") + l.tab +
             "</a></li></ul><div class=\"woocommerce-Tabs-panel woocommerce-Tabs-panel--reviews panel\" id=\"tab-reviews\">"
             "<div id=\"reviews\" class=\"woocommerce-Reviews\"><div id=\"comments\"><h2 class=\"woocommerce-Reviews-title\">" +
             l.title + "</h2><ol class=\"commentlist\"><li class=\"review\"><div class=\"comment_container\">"
             "<div class=\"comment-text\"><div class=\"star-rating\" role=\"img\"><span style=\"width:100%\">" + l.rated +
             "</span></div><p class=\"meta\"><strong class=\"woocommerce-review__author\">Anna</strong> "
             "<em class=\"woocommerce-review__verified verified\">(" + l.owner + ")</em> "
             "<span class=\"woocommerce-review__dash\">&ndash;</span> <time class=\"woocommerce-review__published-date\">"
             "12. März 2025</time></p><div class=\"description\"><p>Sehr gut.</p></div></div></div></li></ol></div></div></div></div>"),
        "https://shop.example.eu/product/oak-table/");
    ASSERT_FALSE(shown(s, "text").empty()) << l.tab << "\n" << dump(s);
    EXPECT_EQ(kinds(s), std::vector<std::string>{"claim_only"}) << l.tab << "\n" << dump(s);
  }
}

TEST(ShopMarkupReviews, WooCommerceEmptyReviewsTabWithFormShowsNone) {
  for (const char* text : {"<h2 class=\"woocommerce-Reviews-title\">Reviews</h2><p class=\"woocommerce-noreviews\">There are no reviews yet.</p>"
                           "<span id=\"reply-title\" class=\"comment-reply-title\">Be the first to review &ldquo;Oak Table&rdquo;</span>",
                           "<h2 class=\"woocommerce-Reviews-title\">Avis</h2><p class=\"woocommerce-noreviews\">Il n&rsquo;y a pas encore d&rsquo;avis.</p>"
                           "<span id=\"reply-title\" class=\"comment-reply-title\">Soyez le premier &agrave; laisser votre avis sur &ldquo;Table&rdquo;</span>",
                           "<h2 class=\"woocommerce-Reviews-title\">Bewertungen</h2><p class=\"woocommerce-noreviews\">Es gibt noch keine Bewertungen.</p>"
                           "<span id=\"reply-title\" class=\"comment-reply-title\">Schreibe die erste Bewertung f&uuml;r &bdquo;Tisch&ldquo;</span>"}) {
    auto s = facts_of_page(
        page(std::string("<ul class=\"tabs wc-tabs\"><li class=\"reviews_tab\"><a href=\"#tab-reviews\">Reviews (0)</a></li></ul>"
                         "<div id=\"reviews\" class=\"woocommerce-Reviews\"><div id=\"comments\">") + text +
             "</div><div id=\"review_form_wrapper\"><form action=\"/wp-comments-post.php\" method=\"post\" id=\"commentform\">"
             "<div class=\"comment-form-rating\"><label for=\"rating\">Your rating</label><p class=\"stars\"><span>"
             "<a class=\"star-1\" href=\"#\">1 of 5 stars</a><a class=\"star-2\" href=\"#\">2 of 5 stars</a>"
             "<a class=\"star-5\" href=\"#\">5 of 5 stars</a></span></p></div><p class=\"comment-form-comment\">"
             "<label for=\"comment\">Your review</label><textarea id=\"comment\" name=\"comment\"></textarea></p>"
             "<input name=\"submit\" type=\"submit\" value=\"Submit\"></form></div></div>"),
        "https://shop.example.eu/product/oak-table/");
    EXPECT_TRUE(shown(s).empty()) << text << "\n" << dump(s);
  }
}

// ---- PrestaShop productcomments ----

TEST(ShopMarkupReviews, PrestaShopProductCommentsWithGradeAndCount) {
  auto s = facts_of_page(
      page("<h1>T-shirt imprimé colibri</h1><div class=\"product-comments-additional-info\"><div class=\"comments-note\">"
           "<span>Note</span><div class=\"grade-stars small-stars\" data-grade=\"4.5\"></div></div>"
           "<div class=\"comments-nb\"><i class=\"material-icons chat\" data-icon=\"chat\"></i>Avis (2)</div>"
           "<a class=\"link-comment post-product-comment\" href=\"#product-comments-list-header\">Donnez votre avis</a></div>"
           "<div id=\"product-comments-list-header\"><div class=\"comments-nb\"><i class=\"material-icons chat\">chat</i>Avis (2)</div></div>"),
      "https://boutique.example.fr/1-t-shirt.html");
  EXPECT_FALSE(shown(s).empty()) << dump(s);
}

TEST(ShopMarkupReviews, PrestaShopProductCommentsEmptyShowsNone) {
  auto s = facts_of_page(
      page("<h1>Mug</h1><div id=\"product-comments-list-header\"><div class=\"comments-nb\"><i class=\"material-icons chat\">chat</i>"
           "Avis (0)</div></div><div id=\"empty-product-comment\" class=\"product-comment-list-item\">"
           "Aucun avis n'a été publié pour le moment.</div><button class=\"btn btn-comment post-product-comment\">"
           "<i class=\"material-icons edit\">edit</i> Donnez votre avis</button>"),
      "https://boutique.example.fr/2-mug.html");
  EXPECT_TRUE(shown(s).empty()) << dump(s);
}

// ---- Magento Luma ----

TEST(ShopMarkupReviews, MagentoLumaRatingSummaryAndReviewsTab) {
  auto s = facts_of_page(
      page("<h1 class=\"page-title\">Argus All-Weather Tank</h1><div class=\"product-reviews-summary\">"
           "<div class=\"rating-summary\"><span class=\"label\"><span>Rating:</span></span><div class=\"rating-result\" title=\"80%\">"
           "<span style=\"width:80%\"><span><span>80</span>% of <span>100</span></span></span></div></div>"
           "<div class=\"reviews-actions\"><a class=\"action view\" href=\"#reviews\"><span>3</span>&nbsp;<span>Reviews</span></a>"
           "<a class=\"action add\" href=\"#review-form\">Add Your Review</a></div></div>"),
      "https://shop.example.ie/argus-all-weather-tank.html");
  EXPECT_FALSE(shown(s).empty()) << dump(s);
}

TEST(ShopMarkupReviews, MagentoLumaNoReviewsYet) {
  auto s = facts_of_page(
      page("<h1 class=\"page-title\">Breathe-Easy Tank</h1><div class=\"product-reviews-summary empty\"><div class=\"reviews-actions\">"
           "<a class=\"action add\" href=\"#review-form\">Be the first to review this product</a></div></div>"
           "<div class=\"data item title\" id=\"tab-label-reviews\"><a class=\"data switch\" href=\"#reviews\">Reviews</a></div>"
           "<div id=\"customer-reviews\"><div class=\"block-title\"><strong>Write Your Own Review</strong></div>"
           "<form class=\"review-form\"><span>You're reviewing:</span><strong>Breathe-Easy Tank</strong>"
           "<span>Your Rating</span><label>Rating</label></form></div>"),
      "https://shop.example.ie/breathe-easy-tank.html");
  EXPECT_TRUE(shown(s).empty()) << dump(s);
}

// ---- Shopware Storefront ----

TEST(ShopMarkupReviews, ShopwareProductDetailReviewWithVerifiedNote) {
  auto s = facts_of_page(
      page("<div class=\"product-detail-reviews\"><div class=\"product-review-rating\"><span class=\"product-review-point\"></span>"
           "<span class=\"product-review-point\"></span></div><p class=\"product-detail-reviews-link\">2 Bewertungen</p></div>"
           "<div class=\"product-detail-review\"><div class=\"product-detail-review-teaser\"><h4>Bewertungen zu diesem Produkt</h4>"
           "<p>Die Bewertungen werden nicht auf ihre Echtheit überprüft.</p></div>"
           "<div class=\"product-detail-review-list\"><div class=\"product-detail-review-item\"><p>Sehr lecker.</p></div></div></div>"),
      "https://shop.example.de/Olivenoel/SW10001");
  EXPECT_FALSE(shown(s, "text").empty()) << dump(s);
  EXPECT_EQ(kinds(s), std::vector<std::string>{"not_checked"}) << dump(s);
}

// ---- review wording shops use ----

TEST(ShopMarkupReviews, VerificationWordingInEveryLanguage) {
  struct Case { const char* text; const char* kind; };
  for (const Case& c : {
           Case{"Avis soumis à un contrôle. Les avis sont vérifiés par Société des Avis Garantis.", "checked"},
           Case{"Les avis sont vérifiés par notre prestataire Avis Vérifiés.", "checked"},
           Case{"Avis clients : aucun contrôle n'est effectué sur les avis publiés.", "not_checked"},
           Case{"Avis clients. Aucun contrôle.", "not_checked"},
           Case{"Die Bewertungen werden nicht auf ihre Echtheit überprüft.", "not_checked"},
           Case{"Bewertungen von verifizierten Käufern: nur Kunden, die das Produkt bei uns gekauft haben, können eine Bewertung abgeben.", "checked"},
           Case{"Recenze ověřujeme podle čísla objednávky.", "checked"},
           Case{"Hodnocení: Ověřeno zákazníky", "claim_only"},
           Case{"Reviews: Verified buyer", "claim_only"},
           Case{"We do not verify reviews.", "not_checked"},
           Case{"Le recensioni non sono verificate.", "not_checked"},
           Case{"Recensioni verificate: solo i clienti che hanno acquistato il prodotto possono lasciare una recensione.", "checked"},
           Case{"Las opiniones no están verificadas.", "not_checked"},
           Case{"Solo los clientes que han comprado el producto pueden dejar una opinión.", "checked"},
           Case{"Reviews worden niet gecontroleerd.", "not_checked"},
           Case{"Alleen klanten die het product hebben gekocht kunnen een review schrijven.", "checked"},
           Case{"Opinie nie są weryfikowane.", "not_checked"},
           Case{"Opinie mogą dodawać wyłącznie klienci, którzy kupili produkt.", "checked"},
           Case{"Zweryfikowany zakup", "claim_only"},
           Case{"Acquisto verificato", "claim_only"},
           Case{"Compra verificada", "claim_only"},
           Case{"Geverifieerde koper", "claim_only"},
           // As the corpus shops word them: Shopware, JTL, OXID, Magento, Dawn with Judge.me,
           // Trustpilot, in DE/NL/ES/EN and in SV/PT/SK, which have lexicons of their own now.
           Case{"Bewertungen können nur Kundinnen und Kunden abgeben, die den Artikel bei uns gekauft haben.", "checked"},
           Case{"Wir gleichen jede Bewertung vor der Freischaltung mit der Bestellnummer ab.", "checked"},
           Case{"Unsere Produktbewertungen: Nach jeder Bestellung erhalten nur Käufer eine Einladung zur Bewertung.", "checked"},
           Case{"Hinweis: Bewertungen werden von uns vor der Veröffentlichung nicht darauf überprüft, ob sie von Käufern stammen.",
                "not_checked"},
           Case{"Reviews op deze pagina kunnen alleen worden geplaatst door klanten die het product via onze webshop hebben gekocht.",
                "checked"},
           Case{"Reviews: we controleren elke review aan de hand van het ordernummer.", "checked"},
           Case{"Sólo pueden opinar los clientes que han comprado el producto.", "checked"},
           Case{"Opiniones: comprobamos cada opinión antes de publicarla.", "checked"},
           Case{"Anyone can write a review: we do not check whether those reviewers bought from us.", "not_checked"},
           Case{"Trustpilot reviews: invited reviews are from people who bought from us.", "checked"},
           Case{"Så kontrollerar vi recensioner: endast kunder som har köpt produkten hos oss får en inbjudan.", "checked"},
           Case{"Om omdömena: vi kontrollerar ordernumret innan omdömet publiceras.", "checked"},
           Case{"Recensionerna är inte verifierade.", "not_checked"},
           Case{"Verifierad köpare", "claim_only"},
           Case{"Avaliações: enviamos um pedido de avaliação apenas a quem comprou na nossa loja.", "checked"},
           Case{"As avaliações não são verificadas.", "not_checked"},
           Case{"Comprador verificado", "claim_only"},
           Case{"Hodnotenia môžu pridávať len zákazníci, ktorí produkt u nás kúpili.", "checked"},
           Case{"Recenzie: overujeme každé hodnotenie podľa čísla objednávky.", "checked"},
           Case{"Overený nákup", "claim_only"},
           Case{"Recenze produktů: hodnotit mohou pouze zákazníci s dokončenou objednávkou.", "checked"},
       }) {
    auto s = facts_of_page(page(std::string("<section class=\"reviews\"><p>") + c.text + "</p></section>"),
                           "https://shop.example.eu/p/1");
    EXPECT_EQ(kinds(s), std::vector<std::string>{c.kind}) << c.text << "\n" << dump(s);
  }
}

// Look-alikes in the new wording: a return or delivery rule, a newsletter invitation, a
// review form's call and a sentence about reviews without a check say nothing about checking.
TEST(ShopMarkupReviews, StatementLookAlikesInMoreLanguagesSayNothing) {
  for (const char* text : {"Endast kunder som har köpt produkten kan returnera den inom 30 dagar.",
                           "Skriv en recension och hjälp andra kunder.",
                           "Apenas clientes que compraram na loja podem devolver o artigo.",
                           "Escreva uma avaliação sobre este produto.",
                           "Len zákazníci, ktorí u nás nakúpili, dostanú zľavu na dopravu.",
                           "Nach jeder Bestellung erhalten Sie eine Einladung zu unserem Newsletter.",
                           "Wij controleren elke bestelling voordat deze wordt verzonden. Schrijf een review!",
                           "Vi kontrollerar beställningen innan den skickas. Skriv en recension!",
                           "Confirmamos a sua encomenda por e-mail. Deixe a sua avaliação!",
                           "Comprobamos cada pedido antes de enviarlo."}) {
    auto s = facts_of_page(page(std::string("<div class=\"product-info\"><p>") + text + "</p></div>"),
                           "https://shop.example.eu/p/1");
    EXPECT_TRUE(kinds(s).empty()) << text << "\n" << dump(s);
  }
}

TEST(ShopMarkupReviews, HeurekaReviewSnippetAndCertificate) {
  auto s = facts_of_page(
      page("<div class=\"heureka-reviews\"><h2>Recenze obchodu</h2><div class=\"rating\">98 % zákazníků doporučuje</div>"
           "<p class=\"verified\">Ověřeno zákazníky</p><p>156 hodnocení</p></div><div id=\"showHeurekaBadgeHere-12\"></div>"),
      "https://obchod.example.cz/");
  EXPECT_FALSE(shown(s).empty()) << dump(s);
  EXPECT_EQ(kinds(s), std::vector<std::string>{"claim_only"}) << dump(s);
}

// ---- widgets ----

TEST(ShopMarkupReviews, ReviewServiceWidgetsFromTheirMarkupOrLoader) {
  struct Case { const char* vendor; const char* head; const char* body; };
  for (const Case& c : {
           Case{"Trustpilot", "", "<div class=\"trustpilot-widget\" data-locale=\"de-DE\" data-template-id=\"5419b6a8b0d04a076446a9ad\" "
                                  "data-businessunit-id=\"4bdc5ef1000064000505e2b4\" data-style-height=\"24px\"><a href=\"https://de.trustpilot.com/review/shop.example\" target=\"_blank\" rel=\"noopener\">Trustpilot</a></div>"},
           Case{"Trusted Shops", "<script src=\"https://integrations.etrusted.com/applications/widget.js/v2\" defer async></script>",
                "<etrusted-widget data-etrusted-widget-id=\"wdg-52c2b4a0-1111-2222-3333-444455556666\"></etrusted-widget>"},
           Case{"Trusted Shops", "", "<etrusted-product-review-list-widget-product-star-extension></etrusted-product-review-list-widget-product-star-extension>"
                                     "<etrusted-widget data-etrusted-widget-id=\"wdg-1\"></etrusted-widget>"},
           Case{"Judge.me", "", "<div style=\"clear:both\"></div><div id=\"judgeme_product_reviews\" class=\"jdgm-widget jdgm-review-widget jdgm--done-setup\" data-id=\"1\"></div>"},
           Case{"Judge.me", "", "<div class=\"jdgm-widget jdgm-preview-badge\" data-id=\"1\"><div style=\"display:none\" class=\"jdgm-prev-badge\" data-average-rating=\"4.80\" data-number-of-reviews=\"12\"></div></div>"},
           Case{"Yotpo", "", "<div class=\"yotpo yotpo-main-widget\" data-product-id=\"1\" data-name=\"Mug\" data-url=\"https://shop.example/mug\"></div>"},
           Case{"Yotpo", "", "<div class=\"yotpo bottomLine\" data-yotpo-product-id=\"1\"></div>"},
           Case{"Yotpo", "", "<div class=\"yotpo-widget-instance\" data-yotpo-instance-id=\"123456\" data-yotpo-product-id=\"1\"></div>"},
           Case{"eKomi", "<script type=\"text/javascript\" src=\"https://connect.ekomi.de/widget/abcdef.js\"></script>", "<div id=\"eKomiSeal_default\"></div>"},
           Case{"Google Customer Reviews", "<script src=\"https://apis.google.com/js/platform.js?onload=renderBadge\" async defer></script>"
                                           "<script>window.renderBadge = function() { var ratingBadgeContainer = document.createElement(\"div\"); "
                                           "document.body.appendChild(ratingBadgeContainer); window.gapi.load('ratingbadge', function() { "
                                           "window.gapi.ratingbadge.render(ratingBadgeContainer, {\"merchant_id\": 123456, \"position\": \"BOTTOM_RIGHT\"}); }); }</script>", ""},
           Case{"Google Merchant widget", "<script id=\"merchantWidgetScript\" src=\"https://www.gstatic.com/shopping/merchant/merchantwidget.js\" defer></script>"
                                           "<script type=\"text/javascript\">merchantWidgetScript.addEventListener('load', function () { merchantwidget.start({ merchant_id: 123456 }); });</script>", ""},
       }) {
    auto s = facts_of_page(page(std::string("<h1>Mug</h1>") + c.body, c.head), "https://shop.example.eu/products/mug");
    auto w = shown(s, "widget");
    ASSERT_EQ(w.size(), 1u) << c.vendor << " " << c.body << "\n" << dump(s);
    EXPECT_EQ(w[0]->attrs["vendor"], c.vendor);
  }
}

// ---- counter-cases ----

TEST(ShopMarkupReviews, ReviewFormAloneShowsNoReviews) {
  auto s = facts_of_page(
      page("<h1>Mug</h1><section id=\"review-form\"><h3>Write a review</h3><form action=\"/review\" method=\"post\">"
           "<label>Your rating</label><span>&#9734;&#9734;&#9734;&#9734;&#9734;</span><label>Your review</label>"
           "<textarea name=\"body\"></textarea><button>Submit review</button></form></section>"),
      "https://shop.example.eu/products/mug");
  EXPECT_TRUE(shown(s).empty()) << dump(s);
}

TEST(ShopMarkupReviews, ShopwareEmptyReviewBlockShowsNone) {
  auto s = facts_of_page(
      page("<div class=\"product-detail-review\"><div class=\"product-detail-review-teaser\"><h4>Bewertungen</h4>"
           "<p>Noch keine Bewertungen vorhanden. Teilen Sie Ihre Erfahrungen mit anderen Kunden.</p>"
           "<button class=\"btn btn-primary product-detail-review-teaser-btn\">Bewertung schreiben</button></div></div>"),
      "https://shop.example.de/Olivenoel/SW10001");
  EXPECT_TRUE(shown(s).empty()) << dump(s);
}

TEST(ShopMarkupReviews, VerifiedBadgeAloneStaysAClaim) {
  auto s = facts_of_page(
      page("<div class=\"review\"><span class=\"jdgm-rev__buyer-badge\">Verified Buyer</span><p>Great mug.</p></div>"
           "<div class=\"review\"><span class=\"badge\">Verifizierter Kauf</span><p>Super.</p></div>"),
      "https://shop.example.eu/products/mug");
  EXPECT_EQ(kinds(s), std::vector<std::string>{"claim_only"}) << dump(s);
}

}  // namespace
}  // namespace omnicheck::extract

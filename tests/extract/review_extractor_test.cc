// Consumer reviews shown on a page (`reviews_shown`) and what the site says about checking them
// (`review_verification_statement`, `review_policy_link`), over snippets written the way shops
// write them (FR, DE, CS, EN), each with the look-alike that must not count.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

// A page wrapped in the chrome every shop has: a cookie banner, a menu and a footer.
std::string page(const std::string& main, const std::string& head = "", const std::string& footer = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head +
         "</head><body><div id=\"cookie-consent\" class=\"cc-banner\"><p>Nous utilisons des cookies. "
         "<a href=\"#\">Accepter</a></div><header><nav><ul><li><a href=\"/?c=1\">Casseroles</a>"
         "<li><a href=\"/contact\">Contact</a></ul></nav></header><main>" +
         main + "</main><footer><ul><li><a href=\"/mentions-legales\">Mentions légales</a></ul>" + footer +
         "</footer></body></html>";
}

std::vector<const Fact*> shown(const FactStore& s, const std::string& source = "") {
  std::vector<const Fact*> out;
  for (const auto* f : s.of_type("reviews_shown")) {
    if (source.empty() || f->attrs.value("source", std::string()) == source) out.push_back(f);
  }
  return out;
}

const Fact* signal(const FactStore& s, const std::string& name) {
  for (const auto* f : s.of_type("reviews_shown")) {
    if (f->attrs.value("signal", std::string()) == name) return f;
  }
  return nullptr;
}

std::vector<std::string> kinds(const FactStore& s) {
  std::vector<std::string> out;
  for (const auto* f : s.of_type("review_verification_statement")) out.push_back(f->attrs.value("kind", std::string()));
  std::sort(out.begin(), out.end());
  return out;
}

// ---- JSON-LD ----

TEST(ReviewsShown, ProductAggregateRatingInJsonLdWithoutTypeOfItsOwn) {
  auto s = facts_of_page(page("<h1>Poêle en fer 28 cm</h1><p class=\"price\">45,00 €",
                              "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
                              "\"name\":\"Poêle en fer\",\"aggregateRating\":{\"ratingValue\":\"4,6\",\"reviewCount\":\"128\"},"
                              "\"review\":[{\"author\":{\"@type\":\"Person\",\"name\":\"Marc\"},\"reviewBody\":\"Parfaite.\"}]}</script>"),
                         "https://shop.example/produits/poele");
  auto j = shown(s, "jsonld");
  ASSERT_EQ(j.size(), 1u);
  EXPECT_FALSE(j[0]->attrs["visible"].get<bool>());
  EXPECT_EQ(j[0]->attrs["count"], 128);
  EXPECT_DOUBLE_EQ(j[0]->attrs["rating"].get<double>(), 4.6);
  EXPECT_NE(j[0]->attrs["value"].get<std::string>().find("1 Review item"), std::string::npos) << j[0]->attrs.dump();
}

TEST(ReviewsShown, JsonLdWithoutReviewsOrWithZeroIsNone) {
  auto s = facts_of_page(page("<h1>Cuisine Bleue</h1>",
                              "<script type=\"application/ld+json\">[{\"@type\":\"Organization\",\"name\":\"Cuisine Bleue SARL\"},"
                              "{\"@type\":\"Product\",\"name\":\"Couteau\",\"aggregateRating\":{\"@type\":\"AggregateRating\","
                              "\"ratingCount\":0,\"reviewCount\":0}}]</script>"),
                         "https://shop.example/");
  EXPECT_TRUE(shown(s).empty());
}

// ---- widgets ----

TEST(ReviewsShown, WidgetsFromScriptsAndMarkup) {
  auto s = facts_of_page(
      page("<div class=\"trustpilot-widget\" data-locale=\"de-DE\" data-template-id=\"53aa8807dec7e10d38f59f32\" "
           "data-businessunit-id=\"5f0c1e2d3a4b5c6d7e8f9a0b\"><a href=\"https://de.trustpilot.com/review/shop.example\">Trustpilot</a></div>"
           "<div class=\"jdgm-widget jdgm-review-widget\" data-id=\"7012345\"></div>",
           "<script type=\"text/javascript\" src=\"//widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js\" async></script>"),
      "https://shop.example/");
  auto w = shown(s, "widget");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0]->attrs["vendor"], "Trustpilot");
  EXPECT_EQ(w[0]->attrs["found_in"], "script_src");
  EXPECT_EQ(w[1]->attrs["vendor"], "Judge.me");
  EXPECT_EQ(w[1]->attrs["found_in"], "markup");
}

TEST(ReviewsShown, HeurekaCertificateFromItsInlineLoader) {
  auto s = facts_of_page(page("<h1>Vše pro vaši zahradu</h1><div id=\"showHeurekaBadgeHere-11\"></div>",
                              "<script>var _hwq = _hwq || [];\n _hwq.push(['setKey', 'ABCDEF0123456789ABCDEF0123456789']);"
                              "_hwq.push(['showWidget', '22']);</script>"),
                         "https://zahrada.example.cz/");
  auto w = shown(s, "widget");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->attrs["vendor"], "Heureka (Ověřeno zákazníky)");
  // The value is quoted into the rule's message in the report's language: the name alone, no
  // English words around it.
  EXPECT_EQ(w[0]->attrs["value"], "Heureka (Ověřeno zákazníky)");
  EXPECT_EQ(w[0]->attrs["found_in"], "inline_script");
  EXPECT_TRUE(shown(s, "text").empty());
}

TEST(ReviewsShown, NamingAVendorOrItsSurveyOptInIsNoWidget) {
  auto s = facts_of_page(
      page("<p>Retrouvez nos avis sur Trustpilot et eKomi.</p>",
           "<script src=\"https://apis.google.com/js/platform.js?onload=renderOptIn\" async defer></script>"
           "<script>window.renderOptIn = function() { window.gapi.load('surveyoptin', function() {}); }</script>"
           // Heureka's conversion tracking, not its certificate.
           "<script>var _hrq = _hrq || []; _hrq.push(['setKey', 'ABCDEF0123456789']); _hrq.push(['setOrderId', '1001']);"
           "(function() { var ho = document.createElement('script'); ho.src = 'https://im9.cz/js/ext/1-roi-async.js'; })();</script>"),
      "https://shop.example/commande/merci");
  EXPECT_TRUE(shown(s, "widget").empty());
}

// ---- visible text ----

TEST(ReviewsShown, FrenchReviewSectionWithHeadingCountRatingAndStars) {
  auto s = facts_of_page(
      page("<article class=\"card\"><h2>Casserole cuivre 16 cm</h2><p class=\"price\">79,00 €"
           "<p class=\"rating\"><span>&#9733;&#9733;&#9733;&#9733;&#9734;</span> (1&nbsp;234&nbsp;avis)</article>"
           "<section><h2>Avis clients</h2><p>Note moyenne&nbsp;: 4,6/5"
           "<blockquote>« Très belle casserole. » <cite>Sophie M.</cite></blockquote></section>"),
      "https://shop.example/produits/casserole");
  ASSERT_NE(signal(s, "heading"), nullptr);
  EXPECT_EQ(signal(s, "heading")->attrs["value"], "Avis clients");
  EXPECT_EQ(signal(s, "heading")->attrs["region"], "main");
  ASSERT_NE(signal(s, "count"), nullptr);
  EXPECT_EQ(signal(s, "count")->attrs["count"], 1234);
  ASSERT_NE(signal(s, "rating"), nullptr);
  EXPECT_DOUBLE_EQ(signal(s, "rating")->attrs["rating"].get<double>(), 4.6);
  EXPECT_NE(signal(s, "stars"), nullptr);
  EXPECT_NE(signal(s, "count")->evidence.snippet.find("[["), std::string::npos);
}

TEST(ReviewsShown, GermanCustomerReviewsWithRatingOutOfFive) {
  auto s = facts_of_page(page("<section class=\"reviews\"><h2>Kundenbewertungen</h2><div><strong>4,6 von 5 Sternen</strong> "
                              "<span>(1.212 Bewertungen)</span></div><p>„Der Schmortopf ist jeden Cent wert.“</section>"),
                         "https://shop.example.de/");
  ASSERT_NE(signal(s, "heading"), nullptr);
  EXPECT_EQ(signal(s, "count")->attrs["count"], 1212);
  EXPECT_DOUBLE_EQ(signal(s, "rating")->attrs["rating"].get<double>(), 4.6);
}

TEST(ReviewsShown, CzechAndEnglishReviews) {
  auto cs = facts_of_page(page("<h2>Hodnocení zákazníků</h2><p>Hodnocení 4,8 z 5 &middot; 12 hodnocení</p>"),
                          "https://zahrada.example.cz/sazenice/rybiz");
  EXPECT_NE(signal(cs, "heading"), nullptr);
  EXPECT_EQ(signal(cs, "count")->attrs["count"], 12);
  EXPECT_DOUBLE_EQ(signal(cs, "rating")->attrs["rating"].get<double>(), 4.8);
  auto en = facts_of_page(page("<h2>Customer reviews (123)</h2><p>Rated 4.7 out of 5 based on 123 reviews</p>"),
                          "https://shop.example.co.uk/tent");
  EXPECT_NE(signal(en, "heading"), nullptr);
  EXPECT_EQ(signal(en, "count")->attrs["count"], 123);
  EXPECT_DOUBLE_EQ(signal(en, "rating")->attrs["rating"].get<double>(), 4.7);
}

TEST(ReviewsShown, TestimonialUnderAReviewsHeadingCounts) {
  auto s = facts_of_page(page("<section><h2>Ce que disent nos clients</h2>"
                              "<blockquote>« Un service impeccable, je recommande ! » — Claire, Nantes</blockquote></section>"),
                         "https://shop.example/");
  ASSERT_EQ(shown(s).size(), 1u);
  EXPECT_EQ(shown(s)[0]->attrs["signal"], "heading");
}

// Look-alikes: none of these shows a consumer review.
TEST(ReviewsShown, LookAlikesAreNoReviews) {
  const char* const kPages[] = {
      // A lone testimonial quote, no rating, no reviews heading: marketing copy as far as the
      // text tells (documented in review_extractor.cc).
      "<p class=\"quote\">« Un service impeccable, je recommande ! » — Claire, Nantes</p>",
      // Calls to write a review or rate the newsletter.
      "<p><a href=\"/avis/ecrire\">Écrire un avis</a> · <a href=\"/reviews/new\">Write a review</a></p>"
      "<p>Notre newsletter vous plaît ? Donnez-nous votre avis ! Rate us on the App Store.</p>",
      // "Bewertung" as valuation.
      "<h2>Kostenlose Bewertung Ihres Altgoldes</h2><p>Wir bieten eine unverbindliche Bewertung Ihrer Schmuckstücke an.</p>",
      // A shop's own product test, and a blog article that quotes a number of reviews in prose.
      "<h1>Recenze sekačky Honda HRX 476</h1><p>Vyzkoušeli jsme sekačku na naší zahradě a v této recenzi shrnujeme, "
      "co nás potěšilo a co méně. Přečetli jsme také 500 hodnocení z různých obchodů, abychom pochopili, co zákazníci od "
      "sekačky očekávají, a výsledek vás možná překvapí.</p>",
      // A lone star icon, a step counter, nothing reviewed yet.
      "<p><span>&#9733;</span> Bestseller</p><p>Schritt 2/5: Lieferadresse</p><p>0 avis · Soyez le premier à donner votre avis</p>",
  };
  for (const char* main : kPages) {
    auto s = facts_of_page(page(main), "https://shop.example/blog/article");
    EXPECT_TRUE(shown(s).empty()) << main << "\n" << (shown(s).empty() ? "" : shown(s)[0]->attrs.dump());
  }
}

// The reviews tab of a product nobody has reviewed yet.
TEST(ReviewsShown, AnEmptyReviewsTabShowsNone) {
  const char* const kPages[] = {
      ("<div class=\"tabs\"><h3>Bewertungen</h3><p>Noch keine Bewertungen vorhanden. Seien Sie die Erste und teilen Sie Ihre "
       "Erfahrungen mit anderen Kunden.</p><div class=\"stars\">&#9734;&#9734;&#9734;&#9734;&#9734;</div></div>"),
      "<h2>Reviews (0)</h2><p>There are no reviews yet.</p>",
      "<h2>Avis clients</h2><p>Aucun avis pour le moment. Soyez le premier à donner votre avis !</p>",
      "<h2>Hodnocení produktu</h2><p>Zatím žádné hodnocení. Buďte první, kdo produkt ohodnotí.</p>",
  };
  for (const char* main : kPages) {
    auto s = facts_of_page(page(main), "https://shop.example/produkt");
    EXPECT_TRUE(shown(s).empty()) << main << "\n" << (shown(s).empty() ? "" : shown(s)[0]->attrs.dump());
  }
}

TEST(ReviewsShown, HeadingsInMenusAndFooterLinksAreNoReviews) {
  auto s = facts_of_page("<html><body><nav><ul><li><a href=\"/recenze\">Recenze</a></ul></nav><main><h1>Kontakt</h1></main>"
                         "<footer><ul><li><a href=\"/avis-clients\">Avis clients</a><li>Kundenbewertungen</ul></footer></body></html>",
                         "https://shop.example/kontakt");
  EXPECT_TRUE(shown(s).empty()) << shown(s)[0]->attrs.dump();
}

// ---- verification statements ----

TEST(ReviewStatements, HowReviewsAreCheckedInFourLanguages) {
  const char* const kChecked[] = {
      "<p>Les avis sont contrôlés avant publication par notre équipe : seuls les clients ayant commandé peuvent déposer un avis.</p>",
      "<p>Bewertungen stammen nur von Kunden, die das Produkt bei uns gekauft haben; wir prüfen dazu die Bestellnummer.</p>",
      "<p>Recenze mohou psát pouze zákazníci, kteří zboží zakoupili v našem obchodě.</p>",
      "<p>Only customers who bought the product can leave a review (verified purchase).</p>",
      "<p>Only verified customers can leave a review.</p>",
      "<p>Hodnocení mohou přidávat pouze zákazníci s dokončenou objednávkou.</p>",
  };
  for (const char* main : kChecked) {
    auto s = facts_of_page(page(main), "https://shop.example/avis");
    EXPECT_EQ(kinds(s), std::vector<std::string>{"checked"}) << main;
  }
}

TEST(ReviewStatements, TheSameWordingAboutReturnsOrOrdersIsNoStatement) {
  const char* const kPages[] = {
      "<p>Only customers who bought the product directly from us can return it within 30 days.</p>",
      "<p>Une confirmation vous est envoyée par e-mail après votre commande.</p>",
      "<p>Nur Kunden, die bei uns bestellt haben, erhalten den Rabattcode.</p>",
  };
  for (const char* main : kPages) {
    auto s = facts_of_page(page(main), "https://shop.example/faq");
    EXPECT_TRUE(kinds(s).empty()) << main;
  }
  // Under a heading about reviews, the same kind of sentence is the statement.
  auto s = facts_of_page(page("<h3>Comment sont collectés les avis ?</h3><p>Seuls les clients ayant commandé peuvent en déposer un.</p>"),
                         "https://shop.example/faq");
  EXPECT_EQ(kinds(s), std::vector<std::string>{"checked"});
}

TEST(ReviewStatements, TheStatementQuotesItsSentence) {
  auto s = facts_of_page(page("<p>Merci pour vos retours. Seuls les clients ayant commandé chez nous peuvent déposer un avis : "
                              "une invitation leur est envoyée après la livraison. Les avis négatifs sont publiés aussi.</p>"),
                         "https://shop.example/faq");
  auto st = s.of_type("review_verification_statement");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0]->attrs["value"],
            "Seuls les clients ayant commandé chez nous peuvent déposer un avis : une invitation leur est envoyée après la livraison.");
}

TEST(ReviewStatements, SayingReviewsAreNotCheckedIsAStatementAndNoCheck) {
  const char* const kNotChecked[] = {
      "<p>Hinweis: Die Bewertungen werden nicht auf ihre Echtheit überprüft.</p>",
      "<p>Avis non vérifiés : ils sont publiés tels que reçus.</p>",
      "<p>Please note that reviews are not verified by us.</p>",
      "<p>Recenze nejsou ověřovány.</p>",
      "<p>Angezeigt werden auch nicht verifizierte Bewertungen.</p>",
  };
  for (const char* main : kNotChecked) {
    auto s = facts_of_page(page(main), "https://shop.example/");
    EXPECT_EQ(kinds(s), std::vector<std::string>{"not_checked"}) << main;
  }
}

TEST(ReviewStatements, VerifiedBadgesAreBareClaims) {
  auto s = facts_of_page(page("<div class=\"review\"><span class=\"badge\">Verifizierter Kauf</span><p>Sehr schön.</div>"
                              "<div class=\"review\"><span class=\"badge\">Verified buyer</span><p>Great.</div>"
                              "<div class=\"review\"><span>Ověřený nákup</span><p>Super.</div>"
                              "<p class=\"summary\">4,6/5 · 37 avis <span>Avis vérifiés</span>"),
                         "https://shop.example/");
  EXPECT_EQ(kinds(s), (std::vector<std::string>{"claim_only", "claim_only", "claim_only", "claim_only"}));
}

TEST(ReviewStatements, ABadgeRepeatedOnEveryReviewIsKeptFiveTimesAPage) {
  std::string list;
  for (int i = 0; i < 8; ++i) list += "<div class=\"review\"><span class=\"badge\">Verified buyer</span><p>Review " + std::to_string(i) + "</div>";
  auto s = facts_of_page(page(list), "https://shop.example/");
  EXPECT_EQ(kinds(s).size(), 5u);
}

TEST(ReviewStatements, ConsentBannerIsNotRead) {
  auto s = facts_of_page("<html><body><div id=\"cookie-consent\" class=\"cc-banner\"><p>Only customers who bought the product "
                         "can leave a review: we use cookies for that.</p></div><main><h1>Shop</h1></main></body></html>",
                         "https://shop.example/");
  EXPECT_TRUE(kinds(s).empty());
}

TEST(ReviewStatements, LinksToAPageAboutTheReviewsAndWhetherItWasRead) {
  auto s = facts_of_page(page("<h2>Avis clients</h2><p><a href=\"/service-client#avis\">Comment sont collectés les avis ?</a>"
                              "<p><a href=\"#echtheit\">Hinweise zur Echtheit der Bewertungen</a>"
                              "<p><a href=\"/a-propos\">Qui sommes-nous ?</a>"),
                         "https://shop.example/");
  auto links = s.of_type("review_policy_link");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0]->attrs["url"], "https://shop.example/service-client");
  EXPECT_FALSE(links[0]->attrs["target_fetched"].get<bool>());
  EXPECT_TRUE(links[1]->attrs["target_fetched"].get<bool>());  // the page itself
}

}  // namespace
}  // namespace omnicheck::extract

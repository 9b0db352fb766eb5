// Text a consumer cannot see is not on the page (issue 17): hidden by the page's own stylesheet,
// transparent, zero-sized, off-screen, or in the colour of its background. Each case has its
// counter-case that stays visible: responsive classes a media query shows, print-only rules,
// screen-reader-only labels, aria-hidden text, white text on a dark or unknown background.
#include <gtest/gtest.h>

#include "html/html.h"
#include "html/page_styles.h"

namespace omnicheck::html {
namespace {

fetch::Page page_of(std::string body, std::string url = "https://boutique.example.fr/mentions-legales") {
  fetch::Page p;
  p.requested_url = p.final_url = std::move(url);
  p.status = 200;
  p.content_type = "text/html";
  p.body = std::move(body);
  return p;
}

bool shows(const Document& d, const std::string& s) { return d.text.find(s) != std::string::npos; }

TEST(PageStyles, LegalNoticeHiddenByAClassRuleIsNotOnThePage) {
  Document d = parse(page_of(R"HTML(<!doctype html><html lang="fr"><head>
<style>
  /* mentions légales repliées */
  .mentions-bloc { display : none !important }
  .footer-links a{color:#333}
</style></head><body>
<main><h1>Mentions légales</h1>
<div class="entry-content mentions-bloc"><p>Éditeur : Lumière &amp; Fils SAS, 12 rue des Lilas, 69003 Lyon</p>
<p>RCS Lyon 812 345 678</p></div>
<p>Pour toute question, écrivez-nous.</p></main></body></html>)HTML"));
  EXPECT_FALSE(shows(d, "Lumière & Fils SAS")) << d.text;
  EXPECT_FALSE(shows(d, "812 345 678")) << d.text;
  EXPECT_TRUE(shows(d, "écrivez-nous")) << d.text;
}

TEST(PageStyles, ResponsiveAndPrintRulesLeaveTextVisible) {
  Document d = parse(page_of(R"HTML(<html><head><style>
.d-none{display:none!important}
@media (min-width:768px){.d-md-block{display:block!important}}
@media print{.no-print{display:none}}
.footer .impressum-toggle{display:none}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
</style>
<noscript><style>.js-reveal{display:none}</style></noscript></head><body>
<div class="d-none d-md-block">Bergsport Huber GmbH, Innstraße 12, 6020 Innsbruck</div>
<div class="no-print">Telefon +43 512 123456</div>
<div class="footer"><span class="impressum-toggle">UID ATU12345678</span></div>
<span class="sr-only">Normaler Preis</span>
<div class="js-reveal">Firmenbuch FN 123456a</div>
<p aria-hidden="true">Landesgericht Innsbruck</p>
</body></html>)HTML"));
  EXPECT_TRUE(shows(d, "Bergsport Huber GmbH")) << d.text;  // shown from 768 px on
  EXPECT_TRUE(shows(d, "+43 512 123456")) << d.text;        // hidden only in print
  EXPECT_TRUE(shows(d, "ATU12345678")) << d.text;           // descendant selector: not decided
  EXPECT_TRUE(shows(d, "Normaler Preis")) << d.text;        // screen-reader label, not a hiding trick
  EXPECT_TRUE(shows(d, "FN 123456a")) << d.text;            // <noscript> styles do not apply
  EXPECT_TRUE(shows(d, "Landesgericht Innsbruck")) << d.text;  // aria-hidden hides from readers, not eyes
}

TEST(PageStyles, TransparentTinyAndOffScreenTextIsHidden) {
  Document d = parse(page_of(R"HTML(<body>
<p style="opacity:0">Kavárna Doma s.r.o.</p>
<p style="opacity: 0.85">Na Příkopě 12, 110 00 Praha 1</p>
<p style="font-size:0px">IČO 27074358</p>
<p style="font-size:0.9em">DIČ CZ27074358</p>
<div style="position:absolute; left:-9999px">info@kavarna-doma.cz</div>
<div style="position:relative; left:-12px">+420 777 123 456</div>
<h1 class="logo" style="text-indent:-9999px">Kavárna Doma</h1>
<div class="legal">Obchodní podmínky</div><style>.legal{visibility : hidden}</style>
</body>)HTML"));
  EXPECT_FALSE(shows(d, "Kavárna Doma s.r.o.")) << d.text;
  EXPECT_TRUE(shows(d, "Na Příkopě 12")) << d.text;
  EXPECT_FALSE(shows(d, "IČO 27074358")) << d.text;
  EXPECT_TRUE(shows(d, "DIČ CZ27074358")) << d.text;
  EXPECT_FALSE(shows(d, "info@kavarna-doma.cz")) << d.text;
  EXPECT_TRUE(shows(d, "+420 777 123 456")) << d.text;
  EXPECT_FALSE(shows(d, "Obchodní podmínky")) << d.text;  // a <style> in the body applies too
}

TEST(PageStyles, TextInTheColourOfItsBackgroundIsHidden) {
  Document d = parse(page_of(R"HTML(<body>
<div style="background-color:#FFF"><p style="color: white">Rheinland Teehandel GmbH, Amtsgericht Köln HRB 98765</p></div>
<div style="color:rgb(255, 255, 255); background: #ffffff">Geschäftsführer: Jan Peters</div>
<footer style="background:#1a1a1a;color:#fff"><p>Rheinland Tee, Domstraße 4, 50668 Köln</p></footer>
<div style="background:var(--footer-bg)"><p style="color:#fff">Telefon 0221 998877</p></div>
<div style="background:#fff url(/img/paper.png) repeat"><p style="color:#000">USt-IdNr. DE123456789</p></div>
</body>)HTML"));
  EXPECT_FALSE(shows(d, "HRB 98765")) << d.text;
  EXPECT_FALSE(shows(d, "Jan Peters")) << d.text;
  EXPECT_TRUE(shows(d, "Domstraße 4")) << d.text;      // white on dark
  EXPECT_TRUE(shows(d, "0221 998877")) << d.text;      // white on a background the page does not tell
  EXPECT_TRUE(shows(d, "DE123456789")) << d.text;      // black on white
}

TEST(PageStyles, AFormHiddenByAClassIsRecordedAsHidden) {
  Document d = parse(page_of(R"HTML(<html><head><style>.kontakt-wrap{display:none}</style></head><body>
<div class="kontakt-wrap"><form action="/kontakt" method="post"><input type="email" name="email">
<textarea name="nachricht"></textarea><button>Senden</button></form></div></body></html>)HTML"));
  ASSERT_EQ(d.forms.size(), 1u);
  EXPECT_FALSE(d.forms[0].visible);
  EXPECT_NE(d.forms[0].hidden_by.find("kontakt-wrap{display:none}"), std::string::npos) << d.forms[0].hidden_by;
}

TEST(PageStyles, ColoursNormalise) {
  EXPECT_EQ(normalize_color("#FFF"), "#ffffff");
  EXPECT_EQ(normalize_color("White"), "#ffffff");
  EXPECT_EQ(normalize_color("rgb(255 255 255)"), "#ffffff");
  EXPECT_EQ(normalize_color("rgba(255,255,255,0.4)"), "");  // translucent: the background shows through
  EXPECT_EQ(normalize_color("var(--x)"), "");
  EXPECT_EQ(hiding_declaration(parse_declarations("display: none !important")), "display:none");
  EXPECT_EQ(hiding_declaration(parse_declarations("left:-9999px")), "");  // not positioned: stays in flow
}

}  // namespace
}  // namespace omnicheck::html

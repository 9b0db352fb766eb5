#include <gtest/gtest.h>

#include <map>

#include "html/email_protection.h"
#include "html/html.h"

namespace omnicheck::html {
namespace {

fetch::Page page_of(std::string body, std::string url = "https://shop.example.fr/contact", std::string charset = "") {
  fetch::Page p;
  p.requested_url = p.final_url = std::move(url);
  p.status = 200;
  p.content_type = "text/html";
  p.charset = std::move(charset);
  p.body = std::move(body);
  return p;
}

const char* kMessyShop = R"HTML(<!doctype html><html lang="fr"><head><title>Contact &ndash; Maison</title>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>
<script type="application/ld+json">{"@type":"Organization","name":"Maison"}</script>
<base href="/boutique/"></head><body>
<div id="cookie-consent" class="cc-banner"><p>Nous utilisons des cookies. <a href="/cookies">En savoir plus</a></div>
<header class="site-header"><nav><ul><li><a href="contact">Nous&nbsp;contacter</a><li><a href="javascript:void(0)">Menu</a></ul></nav></header>
<main><h1>Contact</h1><p>Siège social&nbsp;:<br>14 rue de la République<br>69002 Lyon
<form action="/contact/envoyer" method="POST"><input type="email" name="email"><textarea name="message"></textarea></form>
<p style="display:none">caché</p>
</main>
<div class="footer-links"><a href="../mentions-legales.html#top"><span>Mentions</span> légales</a> | <a href="/cgv">CGV</a>
<a href="mailto:contact@maison.fr" aria-label="E-mail"><svg><title>mail</title></svg></a></div>
</body></html>)HTML";

TEST(HtmlDocument, BuildsTextBlocksRegionsAndLinks) {
  Document d = parse(page_of(kMessyShop));
  EXPECT_EQ(d.lang, "fr");
  EXPECT_EQ(d.title, "Contact – Maison");
  ASSERT_EQ(d.jsonld.size(), 1u);
  EXPECT_NE(d.text.find("Siège social :\n14 rue de la République\n69002 Lyon"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("caché"), std::string::npos);
  EXPECT_EQ(d.text.find("dataLayer"), std::string::npos);

  auto pos = d.text.find("Nous utilisons");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_EQ(d.region_at(pos), "consent");
  EXPECT_EQ(d.region_at(d.text.find("Nous contacter")), "nav");
  EXPECT_EQ(d.region_at(d.text.find("69002")), "main");
  EXPECT_EQ(d.region_at(d.text.find("Mentions")), "footer");

  auto find_link = [&](const std::string& text) -> const Link* {
    for (const auto& l : d.links) if (l.text == text) return &l;
    return nullptr;
  };
  const Link* contact = find_link("Nous contacter");
  ASSERT_NE(contact, nullptr);
  EXPECT_EQ(contact->url, "https://shop.example.fr/boutique/contact");  // <base href> honoured
  EXPECT_EQ(contact->region, "nav");
  const Link* legal = find_link("Mentions légales");
  ASSERT_NE(legal, nullptr);
  EXPECT_EQ(legal->url, "https://shop.example.fr/mentions-legales.html");
  EXPECT_EQ(legal->region, "footer");
  EXPECT_EQ(legal->locator, "body > div.footer-links:nth-of-type(2) > a:nth-of-type(1)");
  const Link* mail = find_link("E-mail");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->url, "mailto:contact@maison.fr");
  EXPECT_EQ(find_link("Menu")->url, "");  // javascript: is not a link to follow

  ASSERT_EQ(d.forms.size(), 1u);
  EXPECT_EQ(d.forms[0].action, "https://shop.example.fr/contact/envoyer");
  EXPECT_EQ(d.forms[0].method, "post");
  EXPECT_EQ(d.forms[0].fields, (std::vector<std::string>{"email:email", "textarea:message"}));
}

// A hostile page of 20,000 nested elements overflowed the stack. Past the depth browsers build
// (512) the content is read as plain text, and the document says so (issue 16); past 4,096 the
// page is read only up to there (NestingGuard).
TEST(HtmlDocument, DeepNestingIsReadFlatPastTheBrowsersDepth) {
  std::string body = "<!doctype html><html><body><p>Kontakt: info@werkstatt-test.de</p>";
  for (int i = 0; i < 3000; ++i) body += i % 3 == 0 ? "<div>" : i % 3 == 1 ? "<section>" : "<span>";
  body += "Tel. 030 1234567";
  body += "</body></html>";
  Document d = parse(page_of(body));
  EXPECT_NE(d.text.find("info@werkstatt-test.de"), std::string::npos);
  EXPECT_NE(d.text.find("Tel. 030 1234567"), std::string::npos);
  EXPECT_NE(d.limit_note.find("512"), std::string::npos);
  // Counter-case: an ordinary page, however nested its theme, reads whole with no note.
  std::string ok = "<!doctype html><html><body>";
  for (int i = 0; i < 60; ++i) ok += "<div>";
  ok += "<a href=\"/impressum\">Impressum</a></body></html>";
  Document o = parse(page_of(ok));
  EXPECT_TRUE(o.limit_note.empty());
  ASSERT_EQ(o.links.size(), 1u);
}

// Every element's place among many same-tag siblings (a mail body of thousands of paragraphs,
// a product list), with the one element of its tag left unnumbered.
TEST(HtmlDocument, LocatorsNumberSameTagSiblingsAmongThousands) {
  std::string body = "<!doctype html><html><body><div><span><a href=\"/first\">first</a></span>";
  for (int i = 1; i <= 5000; ++i) body += "<a href=\"/p" + std::to_string(i) + "\">item " + std::to_string(i) + "</a>";
  body += "</div></body></html>";
  Document d = parse(page_of(body));
  ASSERT_EQ(d.links.size(), 5001u);
  EXPECT_EQ(d.links[0].locator, "body > div > span > a");
  EXPECT_EQ(d.links[4321].locator, "body > div > a:nth-of-type(4321)");
  EXPECT_EQ(d.links[5000].locator, "body > div > a:nth-of-type(5000)");
}

TEST(HtmlDocument, LinkOffsetPointsAtItsFirstCharacter) {
  Document d = parse(page_of("<p>E-Mail: <a href=\"mailto:info@shop.de\">info@shop.de</a> oder <b>Tel.</b> <a href=\"tel:+4930\">030</a></p>"));
  ASSERT_EQ(d.links.size(), 2u);
  for (const auto& l : d.links) EXPECT_EQ(d.text.substr(l.offset, l.text.size()), l.text);
}

// Shop top bars put links side by side with no space between them (CSS spaces them on screen);
// their texts must stay apart, or "777 123 456" and "obchod@…" read as "456obchod@…". Text inside
// one link, and a link glued to the word after it, keep their spelling.
TEST(HtmlDocument, AdjacentLinksAreSeparateWords) {
  Document d = parse(page_of(
      "<div class=\"top-navigation-contacts\"><a href=\"tel:+420777123456\"><span>777 123 456</span></a>"
      "<a href=\"mailto:obchod@cajovnalipa.cz\"><span>obchod@cajovnalipa.cz</span></a></div>"
      "<p><a href=\"/kontakty/\">Kontakt</a>y a <a href=\"/a\"><b>Ob</b>chodní</a> podmínky</p>"));
  EXPECT_NE(d.text.find("777 123 456 obchod@cajovnalipa.cz"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("Kontakty a Obchodní podmínky"), std::string::npos) << d.text;
  ASSERT_EQ(d.links.size(), 4u);
  for (const auto& l : d.links) EXPECT_EQ(d.text.substr(l.offset, l.text.size()), l.text);
}

// An inline element with a display utility class (Bootstrap's d-block / d-flex, Tailwind's
// block) is a line of its own on screen; other inline elements keep joining the text around them.
TEST(HtmlDocument, InlineElementWithABlockUtilityClassIsALineOfItsOwn) {
  Document d = parse(page_of(
      "<div class=\"price\"><span class=\"pricePerUnit\">100 g | 11,50 &euro;/100 g</span><span class=\"d-block small\">"
      "Niedrigster Preis der letzten 30 Tage: 12,90 &euro;</span></div>"
      "<p><span class=\"block\">Lun.</span><span class=\"text-muted\">9h</span><span class=\"d-inline\">-18h</span></p>"));
  EXPECT_NE(d.text.find("100 g | 11,50 €/100 g\nNiedrigster Preis"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("Lun.\n9h-18h"), std::string::npos) << d.text;
}

// Cookie banners whose class glues "cookie" to another word (Shoptet's "siteCookies__form",
// "cookiebar") are consent regions too; a product called "Fortune cookies" in the text is not.
TEST(HtmlDocument, CookieBannerWithAGluedClassNameIsConsent) {
  Document d = parse(page_of(
      "<div class=\"siteCookies__form\"><p>Tento web používá soubory cookie. <a href=\"/zasady/\">Zásady</a></p></div>"
      "<div id=\"cookiebar\"><p>Wir verwenden Cookies.</p></div>"
      "<main><p class=\"product-name\">Fortune cookies, 200 g</p></main>"));
  EXPECT_EQ(d.region_at(d.text.find("Tento web")), "consent") << d.text;
  EXPECT_EQ(d.region_at(d.text.find("Wir verwenden")), "consent") << d.text;
  EXPECT_EQ(d.region_at(d.text.find("Fortune")), "main") << d.text;
}

TEST(HtmlCharset, LegacyEightBitPagesBecomeUtf8) {
  // "Müller & Söhne GmbH – Straße" in windows-1252 (0x96 is the en dash there).
  std::string w1252 = "<meta charset=\"windows-1252\"><p>M\xFCller &amp; S\xF6hne GmbH \x96 Stra\xDF" "e</p>";
  Document d = parse(page_of(w1252));
  EXPECT_EQ(d.charset, "WINDOWS-1252");
  EXPECT_EQ(d.text, "Müller & Söhne GmbH – Straße");

  // "Kavárna, Vinohradská, Říčany" in iso-8859-2 declared by the HTTP header only.
  std::string l2 = "<p>Kav\xE1rna, Vinohradsk\xE1, \xD8\xED\xE8\x61ny</p>";
  Document d2 = parse(page_of(l2, "https://k.cz/", "ISO-8859-2"));
  EXPECT_EQ(d2.text, "Kavárna, Vinohradská, Říčany");

  // The same words in windows-1250 (Ř is 0xD8 in both, š differs: 0x9A vs 0xB9).
  std::string w1250 = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\"><p>\x8A\x9A p\xF8ilo\x9Eit</p>";
  EXPECT_EQ(parse(page_of(w1250)).text, "Šš přiložit");

  // Undeclared and not valid UTF-8: the web's legacy default.
  EXPECT_EQ(parse(page_of("<p>caf\xE9</p>")).text, "café");
  // A UTF-8 BOM wins over a wrong declaration.
  EXPECT_EQ(parse(page_of("\xEF\xBB\xBF<meta charset=iso-8859-1><p>caf\xC3\xA9</p>")).text, "café");
}

TEST(HtmlText, EmailBodiesBecomeReadableText) {
  EXPECT_EQ(html_to_text("<table><tr><td>Merci de ne pas r&eacute;pondre.</td></tr><tr><td>Maison Lumi&egrave;re SAS</td></tr></table>"),
            "Merci de ne pas répondre.\nMaison Lumière SAS");
}

// The spans the price extractor reads: struck text and price-classed elements, with the class
// strings kept for extract to judge; long or digit-free runs are not recorded.
TEST(HtmlMarks, StruckTextAndPriceClassesAreRecordedWithTheirOffsets) {
  Document d = parse(page_of(
      "<div class=\"price price--on-sale\"><s class=\"price-item price-item--regular\">&pound;11.50</s> "
      "<span class=\"price-item price-item--sale\">&pound;8.99</span></div>"
      "<p><del>79,90&nbsp;&euro;</del> <strike>12 €</strike> <span style=\"Text-Decoration: Line-Through\">9,99 €</span>"
      "<span class=\"streichpreis\">49,95 €</span> <span class=\"prix-barre text-muted\">219,00 €</span></p>"
      "<p><s>Nur solange der Vorrat reicht</s> <span class=\"text-center\">12 Stück</span>"
      "<span class=\"price\" style=\"display:none\">1,00 €</span></p>"
      "<div class=\"old-price\"><p>" + std::string(300, 'x') + " 5 €</p></div>"));
  auto text_of = [&](const Mark& m) { return d.text.substr(m.begin, m.end - m.begin); };
  std::vector<std::string> texts;
  for (const auto& m : d.marks) texts.push_back(text_of(m));
  EXPECT_EQ(texts, (std::vector<std::string>{"£11.50 £8.99", "£11.50", "£8.99", "79,90 €", "12 €", "9,99 €",
                                             "49,95 €", "219,00 €"}))
      << d.text;
  ASSERT_EQ(d.marks.size(), 8u);
  // The sale container is kept as the context of the struck regular price inside it.
  EXPECT_EQ(d.marks[0].classes, "price price--on-sale");
  EXPECT_FALSE(d.marks[0].struck);
  EXPECT_TRUE(d.marks[1].struck);
  EXPECT_EQ(d.marks[1].classes, "price-item price-item--regular");
  EXPECT_EQ(d.marks[1].context, "price price--on-sale");
  EXPECT_EQ(d.marks[2].struck, false);
  EXPECT_EQ(d.marks[2].context, "price price--on-sale");
  for (std::size_t i : {3u, 4u, 5u}) {
    EXPECT_TRUE(d.marks[i].struck) << texts[i];
    EXPECT_EQ(d.marks[i].classes, "") << texts[i];
  }
  EXPECT_FALSE(d.marks[6].struck);
  EXPECT_EQ(d.marks[6].classes, "streichpreis");
  EXPECT_EQ(d.marks[7].classes, "prix-barre text-muted");
  // Struck words without a digit, hidden prices, and long runs are not recorded.
  for (const auto& t : texts) EXPECT_EQ(t.find("Vorrat"), std::string::npos);
}


// Form plugins wrap their forms in containers a script reveals (Gravity Forms renders its wrapper
// with style="display:none" until its conditional logic ran; a Bootstrap modal is aria-hidden
// until opened): the form is still recorded, marked hidden, with what hid it. A honeypot field
// hidden inside the form is not one of its fields.
TEST(HtmlForms, FormsInsideScriptRevealedWrappersAreRecorded) {
  Document d = parse(page_of(R"HTML(<main><h2>Kontaktieren Sie uns</h2>
<div class='gf_browser_chrome gform_wrapper gravity-theme' data-form-theme='gravity-theme' id='gform_wrapper_3' style='display:none'>
<form method='post' enctype='multipart/form-data' id='gform_3' action='/kontakt/' data-formid='3' novalidate>
<div class='gform-body gform_body'><div id='gform_fields_3' class='gform_fields top_label'>
<div id='field_3_1' class='gfield gfield--type-text'><label class='gfield_label' for='input_3_1'>Name</label>
<div class='ginput_container'><input name='input_1' id='input_3_1' type='text' value=''></div></div>
<div id='field_3_2' class='gfield gfield--type-email'><label class='gfield_label' for='input_3_2'>E-Mail</label>
<div class='ginput_container'><input name='input_2' id='input_3_2' type='email' value=''></div></div>
<div id='field_3_3' class='gfield gfield--type-textarea'><label class='gfield_label' for='input_3_3'>Ihre Nachricht</label>
<div class='ginput_container'><textarea name='input_3' id='input_3_3' rows='10' cols='50'></textarea></div></div>
<div id='field_3_9' class='gfield gfield--type-honeypot gform_validation_container' style='display:none'><label for='input_3_9'>Phone</label>
<input name='input_9' id='input_3_9' type='text' value='' autocomplete='new-password'></div>
</div></div>
<div class='gform_footer top_label'><input type='submit' id='gform_submit_button_3' class='gform_button button' value='Absenden'></div>
</form></div>
<p>Sichtbarer Text</p></main>
<div class="modal fade" id="contactModal" tabindex="-1" aria-hidden="true"><div class="modal-dialog"><div class="modal-content">
<h5 class="modal-title">Nous écrire</h5>
<form action="/contact/send" method="post"><input type="email" name="email" placeholder="Votre e-mail"><textarea name="message"></textarea>
<div hidden><input type="text" name="website"></div><button type="submit">Envoyer</button></form></div></div></div>)HTML",
                             "https://shop.example.de/kontakt/"));
  ASSERT_EQ(d.forms.size(), 2u);
  const Form& gf = d.forms[0];
  EXPECT_EQ(gf.action, "https://shop.example.de/kontakt/");
  EXPECT_EQ(gf.fields, (std::vector<std::string>{"text:input_1", "email:input_2", "textarea:input_3", "submit"}));
  EXPECT_FALSE(gf.visible);
  EXPECT_NE(gf.hidden_by.find("gform_wrapper_3"), std::string::npos) << gf.hidden_by;
  EXPECT_NE(gf.hidden_by.find("display:none"), std::string::npos) << gf.hidden_by;
  EXPECT_NE(gf.text.find("Ihre Nachricht"), std::string::npos) << gf.text;
  EXPECT_NE(gf.text.find("Absenden"), std::string::npos) << gf.text;
  EXPECT_EQ(gf.heading, "Kontaktieren Sie uns");
  EXPECT_NE(gf.attrs.find("gform_wrapper"), std::string::npos) << gf.attrs;
  const Form& modal = d.forms[1];
  EXPECT_FALSE(modal.visible);
  EXPECT_NE(modal.hidden_by.find("aria-hidden"), std::string::npos) << modal.hidden_by;
  EXPECT_EQ(modal.fields, (std::vector<std::string>{"email:email", "textarea:message"}));
  EXPECT_EQ(modal.heading, "Nous écrire");
  EXPECT_NE(modal.text.find("Envoyer"), std::string::npos) << modal.text;
  EXPECT_NE(modal.text.find("Votre e-mail"), std::string::npos) << modal.text;
  // Hidden wrappers still keep their text out of the page text.
  EXPECT_EQ(d.text.find("Ihre Nachricht"), std::string::npos);
  EXPECT_EQ(d.text.find("Nous écrire"), std::string::npos);
  EXPECT_NE(d.text.find("Sichtbarer Text"), std::string::npos);
}

TEST(HtmlForms, VisibleFormsAreVisibleAndCarryTheirOwnWrappers) {
  Document d = parse(page_of(R"HTML(<div class="wpcf7 no-js" id="wpcf7-f112-p40-o1" lang="fr-FR" dir="ltr">
<div class="screen-reader-response"><p role="status" aria-live="polite" aria-atomic="true"></p><ul></ul></div>
<form action="/contact/#wpcf7-f112-p40-o1" method="post" class="wpcf7-form init" aria-label="Formulaire de contact" novalidate="novalidate" data-status="init">
<div style="display: none;"><input type="hidden" name="_wpcf7" value="112"><input type="hidden" name="_wpcf7_version" value="5.9.3"></div>
<p><label> Votre nom<br><span class="wpcf7-form-control-wrap" data-name="your-name"><input size="40" class="wpcf7-form-control wpcf7-text" aria-required="true" value="" type="text" name="your-name"></span></label></p>
<p><label> Votre message (facultatif)<br><span class="wpcf7-form-control-wrap" data-name="your-message"><textarea cols="40" rows="10" class="wpcf7-form-control wpcf7-textarea" name="your-message"></textarea></span></label></p>
<p><input class="wpcf7-form-control wpcf7-submit has-spinner" type="submit" value="Envoyer"></p>
</form></div>)HTML"));
  ASSERT_EQ(d.forms.size(), 1u);
  EXPECT_TRUE(d.forms[0].visible);
  EXPECT_EQ(d.forms[0].hidden_by, "");
  // The hidden plugin inputs inside the form's own display:none block are not its fields.
  EXPECT_EQ(d.forms[0].fields, (std::vector<std::string>{"text:your-name", "textarea:your-message", "submit"}));
  EXPECT_NE(d.forms[0].attrs.find("wpcf7"), std::string::npos) << d.forms[0].attrs;
  EXPECT_NE(d.forms[0].text.find("Votre message"), std::string::npos);
}

// A <form> opened inside a <table> is closed by the parser before the rows; the inputs of its
// cells belong to it all the same (the browser's form owner), as do fields naming it with form="id".
TEST(HtmlForms, OrphanFieldsJoinTheFormTheyBelongTo) {
  Document d = parse(page_of(R"HTML(<body><table width="100%" class="contact">
<form name="kontakt" method="post" action="kontakt.php">
<tr><td>Jméno:</td><td><input type="text" name="jmeno" size="30"></td></tr>
<tr><td>E-mail:</td><td><input type="text" name="email" size="30"></td></tr>
<tr><td>Zpráva:</td><td><textarea name="zprava" rows="6" cols="40"></textarea></td></tr>
<tr><td colspan="2"><input type="submit" value="Odeslat"></td></tr>
</form></table>
<table><tr><td><input type="text" name="q"></td></tr></table>
<input type="email" name="newsletter_email" form="nl">
<form id="nl" action="/newsletter"><button>OK</button></form>
</body>)HTML",
                             "https://kavarna.example.cz/kontakt.html"));
  ASSERT_EQ(d.forms.size(), 2u);
  EXPECT_EQ(d.forms[0].action, "https://kavarna.example.cz/kontakt.php");
  EXPECT_EQ(d.forms[0].fields,
            (std::vector<std::string>{"text:jmeno", "text:email", "textarea:zprava", "submit"}));
  EXPECT_NE(d.forms[0].text.find("Zpráva"), std::string::npos) << d.forms[0].text;
  // The search box after the </form> belongs to no form; the e-mail field names its form.
  EXPECT_EQ(d.forms[1].fields, (std::vector<std::string>{"email:newsletter_email"}));
}

}  // namespace
}  // namespace omnicheck::html

namespace omnicheck::html {
namespace {

// Cloudflare rewrites every address to "[email protected]" with the address XOR-encoded; a
// visitor's browser shows the address, so the text holds it, and the link is a mailto.
TEST(EmailProtection, CloudflareAddressesAreDecoded) {
  EXPECT_EQ(decode_cloudflare_email("5a38353430352f281a2a3b2a3f2e3f28333f77363b3738352e2e3f74383f").value_or(""),
            "bonjour@papeterie-lambotte.be");
  EXPECT_FALSE(decode_cloudflare_email("5a38").has_value());          // too short
  EXPECT_FALSE(decode_cloudflare_email("zz38353430352f28").has_value());  // not hex
  EXPECT_FALSE(decode_cloudflare_email("5a3835343035").has_value());  // no @
  fetch::Page p;
  p.requested_url = p.final_url = "https://papeterie-lambotte.be/";
  p.status = 200;
  p.content_type = "text/html";
  p.body = "<p>E-mail : <a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" "
           "data-cfemail=\"5a38353430352f281a2a3b2a3f2e3f28333f77363b3738352e2e3f74383f\">[email&#160;protected]</a></p>"
           "<p><a href=\"/cdn-cgi/l/email-protection#5a38353430352f281a2a3b2a3f2e3f28333f77363b3738352e2e3f74383f\">"
           "Écrivez-nous</a></p>";
  Document d = parse(p);
  EXPECT_NE(d.text.find("bonjour@papeterie-lambotte.be"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("[email"), std::string::npos) << d.text;
  int mailto = 0;
  for (const auto& l : d.links) mailto += l.url == "mailto:bonjour@papeterie-lambotte.be";
  EXPECT_EQ(mailto, 2);
}

TEST(ProductTiles, LinksInsideAProductTileAreMarked) {
  fetch::Page p;
  p.requested_url = p.final_url = "https://shop.test/";
  p.status = 200;
  p.content_type = "text/html";
  p.body = "<nav class=\"main-navigation\"><a href=\"/kaffee/\">Kaffee</a></nav>"
           "<div class=\"card product-box\"><a href=\"/Espresso/10023\">Espresso</a></div>"
           "<article class=\"product-miniature js-product-miniature\"><h3><a href=\"/p/12-vase.html\">Vase</a></h3></article>"
           "<div itemscope itemtype=\"https://schema.org/Product\"><a href=\"/gyokuro\">Gyokuro</a></div>"
           "<ul class=\"widget_product_categories\"><li><a href=\"/c/tee/\">Tee</a></li></ul>";
  Document d = parse(p);
  std::map<std::string, bool> product;
  for (const auto& l : d.links) product[l.href] = l.product;
  EXPECT_FALSE(product["/kaffee/"]);
  EXPECT_TRUE(product["/Espresso/10023"]);
  EXPECT_TRUE(product["/p/12-vase.html"]);
  EXPECT_TRUE(product["/gyokuro"]);
  EXPECT_FALSE(product["/c/tee/"]);  // a category list that names products is no tile
}

}  // namespace
}  // namespace omnicheck::html

namespace omnicheck::html {
namespace {

// Microdata fields as adjacent inline spans are separate values: "030 1234567info@…" was read as
// one e-mail address.
TEST(Microdata, AdjacentFieldsStayApart) {
  fetch::Page p;
  p.requested_url = p.final_url = "https://kessler-gartenbau.de/";
  p.status = 200;
  p.content_type = "text/html";
  p.body = "<footer><div itemscope itemtype=\"https://schema.org/Organization\"><span itemprop=\"name\">Gartenbau Kessler "
           "GmbH</span><div itemprop=\"address\" itemscope itemtype=\"https://schema.org/PostalAddress\"><span "
           "itemprop=\"streetAddress\">Hauptstraße 5</span><span itemprop=\"postalCode\">10115</span><span "
           "itemprop=\"addressLocality\">Berlin</span></div><span itemprop=\"telephone\">030 1234567</span><span "
           "itemprop=\"email\">info@kessler-gartenbau.de</span></div></footer>";
  Document d = parse(p);
  EXPECT_NE(d.text.find("Hauptstraße 5\n10115 Berlin\n030 1234567\ninfo@kessler-gartenbau.de"), std::string::npos) << d.text;
  // Counter-case: plain inline spans without microdata still read as the words they render.
  p.body = "<p><span>Kes</span><span>sler</span></p>";
  EXPECT_NE(parse(p).text.find("Kessler"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::html

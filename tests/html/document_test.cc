#include <gtest/gtest.h>

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

}  // namespace
}  // namespace omnicheck::html

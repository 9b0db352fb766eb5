// Contact forms and the forms that are not a way to write to the trader: each case is written in
// the markup a shop system or form plugin produces, with its counter-case beside it.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;
using testing::of_type;

std::size_t contact_forms(const std::string& html, const std::string& url = "https://shop.example/contact/") {
  return of_type(facts_of_page("<html><body><main>" + html + "</main></body></html>", url), "contact_form").size();
}

// --- Contact forms a plugin or shop system writes -------------------------------------------

const char* kContactForm7Fr = R"HTML(<h2>Écrivez-nous</h2>
<div class="wpcf7 no-js" id="wpcf7-f112-p40-o1" lang="fr-FR" dir="ltr">
<div class="screen-reader-response"><p role="status" aria-live="polite" aria-atomic="true"></p><ul></ul></div>
<form action="/contact/#wpcf7-f112-p40-o1" method="post" class="wpcf7-form init" aria-label="Formulaire de contact" novalidate="novalidate" data-status="init">
<div style="display: none;"><input type="hidden" name="_wpcf7" value="112"><input type="hidden" name="_wpcf7_unit_tag" value="wpcf7-f112-p40-o1"></div>
<p><label> Votre nom<br><span class="wpcf7-form-control-wrap" data-name="your-name"><input size="40" class="wpcf7-form-control wpcf7-text wpcf7-validates-as-required" type="text" name="your-name"></span></label></p>
<p><label> Votre e-mail<br><span class="wpcf7-form-control-wrap" data-name="your-email"><input size="40" class="wpcf7-form-control wpcf7-email" type="email" name="your-email"></span></label></p>
<p><label> Objet<br><span class="wpcf7-form-control-wrap" data-name="your-subject"><select class="wpcf7-form-control wpcf7-select" name="your-subject"><option value="Suivi de commande">Suivi de commande</option><option value="Avis sur un produit">Avis sur un produit</option><option value="Candidature">Candidature</option></select></span></label></p>
<p><label> Votre message<br><span class="wpcf7-form-control-wrap" data-name="your-message"><textarea cols="40" rows="10" class="wpcf7-form-control wpcf7-textarea" name="your-message"></textarea></span></label></p>
<p><span class="wpcf7-form-control-wrap" data-name="newsletter"><span class="wpcf7-form-control wpcf7-checkbox"><span class="wpcf7-list-item first last"><label><input type="checkbox" name="newsletter[]" value="oui"><span class="wpcf7-list-item-label">Je souhaite m'abonner à la newsletter</span></label></span></span></span></p>
<p><input class="wpcf7-form-control wpcf7-submit has-spinner" type="submit" value="Envoyer"></p>
</form></div>)HTML";

TEST(ContactForms, ContactForm7WithANewsletterCheckboxAndSubjectsIsAContactForm) {
  auto facts = facts_of_page(std::string("<main>") + kContactForm7Fr + "</main>", "https://shop.example.fr/contact/");
  auto forms = of_type(facts, "contact_form");
  ASSERT_EQ(forms.size(), 1u);
  EXPECT_EQ(forms[0]->attrs["action"], "https://shop.example.fr/contact/#wpcf7-f112-p40-o1");
  EXPECT_EQ(forms[0]->attrs["asks_email"], true);
  EXPECT_EQ(forms[0]->attrs["visible"], true);
}

TEST(ContactForms, GravityFormsWrapperHiddenUntilItsScriptRunsIsStillAContactForm) {
  const char* html = R"HTML(<h1>Kontakt</h1>
<div class='gf_browser_chrome gform_wrapper gravity-theme gform-theme--no-framework' data-form-theme='gravity-theme' data-form-index='0' id='gform_wrapper_2' style='display:none'>
<div class='gform_heading'><p class='gform_description'></p></div>
<form method='post' enctype='multipart/form-data' id='gform_2' action='/kontakt/' data-formid='2' novalidate>
<div class='gform-body gform_body'><div id='gform_fields_2' class='gform_fields top_label form_sublabel_below description_below'>
<div id="field_2_1" class="gfield gfield--type-name"><label class='gfield_label gform-field-label' for='input_2_1'>Name</label><div class='ginput_container ginput_container_text'><input name='input_1' id='input_2_1' type='text' value='' class='large'></div></div>
<div id="field_2_2" class="gfield gfield--type-email"><label class='gfield_label gform-field-label' for='input_2_2'>E-Mail</label><div class='ginput_container ginput_container_email'><input name='input_2' id='input_2_2' type='email' value='' class='large'></div></div>
<div id="field_2_3" class="gfield gfield--type-textarea"><label class='gfield_label gform-field-label' for='input_2_3'>Ihre Nachricht</label><div class='ginput_container ginput_container_textarea'><textarea name='input_3' id='input_2_3' class='textarea large' rows='10' cols='50'></textarea></div></div>
<div id="field_2_9" class="gfield gfield--type-honeypot gform_validation_container field_sublabel_below gfield--has-description"><label class='gfield_label gform-field-label' for='input_2_9'>Comments</label><div class='ginput_container'><input name='input_9' id='input_2_9' type='text' value='' autocomplete='new-password'></div><div class='gfield_description' id='gfield_description_2_9'>This field is for validation purposes and should be left unchanged.</div></div>
</div></div>
<div class='gform-footer gform_footer top_label'><input type='submit' id='gform_submit_button_2' class='gform_button button' value='Absenden'>
<input type='hidden' class='gform_hidden' name='is_submit_2' value='1'><input type='hidden' name='gform_unique_id' value=''></div>
</form></div>)HTML";
  auto facts = facts_of_page(std::string("<main>") + html + "</main>", "https://mueller-versand.example.de/kontakt/");
  auto forms = of_type(facts, "contact_form");
  ASSERT_EQ(forms.size(), 1u);
  EXPECT_EQ(forms[0]->attrs["visible"], false);
  EXPECT_NE(forms[0]->attrs["hidden_by"].get<std::string>().find("gform_wrapper_2"), std::string::npos);
}

TEST(ContactForms, ShopifyPrestaShopShopwareAndMagentoContactForms) {
  // Shopify: the theme's contact section.
  EXPECT_EQ(contact_forms(R"HTML(<form method="post" action="/contact#ContactForm" id="ContactForm" accept-charset="UTF-8" class="contact-form">
<input type="hidden" name="form_type" value="contact"><input type="hidden" name="utf8" value="✓">
<div class="contact__fields"><div class="field"><input class="field__input" autocomplete="name" type="text" id="ContactForm-name" name="contact[Name]" placeholder="Name"><label class="field__label" for="ContactForm-name">Name</label></div>
<div class="field field--with-error"><input autocomplete="email" type="email" id="ContactForm-email" class="field__input" name="contact[email]" spellcheck="false" autocapitalize="off" aria-required="true" placeholder="Email"><label class="field__label" for="ContactForm-email">Email <span aria-hidden="true">*</span></label></div></div>
<div class="field"><input type="tel" id="ContactForm-phone" class="field__input" autocomplete="tel" name="contact[Phone number]" pattern="[0-9\-]*" placeholder="Phone number"><label class="field__label" for="ContactForm-phone">Phone number</label></div>
<div class="field"><textarea rows="10" id="ContactForm-body" class="text-area field__input" name="contact[Comment]" placeholder="Comment"></textarea><label class="form__label field__label" for="ContactForm-body">Comment</label></div>
<div class="contact__button"><button type="submit" class="button">Send</button></div></form>)HTML",
                          "https://acme-widgets.example.co.uk/pages/contact"),
            1u);
  // PrestaShop 1.7 contactform module: an attachment is no job application.
  EXPECT_EQ(contact_forms(R"HTML(<section class="contact-form"><form action="https://boutique.example.fr/nous-contacter" method="post" enctype="multipart/form-data">
<section class="form-fields"><div class="form-group row"><div class="col-md-9 col-md-offset-3"><h3>Contactez-nous</h3></div></div>
<div class="form-group row"><label class="col-md-3 form-control-label">Objet</label><div class="col-md-6"><select name="id_contact" class="form-control form-control-select"><option value="2">Service client</option><option value="1">Webmaster</option></select></div></div>
<div class="form-group row"><label class="col-md-3 form-control-label">Adresse e-mail</label><div class="col-md-6"><input class="form-control" name="from" type="email" value="" placeholder="votre@email.com"></div></div>
<div class="form-group row"><label class="col-md-3 form-control-label">Pièce jointe</label><div class="col-md-6"><input type="file" name="fileUpload" class="filestyle" data-buttontext="Choisir un fichier"></div></div>
<div class="form-group row"><label class="col-md-3 form-control-label">Message</label><div class="col-md-9"><textarea class="form-control" name="message" placeholder="Comment pouvons-nous vous aider ?" rows="3"></textarea></div></div>
</section><footer class="form-footer text-sm-right"><style>input[name=url] { display: none !important; }</style><input type="text" name="url" value=""><input type="hidden" name="token" value="a1b2"><input class="btn btn-primary" type="submit" name="submitMessage" value="Envoyer"></footer></form></section>)HTML"),
            1u);
  // Shopware 6 CMS contact element: the message field is called "comment".
  EXPECT_EQ(contact_forms(R"HTML(<div class="cms-element-form"><form action="/form/contact" method="post" data-form-validation="true" data-form-ajax-submit="true">
<div class="form-content"><div class="form-row"><div class="form-group col-md-4"><label class="form-label" for="form-Salutation">Anrede*</label><select name="salutationId" id="form-Salutation" required="required" class="form-select contact-select"><option value="a1">Frau</option><option value="a2">Herr</option></select></div>
<div class="form-group col-md-4"><label class="form-label" for="form-firstName">Vorname*</label><input name="firstName" type="text" id="form-firstName" required="required" class="form-control"></div>
<div class="form-group col-md-4"><label class="form-label" for="form-lastName">Nachname*</label><input name="lastName" type="text" id="form-lastName" required="required" class="form-control"></div></div>
<div class="form-row"><div class="form-group col-md-6"><label class="form-label" for="form-email">E-Mail-Adresse*</label><input name="email" type="email" id="form-email" required="required" class="form-control"></div>
<div class="form-group col-md-6"><label class="form-label" for="form-phone">Telefon</label><input name="phone" type="text" id="form-phone" class="form-control"></div></div>
<div class="form-row"><div class="form-group col-12"><label class="form-label" for="form-subject">Betreff*</label><input name="subject" type="text" id="form-subject" required="required" class="form-control"></div></div>
<div class="form-row"><div class="form-group col-12"><label class="form-label" for="form-comment">Kommentar*</label><textarea name="comment" id="form-comment" required="required" class="form-control" rows="8"></textarea></div></div>
<div class="form-text privacy-notice"><input type="checkbox" class="form-check-input" id="acceptedDataProtection" name="privacy" required="required"><label class="form-check-label custom-control-label" for="acceptedDataProtection">Ich habe die Datenschutzbestimmungen zur Kenntnis genommen.</label></div>
<div class="form-submit-wrapper"><button type="submit" class="btn btn-primary">Absenden</button></div></div></form></div>)HTML",
                          "https://gartenhaus.example.de/kontakt/"),
            1u);
  // Magento 2 Magento_Contact: the message field is called "comment" too.
  EXPECT_EQ(contact_forms(R"HTML(<form class="form contact" action="https://shop.example.nl/contact/index/post/" id="contact-form" method="post" data-hasrequired="* Verplichte velden" data-mage-init='{"validation":{}}'>
<fieldset class="fieldset"><legend class="legend"><span>Schrijf ons</span></legend><br>
<div class="field note no-label">Stuur ons een e-mail met uw vragen en we nemen zo snel mogelijk contact met u op.</div>
<div class="field name required"><label class="label" for="name"><span>Naam</span></label><div class="control"><input name="name" id="name" title="Naam" value="" class="input-text" type="text"></div></div>
<div class="field email required"><label class="label" for="email"><span>E-mail</span></label><div class="control"><input name="email" id="email" title="E-mail" value="" class="input-text" type="email"></div></div>
<div class="field telephone"><label class="label" for="telephone"><span>Telefoonnummer</span></label><div class="control"><input name="telephone" id="telephone" title="Telefoonnummer" value="" class="input-text" type="tel"></div></div>
<div class="field comment required"><label class="label" for="comment"><span>Wat wilt u ons vertellen?</span></label><div class="control"><textarea name="comment" id="comment" title="Wat wilt u ons vertellen?" class="input-text" cols="5" rows="3"></textarea></div></div>
</fieldset><div class="actions-toolbar"><div class="primary"><input type="hidden" name="hideit" id="hideit" value=""><button type="submit" title="Verzenden" class="action submit primary"><span>Verzenden</span></button></div></div></form>)HTML",
                          "https://shop.example.nl/contact/"),
            1u);
}

// An old shop's table layout: the parser closes the <form> before the rows.
TEST(ContactForms, FormOpenedInsideATableKeepsItsFields) {
  EXPECT_EQ(contact_forms(R"HTML(<table width="600" border="0" cellpadding="3">
<form name="kontakt" method="post" action="odeslat.php">
<tr><td>Jméno a příjmení:</td><td><input type="text" name="jmeno" size="40"></td></tr>
<tr><td>E-mail:</td><td><input type="text" name="email" size="40"></td></tr>
<tr><td>Dotaz:</td><td><textarea name="dotaz" rows="8" cols="40"></textarea></td></tr>
<tr><td></td><td><input type="submit" value="Odeslat dotaz"></td></tr>
</form></table>)HTML",
                          "https://kavarna-doma.example.cz/kontakt.html"),
            1u);
}

// A callback form has no message field, but it is a way to reach the trader.
TEST(ContactForms, CallbackFormsAreContactForms) {
  EXPECT_EQ(contact_forms(R"HTML(<div class="callback-box"><h3>Rückruf-Service</h3><p>Wir rufen Sie gerne zurück.</p>
<form action="/rueckruf/anfordern" method="post" class="callback-form"><label for="cb-name">Ihr Name</label><input id="cb-name" type="text" name="name">
<label for="cb-tel">Telefonnummer</label><input id="cb-tel" type="tel" name="telefon"><label for="cb-zeit">Wann dürfen wir Sie anrufen?</label>
<select id="cb-zeit" name="zeitraum"><option>9–12 Uhr</option><option>12–15 Uhr</option></select><button type="submit">Rückruf anfordern</button></form></div>)HTML",
                          "https://mueller-versand.example.de/service/"),
            1u);
  EXPECT_EQ(contact_forms(R"HTML(<h3>On vous rappelle</h3><form action="/rappel" method="post"><input type="tel" name="telephone" placeholder="Votre numéro">
<button>Être rappelé</button></form>)HTML"),
            1u);
  // Counter-case: a telephone field alone, with nothing saying anyone calls back (an SMS newsletter).
  EXPECT_EQ(contact_forms(R"HTML(<h3>Offres par SMS</h3><form action="/sms-optin" method="post"><input type="tel" name="telephone"><button>Je m'inscris</button></form>)HTML"),
            0u);
}

// --- Forms that are no way to write to the trader ------------------------------------------

TEST(NotContactForms, ReviewFormUnderAProductIsNoContactForm) {
  // WooCommerce: the product review form is a WordPress comment form.
  EXPECT_EQ(contact_forms(R"HTML(<div id="reviews" class="woocommerce-Reviews"><div id="comments"><h2 class="woocommerce-Reviews-title">Avis</h2><p class="woocommerce-noreviews">Il n'y a pas encore d'avis.</p></div>
<div id="review_form_wrapper"><div id="review_form"><div id="respond" class="comment-respond"><span id="reply-title" class="comment-reply-title">Soyez le premier à laisser votre avis sur &ldquo;Lampe Opaline&rdquo;</span>
<form action="https://maison-lumiere.example.fr/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-notes"><span id="email-notes">Votre adresse e-mail ne sera pas publiée.</span></p>
<div class="comment-form-rating"><label for="rating">Votre note&nbsp;<span class="required">*</span></label><select name="rating" id="rating" required><option value="">Noter&hellip;</option><option value="5">Parfait</option></select></div>
<p class="comment-form-comment"><label for="comment">Votre avis&nbsp;<span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Nom&nbsp;<span class="required">*</span></label><input id="author" name="author" type="text" value="" size="30" required></p>
<p class="comment-form-email"><label for="email">E-mail&nbsp;<span class="required">*</span></label><input id="email" name="email" type="email" value="" size="30" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Soumettre"><input type='hidden' name='comment_post_ID' value='57' id='comment_post_ID'></p></form></div></div></div></div>)HTML",
                          "https://maison-lumiere.example.fr/produit/lampe-opaline/"),
            0u);
  // Shopware 6 product review form.
  EXPECT_EQ(contact_forms(R"HTML(<div class="product-detail-review-form"><h4>Bewertung schreiben</h4><form class="product-detail-review-form" action="/product/0a1b2c/rating" method="post" data-form-validation="true">
<div class="product-detail-review-form-rating"><input type="radio" name="points" value="5" id="rating-5"><input type="radio" name="points" value="4" id="rating-4"></div>
<label for="reviewTitle">Titel*</label><input type="text" id="reviewTitle" name="title" class="form-control">
<label for="reviewContent">Bewertung*</label><textarea name="content" id="reviewContent" class="form-control" rows="5"></textarea>
<button type="submit" class="btn btn-primary">Bewertung abschicken</button></form></div>)HTML",
                          "https://gartenhaus.example.de/gartenbank-eiche/"),
            0u);
  // Czech: "Napsat recenzi" with a star rating.
  EXPECT_EQ(contact_forms(R"HTML(<h3>Napsat recenzi</h3><form action="/hodnoceni/pridat" method="post" class="rate-form"><div class="star-wrap"><input type="radio" name="score" value="5"></div>
<label>Vaše jméno</label><input type="text" name="fullName"><label>Text hodnocení</label><textarea name="description"></textarea><button type="submit">Odeslat hodnocení</button></form>)HTML",
                          "https://kavarna-doma.example.cz/mlynek-na-kavu/"),
            0u);
}

TEST(NotContactForms, BlogCommentsCheckoutJobsAndPolls) {
  // WordPress blog comments.
  EXPECT_EQ(contact_forms(R"HTML(<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="https://blog.example.com/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
<p class="comment-form-author"><label for="author">Name</label><input id="author" name="author" type="text"></p><p class="comment-form-email"><label for="email">Email</label><input id="email" name="email" type="email"></p>
<p class="comment-form-url"><label for="url">Website</label><input id="url" name="url" type="url"></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div>)HTML",
                          "https://blog.example.com/2024/05/new-range/"),
            0u);
  // WooCommerce checkout with its order notes.
  EXPECT_EQ(contact_forms(R"HTML(<form name="checkout" method="post" class="checkout woocommerce-checkout" action="https://shop.example.com/checkout/" enctype="multipart/form-data">
<div class="woocommerce-billing-fields"><h3>Billing details</h3><input type="text" class="input-text" name="billing_first_name" id="billing_first_name"><input type="email" class="input-text" name="billing_email" id="billing_email"></div>
<div class="woocommerce-additional-fields"><h3>Additional information</h3><p class="form-row notes" id="order_comments_field"><label for="order_comments">Order notes</label><textarea name="order_comments" class="input-text" id="order_comments" placeholder="Notes about your order, e.g. special notes for delivery." rows="2" cols="5"></textarea></p></div>
<button type="submit" class="button alt" name="woocommerce_checkout_place_order" id="place_order" value="Place order">Place order</button></form>)HTML",
                          "https://shop.example.com/checkout/"),
            0u);
  // A job application: CV upload and a cover letter.
  EXPECT_EQ(contact_forms(R"HTML(<h2>Jetzt bewerben</h2><form action="/karriere/bewerbung/lagerist" method="post" enctype="multipart/form-data" class="application-form">
<label>Vorname</label><input type="text" name="vorname"><label>E-Mail</label><input type="email" name="email">
<label>Lebenslauf (PDF)</label><input type="file" name="lebenslauf"><label>Anschreiben</label><textarea name="anschreiben"></textarea><button>Bewerbung absenden</button></form>)HTML",
                          "https://mueller-versand.example.de/karriere/lagerist/"),
            0u);
  EXPECT_EQ(contact_forms(R"HTML(<h2>Candidature spontanée</h2><form action="/recrutement/postuler" method="post" enctype="multipart/form-data">
<input type="text" name="nom"><input type="email" name="email"><label>Votre CV</label><input type="file" name="cv"><label>Votre message</label><textarea name="message"></textarea><button>Postuler</button></form>)HTML",
                          "https://maison-lumiere.example.fr/recrutement/"),
            0u);
  // A poll with a free-text answer.
  EXPECT_EQ(contact_forms(R"HTML(<div class="wp-polls"><form id="polls_form_3" class="wp-polls-form" action="/index.php" method="post"><p><strong>Wie gefällt Ihnen unser neuer Shop?</strong></p>
<ul class="wp-polls-ul"><li><input type="radio" id="poll-answer-7" name="poll_3" value="7"><label for="poll-answer-7">Sehr gut</label></li></ul><textarea name="poll_3_other"></textarea>
<input type="button" name="vote" value="Abstimmen" class="Buttons"></form></div>)HTML",
                          "https://mueller-versand.example.de/"),
            0u);
}

TEST(NotContactForms, AccountNewsletterSearchCouponAndCookieForms) {
  EXPECT_EQ(contact_forms(R"HTML(<form action="/customer/account/loginPost/" method="post" id="login-form"><input type="email" name="login[username]"><input type="password" name="login[password]"><button>Anmelden</button></form>)HTML"), 0u);
  // Registration asking for a note about oneself.
  EXPECT_EQ(contact_forms(R"HTML(<h2>Créer un compte</h2><form action="/inscription" method="post" class="register"><input type="email" name="email"><input type="password" name="password"><textarea name="about"></textarea><button>Créer mon compte</button></form>)HTML"), 0u);
  EXPECT_EQ(contact_forms(R"HTML(<div id="mc_embed_signup"><form action="https://example.us21.list-manage.com/subscribe/post?u=1&amp;id=2" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_blank"><h2>Newsletter</h2><input type="email" name="EMAIL" class="required email" id="mce-EMAIL"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="button" value="Subscribe"></form></div>)HTML"), 0u);
  EXPECT_EQ(contact_forms(R"HTML(<form role="search" method="get" class="search-form" action="https://shop.example.com/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search"></form>)HTML"), 0u);
  EXPECT_EQ(contact_forms(R"HTML(<form class="checkout_coupon woocommerce-form-coupon" method="post"><p>Vous avez un code promo ?</p><input type="text" name="coupon_code" class="input-text" placeholder="Code promo" id="coupon_code"><button type="submit" name="apply_coupon" value="Appliquer le code promo">Appliquer</button></form>)HTML"), 0u);
  EXPECT_EQ(contact_forms(R"HTML(<div id="cookie-consent"><form class="cookie-settings"><label><input type="checkbox" name="statistics"> Statistiques</label><label><input type="checkbox" name="marketing"> Marketing</label><button>Enregistrer</button></form></div>)HTML"), 0u);
}

}  // namespace
}  // namespace omnicheck::extract

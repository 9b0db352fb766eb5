// The mail facts behind the e-mail and thread rules, on small hand-written messages: the
// trader's domains and each message's side, automatic answers and refusals, signatures, the
// trader's identity in its messages, sender and relay domains, and measured response times.
#include <gtest/gtest.h>

#include <stdexcept>

#include "extract/autoreply_detector.h"
#include "extract/extract.h"
#include "extract/registrable_domain.h"
#include "extract/signature_detector.h"
#include "support/test_support.h"

namespace omnicheck::extract {
namespace {

const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(omnicheck::testing::rules_dir() / "lexicon");
  return lex;
}

struct Raw {
  std::string file, headers, body;
};

mail::Mailbox mailbox(const std::vector<Raw>& raws) {
  mail::Mailbox box;
  for (const auto& r : raws) {
    std::string error;
    auto m = mail::parse_message(r.headers + "\n" + r.body, r.file, 0, &error);
    if (!m) throw std::runtime_error(r.file + ": " + error);
    box.messages.push_back(*m);
  }
  return box;
}

std::vector<const Fact*> facts_of(const FactStore& s, const std::string& type, const std::string& file = "") {
  std::vector<const Fact*> out;
  for (const auto& f : s.facts) {
    if (f.type == type && (file.empty() || f.source == file)) out.push_back(&f);
  }
  return out;
}

const Fact& one(const FactStore& s, const std::string& type, const std::string& file = "") {
  auto v = facts_of(s, type, file);
  if (v.size() != 1)
    throw std::runtime_error("expected one " + type + " for '" + file + "', got " + std::to_string(v.size()));
  return *v.front();
}

std::string side_of(const FactStore& s, const std::string& file) { return one(s, "message", file).attrs["side"]; }

// A small shop's correspondence: two customers, the shop's replies, an order mail.
std::vector<Raw> shop_mail() {
  return {
      {"q1.eml",
       "From: Eva Berg <eva.berg@example.com>\nTo: hilfe@laden.example\nSubject: Lieferzeit\n"
       "Date: Mon, 03 Jun 2024 09:00:00 +0200\nMessage-ID: <q1@example.com>\n",
       "Wann kommt meine Bestellung?\n"},
      {"r1.eml",
       "From: Laden Service <hilfe@laden.example>\nTo: eva.berg@example.com\nSubject: AW: Lieferzeit\n"
       "Date: Mon, 03 Jun 2024 15:30:00 +0200\nMessage-ID: <r1@laden.example>\nIn-Reply-To: <q1@example.com>\n",
       "Sie kommt morgen.\n\nViele Grüße\nJana Vogel\nKundenservice\n\nAm 03.06.2024 schrieb Eva Berg:\n> Wann kommt "
       "meine Bestellung?\n"},
      {"q2.eml",
       "From: Tom Rieck <tom.rieck@example.net>\nTo: hilfe@laden.example\nSubject: Rechnung\n"
       "Date: Tue, 04 Jun 2024 10:00:00 +0200\nMessage-ID: <q2@example.net>\n",
       "Bitte senden Sie mir die Rechnung.\n"},
      {"o1.eml",
       "From: Laden <bestellung@laden.example>\nTo: Tom Rieck <tom.rieck@example.net>\n"
       "Subject: Bestellbestätigung 1001\nDate: Fri, 14 Jun 2024 08:00:00 +0200\nMessage-ID: <o1@laden.example>\n",
       "Vielen Dank für Ihre Bestellung 1001.\n\nLieferanschrift: Tom Rieck, Gartenweg 5, 10115 Berlin\n\n"
       "Vogelsang Handels GmbH\nHafenstraße 7\n20457 Hamburg\n"},
  };
}

TEST(RegistrableDomain, PublicSuffixListDecides) {
  EXPECT_EQ(registrable_domain("news.maison-lumiere.fr"), "maison-lumiere.fr");
  EXPECT_EQ(registrable_domain("ne-pas-repondre@news.maison-lumiere.fr"), "maison-lumiere.fr");
  EXPECT_EQ(registrable_domain("support@acmewidgets.co.uk"), "acmewidgets.co.uk");
  EXPECT_EQ(registrable_domain("shop.example.co.uk"), "example.co.uk");
  EXPECT_EQ(registrable_domain("Bounces+7@Mail.Example.COM"), "example.com");
  EXPECT_EQ(registrable_domain("co.uk"), "");
  EXPECT_EQ(registrable_domain(""), "");
  EXPECT_EQ(address_domain("a@B.Example."), "b.example");
}

TEST(MailParties, TraderInferredFromTheMajorityOfMarkedSendersAndSidesFollow) {
  FactStore s;
  extract_mail(mailbox(shop_mail()), lexicon(), s);
  EXPECT_EQ(s.audit["trader_domains_source"], "majority");
  EXPECT_EQ(s.audit["trader_domains"], nlohmann::json::array({"laden.example"}));
  EXPECT_NE(s.audit["trader_domains_detail"].get<std::string>().find("2 of 2"), std::string::npos);
  EXPECT_EQ(s.audit["customer_side"], "inferred");
  EXPECT_EQ(side_of(s, "q1.eml"), "customer");
  EXPECT_EQ(side_of(s, "r1.eml"), "trader");
  EXPECT_EQ(side_of(s, "o1.eml"), "trader");
  EXPECT_EQ(one(s, "message", "r1.eml").attrs["kind"], "service_reply");
  EXPECT_EQ(one(s, "message", "o1.eml").attrs["kind"], "contractual");
}

TEST(MailParties, OptionsNameTheSides) {
  FactStore s;
  MailOptions opt;
  opt.customers = {"Eva.Berg@example.com"};
  opt.trader_domains = {"www.laden.example"};
  extract_mail(mailbox(shop_mail()), lexicon(), s, opt);
  EXPECT_EQ(s.audit["trader_domains_source"], "option");
  EXPECT_EQ(s.audit["customer_side"], "option");
  EXPECT_EQ(side_of(s, "q1.eml"), "customer");
  // Not listed as a customer: neither side, so not measured.
  EXPECT_EQ(side_of(s, "q2.eml"), "unknown");
  EXPECT_EQ(one(s, "response_time_measurement").attrs["customer_messages"], 1);
}

TEST(MailParties, SiteDomainsWinAndTheTradersDomainsCanBeUnknown) {
  FactStore site;
  site.audit["site"] = true;
  Fact e;
  e.type = "email";
  e.attrs = {{"address", "info@laden.example"}};
  site.add(e);
  extract_mail(mailbox(shop_mail()), lexicon(), site);
  EXPECT_EQ(site.audit["trader_domains_source"], "site");

  // Two messages from two private people: nobody is the trader.
  FactStore none;
  extract_mail(mailbox({shop_mail()[0], shop_mail()[2]}), lexicon(), none);
  EXPECT_EQ(none.audit["trader_domains_source"], "none");
  EXPECT_EQ(one(none, "sender_domain", "q1.eml").attrs["domains_known"], false);
  EXPECT_EQ(one(none, "response_time_measurement").attrs["customer_messages"], 0);
  EXPECT_NE(one(none, "response_time_measurement").attrs["value"].get<std::string>().find("--customer"),
            std::string::npos);
}

TEST(MailParties, FreeMailIsNeverTheInferredTrader) {
  std::vector<Raw> raws = {
      {"a.eml", "From: info@gmail.com\nTo: x@example.org\nSubject: a\nDate: Mon, 03 Jun 2024 09:00:00 +0200\n", "a\n"},
      {"b.eml", "From: support@gmail.com\nTo: y@example.org\nSubject: b\nDate: Mon, 03 Jun 2024 09:00:00 +0200\n",
       "b\n"}};
  FactStore s;
  extract_mail(mailbox(raws), lexicon(), s);
  EXPECT_EQ(s.audit["trader_domains_source"], "none");
}

TEST(ResponseTimes, DelaysToTheMinuteUnansweredAndPending) {
  FactStore s;
  extract_mail(mailbox(shop_mail()), lexicon(), s);
  const Fact& m = one(s, "response_time_measurement");
  EXPECT_EQ(m.attrs["customer_messages"], 2);
  EXPECT_EQ(m.attrs["answered"], 1);
  EXPECT_EQ(m.attrs["median_minutes"], 6 * 60 + 30);
  EXPECT_EQ(m.attrs["worst_minutes"], 6 * 60 + 30);
  // q2 waits from 4 June to the order mail of 14 June: unanswered and overdue.
  EXPECT_EQ(m.attrs["unanswered"], 1);
  EXPECT_EQ(m.attrs["missed"], 1);
  EXPECT_EQ(m.attrs["stated"], "default");
  const Fact& q2 = one(s, "response", "q2.eml");
  EXPECT_EQ(q2.attrs["answered"], false);
  EXPECT_EQ(q2.attrs["late"], true);
  EXPECT_EQ(q2.evidence.message_id, "q2@example.net");
  EXPECT_EQ(q2.evidence.header, "Date: Tue, 04 Jun 2024 10:00:00 +0200");
  const Fact& a1 = one(s, "response_answer", "r1.eml");
  EXPECT_EQ(a1.attrs["answers_message_id"], "q1@example.com");
  EXPECT_EQ(a1.evidence.header, "Date: Mon, 03 Jun 2024 15:30:00 +0200");

  // Without the later order mail the mailbox ends 1 h after q2: still pending, not missed.
  FactStore p;
  extract_mail(mailbox({shop_mail()[0], shop_mail()[1], shop_mail()[2]}), lexicon(), p);
  EXPECT_EQ(one(p, "response_time_measurement").attrs["pending"], 1);
  EXPECT_EQ(one(p, "response_time_measurement").attrs["missed"], 0);
  EXPECT_EQ(one(p, "response", "q2.eml").attrs["pending"], true);
}

TEST(ResponseTimes, TheSitesStatementForEmailIsTheLimit) {
  FactStore s;
  s.audit["site"] = true;
  s.audit["country"] = "DE";
  s.audit["country_source"] = "address";
  auto statement = [&](double hours, bool business, const char* channel) {
    Fact f;
    f.type = "response_time_statement";
    f.attrs = {{"hours", hours}, {"business", business}, {"channel", channel}};
    s.add(f);
  };
  statement(720, false, "any");  // complaints within 30 days: not about e-mail
  statement(4, false, "phone");  // another channel
  statement(6, false, "email");  // the e-mail promise
  extract_mail(mailbox(shop_mail()), lexicon(), s);
  const Fact& m = one(s, "response_time_measurement");
  EXPECT_EQ(m.attrs["stated"], "site");
  EXPECT_EQ(m.attrs["limit_hours"], 6.0);
  EXPECT_EQ(m.attrs["late"], 1);  // 6 h 30 min > 6 h
  EXPECT_EQ(m.attrs["clock"], "Europe/Berlin");
}

TEST(AutoReplies, HeadersAndWordingButNotNotifications) {
  AutoReplyDetector d(lexicon());
  auto classify = [&](const std::string& headers, const std::string& body) {
    auto m = mail::parse_message("From: a@shop.example\nSubject: x\n" + headers + "\n" + body, "t", 0);
    return d.classify(*m, m->text_plain);
  };
  EXPECT_EQ(classify("Auto-Submitted: auto-replied\n", "Hallo").by, "header");
  EXPECT_EQ(classify("X-Autoreply: yes\n", "Hallo").by, "header");
  EXPECT_EQ(classify("X-Autorespond: Out of office\n", "Hallo").by, "header");
  EXPECT_EQ(classify("Precedence: auto_reply\n", "Hallo").by, "header");
  EXPECT_FALSE(classify("Auto-Submitted: auto-generated\n", "Ihre Bestellung").automatic);
  EXPECT_FALSE(classify("Precedence: bulk\n", "Newsletter").automatic);
  EXPECT_FALSE(classify("X-Autoreply: no\n", "Hallo").automatic);
  EXPECT_EQ(classify("", "Ceci est une réponse automatique.").by, "wording");
  auto subject = mail::parse_message("From: a@shop.example\nSubject: Automatická odpověď: Dotaz\n\nx", "t", 0);
  EXPECT_EQ(d.classify(*subject, "x").by, "subject");
}

TEST(AutoReplies, RefusalsInFourLanguagesAndAcknowledgements) {
  AutoReplyDetector d(lexicon());
  auto kinds = [&](const std::string& text) {
    std::string out;
    for (const auto& r : d.refusals(text)) out += (out.empty() ? "" : ",") + r.kind;
    return out;
  };
  EXPECT_EQ(kinds("Dieses Postfach wird nicht gelesen. Bitte nutzen Sie unser Kontaktformular."), "not_read,use_form");
  EXPECT_EQ(kinds("This mailbox is not monitored."), "not_read");
  EXPECT_EQ(kinds("Please use our contact form at https://shop.example/contact."), "use_form");
  EXPECT_EQ(kinds("Cette adresse n'est pas consultée. Merci d'utiliser notre formulaire de contact."),
            "not_read,use_form");
  EXPECT_EQ(kinds("Tato adresa není sledována, použijte prosím kontaktní formulář."), "not_read,use_form");
  EXPECT_EQ(kinds("Thank you, we have received your message and will reply within one working day."), "");
  EXPECT_TRUE(d.acknowledges("We will reply within one working day."));
  EXPECT_TRUE(d.acknowledges("Wir melden uns innerhalb von 24 Stunden bei Ihnen."));
  EXPECT_FALSE(d.acknowledges("Dieses Postfach wird nicht gelesen."));
}

TEST(AutoReplies, RefusalFromTheAddressTheSiteDisclosesIsMarked) {
  std::vector<Raw> raws = {
      {"q.eml",
       "From: kunde@example.com\nTo: info@laden.example\nSubject: Frage\nDate: Mon, 03 Jun 2024 09:00:00 "
       "+0200\nMessage-ID: <q@example.com>\n",
       "Hallo?\n"},
      {"a.eml",
       "From: noreply@laden.example\nTo: kunde@example.com\nSubject: Frage\nDate: Mon, 03 Jun 2024 09:00:02 +0200\n"
       "Message-ID: <a@laden.example>\nIn-Reply-To: <q@example.com>\nAuto-Submitted: auto-replied\n",
       "Dieses Postfach wird nicht gelesen. Bitte nutzen Sie unser Kontaktformular.\n"}};
  FactStore s;
  s.audit["site"] = true;
  Fact e;
  e.type = "email";
  e.attrs = {{"address", "info@laden.example"}};
  s.add(e);
  extract_mail(mailbox(raws), lexicon(), s);
  const Fact& answer = one(s, "automatic_answer", "a.eml");
  // The customer wrote to info@ (disclosed); the refusal came from noreply@.
  EXPECT_EQ(answer.attrs["disclosed_on_site"], true);
  EXPECT_EQ(answer.evidence.header, "Auto-Submitted: auto-replied");
  auto refusals = facts_of(s, "autoreply_refusal", "a.eml");
  ASSERT_EQ(refusals.size(), 2u);
  EXPECT_EQ(refusals[0]->attrs["decisive"], true);
  EXPECT_NE(refusals[0]->evidence.snippet.find("[[Dieses Postfach wird nicht gelesen]]"), std::string::npos);
  // An automatic answer is no reply: the question stays unanswered.
  EXPECT_EQ(one(s, "response_time_measurement").attrs["answered"], 0);
  EXPECT_EQ(one(s, "message", "a.eml").attrs["kind"], "auto_reply");
}

TEST(Signatures, NamedPeopleTeamsAndCompanies) {
  SignatureDetector d(lexicon());
  const std::set<std::string> brand = {"acme", "widgets", "maison", "lumiere", "kavarna", "doma", "muller", "versand"};
  auto verdict = [&](const std::string& text) {
    Signature s = d.detect(text, brand);
    return s.verdict + (s.name.empty() ? "" : ":" + s.name);
  };
  EXPECT_EQ(verdict("Hi,\nDone.\n\nKind regards,\nPriya Shah\nCustomer Care Team\nAcme Widgets Ltd\n"),
            "named:Priya Shah");
  EXPECT_EQ(verdict("Bonjour,\n\nBien cordialement,\nCamille Roux\nConseillère clientèle – Maison Lumière\n"),
            "named:Camille Roux");
  EXPECT_EQ(verdict("Dobrý den,\n\nS pozdravem\nTereza Horáková\nzákaznická podpora\n"), "named:Tereza Horáková");
  EXPECT_EQ(verdict("Hello,\n\nKind regards,\nMaarten de Vries\n"), "named:Maarten de Vries");
  EXPECT_EQ(verdict("Hallo,\n\nViele Grüße, Anna Schmidt\n"), "named:Anna Schmidt");
  EXPECT_EQ(verdict("Hello,\nsent today.\n\nSarah Jenkins, Customer Care\n"), "named:Sarah Jenkins");
  EXPECT_EQ(verdict("Hallo,\n\nMit freundlichen Grüßen\nIhr Kundenservice-Team\nMüller & Söhne Versandhandel GmbH\n"),
            "team");
  EXPECT_EQ(verdict("Bonjour,\n\nCordialement,\nL'équipe Maison Lumière\n"), "team");
  EXPECT_EQ(verdict("Dobrý den,\n\nDěkujeme a přejeme hezký den,\nVáš tým Kavárna Doma\n"), "team");
  EXPECT_EQ(verdict("Hello,\n\nBest wishes,\nThe Acme Widgets team\n"), "team");
  EXPECT_EQ(verdict("Dobrý den,\n\nS pozdravem\nKavárna Doma\n"), "team");  // the company alone
  EXPECT_EQ(verdict("Hallo,\n\nViele Grüße\nMüller Versand\n"), "team");    // a brand looks like a name
  EXPECT_EQ(verdict("Thanks for your order. It ships tomorrow.\n"), "none");
}

TEST(SenderIdentity, TradersNameAndAddressNotTheCustomers) {
  FactStore s;
  extract_mail(mailbox(shop_mail()), lexicon(), s);
  auto names = facts_of(s, "mail_legal_name", "o1.eml");
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0]->attrs["value"], "Vogelsang Handels GmbH");
  auto places = facts_of(s, "mail_location", "o1.eml");
  ASSERT_EQ(places.size(), 1u) << places.size();
  EXPECT_EQ(places[0]->attrs["street"], "Hafenstraße 7");
  EXPECT_EQ(places[0]->attrs["complete"], true);
  EXPECT_EQ(places[0]->attrs["compared"], false);
  EXPECT_EQ(places[0]->evidence.file, "o1.eml");
  EXPECT_EQ(places[0]->evidence.message_id, "o1@laden.example");
  // Service replies and customer messages are not searched.
  EXPECT_TRUE(facts_of(s, "mail_location", "r1.eml").empty());
}

TEST(SenderIdentity, ComparedWithTheSite) {
  FactStore s;
  s.audit["site"] = true;
  Fact n;
  n.type = "legal_name";
  n.attrs = {{"value", "Vogelsang Handels GmbH"}, {"name", "Vogelsang Handels"}};
  s.add(n);
  Fact a;
  a.type = "address";
  a.attrs = {{"value", "Postfach 10 11 12, 20095 Hamburg"}, {"street", ""}, {"postcode", "20095"}, {"po_box", true}};
  s.add(a);
  extract_mail(mailbox(shop_mail()), lexicon(), s);
  EXPECT_EQ(one(s, "mail_legal_name", "o1.eml").attrs["matches_site"], true);
  EXPECT_EQ(one(s, "mail_location", "o1.eml").attrs["compared"], true);
  EXPECT_EQ(one(s, "mail_location", "o1.eml").attrs["matches_site"], false);
}

TEST(SenderDomain, ServiceProviderInReturnPathOrDkimIsFineWhenFromIsOwn) {
  std::vector<Raw> raws = {{"n.eml",
                            "Return-Path: <bounces+9@mailer.postino-mail.example>\n"
                            "DKIM-Signature: v=1; a=rsa-sha256; d=postino-mail.example; s=pm; b=abc\n"
                            "From: Laden <news@news.laden.example>\nTo: eva.berg@example.com\nSubject: Neuheiten\n"
                            "Date: Mon, 03 Jun 2024 09:00:00 +0200\nList-Unsubscribe: <https://laden.example/u>\n",
                            "Neu im Laden.\n"},
                           {"x.eml",
                            "From: Laden <laden@shop-platform.example>\nTo: eva.berg@example.com\nSubject: Bewertung\n"
                            "Date: Mon, 03 Jun 2024 09:00:00 +0200\n",
                            "Wie war Ihr Einkauf?\n"}};
  FactStore s;
  MailOptions opt;
  opt.trader_domains = {"laden.example"};
  extract_mail(mailbox(raws), lexicon(), s, opt);
  const Fact& own = one(s, "sender_domain", "n.eml");
  EXPECT_EQ(own.attrs["trader_domain"], true);
  EXPECT_EQ(own.attrs["relayed"], true);
  EXPECT_NE(own.attrs["value"].get<std::string>().find("postino-mail.example"), std::string::npos);
  EXPECT_EQ(own.evidence.header, "From: Laden <news@news.laden.example>");
  const Fact& other = one(s, "sender_domain", "x.eml");
  EXPECT_EQ(other.attrs["trader_domain"], false);
  EXPECT_EQ(other.attrs["domains_source"], "option");
  EXPECT_EQ(side_of(s, "x.eml"), "trader");
}

}  // namespace
}  // namespace omnicheck::extract

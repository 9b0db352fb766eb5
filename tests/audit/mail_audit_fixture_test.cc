// End-to-end audits of the thread mailboxes (fixtures/README.md, "Thread mailboxes"): every new
// mail rule's status with the evidence a person would check (file, Message-ID, header or quoted
// line), and the measured response times to the minute.
#include <gtest/gtest.h>

#include <filesystem>

#include "audit/audit.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

using omnicheck::testing::fixtures_dir;
using omnicheck::testing::rules_dir;

Result audit_mail(const std::string& mail, const std::string& site = "", std::vector<std::string> customers = {},
                  std::vector<std::string> trader_domains = {}) {
  Options opt;
  opt.emails = (fixtures_dir() / "mail" / mail).string();
  if (!site.empty()) opt.target = (fixtures_dir() / "sites" / site).string();
  opt.rules_dir = rules_dir().string();
  opt.audit_date = "2026-11-23";
  opt.probe = false;  // tests never use the network
  opt.customers = std::move(customers);
  opt.trader_domains = std::move(trader_domains);
  return run(opt);
}

const rules::Finding& finding(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f;
  }
  throw std::runtime_error("no finding " + id);
}

const extract::Fact& measurement(const Result& r) {
  auto v = r.facts.of_type("response_time_measurement");
  if (v.size() != 1) throw std::runtime_error("expected one response_time_measurement");
  return *v.front();
}

int minutes(const Result& r, const char* key) { return measurement(r).attrs.at(key).get<int>(); }

std::string base(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// Evidence from `file` (by name) with this Message-ID whose header or snippet contains `text`.
bool has_evidence(const rules::Finding& f, const std::string& file, const std::string& message_id,
                  const std::string& text) {
  for (const auto& e : f.evidence) {
    if (base(e.file) == file && e.message_id == message_id &&
        (e.header.find(text) != std::string::npos || e.snippet.find(text) != std::string::npos ||
         e.note.find(text) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

std::string dump(const rules::Finding& f) {
  std::string s = f.status + ": " + f.message + "\n";
  for (const auto& e : f.evidence)
    s += "  " + base(e.file) + " <" + e.message_id + "> " + e.header + " | " + e.snippet + " | " + e.note + "\n";
  return s;
}

// ------------------------------------------------------------------ French shop, .eml folder

TEST(ThreadMailFr, ResponseTimesAgainstTheDefault24Hours) {
  Result r = audit_mail("threads-fr-maison-lumiere");
  const auto& f = finding(r, "response_time.kept");
  // Both replies late (65 h 25 across the Paris clock change, 26 h 30 from Montréal) and one
  // question unanswered: 3 of 3 requests missed.
  EXPECT_EQ(f.status, "fail") << dump(f);
  EXPECT_EQ(minutes(r, "median_minutes"), 26 * 60 + 30);
  EXPECT_EQ(minutes(r, "p90_minutes"), 65 * 60 + 25);
  EXPECT_EQ(minutes(r, "worst_minutes"), 65 * 60 + 25);
  EXPECT_EQ(minutes(r, "answered"), 2);
  EXPECT_EQ(minutes(r, "late"), 2);
  EXPECT_EQ(minutes(r, "unanswered"), 1);
  EXPECT_EQ(measurement(r).attrs["stated"], "default");
  // The customer message and the reply of the worst delay, each with file, Message-ID and Date.
  EXPECT_TRUE(has_evidence(f, "fr-01-question-opaline.eml", "20241025174000.4f2a9c@example.com",
                           "Date: Fri, 25 Oct 2024 17:40:00 +0200"))
      << dump(f);
  EXPECT_TRUE(has_evidence(f, "fr-02-reponse-opaline.eml", "ML-SAV-77120.1730106300@maison-lumiere.fr",
                           "Date: Mon, 28 Oct 2024 10:05:00 +0100"))
      << dump(f);
  EXPECT_TRUE(has_evidence(f, "fr-05-facture.eml", "20241114112000.88b1e0@example.com", "unanswered")) << dump(f);
  EXPECT_NE(f.message.find("median 26 h 30 min"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("worst 65 h 25 min"), std::string::npos) << f.message;
}

TEST(ThreadMailFr, ResponseTimesAgainstTheSitesFortyEightBusinessHours) {
  Result r = audit_mail("threads-fr-maison-lumiere", "fr-maison-lumiere");
  // The site says "Nous répondons sous 48 h ouvrées.": business time, Monday to Friday in Paris.
  auto statements = r.facts.of_type("response_time_statement");
  ASSERT_FALSE(statements.empty()) << "the FR site's statement was not extracted";
  EXPECT_EQ(measurement(r).attrs["stated"], "site");
  ASSERT_EQ(measurement(r).attrs["limit_hours"], 48.0);
  ASSERT_EQ(measurement(r).attrs["business"], true);
  EXPECT_EQ(measurement(r).attrs["clock"], "Europe/Paris, public holidays of FR");
  // Friday 17:40 (CEST) to Monday 10:05 (CET): 6 h 20 + 10 h 05 of business time.
  EXPECT_EQ(minutes(r, "median_minutes"), 16 * 60 + 25);
  EXPECT_EQ(minutes(r, "worst_minutes"), 26 * 60 + 30);
  EXPECT_EQ(minutes(r, "late"), 0);
  // Replies on time, the invoice question unanswered: a partial miss.
  EXPECT_EQ(finding(r, "response_time.kept").status, "warn") << dump(finding(r, "response_time.kept"));
}

TEST(ThreadMailFr, SignaturesIdentityAndDomain) {
  Result r = audit_mail("threads-fr-maison-lumiere", "fr-maison-lumiere");
  const auto& agent = finding(r, "email.agent_named");
  EXPECT_EQ(agent.status, "fail") << dump(agent);
  EXPECT_TRUE(has_evidence(agent, "fr-04-reponse-suspension.eml", "ML-SAV-77342.1730907900@maison-lumiere.fr",
                           "L'équipe Maison Lumière"))
      << dump(agent);
  bool named = false;
  for (const auto* s : r.facts.of_type("signature")) named |= s->attrs["name"] == "Camille Roux";
  EXPECT_TRUE(named) << "fr-02 is signed by Camille Roux";

  const auto& identity = finding(r, "email.sender_identity");
  EXPECT_EQ(identity.status, "pass") << dump(identity);
  EXPECT_TRUE(has_evidence(identity, "fr-06-confirmation-commande.eml", "ML-101245.1732521600@maison-lumiere.fr",
                           "14 rue de la République"))
      << dump(identity);
  // The customer's delivery address in Rennes is not taken for the trader's.
  EXPECT_EQ(identity.message.find("Rennes"), std::string::npos) << identity.message;

  const auto& domain = finding(r, "email.sender_domain");
  EXPECT_EQ(domain.status, "pass") << dump(domain);
  EXPECT_NE(domain.message.find("| maison-lumiere.fr"), std::string::npos) << domain.message;
  // The order confirmation goes out through a mailing service: fine, From is the shop's own.
  bool relayed = false;
  for (const auto* d : r.facts.of_type("sender_domain")) {
    if (d->attrs["relayed"] == true) {
      relayed = true;
      EXPECT_NE(d->attrs["value"].get<std::string>().find("postino-mail.example"), std::string::npos);
      EXPECT_EQ(d->attrs["trader_domain"], true);
    }
  }
  EXPECT_TRUE(relayed);
  EXPECT_EQ(finding(r, "email.autoreply_refusal").status, "not_applicable");
}

// ------------------------------------------------------------------ German shop

TEST(ThreadMailDe, AutoReplyRefusalFromTheImpressumAddress) {
  Result with_site = audit_mail("threads-de-mueller-versand", "de-mueller-versand");
  const auto& f = finding(with_site, "email.autoreply_refusal");
  EXPECT_EQ(f.status, "fail") << dump(f);
  EXPECT_TRUE(has_evidence(f, "de-02-automatische-antwort.eml", "autoreply.1733164204.info@mueller-versand.de",
                           "Auto-Submitted: auto-replied"))
      << dump(f);
  EXPECT_TRUE(has_evidence(f, "de-02-automatische-antwort.eml", "autoreply.1733164204.info@mueller-versand.de",
                           "[[Dieses Postfach wird nicht gelesen]]"))
      << dump(f);
  EXPECT_TRUE(has_evidence(f, "de-02-automatische-antwort.eml", "autoreply.1733164204.info@mueller-versand.de",
                           "[[Bitte nutzen Sie unser Kontaktformular]]"))
      << dump(f);
  // Without the site, whether it is the disclosed address cannot be told: a doubt, not a fail.
  Result mail_only = audit_mail("threads-de-mueller-versand");
  EXPECT_EQ(finding(mail_only, "email.autoreply_refusal").status, "warn");
}

TEST(ThreadMailDe, TheAutoReplyIsNoReplyAndTheHumanOneIsMeasured) {
  Result r = audit_mail("threads-de-mueller-versand");
  const auto& f = finding(r, "response_time.kept");
  EXPECT_EQ(f.status, "warn") << dump(f);  // 36 h 40 late, 4 h 45 on time
  EXPECT_EQ(minutes(r, "answered"), 2);
  EXPECT_EQ(minutes(r, "median_minutes"), 4 * 60 + 45);
  EXPECT_EQ(minutes(r, "worst_minutes"), 36 * 60 + 40);
  EXPECT_EQ(minutes(r, "unanswered"), 0);
  EXPECT_TRUE(has_evidence(f, "de-03-antwort-bestellung.eml", "ks-55081.1733296200@mueller-versand.de",
                           "Date: Wed, 04 Dec 2024 08:10:00 +0100"))
      << dump(f);
  for (const auto& e : f.evidence) EXPECT_NE(base(e.file), "de-02-automatische-antwort.eml") << dump(f);
  // Against the site's "innerhalb von zwei Werktagen" (48 business hours) both are on time.
  Result with_site = audit_mail("threads-de-mueller-versand", "de-mueller-versand");
  ASSERT_EQ(measurement(with_site).attrs["limit_hours"], 48.0);
  ASSERT_EQ(measurement(with_site).attrs["business"], true);
  EXPECT_EQ(finding(with_site, "response_time.kept").status, "pass");
}

TEST(ThreadMailDe, TeamSignatureAndAnAddressTheSiteDoesNotShow) {
  Result r = audit_mail("threads-de-mueller-versand", "de-mueller-versand");
  const auto& agent = finding(r, "email.agent_named");
  EXPECT_EQ(agent.status, "fail") << dump(agent);
  EXPECT_TRUE(has_evidence(agent, "de-03-antwort-bestellung.eml", "ks-55081.1733296200@mueller-versand.de",
                           "Ihr Kundenservice-Team"));
  // The shipping mail gives a street address; the site only a PO box: worth a look.
  const auto& identity = finding(r, "email.sender_identity");
  EXPECT_EQ(identity.status, "warn") << dump(identity);
  EXPECT_TRUE(has_evidence(identity, "de-06-versandbestaetigung.eml", "mv.120417.1733306520.versand@mueller-versand.de",
                           "Lagerstraße 12"))
      << dump(identity);
  EXPECT_EQ(finding(audit_mail("threads-de-mueller-versand"), "email.sender_identity").status, "pass");
}

// ------------------------------------------------------------------ Czech shop

TEST(ThreadMailCs, MalformedFileReportedTheRestJudged) {
  Result r = audit_mail("threads-cs-kavarna-doma");
  ASSERT_EQ(r.report.errors.size(), 1u);
  EXPECT_NE(r.report.errors[0].dump().find("cs-00-poskozena.eml"), std::string::npos);
  const auto& f = finding(r, "response_time.kept");
  // 65 h 30 late, 5 h 20 on time, the reminder of 9 December unanswered: 2 of 3 missed.
  EXPECT_EQ(f.status, "fail") << dump(f);
  EXPECT_EQ(minutes(r, "median_minutes"), 5 * 60 + 20);
  EXPECT_EQ(minutes(r, "worst_minutes"), 65 * 60 + 30);
  EXPECT_EQ(minutes(r, "unanswered"), 1);
  EXPECT_EQ(minutes(r, "requests"), 3);
  EXPECT_TRUE(
      has_evidence(f, "cs-05-doplneni.eml", "5e1d2c3b.0911b@example.com", "Date: Mon, 09 Dec 2024 20:45:00 +0100"))
      << dump(f);
  EXPECT_TRUE(
      has_evidence(f, "cs-02-odpoved-dotaz.eml", "odpoved.KD-24-0911.1733128500@kavarnadoma.cz", "after 65 h 30 min"))
      << dump(f);
}

TEST(ThreadMailCs, TwentyFourBusinessHoursAsTheSiteStates) {
  Result r = audit_mail("threads-cs-kavarna-doma", "cs-kavarna-doma");
  ASSERT_EQ(measurement(r).attrs["limit_hours"], 24.0);
  ASSERT_EQ(measurement(r).attrs["business"], true);
  // Friday 16:05 to Monday 09:35 in Prague: 7 h 55 + 9 h 35.
  EXPECT_EQ(minutes(r, "worst_minutes"), 17 * 60 + 30);
  EXPECT_EQ(finding(r, "response_time.kept").status, "warn");
}

TEST(ThreadMailCs, CzechSignaturesAndIso88592Names) {
  Result r = audit_mail("threads-cs-kavarna-doma");
  const auto& agent = finding(r, "email.agent_named");
  EXPECT_EQ(agent.status, "fail") << dump(agent);
  EXPECT_TRUE(has_evidence(agent, "cs-04-odpoved-reklamace.eml", "odpoved.reklamace.1733235600@kavarnadoma.cz",
                           "Váš tým Kavárna Doma"));
  bool named = false;
  for (const auto* s : r.facts.of_type("signature")) named |= s->attrs["name"] == "Tereza Horáková";
  EXPECT_TRUE(named);
  bool decoded = false;
  for (const auto* a : r.facts.of_type("mail_address")) decoded |= a->attrs["name"] == "Lucie Dvořáková";
  EXPECT_TRUE(decoded) << "RFC 2047 iso-8859-2 display name";
  const auto& identity = finding(r, "email.sender_identity");
  EXPECT_EQ(identity.status, "pass") << dump(identity);
  EXPECT_EQ(identity.message.find("Korunní"), std::string::npos) << "the customer's delivery address";
}

TEST(ThreadMailCs, CustomerOptionLimitsTheCustomerSide) {
  Result r = audit_mail("threads-cs-kavarna-doma", "", {"lucie.dvorakova@example.com"});
  EXPECT_EQ(measurement(r).attrs["customer_side"], "option");
  EXPECT_EQ(minutes(r, "customer_messages"), 2);
  EXPECT_EQ(minutes(r, "answered"), 1);
  EXPECT_EQ(minutes(r, "worst_minutes"), 65 * 60 + 30);
  // Petr Novák, left out of --customer, is on neither side: his messages are not the trader's
  // (no sender-domain failure), and the shop's reply to him is still a service reply.
  EXPECT_EQ(finding(r, "email.sender_domain").status, "pass") << dump(finding(r, "email.sender_domain"));
  EXPECT_EQ(finding(r, "email.sender_identity").status, "pass") << dump(finding(r, "email.sender_identity"));
  EXPECT_EQ(finding(r, "email.agent_named").status, "fail");
}

TEST(ThreadMailCs, CommandLineTakesRepeatedCustomersBeforeThePath) {
  std::string out;
  std::string cmd = omnicheck::testing::omnicheck_binary() +
                    " email --customer lucie.dvorakova@example.com --customer petr.novak@example.net " +
                    (fixtures_dir() / "mail" / "threads-cs-kavarna-doma").string() + " --rules " +
                    rules_dir().string() + " --audit-date 2026-11-23 2>/dev/null";
  omnicheck::testing::run_command(cmd, &out);
  auto report = nlohmann::json::parse(out);
  EXPECT_EQ(report["facts"]["audit"]["customer_side"], "option");
  EXPECT_EQ(report["facts"]["response_time_measurements"][0]["customer_messages"], 3) << out.substr(0, 2000);
}

// ------------------------------------------------------------------ English shop, mbox

TEST(ThreadMailEn, MboxWithABrokenMessageZonesAndSubjectFallback) {
  Result r = audit_mail("threads-en-acme.mbox");
  ASSERT_EQ(r.report.errors.size(), 1u);
  EXPECT_EQ(r.report.errors[0]["offset"], 568);
  const auto& f = finding(r, "response_time.kept");
  EXPECT_EQ(f.status, "warn") << dump(f);
  // 21:50 -0500 to 11:20 +0000: 8 h 30; the forwarded application answered without
  // In-Reply-To after 49 h 30.
  EXPECT_EQ(minutes(r, "median_minutes"), 8 * 60 + 30);
  EXPECT_EQ(minutes(r, "worst_minutes"), 49 * 60 + 30);
  bool subject_linked = false;
  for (const auto* m : r.facts.of_type("message"))
    subject_linked |= m->attrs["value"] == "Re: Fwd: Trade account application" && m->attrs["linked_by"] == "subject";
  EXPECT_TRUE(subject_linked);
  const auto& agent = finding(r, "email.agent_named");
  EXPECT_EQ(agent.status, "fail") << dump(agent);  // "The Acme Widgets team" (HTML only)
  bool priya = false;
  for (const auto* s : r.facts.of_type("signature")) priya |= s->attrs["name"] == "Priya Shah";
  EXPECT_TRUE(priya);
}

TEST(ThreadMailEn, DeclaredTraderDomain) {
  Result r = audit_mail("threads-en-acme.mbox", "", {}, {"acmewidgets.co.uk"});
  EXPECT_EQ(r.facts.audit["trader_domains_source"], "option");
  const auto& f = finding(r, "email.sender_domain");
  EXPECT_EQ(f.status, "pass");
  // Why these are the trader's domains: the evidence says, in the report's words.
  ASSERT_FALSE(f.evidence.empty());
  EXPECT_NE(f.evidence[0].note.find("(given for the audit)"), std::string::npos) << f.evidence[0].note;
}

// ------------------------------------------------------------------ Maildir, Dutch shop in English

TEST(ThreadMailMaildir, OnTimeAcrossTheSpringClockChange) {
  Result r = audit_mail("threads-maildir-en-northwind");
  EXPECT_EQ(r.report.errors.size(), 0u);  // tmp/ holds a half-delivered message: not read
  const auto& f = finding(r, "response_time.kept");
  EXPECT_EQ(f.status, "pass") << dump(f);
  // The site is not audited; the shop's own acknowledgement promises "one working day", and
  // the replies are held to that, in business time (the weekend does not count).
  EXPECT_EQ(measurement(r).attrs["stated"], "mail");
  EXPECT_EQ(measurement(r).attrs["limit_hours"], 24);
  EXPECT_TRUE(measurement(r).attrs["business"].get<bool>());
  EXPECT_NE(f.message.find("as the trader's own e-mail"), std::string::npos) << f.message;
  // Sat 10:00 +0100 to Sun 09:30 +0200 is 22 h 30 of calendar time, not 23 h 30.
  bool across_change = false;
  for (const auto* x : r.facts.of_type("response")) across_change |= x->attrs.value("delay_minutes", 0) == 22 * 60 + 30;
  EXPECT_TRUE(across_change);
  const auto& ack = finding(r, "email.autoreply_refusal");
  EXPECT_EQ(ack.status, "pass") << dump(ack);  // an acknowledgement refuses nothing
  EXPECT_EQ(finding(r, "email.agent_named").status, "pass");
}

TEST(ThreadMailMaildir, ReviewInvitationFromAnotherDomain) {
  Result mail_only = audit_mail("threads-maildir-en-northwind");
  const auto& warn = finding(mail_only, "email.sender_domain");
  EXPECT_EQ(warn.status, "warn") << dump(warn);  // the trader's domain is only inferred
  ASSERT_FALSE(warn.evidence.empty());
  EXPECT_NE(warn.evidence[0].note.find("(inferred from the domain most messages come from)"), std::string::npos)
      << warn.evidence[0].note;
  Result with_site = audit_mail("threads-maildir-en-northwind", "en-northwind-incomplete");
  const auto& fail = finding(with_site, "email.sender_domain");
  EXPECT_EQ(fail.status, "fail") << dump(fail);
  EXPECT_TRUE(has_evidence(fail, "1713168000.M105P2301.mx1.example.com", "inv-5521907@invites.reviewpost.example",
                           "From: Northwind Outdoor <northwind-outdoor@invites.reviewpost.example>"))
      << dump(fail);
  EXPECT_EQ(finding(with_site, "email.sender_identity").status, "fail");
}

// ------------------------------------------------------------------ the first fixture mailboxes

TEST(TemplateMail, NewRulesOnTheOriginalMailboxes) {
  // Order and shipping mails only: no thread has a customer message.
  Result fr = audit_mail("fr-maison-lumiere");
  EXPECT_EQ(finding(fr, "response_time.kept").status, "inconclusive");
  EXPECT_EQ(finding(fr, "email.agent_named").status, "not_applicable");
  EXPECT_EQ(finding(fr, "email.sender_domain").status, "pass");
  // The newsletter names neither the company nor an address; the order mail does.
  EXPECT_EQ(finding(fr, "email.sender_identity").status, "fail");
  Result de = audit_mail("de-mueller-versand");
  const auto& de_identity = finding(de, "email.sender_identity");
  EXPECT_EQ(de_identity.status, "fail") << dump(de_identity);  // Postfach only
  EXPECT_TRUE(has_evidence(de_identity, "01-bestellbestaetigung.eml",
                           "mv.118734.1712171860.bestellung@mueller-versand.de", "Postfach 10 20 30"))
      << dump(de_identity);
  Result en = audit_mail("en-acme-widgets.mbox");
  EXPECT_EQ(finding(en, "email.autoreply_refusal").status, "not_applicable");
}

}  // namespace
}  // namespace omnicheck::audit

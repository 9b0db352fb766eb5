// End-to-end audits of the bundled fixture shops: every rule's status, and the evidence a
// person would check (page URL and hash, locator, quoted snippet; file and header for e-mails).
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "audit/audit.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

using omnicheck::testing::fixtures_dir;
using omnicheck::testing::rules_dir;

struct Expectation {
  std::string site, mail;
  std::map<std::string, std::string> status;
};

Result audit_fixture(const Expectation& e) {
  Options opt;
  opt.target = (fixtures_dir() / "sites" / e.site).string();
  if (!e.mail.empty()) opt.emails = (fixtures_dir() / "mail" / e.mail).string();
  opt.rules_dir = rules_dir().string();
  opt.audit_date = "2026-11-23";
  // No channel probes here: no test may reach the system resolver. contact.effective on the
  // fixtures runs against a loopback resolver in channel_probe_test.cc.
  opt.probe = false;
  return run(opt);
}

const rules::Finding& finding(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f;
  }
  throw std::runtime_error("no finding " + id);
}

bool any_snippet_contains(const rules::Finding& f, const std::string& text) {
  for (const auto& e : f.evidence) {
    if (e.snippet.find(text) != std::string::npos || e.header.find(text) != std::string::npos) return true;
  }
  return false;
}

// The tables of fixtures/README.md.
void PrintTo(const Expectation& e, std::ostream* os) { *os << e.site; }

const std::vector<Expectation> kFixtures = {
    {"fr-maison-lumiere", "fr-maison-lumiere",
     {{"trader.identity", "pass"}, {"trader.address", "pass"}, {"contact.email", "pass"}, {"contact.phone", "pass"},
      {"legal_notice.accessible", "pass"}, {"contact.discoverable", "pass"}, {"email.no_reply_sender", "fail"},
      {"email.no_reply_notice", "fail"}}},
    {"de-mueller-versand", "de-mueller-versand",
     {{"trader.identity", "pass"}, {"trader.address", "fail"}, {"contact.email", "pass"}, {"contact.phone", "pass"},
      {"legal_notice.accessible", "warn"}, {"contact.discoverable", "pass"}, {"email.no_reply_sender", "pass"},
      {"email.no_reply_notice", "pass"}}},
    {"cs-kavarna-doma", "cs-kavarna-doma",
     {{"trader.identity", "pass"}, {"trader.address", "pass"}, {"contact.email", "pass"}, {"contact.phone", "fail"},
      {"legal_notice.accessible", "pass"}, {"contact.discoverable", "pass"}, {"email.no_reply_sender", "fail"},
      {"email.no_reply_notice", "fail"}}},
    {"en-acme-widgets", "en-acme-widgets.mbox",
     {{"trader.identity", "pass"}, {"trader.address", "pass"}, {"contact.email", "fail"}, {"contact.phone", "pass"},
      {"legal_notice.accessible", "pass"}, {"contact.discoverable", "fail"}, {"email.no_reply_sender", "fail"},
      {"email.no_reply_notice", "pass"}}},
    {"en-northwind-incomplete", "",
     {{"trader.identity", "inconclusive"}, {"trader.address", "inconclusive"}, {"contact.email", "pass"},
      {"contact.phone", "pass"}, {"legal_notice.accessible", "inconclusive"}, {"contact.discoverable", "pass"},
      {"email.no_reply_sender", "not_applicable"}, {"email.no_reply_notice", "not_applicable"}}},
};

class FixtureAudit : public ::testing::TestWithParam<Expectation> {};

TEST_P(FixtureAudit, EveryRuleHasItsExpectedStatusWithEvidence) {
  const Expectation& e = GetParam();
  Result r = audit_fixture(e);
  const std::regex hex64("^[0-9a-f]{64}$");
  for (const auto& [rule, status] : e.status) {
    const auto& f = finding(r, rule);
    EXPECT_EQ(f.status, status) << e.site << " " << rule << ": " << f.message;
    if (status == "pass" || status == "fail" || status == "warn") {
      ASSERT_FALSE(f.evidence.empty()) << e.site << " " << rule << " has no evidence";
      for (const auto& ev : f.evidence) {
        if (!ev.url.empty()) {
          EXPECT_TRUE(std::regex_match(ev.sha256, hex64)) << rule << " evidence without page hash: " << ev.url;
          EXPECT_FALSE(ev.fetched_at.empty());
        } else {
          EXPECT_FALSE(ev.file.empty()) << rule << ": evidence names neither a URL nor a file";
        }
      }
    }
    EXPECT_FALSE(f.law.empty()) << rule;
  }
}

INSTANTIATE_TEST_SUITE_P(Shops, FixtureAudit, ::testing::ValuesIn(kFixtures),
                         [](const auto& info) {
                           std::string n = info.param.site;
                           for (auto& c : n) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(FixtureEvidence, FrenchShopQuotesWhatItFound) {
  Result r = audit_fixture(kFixtures[0]);
  const auto& address = finding(r, "trader.address");
  EXPECT_TRUE(any_snippet_contains(address, "14 rue de la République")) << address.message;
  bool on_legal_page = false;
  for (const auto& ev : address.evidence) on_legal_page |= ev.url.find("mentions-legales") != std::string::npos;
  EXPECT_TRUE(on_legal_page);
  // The host's address on the same page is recognised as the host's, not the trader's.
  EXPECT_EQ(address.message.find("Roubaix"), std::string::npos) << address.message;
  // The obfuscated address on the contact page is found and de-obfuscated.
  const auto& email = finding(r, "contact.email");
  EXPECT_NE(email.message.find("service-client@maison-lumiere.fr"), std::string::npos) << email.message;
  // The no-reply newsletter is the failing message; the order confirmation's Reply-To cures its own From.
  const auto& sender = finding(r, "email.no_reply_sender");
  EXPECT_NE(sender.message.find("1 of 2 messages"), std::string::npos) << sender.message;
  EXPECT_TRUE(any_snippet_contains(sender, "ne-pas-repondre@news.maison-lumiere.fr"));
  EXPECT_FALSE(any_snippet_contains(sender, "noreply@maison-lumiere.fr"));
}

TEST(FixtureEvidence, GermanPoBoxIsQuotedAsTheReasonForFailure) {
  Result r = audit_fixture(kFixtures[1]);
  const auto& address = finding(r, "trader.address");
  EXPECT_TRUE(any_snippet_contains(address, "Postfach 10 20 30")) << address.message;
  EXPECT_NE(address.message.find("PO box"), std::string::npos);
  // windows-1252 bytes came out as UTF-8.
  EXPECT_NE(finding(r, "trader.identity").message.find("Müller & Söhne Versandhandel GmbH"), std::string::npos);
  const auto& reach = finding(r, "legal_notice.accessible");
  EXPECT_NE(reach.message.find("two clicks"), std::string::npos) << reach.message;
}

TEST(FixtureEvidence, CzechShopFindsNoPhoneAndTakesNoIdentifierForOne) {
  Result r = audit_fixture(kFixtures[2]);
  for (const auto& f : r.facts.facts) {
    EXPECT_NE(f.type, "phone") << "IČO/DIČ or a postcode read as a phone: " << f.attrs.dump();
  }
  EXPECT_NE(finding(r, "trader.identity").message.find("Kavárna Doma s.r.o."), std::string::npos);
  EXPECT_NE(finding(r, "trader.address").message.find("Vinohradská 1234/56"), std::string::npos);
}

TEST(FixtureEvidence, EnglishShopFormOnlyAndPoBoxBesideStreet) {
  Result r = audit_fixture(kFixtures[3]);
  const auto& email = finding(r, "contact.email");
  EXPECT_NE(email.message.find("contact form"), std::string::npos) << email.message;
  EXPECT_NE(finding(r, "trader.address").message.find("27 Old Street"), std::string::npos);
  // The retina logo "acme-logo@2x.png" is not an e-mail address.
  for (const auto& f : r.facts.of_type("email")) ADD_FAILURE() << "unexpected e-mail " << f->attrs.dump();
  const auto& sender = finding(r, "email.no_reply_sender");
  EXPECT_TRUE(any_snippet_contains(sender, "donotreply@acmewidgets.co.uk"));
}

TEST(FixtureEvidence, MissingLegalPageMakesIdentityInconclusiveNotFail) {
  Result r = audit_fixture(kFixtures[4]);
  const auto& id = finding(r, "trader.identity");
  EXPECT_EQ(id.status, "inconclusive");
  bool names_missing_page = false;
  for (const auto& ev : id.evidence) names_missing_page |= ev.url.find("legal-notice.html") != std::string::npos;
  EXPECT_TRUE(names_missing_page) << "the finding must say which page could not be read";
}

}  // namespace
}  // namespace omnicheck::audit

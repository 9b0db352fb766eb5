// A page or a message keeps at most kFactsPerSource facts of one type (issue 16: memory bounded
// by the page, not by what a hostile page repeats). What is dropped is named in the report, and
// a rule whose pass rests on what was dropped says inconclusive, never pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "audit/audit.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

namespace fs = std::filesystem;
using omnicheck::testing::fresh_dir;

void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

std::string status(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f.status;
  }
  return "(none)";
}

Options options() {
  Options opt;
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-12-07";
  opt.probe = false;
  return opt;
}

// A sale page of `n` products, each with its struck price, under one footnote that states the
// prior price of every struck price.
std::string sale_page(int n) {
  std::string cards;
  for (int i = 0; i < n; ++i) {
    cards += "<li class=\"product\"><h3>Tasse " + std::to_string(i) + "</h3><p class=\"price\"><del>" +
             std::to_string(20 + i % 70) + ",95 €</del> <ins>" + std::to_string(10 + i % 9) + ",95 €</ins></p></li>\n";
  }
  return R"(<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Sale – Keramik Hofer</title></head><body>
<header><a href="/">Keramik Hofer</a></header><main><h1>Sale</h1><ul class="products">
)" + cards +
         R"(</ul><p class="note">* Durchgestrichene Preise: niedrigster Preis der letzten 30 Tage vor der Preisermäßigung.</p></main>
<footer><a href="impressum.html">Impressum</a></footer></body></html>)";
}

std::size_t count_of(const Result& r, const std::string& key) {
  const auto& facts = r.report.facts;
  return facts.contains(key) ? facts[key].size() : 0;
}

TEST(FactBudget, APageOfMoreReductionsThanTheBudgetIsJudgedInconclusiveAndSaysSo) {
  const fs::path dir = fresh_dir("fact-budget-site");
  write(dir / "impressum.html", "<html lang=de><body><h1>Impressum</h1><p>Keramik Hofer GmbH</p></body></html>");

  // Counter-case first: 300 reductions, all covered by the footnote, are judged: pass.
  write(dir / "index.html", sale_page(300));
  Options opt = options();
  opt.target = dir.string();
  Result small = run(opt);
  EXPECT_EQ(count_of(small, "price_reductions"), 300u);
  EXPECT_EQ(status(small, "price.prior_price"), "pass");
  EXPECT_EQ(small.facts.audit["facts_cut"], false);

  write(dir / "index.html", sale_page(static_cast<int>(extract::kFactsPerSource) + 700));
  Result big = run(opt);
  EXPECT_EQ(count_of(big, "price_reductions"), extract::kFactsPerSource);
  EXPECT_EQ(status(big, "price.prior_price"), "inconclusive");
  EXPECT_EQ(big.facts.audit["facts_cut"], true);
  EXPECT_EQ(big.report.target_extra["crawl_complete"], false);
  bool named = false;
  for (const auto& n : big.report.target_extra["crawl_notes"]) {
    const std::string note = n.get<std::string>();
    named |= note.find("index.html") != std::string::npos && note.find("700 more price_reduction facts") != std::string::npos;
  }
  EXPECT_TRUE(named) << big.report.target_extra["crawl_notes"].dump(1);
  fs::remove_all(dir);
}

std::string notice_mail(int lines, bool alternative_at_end) {
  std::string body;
  for (int i = 0; i < lines; ++i) body += "<p>Merci de ne pas r&eacute;pondre &agrave; ce message.</p>\n";
  if (alternative_at_end) body += "<p>Une question ? &Eacute;crivez &agrave; service@boutique-exemple.fr</p>\n";
  return "From: Boutique Exemple <noreply@boutique-exemple.fr>\nTo: claire.martin@example.org\n"
         "Subject: Votre commande 10442\nDate: Mon, 02 Sep 2024 10:00:00 +0200\n"
         "Message-ID: <c10442@boutique-exemple.fr>\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
         "<html><body>" + body + "</body></html>\n";
}

TEST(FactBudget, AMessageRepeatingItsNoticePastTheBudgetIsNotFailedOnWhatWasRead) {
  const fs::path dir = fresh_dir("fact-budget-mail");
  Options opt = options();
  opt.emails = (dir / "commande.eml").string();

  // Counter-case: 40 notices and nothing else: the notice fails.
  write(dir / "commande.eml", notice_mail(40, false));
  Result few = run(opt);
  EXPECT_EQ(status(few, "email.no_reply_notice"), "fail");
  EXPECT_FALSE(few.report.target_extra.contains("mail_notes"));

  // 3,000 notices and, after them, an address to write to: the recorded ones lack it, the
  // message is not wholly read, so the notice is not failed.
  write(dir / "commande.eml", notice_mail(3000, true));
  Result many = run(opt);
  EXPECT_EQ(count_of(many, "no_reply_notices"), extract::kFactsPerSource);
  EXPECT_EQ(status(many, "email.no_reply_notice"), "inconclusive");
  ASSERT_TRUE(many.report.target_extra.contains("mail_notes"));
  const std::string note = many.report.target_extra["mail_notes"][0].get<std::string>();
  EXPECT_NE(note.find("commande.eml"), std::string::npos) << note;
  EXPECT_NE(note.find("no_reply_notice facts past the budget"), std::string::npos) << note;
  fs::remove_all(dir);
}

TEST(FactBudget, AMessageNestedPastTheMimeBudgetIsNotPassedOnWhatWasRead) {
  const fs::path dir = fresh_dir("mime-budget-mail");
  // The do-not-reply notice sits 80 multiparts deep: it was a silent pass before.
  std::string eml =
      "From: Versandhaus Brandt <noreply@versandhaus-brandt.de>\nTo: kunde@example.org\n"
      "Subject: Ihre Bestellung 48213\nDate: Mon, 02 Sep 2024 10:00:00 +0200\n"
      "Message-ID: <b48213@versandhaus-brandt.de>\nMIME-Version: 1.0\n";
  for (int i = 0; i < 80; ++i) eml += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" + std::to_string(i) + "\n";
  eml += "Content-Type: text/plain; charset=utf-8\n\nBitte antworten Sie nicht auf diese E-Mail.\n";
  for (int i = 79; i >= 0; --i) eml += "--b" + std::to_string(i) + "--\n";
  write(dir / "tief.eml", eml);
  Options opt = options();
  opt.emails = (dir / "tief.eml").string();
  Result r = run(opt);
  EXPECT_EQ(status(r, "email.no_reply_notice"), "inconclusive");
  bool named = false;
  for (const auto& e : r.report.errors) named |= e.value("error", std::string()).find("nested deeper than 64 levels") != std::string::npos;
  EXPECT_TRUE(named) << r.report.errors.dump(1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace omnicheck::audit

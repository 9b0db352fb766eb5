#include "report/sample_reports.h"

namespace omnicheck::report::testing {
namespace {

const rules::LawRef kCrd6{"CRD", "6(1)(c)", "https://eur-lex.europa.eu/eli/dir/2011/83/oj#art_6"};
const rules::LawRef kEcd5{"ECD", "5(1)(c)", "https://eur-lex.europa.eu/eli/dir/2000/31/oj#art_5"};

extract::Evidence web(std::string url, std::string locator, std::string region, std::string snippet,
                      std::string note) {
  extract::Evidence e;
  e.url = std::move(url);
  e.fetched_at = "2025-03-14T09:12:45Z";
  e.status = 200;
  e.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  e.locator = std::move(locator);
  e.region = std::move(region);
  e.snippet = std::move(snippet);
  e.note = std::move(note);
  return e;
}

}  // namespace

Report sample_report() {
  Report r;
  r.tool_version = "0.1.0";
  r.rules_version = "r-4be1c0de";
  r.target_url = "https://www.boutique-exemple.fr/";
  r.started_at = "2025-03-14T09:12:40Z";
  r.finished_at = "2025-03-14T09:14:02Z";
  r.audit_date = "2025-03-14";
  r.pages_fetched = 37;
  r.target_extra = {
      {"country", "FR"}, {"emails_path", "mail/"}, {"crawl_notes", {"page cap of 40 not reached"}}};

  rules::Finding identity;
  identity.rule = "trader.identity";
  identity.title = "The trader's legal name is disclosed";
  identity.status = "pass";
  identity.severity = "violation";
  identity.message = "Raison sociale trouvée avec sa forme juridique.";
  identity.law = {{"CRD", "6(1)(b)", "https://eur-lex.europa.eu/eli/dir/2011/83/oj#art_6"},
                  {"ECD", "5(1)(a)", "https://eur-lex.europa.eu/eli/dir/2000/31/oj#art_5"}};
  identity.evidence = {web("https://www.boutique-exemple.fr/mentions-legales",
                           "footer > div.legal > p:nth-of-type(2)", "footer",
                           "Éditeur du site : [[Boutique Exemple SAS]], au capital de 10 000 €, "
                           "RCS Lyon 123 456 789",
                           "legal name with its legal form")};

  rules::Finding call_cost;
  call_cost.rule = "call_cost.disclosed";
  call_cost.title = "The price of charged numbers is stated next to them";
  call_cost.status = "fail";
  call_cost.severity = "violation";
  call_cost.message = "Die Service-Rufnummer 0180 6 123456 ist ohne Preisangabe angegeben.";
  call_cost.law = {{"CRD", "6(1)(f)", "https://eur-lex.europa.eu/eli/dir/2011/83/oj#art_6"},
                   {"TKG", "§ 109", "https://www.gesetze-im-internet.de/tkg_2021/__109.html"}};
  call_cost.evidence = {
      web("https://www.boutique-exemple.fr/de/kontakt", "main > section#hotline > p", "main",
          "Kundenservice: [[0180 6 123456]] (Mo–Fr 8–18 Uhr)", "shared-cost number, no price"),
      web("https://www.boutique-exemple.fr/de/", "footer > ul > li:nth-of-type(3)", "footer",
          "Hotline [[0180 6 123456]]", "same number in the footer")};

  rules::Finding noreply;
  noreply.rule = "email.no_reply_sender";
  noreply.title = "E-mails can be answered";
  noreply.status = "fail";
  noreply.severity = "violation";
  noreply.message = "Potvrzení objednávky přichází z adresy, na kterou nelze odpovědět.";
  noreply.law = {kCrd6};
  extract::Evidence mail;
  mail.file = "mail/potvrzeni-objednavky.mbox";
  mail.offset = 18234;
  mail.message_id = "20250301101500.4711@mail.obchod-priklad.cz";
  mail.header = "From: Obchod Příklad <neodpovidejte@obchod-priklad.cz>";
  mail.date = "Sat, 01 Mar 2025 10:15:00 +0100";
  mail.snippet = "From: Obchod Příklad <[[neodpovidejte@obchod-priklad.cz]]>";
  mail.note = "no-reply sender";
  extract::Evidence eml = mail;
  eml.file = "mail/versand.eml";
  eml.offset = 0;
  eml.message_id = "";
  eml.header = "";
  eml.snippet =
      "Bitte antworten Sie nicht auf diese E-Mail: [[nicht-antworten@boutique-exemple.fr]]";
  noreply.evidence = {mail, eml};

  rules::Finding response;
  response.rule = "response_time.stated";
  response.title = "Response times of written channels are stated";
  response.status = "warn";
  response.severity = "advice";
  response.message = "Only the contact form states a response time (« sous 48 h »).";
  response.law = {kCrd6};
  response.evidence = {web("https://www.boutique-exemple.fr/contact", "main > form + p", "main",
                           "Nous répondons [[sous 48 h]] ouvrées.", "form response time")};

  rules::Finding register_id;
  register_id.rule = "trader.register";
  register_id.title = "Trade register and VAT id are disclosed";
  register_id.status = "warn";
  register_id.severity = "warning";
  register_id.message = "VAT id FR12345678901 fails its check digit: likely a typo.";
  register_id.law = {{"ECD", "5(1)(d),(g)", "https://eur-lex.europa.eu/eli/dir/2000/31/oj#art_5"}};
  register_id.evidence = {web("https://www.boutique-exemple.fr/mentions-legales",
                              "footer > div.legal > p:nth-of-type(3)", "footer",
                              "N° TVA intracommunautaire : [[FR12345678901]]",
                              "VAT id with a wrong check digit")};

  rules::Finding odr;
  odr.rule = "odr.link";
  odr.title = "No link to the closed ODR platform";
  odr.status = "not_applicable";
  odr.severity = "warning";
  odr.message = "The ODR platform closed on 2025-07-20; the audit date is before that.";
  odr.law = {
      {"Regulation (EU) 524/2013", "14(1)", "https://eur-lex.europa.eu/eli/reg/2013/524/oj"}};

  rules::Finding notice;
  notice.rule = "legal_notice.accessible";
  notice.title = "The legal notice is reachable from every page";
  notice.status = "inconclusive";
  notice.severity = "violation";
  notice.message = "robots.txt denied /compte/; 12 pages could not be sampled.";
  notice.law = {kEcd5};

  rules::Finding email;
  email.rule = "contact.email";
  email.title = "An e-mail address of the trader is disclosed";
  email.status = "pass";
  email.severity = "violation";
  email.message = "service-client@boutique-exemple.fr";
  email.law = {kCrd6, kEcd5};
  email.evidence = {web("https://www.boutique-exemple.fr/contact", "main > address > a", "main",
                        "Écrivez-nous : [[service-client@boutique-exemple.fr]]", "mailto link")};

  r.findings = {identity, call_cost, noreply, response, register_id, odr, notice, email};
  r.facts = {{"emails", {{{"address", "service-client@boutique-exemple.fr"}, {"page", 3}}}},
             {"phones", {{{"number", "+49 180 6 123456"}, {"type", "shared_cost"}}}},
             {"legal_names", {"Boutique Exemple SAS"}}};
  r.errors = nlohmann::json::array(
      {"mail/kaputt.eml: not a MIME message",
       {{"file", "mail/old.mbox"}, {"offset", 5120}, {"error", "no Date header"}},
       {{"url", "https://www.boutique-exemple.fr/panier"}, {"error", "HTTP 503"}}});
  return r;
}

Report hostile_report() {
  Report r;
  r.tool_version = "0.1.0";
  r.rules_version = "r-<b>";
  r.target_url = "https://shop.example/?q=\"><script>alert(12)</script>";
  r.started_at = "2025-03-14T09:12:40Z";
  r.finished_at = "2025-03-14T09:14:02Z";
  r.audit_date = "2025-03-14";
  r.pages_fetched = 3;
  r.target_extra = {{"country", "<b>FR</b>"}, {"crawl_notes", {"<script>alert(13)</script>"}}};

  rules::Finding f;
  f.rule = "contact.email";
  f.title = "\"><img src=x onerror=alert(2)>";
  f.status = "fail";
  f.severity = "violation";
  f.message = std::string("<script>alert(1)</script> =HYPERLINK(\"http://evil\") ") + kScriptProbe;
  f.law = {{"CRD", "6(1)(c)\"><script>alert(9)</script>", "javascript:alert(9)"},
           {"ECD", "5", " javascript:alert(10)"}};

  extract::Evidence js =
      web("javascript:alert(3)", "div[onclick=\"alert(5)\"] > p", "footer", "", "");
  js.snippet =
      "Kontakt: [[<script>alert(6)</script>]] ]] [[ [[nested]] ]] [[unclosed "
      "\"><img src=x onerror=alert(7)>";
  js.note = "</pre><script>alert(14)</script>";
  extract::Evidence mixed_case = web("JaVaScRiPt:alert(4)", "a", "main", "x", "y");
  extract::Evidence tabbed = web("java\tscript:alert(4)", "a", "main", "", "");
  extract::Evidence data = web("data:text/html,<script>alert(4)</script>", "a", "main", "", "");
  extract::Evidence bytes =
      web("https://shop.example/\"onmouseover=\"alert(15)", "a", "main", "", "");
  // Invalid UTF-8 (a lone continuation byte, an overlong, a surrogate, a truncated sequence)
  // and control characters that XML cannot carry.
  bytes.snippet = std::string("Tel\xC3\x28 \xFF\xFE \xC0\xAF \xED\xA0\x80 [[\x01\x02") +
                  kScriptProbe + "]] end\xE2\x82";
  extract::Evidence mail;
  mail.file = "mail/<script>.eml";
  mail.offset = 7;
  mail.message_id = "<script>alert(16)</script>@evil";
  mail.header = "Subject: </pre><script>alert(8)</script>";
  mail.date = "<img src=x onerror=alert(17)>";
  mail.snippet = "+cmd|' /C calc'!A0";
  mail.note = "@SUM(1+1)*cmd|' /C calc'!A0";
  f.evidence = {js, mixed_case, tabbed, data, bytes, mail};

  rules::Finding g;
  g.rule = "x\"><script>alert(18)</script>";
  g.title = "| pipe | title\n# heading";
  g.status = "<b>weird</b>";
  g.severity = "-2+3";
  g.message = "\tTAB first";

  rules::Finding h;
  h.rule = "email.no_reply_sender";
  h.title = "E-mails can be answered";
  h.status = "inconclusive";
  h.severity = "violation";
  h.message = "\rCR first ]]> <![CDATA[ x ]]>";
  h.evidence = {web("https://shop.example/a", "a", "main", "@import url(evil)", "-1")};

  r.findings = {f, g, h};
  r.facts = {{"emails", {{{"address", "</details><script>alert(10)</script>@x.fr"}}}},
             {"<svg onload=alert(19)>", {"\xFF"}}};
  r.errors = nlohmann::json::array({"<iframe src=javascript:alert(11)>"});
  return r;
}

}  // namespace omnicheck::report::testing

// Stated response times in eight languages, normalised to {hours, business, channel}; the
// delivery, withdrawal and complaint periods that share the wording are not response times.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

struct Expected {
  const char* html;
  double hours;
  bool business;
  const char* channel;
};

void expect_statement(const Expected& e) {
  auto s = facts_of_page(std::string("<p>") + e.html + "</p>", "https://shop.example.eu/contact");
  auto found = s.of_type("response_time_statement");
  ASSERT_EQ(found.size(), 1u) << e.html;
  const Fact& f = *found.front();
  EXPECT_DOUBLE_EQ(f.attrs["hours"].get<double>(), e.hours) << e.html;
  EXPECT_EQ(f.attrs["business"].get<bool>(), e.business) << e.html;
  EXPECT_EQ(f.attrs["channel"], e.channel) << e.html;
  EXPECT_FALSE(f.attrs["value"].get<std::string>().empty());
  EXPECT_NE(f.evidence.snippet.find("[["), std::string::npos);
}

TEST(ResponseTime, EightLanguages) {
  const Expected cases[] = {
      {"We reply to every email within 24 hours.", 24, false, "email"},
      {"Send us a message using the form below and we will get back to you within 2 working days.", 48, true, "form"},
      {"We answer emails within one working day.", 24, true, "email"},
      {"Nous r&eacute;pondons sous 48 h ouvr&eacute;es.", 48, true, "any"},
      {"Notre service client vous r&eacute;pond par e-mail sous deux jours ouvr&eacute;s.", 48, true, "email"},
      {"Schreiben Sie uns – wir beantworten Ihre Anfrage innerhalb von zwei Werktagen.", 48, true, "any"},
      {"E-Mails beantworten wir in der Regel innerhalb von 24 Stunden.", 24, false, "email"},
      {"Na e-maily odpovídáme do 24 hodin v pracovní dny.", 24, true, "email"},
      {"Odpovíme vám do 2 pracovních dnů.", 48, true, "any"},
      {"Rispondiamo alle e-mail entro 2 giorni lavorativi.", 48, true, "email"},
      {"Te responderemos en un plazo de 48 horas.", 48, false, "any"},
      {"Via ons contactformulier: wij antwoorden binnen 2 werkdagen.", 48, true, "form"},
      {"Na wiadomości e-mail odpowiadamy w ciągu 2 dni roboczych.", 48, true, "email"},
      {"Live-Chat: Antwort innerhalb von 5 Minuten.", 0.08, false, "chat"},
      {"We respond within 24 to 48 hours.", 48, false, "any"},
      {"Réponse sous 24h.", 24, false, "any"},
      {"Antwort in der Regel innerhalb eines Werktages.", 24, true, "any"},
      {"Je ontvangt binnen 24 uur antwoord op je e-mail.", 24, false, "email"},
      {"Te contestaremos en menos de 24 horas.", 24, false, "any"},
      {"Risposta entro 24 ore.", 24, false, "any"},
      {"Sie haben eine Frage zu Ihrer Bestellung? Schreiben Sie uns an <a href=\"mailto:service@shop.example\">"
       "service@shop.example</a>. E-Mails beantworten wir innerhalb von 24 Stunden an Werktagen.", 24, true, "email"},
  };
  for (const auto& e : cases) expect_statement(e);
}

TEST(ResponseTime, DeliveryWithdrawalAndComplaintPeriodsAreNoResponseTimes) {
  for (const char* html : {
           "Lieferung innerhalb von 2 Werktagen.",
           "Sie können den Vertrag innerhalb von 14 Tagen widerrufen.",
           "Livraison sous 48 h ouvrées.",
           "Reklamaci vyřídíme bez zbytečného odkladu, nejpozději do 30 dnů ode dne jejího uplatnění.",
           "We dispatch orders within 24 hours and reply to delivery questions by email.",
           "Spedizione entro 2 giorni lavorativi.",
           "Wij verzenden binnen 24 uur.",
           "Refunds are processed within 14 days.",
       }) {
    auto s = facts_of_page(std::string("<p>") + html + "</p>", "https://shop.example.eu/contact");
    EXPECT_TRUE(s.of_type("response_time_statement").empty()) << html;
  }
}

}  // namespace
}  // namespace omnicheck::extract

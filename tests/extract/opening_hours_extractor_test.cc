// Opening hours in eight languages, normalised to {channel, days, from, to}; counts of days
// ("5 à 8 jours ouvrés", "1–3 Werktage") are not hours.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

struct Expected {
  const char* html;
  const char* country;
  const char* days;
  const char* from;
  const char* to;
  const char* channel;
};

TEST(OpeningHours, EightLanguages) {
  const Expected cases[] = {
      {"<p>Telefon: 040 1234567-0<br>Mo–Fr 9–18 Uhr</p>", "DE", "mon-fri", "09:00", "18:00", "phone"},
      {"<p>Service client : 01 99 00 12 34<br>du lundi au vendredi de 9h à 18h</p>", "FR", "mon-fri", "09:00", "18:00", "phone"},
      {"<p>Zákaznická linka Po–Pá 8:00–16:00</p>", "CZ", "mon-fri", "08:00", "16:00", "phone"},
      {"<p>Lines open Monday to Friday 9am–5pm (closed on bank holidays).</p>", "GB", "mon-fri", "09:00", "17:00", "phone"},
      {"<p>Assistenza telefonica dal lunedì al venerdì dalle 9 alle 18</p>", "IT", "mon-fri", "09:00", "18:00", "phone"},
      {"<p>Atención telefónica de lunes a viernes de 9:00 a 18:00</p>", "ES", "mon-fri", "09:00", "18:00", "phone"},
      {"<p>Telefonisch bereikbaar ma t/m vr 9.00-17.30 uur</p>", "NL", "mon-fri", "09:00", "17:30", "phone"},
      {"<p>Infolinia czynna od poniedziałku do piątku w godz. 8-16</p>", "PL", "mon-fri", "08:00", "16:00", "phone"},
      {"<p>Live-Chat: Mo.-Fr. 8:00 - 20:00</p>", "DE", "mon-fri", "08:00", "20:00", "chat"},
      {"<p>Öffnungszeiten unseres Ladens: Mo–Sa 10–19 Uhr</p>", "DE", "mon-sat", "10:00", "19:00", "any"},
      {"<p>Notre chat est disponible 24h/24 7j/7.</p>", "FR", "mon-sun", "00:00", "24:00", "chat"},
      {"<p>Tel. 02 1234 5678 Lun-Ven 9:00-13:00 / 14:00-18:00</p>", "IT", "mon-fri", "09:00", "18:00", "phone"},
      {"<p>Phone 020 7946 0000. Monday – Friday: 9:00am – 5:30pm</p>", "GB", "mon-fri", "09:00", "17:30", "phone"},
      {"<p>Call 020 7946 0000, Mon-Fri 9-5</p>", "GB", "mon-fri", "09:00", "17:00", "phone"},
      {"<p>Téléphone 01 23 45 67 89. Du lundi au vendredi, de 9 h à 18 h</p>", "FR", "mon-fri", "09:00", "18:00", "phone"},
      {"<p>Telefon: 089 1234567<br>Erreichbarkeit: Montag bis Freitag von 8:00 bis 18:00 Uhr</p>", "DE", "mon-fri", "08:00", "18:00", "phone"},
      // Four digits without a separator (IE, MT, GB and some German sites).
      {"<p>Phone lines open Mon–Fri 0830 to 1730</p>", "IE", "mon-fri", "08:30", "17:30", "phone"},
      {"<p>Opening hours: Mon&ndash;Sat 0900&ndash;1800</p>", "MT", "mon-sat", "09:00", "18:00", "any"},
      {"<p>Telefon 0341 2290 3900<br>Servicezeiten: Mo-Fr 0830-1815 Uhr</p>", "DE", "mon-fri", "08:30", "18:15", "phone"},
  };
  for (const auto& e : cases) {
    auto s = facts_of_page(e.html, "https://shop.example.eu/contact", e.country);
    auto found = s.of_type("opening_hours");
    ASSERT_FALSE(found.empty()) << e.html;
    const Fact& f = *found.front();
    EXPECT_EQ(f.attrs["days"], e.days) << e.html;
    EXPECT_EQ(f.attrs["from"], e.from) << e.html;
    EXPECT_EQ(f.attrs["to"], e.to) << e.html;
    EXPECT_EQ(f.attrs["channel"], e.channel) << e.html;
  }
}

TEST(OpeningHours, SeveralRangesOnOneLine) {
  auto s = facts_of_page("<p>Telefon: 040 1234567-0 – Mo–Fr 8–18 Uhr, Sa 9–13 Uhr</p>", "https://shop.example.de/kontakt", "DE");
  std::vector<std::string> got;
  for (const auto* f : s.of_type("opening_hours")) {
    got.push_back(f->attrs["days"].get<std::string>() + " " + f->attrs["from"].get<std::string>() + "-" +
                  f->attrs["to"].get<std::string>());
  }
  EXPECT_EQ(got, (std::vector<std::string>{"mon-fri 08:00-18:00", "sat 09:00-13:00"}));
}

TEST(OpeningHours, CountsOfDaysAreNoHours) {
  for (const char* html : {"<p>Livraison en 5 à 8 jours ouvrés.</p>", "<p>Lieferzeit Mo–Fr 1–3 Werktage</p>",
                           "<p>Versand innerhalb von 2–3 Tagen</p>", "<p>Shop open 24/7 for orders.</p>",
                           // Years and four-digit numbers without day names are no hours.
                           "<p>&copy; 2011-2026 Tintenwerk</p>", "<p>Bestellnummer 2026-5581 vom Montag</p>",
                           "<p>Mo-Fr Lieferung 2-3 Tage, Art.-Nr. 1234-5678</p>"}) {
    auto s = facts_of_page(html, "https://shop.example.eu/", "DE");
    EXPECT_TRUE(s.of_type("opening_hours").empty()) << html << " " << (s.of_type("opening_hours").empty() ? "" : s.of_type("opening_hours").front()->attrs.dump());
  }
}

}  // namespace
}  // namespace omnicheck::extract

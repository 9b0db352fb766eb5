// Threads, requests and delays: linking by Message-ID / In-Reply-To / References and by the
// normalised subject, the waiting periods of the customer, business time across weekends and
// clock changes, nearest-rank figures.
#include "extract/thread_builder.h"

#include <glib.h>
#include <gtest/gtest.h>

#include "extract/response_time.h"
#include "support/test_support.h"

namespace omnicheck::extract {
namespace {

const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(omnicheck::testing::rules_dir() / "lexicon");
  return lex;
}

TEST(SubjectNormaliser, StripsReplyAndForwardPrefixesOfEveryLanguage) {
  SubjectNormaliser n(lexicon());
  const std::string base = n.normalise("Frage zu meiner Bestellung");
  EXPECT_EQ(base, "frage zu meiner bestellung");
  for (const char* s :
       {"Re: Frage zu meiner Bestellung", "AW: Frage zu meiner Bestellung", "RE: AW:  Frage zu meiner  Bestellung",
        "WG: Frage zu meiner Bestellung", "Odp: Frage zu meiner Bestellung", "TR: Frage zu meiner Bestellung",
        "Fwd: Re: Frage zu meiner Bestellung", "Re : Frage zu meiner Bestellung", "Re[2]: Frage zu meiner Bestellung",
        "[Ticket #4711] Re: Frage zu meiner Bestellung", "re:frage zu meiner bestellung"}) {
    EXPECT_EQ(n.normalise(s), base) << s;
  }
  // Accents and case fold too; a word that merely starts like a prefix stays.
  EXPECT_EQ(n.normalise("Odp: Reklamace MLÝNKU"), n.normalise("reklamace mlýnku"));
  EXPECT_EQ(n.normalise("Reklamace mlýnku"), "reklamace mlynku");
  EXPECT_EQ(n.normalise("Return of a lamp"), "return of a lamp");
  EXPECT_EQ(n.normalise("Re: "), "");
}

ThreadItem item(std::string id, std::vector<std::string> parents, std::string key = "") {
  ThreadItem it;
  it.message_id = std::move(id);
  it.parent_ids = std::move(parents);
  it.subject_key = std::move(key);
  return it;
}

TEST(BuildThreads, LinksByInReplyToAndReferencesWhateverTheOrder) {
  // The reply comes first in the mailbox; the third message names only the root in References.
  std::vector<ThreadItem> items = {item("b@x", {"a@x"}), item("a@x", {}), item("c@x", {"a@x", "b@x"}), item("d@x", {})};
  ThreadSet t = build_threads(items);
  ASSERT_EQ(t.threads.size(), 2u);
  EXPECT_EQ(t.thread_of[0], t.thread_of[1]);
  EXPECT_EQ(t.thread_of[0], t.thread_of[2]);
  EXPECT_NE(t.thread_of[0], t.thread_of[3]);
  EXPECT_EQ(t.linked_by[1], "message-id");
  EXPECT_EQ(t.linked_by[3], "");
}

TEST(BuildThreads, ReferencesToMessagesOutsideTheMailboxLinkNothing) {
  std::vector<ThreadItem> items = {item("a@x", {"gone@x"}), item("b@x", {"gone@x"})};
  ThreadSet t = build_threads(items);
  EXPECT_EQ(t.threads.size(), 2u);
}

TEST(BuildThreads, FallsBackToSubjectAndCustomerWhenIdsAreMissing) {
  std::vector<ThreadItem> items = {
      item("q1@customer", {}, "retour d'une suspension atelier|julien@example.net"),
      item("r1@shop", {}, "retour d'une suspension atelier|julien@example.net"),
      // Same subject, another customer: another thread.
      item("q2@customer", {}, "retour d'une suspension atelier|claire@example.com"),
      // Linked by ids to q3, and a follow-up without ids joins them by subject.
      item("q3@customer", {}, "facture|amelie@example.com"),
      item("r3@shop", {"q3@customer"}, "facture|amelie@example.com"),
      item("q4@customer", {}, "facture|amelie@example.com"),
  };
  ThreadSet t = build_threads(items);
  EXPECT_EQ(t.thread_of[0], t.thread_of[1]);
  EXPECT_NE(t.thread_of[0], t.thread_of[2]);
  EXPECT_EQ(t.thread_of[3], t.thread_of[4]);
  EXPECT_EQ(t.thread_of[3], t.thread_of[5]);
  EXPECT_EQ(t.linked_by[0], "subject");
  EXPECT_EQ(t.linked_by[1], "subject");
  EXPECT_EQ(t.linked_by[2], "");
  EXPECT_EQ(t.linked_by[4], "message-id");
  EXPECT_EQ(t.linked_by[5], "subject");
  EXPECT_EQ(t.threads.size(), 3u);
}

// A reply quoting a message of the mailbox joins it though the help desk dropped In-Reply-To and
// put a ticket number in the subject; a quote of text no message of the mailbox holds links nothing.
TEST(BuildThreads, QuotedMessageLinksTheReply) {
  std::vector<ThreadItem> items = {item("c@x", {}, "lampe kaputt|eva@example.com"),
                                   item("r@shop", {}, "ihre anfrage 48213|eva@example.com"),
                                   item("o@shop", {}, "ihre anfrage 48214|tom@example.com")};
  items[0].own_key = quote_key("Hallo,\n\ndie Lampe ist mit einem Sprung im Glas angekommen.\n\nViele Grüße\nEva Berg\n");
  items[1].own_key = quote_key("Wir senden Ersatz.\n\nIhr Kundenservice\n");
  items[1].quoted_key = quote_key("Von: Eva Berg\n\nHallo,\n> die Lampe ist mit einem Sprung im\n> Glas angekommen.\n\nViele Grüße\nEva Berg");
  items[2].own_key = quote_key("Ihre Rechnung liegt bei.\n");
  items[2].quoted_key = quote_key("> Bitte schicken Sie mir die Rechnung für Bestellung 1002.");
  ThreadSet t = build_threads(items);
  EXPECT_EQ(t.thread_of[0], t.thread_of[1]);
  EXPECT_EQ(t.linked_by[1], "quote");
  EXPECT_EQ(t.linked_by[0], "quote");
  EXPECT_NE(t.thread_of[2], t.thread_of[0]);
  EXPECT_EQ(t.linked_by[2], "");
}

TEST(QuoteReader, TopPostedBottomPostedAndHeaderBlocks) {
  QuoteReader r(lexicon());
  const std::string outlook =
      "Bonjour,\nc'est fait.\nCordialement\n\nDe : Julien Petit <Julien.Petit@example.net>\nEnvoyé : lundi 3 juin 2024 18:02\n"
      "À : contact@shop.example\nObjet : remboursement\n\nBonjour, où en est mon remboursement ?\n";
  QuotedReply q = r.read(outlook);
  EXPECT_TRUE(q.quotes);
  EXPECT_EQ(outlook.substr(q.own_begin, q.own_end - q.own_begin), "Bonjour,\nc'est fait.\nCordialement\n\n");
  EXPECT_EQ(q.quoted_from, "julien.petit@example.net");
  const std::string bottom =
      "Am 03.06.2024 um 09:00 schrieb Eva Berg <eva@example.com>:\n> Wo bleibt die Lampe?\n\nSie ist unterwegs.\n"
      "Viele Grüße\nJana Vogel\n";
  q = r.read(bottom);
  EXPECT_EQ(bottom.substr(q.own_begin, q.own_end - q.own_begin), "Sie ist unterwegs.\nViele Grüße\nJana Vogel");
  EXPECT_EQ(q.quoted_from, "eva@example.com");
  const std::string none = "Dobrý den,\nzásilka je na cestě.\n";
  q = r.read(none);
  EXPECT_FALSE(q.quotes);
  EXPECT_EQ(q.own_end, none.size());
}

TEST(BuildThreads, IdsWinOverSubjects) {
  // Two id-linked threads with the same subject key stay apart.
  std::vector<ThreadItem> items = {item("a@x", {}, "order|c@example.com"), item("b@x", {"a@x"}, "order|c@example.com"),
                                   item("c@x", {}, "order|c@example.com"), item("d@x", {"c@x"}, "order|c@example.com")};
  ThreadSet t = build_threads(items);
  EXPECT_EQ(t.threads.size(), 2u);
  EXPECT_NE(t.thread_of[0], t.thread_of[2]);
}

TEST(BuildThreads, TheSameMessageSavedTwiceIsOneThread) {
  std::vector<ThreadItem> items = {item("a@x", {}), item("a@x", {})};
  EXPECT_EQ(build_threads(items).threads.size(), 1u);
}

// 2024-10-27 01:00 UTC: Paris goes from +0200 to +0100.
constexpr std::int64_t kFri25Oct1540Z = 1729870800;  // Fri 25 Oct 2024 17:40 +0200
constexpr std::int64_t kMon28Oct0905Z = 1730106300;  // Mon 28 Oct 2024 10:05 +0100

TEST(TraderClock, BusinessTimeSkipsTheWeekendInTheTradersZoneAcrossTheClockChange) {
  TraderClock paris("Europe/Paris", 0, "");
  EXPECT_EQ(paris.description(), "Europe/Paris");
  // Friday 17:40 to midnight (6 h 20) + Monday midnight to 10:05 (10 h 05) = 16 h 25.
  EXPECT_EQ(paris.business_seconds(kFri25Oct1540Z, kMon28Oct0905Z), (16 * 60 + 25) * 60);
  // A fixed +01:00 clock ends Friday an hour later: 17 h 25. The zone matters.
  TraderClock fixed("", 60, "test");
  EXPECT_EQ(fixed.business_seconds(kFri25Oct1540Z, kMon28Oct0905Z), (17 * 60 + 25) * 60);
  EXPECT_NE(fixed.description().find("UTC+01:00"), std::string::npos);
  // Within a weekend: nothing.
  EXPECT_EQ(paris.business_seconds(kFri25Oct1540Z + 10 * 3600, kFri25Oct1540Z + 30 * 3600), 0);
  EXPECT_EQ(paris.business_seconds(kMon28Oct0905Z, kMon28Oct0905Z), 0);
}

// The business seconds of [from, to) counted hour by hour in the zone: the reference the
// week-at-a-time count must agree with.
std::int64_t business_hours_reference(const char* zone, std::int64_t from, std::int64_t to) {
  GTimeZone* tz = g_time_zone_new_identifier(zone);
  std::int64_t total = 0;
  for (std::int64_t t = from; t < to; t += 3600) {
    GDateTime* utc = g_date_time_new_from_unix_utc(t);
    GDateTime* local = g_date_time_to_timezone(utc, tz);
    if (g_date_time_get_day_of_week(local) <= 5) total += std::min<std::int64_t>(3600, to - t);
    g_date_time_unref(local);
    g_date_time_unref(utc);
  }
  g_time_zone_unref(tz);
  return total;
}

TEST(TraderClock, WholeWeeksAtOnceAgreeWithCountingHourByHour) {
  TraderClock paris("Europe/Paris", 0, "");
  // Thu 14 Mar 2024 00:00Z to Thu 14 Nov 2024 00:00Z: both clock changes, 35 weeks.
  constexpr std::int64_t kFrom = 1710374400, kTo = 1731542400;
  EXPECT_EQ(paris.business_seconds(kFrom, kTo), business_hours_reference("Europe/Paris", kFrom, kTo));
  TraderClock ny("America/New_York", 0, "");
  EXPECT_EQ(ny.business_seconds(kFrom + 1800, kTo - 1800), business_hours_reference("America/New_York", kFrom + 1800, kTo - 1800));
  // A century in a fixed zone: five days of every week. Mon 1 Jan 1990 to Fri 1 Jan 2100 is
  // 5,739 weeks and Monday to Thursday. (The year-9999 case of issue 17 is refused earlier, at
  // the Date header.)
  TraderClock utc("", 0, "test");
  EXPECT_EQ(utc.business_seconds(631152000, 4102444800), (std::int64_t{5739} * 5 + 4) * 86400);
}

// Thu 22 Oct 2026 15:05 +0200 to Mon 26 Oct 2026 16:40 +0100 in Budapest: Friday 23 October
// is a national holiday, and summer time ends on the Sunday between.
constexpr std::int64_t kThu22Oct1305Z = 1792674300;
constexpr std::int64_t kMon26Oct1540Z = 1793029200;

TEST(TraderClock, PublicHolidaysOfTheTradersCountryAreNoBusinessTime) {
  const nlohmann::json table = nlohmann::json::parse(R"({
    "HU": {"fixed": ["01-01", "03-15", "10-23", "12-25"], "easter": [-2, 1, 50]},
    "DE": {"fixed": ["01-01", "05-01", "10-03"], "easter": [-2, 1, 39, 50]}})");
  TraderClock plain("Europe/Budapest", 0, "");
  TraderClock hungary("Europe/Budapest", 0, "", PublicHolidays::from_lexicon(table, "HU"));
  // Thursday 15:05 to midnight (8 h 55) + Monday to 16:40 (16 h 40) = 25 h 35; without the
  // holiday Friday's 24 hours count too.
  EXPECT_EQ(hungary.business_seconds(kThu22Oct1305Z, kMon26Oct1540Z), (25 * 60 + 35) * 60);
  EXPECT_EQ(plain.business_seconds(kThu22Oct1305Z, kMon26Oct1540Z), (49 * 60 + 35) * 60);
  EXPECT_NE(hungary.description().find("public holidays of HU"), std::string::npos);
  // Easter 2026 is 5 April: Good Friday 3 April and Easter Monday 6 April close a German shop;
  // Thursday noon to Tuesday noon is then one business day, not three.
  TraderClock germany("Europe/Berlin", 0, "", PublicHolidays::from_lexicon(table, "DE"));
  constexpr std::int64_t kThu2Apr1000Z = 1775124000, kTue7Apr1000Z = 1775556000;
  EXPECT_EQ(germany.business_seconds(kThu2Apr1000Z, kTue7Apr1000Z), 24 * 3600);
  // Counter-case: a country without a list counts every weekday.
  TraderClock france("Europe/Paris", 0, "", PublicHolidays::from_lexicon(table, "FR"));
  EXPECT_EQ(france.business_seconds(kThu2Apr1000Z, kTue7Apr1000Z), 72 * 3600);
}

TEST(TraderClock, UnknownZoneFallsBackToTheOffset) {
  TraderClock clock("Mars/Olympus_Mons", -300, "the trader's Date headers");
  EXPECT_NE(clock.description().find("UTC-05:00"), std::string::npos);
  EXPECT_NE(clock.description().find("the trader's Date headers"), std::string::npos);
}

TEST(Figures, NearestRankAndDurations) {
  EXPECT_EQ(nearest_rank(1, 50), 1u);
  EXPECT_EQ(nearest_rank(2, 50), 1u);
  EXPECT_EQ(nearest_rank(2, 90), 2u);
  EXPECT_EQ(nearest_rank(3, 50), 2u);
  EXPECT_EQ(nearest_rank(10, 90), 9u);
  EXPECT_EQ(nearest_rank(11, 90), 10u);
  EXPECT_EQ(nearest_rank(0, 50), 0u);
  EXPECT_EQ(format_duration((65 * 60 + 25) * 60), "65 h 25 min");
  EXPECT_EQ(format_duration(5 * 60), "0 h 05 min");
}

// Requests of a thread: reminders join the open request, automatic answers close nothing.
TEST(Exchanges, RemindersAutoRepliesAndLaterRounds) {
  std::vector<mail::Message> raw(6);
  const std::int64_t t0 = 1733164200;  // Mon 2 Dec 2024 18:30 UTC
  const char* sides[] = {"customer", "trader", "customer", "trader", "customer", "trader"};
  const bool automatic[] = {false, true, false, false, false, false};
  const std::int64_t at[] = {t0, t0 + 4, t0 + 3600, t0 + 36 * 3600, t0 + 48 * 3600, t0 - 60};
  std::vector<MailMessage> msgs(6);
  for (int i = 0; i < 6; ++i) {
    raw[i].date_utc = at[i];
    msgs[i].m = &raw[i];
    msgs[i].side = sides[i];
    msgs[i].auto_reply = automatic[i];
  }
  auto ex = exchanges_of_thread({0, 1, 2, 3, 4, 5}, msgs);
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].opened_by, 0u);
  ASSERT_EQ(ex[0].reminders.size(), 1u);
  EXPECT_EQ(ex[0].reminders[0], 2u);
  ASSERT_TRUE(ex[0].reply.has_value());
  EXPECT_EQ(*ex[0].reply, 3u);  // not the automatic answer 4 seconds later
  EXPECT_EQ(ex[1].opened_by, 4u);
  EXPECT_FALSE(ex[1].reply.has_value());  // the trader message dated earlier answers nothing
}

}  // namespace
}  // namespace omnicheck::extract

#include "extract/response_time.h"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

namespace omnicheck::extract {

struct TraderClock::Zone {
  GTimeZone* tz = nullptr;
  ~Zone() {
    if (tz) g_time_zone_unref(tz);
  }
};

PublicHolidays PublicHolidays::from_lexicon(const nlohmann::json& table, const std::string& country) {
  PublicHolidays h;
  h.country = country;
  if (!table.is_object() || !table.contains(country) || !table[country].is_object()) return h;
  const auto& entry = table[country];
  for (const auto& d : entry.value("fixed", nlohmann::json::array())) {
    int month = 0, day = 0;
    if (d.is_string() && std::sscanf(d.get<std::string>().c_str(), "%d-%d", &month, &day) == 2 && month >= 1 &&
        month <= 12 && day >= 1 && day <= 31) {
      h.fixed.emplace_back(month, day);
    }
  }
  for (const auto& o : entry.value("easter", nlohmann::json::array())) {
    if (o.is_number_integer() && std::abs(o.get<int>()) <= 70) h.easter_offsets.push_back(o.get<int>());
  }
  return h;
}

namespace {

// Western Easter Sunday of a Gregorian year (the anonymous Gregorian computus): month and day.
std::pair<int, int> easter_sunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {month, day};
}

}  // namespace

TraderClock::TraderClock(const std::string& zone_id, int fallback_offset_minutes, std::string fallback_reason,
                         PublicHolidays holidays)
    : zone_(std::make_unique<Zone>()), holidays_(std::move(holidays)) {
  if (!zone_id.empty()) zone_->tz = g_time_zone_new_identifier(zone_id.c_str());
  if (zone_->tz) {
    description_ = zone_id + (holidays_.empty() ? "" : ", public holidays of " + holidays_.country);
    return;
  }
  zone_->tz = g_time_zone_new_offset(fallback_offset_minutes * 60);
  char buf[16];
  int a = std::abs(fallback_offset_minutes);
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", fallback_offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
  description_ = std::string(buf) + " (" + std::move(fallback_reason) + ")";
}

TraderClock::~TraderClock() = default;

// Day by day up to the first local Monday midnight, then whole weeks at once (the weekdays of
// a local week are Monday 00:00 to Saturday 00:00, measured in the zone, so a clock change inside
// the week counts as it happened), then the last days one by one: a span of years costs weeks,
// not days, of time-zone arithmetic.
std::int64_t TraderClock::business_seconds(std::int64_t from_utc, std::int64_t to_utc) const {
  if (to_utc <= from_utc) return 0;
  return std::max<std::int64_t>(0, weekday_seconds(from_utc, to_utc) - holiday_seconds(from_utc, to_utc));
}

// The weekday holidays of the years the span touches, each a whole local day, as much of each
// as lies inside the span: a few dozen dates a year, not a walk over the days.
std::int64_t TraderClock::holiday_seconds(std::int64_t from_utc, std::int64_t to_utc) const {
  if (holidays_.empty()) return 0;
  auto local_year = [&](std::int64_t t) {
    GDateTime* utc = g_date_time_new_from_unix_utc(t);
    if (!utc) return 0;
    GDateTime* local = g_date_time_to_timezone(utc, zone_->tz);
    g_date_time_unref(utc);
    int y = local ? g_date_time_get_year(local) : 0;
    if (local) g_date_time_unref(local);
    return y;
  };
  const int first = local_year(from_utc), last = local_year(to_utc);
  if (first <= 0 || last < first || last - first > 200) return 0;
  std::int64_t total = 0;
  for (int y = first; y <= last; ++y) {
    std::set<std::pair<int, int>> dates(holidays_.fixed.begin(), holidays_.fixed.end());
    if (!holidays_.easter_offsets.empty()) {
      auto [em, ed] = easter_sunday(y);
      GDate* easter = g_date_new_dmy(static_cast<GDateDay>(ed), static_cast<GDateMonth>(em), static_cast<GDateYear>(y));
      for (int off : holidays_.easter_offsets) {
        GDate* day = g_date_copy(easter);
        if (off >= 0) g_date_add_days(day, static_cast<guint>(off)); else g_date_subtract_days(day, static_cast<guint>(-off));
        dates.emplace(g_date_get_month(day), g_date_get_day(day));
        g_date_free(day);
      }
      g_date_free(easter);
    }
    for (const auto& [m, d] : dates) {
      if (!g_date_valid_dmy(static_cast<GDateDay>(d), static_cast<GDateMonth>(m), static_cast<GDateYear>(y))) continue;
      GDateTime* midnight = g_date_time_new(zone_->tz, y, m, d, 0, 0, 0);
      if (!midnight) continue;
      GDateTime* next = g_date_time_add_days(midnight, 1);
      const int weekday = g_date_time_get_day_of_week(midnight);
      const std::int64_t start = g_date_time_to_unix(midnight);
      const std::int64_t end = next ? g_date_time_to_unix(next) : start + 86400;
      if (next) g_date_time_unref(next);
      g_date_time_unref(midnight);
      if (weekday > 5) continue;
      total += std::max<std::int64_t>(0, std::min(end, to_utc) - std::max(start, from_utc));
    }
  }
  return total;
}

std::int64_t TraderClock::weekday_seconds(std::int64_t from_utc, std::int64_t to_utc) const {
  std::int64_t total = 0;
  std::int64_t t = from_utc;
  while (t < to_utc) {
    GDateTime* utc = g_date_time_new_from_unix_utc(t);
    if (!utc) break;
    GDateTime* local = g_date_time_to_timezone(utc, zone_->tz);
    g_date_time_unref(utc);
    if (!local) break;
    int weekday = g_date_time_get_day_of_week(local);  // 1 = Monday … 7 = Sunday
    int y = 0, m = 0, d = 0;
    g_date_time_get_ymd(local, &y, &m, &d);
    g_date_time_unref(local);
    GDateTime* midnight = g_date_time_new(zone_->tz, y, m, d, 0, 0, 0);
    if (midnight && weekday == 1 && g_date_time_to_unix(midnight) == t) {
      // At a Monday midnight: whole weeks while they fit.
      while (true) {
        GDateTime* saturday = g_date_time_add_days(midnight, 5);
        GDateTime* next_monday = g_date_time_add_weeks(midnight, 1);
        if (!saturday || !next_monday || g_date_time_to_unix(next_monday) > to_utc) {
          if (saturday) g_date_time_unref(saturday);
          if (next_monday) g_date_time_unref(next_monday);
          break;
        }
        total += g_date_time_to_unix(saturday) - g_date_time_to_unix(midnight);
        g_date_time_unref(saturday);
        g_date_time_unref(midnight);
        midnight = next_monday;
        t = g_date_time_to_unix(midnight);
      }
    }
    // The next local midnight: days are 23 or 25 hours long when the clocks change.
    std::int64_t next = t + 86400;
    if (midnight) {
      if (GDateTime* tomorrow = g_date_time_add_days(midnight, 1)) {
        next = g_date_time_to_unix(tomorrow);
        g_date_time_unref(tomorrow);
      }
      weekday = g_date_time_get_day_of_week(midnight);
      g_date_time_unref(midnight);
    }
    if (next <= t) next = t + 3600;  // never loop in place on a zone-table oddity
    std::int64_t end = std::min(next, to_utc);
    if (weekday <= 5) total += end - t;
    t = end;
  }
  return total;
}

std::string StatedTime::limit_text() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", hours);
  return std::string(buf) + (hours == 1 ? " hour" : " hours") + (business ? " of business time (Mon–Fri)" : "");
}

std::string StatedTime::describe() const {
  if (from_site) return limit_text() + ", as the site states";
  if (from_mail) return limit_text() + ", as the trader's own e-mail " + mail_key + " promises";
  return limit_text() + " (the site states no response time for e-mail; 24 hours assumed)";
}

StatedTime stated_response_time(const FactStore& store) {
  StatedTime best;
  int best_rank = 0;
  for (const Fact* f : store.of_type("response_time_statement")) {
    std::string channel = f->attrs.value("channel", std::string("any"));
    if (channel != "email" && channel != "any" && !channel.empty()) continue;
    if (!f->attrs.contains("hours") || !f->attrs["hours"].is_number()) continue;
    double hours = f->attrs["hours"].get<double>();
    bool business = f->attrs.value("business", false);
    if (hours <= 0) continue;
    // A statement about e-mail beats a general one (a general "within 30 days" may be about
    // complaints); among equals, more hours is more generous, and at equal hours business time.
    int rank = channel == "email" ? 2 : 1;
    bool better = !best.from_site || rank > best_rank ||
                  (rank == best_rank && (hours > best.hours || (hours == best.hours && business && !best.business)));
    if (better) {
      best.hours = hours;
      best.business = business;
      best.from_site = true;
      best_rank = rank;
    }
  }
  return best;
}

std::vector<Exchange> exchanges_of_thread(const std::vector<std::size_t>& members,
                                          const std::vector<MailMessage>& messages) {
  std::vector<std::size_t> dated;
  for (std::size_t i : members) {
    if (mail::believed_date(*messages[i].m)) dated.push_back(i);
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [&](std::size_t a, std::size_t b) { return *mail::believed_date(*messages[a].m) < *mail::believed_date(*messages[b].m); });
  std::vector<Exchange> out;
  std::optional<Exchange> open;
  for (std::size_t i : dated) {
    const MailMessage& mm = messages[i];
    if (mm.auto_reply) continue;  // an automatic answer answers nothing; an out-of-office asks nothing
    if (mm.side == "customer") {
      if (!open) {
        open = Exchange{};
        open->opened_by = i;
      } else {
        open->reminders.push_back(i);
      }
    } else if (mm.side == "trader" && open && *mail::believed_date(*mm.m) >= *mail::believed_date(*messages[open->opened_by].m)) {
      open->reply = i;
      out.push_back(*open);
      open.reset();
    }
  }
  if (open) out.push_back(*open);
  return out;
}

std::size_t nearest_rank(std::size_t n, double p) {
  if (n == 0) return 0;
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(n)));
  return std::clamp<std::size_t>(rank, 1, n);
}

std::string format_duration(std::int64_t seconds) {
  std::int64_t minutes = seconds / 60;
  return std::to_string(minutes / 60) + " h " + (minutes % 60 < 10 ? "0" : "") + std::to_string(minutes % 60) + " min";
}

namespace {

std::string common_folder(const std::vector<MailMessage>& messages) {
  std::filesystem::path common;
  bool first = true;
  for (const auto& mm : messages) {
    std::filesystem::path p = std::filesystem::path(mm.m->file);
    if (first) {
      common = messages.size() == 1 || mm.m->offset ? p : p.parent_path();
      first = false;
      continue;
    }
    if (p == common) continue;
    while (!common.empty() && p.string().rfind(common.string() + "/", 0) != 0) common = common.parent_path();
  }
  return common.string();
}

std::string date_header(const mail::Message& m) { return "Date: " + m.date_raw; }

}  // namespace

void add_response_time_facts(const std::vector<MailMessage>& messages, const ThreadSet& threads,
                             const StatedTime& stated, const TraderClock& clock, const std::string& customer_side,
                             FactStore& out) {
  std::int64_t end_of_mailbox = 0;
  int undated = 0, implausible = 0;
  for (const auto& mm : messages) {
    if (auto date = mail::believed_date(*mm.m))
      end_of_mailbox = std::max(end_of_mailbox, *date);
    else if (mm.m->date_implausible)
      ++implausible;
    else
      ++undated;
  }
  const auto limit = static_cast<std::int64_t>(std::llround(stated.hours * 3600));
  auto measured = [&](const Exchange& e) { return stated.business ? e.business_seconds : e.calendar_seconds; };

  std::vector<Exchange> all;
  std::vector<int> thread_of_exchange;
  int customer_messages = 0, threads_with_customer = 0;
  for (std::size_t t = 0; t < threads.threads.size(); ++t) {
    bool has_customer = false;
    for (std::size_t i : threads.threads[t]) {
      if (messages[i].side == "customer" && !messages[i].auto_reply) {
        ++customer_messages;
        has_customer = true;
      }
    }
    threads_with_customer += has_customer ? 1 : 0;
    for (auto& e : exchanges_of_thread(threads.threads[t], messages)) {
      std::int64_t start = *mail::believed_date(*messages[e.opened_by].m);
      std::int64_t stop = e.reply ? *mail::believed_date(*messages[*e.reply].m) : end_of_mailbox;
      e.calendar_seconds = stop - start;
      e.business_seconds = clock.business_seconds(start, stop);
      // Unanswered but not yet overdue when the mailbox ends: cannot be judged either way.
      e.late = measured(e) > limit;
      e.pending = !e.reply && !e.late;
      all.push_back(e);
      thread_of_exchange.push_back(static_cast<int>(t));
    }
  }

  std::vector<std::size_t> answered;
  int late = 0, unanswered_messages = 0, unanswered_overdue = 0, pending = 0;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Exchange& e = all[k];
    if (e.reply) {
      answered.push_back(k);
      late += e.late ? 1 : 0;
    } else {
      unanswered_messages += 1 + static_cast<int>(e.reminders.size());
      unanswered_overdue += e.late ? 1 : 0;
      pending += e.pending ? 1 : 0;
    }
  }
  std::stable_sort(answered.begin(), answered.end(),
                   [&](std::size_t a, std::size_t b) { return measured(all[a]) < measured(all[b]); });
  std::optional<std::size_t> median, p90, worst;
  if (!answered.empty()) {
    median = answered[nearest_rank(answered.size(), 50) - 1];
    p90 = answered[nearest_rank(answered.size(), 90) - 1];
    worst = answered.back();
  }
  const std::string basis = stated.business ? " of business time" : "";

  for (std::size_t k = 0; k < all.size(); ++k) {
    const Exchange& e = all[k];
    const mail::Message& cm = *messages[e.opened_by].m;
    std::string thread = "T" + std::to_string(thread_of_exchange[k] + 1);
    std::vector<std::string> marks;
    if (median == k) marks.push_back("median");
    if (p90 == k) marks.push_back("90th percentile");
    if (worst == k) marks.push_back("worst");
    std::string mark_text;
    for (const auto& s : marks) mark_text += (mark_text.empty() ? " [" : ", ") + s;
    if (!mark_text.empty()) mark_text += "]";

    std::string outcome;
    if (e.reply) {
      outcome = "answered after " + format_duration(measured(e)) + basis +
                (stated.business ? " (" + format_duration(e.calendar_seconds) + " in calendar time)" : "") +
                (e.late ? ", later than " : ", within ") + stated.limit_text();
    } else if (e.pending) {
      outcome = "unanswered when the mailbox ends, " + format_duration(measured(e)) + basis +
                " later: the stated time had not yet run out";
    } else {
      outcome = "unanswered: no reply from the trader in the " + format_duration(measured(e)) + basis +
                " up to the last message of the mailbox";
    }
    std::string value = "\"" + cm.subject + "\" (" + cm.date_raw + "): " + outcome + mark_text;

    Fact f;
    f.type = "response";
    f.attrs = {{"value", value},
               {"thread", thread},
               {"answered", e.reply.has_value()},
               {"late", e.late},
               {"pending", e.pending},
               {"missed", e.late},
               {"delay_minutes", e.calendar_seconds / 60},
               {"business_minutes", e.business_seconds / 60},
               {"measured_minutes", measured(e) / 60},
               {"limit_minutes", limit / 60},
               {"customer_message_id", cm.message_id},
               {"customer_date", cm.date_raw},
               {"reminders", static_cast<int>(e.reminders.size())},
               {"median", median == k},
               {"p90", p90 == k},
               {"worst", worst == k}};
    std::string note = "customer message";
    if (e.reply) {
      const mail::Message& rm = *messages[*e.reply].m;
      f.attrs["reply_message_id"] = rm.message_id;
      f.attrs["reply_date"] = rm.date_raw;
      f.attrs["reply_file"] = rm.file;
      note += ", answered by <" + rm.message_id + "> in " + rm.file + " (Date: " + rm.date_raw + ") after " +
              format_duration(measured(e)) + basis + (e.late ? " — late" : "");
    } else {
      note += e.pending ? ", unanswered (stated time not yet over when the mailbox ends)" : ", unanswered";
    }
    if (!e.reminders.empty()) note += "; " + std::to_string(e.reminders.size()) + " reminder(s) before the answer";
    f.evidence = mail_evidence(cm, date_header(cm), "", note + mark_text);
    f.source = messages[e.opened_by].key;
    out.add(f);

    if (e.reply) {
      const MailMessage& r = messages[*e.reply];
      Fact rf;
      rf.type = "response_answer";
      rf.attrs = {
          {"value", "reply to \"" + cm.subject + "\" after " + format_duration(measured(e)) + basis + mark_text},
          {"thread", thread},
          {"late", e.late},
          {"delay_minutes", e.calendar_seconds / 60},
          {"business_minutes", e.business_seconds / 60},
          {"measured_minutes", measured(e) / 60},
          {"answers_message_id", cm.message_id},
          {"median", median == k},
          {"p90", p90 == k},
          {"worst", worst == k}};
      rf.evidence = mail_evidence(*r.m, date_header(*r.m), "",
                                  "trader's reply to <" + cm.message_id + "> (Date: " + cm.date_raw + ") after " +
                                      format_duration(measured(e)) + basis + (e.late ? " — late" : "") + mark_text);
      rf.source = r.key;
      out.add(rf);
    }
  }

  int judged = static_cast<int>(answered.size()) + unanswered_overdue;
  int missed = late + unanswered_overdue;
  std::string text;
  if (customer_messages == 0) {
    text = "no customer message found in the mailbox";
    if (customer_side == "unknown")
      text += " (the trader's side could not be told apart: give --customer or --trader-domain)";
  } else {
    text = std::to_string(all.size()) + " request(s) of the customer in " + std::to_string(threads_with_customer) +
           " thread(s): " + std::to_string(answered.size()) + " answered";
    if (!answered.empty()) {
      auto fig = [&](std::size_t k) {
        return format_duration(measured(all[k])) + " (<" + messages[*all[k].reply].m->message_id + ">)";
      };
      text += "; median " + fig(*median) + ", 90th percentile " + fig(*p90) + ", worst " + fig(*worst) +
              (stated.business ? ", in business time (Mon–Fri, " + clock.description() + ")" : ", in calendar time");
    }
    text += "; " + std::to_string(late) + " of " + std::to_string(answered.size()) + " replies late";
    text += "; " + std::to_string(unanswered_messages) + " customer message(s) unanswered";
    if (pending) text += " (" + std::to_string(pending) + " still within the stated time when the mailbox ends)";
    text += "; held to " + stated.describe();
    if (undated) text += "; " + std::to_string(undated) + " message(s) without a readable Date left out";
    if (implausible) text += "; " + std::to_string(implausible) + " message(s) dated before 1990 or after 2099 left out";
  }

  Fact s;
  s.type = "response_time_measurement";
  s.attrs = {{"value", text},
             {"customer_messages", customer_messages},
             {"threads", threads_with_customer},
             {"requests", static_cast<int>(all.size())},
             {"answered", static_cast<int>(answered.size())},
             {"late", late},
             {"unanswered", unanswered_messages},
             {"unanswered_overdue", unanswered_overdue},
             {"pending", pending},
             {"judged", judged},
             {"missed", missed},
             {"missed_share", judged ? static_cast<double>(missed) / judged : 0.0},
             {"limit_hours", stated.hours},
             {"business", stated.business},
             {"stated", stated.from_site ? "site" : stated.from_mail ? "mail" : "default"},
             {"clock", clock.description()},
             {"customer_side", customer_side},
             {"undated", undated},
             {"implausible_dates", implausible}};
  if (median) {
    s.attrs["median_minutes"] = measured(all[*median]) / 60;
    s.attrs["p90_minutes"] = measured(all[*p90]) / 60;
    s.attrs["worst_minutes"] = measured(all[*worst]) / 60;
  }
  Evidence ev;
  ev.file = common_folder(messages);
  ev.note = "response times measured over the mailbox";
  ev.snippet = quote_text(text);
  s.evidence = ev;
  out.add(s);
}

}  // namespace omnicheck::extract

// Measured response times (rule response_time.kept): per thread, each request of the customer
// (a customer message, with any reminders sent before the answer) and the trader's first
// reply after it; delays in calendar time or in business time (Monday to Friday in the
// trader's zone); the stated time it is held to; figures by the nearest-rank method.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>
#include <vector>

#include "extract/mail_context.h"
#include "extract/thread_builder.h"

namespace omnicheck::extract {

// Nationwide public holidays of one country (lexicon mail.public_holidays): fixed dates and
// days counted from Western Easter Sunday.
struct PublicHolidays {
  std::string country;
  std::vector<std::pair<int, int>> fixed;  // month, day
  std::vector<int> easter_offsets;         // -2 Good Friday, +1 Easter Monday, …
  static PublicHolidays from_lexicon(const nlohmann::json& table, const std::string& country);
  bool empty() const { return fixed.empty() && easter_offsets.empty(); }
};

// Business time is Monday to Friday, whole days, in the trader's zone, less the public holidays
// of the trader's country where they are known (others count as business days). The zone comes
// from the trader's country; failing that, a fixed offset (the one most of the trader's own Date
// headers carry).
class TraderClock {
 public:
  TraderClock(const std::string& zone_id, int fallback_offset_minutes, std::string fallback_reason,
              PublicHolidays holidays = {});
  ~TraderClock();
  TraderClock(const TraderClock&) = delete;
  TraderClock& operator=(const TraderClock&) = delete;

  std::int64_t business_seconds(std::int64_t from_utc, std::int64_t to_utc) const;
  const std::string& description() const { return description_; }

 private:
  std::int64_t weekday_seconds(std::int64_t from_utc, std::int64_t to_utc) const;
  std::int64_t holiday_seconds(std::int64_t from_utc, std::int64_t to_utc) const;
  struct Zone;
  std::unique_ptr<Zone> zone_;
  PublicHolidays holidays_;
  std::string description_;
};

// The response time the site states for e-mail (facts response_time_statement with channel
// email or any; e-mail ones first); with several, the most generous, so a promise is never held
// stricter than its most lenient wording. None: 24 hours of calendar time.
struct StatedTime {
  double hours = 24;
  bool business = false;
  bool from_site = false;
  // When the site states none: the promise the trader's own mails make ("Wir melden uns
  // innerhalb von zwei Werktagen" in an acknowledgement), and the message that makes it.
  bool from_mail = false;
  std::string mail_key;
  std::string limit_text() const;  // "48 hours of business time (Mon–Fri)"
  std::string describe() const;    // …and where it comes from
};
StatedTime stated_response_time(const FactStore& store);

// One request of the customer and what became of it.
struct Exchange {
  std::size_t opened_by = 0;           // the customer message that opened it (index)
  std::vector<std::size_t> reminders;  // further customer messages before the answer
  std::optional<std::size_t> reply;    // the trader's first non-automatic message after it
  std::int64_t calendar_seconds = 0;   // to the reply, or to the end of the mailbox
  std::int64_t business_seconds = 0;
  bool late = false;     // answered after the stated time, or unanswered beyond it
  bool pending = false;  // unanswered, but the stated time had not run out when the mailbox ends
};

// Requests of one thread (`members`: indices into `messages`); undated messages are skipped.
std::vector<Exchange> exchanges_of_thread(const std::vector<std::size_t>& members,
                                          const std::vector<MailMessage>& messages);

// 1-based nearest rank of the p-th percentile among n sorted values (p in (0, 100]).
std::size_t nearest_rank(std::size_t n, double p);

// "65 h 25 min"
std::string format_duration(std::int64_t seconds);

// Adds response, response_answer and response_time_measurement facts.
void add_response_time_facts(const std::vector<MailMessage>& messages, const ThreadSet& threads,
                             const StatedTime& stated, const TraderClock& clock, const std::string& customer_side,
                             FactStore& out);

}  // namespace omnicheck::extract

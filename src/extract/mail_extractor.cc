// extract_mail: per message, the addresses a consumer would reply to and "do not reply"
// wording with whether a reachable alternative stands next to it.
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

std::string message_key(const mail::Message& m) {
  return m.file + (m.offset ? "#" + std::to_string(m.offset) : "");
}

Evidence mail_evidence(const mail::Message& m, std::string header, std::string snippet, std::string note) {
  Evidence e;
  e.file = m.file;
  e.offset = m.offset;
  e.message_id = m.message_id;
  e.date = m.date_raw;
  e.header = std::move(header);
  e.snippet = std::move(snippet);
  e.note = std::move(note);
  return e;
}

std::string raw_header(const mail::Message& m, const std::string& name) {
  for (const auto& [k, v] : m.headers) {
    if (fold(k) == fold(name)) return k + ": " + v;
  }
  return name + ":";
}

// A way to reach a person: an address that is not a no-reply one, or a phone number.
bool reachable_alternative(std::string_view window, const SitePatterns& sp, const std::string& region, std::string* what) {
  for (const auto& m : sp.email.find_all(window)) {
    std::string addr(window.substr(m.begin, m.end - m.begin));
    if (!noreply_local(addr, sp.lex)) {
      *what = addr;
      return true;
    }
  }
  // Phone numbers through libphonenumber, so dates ("29/09/2024") and order numbers are not
  // taken for a way to call someone.
  using i18n::phonenumbers::PhoneNumberMatch;
  using i18n::phonenumbers::PhoneNumberMatcher;
  using i18n::phonenumbers::PhoneNumberUtil;
  PhoneNumberMatcher matcher(*PhoneNumberUtil::GetInstance(), std::string(window), region.empty() ? "ZZ" : region,
                             PhoneNumberMatcher::VALID, 50);
  if (matcher.HasNext()) {
    PhoneNumberMatch m;
    if (matcher.Next(&m)) {
      *what = m.raw_string();
      return true;
    }
  }
  return false;
}

std::string country_of_domain(const Lexicon& lex, const std::string& address) {
  auto dot = address.rfind('.');
  if (dot == std::string::npos) return {};
  std::string tld = address.substr(dot + 1);
  for (auto& c : tld) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [code, c] : lex.countries().items()) {
    for (const auto& t : c.value("tld", nlohmann::json::array())) {
      if (t == tld) return code;
    }
  }
  return {};
}

}  // namespace

void extract_mail(const mail::Mailbox& box, const Lexicon& lex, FactStore& out) {
  SitePatterns sp(lex);
  std::string notice_alt;
  for (const auto& w : lex.list("do_not_reply")) notice_alt += (notice_alt.empty() ? "" : "|") + w;
  TextPattern notice("(?:" + notice_alt + ")", true, "do_not_reply");

  for (const auto& m : box.messages) {
    std::string key = message_key(m);
    std::string from = m.from.empty() ? "" : m.from.front().address;
    Fact msg;
    msg.type = "message";
    msg.attrs = {{"value", m.subject}, {"key", key}, {"file", m.file}, {"message_id", m.message_id},
                 {"from", from}, {"date", m.date_raw}, {"has_reply_to", !m.reply_to.empty()},
                 {"auto_submitted", fold(m.header("Auto-Submitted")) != "" && fold(m.header("Auto-Submitted")) != "no"}};
    if (m.date_utc) msg.attrs["date_utc"] = *m.date_utc;
    msg.evidence = mail_evidence(m, raw_header(m, "Subject"), "", "message");
    msg.source = key;
    out.add(std::move(msg));

    auto add_addresses = [&](const std::vector<mail::Address>& list, const char* header) {
      for (const auto& a : list) {
        Fact f;
        f.type = "mail_address";
        bool noreply = noreply_local(a.address, lex);
        f.attrs = {{"value", a.name.empty() ? a.address : a.name + " <" + a.address + ">"},
                   {"header", header}, {"address", a.address}, {"name", a.name}, {"noreply", noreply},
                   {"domain", a.address.substr(a.address.find('@') == std::string::npos ? a.address.size() : a.address.find('@') + 1)}};
        std::string h = raw_header(m, header);
        f.evidence = mail_evidence(m, h, "", noreply ? std::string(header) + " is a no-reply address" : std::string(header) + " address");
        f.source = key;
        out.add(std::move(f));
      }
    };
    add_addresses(m.from, "From");
    add_addresses(m.reply_to, "Reply-To");
    add_addresses(m.sender, "Sender");

    // The sender's country (from its domain) is the region for national phone numbers.
    std::string region = country_of_domain(lex, from);
    std::string body = !m.text_plain.empty() ? m.text_plain : html::html_to_text(m.text_html);
    for (const auto& nm : notice.find_all(body)) {
      std::size_t from_pos = nm.begin > 350 ? nm.begin - 350 : 0;
      std::size_t to_pos = std::min(body.size(), nm.end + 350);
      std::string alt;
      bool reachable = reachable_alternative(std::string_view(body).substr(from_pos, to_pos - from_pos), sp, region, &alt);
      Fact f;
      f.type = "no_reply_notice";
      f.attrs = {{"value", squeeze(body.substr(nm.begin, nm.end - nm.begin))}, {"alternative_nearby", reachable},
                 {"alternative", alt}};
      f.evidence = mail_evidence(m, "", make_snippet(body, nm.begin, nm.end, 160),
                                 reachable ? "do-not-reply notice, with a reachable alternative: " + alt
                                           : "do-not-reply notice without a reachable alternative nearby");
      f.source = key;
      f.begin = nm.begin;
      f.end = nm.end;
      out.add(std::move(f));
    }
  }
  out.audit["emails_supplied"] = true;
  out.audit["messages"] = static_cast<int>(box.messages.size());
  out.audit["mail_errors"] = static_cast<int>(box.errors.size());
}

}  // namespace omnicheck::extract

#include "extract/autoreply_detector.h"

#include "extract/mail_context.h"

namespace omnicheck::extract {
namespace {

std::string alternation(const Lexicon& lex, const std::string& key) {
  std::string alt;
  for (const auto& p : lex.list(key)) alt += (alt.empty() ? "" : "|") + p;
  return alt.empty() ? std::string("(?!)") : "(?:" + alt + ")";
}

// Header values compare without case, spaces or the optional parameters (";…").
std::string header_token(const mail::Message& m, const char* name) {
  std::string v = lower_ascii(squeeze(m.header(name)));
  auto semi = v.find(';');
  return squeeze(semi == std::string::npos ? v : v.substr(0, semi));
}

}  // namespace

AutoReplyDetector::AutoReplyDetector(const Lexicon& lex)
    : subject_(alternation(lex, "mail.autoreply_subject"), true, "mail.autoreply_subject"),
      wording_(alternation(lex, "mail.autoreply_wording"), true, "mail.autoreply_wording"),
      generated_(alternation(lex, "mail.generated_wording"), true, "mail.generated_wording"),
      not_read_(alternation(lex, "mail.mailbox_not_read"), true, "mail.mailbox_not_read"),
      use_form_(alternation(lex, "mail.use_form_instead"), true, "mail.use_form_instead"),
      acknowledgement_(alternation(lex, "mail.acknowledgement"), true, "mail.acknowledgement") {}

AutoReplySignal AutoReplyDetector::classify(const mail::Message& m, std::string_view own_text) const {
  AutoReplySignal s;
  auto by_header = [&](const char* name) {
    s.automatic = true;
    s.by = "header";
    s.header = raw_header(m, name);
  };
  // RFC 3834: auto-replied answers a message; auto-generated is a notification (an order
  // confirmation), which is no auto-reply unless its wording says so.
  std::string auto_submitted = header_token(m, "Auto-Submitted");
  if (auto_submitted == "auto-replied") {
    by_header("Auto-Submitted");
    return s;
  }
  // A help desk's acknowledgement is often marked auto-generated, not auto-replied (Zendesk):
  // one that answers a message and says it was received is an automatic answer all the same.
  // (A human answer sent through the same desk carries the header too, but no such wording.)
  if (!auto_submitted.empty() && auto_submitted != "no" && !m.in_reply_to.empty() && acknowledgement_.search(own_text)) {
    by_header("Auto-Submitted");
    return s;
  }
  for (const char* name : {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
    std::string v = header_token(m, name);
    if (!v.empty() && v != "no" && v != "false" && v != "0") {
      by_header(name);
      return s;
    }
  }
  if (header_token(m, "Precedence") == "auto_reply") {
    by_header("Precedence");
    return s;
  }
  if (subject_.search(m.subject)) {
    s.automatic = true;
    s.by = "subject";
    s.header = raw_header(m, "Subject");
    return s;
  }
  Match w;
  if (wording_.search(own_text, &w)) {
    s.automatic = true;
    s.by = "wording";
    s.begin = w.begin;
    s.end = w.end;
    return s;
  }
  // "This message was generated automatically" closes every order confirmation (RFC 3834's
  // auto-generated notification): an automatic answer only where it answers a message or
  // acknowledges one ("we have received your message").
  if (generated_.search(own_text, &w) && (!m.in_reply_to.empty() || acknowledgement_.search(own_text))) {
    s.automatic = true;
    s.by = "wording";
    s.begin = w.begin;
    s.end = w.end;
  }
  return s;
}

std::vector<Refusal> AutoReplyDetector::refusals(std::string_view own_text) const {
  std::vector<Refusal> out;
  for (const auto& m : not_read_.find_all(own_text)) out.push_back({"not_read", m.begin, m.end});
  for (const auto& m : use_form_.find_all(own_text)) out.push_back({"use_form", m.begin, m.end});
  return out;
}

bool AutoReplyDetector::acknowledges(std::string_view own_text) const { return acknowledgement_.search(own_text); }

}  // namespace omnicheck::extract

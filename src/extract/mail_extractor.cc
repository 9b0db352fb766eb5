// extract_mail: per message, the addresses a consumer would reply to and "do not reply"
// wording with whether a reachable alternative stands next to it; then who is who (the
// trader's domains, each message's side), threads, automatic answers and what they say,
// signatures of service replies, the trader's identity in its own messages, the domains mail
// is sent from, and measured response times.
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "extract/autoreply_detector.h"
#include "extract/extractors.h"
#include "extract/mail_context.h"
#include "extract/mail_identity.h"
#include "extract/mail_parties.h"
#include "extract/registrable_domain.h"
#include "extract/response_time.h"
#include "extract/statement_extractors.h"
#include "extract/signature_detector.h"
#include "extract/thread_builder.h"

namespace omnicheck::extract {
namespace {

// A way to reach a person: an address that is not a no-reply one, or a phone number.
bool reachable_alternative(std::string_view raw_window, const SitePatterns& sp, const std::string& region,
                           std::size_t notice_begin, const std::set<std::string>& recipients, std::string* what) {
  // The customer's own billing or delivery block ("Adresse de facturation", name, street, phone,
  // e-mail) stands near the footer of order mails: its lines are the customer's, blanked out.
  const TextPattern& customer_labels = sp.pattern(
      "mail.customer_address_labels", [&] { return words_or_never(sp.lex.list("mail.customer_address_labels")); });
  std::string blanked(raw_window);
  for (const auto& label : customer_labels.find_all(raw_window)) {
    std::size_t end = label.end;
    for (int lines = 0; lines < 7 && end < blanked.size(); ++lines) {
      std::size_t nl = blanked.find('\n', end + 1);
      end = nl == std::string::npos ? blanked.size() : nl;
    }
    // Up to the notice at most: what follows the notice is the trader's own wording.
    end = std::min({end, label.end + 400, notice_begin});
    for (std::size_t i = label.begin; i < end && i < blanked.size(); ++i) {
      if (blanked[i] != '\n') blanked[i] = ' ';
    }
  }
  std::string_view window(blanked);
  for (const auto& m : sp.email.find_all(window)) {
    std::string addr(window.substr(m.begin, m.end - m.begin));
    // The customer's own address, which order mails repeat ("Compte : julien@…"), reaches no one
    // at the trader's.
    if (recipients.count(lower_ascii(addr))) continue;
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
  // A number right after an upper-case label that is no phone label ("REGON 667212062",
  // "NIP 7727384337", "IČO 27153428") is a register number, however valid it looks as a phone.
  static const TextPattern kAcronymBefore("(?<![\\p{L}])(\\p{Lu}[\\p{Lu}.]{1,7})\\s*[:.]?\\s*$", false,
                                          "upper-case label before a number");
  const TextPattern& phone_labels =
      sp.pattern("phone_labels", [&] { return words_or_never(sp.lex.list("phone_labels")); });
  const std::string text(window);
  PhoneNumberMatcher matcher(*PhoneNumberUtil::GetInstance(), text, region.empty() ? "ZZ" : region,
                             PhoneNumberMatcher::VALID, 50);
  while (matcher.HasNext()) {
    PhoneNumberMatch m;
    if (!matcher.Next(&m)) break;
    const std::size_t start = static_cast<std::size_t>(m.start());
    std::size_t from = start > 16 ? start - 16 : 0;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;  // a whole UTF-8 character
    std::string_view before = std::string_view(text).substr(from, start - from);
    Match label;
    if (kAcronymBefore.search(before, &label) && !phone_labels.search(label.group(before, 0))) continue;
    *what = m.raw_string();
    return true;
  }
  return false;
}

// What a trader's message is, for the rules that apply to some kinds only.
std::string message_kind(const MailMessage& mm, const SitePatterns& sp) {
  if (mm.side == "customer") return "customer";
  if (mm.side != "trader") return "unknown";
  if (mm.auto_reply) return "auto_reply";
  if (mm.answers_customer) return "service_reply";
  const TextPattern& contractual =
      sp.pattern("mail.contractual_words", [&] { return words_or_never(sp.lex.list("mail.contractual_words")); });
  const TextPattern& commercial =
      sp.pattern("mail.commercial_words", [&] { return words_or_never(sp.lex.list("mail.commercial_words")); });
  const mail::Message& m = *mm.m;
  std::string precedence = lower_ascii(squeeze(m.header("Precedence")));
  if (contractual.search(m.subject)) return "contractual";
  if (!m.header("List-Unsubscribe").empty() || precedence == "bulk" || precedence == "list") return "commercial";
  if (contractual.search(mm.body)) return "contractual";
  if (commercial.search(mm.body) || commercial.search(m.subject)) return "commercial";
  return "other";
}

void add_words(std::set<std::string>& out, const std::string& text) {
  std::string folded = fold(text);
  std::string cur;
  auto flush = [&] {
    if (cur.size() >= 3) out.insert(cur);
    cur.clear();
  };
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80))
      cur += c;
    else
      flush();
  }
  flush();
}

// Words of the trader's names: a signature line made of them signs for the company. A part of
// a trader's From display name counts when one of its words is carried by the trader's domains
// or legal names; a part that carries none names a person ("Tom Pritchard
// <hello@harrowandfinch.co.uk>", "Petra Dvořáková | Bylinkárna Pod Hradem", "Camille Besnard (Les
// Savons d'Albane)"), whose signature is a
// named one. Without domains or legal names to compare with, every part counts.
std::set<std::string> brand_words(const std::vector<MailMessage>& messages, const TraderDomains& td,
                                  const FactStore& store) {
  std::set<std::string> words, names, labels;
  for (const Fact* f : store.of_type("legal_name")) add_words(names, f->attrs.value("value", std::string()));
  for (const auto& d : td.domains) labels.insert(fold(d.substr(0, d.find('.'))));
  for (const auto& mm : messages) {
    if (mm.side == "trader" && !mm.from_domain.empty()) labels.insert(fold(mm.from_domain.substr(0, mm.from_domain.find('.'))));
  }
  auto carried = [&](const std::string& w) {
    if (names.count(w)) return true;
    for (const auto& l : labels) {
      if (w.size() >= 3 && l.find(w) != std::string::npos) return true;
    }
    return false;
  };
  static const TextPattern separators("\\s*(?:[|,/·•()\\[\\]]|\\s[-–—@]\\s|\\s(?:from|von|de|at|via|z|für|pour|for|på|hos|fra|chez|bei|od|от|από)\\s)\\s*", true,
                                      "display-name separators");
  for (const auto& mm : messages) {
    if (mm.side != "trader") continue;
    for (const auto& a : mm.m->from) {
      std::size_t from = 0;
      std::vector<std::string> parts;
      for (const auto& m : separators.find_all(a.name)) {
        parts.push_back(a.name.substr(from, m.begin - from));
        from = m.end;
      }
      parts.push_back(a.name.substr(from));
      for (const auto& part : parts) {
        std::set<std::string> shown;
        add_words(shown, part);
        bool brand = labels.empty() && names.empty();
        for (const auto& w : shown) brand = brand || carried(w);
        if (brand) words.insert(shown.begin(), shown.end());
      }
    }
  }
  words.insert(names.begin(), names.end());
  for (const auto& d : td.domains) add_words(words, d.substr(0, d.find('.')));
  return words;
}

// The response time the trader's own messages promise, when the site states none: the
// statement extractor of the site pages run over each trader message's own text (its
// acknowledgements and replies, not what they quote), the most generous promise winning as on
// the site. Not a site fact: response_time.stated asks the site, never a mail. Messages are
// added one at a time as they are read.
class MailPromises {
 public:
  MailPromises(const SitePatterns& sp, std::string country) : sp_(sp), country_(std::move(country)) {}

  void add(const MailMessage& mm, std::string_view own) {
    if (mm.side != "trader") return;
    fetch::Page page;
    page.requested_url = page.final_url = mm.key;
    html::Document doc;
    doc.url = mm.key;
    doc.text = std::string(own);
    PageContext pc{&page, &doc, false, country_};
    FactStore found;
    extract_response_times(pc, sp_, found);
    // The choice depends on channel, hours and business time only: the first message making each
    // distinct promise is kept, not one fact per acknowledgement of a large mailbox.
    for (auto& f : found.facts) {
      if (f.type != "response_time_statement") continue;
      std::string shape = f.attrs.value("channel", std::string("any")) + "|" + f.attrs.value("hours", nlohmann::json()).dump() +
                          "|" + (f.attrs.value("business", false) ? "b" : "c");
      if (shapes_.insert(shape).second) promised_.add(std::move(f));
    }
  }

  StatedTime best(const StatedTime& fallback) const {
    StatedTime best = stated_response_time(promised_);
    if (!best.from_site) return fallback;
    best.from_site = false;
    best.from_mail = true;
    // The message whose statement is the one chosen.
    for (const Fact* f : promised_.of_type("response_time_statement")) {
      if (f->attrs.value("hours", 0.0) == best.hours && f->attrs.value("business", false) == best.business) {
        best.mail_key = f->source;
        break;
      }
    }
    return best;
  }

 private:
  const SitePatterns& sp_;
  std::string country_;
  FactStore promised_;
  std::set<std::string> shapes_;
};

std::vector<std::string> relay_domains(const mail::Message& m, std::vector<std::string>* headers) {
  static const TextPattern dkim_d("(?:^|;)\\s*d\\s*=\\s*([A-Za-z0-9.\\-]+)", true, "DKIM d=");
  std::vector<std::string> out;
  for (const auto& [name, value] : m.headers) {
    std::string n = lower_ascii(name);
    std::string domain;
    if (n == "return-path") {
      domain = address_domain(value);
    } else if (n == "dkim-signature") {
      Match d;
      if (dkim_d.search(value, &d)) domain = lower_ascii(d.group(value, 0));
    } else {
      continue;
    }
    if (domain.empty()) continue;
    out.push_back(domain);
    headers->push_back(name + ": " + (n == "return-path" ? value : "d=" + domain));
  }
  return out;
}

void add_sender_domain_fact(const MailMessage& mm, const TraderDomains& td, FactStore& out) {
  const mail::Message& m = *mm.m;
  bool known = !td.domains.empty() || !td.addresses.empty();
  bool own = !mm.from.empty() && is_trader_address(mm.from, td);
  std::vector<std::string> relay_headers;
  std::vector<std::string> relays = relay_domains(m, &relay_headers);
  std::vector<std::string> others;
  for (std::size_t i = 0; i < relays.size(); ++i) {
    if (!in_domains(registrable_domain(relays[i]), td)) others.push_back(relay_headers[i]);
  }
  std::string from_host = address_domain(mm.from);
  // The value is quoted into a rule message in the report's language: data with marks, no
  // words ("From: news.shop.fr | shop.fr | DKIM-Signature: d=relay.example"). The note explains
  // it in a sentence the catalogues translate (rules/i18n/en.json's templates).
  std::string value, note;
  std::string domains;
  for (const auto& d : td.domains) domains += (domains.empty() ? "" : ", ") + d;
  std::string relayed_by;
  for (std::size_t i = 0; i < others.size(); ++i) relayed_by += (i ? "; " : "") + others[i];
  if (mm.from.empty()) {
    value = "—";
    note = "no readable From address";
  } else {
    value = "From: " + from_host;
    if (known && !domains.empty()) value += " | " + domains;
    if (!relayed_by.empty()) value += " | " + relayed_by;
    const std::string source = td.source.empty() ? "none" : td.source;
    if (!known) {
      note = "From " + from_host + ": the trader's domains are unknown";
    } else if (own) {
      note = "From " + from_host + " is in the trader's domain " + mm.from_domain + "; the trader's domains: " +
             (domains.empty() ? std::string("—") : domains) + " (" + source + ")";
      if (!relayed_by.empty()) note += "; sent through another domain, which is fine since From is the trader's own";
    } else {
      note = "From " + from_host + " is not in the trader's domains; the trader's domains: " +
             (domains.empty() ? std::string("—") : domains) + " (" + source + ")";
    }
  }
  Fact f;
  f.type = "sender_domain";
  f.attrs = {{"value", value},
             {"from_domain", mm.from_domain},
             {"domains_known", known},
             {"domains_source", td.source},
             {"trader_domain", own},
             {"relayed", !others.empty()},
             {"has_from", !mm.from.empty()}};
  f.evidence = mail_evidence(m, raw_header(m, "From"), "", note);
  f.attrs["detail"] = td.detail;  // why these are the trader's domains, in the facts appendix
  f.source = mm.key;
  out.add(std::move(f));
}

// What the first pass keeps of a message for the steps that read across messages (who is who,
// threads, automatic answers, response times): its addresses, ids, dates and the few headers
// those steps read, not its text, so the pass holds a few hundred bytes per message.
mail::Message light_copy(mail::Message&& m) {
  mail::Message l;
  l.file = std::move(m.file);
  l.offset = m.offset;
  l.message_id = std::move(m.message_id);
  l.in_reply_to = std::move(m.in_reply_to);
  l.references = std::move(m.references);
  l.subject = std::move(m.subject);
  l.from = std::move(m.from);
  l.reply_to = std::move(m.reply_to);
  l.sender = std::move(m.sender);
  l.to = std::move(m.to);
  l.cc = std::move(m.cc);
  for (auto& [name, value] : m.headers) {
    std::string n = lower_ascii(name);
    if (n == "list-unsubscribe" || n == "precedence" || n == "auto-submitted") l.headers.emplace_back(name, std::move(value));
  }
  l.date_raw = std::move(m.date_raw);
  l.date_utc = m.date_utc;
  l.date_implausible = m.date_implausible;
  l.tz_offset_minutes = m.tz_offset_minutes;
  l.read_in_part = m.read_in_part;
  return l;
}

// What the first pass learns from a message's text for the threads: the threads compare the
// start of a message's own text (kQuoteKeyLen bytes) with the quote of another, where the quoted
// message stands first; a quote is kept up to kQuotedKeyBytes.
constexpr std::size_t kQuotedKeyBytes = 16384;

struct QuoteTraits {
  std::string own_key, quoted_key, quoted_from;
  bool quotes = false;
};

// Whether the rules could tell two messages apart: their facts' types, attributes and places,
// without what names the message itself (file, id, subject, date, thread).
std::string fact_shape(const FactStore& store) {
  static const std::set<std::string> kOwn = {"key", "file", "message_id", "date", "date_utc", "thread", "linked_by"};
  std::string shape;
  for (const auto& f : store.facts) {
    nlohmann::json a = nlohmann::json::object();
    for (auto it = f.attrs.begin(); it != f.attrs.end(); ++it) {
      if (kOwn.count(it.key()) || (f.type == "message" && it.key() == "value")) continue;
      a[it.key()] = it.value();
    }
    shape += f.type + "@" + std::to_string(f.begin) + "-" + std::to_string(f.end) + a.dump() + "\n";
  }
  return shape;
}

// Messages whose facts the rules cannot tell apart (the same order confirmation sent to 100,000
// customers) are listed up to this many times; the others are counted on the last one listed
// (`similar`), so that the rules weigh them and the report does not repeat them.
constexpr std::size_t kMessagesPerShape = 20;

}  // namespace

void extract_mail(const mail::Mailbox& box, const Lexicon& lex, FactStore& out, const MailOptions& opt) {
  MailReplay replay = [&box](const mail::MessageSink& sink) {
    mail::Mailbox result;
    result.errors = box.errors;
    for (const auto& m : box.messages) {
      mail::Message copy = m;
      sink(std::move(copy));
      ++result.read;
    }
    return result;
  };
  extract_mail(replay, lex, out, opt);
}

mail::Mailbox extract_mail(const MailReplay& replay, const Lexicon& lex, FactStore& out, const MailOptions& opt) {
  const SitePatterns& sp = site_patterns(lex);
  // A space in the wording matches any white space: HTML mail breaks lines anywhere ("no responda
  // a este<br>correo").
  TextPattern notice(lexicon_alternation(lex, "do_not_reply"), true, "do_not_reply");
  // "Ceci est un message automatique : répondez simplement à cet e-mail": the message itself is
  // the way to write, when it comes from an address that takes replies.
  TextPattern invitation(lexicon_alternation(lex, "mail.reply_invitation"), true, "mail.reply_invitation");
  QuoteFinder quotes(lex);
  AutoReplyDetector autos(lex);
  SignatureDetector signatures(lex);
  SubjectNormaliser subjects(lex);
  QuoteReader quote_reader(lex);
  const bool site_audited = out.audit.value("site", false);

  // The mailbox is read twice, one message at a time: the first pass keeps what the steps across
  // messages need (a light copy of each message, what its text quotes), the second pass reads each
  // message again for its own facts. Memory holds one message's text, never the mailbox's.
  // 1. Each message, what it quotes and whether it is an automatic answer.
  std::vector<MailMessage> messages;
  std::deque<mail::Message> light;  // a deque: no doubling copy of the whole index as it grows
  std::vector<QuoteTraits> traits;
  auto body_of = [](const mail::Message& m) {
    return !m.text_plain.empty() ? m.text_plain : html::html_to_text(m.text_html);
  };
  mail::Mailbox box = replay([&](mail::Message&& m) {
    MailMessage mm;
    mm.key = message_key(m);
    std::string body = body_of(m);
    mm.from = m.from.empty() ? "" : m.from.front().address;
    mm.from_domain = registrable_domain(mm.from);
    std::size_t own_end = quotes.own_text_end(body);
    mm.auto_reply = autos.classify(m, std::string_view(body).substr(0, own_end)).automatic;
    QuotedReply qr = quote_reader.read(body);
    QuoteTraits t;
    // The threads compare the start of a message's own text with what others quote (the first
    // kQuoteKeyLen bytes of it) and look for it near the top of a quote: what is kept is bounded.
    t.own_key = quote_key(std::string_view(body).substr(qr.own_begin, qr.own_end - qr.own_begin)).substr(0, kQuoteKeyLen);
    if (qr.quotes) t.quoted_key = quote_key(qr.quoted_text).substr(0, kQuotedKeyBytes);
    t.quotes = qr.quotes;
    t.quoted_from = std::move(qr.quoted_from);
    traits.push_back(std::move(t));
    messages.push_back(std::move(mm));
    light.push_back(light_copy(std::move(m)));
  });
  for (std::size_t i = 0; i < messages.size(); ++i) messages[i].m = &light[i];

  // 2. Who is who.
  TraderDomains td = find_trader_domains(messages, out, opt, lex);
  assign_sides(messages, td, opt, lex);
  std::string customer_side = !opt.customers.empty()                         ? "option"
                              : !td.domains.empty() || !td.addresses.empty() ? "inferred"
                                                                             : "unknown";

  // 3. Threads: ids first, then the normalised subject with the customer taking part.
  std::vector<ThreadItem> items;
  for (const auto& mm : messages) {
    ThreadItem it;
    it.message_id = mm.m->message_id;
    it.parent_ids = mm.m->in_reply_to;
    it.parent_ids.insert(it.parent_ids.end(), mm.m->references.begin(), mm.m->references.end());
    std::string customer;
    if (mm.side == "customer") {
      customer = lower_ascii(mm.from);
    } else {
      for (const auto* list : {&mm.m->to, &mm.m->cc}) {
        for (const auto& a : *list) {
          if (customer.empty() && !is_trader_address(a.address, td)) customer = lower_ascii(a.address);
        }
      }
    }
    std::string subject = subjects.normalise(mm.m->subject);
    if (!subject.empty() && !customer.empty()) it.subject_key = subject + "|" + customer;
    it.own_key = traits[items.size()].own_key;
    it.quoted_key = traits[items.size()].quoted_key;
    items.push_back(std::move(it));
  }
  ThreadSet threads = build_threads(items);
  items = {};
  for (std::size_t i = 0; i < messages.size(); ++i) {
    messages[i].thread = threads.thread_of[i];
    messages[i].linked_by = threads.linked_by[i];
  }
  for (const auto& members : threads.threads) {
    // A trader message after a customer message of its thread answers the customer.
    std::vector<std::size_t> dated;
    for (std::size_t i : members) {
      if (mail::believed_date(*messages[i].m)) dated.push_back(i);
    }
    std::stable_sort(dated.begin(), dated.end(),
                     [&](std::size_t a, std::size_t b) { return *mail::believed_date(*messages[a].m) < *mail::believed_date(*messages[b].m); });
    // Someone outside the trader wrote first (a listed customer, or a writer --customer left
    // out): a later trader message answers them.
    bool customer_wrote = false;
    for (std::size_t i : dated) {
      if (messages[i].side != "trader" && !messages[i].auto_reply) customer_wrote = true;
      if (messages[i].side == "trader" && customer_wrote) messages[i].answers_customer = true;
    }
  }
  // A trader message quoting a customer's message answers it, even when the mailbox does not
  // hold that message: the quote's header names someone outside the trader, or names no one and
  // the message goes to someone outside the trader.
  for (std::size_t i = 0; i < messages.size(); ++i) {
    MailMessage& mm = messages[i];
    const QuoteTraits& qr = traits[i];
    if (mm.side != "trader" || mm.auto_reply || mm.answers_customer || !qr.quotes) continue;
    bool to_outside = false;
    for (const auto* list : {&mm.m->to, &mm.m->cc}) {
      for (const auto& a : *list) to_outside |= !a.address.empty() && !is_trader_address(a.address, td);
    }
    if (!qr.quoted_from.empty() ? !is_trader_address(qr.quoted_from, td) && to_outside : to_outside) {
      mm.answers_customer = true;
    }
  }
  // A trader message titled as a reply ("Re: Umtausch [Ticket#48213]") to a listed customer
  // answers them, though what they wrote (a contact form, a mail not in the mailbox) is absent.
  for (auto& mm : messages) {
    if (mm.side != "trader" || mm.auto_reply || mm.answers_customer || opt.customers.empty() ||
        !subjects.is_reply(mm.m->subject)) {
      continue;
    }
    for (const auto* list : {&mm.m->to, &mm.m->cc}) {
      for (const auto& a : *list) {
        for (const auto& c : opt.customers) mm.answers_customer |= lower_ascii(a.address) == lower_ascii(c);
      }
    }
  }

  std::set<std::string> site_addresses = site_disclosed_addresses(out);
  SiteIdentity site_id = site_identity(out);
  std::set<std::string> brands = brand_words(messages, td, out);
  // The trader's country (its zone makes business days): the site's, unless the site only
  // guessed it from its language and the trader's domain is a country's.
  std::string trader_country = out.audit.value("country", std::string());
  std::string domain_country = td.domains.empty() ? "" : country_of_tld(lex, td.domains.front());
  if (!domain_country.empty() &&
      (trader_country.empty() || out.audit.value("country_source", std::string()) == "language")) {
    trader_country = domain_country;
  }

  // 4. Facts per message, each message read again.
  traits.clear();
  traits.shrink_to_fit();
  std::vector<std::string> cut_notes;
  std::map<std::pair<std::string, std::string>, std::pair<bool, std::string>> alternatives;  // window, region
  MailPromises promises(sp, trader_country);
  bool contractual_mail = false;
  struct ShapeCount {
    std::size_t listed = 0, similar = 0, message_fact = 0;
  };
  std::map<std::string, ShapeCount> shapes;
  std::size_t idx = 0, unmatched = 0;
  std::vector<char> reply_listed(messages.size(), 0);  // listed replies and automatic answers
  // Message i of the first reading, read again: its record, now with the whole message and text.
  auto read_again = [&](std::size_t i, const mail::Message& full) {
    MailMessage mm = messages[i];
    mm.m = &full;
    mm.body = body_of(full);
    return mm;
  };
  // The trader's name and address in a message's own text, read with the trader's country (its
  // national formats), else the sender's domain's.
  auto read_identity = [&](const MailMessage& mm, std::string_view own, FactStore& into) {
    std::string hint = trader_country.empty() ? country_of_tld(lex, mm.from) : trader_country;
    extract_mail_identity(mm, own, sp, hint, site_id, brands, into);
  };
  replay([&](mail::Message&& full) {
    // The mailbox must be the one of the first pass, message for message.
    if (idx >= messages.size() || message_key(full) != messages[idx].key || full.message_id != messages[idx].m->message_id) {
      ++unmatched;
      ++idx;
      return;
    }
    MailMessage mm = read_again(idx, full);
    const mail::Message& m = full;
    const std::string& key = mm.key;
    const std::string& body = mm.body;
    std::string_view own(std::string_view(body).substr(0, quotes.own_text_end(body)));
    std::string kind = message_kind(mm, sp);
    promises.add(mm, own);
    // Shops repeat the same footer around a notice: each window is judged once, within a bound.
    if (alternatives.size() > 4096) alternatives.clear();
    // The message's own facts, at most kFactsPerSource of a type (80,000 notice lines in one
    // mail are one notice repeated, not 80,000 facts to hold).
    FactStore msg_out;
    msg_out.per_type_limit = kFactsPerSource;
    take_pattern_giveups();

    Fact msg;
    msg.type = "message";
    msg.attrs = {{"value", m.subject},
                 {"key", key},
                 {"file", m.file},
                 {"message_id", m.message_id},
                 {"from", mm.from},
                 {"date", m.date_raw},
                 {"has_reply_to", !m.reply_to.empty()},
                 {"auto_submitted", fold(m.header("Auto-Submitted")) != "" && fold(m.header("Auto-Submitted")) != "no"},
                 {"side", mm.side},
                 {"side_reason", mm.side_reason},
                 {"kind", kind},
                 {"auto_reply", mm.auto_reply},
                 {"answers_customer", mm.answers_customer},
                 {"thread", "T" + std::to_string(mm.thread + 1)},
                 {"linked_by", mm.linked_by},
                 {"from_domain", mm.from_domain},
                 {"has_text", !squeeze(body).empty()}};
    if (auto date = mail::believed_date(m)) msg.attrs["date_utc"] = *date;
    if (m.date_implausible) msg.attrs["date_implausible"] = true;
    msg.evidence = mail_evidence(m, raw_header(m, "Subject"), "", "message (" + kind + "; " + mm.side_reason + ")");
    msg.source = key;
    msg_out.add(std::move(msg));

    auto add_addresses = [&](const std::vector<mail::Address>& list, const char* header) {
      for (const auto& a : list) {
        Fact f;
        f.type = "mail_address";
        bool noreply = noreply_local(a.address, lex);
        std::string registrable = registrable_domain(a.address);
        f.attrs = {{"value", a.name.empty() ? a.address : a.name + " <" + a.address + ">"},
                   {"header", header},
                   {"address", a.address},
                   {"name", a.name},
                   {"noreply", noreply},
                   {"domain", a.address.substr(a.address.find('@') == std::string::npos ? a.address.size()
                                                                                        : a.address.find('@') + 1)},
                   {"registrable_domain", registrable}};
        if (!td.domains.empty() || !td.addresses.empty()) f.attrs["trader_domain"] = is_trader_address(a.address, td);
        std::string h = raw_header(m, header);
        f.evidence = mail_evidence(
            m, h, "", noreply ? std::string(header) + " is a no-reply address" : std::string(header) + " address");
        f.source = key;
        msg_out.add(std::move(f));
      }
    };
    add_addresses(m.from, "From");
    add_addresses(m.reply_to, "Reply-To");
    add_addresses(m.sender, "Sender");

    // The sender's country (from its domain) is the region for national phone numbers.
    std::string region = country_of_tld(lex, mm.from);
    // Who the message goes to (never an alternative to write to), and whether its own sender
    // takes replies: the same for every notice in it.
    std::set<std::string> recipients;
    for (const auto* list : {&m.to, &m.cc}) {
      for (const auto& a : *list) recipients.insert(lower_ascii(a.address));
    }
    for (const auto& c : opt.customers) recipients.insert(lower_ascii(c));
    std::string recipient_key;
    for (const auto& r : recipients) recipient_key += r + ",";
    bool replies_taken = !m.from.empty() && !noreply_local(m.from.front().address, lex);
    for (const auto& r : m.reply_to) replies_taken = replies_taken && !noreply_local(r.address, lex);
    for (const auto& nm : notice.find_all(body)) {
      // The trader's own notice: not one a customer quotes from another sender's mail, nor one
      // in the "> " lines of an earlier message a reply quotes.
      if (mm.side == "customer") break;
      std::size_t line_start = body.rfind('\n', nm.begin);
      line_start = line_start == std::string::npos ? 0 : line_start + 1;
      std::size_t first_char = body.find_first_not_of(" \t", line_start);
      if (first_char != std::string::npos && first_char < nm.begin && body[first_char] == '>') continue;
      std::size_t from_pos = nm.begin > 350 ? nm.begin - 350 : 0;
      std::size_t to_pos = std::min(body.size(), nm.end + 350);
      // Shops repeat the same footer around the notice: each window is judged once.
      auto [cached, fresh] =
          alternatives.try_emplace(std::make_pair(body.substr(from_pos, to_pos - from_pos), region + "|" + std::to_string(nm.begin - from_pos) + "|" + recipient_key));
      if (fresh) {
        cached->second.first =
            reachable_alternative(cached->first.first, sp, region, nm.begin - from_pos, recipients, &cached->second.second);
      }
      bool reachable = cached->second.first;
      std::string alt = cached->second.second;
      if (!reachable) {
        std::string_view after = std::string_view(body).substr(nm.begin, std::min<std::size_t>(body.size() - nm.begin, 240));
        Match inv;
        if (replies_taken && invitation.search(after, &inv)) {
          reachable = true;
          alt = "a reply to this message (\"" + squeeze(std::string(after.substr(inv.begin, inv.end - inv.begin))) + "\")";
        }
      }
      Fact f;
      f.type = "no_reply_notice";
      f.attrs = {{"value", squeeze(body.substr(nm.begin, nm.end - nm.begin))},
                 {"alternative_nearby", reachable},
                 {"alternative", alt}};
      f.evidence = mail_evidence(m, "", make_snippet(body, nm.begin, nm.end, 160),
                                 reachable ? "do-not-reply notice, with a reachable alternative: " + alt
                                           : "do-not-reply notice without a reachable alternative nearby");
      f.source = key;
      f.begin = nm.begin;
      f.end = nm.end;
      msg_out.add(std::move(f));
    }

    // Whose domain From is matters for the trader's messages; an unknown side is judged only
    // while the trader's domains are unknown too (inconclusive), never taken for the trader's.
    bool domains_known = !td.domains.empty() || !td.addresses.empty();
    if (mm.side == "trader" || (mm.side == "unknown" && !domains_known)) add_sender_domain_fact(mm, td, msg_out);

    if (mm.auto_reply && mm.side != "customer") {
      // The addresses the refusal speaks for: the auto-reply's own From and where the customer wrote.
      std::set<std::string> addresses;
      if (!mm.from.empty()) addresses.insert(lower_ascii(mm.from));
      for (std::size_t j : threads.threads[static_cast<std::size_t>(mm.thread)]) {
        const MailMessage& c = messages[j];
        if (c.side != "customer" || !mail::believed_date(*c.m) || !mail::believed_date(m) || *mail::believed_date(*c.m) > *mail::believed_date(m)) continue;
        for (const auto* list : {&c.m->to, &c.m->cc}) {
          for (const auto& a : *list) {
            if (td.domains.empty() || is_trader_address(a.address, td)) addresses.insert(lower_ascii(a.address));
          }
        }
      }
      std::vector<std::string> disclosed;
      for (const auto& a : addresses) {
        if (site_addresses.count(a)) disclosed.push_back(a);
      }
      const AutoReplySignal sig = autos.classify(m, own);
      Fact f;
      f.type = "automatic_answer";
      std::string list;
      for (const auto& a : addresses) list += (list.empty() ? "" : ", ") + a;
      f.attrs = {{"value", "automatic answer from " + list}, {"by", sig.by}, {"addresses", addresses}};
      if (site_audited) {
        f.attrs["disclosed_on_site"] = !disclosed.empty();
        f.attrs["disclosed"] = disclosed;
      }
      std::string snippet = sig.by == "wording" ? make_snippet(own, sig.begin, sig.end, 120) : "";
      f.evidence = mail_evidence(
          m, sig.header, snippet,
          "automatic answer (" + sig.by + ")" + (disclosed.empty() ? "" : "; the site discloses " + disclosed.front()));
      f.source = key;
      msg_out.add(std::move(f));

      bool acknowledged = autos.acknowledges(own);
      for (const auto& r : autos.refusals(own)) {
        std::string alt;
        std::string_view rest = own.substr(r.begin, std::min<std::size_t>(own.size() - r.begin, 300));
        for (const auto& em : sp.email.find_all(rest)) {
          std::string a(rest.substr(em.begin, em.end - em.begin));
          if (!noreply_local(a, lex) && alt.empty()) alt = a;
        }
        bool decisive = r.kind == "not_read" || !acknowledged;
        Fact rf;
        rf.type = "autoreply_refusal";
        rf.attrs = {{"value", squeeze(own.substr(r.begin, r.end - r.begin))},
                    {"kind", r.kind},
                    {"acknowledged", acknowledged},
                    {"decisive", decisive},
                    {"alternative", alt}};
        rf.evidence =
            mail_evidence(m, "", make_snippet(own, r.begin, r.end, 160),
                          r.kind == "not_read" ? "the automatic answer says mail there is not read"
                                               : "the automatic answer sends the consumer to a form or portal" +
                                                     std::string(acknowledged ? ", while promising a reply" : ""));
        rf.source = key;
        rf.begin = r.begin;
        rf.end = r.end;
        msg_out.add(std::move(rf));
      }
    }

    if (kind == "service_reply") {
      // The reply's own text: above a quote below it, or below a quote above it (bottom-posting);
      // never the customer's quoted signature.
      const QuotedReply qr = quote_reader.read(body);
      std::string_view own(std::string_view(body).substr(qr.own_begin, qr.own_end - qr.own_begin));
      Signature s = signatures.detect(own, brands);
      // Help desks append the thread's history without quote marks (Zendesk: "Hélène Garçon ⏎
      // 6 nov. 2026, 17:48"): a name that is the customer's own (the reply's recipient, or the
      // writer of a customer message of its thread) signs the customer's message, not the
      // reply; the reply's signature is looked for above it.
      std::set<std::string> customer_names;
      for (const auto* list : {&m.to, &m.cc}) {
        for (const auto& a : *list) {
          if (!a.name.empty()) customer_names.insert(fold(a.name));
        }
      }
      if (mm.thread >= 0) {
        for (std::size_t j : threads.threads[static_cast<std::size_t>(mm.thread)]) {
          if (messages[j].side != "customer") continue;
          for (const auto& a : messages[j].m->from) {
            if (!a.name.empty()) customer_names.insert(fold(a.name));
          }
        }
      }
      for (int guard = 0; guard < 4 && s.verdict == "named" && customer_names.count(fold(s.name)) && s.begin > 0; ++guard) {
        // Cut at the first line that is the customer's name alone (the history's header
        // "Hélène Garçon ⏎ 6 nov. 2026, 17:48"), else at the name found.
        std::size_t cut = s.begin;
        for (std::size_t pos = 0; pos < s.begin;) {
          std::size_t nl = own.find('\n', pos);
          std::size_t end = nl == std::string_view::npos ? own.size() : nl;
          if (pos > 0 && customer_names.count(fold(squeeze(std::string(own.substr(pos, end - pos)))))) {
            cut = pos;
            break;
          }
          if (nl == std::string_view::npos) break;
          pos = nl + 1;
        }
        s = signatures.detect(own.substr(0, cut), brands);
      }
      Fact f;
      f.type = "signature";
      f.attrs = {{"value", s.lines.empty() ? std::string("(no signature found)") : s.lines},
                 {"verdict", s.verdict},
                 {"name", s.name}};
      std::string snippet = s.verdict == "none" ? "" : make_snippet(own, s.begin, std::max(s.begin, s.end), 160);
      f.evidence = mail_evidence(m, "", snippet,
                                 s.verdict == "named"  ? "signed by a named person: " + s.name
                                 : s.verdict == "team" ? "signed only by the team or the company"
                                                       : "no signature recognised");
      f.source = key;
      f.begin = s.begin;
      f.end = s.end;
      msg_out.add(std::move(f));
    }

    contractual_mail |= kind == "contractual" || kind == "commercial";
    const bool reply = kind == "service_reply" || kind == "auto_reply";
    if (kind == "contractual" || kind == "commercial") read_identity(mm, own, msg_out);
    // The `message` fact says when the message was not wholly read: its MIME tree past a budget,
    // or its facts past theirs.
    const std::size_t giveups = take_pattern_giveups();
    if (m.read_in_part || !msg_out.dropped.empty() || giveups != 0) msg_out.facts.front().attrs["read_in_part"] = true;
    const std::string where = key + (m.message_id.empty() ? "" : " <" + m.message_id + ">") + ": ";
    if (giveups != 0) {
      cut_notes.push_back(where + std::to_string(giveups) +
                          " pattern search(es) gave up (PCRE2 match limit); what they look for may be missed");
    }
    for (const auto& [type, n] : msg_out.dropped) {
      cut_notes.push_back(where + std::to_string(n) + " more " + type + " facts past the budget of " +
                          std::to_string(kFactsPerSource) + " per message were not recorded");
    }
    ShapeCount& shape = shapes[fact_shape(msg_out)];
    const std::size_t here = idx++;
    if (shape.listed >= kMessagesPerShape) {
      out.facts[shape.message_fact].attrs["similar"] = ++shape.similar;
      return;
    }
    ++shape.listed;
    if (reply) reply_listed[here] = 1;
    shape.message_fact = out.facts.size();
    for (auto& f : msg_out.facts) out.add(std::move(f));
  });
  if (unmatched != 0 || idx != messages.size()) {
    cut_notes.push_back("the mailbox changed while it was read: " + std::to_string(unmatched + (messages.size() > idx ? messages.size() - idx : 0)) +
                        " message(s) of the first reading were not found again and their own facts are missing");
  }
  // A mailbox without the trader's order or marketing mail: email.sender_identity judges its
  // replies and automatic answers instead, so their identity is read too (a third reading, of
  // what such mailboxes hold: a few service threads).
  if (!contractual_mail && std::find(reply_listed.begin(), reply_listed.end(), 1) != reply_listed.end()) {
    std::size_t at = 0;
    replay([&](mail::Message&& full) {
      const std::size_t i = at++;
      if (i >= messages.size() || !reply_listed[i] || message_key(full) != messages[i].key) return;
      const MailMessage mm = read_again(i, full);
      std::string_view own(std::string_view(mm.body).substr(0, quotes.own_text_end(mm.body)));
      FactStore identity;
      identity.per_type_limit = kFactsPerSource;
      read_identity(mm, own, identity);
      for (auto& f : identity.facts) out.add(std::move(f));
    });
  }
  std::size_t similar = 0;
  for (const auto& [shape, count] : shapes) similar += count.similar;
  if (similar != 0) {
    cut_notes.push_back(std::to_string(similar) + " message(s) whose facts the rules cannot tell from a listed one's (the same sender, kind and wording) are counted on it (`similar`), not listed: at most " +
                        std::to_string(kMessagesPerShape) + " messages of each such shape are listed");
  }

  // 5. Response times over the threads.
  std::map<int, int> offsets;
  for (const auto& mm : messages) {
    if (mm.side == "trader" && mail::believed_date(*mm.m)) ++offsets[mm.m->tz_offset_minutes];
  }
  int common_offset = 0, best = 0;
  for (const auto& [off, n] : offsets) {
    if (n > best) {
      best = n;
      common_offset = off;
    }
  }
  std::string zone;
  const auto& raw = lex.raw();
  if (!trader_country.empty() && raw.contains("common") && raw["common"].contains("mail.time_zones")) {
    zone = raw["common"]["mail.time_zones"].value(trader_country, std::string());
  }
  PublicHolidays holidays;
  if (!zone.empty() && raw["common"].contains("mail.public_holidays")) {
    holidays = PublicHolidays::from_lexicon(raw["common"]["mail.public_holidays"], trader_country);
  }
  TraderClock clock(zone, common_offset,
                    offsets.empty() ? "no trader zone known" : "the offset of most of the trader's Date headers",
                    std::move(holidays));
  StatedTime stated = stated_response_time(out);
  if (!stated.from_site) stated = promises.best(stated);
  add_response_time_facts(messages, threads, stated, clock, customer_side, out);

  out.audit["emails_supplied"] = true;
  out.audit["messages"] = static_cast<int>(box.read);
  out.audit["mail_errors"] = static_cast<int>(box.errors.size());
  out.audit["trader_domains"] = td.domains;
  out.audit["trader_domains_source"] = td.source;
  out.audit["trader_domains_detail"] = td.detail;
  out.audit["customer_side"] = customer_side;
  out.audit["contractual_mail"] = contractual_mail;
  out.audit["threads"] = static_cast<int>(threads.threads.size());
  // A message past the fact budget (its `message` fact says read_in_part) was not wholly judged.
  out.audit["mail_fact_notes"] = cut_notes;
  return box;
}

}  // namespace omnicheck::extract

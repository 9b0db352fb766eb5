// omnicheck extract stage: facts, each with the evidence a person can check without the tool.
// Facts are typed records with free-form attributes so that rules (data under rules/) can
// filter on them without C++ changes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fetch/fetch.h"
#include "html/html.h"
#include "mail/mail.h"

namespace omnicheck::extract {

// Contract (DESIGN.md): web evidence carries url, fetched_at, status, sha256, locator,
// snippet, region; e-mail evidence carries file, message_id, header or snippet, date.
// Merchant text as a snippet quotes it: white space collapsed, and a doubled bracket ("[[",
// "]]") split by a space, so that the only [[…]] in a snippet is the tool's mark and a
// merchant's "[[x]]" is never rendered as a highlight (issue 17).
std::string quote_text(std::string_view merchant_text);

struct Evidence {
  // web
  std::string url, fetched_at, sha256, locator, region;
  int status = 0;
  // Set when the quote comes from the DOM a browser rendered, not the HTML served: "rendered",
  // with that DOM's own hash (`sha256` stays the served body's). Empty = the served HTML.
  std::string dom, rendered_sha256;
  // e-mail
  std::string file, message_id, header, date;
  std::string header_decoded;  // `header` with its encoded-words decoded, when it has any
  std::uint64_t offset = 0;
  // both: the quoted text, with the match marked as [[...]]
  std::string snippet;
  std::string note;  // what this piece of evidence shows, in a few words

  nlohmann::json to_json() const;
};

struct Fact {
  std::string type;      // email, phone, legal_name, address, link, page, contact_form, ...
  nlohmann::json attrs;  // type-specific attributes (see docs/rules.md)
  Evidence evidence;
  std::string source;    // page URL or message key: proximity is measured within one source
  std::size_t begin = 0, end = 0;  // byte range in the source's text

  nlohmann::json to_json() const;
};

// Language knowledge, merged from rules/lexicon/*.json (one file per language plus shared
// data such as countries.json). Keys are lists of strings or regexes.
struct SitePatterns;

class Lexicon {
 public:
  static Lexicon load(const std::filesystem::path& dir);  // throws naming the file
  // The strings of `key` in all languages, each once, longest first; empty when no language
  // has the key. Built at load time and immutable after, so safe to read from any thread.
  const std::vector<std::string>& list(std::string_view key) const;
  const nlohmann::json& countries() const { return countries_; }
  const nlohmann::json& raw() const { return by_lang_; }

 private:
  nlohmann::json by_lang_ = nlohmann::json::object();
  nlohmann::json countries_ = nlohmann::json::object();
  std::map<std::string, std::vector<std::string>, std::less<>> lists_;

  // The site extractors' compiled patterns (hundreds of PCRE2 patterns), built at the first
  // extract_site on this lexicon and reused by every later one: a focused crawl extracts after
  // every batch, and a batch worker audits hundreds of sites with one lexicon. A copy or a
  // moved-to lexicon starts without them, because the patterns refer to the lexicon they came from.
  struct CompiledPatterns {
    CompiledPatterns() = default;
    CompiledPatterns(const CompiledPatterns&) {}
    CompiledPatterns& operator=(const CompiledPatterns&) {
      site.reset();
      return *this;
    }
    std::mutex mutex;
    std::shared_ptr<const SitePatterns> site;
  };
  mutable CompiledPatterns compiled_;
  friend const SitePatterns& site_patterns(const Lexicon& lex);
};

struct SiteInput {
  std::vector<fetch::Page> pages;        // every fetch attempt, failed ones included
  std::vector<html::Document> documents;  // parsed HTML pages, same order as ok HTML pages
  std::string start_url;
  bool crawl_complete = true;            // every in-scope link discovered was fetched
  std::vector<std::string> crawl_notes;  // why it is not (page cap, robots, errors)
};

struct FactStore {
  std::vector<Fact> facts;
  nlohmann::json audit = nlohmann::json::object();  // context: pages, completeness, country

  // The budget of facts of one type that add() keeps, 0 = no budget. The extractors give each
  // page and each message a store of its own with kFactsPerSource: a 5 MB page of prices or a
  // mail of 80,000 "do not reply" lines yields that many facts, not hundreds of megabytes of
  // them. What was dropped is counted by type in `dropped` and named in the report.
  std::size_t per_type_limit = 0;
  std::map<std::string, std::size_t> kept, dropped;

  std::vector<const Fact*> of_type(const std::string& type) const;
  void add(Fact f);
  nlohmann::json summary() const;  // facts grouped by type for the report
  // The same, moving each fact into it and leaving the store empty (no second copy is held).
  nlohmann::json take_summary() &&;
};

// The budget of facts of one type from one page or one message (FactStore::per_type_limit).
// Real pages hold a few hundred prices, phones or links at most.
inline constexpr std::size_t kFactsPerSource = 2000;

struct Options {
  std::string country;  // ISO 3166-1 alpha-2, upper case; "" = infer
};

// Site facts: e-mails, phones, legal names, addresses, links by role, forms, reachability of
// the legal notice, plus the audit context (pages fetched, completeness, trader country).
void extract_site(const SiteInput& in, const Lexicon& lex, const Options& opt, FactStore& out);

// Who is who in a mailbox: the customer's addresses (--customer) and the trader's domains
// (--trader-domain); either may be left empty and is then inferred (see docs/rules.md).
struct MailOptions {
  std::vector<std::string> customers;       // addresses of the customer side
  std::vector<std::string> trader_domains;  // domains the trader declares as its own
};

// Mail facts: one `message` fact per message, sender/reply-to/sender headers classified,
// "do not reply" notices with whether a reachable alternative stands next to them; the
// trader's domains and each message's side, threads, auto-replies, signatures, the trader's
// identity in its messages, and measured response times. Site facts already in `out` (legal
// name, address, e-mails, stated response time) are compared with what the mail shows.
void extract_mail(const mail::Mailbox& box, const Lexicon& lex, FactStore& out, const MailOptions& opt = {});

// A mailbox that can be read more than once, each time in the same order, handing each message
// to the sink and returning the errors and count (mail::read_mail with a sink is one).
using MailReplay = std::function<mail::Mailbox(const mail::MessageSink&)>;

// The same, reading the mailbox twice, one message at a time: the first reading keeps a light
// record of each message (addresses, ids, dates) for who is who and the threads, the second
// reads each message again for its own facts. Memory holds one message's text, and messages the
// rules cannot tell apart are listed up to a bound and counted beyond it (`similar` on the
// last one listed). Returns the first reading's result (errors, count); throws what the replay
// throws. A mailbox that changed between the readings is noted in audit.mail_fact_notes.
mail::Mailbox extract_mail(const MailReplay& replay, const Lexicon& lex, FactStore& out, const MailOptions& opt = {});

// Role of a link (legal_notice, contact, customer_service, terms, faq, shipping_returns,
// privacy, about, or "") from its text and URL; the crawler uses it to fetch likely pages first.
class LinkRoles {
 public:
  explicit LinkRoles(const Lexicon& lex);
  ~LinkRoles();
  std::string classify(const std::string& text, const std::string& url) const;
  // Whether a URL leads to the shop's machinery rather than its content (account, login, cart,
  // checkout, wish list; lexicon url.utility): a poor sample of the site's pages.
  bool utility(const std::string& url) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether the local part of an address is a no-reply one (dots removed, case-folded).
bool is_noreply_address(const std::string& address, const Lexicon& lex);

}  // namespace omnicheck::extract

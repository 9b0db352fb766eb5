#include "extract/mail_parties.h"

#include <algorithm>
#include <map>

#include "extract/extractors.h"
#include "extract/registrable_domain.h"

namespace omnicheck::extract {
namespace {

std::string local_part(const std::string& address) {
  std::string local = lower_ascii(address.substr(0, address.rfind('@')));
  auto plus = local.find('+');  // bounces+1234@…
  return plus == std::string::npos ? local : local.substr(0, plus);
}

std::set<std::string> lowered(const std::vector<std::string>& v) {
  std::set<std::string> out;
  for (const auto& s : v) out.insert(lower_ascii(squeeze(s)));
  return out;
}

bool addressed_to(const mail::Message& m, const TraderDomains& td) {
  for (const auto* list : {&m.to, &m.cc}) {
    for (const auto& a : *list) {
      if (is_trader_address(a.address, td)) return true;
    }
  }
  return false;
}

bool addressed_to_any(const mail::Message& m, const std::set<std::string>& addresses) {
  for (const auto* list : {&m.to, &m.cc}) {
    for (const auto& a : *list) {
      if (addresses.count(lower_ascii(a.address))) return true;
    }
  }
  return false;
}

}  // namespace

std::set<std::string> site_disclosed_addresses(const FactStore& store) {
  std::set<std::string> out;
  for (const Fact* f : store.of_type("email")) {
    if (f->attrs.value("third_party", false)) continue;
    std::string a = f->attrs.value("address", std::string());
    if (!a.empty()) out.insert(lower_ascii(a));
  }
  return out;
}

bool has_trader_marks(const MailMessage& mm, const Lexicon& lex) {
  const mail::Message& m = *mm.m;
  if (!m.header("List-Unsubscribe").empty()) return true;
  std::string precedence = lower_ascii(squeeze(m.header("Precedence")));
  if (precedence == "bulk" || precedence == "list" || precedence == "junk") return true;
  std::string auto_submitted = lower_ascii(squeeze(m.header("Auto-Submitted")));
  if (!auto_submitted.empty() && auto_submitted != "no") return true;
  if (mm.from.empty()) return false;
  if (noreply_local(mm.from, lex)) return true;
  std::string local = local_part(mm.from);
  for (const auto& role : lex.list("mail.role_local_parts")) {
    if (local == lower_ascii(role)) return true;
  }
  return false;
}

bool in_domains(const std::string& registrable, const TraderDomains& td) {
  return !registrable.empty() && std::find(td.domains.begin(), td.domains.end(), registrable) != td.domains.end();
}

TraderDomains find_trader_domains(const std::vector<MailMessage>& messages, const FactStore& site,
                                  const MailOptions& opt, const Lexicon& lex) {
  TraderDomains td;
  auto add = [&](const std::string& d) {
    if (!d.empty() && std::find(td.domains.begin(), td.domains.end(), d) == td.domains.end()) td.domains.push_back(d);
  };
  // The site: its own host (live sites) and the addresses it discloses.
  std::string site_detail;
  if (site.audit.value("site", false)) {
    for (const Fact* p : site.of_type("page")) {
      std::string url = p->attrs.value("url", std::string());
      if (!p->attrs.value("is_home", false) || url.rfind("http", 0) != 0) continue;
      std::string d = registrable_domain(fetch::url_host(url));
      if (!d.empty() && std::find(td.domains.begin(), td.domains.end(), d) == td.domains.end()) {
        add(d);
        site_detail += std::string(site_detail.empty() ? "" : "; ") + "the site's own host " + d;
      }
    }
    std::set<std::string> free_mail;
    for (const auto& d : lex.list("mail.free_mail_domains")) free_mail.insert(lower_ascii(d));
    std::map<std::string, std::vector<std::string>> by_domain;
    for (const auto& a : site_disclosed_addresses(site)) {
      std::string d = registrable_domain(a);
      if (free_mail.count(d)) {
        td.addresses.insert(a);
        site_detail += std::string(site_detail.empty() ? "" : "; ") + "the site discloses " + a;
      } else if (!d.empty()) {
        by_domain[d].push_back(a);
      }
    }
    for (const auto& [d, addresses] : by_domain) {
      if (std::find(td.domains.begin(), td.domains.end(), d) != td.domains.end()) continue;
      add(d);
      std::string shown;
      for (std::size_t i = 0; i < addresses.size() && i < 3; ++i) shown += (i ? ", " : "") + addresses[i];
      site_detail += std::string(site_detail.empty() ? "" : "; ") + "the site discloses " + shown;
    }
  }
  std::string option_detail;
  for (const auto& d : opt.trader_domains) {
    std::string r = registrable_domain(lower_ascii(squeeze(d)));
    if (r.empty()) r = lower_ascii(squeeze(d));  // a bare suffix or an odd name: keep what was given
    add(r);
    option_detail += (option_detail.empty() ? "" : ", ") + r;
  }
  if (!site_detail.empty() && !option_detail.empty()) {
    td.source = "site+option";
    td.detail = site_detail + "; declared with --trader-domain: " + option_detail;
  } else if (!site_detail.empty()) {
    td.source = "site";
    td.detail = site_detail;
  } else if (!option_detail.empty()) {
    td.source = "option";
    td.detail = "declared with --trader-domain: " + option_detail;
  }
  if (!td.domains.empty() || !td.addresses.empty()) return td;

  // No site and no option: the majority of the senders that look like a business. Public
  // mailbox providers and the --customer addresses never make the trader.
  std::set<std::string> customers = lowered(opt.customers);
  std::set<std::string> free_mail;
  for (const auto& d : lex.list("mail.free_mail_domains")) free_mail.insert(lower_ascii(d));
  auto count_senders = [&](bool marked_only) {
    std::map<std::string, int> votes;
    int total = 0;
    for (const auto& mm : messages) {
      if (mm.from_domain.empty() || customers.count(lower_ascii(mm.from)) || free_mail.count(mm.from_domain)) continue;
      if (marked_only && !has_trader_marks(mm, lex)) continue;
      ++votes[mm.from_domain];
      ++total;
    }
    return std::make_pair(votes, total);
  };
  auto [votes, total] = count_senders(true);
  std::string basis = "messages that carry a trader's marks (role or no-reply address, bulk or automatic headers)";
  if (total == 0) {
    std::tie(votes, total) = count_senders(false);
    basis = "messages";
  }
  for (const auto& [domain, n] : votes) {
    if (2 * n > total) {
      add(domain);
      td.source = "majority";
      td.detail = "inferred from the majority of senders: " + domain + " sends " + std::to_string(n) + " of " +
                  std::to_string(total) + " " + basis;
    }
  }
  if (td.domains.empty()) {
    td.detail = "unknown: no site audited, no --trader-domain, and no domain sends a majority of the messages";
  }
  return td;
}

bool is_trader_address(const std::string& address, const TraderDomains& td) {
  return in_domains(registrable_domain(address), td) || td.addresses.count(lower_ascii(address)) > 0;
}

void assign_sides(std::vector<MailMessage>& messages, const TraderDomains& td, const MailOptions& opt,
                  const Lexicon& lex) {
  std::set<std::string> customers = lowered(opt.customers);
  for (auto& mm : messages) {
    const mail::Message& m = *mm.m;
    std::string from = lower_ascii(mm.from);
    auto set = [&](const char* side, std::string why) {
      mm.side = side;
      mm.side_reason = std::move(why);
    };
    if (!from.empty() && customers.count(from)) {
      set("customer", "From is a --customer address");
    } else if (in_domains(mm.from_domain, td)) {
      set("trader", "From is in the trader's domain " + mm.from_domain);
    } else if (td.addresses.count(from)) {
      set("trader", "From is an address the site discloses");
    } else if (!td.domains.empty() || !td.addresses.empty()) {
      bool via_trader = false;
      for (const auto* list : {&m.sender, &m.reply_to}) {
        for (const auto& a : *list) via_trader |= is_trader_address(a.address, td);
      }
      if (via_trader) {
        set("trader", "sent for the trader (Sender or Reply-To in its domain) from " + mm.from_domain);
      } else if (customers.empty() && addressed_to(m, td)) {
        set("customer", "written from outside the trader's domains to the trader");
      } else if (customers.empty() ? !addressed_to(m, td) : addressed_to_any(m, customers)) {
        set("trader", "sent to the customer from " +
                          (mm.from_domain.empty() ? std::string("an unknown domain") : mm.from_domain) +
                          ", outside the trader's domains");
      } else {
        set("unknown", "neither a --customer address nor the trader's domain");
      }
    } else if (has_trader_marks(mm, lex)) {
      set("trader", "carries a trader's marks (role or no-reply address, bulk or automatic headers)");
    } else {
      set("unknown", "the trader's domains are unknown");
    }
  }
}

}  // namespace omnicheck::extract

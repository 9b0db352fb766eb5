// Checks the channels the site discloses over the network, only where the consumer would go:
// the trader's e-mail domains in DNS (MX, else A/AAAA) and contact-form targets on the audited
// host. Each check becomes a fact with its evidence (mx_check, form_check), and the channel
// facts it concerns are marked (email.mx_status, contact_form.target_status) so rules can tell
// a working channel from a dead one and from one that was not checked.
#include "audit/channel_probe.h"

#include <map>

#include "audit/form_target_check.h"
#include "audit/mx_resolver.h"

namespace omnicheck::audit {
namespace {

using extract::Fact;
using extract::FactStore;

std::string mx_snippet(const MailDomainCheck& c) {
  std::string shown;
  for (const auto& r : c.records) shown += (shown.empty() ? "" : ", ") + r;
  if (c.status == "nxdomain") shown = "NXDOMAIN";
  if (c.status == "no_mail" && c.via == "none") shown = "no MX, no A/AAAA";
  if (c.status == "inconclusive") shown = "no answer";
  return "MX " + extract::quote_text(c.domain) + ": [[" + extract::quote_text(shown) + "]]";
}

// What a finding's message lists for this check: the domain and, in a few words, the answer.
std::string mx_value(const MailDomainCheck& c) {
  std::string records;
  for (std::size_t i = 0; i < c.records.size() && i < 3; ++i) records += (i ? ", " : "") + c.records[i];
  if (c.status == "accepts" && c.via == "mx") return c.domain + ": MX " + records;
  if (c.status == "accepts") return c.domain + ": no MX, " + records + " (implicit MX)";
  if (c.via == "null_mx") return c.domain + ": null MX, accepts no mail";
  if (c.status == "no_mail") return c.domain + ": no MX, no address";
  if (c.status == "nxdomain") return c.domain + ": does not exist (NXDOMAIN)";
  return c.domain + ": lookup failed";
}

Fact mx_fact(const MailDomainCheck& c) {
  Fact f;
  f.type = "mx_check";
  f.attrs = {{"value", mx_value(c)}, {"domain", c.domain},   {"status", c.status},
             {"via", c.via},      {"records", c.records}, {"reason", c.reason}};
  f.evidence.url = c.query_url;
  f.evidence.fetched_at = c.checked_at;
  f.evidence.sha256 = c.answer_sha256;
  f.evidence.snippet = mx_snippet(c);
  f.evidence.note = c.reason;
  return f;
}

std::string form_value(const FormCheck& c) {
  std::string what = c.http_status ? "HTTP " + std::to_string(c.http_status) +
                                         (c.status == "inconclusive" && c.control_status ? ", as for any path" : "")
                     : c.status == "broken"    ? "connection refused"
                     : c.status == "unchecked" ? "not checked"
                     : c.status == "works"     ? "the page itself"
                                               : "no answer";
  return (c.url.empty() ? c.action : c.url) + " (" + what + ")";
}

Fact form_fact(const FormCheck& c) {
  Fact f;
  f.type = "form_check";
  f.attrs = {{"value", form_value(c)}, {"action", c.action}, {"url", c.url},
             {"status", c.status}, {"http_status", c.http_status}, {"reason", c.reason}};
  if (!c.control_url.empty()) {
    f.attrs["control_url"] = c.control_url;
    f.attrs["control_status"] = c.control_status;
  }
  if (!c.fetched_at.empty()) {  // asked: the answer is the evidence
    f.evidence.url = c.url;
    f.evidence.fetched_at = c.fetched_at;
    f.evidence.sha256 = c.sha256;
    f.evidence.status = c.http_status;
  }
  f.evidence.snippet = "GET " + extract::quote_text(c.url.empty() ? c.action : c.url) + " → [[" +
                       (c.http_status ? "HTTP " + std::to_string(c.http_status) : c.status) + "]]";
  f.evidence.note = c.reason;
  return f;
}

void probe_mail_domains(const Options& opt, FactStore& facts) {
  // Only the trader's own addresses: a host's or designer's address is not the trader's channel,
  // and a no-reply address fails on its own, whatever its domain does.
  std::vector<Fact*> emails;
  for (auto& f : facts.facts) {
    if (f.type != "email") continue;
    if (f.attrs.value("third_party", false) || f.attrs.value("noreply", false)) continue;
    if (f.attrs.value("domain", std::string()).empty()) continue;
    emails.push_back(&f);
  }
  if (emails.empty()) return;

  DnsOptions dns;
  dns.server = opt.dns_server;
  std::unique_ptr<MxResolver> resolver;
  std::string unavailable;
  try {
    resolver = std::make_unique<MxResolver>(dns);
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  } catch (const std::exception& e) {
    unavailable = e.what();
  }
  std::map<std::string, MailDomainCheck> checked;
  for (Fact* f : emails) {
    std::string domain = f->attrs["domain"].get<std::string>();
    auto it = checked.find(domain);
    if (it == checked.end()) {
      MailDomainCheck c;
      if (resolver) {
        c = resolver->check(domain);
      } else {
        c.domain = domain;
        c.status = "inconclusive";
        c.reason = unavailable;
      }
      it = checked.emplace(domain, std::move(c)).first;
    }
    f->attrs["mx_status"] = it->second.status;
  }
  for (const auto& [domain, c] : checked) facts.add(mx_fact(c));
}

void probe_forms(const Options& opt, FactStore& facts) {
  std::vector<Fact*> forms;
  for (auto& f : facts.facts) {
    if (f.type == "contact_form") forms.push_back(&f);
  }
  if (forms.empty()) return;
  std::string start = opt.target;
  std::unique_ptr<FormTargetChecker> checker;
  std::string unavailable;
  try {
    checker = std::make_unique<FormTargetChecker>(start, opt.http);
  } catch (const std::exception& e) {
    unavailable = e.what();
  }
  std::map<std::string, FormCheck> by_target;
  for (Fact* f : forms) {
    std::string action = f->attrs.value("action", std::string());
    std::string page = f->attrs.value("page_url", std::string());
    FormCheck c;
    if (checker) {
      c = checker->check(action, page, true);
    } else {
      c.action = action;
      c.status = "inconclusive";
      c.reason = "the form check could not start: " + unavailable;
    }
    f->attrs["target_status"] = c.status;
    by_target.emplace(c.url.empty() ? c.action : c.url, std::move(c));
  }
  for (const auto& [target, c] : by_target) facts.add(form_fact(c));
}

}  // namespace

void probe_channels(const Options& opt, FactStore& facts) {
  // A malformed --dns-server is the user's input error, whether or not an address needs it.
  if (!opt.dns_server.empty()) {
    try {
      dns_server_csv(opt.dns_server);
    } catch (const std::invalid_argument& e) {
      throw InputError(e.what());
    }
  }
  probe_mail_domains(opt, facts);
  probe_forms(opt, facts);
  facts.audit["channels_probed"] = true;
}

}  // namespace omnicheck::audit

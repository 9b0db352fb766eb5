// E-mail addresses as shops disclose them: mailto links, plain text, and the common
// anti-spam spellings ("contact [at] shop [dot] fr", "info(at)shop.de").
#include <curl/curl.h>

#include <algorithm>
#include <set>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

std::string percent_decode(const std::string& s) {
  int n = 0;
  char* d = curl_easy_unescape(nullptr, s.c_str(), static_cast<int>(s.size()), &n);
  if (!d) return s;
  std::string out(d, static_cast<std::size_t>(n));
  curl_free(d);
  return out;
}

void add_email(const PageContext& pc, const SitePatterns& sp, FactStore& out, std::set<std::string>& seen,
               std::string address, const std::string& source, std::size_t begin, std::size_t end) {
  while (!address.empty() && (address.back() == '.' || address.back() == '-')) address.pop_back();
  address = lower_ascii(address);
  auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= address.size()) return;
  // Image names like logo@2x.png look like addresses to a regex.
  static const char* const kFileExt[] = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".css", ".js"};
  for (const char* ext : kFileExt) {
    std::string e(ext);
    if (address.size() > e.size() && address.compare(address.size() - e.size(), e.size(), e) == 0) return;
  }
  if (!seen.insert(address + "|" + source).second) return;
  Fact f;
  f.type = "email";
  f.attrs = site_attrs(pc, begin);
  f.attrs["value"] = address;
  f.attrs["address"] = address;
  f.attrs["local"] = address.substr(0, at);
  f.attrs["domain"] = address.substr(at + 1);
  f.attrs["noreply"] = noreply_local(address, sp.lex);
  f.attrs["source"] = source;
  // The web host's or a designer's address in a legal notice is not the trader's.
  set_party(f, party_at(*pc.doc, begin, end, sp.parties, sp.legal_form));
  f.evidence = web_evidence(pc, begin, end, "e-mail address (" + source + ")");
  f.source = pc.page->final_url;
  f.begin = begin;
  f.end = end;
  out.add(std::move(f));
}

}  // namespace

void extract_emails(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  std::set<std::string> seen;
  for (const auto& link : pc.doc->links) {
    if (link.url.size() < 8 || lower_ascii(link.url.substr(0, 7)) != "mailto:") continue;
    std::string addr = percent_decode(link.url.substr(7));
    addr = addr.substr(0, addr.find('?'));
    addr = addr.substr(0, addr.find(','));
    std::size_t end = link.offset + link.text.size();
    add_email(pc, sp, out, seen, addr, "mailto", link.offset, std::min(end, text.size()));
  }
  for (const auto& m : sp.email.find_all(text)) {
    add_email(pc, sp, out, seen, text.substr(m.begin, m.end - m.begin), "text", m.begin, m.end);
  }
  for (const auto& m : sp.email_obfuscated.find_all(text)) {
    std::string local = m.group(text, 0);
    std::string domain_raw = m.group(text, 1);
    // Rebuild the domain: every bracketed dot word or literal dot becomes '.'.
    std::string domain;
    std::size_t i = 0;
    while (i < domain_raw.size()) {
      unsigned char c = static_cast<unsigned char>(domain_raw[i]);
      if (std::isalnum(c) || c == '-') {
        domain += static_cast<char>(c);
        ++i;
      } else {
        if (domain.empty() || domain.back() != '.') domain += '.';
        // Skip the whole separator: brackets, spaces and the dot word.
        while (i < domain_raw.size() && !std::isalnum(static_cast<unsigned char>(domain_raw[i]))) ++i;
        std::size_t j = i;
        while (j < domain_raw.size() && std::isalpha(static_cast<unsigned char>(domain_raw[j]))) ++j;
        std::string word = lower_ascii(domain_raw.substr(i, j - i));
        bool is_dot_word = false;
        for (const auto& w : sp.lex.list("email_dot")) is_dot_word |= lower_ascii(w) == word;
        std::size_t k = j;
        while (k < domain_raw.size() && std::isspace(static_cast<unsigned char>(domain_raw[k]))) ++k;
        if (is_dot_word && k < domain_raw.size() && std::string("])}>").find(domain_raw[k]) != std::string::npos) {
          i = k + 1;
          while (i < domain_raw.size() && std::isspace(static_cast<unsigned char>(domain_raw[i]))) ++i;
        }
      }
    }
    add_email(pc, sp, out, seen, local + "@" + domain, "obfuscated", m.begin, m.end);
  }
}

bool noreply_local(const std::string& address, const Lexicon& lex) {
  std::string local = lower_ascii(address.substr(0, address.find('@')));
  auto strip = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '.'; }), s.end());
    return s;
  };
  // Plus-addressing ("noreply+orders@") keeps the no-reply box.
  std::string base = strip(local.substr(0, local.find('+')));
  auto squash = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '-' || c == '_'; }), s.end());
    return s;
  };
  for (const auto& w : lex.list("noreply_local_parts")) {
    std::string word = strip(lower_ascii(w));
    if (base == word || squash(base) == squash(word)) return true;
    // "noreply-orders", "shop.noreply", "info-noreply": a no-reply token at either end.
    if (base.size() > word.size()) {
      bool prefix = base.compare(0, word.size(), word) == 0 && std::string("-_").find(base[word.size()]) != std::string::npos;
      bool suffix = base.compare(base.size() - word.size(), word.size(), word) == 0 &&
                    std::string("-_").find(base[base.size() - word.size() - 1]) != std::string::npos;
      if (prefix || suffix) return true;
    }
  }
  return false;
}

bool is_noreply_address(const std::string& address, const Lexicon& lex) { return noreply_local(address, lex); }

}  // namespace omnicheck::extract

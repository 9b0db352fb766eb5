#include "extract/mail_identity.h"

#include <glib.h>

#include <algorithm>

namespace omnicheck::extract {
namespace {

std::string alnum_folded(std::string_view s) {
  std::string out;
  for (char c : fold(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) out += c;
  }
  return out;
}

std::string address_key(const nlohmann::json& attrs) {
  std::string street = attrs.value("street", std::string());
  if (street.empty()) street = attrs.value("value", std::string());  // a PO box is compared as written
  return alnum_folded(attrs.value("postcode", std::string())) + "|" + alnum_folded(street);
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Same postcode, and one street contains the other: a footer often runs the company name into
// the street ("Maison Lumière SAS – 14 rue de la République").
bool same_address(const std::string& a, const std::string& b) {
  auto bar_a = a.find('|'), bar_b = b.find('|');
  if (a.substr(0, bar_a) != b.substr(0, bar_b)) return false;
  std::string sa = a.substr(bar_a + 1), sb = b.substr(bar_b + 1);
  if (sa.empty() || sb.empty()) return sa == sb;
  return sa.find(sb) != std::string::npos || sb.find(sa) != std::string::npos;
}

bool known_address(const std::vector<std::string>& site, const std::string& key) {
  return std::any_of(site.begin(), site.end(), [&](const std::string& s) { return same_address(s, key); });
}

// The customer's own address in an order mail: labelled as delivery/billing address, or on a
// line with the recipient's name.
bool customer_address(std::string_view text, std::size_t begin, std::size_t end, const TextPattern& labels,
                      const mail::Message& m) {
  std::size_t from = begin;
  for (int lines = 0; lines < 2 && from > 0; ++lines) {
    std::size_t nl = text.rfind('\n', from - 1);
    from = nl == std::string_view::npos ? 0 : nl;
  }
  std::string_view window = text.substr(from, end - from);
  if (labels.search(window)) return true;
  std::string folded = fold(window);
  for (const auto& a : m.to) {
    if (a.name.size() > 3 && folded.find(fold(a.name)) != std::string::npos) return true;
  }
  return false;
}

// Words of a folded line, three letters or more.
std::vector<std::string> words_of_folded_line(std::string_view folded) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      cur += c;
    } else {
      if (cur.size() >= 3) out.push_back(cur);
      cur.clear();
    }
  }
  if (cur.size() >= 3) out.push_back(cur);
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t p = 0; p <= text.size();) {
    std::size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(p, nl - p));
    p = nl + 1;
  }
  return lines;
}

// fold() of each line of `text`. Valid UTF-8 (which has no NUL either) folds line by line
// exactly as it folds whole, since folding never joins or moves characters across a line
// break; so it is folded in one go. Anything else is folded line by line.
std::vector<std::string> folded_lines(std::string_view text) {
  std::vector<std::string> out;
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    const std::string folded = fold(text);
    for (std::string_view line : split_lines(folded)) out.emplace_back(line);
    if (out.size() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1) return out;
    out.clear();  // not expected; keep the line-by-line result then
  }
  for (std::string_view line : split_lines(text)) out.push_back(fold(line));
  return out;
}

// For each line of `text`, whether `pattern` matches within it. One pass over the whole text
// finds the candidate lines: a match inside a line is either found there or overlapped by a
// match found across that line, so only the lines a match touches are searched again alone.
std::vector<bool> lines_matching(std::string_view text, const TextPattern& pattern) {
  const std::vector<std::string_view> lines = split_lines(text);
  std::vector<bool> out(lines.size(), false);
  std::vector<bool> touched(lines.size(), false);
  std::size_t line = 0;
  for (const auto& m : pattern.find_all(text)) {
    while (line + 1 < lines.size() && static_cast<std::size_t>(lines[line + 1].data() - text.data()) <= m.begin) ++line;
    for (std::size_t l = line; l < lines.size(); ++l) {
      const auto begin = static_cast<std::size_t>(lines[l].data() - text.data());
      if (l > line && begin >= m.end) break;
      touched[l] = true;
    }
  }
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (touched[l]) out[l] = pattern.search(lines[l]);
  }
  return out;
}

}  // namespace

SiteIdentity site_identity(const FactStore& store) {
  SiteIdentity id;
  for (const Fact* f : store.of_type("legal_name")) {
    if (f->attrs.value("third_party", false)) continue;
    std::string full = alnum_folded(f->attrs.value("value", std::string()));
    std::string base = alnum_folded(f->attrs.value("name", std::string()));
    if (!full.empty() && !contains(id.names, full)) id.names.push_back(full);
    if (!base.empty() && !contains(id.names, base)) id.names.push_back(base);
    std::string shown = f->attrs.value("value", std::string());
    if (!contains(id.shown, shown)) id.shown.push_back(shown);
  }
  for (const Fact* f : store.of_type("address")) {
    if (f->attrs.value("third_party", false)) continue;
    std::string key = address_key(f->attrs);
    if (!contains(id.addresses, key)) id.addresses.push_back(key);
    std::string shown = f->attrs.value("value", std::string());
    if (!contains(id.shown, shown)) id.shown.push_back(shown);
  }
  return id;
}

void extract_mail_identity(const MailMessage& mm, std::string_view text, const SitePatterns& sp,
                           const std::string& country_hint, const SiteIdentity& site,
                           const std::set<std::string>& brand_words, FactStore& out) {
  // The site finders read a page; the message body stands in for one.
  fetch::Page page;
  page.final_url = page.requested_url = mm.key;
  page.status = 200;
  html::Document doc;
  doc.url = mm.key;
  doc.text = std::string(text);
  PageContext pc;
  pc.page = &page;
  pc.doc = &doc;
  pc.country = country_hint;
  FactStore found;
  extract_legal_names(pc, sp, found);
  extract_addresses(pc, sp, found);
  const TextPattern& labels = sp.pattern("mail.customer_address_labels",
                                         [&] { return words_or_never(sp.lex.list("mail.customer_address_labels")); });
  const TextPattern& address_labels =
      sp.pattern("address_labels", [&] { return words_or_never(sp.lex.list("address_labels")); });

  // Lines that stand for the trader: its legal name, its brand alone, an address label. Only
  // an address needs them, so they are found when the first address is judged.
  auto line_of = [&](std::size_t offset) {
    return static_cast<long>(
        std::count(doc.text.begin(), doc.text.begin() + static_cast<long>(std::min(offset, doc.text.size())), '\n'));
  };
  std::vector<long> anchors;
  bool anchors_found = false;
  auto find_anchors = [&] {
    anchors_found = true;
    for (const auto& f : found.facts) {
      if (f.type == "legal_name" && !f.attrs.value("third_party", false)) anchors.push_back(line_of(f.begin));
    }
    const std::vector<bool> labelled = lines_matching(doc.text, address_labels);
    const std::vector<std::string> folded = folded_lines(doc.text);
    long line_no = 0;
    for (std::size_t p = 0; p <= doc.text.size(); ++line_no) {
      std::size_t nl = doc.text.find('\n', p);
      if (nl == std::string::npos) nl = doc.text.size();
      std::string_view line(doc.text.data() + p, nl - p);
      const auto n = static_cast<std::size_t>(line_no);
      if (labelled[n] && !labels.search(line)) anchors.push_back(line_no);
      std::size_t words = 0, brand = 0;
      for (const auto& w : words_of_folded_line(folded[n])) {
        ++words;
        brand += brand_words.count(w);
      }
      if (words > 0 && words <= 5 && brand * 2 >= words) anchors.push_back(line_no);
      p = nl + 1;
    }
  };
  auto anchored = [&](const Fact& f) {
    if (!anchors_found) find_anchors();
    long first = line_of(f.begin), last = line_of(f.end);
    return std::any_of(anchors.begin(), anchors.end(), [&](long a) { return a >= first - 3 && a <= last + 1; });
  };

  for (const auto& f : found.facts) {
    if (f.attrs.value("third_party", false)) continue;
    Fact g;
    g.source = mm.key;
    g.begin = f.begin;
    g.end = f.end;
    std::string snippet = make_snippet(doc.text, f.begin, f.end, 120);
    if (f.type == "legal_name") {
      std::string full = alnum_folded(f.attrs.value("value", std::string()));
      std::string base = alnum_folded(f.attrs.value("name", std::string()));
      g.type = "mail_legal_name";
      g.attrs = {{"value", f.attrs["value"]},
                 {"name", f.attrs["name"]},
                 {"form", f.attrs["form"]},
                 {"compared", !site.names.empty()}};
      if (!site.names.empty()) g.attrs["matches_site"] = contains(site.names, full) || contains(site.names, base);
      g.evidence = mail_evidence(*mm.m, "", snippet, "the trader's legal name in the message");
    } else if (f.type == "address") {
      if (customer_address(doc.text, f.begin, f.end, labels, *mm.m) || !anchored(f)) continue;
      g.type = "mail_location";
      g.attrs = {{"value", f.attrs["value"]},       {"street", f.attrs["street"]},
                 {"postcode", f.attrs["postcode"]}, {"town", f.attrs["town"]},
                 {"country", f.attrs["country"]},   {"po_box", f.attrs["po_box"]},
                 {"complete", f.attrs["complete"]}, {"compared", !site.addresses.empty()}};
      if (!site.addresses.empty()) g.attrs["matches_site"] = known_address(site.addresses, address_key(f.attrs));
      g.evidence = mail_evidence(*mm.m, "", snippet,
                                 f.attrs.value("complete", false) ? "the trader's geographic address in the message"
                                 : f.attrs.value("po_box", false) ? "a PO box, not a geographic address"
                                                                  : "postcode and town without a street");
    } else {
      continue;
    }
    out.add(std::move(g));
  }
}

}  // namespace omnicheck::extract

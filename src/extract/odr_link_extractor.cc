// Links to the EU online dispute resolution platform (ODR Regulation 524/2013, art. 14(1)):
// required from 2016-01-09, dead since the platform closed on 2025-07-20. A link is an <a> whose
// target is the platform; its address written as plain text is recorded too (linked: false),
// since the regulation asks for an "electronic link".
#include <set>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {

void extract_odr_links(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const TextPattern& odr = sp.pattern("statements.odr.url", [&] { return lexicon_alternation(sp.lex, "odr.url"); });
  const std::string& text = pc.doc->text;
  std::set<std::pair<std::size_t, std::size_t>> covered;  // link texts already reported
  for (const auto& link : pc.doc->links) {
    if (!odr.search(link.url) && !odr.search(link.href)) continue;
    Fact f = link_fact(pc, link, "odr_link", "link to the EU ODR platform: " + link.url);
    f.attrs["linked"] = true;
    covered.insert({f.begin, f.end});
    out.add(std::move(f));
  }
  for (const auto& m : odr.find_all(text)) {
    bool inside_link = false;
    for (const auto& [b, e] : covered) inside_link |= m.begin >= b && m.end <= e;
    if (inside_link) continue;
    // The whole address as written ("https://ec.europa.eu/consumers/odr/").
    std::size_t begin = m.begin, end = m.end;
    while (begin > 0 && !std::isspace(static_cast<unsigned char>(text[begin - 1])) && text[begin - 1] != '(') --begin;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ')' && text[end] != ',') ++end;
    while (end > m.end && (text[end - 1] == '.' || text[end - 1] == ';')) --end;
    Fact f = statement_fact(pc, "odr_link", begin, end, "address of the EU ODR platform written without a link");
    f.attrs["url"] = f.attrs["value"];
    f.attrs["linked"] = false;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

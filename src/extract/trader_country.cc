// The trader's country: where the trader's own identity block says it is established, with its
// register ids, the site's TLD and language as corroboration. One stray address (a warehouse
// abroad, a host in Ireland, a returns address) must not switch the national pack, so each
// signal has a weight and the decision, its evidence and any conflict are reported.
#include <map>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

// How far after a trader's legal name its address may stand to be its identity block.
constexpr std::size_t kIdentityBlock = 400;

bool is_trader(const Fact& f) { return f.attrs.value("visible", false) && !f.attrs.value("third_party", false); }

}  // namespace

CountryDecision decide_trader_country(const std::vector<Fact>& facts, const std::string& tld_country,
                                      const std::string& lang_country) {
  struct Score {
    double weight = 0;
    bool identity = false, address = false, register_id = false;
    nlohmann::json evidence = nlohmann::json::array();
  };
  std::map<std::string, Score> scores;
  auto note = [&](const std::string& cc, double w, const std::string& why) {
    if (cc.empty()) return;
    Score& s = scores[cc];
    s.weight += w;
    if (s.evidence.size() < 6) s.evidence.push_back(why);
  };
  std::map<std::string, std::vector<const Fact*>> names_by_page;
  for (const auto& f : facts) {
    if (f.type == "legal_name" && is_trader(f)) names_by_page[f.source].push_back(&f);
  }
  std::map<std::string, bool> seen_address;
  for (const auto& f : facts) {
    if (!is_trader(f)) continue;
    if (f.type == "address") {
      std::string cc = f.attrs.value("country", std::string());
      if (cc.empty() || (!f.attrs.value("complete", false) && !f.attrs.value("po_box", false))) continue;
      std::string key = cc + "|" + f.attrs.value("value", std::string());
      bool identity = false;
      for (const Fact* n : names_by_page[f.source]) {
        if (n->end <= f.begin && f.begin - n->end <= kIdentityBlock) identity = true;
      }
      // The same address on every page's footer counts once; its identity block decides its weight.
      auto it = seen_address.find(key);
      if (it != seen_address.end() && (it->second || !identity)) continue;
      double w = identity ? 3.0 : 1.0;
      if (it != seen_address.end()) w = 2.0;  // upgraded from a plain mention to an identity block
      seen_address[key] = identity;
      note(cc, w, (identity ? "trader's identity block: " : "address: ") + f.attrs.value("value", std::string()));
      scores[cc].identity = scores[cc].identity || identity;
      scores[cc].address = true;
    } else if (f.type == "register_id") {
      std::string cc = f.attrs.value("country", std::string());
      if (cc.empty() || f.attrs.value("check", std::string()) == "invalid") continue;
      std::string key = "id|" + f.attrs.value("number", std::string());
      if (seen_address.count(key)) continue;
      seen_address[key] = true;
      note(cc, 2.0, "register id: " + f.attrs.value("value", std::string()));
      scores[cc].register_id = true;
    }
  }
  note(tld_country, 1.0, "top-level domain");
  note(lang_country, 0.5, "page language");

  CountryDecision d;
  double best = 0;
  for (const auto& [cc, s] : scores) {
    if (s.weight > best) best = s.weight, d.country = cc;
  }
  if (d.country.empty()) return d;
  const Score& w = scores[d.country];
  d.source = w.identity ? "identity" : w.address ? "address" : w.register_id ? "register" : tld_country == d.country ? "tld" : "language";
  d.evidence = w.evidence;
  for (const auto& [cc, s] : scores) {
    if (cc == d.country || s.weight < 2.0) continue;
    d.conflicts.push_back({{"country", cc}, {"weight", s.weight}, {"evidence", s.evidence}});
  }
  return d;
}

}  // namespace omnicheck::extract

// One trader, one name: a sentence that runs into the trader's name ("Prodávajícím je Pálavské
// vinařství Horák, s.r.o." read as "Horák s.r.o."; "Compras a Conservas Ría de Arousa, S.L.U.")
// or stops short of it ("Contratto … con Bottega Ceramica Ruocco S.n.c., regolato …" beside
// "Bottega Ceramica Ruocco S.n.c. di Ruocco Anna & C.") yields a second, wrong reading of a name
// the site writes in full elsewhere. Of two trader names where one's words are the other's with
// words added before its name or after its form, the reading the site vouches for more stays:
// the name standing alone on its line (as the trader writes it in its identity block), else the
// one on more pages. Of equally vouched readings both stay: nothing says which is wrong.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

std::vector<std::string> folded_words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : fold(s) + " ") {
    if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

bool proper_prefix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return !a.empty() && a.size() < b.size() && std::equal(a.begin(), a.end(), b.begin());
}

bool proper_suffix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return !a.empty() && a.size() < b.size() && std::equal(a.rbegin(), a.rend(), b.rbegin());
}

struct Reading {
  std::vector<std::string> value_words, base_words;
  std::set<std::string> pages;
  bool own_line = false;
};

bool is_trader_name(const Fact& f) {
  return f.type == "legal_name" && f.attrs.value("visible", false) && !f.attrs.value("third_party", false);
}

}  // namespace

void merge_name_variants(std::vector<Fact>& facts) {
  std::map<std::string, Reading> readings;
  for (const auto& f : facts) {
    if (!is_trader_name(f)) continue;
    const std::string value = f.attrs.value("value", std::string());
    Reading& r = readings[value];
    if (r.value_words.empty()) {
      r.value_words = folded_words(value);
      r.base_words = folded_words(f.attrs.value("name", std::string()));
    }
    r.pages.insert(f.attrs.value("page_url", f.source));
    r.own_line = r.own_line || f.attrs.value("own_line", false);
  }
  if (readings.size() < 2) return;
  std::set<std::string> dropped;
  for (const auto& [a, ra] : readings) {
    for (const auto& [b, rb] : readings) {
      if (a == b) continue;
      // a is b with words cut off: the start of b's name, or b's name and form without its tail.
      bool cut = proper_suffix(ra.base_words, rb.base_words) || proper_prefix(ra.value_words, rb.value_words);
      if (!cut) continue;
      auto strength = [](const Reading& r) { return std::make_pair(r.own_line ? 1 : 0, r.pages.size()); };
      if (strength(ra) > strength(rb)) dropped.insert(b);
      else if (strength(rb) > strength(ra)) dropped.insert(a);
    }
  }
  if (dropped.empty()) return;
  facts.erase(std::remove_if(facts.begin(), facts.end(),
                             [&](const Fact& f) { return is_trader_name(f) && dropped.count(f.attrs.value("value", std::string())); }),
              facts.end());
}

}  // namespace omnicheck::extract

// Geographic addresses: a postcode+town pattern per country (data in countries.json) anchors
// the match; the street is looked for before it on the same line or on the two lines above,
// and told apart from a PO box.
#include <set>

#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

struct Line {
  std::size_t begin, end;
};

std::vector<Line> lines_of(const std::string& text) {
  std::vector<Line> out;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t nl = text.find('\n', i);
    if (nl == std::string::npos) nl = text.size();
    out.push_back({i, nl});
    i = nl + 1;
  }
  return out;
}

struct Candidate {
  std::string country, postcode, town;
  std::size_t begin, end;  // absolute offsets of "postcode town"
};

// The part of `seg` that could be a street: after the last label colon, the last one or two
// comma-separated parts.
std::string street_part(std::string seg) {
  auto colon = seg.rfind(':');
  if (colon != std::string::npos) seg = seg.substr(colon + 1);
  seg = squeeze(seg);
  while (!seg.empty() && (seg.back() == ',' || seg.back() == '-' || seg.back() == '\xB7')) seg = squeeze(seg.substr(0, seg.size() - 1));
  return seg;
}

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

std::string pick_country(const std::vector<std::string>& candidates, std::string_view context, const SitePatterns& sp,
                         const std::string& hint) {
  if (candidates.empty()) return {};
  std::string folded_ctx = fold(context);
  for (const auto& c : candidates) {
    const auto& info = sp.lex.countries()[c];
    for (const auto& name : info.value("names", nlohmann::json::array())) {
      TextPattern p(words_to_pattern({fold(name.get<std::string>())}), true, "country name");
      if (p.search(folded_ctx)) return c;
    }
  }
  for (const auto& c : candidates) {
    if (c == hint) return c;
  }
  return candidates.front();
}

void extract_addresses(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  auto lines = lines_of(text);
  std::set<std::string> seen;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    std::string_view line(text.data() + lines[li].begin, lines[li].end - lines[li].begin);
    // Long prose lines carry addresses too ("… z siedzibą w Poznaniu (adres: ul. Święty Marcin 29/8,
    // 61-806 Poznań), wpisaną do rejestru …"); past 2,000 bytes a line is no legal text.
    if (line.size() < 6 || line.size() > 2000) continue;
    // Every postcode system in countries.json has digits: a line without one holds no address.
    // (The same \d as the postcode patterns, so digits of other scripts count as they do there.)
    if (!sp.digit.search(line)) continue;
    // All countries whose pattern matches, grouped by position.
    std::vector<Candidate> found;
    for (const auto& cp : sp.countries) {
      for (const auto& m : cp.postcode.find_all(line)) {
        Candidate c;
        c.country = cp.code;
        c.postcode = squeeze(m.group(line, cp.town_first ? 1 : 0));
        c.town = squeeze(m.group(line, cp.town_first ? 0 : 1));
        c.begin = lines[li].begin + m.begin;
        c.end = lines[li].begin + m.end;
        found.push_back(c);
      }
    }
    if (found.empty()) continue;
    std::vector<bool> used(found.size(), false);
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (used[i]) continue;
      std::vector<std::string> codes;
      std::size_t best = i;
      for (std::size_t j = i; j < found.size(); ++j) {
        if (found[j].begin < found[i].end && found[i].begin < found[j].end) {
          used[j] = true;
          codes.push_back(found[j].country);
        }
      }
      std::string ctx(line);
      // The next line counts only when it is short enough to be the country's own ("France",
      // "Deutschland"): a next address's "…, Allemagne" names another country.
      if (li + 1 < lines.size() && lines[li + 1].end - lines[li + 1].begin <= 40) {
        ctx += " " + text.substr(lines[li + 1].begin, lines[li + 1].end - lines[li + 1].begin);
      }
      std::string country = pick_country(codes, ctx, sp, pc.country);
      for (std::size_t j = i; j < found.size(); ++j) {
        if (used[j] && found[j].country == country && found[j].begin < found[i].end && found[i].begin < found[j].end) best = j;
      }
      const Candidate& c = found[best];
      if (c.town.empty() && c.country != "GB" && c.country != "IE") continue;
      if (sp.not_town.search(c.town)) continue;
      // "Bestellnr. 12345", "HRB 12345 Amtsgericht Köln": a labelled number is no postcode.
      {
        std::size_t lead_from = c.begin > lines[li].begin + 24 ? c.begin - 24 : lines[li].begin;
        if (sp.not_phone_label.search(std::string_view(text).substr(lead_from, c.begin - lead_from))) continue;
      }

      // Street: same line before the postcode, else up to two lines above.
      std::string street;
      bool po_box = false;
      std::size_t ev_begin = c.begin;
      auto consider = [&](std::size_t seg_begin, std::size_t seg_end) -> bool {
        std::string seg = text.substr(seg_begin, seg_end - seg_begin);
        std::string part = street_part(seg);
        if (part.empty()) return false;
        // Try the last comma part, then the last two ("Unit 4, 27 Old Street").
        std::vector<std::string> tries;
        auto comma = part.rfind(',');
        if (comma != std::string::npos) tries.push_back(squeeze(part.substr(comma + 1)));
        tries.push_back(part);
        for (const auto& t : tries) {
          if (sp.po_box.search(t)) {
            po_box = true;
            if (street.empty()) ev_begin = seg_begin;
            continue;
          }
          if (!has_digit(t) || t.size() > 120) continue;
          // Copyright years, prices and labelled numbers are not streets.
          if (t.find("\xC2\xA9") != std::string::npos || t.find("(c)") != std::string::npos ||
              t.find("\xE2\x82\xAC") != std::string::npos || sp.not_phone_label.search(t) || sp.not_town.search(t)) {
            continue;
          }
          if (sp.street_word.search(t) || sp.street_suffix.search(t) || sp.street_shape.search(t)) {
            street = t;
            ev_begin = seg_begin;
            return true;
          }
        }
        return false;
      };
      bool got = consider(lines[li].begin, c.begin);
      for (std::size_t back = 1; !got && back <= 2 && li >= back; ++back) {
        const Line& pl = lines[li - back];
        if (pl.end - pl.begin > 200) break;
        got = consider(pl.begin, pl.end);
      }
      if (!street.empty()) po_box = false;  // a street beside a PO box is an address

      // A postcode and town alone are only worth reporting where they are plausibly an address
      // of the trader's country (or named with a country): "© 2024 Maison Lumière" is not one.
      if (street.empty() && !po_box && country != pc.country) continue;
      if (street.empty() && !po_box) {
        std::size_t from = c.begin > lines[li].begin + 4 ? c.begin - 4 : lines[li].begin;
        std::string lead = text.substr(from, c.begin - from);
        if (lead.find("\xC2\xA9") != std::string::npos || lead.find("(c)") != std::string::npos) continue;
      }
      std::string value = street.empty() ? "" : street + ", ";
      if (street.empty() && po_box) {
        // Quote the PO box line itself.
        std::size_t pl = ev_begin;
        std::string seg = street_part(text.substr(pl, c.begin > pl ? c.begin - pl : 0));
        if (seg.empty()) seg = street_part(text.substr(pl, text.find('\n', pl) - pl));
        value = seg + ", ";
      }
      value += c.postcode + " " + c.town;
      if (!seen.insert(value).second) continue;

      Fact f;
      f.type = "address";
      f.attrs = site_attrs(pc, c.begin);
      f.attrs["value"] = value;
      f.attrs["street"] = street;
      f.attrs["postcode"] = c.postcode;
      f.attrs["town"] = c.town;
      f.attrs["country"] = country;
      f.attrs["po_box"] = street.empty() && po_box;
      f.attrs["complete"] = !street.empty();
      // Whose address it is: the labels above it, and one on its own line before the street
      // ("Hébergeur : Shopify Inc., 151 O'Connor Street, …" is the host's, not the trader's).
      std::size_t party_at = ev_begin;
      if (!street.empty()) {
        std::size_t at = text.find(street, ev_begin);
        if (at != std::string::npos && at < c.begin) party_at = at;
      }
      // Labels inside the street's segment count too ("Payments are processed by Stripe …, 1 Grand
      // Canal Street Lower, D02 H210 Dublin"): the party is read at the postcode.
      (void)party_at;
      set_party(f, extract::party_at(*pc.doc, c.begin, c.end, sp.parties, sp.legal_form));
      f.attrs["source"] = "text";
      f.evidence = web_evidence(pc, ev_begin, c.end,
                                street.empty() ? (po_box ? "PO box, not a geographic address" : "postcode and town without street")
                                               : "geographic address");
      f.source = pc.page->final_url;
      f.begin = ev_begin;
      f.end = c.end;
      out.add(std::move(f));
    }
  }
}

}  // namespace omnicheck::extract

// Widget signatures matched against a page's scripts and markup (see script_widgets.h).
#include "extract/script_widgets.h"

#include <stdexcept>

namespace omnicheck::extract {
namespace {

// Where a signature is looked for; the name is also the `found_in` attribute.
struct Place {
  const char* key;       // list in the lexicon entry
  const char* found_in;  // fact attribute value
};
constexpr Place kScriptSrc{"script_src", "script_src"};
constexpr Place kInline{"inline", "inline_script"};
constexpr Place kMarkup{"markup", "markup"};

const nlohmann::json& widget_entries(const Lexicon& lex, const std::string& list_key) {
  static const nlohmann::json kNone = nlohmann::json::array();
  const auto& raw = lex.raw();
  if (!raw.contains("channels") || !raw["channels"].contains(list_key)) return kNone;
  const auto& list = raw["channels"][list_key];
  if (!list.is_array()) throw std::runtime_error("lexicon channels: \"" + list_key + "\" must be a list");
  return list;
}

// One alternation of the entry's patterns for `place`, or "" when it has none.
std::string alternation(const nlohmann::json& entry, const Place& place, const std::string& list_key,
                        const std::string& vendor) {
  if (!entry.contains(place.key)) return "";
  std::string alt;
  for (const auto& p : entry[place.key]) {
    if (!p.is_string()) {
      throw std::runtime_error("lexicon channels: " + list_key + " \"" + vendor + "\": " + place.key + " must list strings");
    }
    alt += (alt.empty() ? "(?:" : "|(?:") + p.get<std::string>() + ")";
  }
  return alt;
}

// Merchant bytes (the raw page may be in any charset) made safe to quote: printable ASCII
// stays, anything else becomes '?'.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : (c == '\n' || c == '\t' ? ' ' : '?');
  return out;
}

std::string quote_match(std::string_view text, const Match& m, std::size_t radius = 60) {
  std::size_t from = m.begin > radius ? m.begin - radius : 0;
  std::size_t to = std::min(text.size(), m.end + radius);
  return (from > 0 ? "…" : "") + quote_text(printable(text.substr(from, m.begin - from))) + "[[" +
         quote_text(printable(text.substr(m.begin, m.end - m.begin))) + "]]" +
         quote_text(printable(text.substr(m.end, to - m.end))) + (to < text.size() ? "…" : "");
}

// Whether the raw page may hold the entry's markup: one of its `markup_hint` literals occurs in
// it (case-folded). Each markup pattern scans the whole raw page (60 KB on a big shop) from
// every attribute it could start at; a literal search skips that on the pages, nearly all,
// where the vendor is absent. An entry without hints is always tried.
bool markup_may_match(const nlohmann::json& entry, std::string_view body, std::string& folded) {
  if (!entry.contains("markup_hint")) return true;
  if (folded.empty()) folded = lower_ascii(std::string(body));
  for (const auto& h : entry["markup_hint"]) {
    if (h.is_string() && folded.find(h.get<std::string>()) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<WidgetHit> find_widgets(const PageContext& pc, const SitePatterns& sp, const std::string& list) {
  std::vector<WidgetHit> hits;
  std::string folded_body;  // the raw page case-folded, made at the first hint looked for
  for (const auto& entry : widget_entries(sp.lex, list)) {
    std::string vendor = entry.is_object() ? entry.value("vendor", std::string()) : std::string();
    if (vendor.empty()) throw std::runtime_error("lexicon channels: every entry of " + list + " needs a \"vendor\"");
    auto pattern_for = [&](const Place& place) -> const TextPattern* {
      std::string alt = alternation(entry, place, list, vendor);
      if (alt.empty()) return nullptr;
      return &sp.pattern(list + " " + vendor + " " + place.key, [&] { return alt; });
    };
    Match m;
    bool found = false;
    if (const TextPattern* src = pattern_for(kScriptSrc)) {
      for (const auto& s : pc.doc->scripts) {
        if (s.src.empty() || !src->search(s.src, &m)) continue;
        hits.push_back({vendor, kScriptSrc.found_in, "script", "<script src=\"" + quote_match(s.src, m, 200) + "\">", s.src});
        found = true;
        break;
      }
    }
    if (found) continue;
    if (const TextPattern* code = pattern_for(kInline)) {
      for (const auto& s : pc.doc->scripts) {
        if (!s.src.empty() || !code->search(s.inline_head, &m)) continue;
        hits.push_back({vendor, kInline.found_in, "script", "<script>" + quote_match(s.inline_head, m) + "</script>", ""});
        found = true;
        break;
      }
    }
    if (found) continue;
    if (!markup_may_match(entry, pc.page->body, folded_body)) continue;
    if (const TextPattern* markup = pattern_for(kMarkup)) {
      if (markup->search(pc.page->body, &m)) hits.push_back({vendor, kMarkup.found_in, "", quote_match(pc.page->body, m), ""});
    }
  }
  return hits;
}

Fact widget_fact(const PageContext& pc, const WidgetHit& hit, const std::string& type, const std::string& value,
                 const std::string& note) {
  Fact f;
  f.type = type;
  f.attrs = {{"page_url", pc.page->final_url}, {"region", ""}, {"on_home", pc.is_home}, {"visible", true},
             {"value", value}, {"vendor", hit.vendor}, {"found_in", hit.found_in}};
  if (!hit.script_url.empty()) f.attrs["script_url"] = hit.script_url;
  f.evidence = page_evidence(*pc.page, note);
  f.evidence.locator = hit.locator;
  f.evidence.snippet = hit.snippet;
  f.source = pc.page->final_url;
  return f;
}

}  // namespace omnicheck::extract

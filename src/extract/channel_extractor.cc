// Live-chat widgets: a channel a consumer sees as a chat bubble, recognised from the vendor's
// loader script (its URL or the inline snippet that sets it up) or the container it leaves in
// the markup. Vendor signatures are data (rules/lexicon/channels/chat_widgets.json).
#include <set>
#include <stdexcept>

#include "extract/extractors.h"

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

const nlohmann::json& widget_entries(const Lexicon& lex) {
  static const nlohmann::json kNone = nlohmann::json::array();
  const auto& raw = lex.raw();
  if (!raw.contains("channels") || !raw["channels"].contains("chat_widgets")) return kNone;
  const auto& list = raw["channels"]["chat_widgets"];
  if (!list.is_array()) throw std::runtime_error("lexicon channels: \"chat_widgets\" must be a list");
  return list;
}

// One alternation of the entry's patterns for `place`, or "" when it has none.
std::string alternation(const nlohmann::json& entry, const Place& place, const std::string& vendor) {
  if (!entry.contains(place.key)) return "";
  const auto& list = entry[place.key];
  std::string alt;
  for (const auto& p : list) {
    if (!p.is_string()) {
      throw std::runtime_error("lexicon channels: chat widget \"" + vendor + "\": " + place.key + " must list strings");
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
  return (from > 0 ? "…" : "") + squeeze(printable(text.substr(from, m.begin - from))) + "[[" +
         squeeze(printable(text.substr(m.begin, m.end - m.begin))) + "]]" +
         squeeze(printable(text.substr(m.end, to - m.end))) + (to < text.size() ? "…" : "");
}

void add_widget(const PageContext& pc, FactStore& out, const std::string& vendor, const Place& place,
                const std::string& snippet, const std::string& script_url) {
  Fact f;
  f.type = "chat_widget";
  f.attrs = {{"page_url", pc.page->final_url}, {"region", ""}, {"on_home", pc.is_home}, {"visible", true},
             {"value", vendor}, {"vendor", vendor}, {"found_in", place.found_in}};
  if (!script_url.empty()) f.attrs["script_url"] = script_url;
  f.evidence = page_evidence(*pc.page, "live-chat widget (" + vendor + ")");
  f.evidence.locator = std::string(place.key) == kMarkup.key ? "" : "script";
  f.evidence.snippet = snippet;
  f.source = pc.page->final_url;
  out.add(std::move(f));
}

}  // namespace

void extract_channels(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const auto& entries = widget_entries(sp.lex);
  std::set<std::string> found;  // one fact per vendor and page
  for (const auto& entry : entries) {
    std::string vendor = entry.is_object() ? entry.value("vendor", std::string()) : std::string();
    if (vendor.empty()) throw std::runtime_error("lexicon channels: every chat widget needs a \"vendor\"");
    auto pattern_for = [&](const Place& place) -> const TextPattern* {
      std::string alt = alternation(entry, place, vendor);
      if (alt.empty()) return nullptr;
      return &sp.pattern("chat_widget " + vendor + " " + place.key, [&] { return alt; });
    };
    Match m;
    if (const TextPattern* src = pattern_for(kScriptSrc)) {
      for (const auto& s : pc.doc->scripts) {
        if (s.src.empty() || !src->search(s.src, &m)) continue;
        add_widget(pc, out, vendor, kScriptSrc, "<script src=\"" + quote_match(s.src, m, 200) + "\">", s.src);
        found.insert(vendor);
        break;
      }
    }
    if (found.count(vendor)) continue;
    if (const TextPattern* code = pattern_for(kInline)) {
      for (const auto& s : pc.doc->scripts) {
        if (!s.src.empty() || !code->search(s.inline_head, &m)) continue;
        add_widget(pc, out, vendor, kInline, "<script>" + quote_match(s.inline_head, m) + "</script>", "");
        found.insert(vendor);
        break;
      }
    }
    if (found.count(vendor)) continue;
    if (const TextPattern* markup = pattern_for(kMarkup)) {
      if (markup->search(pc.page->body, &m)) {
        add_widget(pc, out, vendor, kMarkup, quote_match(pc.page->body, m), "");
        found.insert(vendor);
      }
    }
  }
}

}  // namespace omnicheck::extract

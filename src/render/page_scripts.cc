#include "render/page_scripts.h"

#include <nlohmann/json.hpp>

namespace omnicheck::render {

std::string serialize_dom_script() {
  return R"JS((() => {
  const d = document.doctype ? new XMLSerializer().serializeToString(document.doctype) + "\n" : "";
  const root = document.documentElement;
  return JSON.stringify({url: location.href, html: d + (root ? root.outerHTML : "")});
})())JS";
}

std::string consent_click_script(const std::vector<std::string>& decline, const std::vector<std::string>& accept) {
  // The wording travels as JSON literals: no merchant or lexicon text is ever spliced into code.
  const std::string lists = nlohmann::json(decline).dump() + ", " + nlohmann::json(accept).dump();
  return R"JS(((decline, accept) => {
  const norm = s => (s || "").replace(/\s+/g, " ").trim().toLowerCase();
  const shown = e => {
    const r = e.getBoundingClientRect();
    const st = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && st.visibility !== "hidden" && st.display !== "none";
  };
  const stays = e => {
    if (e.closest("form")) return false;
    if (e.tagName !== "A") return true;
    const href = (e.getAttribute("href") || "").trim();
    return href === "" || href === "#" || href.toLowerCase().startsWith("javascript:");
  };
  const els = Array.from(document.querySelectorAll("button, a, [role=button], input[type=button]"));
  for (const list of [decline, accept]) {
    for (const phrase of list) {
      for (const e of els) {
        const t = norm(e.innerText || e.value || e.getAttribute("aria-label"));
        if (!t || t.length > 60) continue;
        if (t !== phrase && !t.startsWith(phrase + " ")) continue;
        if (!shown(e) || !stays(e)) continue;
        e.click();
        return t;
      }
    }
  }
  // A banner in a language without wording data: its buttons say what they do in their
  // attributes (data-consent="reject", class "cc-deny", id "accept-all"), which banners write in
  // English whatever the page's language. Only buttons inside a consent container count.
  const banner = /cookie|consent|gdpr|cmp|privacy-banner|cc-window|cc-banner/i;
  const inBanner = e => {
    for (let n = e; n && n !== document.body; n = n.parentElement) {
      if (banner.test((n.id || "") + " " + (typeof n.className === "string" ? n.className : "") + " " +
                      (n.getAttribute("aria-label") || ""))) return true;
    }
    return false;
  };
  const attrs = e => Array.from(e.attributes).map(a => a.name + "=" + a.value).join(" ").toLowerCase();
  for (const kind of [/reject|decline|deny|refuse|necessary|essential|only-required/, /accept|allow|agree|consent-all|ok\b/]) {
    for (const e of els) {
      if (!inBanner(e) || !shown(e) || !stays(e)) continue;
      if (!kind.test(attrs(e))) continue;
      const t = norm(e.innerText || e.value || e.getAttribute("aria-label")) || "(button)";
      if (t.length > 60) continue;
      e.click();
      return t;
    }
  }
  return "";
})()JS" + lists + ")";
}

}  // namespace omnicheck::render

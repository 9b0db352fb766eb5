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
  return "";
})()JS" + lists + ")";
}

}  // namespace omnicheck::render

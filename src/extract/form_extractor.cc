// Contact forms: forms a consumer writes a message in (a free-text field), as opposed to
// search boxes, newsletter sign-ups and log-ins.
#include "extract/extractors.h"

namespace omnicheck::extract {

void extract_forms(const PageContext& pc, FactStore& out) {
  for (const auto& form : pc.doc->forms) {
    bool textarea = false, email_field = false, password = false;
    for (const auto& field : form.fields) {
      std::string f = fold(field);
      textarea |= f.rfind("textarea", 0) == 0 || f.find(":message") != std::string::npos ||
                  f.find(":nachricht") != std::string::npos || f.find(":zprava") != std::string::npos;
      email_field |= f.rfind("email", 0) == 0 || f.find("mail") != std::string::npos;
      password |= f.rfind("password", 0) == 0;
    }
    if (!textarea || password) continue;
    Fact f;
    f.type = "contact_form";
    f.attrs = site_attrs(pc, form.offset);
    f.attrs["value"] = form.action;
    f.attrs["action"] = form.action;
    f.attrs["method"] = form.method;
    f.attrs["fields"] = form.fields;
    f.attrs["asks_email"] = email_field;
    f.evidence = page_evidence(*pc.page, "contact form");
    f.evidence.locator = form.locator;
    f.evidence.region = form.region;
    f.evidence.snippet = "[[<form action=\"" + form.action + "\" method=\"" + form.method + "\">]]";
    f.source = pc.page->final_url;
    f.begin = f.end = form.offset;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

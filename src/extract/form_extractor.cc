// Contact forms: forms a consumer writes a message in (a free-text field), or asks to be called
// back in, as opposed to search boxes, newsletter sign-ups, log-ins and registrations, and the
// forms that take free text but are no way to write to the trader: product reviews, blog
// comments, job applications, checkout order notes, polls. What tells them apart is data
// (rules/lexicon/forms/*.json): words in the form's and its wrappers' ids and classes, in its
// action, in its field names, and in the heading above it and its labels.
#include "extract/extractors.h"

namespace omnicheck::extract {
namespace {

// " a b c ": folded, every character but letters and digits made a space, padded with spaces,
// so lexicon entries compare on whole words ("comment-form" == "comment_form" == "comment form").
std::string words_of(std::string_view s) {
  std::string f = fold(s);
  std::string out = " ";
  for (unsigned char c : f) {
    if (std::isalnum(c) || c >= 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

// The entries of `key` as one pattern over words_of() text.
const TextPattern& entries(const SitePatterns& sp, const std::string& key) {
  return sp.pattern("form:" + key, [&] {
    std::string alt;
    for (const auto& e : sp.lex.list(key)) {
      std::string w = squeeze(words_of(e));
      if (w.empty()) continue;
      alt += (alt.empty() ? "" : "|") + escape_regex(w);
    }
    return alt.empty() ? std::string("(?!)") : "(?<= )(?:" + alt + ")(?= )";
  });
}

bool has(const SitePatterns& sp, const std::string& key, const std::string& words) {
  return entries(sp, key).search(words);
}

// Kinds of forms that take free text and still are no contact channel: they win over a message
// field. Log-ins and registrations are told by their password field; newsletter, search, coupon
// and cookie forms have no message field (a contact form's "subscribe to the newsletter" box
// does not make it a newsletter form).
constexpr const char* kFreeTextKinds[] = {"review", "comment", "job", "checkout", "poll"};

struct Verdict {
  bool contact = false;
  std::string purpose;  // message | callback
  std::string kind;     // what it is instead (review, comment, job, checkout, poll, account…)
};

Verdict judge(const SitePatterns& sp, const html::Form& form) {
  Verdict v;
  bool message = false, phone = false, password = false;
  std::vector<std::string> names;
  for (const auto& field : form.fields) {
    std::string type = field.substr(0, field.find(':'));
    std::string name = field.find(':') == std::string::npos ? "" : field.substr(field.find(':') + 1);
    std::string t = lower_ascii(type);
    std::string n = words_of(name);
    if (t == "password") password = true;
    if (t == "hidden" || t == "submit" || t == "button" || t == "checkbox" || t == "radio") {
      names.push_back(n);
      continue;
    }
    if (t == "textarea" || has(sp, "form.fields.message", n)) message = true;
    if (t == "tel" || has(sp, "form.fields.phone", n)) phone = true;
    names.push_back(n);
  }
  if (password) {
    v.kind = "account";
    return v;
  }
  const std::string attrs = words_of(form.attrs);
  std::string path = form.action;
  if (auto scheme = path.find("://"); scheme != std::string::npos) {
    auto slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? "" : path.substr(slash);
  }
  const std::string action = words_of(path);
  const std::string heading = words_of(form.heading);
  const std::string text = words_of(form.text);
  auto field_hit = [&](const std::string& kind) {
    for (const auto& n : names) {
      if (has(sp, "form.fields." + kind, n)) return true;
    }
    return false;
  };

  if (!message) {
    // A call-back request: a telephone field and words saying the trader calls back.
    if (phone && (has(sp, "form.markup.callback", attrs) || has(sp, "form.markup.callback", action) ||
                  has(sp, "form.words.callback", heading) || has(sp, "form.words.callback", text))) {
      v.contact = true;
      v.purpose = "callback";
      return v;
    }
    for (const char* kind : {"newsletter", "search", "coupon", "cookie", "account"}) {
      if (has(sp, std::string("form.markup.") + kind, attrs) || field_hit(kind)) {
        v.kind = kind;
        break;
      }
    }
    if (v.kind.empty()) v.kind = "no_message_field";
    return v;
  }

  // Free text: decide by the strongest sign, the form's own markup first.
  auto contact_found = [&](bool yes) {
    v.contact = yes;
    v.purpose = yes ? "message" : "";
    return v;
  };
  bool contact_markup = has(sp, "form.markup.contact", attrs);
  for (const char* kind : kFreeTextKinds) {
    if (!contact_markup && (has(sp, std::string("form.markup.") + kind, attrs) || field_hit(kind))) {
      v.kind = kind;
      return contact_found(false);
    }
  }
  if (contact_markup) return contact_found(true);
  for (const char* kind : kFreeTextKinds) {
    if (has(sp, std::string("form.words.") + kind, heading)) {
      v.kind = kind;
      return contact_found(false);
    }
  }
  if (has(sp, "form.words.contact", heading) || has(sp, "form.words.callback", heading)) return contact_found(true);
  for (const char* kind : kFreeTextKinds) {
    if (has(sp, std::string("form.markup.") + kind, action)) {
      v.kind = kind;
      return contact_found(false);
    }
  }
  if (has(sp, "form.markup.contact", action)) return contact_found(true);
  if (!has(sp, "form.words.contact", text)) {
    for (const char* kind : kFreeTextKinds) {
      if (has(sp, std::string("form.words.") + kind, text)) {
        v.kind = kind;
        return contact_found(false);
      }
    }
  }
  return contact_found(true);
}

}  // namespace

void extract_forms(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  for (const auto& form : pc.doc->forms) {
    Verdict v = judge(sp, form);
    if (!v.contact) continue;
    bool email_field = false;
    for (const auto& field : form.fields) {
      std::string f = fold(field);
      email_field |= f.rfind("email", 0) == 0 || f.find("mail") != std::string::npos;
    }
    Fact f;
    f.type = "contact_form";
    f.attrs = site_attrs(pc, form.offset);
    f.attrs["value"] = form.action;
    f.attrs["action"] = form.action;
    f.attrs["method"] = form.method;
    f.attrs["fields"] = form.fields;
    f.attrs["asks_email"] = email_field;
    f.attrs["purpose"] = v.purpose;
    if (!form.visible) {
      // Shown by a script (a plugin's wrapper, a modal): still offered to the consumer.
      f.attrs["visible"] = false;
      f.attrs["hidden_by"] = form.hidden_by;
      f.attrs["region"] = form.region;
    }
    f.evidence = page_evidence(*pc.page, form.visible ? "contact form"
                                                      : "contact form, hidden until a script shows it (" +
                                                            form.hidden_by + ")");
    f.evidence.locator = form.locator;
    f.evidence.region = form.region;
    f.evidence.snippet = "[[" + quote_text("<form action=\"" + form.action + "\" method=\"" + form.method + "\">") + "]]";
    f.source = pc.page->final_url;
    f.begin = f.end = form.offset;
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

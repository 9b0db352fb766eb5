// Telephone numbers through libphonenumber's matcher (the same metadata telecom operators
// publish), keeping each number's type so call-cost rules can tell premium from geographic.
#include <phonenumbers/phonenumberutil.h>

#include <set>

#include "extract/extractors.h"
#include "extract/phone_number_scan.h"
#include "extract/phone_types.h"

namespace omnicheck::extract {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::size_t line_start(const std::string& text, std::size_t pos) {
  std::size_t nl = pos == 0 ? std::string::npos : text.rfind('\n', pos - 1);
  return nl == std::string::npos ? 0 : nl + 1;
}

void add_phone(const PageContext& pc, FactStore& out, std::set<std::string>& seen, const PhoneNumber& number,
               const std::string& raw, std::size_t begin, std::size_t end, bool fax, const std::string& source) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::string e164;
  util->Format(number, PhoneNumberUtil::E164, &e164);
  if (!seen.insert(e164 + (fax ? "|fax" : "")).second) return;
  Fact f;
  f.type = "phone";
  f.attrs = site_attrs(pc, begin);
  describe_phone(number, f.attrs);
  f.attrs["value"] = raw;
  f.attrs["raw"] = raw;
  f.attrs["fax"] = fax;
  f.attrs["source"] = source;
  f.evidence = web_evidence(pc, begin, end, fax ? "fax number" : "telephone number (" + f.attrs["type"].get<std::string>() + ")");
  f.source = pc.page->final_url;
  f.begin = begin;
  f.end = end;
  out.add(std::move(f));
}

}  // namespace

void extract_phones(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  const std::string& text = pc.doc->text;
  std::string region = pc.country.empty() ? "ZZ" : pc.country;
  std::set<std::string> seen;

  for (const auto& link : pc.doc->links) {
    if (link.url.rfind("tel:", 0) != 0) continue;
    PhoneNumber n;
    if (util->Parse(link.url.substr(4), region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    add_phone(pc, out, seen, n, link.url.substr(4), link.offset,
              std::min(text.size(), link.offset + link.text.size()), false, "tel");
  }

  for (const PhoneNumberInText& m : find_phone_numbers(text, region)) {
    std::size_t begin = m.begin;
    std::size_t end = m.end;
    std::size_t ls = line_start(text, begin);
    std::size_t win_from = std::max(ls, begin > 40 ? begin - 40 : 0);
    std::string before = text.substr(win_from, begin - win_from);
    // A register number, VAT id or bank code read as a phone number is a false channel,
    // unless a phone label stands between that label and the number
    // ("SIREN 512 345 678 – Tél. 01 99 …").
    auto labels = sp.not_phone_label.find_all(before);
    if (!labels.empty()) {
      static const TextPattern phone_word("(?:t[ée]l|phone|telefon|fon|call|volejte)", true, "phone word");
      if (!phone_word.search(std::string_view(before).substr(labels.back().end))) continue;
    }
    bool fax = false;
    std::size_t fax_from = std::max(ls, begin > 24 ? begin - 24 : 0);
    if (sp.fax_label.search(std::string_view(text).substr(fax_from, begin - fax_from))) fax = true;
    add_phone(pc, out, seen, m.number, m.raw, begin, end, fax, "text");
  }
}

}  // namespace omnicheck::extract

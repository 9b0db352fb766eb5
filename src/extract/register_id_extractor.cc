// Trade-register numbers and VAT ids (register_id_finder.h over rules/lexicon/identifiers.json)
// as `register_id` facts, and `register_due` facts where the trader's legal form obliges it to
// register (rules/lexicon/statements/common.json "register_due_forms"), so trader.register can
// tell a missing register number that is due from one a sole trader never had. Then the items
// of the national legal-notice packs, which need the register ids (national_pack_extractor.cc).
#include <cctype>
#include <set>

#include "extract/register_ids.h"
#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// How far after a legal name its trader's address may stand for the name to be the trader's
// identity block ("Müller GmbH\nMusterstraße 1\n20095 Hamburg").
constexpr std::size_t kIdentityBlock = 400;

std::string check_note(const RegisterId& id) {
  if (id.check == "valid") return "check digits valid";
  if (id.check == "invalid") return "check digits or format WRONG";
  return "format checked (no check digit exists)";
}

// A legal form as written, folded for comparison: "S.R.L.", "Srl" and "s.r.l" are one form, and so
// are "Gesellschaft mit beschränkter Haftung" and its capitalised spelling in a heading.
std::string fold_form(const std::string& form) {
  std::string out;
  for (unsigned char c : form) {
    if (c == '.' || c == ' ' || c == ',' || c == '-') continue;
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  return out;
}

void add_register_ids(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const auto& raw = sp.lex.raw();
  if (!raw.contains("identifiers")) return;
  const auto kinds_list = sp.lex.list("register_id.register_kinds");
  const std::set<std::string> register_kinds(kinds_list.begin(), kinds_list.end());
  const std::string& text = pc.doc->text;
  static const nlohmann::json kNone = nlohmann::json::object();
  const nlohmann::json& on_page = raw["identifiers"].contains("on_page_country") ? raw["identifiers"]["on_page_country"] : kNone;
  for (const RegisterId& id : find_register_ids(text, raw["identifiers"])) {
    std::string shown = (id.label.empty() ? "" : id.label + " ") + squeeze(id.raw);
    Fact f = statement_fact(pc, "register_id", id.begin, id.end,
                            (id.kind == "vat" ? "VAT id, " : "register number (" + id.kind + "), ") + check_note(id));
    // The label belongs in the quote: "USt-IdNr. DE274180639" is what a person looks for.
    std::size_t label_begin = id.begin;
    if (!id.label.empty()) {
      std::size_t at = text.rfind(id.label, id.begin);
      if (at != std::string::npos && id.begin - at < 80) label_begin = at;
    }
    f.evidence = web_evidence(pc, label_begin, id.end, f.evidence.note);
    bool court_shown = id.court.empty() || shown.find(id.court) != std::string::npos;
    f.attrs["value"] = shown + (court_shown ? "" : " (" + id.court + ")");
    f.attrs["kind"] = id.kind;
    f.attrs["country"] = id.country;
    f.attrs["number"] = id.value;
    // "Company number 687452" on an Irish page is a CRO number, not a UK one padded to eight digits.
    if (!pc.country.empty() && id.country != pc.country && on_page.contains(id.kind) && on_page[id.kind].contains(pc.country)) {
      std::string digits;
      for (char ch : id.raw) {
        if (ch >= '0' && ch <= '9') digits += ch;
      }
      const std::string kind = on_page[id.kind][pc.country].get<std::string>();
      f.attrs["kind"] = kind;
      f.attrs["country"] = pc.country;
      f.attrs["number"] = digits;
      f.attrs["check"] = "format_only";
    }
    f.attrs["raw"] = squeeze(id.raw);
    f.attrs["label"] = id.label;
    f.attrs["check"] = id.check;
    f.attrs["court"] = id.court;
    f.attrs["register"] = register_kinds.count(id.kind) > 0 || id.is_register;
    // A national VAT number without its country prefix (P.IVA, NIP, NIF) is the VAT id too.
    f.attrs["vat"] = id.kind == "vat" || id.is_vat_number;
    set_party(f, party_at(*pc.doc, label_begin, id.end, sp.parties, sp.legal_form));
    out.add(std::move(f));
  }
}

// A trader legal name whose form obliges it to register in the trader's country, and that is
// the trader's (a trader label before it, or the trader's address right after it): the form of
// a payment provider or carrier named on the page says nothing about the trader.
void add_register_due(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  if (pc.country.empty()) return;
  nlohmann::json forms = lexicon_map(sp.lex, "register_due_forms");
  if (!forms.contains(pc.country)) return;
  std::set<std::string> due_forms;
  for (const auto& f : forms[pc.country]) due_forms.insert(fold_form(f.get<std::string>()));
  std::vector<Fact> due;
  for (const auto& f : out.facts) {
    if (f.type != "legal_name" || f.source != pc.page->final_url) continue;
    if (!f.attrs.value("visible", false) || f.attrs.value("third_party", false)) continue;
    std::string form = f.attrs.value("form", std::string());
    if (!due_forms.count(fold_form(form))) continue;
    bool identity_block = f.attrs.value("trader_label", false);
    for (const auto& a : out.facts) {
      // The address follows the name, or its quote opens the sentence that names the trader
      // ("… è gestito da X S.r.l., con sede in Via …"): it ends after the name and begins
      // before it ends or within the block after it.
      if (a.type == "address" && a.source == f.source && !a.attrs.value("third_party", false) && a.end > f.end &&
          (a.begin < f.end || a.begin - f.end <= kIdentityBlock)) {
        identity_block = true;
      }
    }
    if (!identity_block) continue;
    Fact d = f;
    d.type = "register_due";
    d.attrs = site_attrs(pc, f.begin);
    d.attrs["value"] = f.attrs.value("value", std::string());
    d.attrs["name"] = f.attrs.value("name", std::string());
    d.attrs["form"] = form;
    d.attrs["country"] = pc.country;
    d.evidence.note = "legal form " + form + " must be entered in the trade register (" + pc.country + ")";
    due.push_back(std::move(d));
  }
  for (auto& d : due) out.add(std::move(d));
}

}  // namespace

void extract_register_ids(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  add_register_ids(pc, sp, out);
  add_register_due(pc, sp, out);
  extract_notice_items(pc, sp, out);
}

}  // namespace omnicheck::extract

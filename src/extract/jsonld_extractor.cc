// schema.org Organization / LocalBusiness blocks: machine-readable, invisible to the consumer,
// so their facts are marked visible=false (rules treat them as supporting evidence only).
#include <phonenumbers/phonenumberutil.h>

#include "extract/extractors.h"
#include "extract/phone_types.h"

namespace omnicheck::extract {
namespace {

bool is_org_type(const nlohmann::json& t) {
  static const char* const kTypes[] = {"Organization", "Corporation", "LocalBusiness", "Store", "OnlineStore",
                                       "OnlineBusiness", "ClothingStore", "ElectronicsStore", "HomeGoodsStore",
                                       "FurnitureStore", "GroceryStore", "HardwareStore", "BookStore"};
  auto match = [](const std::string& s) {
    for (const char* k : kTypes) {
      if (s == k || s == std::string("http://schema.org/") + k || s == std::string("https://schema.org/") + k) return true;
    }
    return false;
  };
  if (t.is_string()) return match(t.get<std::string>());
  if (t.is_array()) {
    for (const auto& x : t) {
      if (x.is_string() && match(x.get<std::string>())) return true;
    }
  }
  return false;
}

std::string str(const nlohmann::json& o, const char* key) {
  if (!o.contains(key)) return {};
  const auto& v = o[key];
  if (v.is_string()) return squeeze(v.get<std::string>());
  if (v.is_number()) return v.dump();
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
  return {};
}

class JsonLdReader {
 public:
  JsonLdReader(const PageContext& pc, const SitePatterns& sp, FactStore& out) : pc_(pc), sp_(sp), out_(out) {}

  void visit(const nlohmann::json& j, int depth = 0) {
    if (depth > 12) return;
    if (j.is_array()) {
      for (const auto& x : j) visit(x, depth + 1);
    } else if (j.is_object()) {
      if (j.contains("@type") && is_org_type(j["@type"])) organization(j);
      for (const auto& [k, v] : j.items()) {
        if (k != "address") visit(v, depth + 1);
      }
    }
  }

 private:
  Fact base(const std::string& type, const std::string& value, const std::string& note) {
    Fact f;
    f.type = type;
    f.attrs = {{"page_url", pc_.page->final_url}, {"region", "head"}, {"on_home", pc_.is_home},
               {"visible", false}, {"source", "jsonld"}, {"value", value}, {"third_party", false}};
    f.evidence = page_evidence(*pc_.page, note + " (schema.org JSON-LD, not visible on the page)");
    f.evidence.locator = "script[type=\"application/ld+json\"]";
    f.evidence.snippet = "[[" + quote_text(value) + "]]";
    f.source = pc_.page->final_url;
    return f;
  }

  void organization(const nlohmann::json& o) {
    for (const char* key : {"legalName", "name"}) {
      std::string name = str(o, key);
      Match m;
      if (name.empty() || !sp_.legal_form.search(name, &m)) continue;
      Fact f = base("legal_name", name, "legal name");
      f.attrs["name"] = squeeze(name.substr(0, m.begin));
      f.attrs["form"] = name.substr(m.begin, m.end - m.begin);
      f.attrs["trader_label"] = true;
      out_.add(std::move(f));
      break;
    }
    if (o.contains("address")) {
      const auto& a = o["address"];
      for (const auto& addr : a.is_array() ? a : nlohmann::json::array({a})) address(addr);
    }
    std::string phone = str(o, "telephone");
    if (!phone.empty()) {
      using i18n::phonenumbers::PhoneNumberUtil;
      i18n::phonenumbers::PhoneNumber n;
      if (PhoneNumberUtil::GetInstance()->Parse(phone, pc_.country.empty() ? "ZZ" : pc_.country, &n) ==
          PhoneNumberUtil::NO_PARSING_ERROR) {
        Fact f = base("phone", phone, "telephone number");
        describe_phone(n, f.attrs);
        f.attrs["raw"] = phone;
        f.attrs["fax"] = false;
        out_.add(std::move(f));
      }
    }
    std::string email = str(o, "email");
    if (email.rfind("mailto:", 0) == 0) email = email.substr(7);
    if (email.find('@') != std::string::npos) {
      Fact f = base("email", email, "e-mail address");
      f.attrs["address"] = email;
      f.attrs["local"] = email.substr(0, email.find('@'));
      f.attrs["domain"] = email.substr(email.find('@') + 1);
      f.attrs["noreply"] = noreply_local(email, sp_.lex);
      out_.add(std::move(f));
    }
  }

  void address(const nlohmann::json& a) {
    if (a.is_string()) return;  // free text: the visible page is the better source
    if (!a.is_object()) return;
    std::string street = str(a, "streetAddress"), postcode = str(a, "postalCode"), town = str(a, "addressLocality");
    std::string country = str(a, "addressCountry"), pobox = str(a, "postOfficeBoxNumber");
    if (postcode.empty() && town.empty()) return;
    bool po = street.empty() ? !pobox.empty() : sp_.po_box.search(street);
    std::string value = (street.empty() ? (pobox.empty() ? "" : "PO Box " + pobox + ", ") : street + ", ") + postcode + " " + town;
    if (!country.empty()) value += ", " + country;
    Fact f = base("address", squeeze(value), "postal address");
    f.attrs["street"] = po ? "" : street;
    f.attrs["postcode"] = postcode;
    f.attrs["town"] = town;
    f.attrs["country"] = country.size() == 2 ? country : "";
    f.attrs["po_box"] = po;
    f.attrs["complete"] = !street.empty() && !po && !town.empty();
    out_.add(std::move(f));
  }

  const PageContext& pc_;
  const SitePatterns& sp_;
  FactStore& out_;
};

}  // namespace

void extract_jsonld(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  JsonLdReader reader(pc, sp, out);
  for (const auto& block : pc.doc->jsonld) {
    auto j = nlohmann::json::parse(block, nullptr, false);
    if (j.is_discarded()) continue;  // broken JSON-LD is common; the page text still counts
    reader.visit(j);
  }
}

}  // namespace omnicheck::extract

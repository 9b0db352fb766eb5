#include <algorithm>
// The options a user gives, checked in one place for every command (audit, email, batch, and
// each row of a batch list): a value the tool would silently misread (a date that does not
// exist, a country code that is no country) is an input error naming the option, never a
// report of `not_applicable` findings with exit 0.
#include <cctype>
#include <filesystem>
#include <string>

#include "audit/audit.h"

namespace omnicheck::audit {
namespace {

// ISO 3166-1 alpha-2, the officially assigned codes, plus the two the EU writes in its own
// documents (EL for Greece, UK for the United Kingdom) and XK (Kosovo, user-assigned but in EU
// use). Written out here because the standard's list is fixed and small; no library in Debian
// that this project already uses exposes it without locale data.
constexpr const char* kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS "
    "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE "
    "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC "
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
    "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EL UK XK";

}  // namespace

std::string canonical_country(std::string_view written) {
  std::string code(written);
  for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') return "";
  std::string_view all(kCountries);
  bool known = false;
  for (std::size_t i = 0; i + 1 < all.size() && !known; i += 3) known = all.substr(i, 2) == code;
  if (!known) return "";
  // The EU's own abbreviations name the same countries as ISO's, whose codes the packs use.
  if (code == "EL") return "GR";
  if (code == "UK") return "GB";
  return code;
}


const char* to_string(RenderMode mode) {
  switch (mode) {
    case RenderMode::never: return "never";
    case RenderMode::automatic: return "auto";
    case RenderMode::always: return "always";
  }
  return "auto";
}

std::optional<RenderMode> parse_render_mode(std::string_view written) {
  if (written == "never") return RenderMode::never;
  if (written == "auto") return RenderMode::automatic;
  if (written == "always") return RenderMode::always;
  return std::nullopt;
}

void validate_options(Options& opt) {
  // The audit date decides which duties are in force; the web and the Omnibus duties are both
  // younger than 1995, and a date centuries ahead is a typo, not a plan.
  if (!opt.audit_date.empty()) {
    if (!is_calendar_date(opt.audit_date)) {
      throw InputError("--audit-date " + opt.audit_date + ": not a calendar date (expected YYYY-MM-DD)");
    }
    int year = std::stoi(opt.audit_date.substr(0, 4));
    if (year < 1995 || year > 2199) {
      throw InputError("--audit-date " + opt.audit_date + ": outside the years the duties can apply (1995-2199)");
    }
  }
  if (!opt.country.empty()) {
    std::string code = canonical_country(opt.country);
    if (code.empty()) {
      for (auto& c : opt.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      throw InputError("--country " + opt.country + ": not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, CZ)");
    }
    opt.country = code;
  }
  // A report language is one the rules folder has a message catalogue for (rules/i18n/<lang>.json);
  // none given: the language of the trader's country, decided once the country is known.
  for (auto& c : opt.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!opt.language.empty() && !opt.rules_dir.empty()) {
    const auto languages = report::Catalogue::available(std::filesystem::path(opt.rules_dir) / "i18n");
    if (std::find(languages.begin(), languages.end(), opt.language) == languages.end()) {
      std::string list;
      for (const auto& l : languages) list += (list.empty() ? "" : ", ") + l;
      throw InputError("--lang " + opt.language + ": no such report language in " + opt.rules_dir + "/i18n (one of " + list + ")");
    }
  }
  if (opt.max_depth < 0) throw InputError("--max-depth " + std::to_string(opt.max_depth) + ": must be 0 or more");
  if (opt.max_pages == 0) throw InputError("--max-pages 0: at least one page must be read");
  if (opt.render.screenshots && opt.render.mode == RenderMode::never) {
    throw InputError("--screenshots needs a browser: it cannot go with --render never");
  }
  if (opt.render.screenshots && opt.render.screenshots_dir.empty()) {
    throw InputError("--screenshots needs a folder for the images: pass --out-dir DIR or --output FILE");
  }
}

}  // namespace omnicheck::audit

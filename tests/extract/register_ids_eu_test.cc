// Register ids of every EU27 + EEA country as legal notices and footers write them (issue 11,
// classes 9 and 3): one snippet per case, the whole line or block as it stands on the page,
// with the labels merchants use (local language and English), fixed spaces and odd grouping.
//
// Check digits were computed with the published algorithms (a throwaway python helper); the
// "invalid" twin of a number differs in its last digit. Where python-stdnum documents an
// example number we use it (DK 13585628, FI 0112038-9, NO 974760673, PT 501964843,
// GR 094259216, CY 10259033P, MT 11679112, LU 15027442, HR 33392005961, RO 18547290,
// BG 175074752, LV 40003521600, LT 119511515, SI 50223054, HU 12892312, SK 2021853504,
// EE 100931558, IS 4504013150): every one of them agrees with the helper.
//
// Each positive snippet holds exactly one identifier; the counter-cases hold none.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "extract/register_ids.h"
#include "support/test_support.h"

namespace omnicheck::extract {
namespace {

// REGIDS_LEXICON=path runs the cases on another lexicon (to compare with an older one).
const RegisterIdFinder& finder() {
  static const RegisterIdFinder f(nlohmann::json::parse(testing::read_file(
      std::getenv("REGIDS_LEXICON") != nullptr ? std::filesystem::path(std::getenv("REGIDS_LEXICON"))
                                               : testing::rules_dir() / "lexicon" / "identifiers.json")));
  return f;
}

struct Want {
  const char* text;
  const char* kind;
  const char* value;
  const char* check;          // "valid" | "invalid" | "format_only"
  const char* court = "";     // substring of the court, when one is written
  const char* country = "";   // when the kind does not say it ("vat")
};

std::string describe(const std::vector<RegisterId>& ids) {
  std::string s;
  for (const auto& id : ids)
    s += "[" + id.kind + " " + id.value + " " + id.check + " label=" + id.label + " court=" + id.court + "] ";
  return s.empty() ? "(none)" : s;
}

void expect_one(const Want& w) {
  auto ids = finder().find(w.text);
  SCOPED_TRACE(std::string(w.text) + "\n  found: " + describe(ids));
  ASSERT_EQ(ids.size(), 1u);
  const RegisterId& id = ids[0];
  EXPECT_EQ(id.kind, w.kind);
  EXPECT_EQ(id.value, w.value);
  EXPECT_EQ(id.check, w.check);
  if (*w.court) {
    EXPECT_NE(id.court.find(w.court), std::string::npos) << id.court;
  }
  if (*w.country) {
    EXPECT_EQ(id.country, w.country);
  }
  std::string_view text(w.text);
  ASSERT_LE(id.end, text.size());
  EXPECT_EQ(text.substr(id.begin, id.end - id.begin), id.raw);
}

void expect_none(const char* text) {
  auto ids = finder().find(text);
  EXPECT_TRUE(ids.empty()) << text << "\n  found: " << describe(ids);
}

// ------------------------------------------------------------------------ the algorithms

TEST(EuCheckDigits, ValidAndOneDigitOff) {
  struct C { const char* algo; const char* good; const char* bad; };
  const C cases[] = {
      {"dk_cvr", "13585628", "13585629"},        {"se_orgnr", "5560360793", "5560360794"},
      {"fi_ytunnus", "01120389", "01120388"},    {"ee_registrikood", "12345678", "12345679"},
      {"ee_vat", "100931558", "100931559"},      {"lv_regnr", "40003521600", "40003521601"},
      {"lt_code", "300123454", "300123455"},     {"lt_vat", "119511515", "119511516"},
      {"si_tax", "50223054", "50223055"},        {"si_maticna", "5678900000", "5678901000"},
      {"hr_oib", "33392005961", "33392005962"},  {"hu_tax", "12892312", "12892313"},
      {"ro_cui", "18547290", "18547291"},        {"bg_eik", "175074752", "175074753"},
      {"bg_eik", "1750747520004", "1750747520005"}, {"bg_vat", "175074752", "175074753"},
      {"gr_afm", "094259216", "094259217"},      {"cy_vat", "10259033P", "10259033Q"},
      {"mt_vat", "11679112", "11679113"},        {"no_orgnr", "974760673", "974760674"},
      {"is_kennitala", "4504013150", "4504013151"}, {"pt_nif", "501964843", "501964844"},
      {"lu_vat", "15027442", "15027443"},        {"sk_dph", "2021853504", "2021853505"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(run_id_check(c.algo, c.good), IdCheck::valid) << c.algo << " " << c.good;
    EXPECT_EQ(run_id_check(c.algo, c.bad), IdCheck::invalid) << c.algo << " " << c.bad;
  }
  // Latvian personal codes have no check we apply; a kennitala needs a real date.
  EXPECT_EQ(run_id_check("lv_regnr", "32123456789"), IdCheck::format_only);
  EXPECT_EQ(run_id_check("is_kennitala", "9913013150"), IdCheck::invalid);
  EXPECT_EQ(run_id_check("cy_vat", "12000000A"), IdCheck::invalid);  // never starts 12
}

// ------------------------------------------------------------------------ France

TEST(EuRegisterIds, France) {
  const Want cases[] = {
      {"Maison Test SAS – RCS Paris 512 345 679 – Tél. 01 23 45 67 89", "fr.rcs", "512345679", "valid", "RCS Paris"},
      {"Maison Test SAS, RCS Paris B 512 345 679 Tél : 01 23 45 67 89", "fr.rcs", "512345679", "valid", "RCS Paris"},
      {"R.C.S. PARIS 512\u00a0345\u00a0679", "fr.rcs", "512345679", "valid"},
      {"Société immatriculée au Registre du Commerce et des Sociétés de Lyon sous le numéro 512 345 679.",
       "fr.rcs", "512345679", "valid", "Lyon"},
      {"immatriculée au RCS de Nanterre sous le n° 512 345 678", "fr.rcs", "512345678", "invalid", "Nanterre"},
      {"SIRET : 303 265 045 00011", "fr.siret", "30326504500011", "valid"},
      {"N° SIRET\n303 265 045 00012", "fr.siret", "30326504500012", "invalid"},
      {"Numéro de TVA intracommunautaire : FR 75 512 345 679", "vat", "FR75512345679", "valid", "", "FR"},
      {"TVA intracom. FR76512345679", "vat", "FR76512345679", "invalid", "", "FR"},
      {"Immatriculée au Répertoire des Métiers sous le numéro 512 345 679", "fr.rm", "512345679", "valid"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Germany, Austria, Liechtenstein

TEST(EuRegisterIds, GermanyAustriaLiechtenstein) {
  const Want cases[] = {
      {"Eingetragen im Handelsregister des Amtsgerichts München unter HRB 123456.", "de.hrb", "HRB 123456",
       "format_only", "München"},
      {"Registergericht: Amtsgericht Köln\nRegisternummer: HRA 98765\nTel. 0221 123456", "de.hra", "HRA 98765",
       "format_only", "Amtsgericht Köln"},
      {"Amtsgericht Jena, GnR 123", "de.gnr", "GnR 123", "format_only", "Amtsgericht Jena"},
      {"Partnerschaftsregister: Amtsgericht Essen, PR 1234", "de.pr", "PR 1234", "format_only", "Essen"},
      {"Vereinsregister: VR 4567 (Amtsgericht Hamburg)", "de.vr", "VR 4567", "format_only", "Hamburg"},
      {"USt-IdNr.: DE\u00a0136\u00a0695\u00a0976", "vat", "DE136695976", "valid", "", "DE"},
      {"Umsatzsteuer-ID: DE 136 695 977", "vat", "DE136695977", "invalid", "", "DE"},
      {"Firmenbuchnummer: FN 123456 a\nFirmenbuchgericht: Landesgericht Linz", "at.fn", "FN 123456a",
       "format_only", "Landesgericht Linz"},
      {"Firmenbuch-Nr. 123456a, Handelsgericht Wien", "at.fn", "FN 123456a", "format_only", "Handelsgericht Wien"},
      {"UID-Nummer: ATU 13585627", "vat", "ATU13585627", "valid", "", "AT"},
      {"UID: ATU13585628", "vat", "ATU13585628", "invalid", "", "AT"},
      {"Handelsregister-Nr.: FL-0002.123.456-7", "li.fl", "FL-0002.123.456-7", "format_only"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Czechia, Slovakia, Poland

TEST(EuRegisterIds, CzechiaSlovakiaPoland) {
  const Want cases[] = {
      {"IČO: 270\u00a074\u00a0358", "cz.ico", "27074358", "valid"},
      {"IČ: 27074359", "cz.ico", "27074359", "invalid"},
      {"zapsaná v obchodním rejstříku vedeném Krajským soudem v Brně, oddíl C, vložka 12345", "cz.spis", "C 12345",
       "format_only", "Krajským soudem v Brně"},
      {"spisová značka C 12345 vedená u Městského soudu v Praze", "cz.spis", "C 12345", "format_only",
       "Městského soudu v Praze"},
      {"DIČ: CZ27074358", "vat", "CZ27074358", "valid", "", "CZ"},
      {"IČO: 35 757 442", "cz.ico", "35757442", "valid"},
      {"IČ DPH: SK2021853504", "vat", "SK2021853504", "valid", "", "SK"},
      {"IČ DPH: SK2021853505", "vat", "SK2021853505", "invalid", "", "SK"},
      {"DIČ: 2021853504", "sk.dic", "2021853504", "valid"},
      {"Obchodný register Okresného súdu Bratislava I, oddiel: Sro, vložka č. 12345/B", "sk.or", "Sro 12345/B",
       "format_only", "Okresného súdu Bratislava I"},
      {"wpisana do rejestru przedsiębiorców KRS pod numerem 0000123456", "pl.krs", "0000123456", "format_only"},
      {"NIP: 525-236-47-96", "pl.nip", "5252364796", "valid"},
      {"NIP 525 236 47 97", "pl.nip", "5252364797", "invalid"},
      {"REGON: 140298382", "pl.regon", "140298382", "valid"},
      {"REGON 14029838200010", "pl.regon", "14029838200010", "valid"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Italy, Spain, Portugal

TEST(EuRegisterIds, ItalySpainPortugal) {
  const Want cases[] = {
      {"REA MI-1234567", "it.rea", "MI-1234567", "format_only"},
      {"R.E.A. n. 1234567", "it.rea", "1234567", "format_only"},
      {"Numero REA: RM - 1234567", "it.rea", "RM-1234567", "format_only"},
      {"iscritta al Registro delle Imprese di Milano al n. 00743110157", "it.ri", "00743110157", "valid",
       "Registro delle Imprese di Milano"},
      {"P.IVA 00743110157", "it.piva", "00743110157", "valid"},
      {"Partita IVA: 00743110158", "it.piva", "00743110158", "invalid"},
      {"inscrita en el Registro Mercantil de Madrid, Tomo 1234, Folio 56, Hoja M-78901", "es.hoja", "M-78901",
       "format_only", "Registro Mercantil de Madrid"},
      {"CIF: B-12345674", "es.nif", "B12345674", "valid"},
      {"C.I.F. B12345675", "es.nif", "B12345675", "invalid"},
      {"NIE: X1234567L", "es.nif", "X1234567L", "valid"},
      {"NIPC: 501 964 843", "pt.nipc", "501964843", "valid"},
      {"Contribuinte n.º 501964844", "pt.nipc", "501964844", "invalid"},
      {"matriculada na Conservatória do Registo Comercial de Lisboa sob o número único de matrícula e de "
       "pessoa coletiva 509964842",
       "pt.nipc", "509964842", "valid"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Benelux, Ireland

TEST(EuRegisterIds, BeneluxIreland) {
  const Want cases[] = {
      {"ingeschreven bij de Kamer van Koophandel onder nummer 12345678", "nl.kvk", "12345678", "format_only"},
      {"KvK-nummer: 1234 5678", "nl.kvk", "12345678", "format_only"},
      {"Btw-identificatienummer: NL004495445B01", "vat", "NL004495445B01", "valid", "", "NL"},
      {"Ondernemingsnummer: 0403.019.261", "be.enterprise", "0403019261", "valid"},
      {"RPR Brussel 0403.019.262", "be.enterprise", "0403019262", "invalid"},
      {"TVA BE 0403 019 261", "vat", "BE0403019261", "valid", "", "BE"},
      {"RCS Luxembourg B 123456", "lu.rcs", "B123456", "format_only", "Luxembourg"},
      {"N° TVA : LU 1502 7442", "vat", "LU15027442", "valid", "", "LU"},
      {"TVA LU15027443", "vat", "LU15027443", "invalid", "", "LU"},
      {"CRO No. 123456", "ie.cro", "123456", "format_only"},
      {"VAT No. IE 6433435F", "vat", "IE6433435F", "valid", "", "IE"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Nordics, Iceland

TEST(EuRegisterIds, NordicsIceland) {
  const Want cases[] = {
      {"CVR-nr.: 13585628", "dk.cvr", "13585628", "valid"},
      {"CVR nr. 13 58 56 29", "dk.cvr", "13585629", "invalid"},
      {"Moms nr.: DK 13585628", "vat", "DK13585628", "valid", "", "DK"},
      {"Org.nr: 556036-0793", "se.orgnr", "5560360793", "valid"},
      {"Organisationsnummer 556036-0794", "se.orgnr", "5560360794", "invalid"},
      {"Momsreg.nr: SE556036079301", "vat", "SE556036079301", "valid", "", "SE"},
      {"Y-tunnus: 0112038-9", "fi.ytunnus", "0112038-9", "valid"},
      {"Business ID 0112038-8", "fi.ytunnus", "0112038-8", "invalid"},
      {"ALV-numero: FI01120389", "vat", "FI01120389", "valid", "", "FI"},
      {"Org.nr. 974\u00a0760\u00a0673 MVA", "no.orgnr", "974760673", "valid"},
      {"Organisasjonsnummer: 974 760 674", "no.orgnr", "974760674", "invalid"},
      {"Kennitala: 450401-3150", "is.kt", "4504013150", "valid"},
      {"kt. 450401-3151", "is.kt", "4504013151", "invalid"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Baltics, Slovenia, Croatia, Hungary

TEST(EuRegisterIds, BalticsSloveniaCroatiaHungary) {
  const Want cases[] = {
      {"Registrikood: 12345678", "ee.registrikood", "12345678", "valid"},
      {"registrikood 12345679", "ee.registrikood", "12345679", "invalid"},
      {"KMKR nr: EE100931558", "vat", "EE100931558", "valid", "", "EE"},
      {"Reģistrācijas numurs: 40003521600", "lv.regnr", "40003521600", "valid"},
      {"Reģ. Nr. 40003521601", "lv.regnr", "40003521601", "invalid"},
      {"PVN reģ. nr. LV40003521600", "vat", "LV40003521600", "valid", "", "LV"},
      {"Įmonės kodas: 300123454", "lt.kodas", "300123454", "valid"},
      {"įmonės kodas 300123455", "lt.kodas", "300123455", "invalid"},
      {"PVM mokėtojo kodas: LT119511515", "vat", "LT119511515", "valid", "", "LT"},
      {"Matična številka: 5678900000", "si.maticna", "5678900000", "valid"},
      {"Davčna številka: SI50223054", "vat", "SI50223054", "valid", "", "SI"},
      {"ID za DDV: SI50223055", "vat", "SI50223055", "invalid", "", "SI"},
      {"OIB: 33392005961", "hr.oib", "33392005961", "valid"},
      {"OIB 33392005962", "hr.oib", "33392005962", "invalid"},
      {"MBS: 080123456, Trgovački sud u Zagrebu", "hr.mbs", "080123456", "format_only", "Trgovački sud u Zagrebu"},
      {"Cégjegyzékszám: 01-09-123456", "hu.cg", "01-09-123456", "format_only"},
      {"Cg. 01-09-123456 (Fővárosi Törvényszék Cégbírósága)", "hu.cg", "01-09-123456", "format_only",
       "Fővárosi Törvényszék Cégbírósága"},
      {"Adószám: 12892312-2-41", "hu.adoszam", "12892312-2-41", "valid"},
      {"Adószám: 12892313-2-41", "hu.adoszam", "12892313-2-41", "invalid"},
      {"Közösségi adószám: HU12892312", "vat", "HU12892312", "valid", "", "HU"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ Romania, Bulgaria, Greece, Cyprus, Malta

TEST(EuRegisterIds, SouthEast) {
  const Want cases[] = {
      {"CUI: 18547290", "ro.cui", "18547290", "valid"},
      {"Cod fiscal: RO18547291", "vat", "RO18547291", "invalid", "", "RO"},
      {"CIF RO18547290", "vat", "RO18547290", "valid", "", "RO"},
      {"Nr. Reg. Com.: J40/1234/2020", "ro.onrc", "J40/1234/2020", "format_only"},
      {"Nr. ORC J2020001234408", "ro.onrc", "J2020001234408", "format_only"},
      {"ЕИК: 175074752", "bg.eik", "175074752", "valid"},
      {"ЕИК/БУЛСТАТ 175074753", "bg.eik", "175074753", "invalid"},
      {"ИН по ДДС: BG175074752", "vat", "BG175074752", "valid", "", "BG"},
      {"ΑΦΜ: 094259216", "gr.afm", "094259216", "valid"},
      {"Α.Φ.Μ. 094259217", "gr.afm", "094259217", "invalid"},
      {"ΑΡ. ΓΕΜΗ: 123456701000", "gr.gemi", "123456701000", "format_only"},
      {"VAT: EL094259216", "vat", "EL094259216", "valid", "", "GR"},
      {"Registration No. HE 123456", "cy.he", "HE123456", "format_only"},
      {"VAT Reg. No. CY10259033P", "vat", "CY10259033P", "valid", "", "CY"},
      {"VAT Reg. No. CY10259033Q", "vat", "CY10259033Q", "invalid", "", "CY"},
      {"Company Registration Number: C 12345", "mt.c", "C 12345", "format_only"},
      {"VAT No. MT11679112", "vat", "MT11679112", "valid", "", "MT"},
      {"VAT No. MT11679113", "vat", "MT11679113", "invalid", "", "MT"},
  };
  for (const auto& w : cases) expect_one(w);
}

// ------------------------------------------------------------------------ class 3: what is no register id

TEST(EuRegisterIds, NoIdsInStreetsPhonesCodesPricesBanks) {
  const char* texts[] = {
      // Streets whose name holds a label word.
      "12 rue de Siren 12 75001 Paris",
      "Rue du Siret 3, 75001 Paris",
      "Via REA 12 20100 Milano",
      "Via Rea 12, 20100 Milano",
      "Regon-Straße 5, 10115 Berlin",
      "Kvk-laan 14 1012 AB Amsterdam",
      // Phones, even after a register court or next to one.
      "Tel. 0221 123456",
      "Registergericht: Amtsgericht München Tel. 089 1234567",
      "Fax: +49 221 1234567",
      // Tax numbers that are no register id (Steuernummer), article numbers of codes.
      "Steuernummer: 143/123/45678",
      "St.-Nr.: 12 345 678 901",
      "Garantie des vices cachés (art. 1641 du Code civil) et article L.217-4 du Code de la consommation",
      "ai sensi del D.Lgs. 206/2005 (Codice del Consumo), art. 52",
      "Ley 34/2002, de 11 de julio, artículo 10",
      "Artikel 246a § 1 Abs. 2 EGBGB",
      // Banks, orders, prices, years, postcodes.
      "IBAN: DE89 3704 0044 0532 0130 00, BIC: COBADEFFXXX",
      "IBAN FR76 3000 6000 0112 3456 7890 189",
      "IBAN: NL91 ABNA 0417 1643 00",
      "Bestellnummer 123456789, Rechnungsnr. 2024-000123, Order no. 12345678",
      "Preis: 1.234,00 EUR inkl. MwSt. Versand 4,95 €",
      "© 2015–2024 Maison Test. Fondée en 1998.",
      "75011 Paris – D-80331 München – SE-111 22 Stockholm – 1012 AB Amsterdam",
      "TVA non applicable, art. 293 B du CGI",
      "Kundennummer: 12345678",
  };
  for (const char* t : texts) expect_none(t);
}

// A label in one table cell and the number in the next (cells flatten to lines), or the label
// on the line above.
TEST(EuRegisterIds, LabelInTheCellOrLineBefore) {
  const Want cases[] = {
      {"KvK-nummer\n12345678\nBTW-nummer\nNL004495445B01", "nl.kvk", "12345678", "format_only"},
      {"Y-tunnus\n0112038-9", "fi.ytunnus", "0112038-9", "valid"},
      {"Organisationsnummer:\n556036-0793", "se.orgnr", "5560360793", "valid"},
  };
  auto ids = finder().find(cases[0].text);
  ASSERT_EQ(ids.size(), 2u) << describe(ids);
  EXPECT_EQ(ids[0].value, "12345678");
  EXPECT_EQ(ids[1].value, "NL004495445B01");
  expect_one(cases[1]);
  expect_one(cases[2]);
}

}  // namespace
}  // namespace omnicheck::extract

// Tests for the trader-identifier validators (check_digits.h) and finder
// (register_id_finder.h) with rules/lexicon/identifiers.json.
//
// Specimens are published examples (python-stdnum's documentation, HMRC/BBC worked examples)
// or numbers constructed with the algorithm; each valid one has its check worked out by hand
// in the comment next to it, and its "invalid" twin differs in one digit. Personal numbers
// (rodné číslo, DNI, codice fiscale) are constructed, not anyone's.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/check_digits.h"
#include "extract/register_id_finder.h"
#include "extract/register_ids.h"
#include "support/test_support.h"

namespace omnicheck::extract {
namespace {

// ---------------------------------------------------------------- generic schemes

TEST(CheckDigits, Luhn) {
  // 79927398713: the classic ISO/IEC 7812 example, sum 70.
  EXPECT_TRUE(luhn_valid("79927398713"));
  EXPECT_FALSE(luhn_valid("79927398710"));
  EXPECT_FALSE(luhn_valid(""));
  EXPECT_FALSE(luhn_valid("7992739871A"));
}

TEST(CheckDigits, Iso7064) {
  EXPECT_TRUE(iso7064_mod11_10_valid("136695976"));  // see DeVat
  EXPECT_FALSE(iso7064_mod11_10_valid("136695975"));
  // IBAN-style MOD 97-10: GB82WEST12345698765432 rearranged is the textbook example.
  EXPECT_TRUE(iso7064_mod97_10_valid("WEST12345698765432GB82"));
  EXPECT_FALSE(iso7064_mod97_10_valid("WEST12345698765432GB83"));
}

// ---------------------------------------------------------------- France

TEST(CheckDigits, FrSiren) {
  // 303265045, Luhn from the right, doubling every second digit:
  // 3 0 3 2→4 6 5→1 0 4→8 5 ... terms 3,0,3,4,6,1,0,8,5 = 30 ≡ 0 (mod 10).
  EXPECT_TRUE(fr_siren_valid("303265045"));
  EXPECT_FALSE(fr_siren_valid("303265046"));
  // 732829320: terms 7,6,2,7,2,9,3,4,0 = 40.
  EXPECT_TRUE(fr_siren_valid("732829320"));
  EXPECT_FALSE(fr_siren_valid("732829321"));
  EXPECT_FALSE(fr_siren_valid("30326504"));  // 8 digits
}

TEST(CheckDigits, FrSiret) {
  // 73282932000074: terms 5,3,4,8,4,9,6,2,0,0,0,0,5,4 = 50.
  EXPECT_TRUE(fr_siret_valid("73282932000074"));
  EXPECT_FALSE(fr_siret_valid("73282932000079"));
  // Constructed on SIREN 303265045, establishment 0001x: x = 1 makes the terms
  // 6,0,6,2,3,5,0,4,1,0,0,0,2,1 sum to 30.
  EXPECT_TRUE(fr_siret_valid("30326504500011"));
  EXPECT_FALSE(fr_siret_valid("30326504500012"));
  // La Poste: SIREN 356000000, digit sum a multiple of 5 instead of Luhn:
  // 3+5+6+0…+0+1 = 15.
  EXPECT_TRUE(fr_siret_valid("35600000000001"));
  EXPECT_FALSE(fr_siret_valid("35600000000002"));  // sum 16
  EXPECT_TRUE(fr_siret_valid("35600000000048"));   // the head office, Luhn-valid
}

TEST(CheckDigits, FrVat) {
  // 303265045 mod 97 = 74; key = (12 + 3 × 74) mod 97 = 234 mod 97 = 40.
  EXPECT_EQ(fr_vat_check("40303265045"), IdCheck::valid);
  EXPECT_EQ(fr_vat_check("41303265045"), IdCheck::invalid);
  EXPECT_EQ(fr_vat_check("40303265046"), IdCheck::invalid);  // SIREN fails Luhn
  // Alphabetic keys: scheme unpublished, the SIREN is still checked.
  EXPECT_EQ(fr_vat_check("K7303265045"), IdCheck::format_only);
  EXPECT_EQ(fr_vat_check("K7303265046"), IdCheck::invalid);
  EXPECT_EQ(fr_vat_check("IO303265045"), IdCheck::invalid);  // I and O never used
}

// ---------------------------------------------------------------- Germany, Austria

TEST(CheckDigits, DeVat) {
  // DE136695976, ISO 7064 MOD 11,10 (P=10; S=(P+d) mod 10, 0→10; P=2S mod 11):
  // d=1:S=1,P=2  3:S=5,P=10  6:S=6,P=1  6:S=7,P=3  9:S=2,P=4  5:S=9,P=7  9:S=6,P=1
  // 7:S=8,P=5; check = 11 - 5 = 6.
  EXPECT_TRUE(de_vat_valid("136695976"));
  EXPECT_FALSE(de_vat_valid("136695977"));
  EXPECT_FALSE(de_vat_valid("036695976"));  // never starts with 0
}

TEST(CheckDigits, AtUid) {
  // ATU13585627: weights 1,2,1,2,1,2,1 on 1358562 with cross sums: 1,6,5,7(16),5,3(12),2
  // = 29; check = (96 - 29) mod 10 = 7.
  EXPECT_TRUE(at_uid_valid("U13585627"));
  EXPECT_FALSE(at_uid_valid("U13585626"));
  EXPECT_FALSE(at_uid_valid("13585627"));  // the U belongs to the body
}

TEST(CheckDigits, DeRegisterFormatOnly) {
  EXPECT_TRUE(de_register_format_ok("HRB12345"));
  EXPECT_TRUE(de_register_format_ok("HRB12345B"));
  EXPECT_TRUE(de_register_format_ok("HRA1"));
  EXPECT_FALSE(de_register_format_ok("HRC12345"));
  EXPECT_FALSE(de_register_format_ok("HRB1234567"));  // 7 digits
  EXPECT_EQ(run_id_check("de_register_format", "HRB12345"), IdCheck::format_only);
}

TEST(CheckDigits, AtFnFormatOnly) {
  EXPECT_TRUE(at_fn_format_ok("FN123456a"));
  EXPECT_TRUE(at_fn_format_ok("122119m"));
  EXPECT_FALSE(at_fn_format_ok("FN123456"));   // no check letter
  EXPECT_FALSE(at_fn_format_ok("m123123"));
  EXPECT_EQ(run_id_check("at_fn_format", "FN123456a"), IdCheck::format_only);
}

// ---------------------------------------------------------------- Czech Republic

TEST(CheckDigits, CzIco) {
  // 25123891: 2·8+5·7+1·6+2·5+3·4+8·3+9·2 = 16+35+6+10+12+24+18 = 121 ≡ 0 (mod 11)
  // → remainder 0 gives check 1.
  EXPECT_TRUE(cz_ico_valid("25123891"));
  EXPECT_FALSE(cz_ico_valid("25123890"));
  // 27074358: 16+49+0+35+16+9+10 = 135 ≡ 3 → check 11 - 3 = 8.
  EXPECT_TRUE(cz_ico_valid("27074358"));
  EXPECT_FALSE(cz_ico_valid("27074359"));
}

TEST(CheckDigits, CzDic) {
  EXPECT_EQ(cz_dic_check("27074358"), IdCheck::valid);  // legal entity = IČO
  EXPECT_EQ(cz_dic_check("27074357"), IdCheck::invalid);
  // Constructed rodné číslo, man born 1985-05-15: 850515123 mod 11 = 7 → 8505151237.
  EXPECT_EQ(cz_dic_check("8505151237"), IdCheck::valid);
  EXPECT_EQ(cz_dic_check("8505151238"), IdCheck::invalid);
  // Woman (month + 50), same date: 855515123 mod 11 = 1 → 8555151231.
  EXPECT_EQ(cz_dic_check("8555151231"), IdCheck::valid);
  // Since 2004 the month may carry +70 for women: 047101123 mod 11 = 3 → 2004-01-01.
  EXPECT_EQ(cz_dic_check("0471011233"), IdCheck::valid);
  EXPECT_EQ(cz_dic_check("8571011233"), IdCheck::invalid);  // +70 before 2004
  EXPECT_EQ(cz_dic_check("8513151230"), IdCheck::invalid);  // month 13
  // 9 digits: issued until 1953, no check digit → format only with a sane date.
  EXPECT_EQ(cz_dic_check("530101123"), IdCheck::format_only);
  EXPECT_EQ(cz_dic_check("540101123"), IdCheck::invalid);  // 1954 needs 10 digits
  EXPECT_EQ(cz_dic_check("530231123"), IdCheck::invalid);  // 31 February
  EXPECT_EQ(cz_dic_check("640903926"), IdCheck::format_only);  // "6…": no rodné číslo
}

// ---------------------------------------------------------------- Italy

TEST(CheckDigits, ItPartitaIva) {
  // 00743110157, Luhn: terms 0,0,7,8,3,2,1,0,1,1,7 = 30.
  EXPECT_TRUE(it_partita_iva_valid("00743110157"));
  EXPECT_FALSE(it_partita_iva_valid("00743110158"));
  // 01234567890: terms 0,2,2,6,4,1,6,5,8,9,0 = 43: a placeholder shops leave in footers.
  EXPECT_FALSE(it_partita_iva_valid("01234567890"));
  EXPECT_FALSE(it_partita_iva_valid("00000000000"));
}

TEST(CheckDigits, ItCodiceFiscale) {
  // RSSMRA85T10A562S (the fictional "Mario Rossi"): odd positions R S A 8 T 0 5 2 by the
  // odd table 8,12,0,19,14,1,13,5; even positions S M R 5 1 A 6 as values 18,12,17,5,1,0,6;
  // total 122, 122 mod 26 = 18 → 'S'.
  EXPECT_TRUE(it_codice_fiscale_valid("RSSMRA85T10A562S"));
  EXPECT_FALSE(it_codice_fiscale_valid("RSSMRA85T10A562T"));
  EXPECT_TRUE(it_codice_fiscale_valid("00743110157"));  // entity: as Partita IVA
  EXPECT_FALSE(it_codice_fiscale_valid("RSSMRA85T10A56"));
}

// ---------------------------------------------------------------- Spain

TEST(CheckDigits, EsNif) {
  // DNI 12345678: 12345678 mod 23 = 14 → "TRWAGMYFPDXBNJZ…"[14] = Z.
  EXPECT_TRUE(es_nif_valid("12345678Z"));
  EXPECT_FALSE(es_nif_valid("12345679Z"));
  // NIE X1234567: X→0, 01234567 mod 23 = 19 → L.
  EXPECT_TRUE(es_nif_valid("X1234567L"));
  EXPECT_FALSE(es_nif_valid("X1234567M"));
  // CIF B1234567: odd positions 1,3,5,7 doubled with digit sums 2,6,1(10),5(14), even
  // 2,4,6: total 26 → control (10 - 6) mod 10 = 4 (letter form "JABCDEFGHI"[4] = D).
  EXPECT_TRUE(es_nif_valid("B12345674"));
  EXPECT_TRUE(es_nif_valid("B1234567D"));
  EXPECT_FALSE(es_nif_valid("B12345675"));
  // CIF Q2826000: odd positions 2,2,0,0 doubled 4,4,0,0; even 8,6,0: total 22 → control
  // 8 → "JABCDEFGHI"[8] = H.
  EXPECT_TRUE(es_nif_valid("Q2826000H"));
  EXPECT_FALSE(es_nif_valid("Q2826000J"));
  EXPECT_FALSE(es_nif_valid("O1234567L"));  // no entity type O
}

// ---------------------------------------------------------------- Netherlands

TEST(CheckDigits, NlBtw) {
  // 004495445: 9·0+8·0+7·4+6·4+5·9+4·5+3·4+2·4 = 137, minus last digit 5 = 132 = 12·11.
  EXPECT_TRUE(nl_btw_valid("004495445B01"));
  EXPECT_FALSE(nl_btw_valid("004495446B01"));
  // 002455799B11 fails the 11-proof (122 - 9 = 113) but is a 2020 sole-trader number:
  // "NL002455799B11" with N=23, L=21, B=11 → 2321002455799 11 11 mod 97 = 1.
  EXPECT_TRUE(nl_btw_valid("002455799B11"));
  EXPECT_FALSE(nl_btw_valid("002455799B12"));
  EXPECT_FALSE(nl_btw_valid("004495445B00"));
}

// ---------------------------------------------------------------- Poland

TEST(CheckDigits, PlNip) {
  // 123-456-32-18: 1·6+2·5+3·7+4·2+5·3+6·4+3·5+2·6+1·7 = 118 ≡ 8 (mod 11) = last digit.
  EXPECT_TRUE(pl_nip_valid("1234563218"));
  EXPECT_FALSE(pl_nip_valid("1234563219"));
}

TEST(CheckDigits, PlRegon) {
  // 123456785: 8,18,6,12,20,30,42,56 = 192 ≡ 5 (mod 11).
  EXPECT_TRUE(pl_regon_valid("123456785"));
  EXPECT_FALSE(pl_regon_valid("123456786"));
  // 12345678512347: weights 2 4 8 5 0 9 7 3 6 1 2 4 8 give 260 ≡ 7; first 9 valid too.
  EXPECT_TRUE(pl_regon_valid("12345678512347"));
  EXPECT_FALSE(pl_regon_valid("12345678512348"));
  EXPECT_FALSE(pl_regon_valid("12345678612347"));  // its REGON-9 part is wrong
}

// ---------------------------------------------------------------- Belgium

TEST(CheckDigits, BeEnterprise) {
  // 0403019261: 04030192 mod 97 = 36, 97 - 36 = 61.
  EXPECT_TRUE(be_enterprise_valid("0403019261"));
  EXPECT_FALSE(be_enterprise_valid("0403019262"));
  // 0428759497: 04287594 mod 97 = 0 → check 97. Nine-digit legacy form gets its 0.
  EXPECT_TRUE(be_enterprise_valid("0428759497"));
  EXPECT_TRUE(be_enterprise_valid("428759497"));
  EXPECT_FALSE(be_enterprise_valid("2428759497"));  // first digit 0 or 1
}

// ---------------------------------------------------------------- Ireland

TEST(CheckDigits, IeVat) {
  // 6433435: 6·8+4·7+3·6+3·5+4·4+3·3+5·2 = 144 ≡ 6 (mod 23) → "WABCDEF…"[6] = F.
  EXPECT_TRUE(ie_vat_valid("6433435F"));
  EXPECT_FALSE(ie_vat_valid("6433435E"));
  // With second letter A (value 1): 144 + 9 = 153 ≡ 15 → O.
  EXPECT_TRUE(ie_vat_valid("6433435OA"));
  EXPECT_FALSE(ie_vat_valid("6433435OB"));
  // Old style 8D79739I → reordered 0797398: 0+49+54+35+12+27+16 = 193 ≡ 9 → I.
  EXPECT_TRUE(ie_vat_valid("8D79739I"));
  EXPECT_FALSE(ie_vat_valid("8D79739J"));
}

// ---------------------------------------------------------------- United Kingdom

TEST(CheckDigits, GbVat) {
  // 980 7806 84: 72+56+0+35+32+0+12 = 207, + 84 = 291 = 3·97.
  EXPECT_EQ(gb_vat_check("980780684"), IdCheck::valid);
  EXPECT_EQ(gb_vat_check("980780685"), IdCheck::invalid);
  // 831 4958 16 (BBC h2g2 worked example): 178 + 16 = 194 = 2·97.
  EXPECT_EQ(gb_vat_check("831495816"), IdCheck::valid);
  // 9755 scheme, constructed: 100 0000 xx: weighted sum 8, 8 + 34 + 55 = 97.
  EXPECT_EQ(gb_vat_check("100000034"), IdCheck::valid);
  EXPECT_EQ(gb_vat_check("100000035"), IdCheck::invalid);
  EXPECT_EQ(gb_vat_check("980780684001"), IdCheck::valid);  // branch suffix
  EXPECT_EQ(gb_vat_check("GD123"), IdCheck::format_only);
  EXPECT_EQ(gb_vat_check("GD678"), IdCheck::invalid);  // government numbers are < 500
}

TEST(CheckDigits, UkCompanyFormatOnly) {
  EXPECT_TRUE(uk_company_format_ok("01234567"));
  EXPECT_TRUE(uk_company_format_ok("SC123456"));
  EXPECT_TRUE(uk_company_format_ok("R1234567"));
  EXPECT_FALSE(uk_company_format_ok("1234567"));
  EXPECT_FALSE(uk_company_format_ok("S1234567X"));
}

TEST(CheckDigits, RegistryByName) {
  for (const auto& name : id_check_names()) EXPECT_TRUE(is_known_id_check(name)) << name;
  EXPECT_EQ(run_id_check("none", "whatever"), IdCheck::format_only);
  EXPECT_EQ(run_id_check("pl_nip", "1234563218"), IdCheck::valid);
  EXPECT_EQ(run_id_check("fr_vat", "41303265045"), IdCheck::invalid);
  EXPECT_THROW(run_id_check("no_such_algorithm", "1"), std::invalid_argument);
  EXPECT_EQ(to_string(IdCheck::format_only), "format_only");
}

// ---------------------------------------------------------------- finder

nlohmann::json load_lexicon() {
  return nlohmann::json::parse(
      testing::read_file(testing::rules_dir() / "lexicon" / "identifiers.json"));
}

const RegisterIdFinder& finder() {
  static const RegisterIdFinder f(load_lexicon());
  return f;
}

const RegisterId* by_value(const std::vector<RegisterId>& ids, std::string_view value) {
  for (const auto& id : ids)
    if (id.value == value) return &id;
  return nullptr;
}

// Every finding's raw text is exactly the slice its offsets name.
void expect_offsets(std::string_view text, const std::vector<RegisterId>& ids) {
  for (const auto& id : ids) {
    ASSERT_LE(id.end, text.size());
    EXPECT_EQ(text.substr(id.begin, id.end - id.begin), id.raw) << id.value;
  }
}

TEST(RegisterIdFinder, FrenchMentionsLegales) {
  const std::string text =
      "Mentions légales\nLe site est édité par Exemple SARL au capital social de 10 000 €, "
      "immatriculée au RCS Lyon B 303 265 045, SIRET : 303 265 045 00011, N° TVA "
      "intracommunautaire : FR\u00a040\u202f303 265 045. Siège : 12 rue de la Paix, 75011 "
      "Paris. Tél. : +33 1 99 00 12 34. Directeur de la publication : Jean Exemple.";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 3u);

  EXPECT_EQ(ids[0].kind, "fr.rcs");
  EXPECT_EQ(ids[0].value, "303265045");
  EXPECT_EQ(ids[0].raw, "B 303 265 045");
  EXPECT_EQ(ids[0].label, "RCS Lyon");
  EXPECT_EQ(ids[0].court, "RCS Lyon");
  EXPECT_EQ(ids[0].check, "valid");

  EXPECT_EQ(ids[1].kind, "fr.siret");
  EXPECT_EQ(ids[1].value, "30326504500011");
  EXPECT_EQ(ids[1].label, "SIRET");
  EXPECT_EQ(ids[1].check, "valid");

  EXPECT_EQ(ids[2].kind, "vat");
  EXPECT_EQ(ids[2].country, "FR");
  EXPECT_EQ(ids[2].value, "FR40303265045");
  EXPECT_EQ(ids[2].raw, "FR\u00a040\u202f303 265 045");
  EXPECT_EQ(ids[2].label, "N° TVA intracommunautaire");
  EXPECT_EQ(ids[2].check, "valid");
}

TEST(RegisterIdFinder, FrenchRegistreSentenceAndSirenCourt) {
  const std::string text =
      "Société immatriculée au Registre du Commerce et des Sociétés de Paris sous le numéro "
      "732 829 320.\nSIREN 303.265.045 – R.C.S. Lyon";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].kind, "fr.rcs");
  EXPECT_EQ(ids[0].value, "732829320");
  EXPECT_EQ(ids[0].court, "Registre du Commerce et des Sociétés de Paris");
  EXPECT_EQ(ids[1].kind, "fr.siren");
  EXPECT_EQ(ids[1].value, "303265045");
  EXPECT_EQ(ids[1].court, "R.C.S. Lyon");
}

TEST(RegisterIdFinder, GermanImpressumLines) {
  // <br>-separated Impressum lines, flattened to newlines.
  const std::string text =
      "Impressum\nMuster Versand GmbH\nMusterstraße 1\n20095 Hamburg\n"
      "Geschäftsführer: Max Muster\nRegistergericht: Amtsgericht Hamburg\n"
      "Registernummer: HRB 12345\n"
      "Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz:\nDE 136 695 976\n"
      "Bestellnr. 123456789";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].kind, "de.hrb");
  EXPECT_EQ(ids[0].value, "HRB 12345");
  EXPECT_EQ(ids[0].raw, "HRB 12345");
  EXPECT_EQ(ids[0].label, "Registernummer");
  EXPECT_EQ(ids[0].court, "Amtsgericht Hamburg");
  EXPECT_EQ(ids[0].check, "format_only");
  EXPECT_EQ(ids[1].kind, "vat");
  EXPECT_EQ(ids[1].value, "DE136695976");
  EXPECT_EQ(ids[1].label, "Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz");
  EXPECT_EQ(ids[1].check, "valid");
}

TEST(RegisterIdFinder, GermanShapeOnlyWithCourtSuffix) {
  const std::string text =
      "Eingetragen beim Amtsgericht Charlottenburg (Berlin), HRB 12345 B. USt-ID DE136695977";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].value, "HRB 12345 B");
  EXPECT_EQ(ids[0].label, "");
  EXPECT_EQ(ids[0].court, "Amtsgericht Charlottenburg (Berlin)");
  // Labelled, so kept even though the check digit is wrong: a likely typo.
  EXPECT_EQ(ids[1].value, "DE136695977");
  EXPECT_EQ(ids[1].label, "USt-ID");
  EXPECT_EQ(ids[1].check, "invalid");
}

TEST(RegisterIdFinder, AustrianImpressum) {
  const std::string text =
      "Muster GmbH, FN 123456a, Firmenbuchgericht: Handelsgericht Wien, UID-Nr.: ATU13585627";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].kind, "at.fn");
  EXPECT_EQ(ids[0].value, "FN 123456a");
  EXPECT_EQ(ids[0].check, "format_only");
  EXPECT_EQ(ids[0].court, "Handelsgericht Wien");
  EXPECT_EQ(ids[1].value, "ATU13585627");
  EXPECT_EQ(ids[1].label, "UID-Nr.");
  EXPECT_EQ(ids[1].check, "valid");
}

TEST(RegisterIdFinder, CzechIdentification) {
  const std::string text =
      "Vzor s.r.o., sídlo: Na Příkopě 1, 110 00 Praha 1, IČO: 270 74 358, DIČ: CZ27074358, "
      "zapsaná v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 123456. "
      "Tel.: +420 777 123 456";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].kind, "cz.ico");
  EXPECT_EQ(ids[0].value, "27074358");
  EXPECT_EQ(ids[0].raw, "270 74 358");
  EXPECT_EQ(ids[0].label, "IČO");
  EXPECT_EQ(ids[0].check, "valid");
  EXPECT_EQ(ids[1].kind, "vat");
  EXPECT_EQ(ids[1].country, "CZ");
  EXPECT_EQ(ids[1].label, "DIČ");
  EXPECT_EQ(ids[1].check, "valid");
  EXPECT_EQ(ids[2].kind, "cz.spis");
  EXPECT_EQ(ids[2].value, "C 123456");
  EXPECT_EQ(ids[2].label, "oddíl C, vložka");
  EXPECT_EQ(ids[2].court, "Městským soudem v Praze");
}

TEST(RegisterIdFinder, CzechShortLabelIsNotPartOfLongerOne) {
  // "IČ" and "ič" label an IČO; "IČ DPH" (the Slovak VAT label) introduces no IČO: the SK
  // number after it is taken by its prefix.
  auto ids = finder().find("IČ 25123891; ič: 27074358; IČ DPH SK2021853504");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].value, "25123891");
  EXPECT_EQ(ids[0].label, "IČ");
  EXPECT_EQ(ids[1].value, "27074358");
  EXPECT_EQ(ids[1].label, "ič");
  EXPECT_EQ(ids[2].kind, "vat");
  EXPECT_EQ(ids[2].country, "SK");
  EXPECT_EQ(ids[2].check, "valid");
}

TEST(RegisterIdFinder, LabelSpellingVariants) {
  // ASCII-only Czech labels, "N° de TVA", "TVA intra", a SIRET grouped 3-3-3-3-2, a court
  // before a shape-only HRB, a label on the line before its number.
  const std::string text =
      "ICO: 27074358, DIC: CZ27074358, I.Č. 25123891\nN° de TVA : FR40303265045, TVA intra "
      "FR40303265045\nAmtsgericht München HRB 123456\nSiret: 303 265 045 000 11\nKvK:\n12345678";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 8u);
  std::vector<std::string> labels;
  for (const auto& id : ids) labels.push_back(id.label);
  // The register court right before an HRB number labels it.
  EXPECT_EQ(labels, (std::vector<std::string>{"ICO", "DIC", "I.Č.", "N° de TVA", "TVA intra",
                                              "Amtsgericht München", "Siret", "KvK"}));
  EXPECT_EQ(ids[5].court, "Amtsgericht München");
  EXPECT_EQ(ids[6].value, "30326504500011");
  EXPECT_EQ(ids[7].kind, "nl.kvk");
}

TEST(RegisterIdFinder, ItalianFooter) {
  const std::string text =
      "© 2024 Esempio S.r.l. – P.IVA 01234567890 – REA MI-1234567 – Capitale sociale € "
      "10.000 i.v. – Registro Imprese di Milano – C.F. e P.IVA IT00743110157";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].kind, "it.piva");
  EXPECT_EQ(ids[0].value, "01234567890");
  EXPECT_EQ(ids[0].label, "P.IVA");
  EXPECT_EQ(ids[0].check, "invalid");  // the footer placeholder fails Luhn
  EXPECT_EQ(ids[1].kind, "it.rea");
  EXPECT_EQ(ids[1].value, "MI-1234567");
  EXPECT_EQ(ids[1].court, "Registro Imprese di Milano");
  EXPECT_EQ(ids[2].kind, "vat");
  EXPECT_EQ(ids[2].value, "IT00743110157");
  EXPECT_EQ(ids[2].check, "valid");
}

// One number under a combined label ("P.IVA e C.F.", "P. IVA / Cod. Fisc.") is the Partita IVA,
// although the C.F. label stands closer to it; a C.F. label alone keeps its own kind.
TEST(RegisterIdFinder, ItalianCombinedVatAndTaxCodeLabel) {
  // 03512740378: Luhn over the 11 digits, sum 30 (constructed for the fixture shop).
  const std::string text =
      "Cartoleria Test S.r.l. – P.IVA e C.F. 03512740378 – Cap. soc. € 20.000 i.v.\n"
      "Bottega Test S.n.c. | P. IVA / Cod. Fisc.: 03512740378\n"
      "Titolare: C.F. 03512740378";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].kind, "it.piva");
  EXPECT_EQ(ids[0].label, "P.IVA e C.F.");
  EXPECT_EQ(ids[0].check, "valid");
  EXPECT_EQ(ids[1].kind, "it.piva");
  EXPECT_EQ(ids[1].label, "P. IVA / Cod. Fisc.");
  EXPECT_EQ(ids[2].kind, "it.cf");
}

TEST(RegisterIdFinder, SpanishAvisoLegal) {
  const std::string text =
      "Ejemplo S.L., con CIF: B-12345674, inscrita en el Registro Mercantil de Madrid. "
      "Titular: NIF 12345678Z. NIE X1234567M. Teléfono 912 345 678.";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].value, "B12345674");
  EXPECT_EQ(ids[0].label, "CIF");
  EXPECT_EQ(ids[0].check, "valid");
  EXPECT_EQ(ids[1].value, "12345678Z");
  EXPECT_EQ(ids[1].check, "valid");
  EXPECT_EQ(ids[2].value, "X1234567M");
  EXPECT_EQ(ids[2].check, "invalid");
}

TEST(RegisterIdFinder, DutchKvkAndBtw) {
  const std::string text =
      "Voorbeeld B.V. | KvK-nummer: 12345678 | BTW-id: NL004495445B01 | "
      "btw-nummer NL 0024.55.799.B.11 | Postcode 1012 AB";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0].kind, "nl.kvk");
  EXPECT_EQ(ids[0].value, "12345678");
  EXPECT_EQ(ids[0].check, "format_only");
  EXPECT_EQ(ids[1].value, "NL004495445B01");
  EXPECT_EQ(ids[1].check, "valid");
  EXPECT_EQ(ids[2].value, "NL002455799B11");
  EXPECT_EQ(ids[2].raw, "NL 0024.55.799.B.11");
  EXPECT_EQ(ids[2].check, "valid");
}

TEST(RegisterIdFinder, PolishNipWithDashes) {
  const std::string text =
      "Przykład sp. z o.o., ul. Prosta 1, 00-001 Warszawa, NIP: 123-456-32-18, "
      "REGON 123456785, KRS 0000123456, Sąd Rejonowy dla m.st. Warszawy w Warszawie, XII "
      "Wydział Gospodarczy KRS. NIP PL 1234563219";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0].kind, "pl.nip");
  EXPECT_EQ(ids[0].value, "1234563218");
  EXPECT_EQ(ids[0].raw, "123-456-32-18");
  EXPECT_EQ(ids[0].check, "valid");
  EXPECT_EQ(ids[1].kind, "pl.regon");
  EXPECT_EQ(ids[1].check, "valid");
  EXPECT_EQ(ids[2].kind, "pl.krs");
  EXPECT_EQ(ids[2].court, "Sąd Rejonowy dla m.st. Warszawy w Warszawie");
  EXPECT_EQ(ids[3].kind, "vat");
  EXPECT_EQ(ids[3].value, "PL1234563219");
  EXPECT_EQ(ids[3].check, "invalid");
}

TEST(RegisterIdFinder, UkFooter) {
  const std::string text =
      "Example Trading Ltd. Registered in England and Wales. Company No. 01234567. "
      "Registered office: 1 High Street, London SW1A 1AA. VAT Reg. No. 980 7806 84.\n"
      "Example Scotland Ltd, Company number SC123456.\n"
      "Other Ltd, registered in England & Wales No. 1234567";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  const RegisterId* co = by_value(ids, "01234567");
  ASSERT_NE(co, nullptr);
  EXPECT_EQ(co->kind, "uk.company");
  EXPECT_EQ(co->country, "GB");
  EXPECT_EQ(co->label, "Company No.");
  EXPECT_EQ(co->court, "England and Wales");
  EXPECT_EQ(co->check, "format_only");
  const RegisterId* vat = by_value(ids, "GB980780684");
  ASSERT_NE(vat, nullptr);
  EXPECT_EQ(vat->kind, "vat");
  EXPECT_EQ(vat->raw, "980 7806 84");
  EXPECT_EQ(vat->check, "valid");
  const RegisterId* sc = by_value(ids, "SC123456");
  ASSERT_NE(sc, nullptr);
  EXPECT_EQ(sc->kind, "uk.company");
  // Seven digits after "No." are padded to the eight Companies House uses.
  const RegisterId* padded = by_value(ids, "01234567");
  ASSERT_NE(padded, nullptr);
  std::size_t count = 0;
  for (const auto& id : ids) count += id.kind == "uk.company" ? 1 : 0;
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(ids.back().raw, "1234567");
  EXPECT_EQ(ids.back().value, "01234567");
}

TEST(RegisterIdFinder, BelgianAndIrish) {
  const std::string text =
      "Exemple SA – BCE 0403.019.261 – TVA BE 0428.759.497 – IBAN BE68 5390 0754 7034.\n"
      "Example Ltd, VAT No. IE 6433435F, CRO No. 123456.";
  auto ids = finder().find(text);
  expect_offsets(text, ids);
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0].kind, "be.enterprise");
  EXPECT_EQ(ids[0].value, "0403019261");
  EXPECT_EQ(ids[1].value, "BE0428759497");
  EXPECT_EQ(ids[2].value, "IE6433435F");
  EXPECT_EQ(ids[2].check, "valid");
  EXPECT_EQ(ids[3].kind, "ie.cro");
}

TEST(RegisterIdFinder, NoIdentifiersInPhonesPricesPostcodesOrders) {
  const std::string text =
      "Appelez le +33 1 99 00 12 34 ou le 01 99 00 12 34. Prix : 1 234,56 € TTC. "
      "Livraison 75011 Paris. Bestellnr. 123456789. Kundennr. DE-123456789. "
      "IBAN DE89 3704 0044 0532 0130 00. Artikel 4006381333931. Area 51234567. "
      "Commande n° 303265045. TVA 20 %. Datum 15.05.1985.";
  auto ids = finder().find(text);
  for (const auto& id : ids) ADD_FAILURE() << id.kind << " " << id.raw << " label=" << id.label;
}

TEST(RegisterIdFinder, ShapeOnlyNeedsCapitalPrefix) {
  EXPECT_TRUE(finder().find("ref de136695976").empty());
  auto ids = finder().find("ref DE136695976");
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0].label, "");
  EXPECT_EQ(ids[0].check, "valid");
}

TEST(RegisterIdFinder, LabelledMalformedNumberIsInvalid) {
  // Eight digits after "SIREN": no shape fits, worth a human look.
  auto ids = finder().find("SIREN : 303 265 04 – Capital 1000 €");
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0].kind, "fr.siren");
  EXPECT_EQ(ids[0].value, "30326504");
  EXPECT_EQ(ids[0].check, "invalid");
  // A VAT label with a truncated FR number.
  ids = finder().find("N° TVA : FR 40 303 265 04");
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0].kind, "vat");
  EXPECT_EQ(ids[0].country, "FR");
  EXPECT_EQ(ids[0].check, "invalid");
}

TEST(RegisterIdFinder, AddingALabelIsAJsonChange) {
  auto lex = load_lexicon();
  EXPECT_TRUE(RegisterIdFinder(lex).find("Handelsnummer 12345678").empty());
  lex["labels"].push_back({{"lang", "nl"}, {"regex", "handelsnummer"}, {"kinds", {"nl.kvk"}}});
  auto ids = RegisterIdFinder(lex).find("Handelsnummer 12345678");
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0].kind, "nl.kvk");
}

TEST(RegisterIdFinder, RejectsMalformedLexicon) {
  auto lex = load_lexicon();
  lex["kinds"]["fr.siren"]["check"] = "no_such_algorithm";
  EXPECT_THROW(RegisterIdFinder{lex}, std::runtime_error);
  lex = load_lexicon();
  lex["labels"][0]["regex"] = "(unclosed";
  EXPECT_THROW(RegisterIdFinder{lex}, std::runtime_error);
  lex = load_lexicon();
  lex["labels"][0]["kinds"] = {"xx.nothing"};
  EXPECT_THROW(RegisterIdFinder{lex}, std::runtime_error);
  EXPECT_THROW(RegisterIdFinder{nlohmann::json::array()}, std::runtime_error);
}

TEST(RegisterIdFinder, FreeFunctionCachesCompiledLexicon) {
  auto lex = load_lexicon();
  auto a = find_register_ids("USt-IdNr. DE136695976", lex);
  auto b = find_register_ids("IČO 27074358", lex);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].value, "DE136695976");
  EXPECT_EQ(b[0].to_json()["kind"], "cz.ico");
}

}  // namespace
}  // namespace omnicheck::extract

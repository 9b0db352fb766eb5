// Check-digit and format validators for trader identifiers (trade registers, VAT ids).
//
// Hand-written: no Debian-packaged C++ library covers these national schemes (python-stdnum,
// the usual reference, is Python). Each function names the scheme it checks and cites where
// the algorithm is described; the finder (register_id_finder.h) calls them by the names listed
// in `id_check_names()`, so rules/lexicon/identifiers.json can pick an algorithm per kind.
//
// Inputs are compact: separators already removed, letters upper case, no country prefix
// unless said otherwise. A function given anything but the shape it documents returns false
// (or IdCheck::invalid): it never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace omnicheck::extract {

// Outcome of checking one identifier. `format_only` means the shape is right but the scheme
// has no check digit we can verify (UK company numbers, Handelsregister numbers, ...).
enum class IdCheck { valid, invalid, format_only };
std::string_view to_string(IdCheck c);  // "valid" | "invalid" | "format_only"

// ---- generic schemes ----
// Luhn (ISO/IEC 7812-1 annex B): from the right, double every second digit, sum the digits.
bool luhn_valid(std::string_view digits);
// ISO 7064 MOD 11,10 (hybrid system, used by the German USt-IdNr.); last digit is the check.
bool iso7064_mod11_10_valid(std::string_view digits);
// ISO 7064 MOD 97-10 (as in IBAN): letters A=10 … Z=35, the whole number mod 97 must be 1.
bool iso7064_mod97_10_valid(std::string_view alnum);

// ---- France ----
bool fr_siren_valid(std::string_view nine_digits);     // Luhn (INSEE)
bool fr_siret_valid(std::string_view fourteen_digits);  // Luhn; La Poste: digit sum mod 5
// The 11 characters after "FR": a 2-character key then the SIREN. Numeric keys are checked
// (key = (12 + 3 × (SIREN mod 97)) mod 97); alphabetic keys (post-1990s "new style") are
// format_only: their scheme is not published by the DGFiP, only reverse-engineered.
IdCheck fr_vat_check(std::string_view key_and_siren);

// ---- Germany / Austria ----
bool de_vat_valid(std::string_view nine_digits);  // USt-IdNr. body, ISO 7064 MOD 11,10
// Austrian UID body "U" + 8 digits (BMF algorithm: weights 1,2,1,2,1,2,1 with cross sums,
// check = (96 - S) mod 10, i.e. 10 - (S + 4) mod 10 with 10 -> 0).
bool at_uid_valid(std::string_view u_and_eight_digits);
// Format of a German Handelsregister number, compact: "HRA"/"HRB" + 1–6 digits + optional
// court suffix of 1–2 letters ("HRB12345B" for Berlin-Charlottenburg). No check digit exists.
bool de_register_format_ok(std::string_view compact);
// Format of an Austrian Firmenbuch number: optional "FN", 1–6 digits, one check letter. The
// letter is a check character, but its algorithm is not published (not in python-stdnum, the
// Justiz pages or the ERV specs we could read), so only the shape is checked.
bool at_fn_format_ok(std::string_view compact);

// ---- Czech Republic ----
// IČO: 8 digits, weights 8..2 on the first 7, c = (11 - S mod 11) mod 11, 0 -> 1, 10 -> 0.
bool cz_ico_valid(std::string_view eight_digits);
// DIČ body (after "CZ"): 8 digits = IČO of a legal entity (checked as IČO); 10 digits = rodné
// číslo (date sanity + whole number divisible by 11, or remainder 10 with check 0 before 1985);
// 9 digits = rodné číslo issued before 1954 (no check digit: date sanity only -> format_only),
// or "6" + 8 digits for individuals without a rodné číslo (scheme unpublished -> format_only).
IdCheck cz_dic_check(std::string_view digits);

// ---- Italy ----
// Partita IVA: 11 digits, Luhn over all 11 (the Agenzia delle Entrate scheme: odd positions
// summed, even positions doubled with 9 subtracted above 9). The first 7 digits must not all
// be 0. The office code (digits 8–10) is not checked: its list changes with new provinces.
bool it_partita_iva_valid(std::string_view eleven_digits);
// Codice fiscale: 11 digits (legal entities: same as Partita IVA) or 16 characters for
// persons (DM 23/12/1976: odd/even position value tables, sum mod 26 gives the check letter).
bool it_codice_fiscale_valid(std::string_view code);

// ---- Spain ----
// NIF in any of its forms: DNI (8 digits + letter, "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23]);
// NIE (X/Y/Z -> 0/1/2, then as DNI); K/L/M + 7 digits + letter (as DNI on the 7 digits);
// CIF (entity letter + 7 digits + control: Luhn-style digit c, or letter "JABCDEFGHI"[c]).
bool es_nif_valid(std::string_view nine_chars);

// ---- Netherlands ----
// btw-id body "123456789B01": the 9 digits pass the 11-proof (weights 9..2, last -1) used for
// RSIN/BSN, or — sole traders' numbers issued since 2020 — "NL" + body passes ISO 7064
// MOD 97-10 (Belastingdienst, "btw-identificatienummer" 2020).
bool nl_btw_valid(std::string_view body);

// ---- Poland ----
bool pl_nip_valid(std::string_view ten_digits);  // weights 6 5 7 2 3 4 5 6 7, S mod 11 = last
// REGON: 9 digits (weights 8 9 2 3 4 5 6 7) or 14 digits (2 4 8 5 0 9 7 3 6 1 2 4 8, and its
// first 9 digits a valid REGON); check = S mod 11, 10 -> 0 (GUS).
bool pl_regon_valid(std::string_view digits);

// ---- Belgium ----
// Enterprise number (= VAT body): 10 digits starting 0 or 1 (9-digit legacy form gets a
// leading 0); last two digits = 97 - (first 8 mod 97).
bool be_enterprise_valid(std::string_view digits);

// ---- Ireland ----
// VAT body: 7 digits + check letter (+ optional second letter, A–I or W), weights 8..2 on the
// digits plus 9 × value of the second letter, mod 23 -> "WABCDEFGHIJKLMNOPQRSTUV" (Revenue);
// old style digit, letter, 5 digits, check letter is checked after reordering.
bool ie_vat_valid(std::string_view body);

// ---- United Kingdom ----
// VAT body: 9 digits (or 12 with a branch suffix): weights 8..2 on the first 7 digits plus the
// last two as a number must be ≡ 0 (mod 97), or ≡ 42 (the "9755" scheme, +55) for numbers
// from 100 0000 00 on (HMRC). GD000–499 / HA500–999 (government, health) are format_only.
IdCheck gb_vat_check(std::string_view body);
// Companies House number, format only: 8 digits, or a 2-letter register prefix + 6 digits
// (SC, NI, OC, …), or "R" + 7 digits (old Northern Ireland). The prefix list lives in the
// lexicon shape; here any two capital letters are accepted.
bool uk_company_format_ok(std::string_view eight_chars);

// ---- the other EU27 and EEA countries ----
// Sources: the national administrations' descriptions as summarised by python-stdnum's module
// documentation (used as a reference for the published algorithms and its example numbers;
// no code taken from it). Inputs are compact digit strings without the country prefix.
bool dk_cvr_valid(std::string_view eight_digits);     // weights 2 7 6 5 4 3 2 1, sum ≡ 0 mod 11
bool se_orgnr_valid(std::string_view ten_digits);     // Luhn over the 10 digits (Bolagsverket)
// Y-tunnus: 7 digits + check, weights 7 9 10 5 8 4 2, r = S mod 11: 0 -> 0, 1 never issued,
// else 11 - r (PRH/Vero).
bool fi_ytunnus_valid(std::string_view eight_digits);
// Two-pass mod 11 shared by the Estonian registrikood and the Lithuanian codes: weights
// 1 2 … 9 1 2 …; a remainder of 10 retries with weights shifted by two (3 4 … 9 1 2 …); a
// second 10 gives 0. `body` excludes the check digit.
int baltic_mod11(std::string_view body);
bool ee_registrikood_valid(std::string_view eight_digits);
bool ee_vat_valid(std::string_view nine_digits);  // KMKR: weights 3 7 1 …, sum ≡ 0 mod 10
// Latvian registration number (= PVN body) of a legal entity (first digit 4–9): weights
// 9 1 4 8 3 10 2 5 7 6 1 give 3 mod 11. Personal codes (first digit 0–3, the new "32…" ones
// have no check) are format_only.
IdCheck lv_regnr_check(std::string_view eleven_digits);
bool lt_code_valid(std::string_view nine_digits);   // įmonės kodas: baltic_mod11 on 8 digits
// PVM mokėtojo kodas: 9 digits with the 8th = 1, or 12 with the 11th = 1; baltic_mod11.
bool lt_vat_valid(std::string_view digits);
// Davčna številka (= ID za DDV body): first digit 1–9, c = 11 - (Σ (8-i)·d_i mod 11) over the
// first 7, 10 -> 0, 11 never issued (FURS).
bool si_tax_valid(std::string_view eight_digits);
// Matična številka: 7 digits (+ 3-digit unit, "000" for the head office), weights 7..2 on the
// first 6, c = 11 - (S mod 11) with 10 and 11 both written 0 (AJPES; lenient on the two
// remainders it leaves open).
bool si_maticna_valid(std::string_view digits);
bool hr_oib_valid(std::string_view eleven_digits);  // ISO 7064 MOD 11,10
// Adószám core / közösségi adószám body: weights 9 7 3 1 9 7 3 1, sum ≡ 0 mod 10 (NAV).
bool hu_tax_valid(std::string_view eight_digits);
// CUI/CIF: 2–10 digits; the body (all but the last, left-padded to 9) times 7 5 3 2 1 7 5 3 2,
// ×10 mod 11, 10 -> 0 (ANAF).
bool ro_cui_valid(std::string_view digits);
// EIK/BULSTAT: 9 digits (weights 1..8, retry 3..10, mod 11, 10 -> 0) or 13 digits (the first 9
// as above, then digits 9–12 weights 2 7 3 5, retry 4 9 5 7) (Registry Agency).
bool bg_eik_valid(std::string_view digits);
// BG VAT body: 9 digits = EIK; 10 digits = EGN (weights 2 4 8 5 10 9 7 3 6, mod 11, 10 -> 0),
// a foreigner's number (21 19 17 13 11 9 7 3 1, mod 10) or another 10-digit tax number
// (4 3 2 7 6 5 4 3 2, 11 - S mod 11).
bool bg_vat_valid(std::string_view digits);
bool gr_afm_valid(std::string_view nine_digits);  // Σ d_i·2^(8-i) over 8 digits, mod 11 mod 10
// Cyprus VAT body: 8 digits (not starting 12) + letter from the odd-position table
// 0→1 1→0 2→5 3→7 4→9 5→13 6→15 7→17 8→19 9→21 plus the even digits, mod 26.
bool cy_vat_valid(std::string_view nine_chars);
bool mt_vat_valid(std::string_view eight_digits);  // weights 3 4 6 7 8 9 10 1, sum ≡ 0 mod 37
// Organisasjonsnummer: weights 3 2 7 6 5 4 3 2, c = 11 - S mod 11, 11 -> 0, 10 never issued.
bool no_orgnr_valid(std::string_view nine_digits);
// Kennitala: DDMMYY (companies: DD + 40) + 2 digits + check (weights 3 2 7 6 5 4 3 2 as for
// Norway) + century digit (9, 0 or 8) (Þjóðskrá).
bool is_kennitala_valid(std::string_view ten_digits);
// NIF/NIPC: first digit 1–9, weights 9..2 on 8 digits, c = 11 - S mod 11, 10 and 11 -> 0.
bool pt_nif_valid(std::string_view nine_digits);
bool lu_vat_valid(std::string_view eight_digits);  // first 6 digits mod 89 = last 2
// IČ DPH body / DIČ: 10 digits, first not 0, whole number ≡ 0 mod 11 (Finančná správa).
bool sk_dph_valid(std::string_view ten_digits);

// ---- registry by name (the lexicon names algorithms, the C++ supplies them) ----
// Runs the named algorithm on `input`. "none" always gives format_only. Throws
// std::invalid_argument for an unknown name (the lexicon loader checks names up front).
IdCheck run_id_check(std::string_view algorithm, std::string_view input);
bool is_known_id_check(std::string_view algorithm);
std::vector<std::string> id_check_names();

}  // namespace omnicheck::extract

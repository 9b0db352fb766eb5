// Finds trader identifiers (trade-register numbers, VAT ids) in page or e-mail text, for the
// rules `trader.register` and the national packs (fr.mentions_legales, de.impressum, …).
//
// What is an identifier is DATA, in rules/lexicon/identifiers.json: per kind the value shape
// (a regex on the compact value), how to normalise it and the name of the check algorithm
// (check_digits.h); per label a regex (any language) and the kinds it introduces; register
// courts to attach. Adding a label, a language or a country without a new algorithm is a JSON
// change. Hand-written because no Debian-packaged C++ library does this (python-stdnum is
// Python and has no finder).
//
// How it reads text (plain scanning plus small regexes, all byte offsets into the UTF-8 text):
//  * numbers are runs of ASCII letter/digit groups joined by tolerated separators: 1–3 spaces
//    (U+00A0, U+202F and other fixed spaces count as spaces), one '.', or 1–3 hyphens
//    (U+2010/U+2011 count as hyphens): "FR 40 303 265 045", "123-456-32-18", "8200.98.395";
//  * a value is the longest run of groups whose compact form matches a kind's shape and that
//    is not followed (or preceded) by more digits in the same run;
//  * bare digits count only right after a label (label, then a short "gap" such as ": ",
//    " n° ", " sous le numéro ", or a line break): prices, phone numbers, postcodes and order
//    numbers are never identifiers. Kinds marked "anywhere" (country-prefixed VAT ids,
//    HRB/HRA numbers) are also taken by shape alone, with their prefix written in capitals,
//    unless their check fails (then they are mostly product codes; "keep_unlabelled_invalid"
//    in the lexicon keeps them);
//  * a label inside a street name ("Rue du Siret 3", "Via REA 12": lexicon street_before /
//    street_after) labels nothing;
//  * a labelled run of 5+ digits that fits none of the label's shapes is reported with
//    check "invalid" (a malformed number is worth a human look), unless the label says not.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace omnicheck::extract {

struct RegisterId {
  std::string kind;     // "fr.siren", "fr.siret", "fr.rcs", "vat", "de.hrb", "de.hra", "at.fn",
                        // "cz.ico", "cz.spis", "it.piva", "it.cf", "it.rea", "es.nif",
                        // "nl.kvk", "pl.nip", "pl.regon", "pl.krs", "be.enterprise",
                        // "ie.cro", "uk.company" (the lexicon may add more)
  std::string country;  // ISO 3166-1 alpha-2 (Greek VAT ids: "GR", value "EL…")
  std::string value;    // normalised, e.g. "FR40303265045", "HRB 12345 B", "27074358"
  std::string raw;      // as written in the text
  std::size_t begin = 0, end = 0;  // byte offsets of `raw` in the text
  std::string label;    // the label as written ("USt-IdNr.", "IČO", "RCS Lyon"), "" if by shape
  std::string check;    // "valid" | "invalid" | "format_only"
  std::string court;    // register court where written near it ("Amtsgericht Hamburg")
  bool is_register = false;  // a trade-register number (lexicon kind "register": true), not a
                             // tax or VAT number
  bool is_vat_number = false;  // the national form of the trader's VAT number (lexicon kind
                               // "vat_number": true: partita IVA, NIP, NIF), "vat" or not

  nlohmann::json to_json() const;
};

// Compiled form of identifiers.json. Build once and reuse: compiling the regexes costs far
// more than a search. Thread-safe for concurrent find() calls.
class RegisterIdFinder {
 public:
  // Throws std::runtime_error naming the offending kind/label/court on a malformed lexicon
  // (unknown check algorithm, bad regex, label pointing at no kind, …).
  explicit RegisterIdFinder(const nlohmann::json& identifiers_lexicon);
  ~RegisterIdFinder();
  RegisterIdFinder(RegisterIdFinder&&) noexcept;
  RegisterIdFinder& operator=(RegisterIdFinder&&) noexcept;

  // Identifiers in `text_utf8`, ordered by begin, non-overlapping.
  std::vector<RegisterId> find(std::string_view text_utf8) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Convenience form: compiles the lexicon on first use and caches it (keyed by content), so
// calling it once per page is cheap after the first call.
std::vector<RegisterId> find_register_ids(std::string_view text_utf8,
                                          const nlohmann::json& identifiers_lexicon);

}  // namespace omnicheck::extract

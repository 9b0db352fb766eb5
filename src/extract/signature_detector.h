// Who signs a message: a named person ("Kind regards, Priya Shah"), or only a department or the
// company ("Ihr Kundenservice-Team", "L'équipe Maison Lumière", "Váš tým Kavárna Doma").
// Sign-offs, team words and name particles come from the lexicons (mail.sign_off,
// mail.team_words, mail.role_words, mail.name_particles; street_words and street_suffixes keep
// a street line from passing for a name), so a new language is a data change.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "extract/extract.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

struct Signature {
  std::string verdict;             // named | team | none
  std::string name;                // the person, when named
  std::string lines;               // the signature lines, joined with " / " (what the finding quotes)
  std::size_t begin = 0, end = 0;  // the signature in the text (the name, when named)
};

class SignatureDetector {
 public:
  explicit SignatureDetector(const Lexicon& lex);

  // `own_text`: the message without quoted mail. `brand_words`: folded words of the trader's
  // names (From display names, legal name, domain labels): a line made of them signs for the
  // company, not for a person.
  Signature detect(std::string_view own_text, const std::set<std::string>& brand_words) const;

  // Whether `line` reads as a person's name (1–4 capitalised words, particles allowed,
  // no team word, legal form or brand word only).
  bool is_person_name(std::string_view line, const std::set<std::string>& brand_words) const;

 private:
  TextPattern sign_off_, team_, legal_form_, role_, street_first_, street_suffix_, name_word_;
  std::set<std::string> particles_;
  std::set<std::string> given_names_;  // mail.given_names, folded: "Sabine Ortlieb" is a person
};

}  // namespace omnicheck::extract

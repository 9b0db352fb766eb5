// Whose a fact is: the trader's, or a third party's named beside it (host, web agency,
// payment provider, carrier, mediator, parent company, authority, data-protection officer).
// Legal notices name many parties; a host's address taken for the trader's makes a false
// `pass`, so every name, address, register id, phone and e-mail fact carries a `party` and the
// words that decided it (private to the extract stage).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

// The lexicons' party knowledge, compiled once (site_patterns.cc).
struct PartyLabels {
  TextPattern trader;       // "Éditeur", "Anbieter", "Prodávající": the trader's own block
  TextPattern trader_weak;  // "société", "Firma", "company": the trader's only at a line or sentence start
  std::vector<std::pair<std::string, TextPattern>> third;  // party kind -> its labels
  std::vector<std::pair<std::string, TextPattern>> names;  // party kind -> well-known third parties' names
  std::vector<std::pair<std::string, TextPattern>> name_words;  // party kind -> words in such names ("Logistik")
};

struct PartyOf {
  std::string party = "trader";
  std::string words;              // the label or name that decided it ("" by default)
  std::string basis = "default";  // label | name | entity | default
};

// The party of whatever stands at `offset` of the document's text, from the labels before it
// and their reach: a heading or a label on its own line reaches over the lines under it, a
// label at the start of a line over its block of short lines, a label inside a sentence to the
// end of that sentence; a second legal name ends any label's reach. The nearest label that
// reaches the fact [offset, end) decides; none means the trader.
PartyOf party_at(const html::Document& doc, std::size_t offset, std::size_t end, const PartyLabels& pl,
                 const TextPattern& legal_form);

// Writes `party`, `party_words`, `party_basis` and the rules' `third_party` into a fact.
void set_party(Fact& f, const PartyOf& p);

// After a page's extractors: a legal name that is a well-known third party's ("PayPal (Europe)
// S.à r.l. et Cie, S.C.A.", "OVH SAS") is that party's, and the address, register ids, phones
// and e-mails in the short lines right under a third party's name are its too (an entity
// block), unless a trader label stands closer. `facts` are one page's facts.
void attribute_entities(const html::Document& doc, const PartyLabels& pl, std::vector<Fact>& facts);

}  // namespace omnicheck::extract

// What the site says about how its consumer reviews are checked (UCPD art. 7(6), Annex I
// points 23b and 23c): `review_verification_statement` facts of three kinds.
//   checked      says how: only buyers can review, order numbers are checked, invitations go
//                out after a purchase, a named check before publication, ISO 20488.
//   not_checked  says the reviews are not checked ("avis non vérifiés"): saying *whether* is
//                enough for 23b.
//   claim_only   a "verified" badge or claim ("Verifizierter Kauf", "Avis vérifiés", "Ověřený
//                nákup") with no explanation on its line.
// A check or its negation counts only with a word about reviews on its line or the line above.
// A negation wins over a check on the same line ("Die Bewertungen werden nicht auf ihre
// Echtheit überprüft" is no check), and a badge on a line that explains itself is no bare
// claim. Links to a page about the reviews ("Comment sont collectés les avis ?", "Hinweise zur
// Echtheit der Bewertungen") become `review_policy_link` facts; extract_site marks whether the
// audit read their target. Wording is data: rules/lexicon/reviews/<lang>.json.
#include <map>
#include <set>

#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// The value quoted for a statement: its sentence, at most this long (else the match).
constexpr std::size_t kQuotedSentence = 300;
// Statements of one kind kept per page: a review list repeats its badge on every review.
constexpr std::size_t kPerKind = 5;

// The sentence around [begin, end) within its line: from the end of the previous sentence
// (". " before a capital) to the end of this one.
std::pair<std::size_t, std::size_t> sentence_around(std::string_view text, std::size_t begin, std::size_t end) {
  static const TextPattern boundary("[.!?;](?=\\s+\\p{Lu})", false, "sentence boundary");
  std::size_t from = line_begin(text, begin), to = line_end(text, end);
  std::size_t base = from, line_to = to;
  // The whole line is searched: the look-ahead needs the capital after a boundary.
  for (const auto& m : boundary.find_all(text.substr(base, line_to - base))) {
    if (base + m.end <= begin) from = base + m.end;
    if (base + m.begin >= end) {
      to = base + m.begin + 1;
      break;
    }
  }
  while (from < to && std::isspace(static_cast<unsigned char>(text[from]))) ++from;
  return {from, to};
}

struct Kind {
  const char* name;
  const char* key;
  const char* note;
  bool needs_review_word;  // the wording alone may be about returns or orders
};
// In precedence order: a line says at most one of them.
constexpr Kind kKinds[] = {
    {"not_checked", "reviews.not_checked", "statement that reviews are not checked", true},
    {"checked", "reviews.checked", "statement of how reviews are checked", true},
    {"claim_only", "reviews.claim", "claim that reviews are verified", false},
};

}  // namespace

void extract_review_statements(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  const std::string& text = pc.doc->text;
  std::set<std::size_t> lines_said;  // lines (by their start) that already made a statement
  std::map<std::string, std::size_t> kept;
  const TextPattern& review_word = sp.pattern("reviews.review_word", [&] {
    return on_word_boundaries(lexicon_alternation(sp.lex, "reviews.review_word"));
  });
  // "Only customers who bought the product can return it" is no word on reviews: a statement
  // needs a word about reviews on its line or the line above (a heading "Comment sont collectés
  // les avis ?" over "Seuls les clients ayant commandé peuvent en déposer un.").
  auto about_reviews = [&](std::size_t lb) {
    std::size_t from = lb > 0 ? line_begin(text, lb - 1) : lb;
    return review_word.search(std::string_view(text).substr(from, line_end(text, lb) - from));
  };
  for (const Kind& kind : kKinds) {
    const TextPattern& p = sp.pattern(kind.key, [&] { return on_word_boundaries(lexicon_alternation(sp.lex, kind.key)); });
    std::set<std::size_t> lines_now;
    for (const auto& m : p.find_all(text)) {
      if (pc.doc->region_at(m.begin) == "consent") continue;
      std::size_t lb = line_begin(text, m.begin);
      if (lines_said.count(lb) || lines_now.count(lb)) continue;
      if (kind.needs_review_word && !about_reviews(lb)) continue;
      lines_now.insert(lb);  // the line is said even when the fact is not kept
      if (++kept[kind.name] > kPerKind) continue;
      Fact f = statement_fact(pc, "review_verification_statement", m.begin, m.end, kind.note);
      auto [sb, se] = sentence_around(text, m.begin, m.end);
      if (se - sb <= kQuotedSentence) f.attrs["value"] = squeeze(std::string_view(text).substr(sb, se - sb));
      f.attrs["kind"] = kind.name;
      out.add(std::move(f));
    }
    lines_said.insert(lines_now.begin(), lines_now.end());
  }

  const TextPattern& link_text = sp.pattern("reviews.policy_link", [&] {
    return on_word_boundaries(lexicon_alternation(sp.lex, "reviews.policy_link"));
  });
  const TextPattern& link_url = sp.pattern("reviews.policy_url", [&] { return lexicon_alternation(sp.lex, "reviews.policy_url"); });
  std::set<std::string> seen;
  for (const auto& link : pc.doc->links) {
    if (link.url.empty() || link.region == "consent") continue;
    if (!link_text.search(link.text) && !link_url.search(link.url)) continue;
    if (!seen.insert(link.url).second) continue;
    Fact f = link_fact(pc, link, "review_policy_link", "link to a page about the reviews: " + link.url);
    f.attrs["target_fetched"] = false;  // extract_site knows which pages were read
    out.add(std::move(f));
  }
}

}  // namespace omnicheck::extract

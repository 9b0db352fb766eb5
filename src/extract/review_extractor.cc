// Where a page shows consumer reviews (UCPD art. 7(6)): `reviews_shown` facts from three
// sources. JSON-LD `Review` / `AggregateRating` (source jsonld, not visible); a review vendor's
// widget loader (source widget; rules/lexicon/channels/review_widgets.json); and the visible
// text (source text): a reviews heading that is a block of its own ("Kundenbewertungen",
// "Avis clients (12)"), a review count ("(123 avis)", "12 hodnocení"), a rating ("4,7/5",
// "4.7 out of 5") with a rating word on its line or the line above, or a row of five stars
// ("★★★★☆"). Wording is data: rules/lexicon/reviews/<lang>.json.
//
// Not reviews: a link "Write a review" / "Laisser un avis", a "rate us" call (no heading of its
// own, no count, no rating), a lone star icon, "Bewertung" meaning valuation (only the plural
// "Bewertungen" is a heading, and a count needs a number), a count or rating inside running
// prose (a blog article's "nous avons lu 500 avis"): counts and ratings count only on short
// lines, as product cards and review summaries write them. A reviews tab with nothing in it
// ("Bewertungen (0)", a page saying "Noch keine Bewertungen", five empty stars) shows none. A lone testimonial quote with no
// rating and no reviews heading is not reported either: from the text alone it cannot be told
// from marketing copy or a press quote, and calling it a review would make the rule fail a shop
// for a sentence it wrote itself; a section headed "Avis clients" around the same quote counts.
#include <set>

#include "extract/script_widgets.h"
#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// Review summaries and product cards are short lines; prose is longer.
constexpr std::size_t kShortLine = 160;

bool type_is(const nlohmann::json& o, const char* name) {
  if (!o.is_object() || !o.contains("@type")) return false;
  auto one = [name](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    auto slash = s.rfind('/');
    return (slash == std::string::npos ? s : s.substr(slash + 1)) == name;
  };
  const auto& t = o["@type"];
  if (t.is_array()) return std::any_of(t.begin(), t.end(), one);
  return one(t);
}

double number_of(const nlohmann::json& o, const char* key) {
  if (!o.is_object() || !o.contains(key)) return -1;
  const auto& v = o[key];
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    std::replace(s.begin(), s.end(), ',', '.');
    try {
      return std::stod(s);
    } catch (...) {
      return -1;
    }
  }
  return -1;
}

// What the JSON-LD blocks of a page say about reviews.
struct JsonLdReviews {
  int reviews = 0;        // Review objects
  double count = -1;      // the largest reviewCount / ratingCount of an AggregateRating
  double rating = -1, best = -1;

  void visit(const nlohmann::json& j, const std::string& key = "", int depth = 0) {
    if (depth > 12) return;
    if (j.is_array()) {
      for (const auto& x : j) visit(x, key, depth + 1);
      return;
    }
    if (!j.is_object()) return;
    // A product's nested "aggregateRating" / "review" often carries no @type of its own.
    if (type_is(j, "AggregateRating") || (key == "aggregateRating" && !j.contains("@type"))) aggregate(j);
    if (type_is(j, "Review") || ((key == "review" || key == "reviews") && !j.contains("@type"))) ++reviews;
    for (const auto& [k, v] : j.items()) visit(v, k, depth + 1);
  }

  void aggregate(const nlohmann::json& a) {
    double n = std::max(number_of(a, "reviewCount"), number_of(a, "ratingCount"));
    double r = number_of(a, "ratingValue");
    if (n == 0 || (n < 0 && r < 0)) return;  // "0 reviews" shows none
    count = std::max(count, n);
    if (rating < 0 && r >= 0) {
      rating = r;
      best = number_of(a, "bestRating");
    }
  }

  bool any() const { return reviews > 0 || count > 0 || rating >= 0; }
};

std::string plain(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void shown_in_jsonld(const PageContext& pc, FactStore& out) {
  JsonLdReviews found;
  for (const auto& block : pc.doc->jsonld) {
    auto j = nlohmann::json::parse(block, nullptr, false);
    if (!j.is_discarded()) found.visit(j);
  }
  if (!found.any()) return;
  std::string value = "schema.org";
  if (found.rating >= 0) value += " AggregateRating " + plain(found.rating) + " / " + (found.best > 0 ? plain(found.best) : "5");
  if (found.count > 0) value += ", " + plain(found.count) + " reviews";
  if (found.reviews > 0) value += (found.rating >= 0 || found.count > 0 ? ", " : " ") + std::to_string(found.reviews) + " Review item(s)";
  Fact f;
  f.type = "reviews_shown";
  f.attrs = {{"page_url", pc.page->final_url}, {"region", "head"}, {"on_home", pc.is_home}, {"visible", false},
             {"source", "jsonld"}, {"vendor", ""}, {"value", value}};
  if (found.count > 0) f.attrs["count"] = found.count;
  if (found.rating >= 0) f.attrs["rating"] = found.rating;
  f.evidence = page_evidence(*pc.page, "consumer reviews in schema.org JSON-LD (not visible on the page)");
  f.evidence.locator = "script[type=\"application/ld+json\"]";
  f.evidence.snippet = "[[" + quote_text(value) + "]]";
  f.source = pc.page->final_url;
  out.add(std::move(f));
}

void shown_by_widgets(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  for (const auto& hit : find_widgets(pc, sp, "review_widgets")) {
    Fact f = widget_fact(pc, hit, "reviews_shown", hit.vendor,  // a name: quoted into any language
                         "consumer-review widget (" + hit.vendor + "), drawn by JavaScript");
    f.attrs["source"] = "widget";
    out.add(std::move(f));
  }
}

// The first number of `s` ("1 234", "1.234", "4,7"): as a count (separators dropped) or as a
// decimal (comma or point).
double first_count(std::string_view s) {
  std::string digits;
  bool started = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      started = true;
    } else if (started && (c == '.' || c == ',' || c == ' ') && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      continue;
    } else if (started && static_cast<unsigned char>(c) == 0xC2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;  // no-break space between thousands
    } else if (started) {
      break;
    }
  }
  return digits.empty() ? -1 : std::stod(digits);
}

double first_decimal(std::string_view s) {
  std::string num;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      num += c;
    } else if (!num.empty() && (c == '.' || c == ',') && num.find('.') == std::string::npos) {
      num += '.';
    } else if (!num.empty()) {
      break;
    }
  }
  if (!num.empty() && num.back() == '.') num.pop_back();
  return num.empty() ? -1 : std::stod(num);
}

class TextReviews {
 public:
  TextReviews(const PageContext& pc, const SitePatterns& sp, FactStore& out) : pc_(pc), out_(out), text_(pc.doc->text) {
    const Lexicon& lex = sp.lex;
    heading_ = &sp.pattern("reviews.heading", [&] { return on_word_boundaries(lexicon_alternation(lex, "reviews.heading")); });
    // "123 avis", or the word with the count in brackets after it ("Avis (2)", "Reviews (2)":
    // PrestaShop's productcomments, WooCommerce's reviews tab).
    count_ = &sp.pattern("reviews.count", [&] {
      const std::string number = "\\d{1,3}(?:(?:[ .,]|\\x{A0}|\\x{202F})\\d{3})*";
      const std::string words = lexicon_alternation(lex, "reviews.count_word");
      return "(?<![\\p{L}\\p{N}.,])" + number + "\\s*(?:" + words + ")(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?:" + words +
             ")\\s*\\(\\s*" + number + "\\s*\\)";
    });
    rating_ = &sp.pattern("reviews.rating", [&] {
      return "(?<![\\p{L}\\p{N}.,/])(?:" + lexicon_alternation(lex, "reviews.rating") + ")(?![\\p{L}]|[.,]?\\p{N})";
    });
    rating_word_ = &sp.pattern("reviews.rating_word", [&] {
      return on_word_boundaries(lexicon_alternation(lex, "reviews.rating_word") + "|" + lexicon_alternation(lex, "reviews.count_word"));
    });
    none_yet_ = &sp.pattern("reviews.none_yet", [&] { return on_word_boundaries(lexicon_alternation(lex, "reviews.none_yet")); });
    filled_ = &sp.pattern("reviews.filled_star", [] { return "[\\x{2605}\\x{2B50}\\x{272A}\\x{272D}\\x{272E}\\x{272F}]"; });
    stars_ = &sp.pattern("reviews.stars", [] {
      const std::string star = "[\\x{2605}\\x{2606}\\x{2B50}\\x{2729}\\x{272A}\\x{272D}\\x{272E}\\x{272F}]";
      return "(?<!" + star + ")(?:" + star + "\\x{FE0F}?[ \\x{A0}]?){5}(?!" + star + ")";
    });
  }

  void run() {
    // A reviews tab or heading over "No reviews yet" / "Noch keine Bewertungen" shows none.
    bool none_yet = none_yet_->search(text_);
    for (const auto& m : none_yet ? std::vector<Match>{} : heading_->find_all(text_)) {
      if (heading_block(m)) add(m, "heading", "reviews heading");
      if (done_.count("heading")) break;
    }
    for (const auto& m : count_->find_all(text_)) {
      if (!readable(m.begin) || !short_line(m.begin)) continue;
      double n = first_count(std::string_view(text_).substr(m.begin, m.end - m.begin));
      if (n <= 0) continue;  // "0 avis": nothing shown
      if (Fact* f = add(m, "count", "review count")) f->attrs["count"] = n;
      break;
    }
    for (const auto& m : rating_->find_all(text_)) {
      // A link is a review form's star ("1 of 5 stars"), not a rating given.
      if (!readable(m.begin) || !short_line(m.begin) || inside_link(m.begin) || !rating_word_near(m)) continue;
      double r = first_decimal(std::string_view(text_).substr(m.begin, m.end - m.begin));
      if (Fact* f = add(m, "rating", "rating")) f->attrs["rating"] = r;
      break;
    }
    for (const auto& m : stars_->find_all(text_)) {
      if (!readable(m.begin) || !filled_->search(std::string_view(text_).substr(m.begin, m.end - m.begin))) continue;
      add(m, "stars", "star rating");
      break;
    }
  }

 private:
  bool readable(std::size_t offset) const { return pc_.doc->region_at(offset) != "consent"; }

  bool short_line(std::size_t offset) const {
    return line_end(text_, offset) - line_begin(text_, offset) <= kShortLine;
  }

  bool inside_link(std::size_t offset) const {
    for (const auto& l : pc_.doc->links) {
      if (offset >= l.offset && offset < l.offset + l.text.size()) return true;
    }
    return false;
  }

  // A heading stands as a block of its own in the page body (not a menu entry, not a footer
  // link, not a link at all): apart from a count or rating ("Avis clients (12)", "Bewertungen
  // 4,6 von 5") its line holds no other words ("Recenze sekačky Honda" is an article title).
  bool heading_block(const Match& m) const {
    static const TextPattern zero("\\(\\s*0\\s*\\)", false, "zero count");
    std::string region = pc_.doc->region_at(m.begin);
    if (region == "nav" || region == "header" || region == "footer" || region == "consent") return false;
    if (inside_link(m.begin)) return false;
    std::size_t b = line_begin(text_, m.begin), e = line_end(text_, m.end);
    std::string rest = std::string(text_.substr(b, m.begin - b)) + " " + std::string(text_.substr(m.end, e - m.end));
    static const TextPattern connective("(?<!\\p{L})(?:von|sur|out|of|de|z|ze|na|su|van|di|from|et|and|und|a)(?!\\p{L})", true,
                                        "review connectives");
    static const TextPattern letter("\\p{L}", false, "letter");
    auto strip = [&](const TextPattern& p, const std::string& s) {
      std::string kept;
      std::size_t from = 0;
      for (const auto& x : p.find_all(s)) {
        kept += s.substr(from, x.begin - from) + " ";
        from = x.end;
      }
      return kept + s.substr(from);
    };
    if (zero.search(rest)) return false;  // "Bewertungen (0)"
    std::string stripped = strip(connective, strip(*rating_word_, rest));
    return !letter.search(stripped);
  }

  // A rating needs a word saying it is one ("Note", "Bewertung", "hodnocení", "reviews") on
  // its line or the line above: "4/5" alone may be a step of a form or a size.
  bool rating_word_near(const Match& m) const {
    std::size_t b = line_begin(text_, m.begin);
    if (b > 0) b = line_begin(text_, b - 1);
    std::size_t e = line_end(text_, m.end);
    return rating_word_->search(std::string_view(text_).substr(b, e - b));
  }

  Fact* add(const Match& m, const std::string& signal, const std::string& note) {
    if (!done_.insert(signal).second) return nullptr;
    Fact f = statement_fact(pc_, "reviews_shown", m.begin, m.end, "consumer reviews shown: " + note);
    f.attrs["source"] = "text";
    f.attrs["vendor"] = "";
    f.attrs["signal"] = signal;
    out_.add(std::move(f));
    return &out_.facts.back();
  }

  const PageContext& pc_;
  FactStore& out_;
  const std::string& text_;
  const TextPattern *heading_, *count_, *rating_, *rating_word_, *stars_, *filled_, *none_yet_;
  std::set<std::string> done_;  // one fact per signal and page
};

}  // namespace

void extract_reviews_shown(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  shown_in_jsonld(pc, out);
  shown_by_widgets(pc, sp, out);
  TextReviews(pc, sp, out).run();
}

}  // namespace omnicheck::extract

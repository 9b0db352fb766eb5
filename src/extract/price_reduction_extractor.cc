// Announced price reductions and the statements of the prior price (PID 98/6/EC art. 6a, as
// amended by 2019/2161): every announced reduction must show the prior price, the lowest price
// applied in the 30 days before it, and a stated percentage must be computed from that price
// (CJEU C-330/23 Aldi Süd).
//
// A reduction is an old price shown against a current one: struck through (<del>, <s>,
// line-through), in an element whose class names an old price ("old-price", "compare-at-price",
// "streichpreis"; "regular-price" only inside a sale block), or introduced by wording ("au lieu
// de", "statt", "místo", "was"); or a percentage ("-20 %") or sale wording ("Soldes",
// "Reduziert") next to a current price. A comparison with a recommended retail price (UVP, RRP,
// "prix conseillé", "doporučená cena") is recorded with rrp: true, since it is no reduction of
// the trader's own price. Unit prices, thresholds ("dès 49 €"), instalments and "from" prices
// are no product price and take part in nothing. All wording and class tokens are lexicon data
// (rules/lexicon/prices/).
//
// A prior-price statement with an amount ("Prix le plus bas des 30 derniers jours : 79,00 €")
// covers the reduction nearest to it; one without an amount (a footnote: "Streichpreise =
// niedrigster Gesamtpreis der letzten 30 Tage") covers every reduction of its page.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "extract/price_scan.h"
#include "extract/statement_extractors.h"

namespace omnicheck::extract {
namespace {

// How far apart an old and a current price of one product may be written, and how far a
// percentage, sale wording or a prior-price statement may stand from the price it speaks of.
constexpr std::size_t kOldToNew = 100;
constexpr std::size_t kPercentToPrice = 60;
constexpr std::size_t kSaleWordToPrice = 40;
constexpr std::size_t kStatementToAmount = 60;
constexpr std::size_t kStatementToReduction = 250;
constexpr std::size_t kStatementOnProductPage = 800;
constexpr std::size_t kWordingWindow = 32;

struct Price {
  PriceSpan span;
  bool excluded = false;   // unit price, threshold, instalment, "from"
  bool reference = false;  // the amount of a prior-price statement
  bool old = false;
  bool weak_old = false;   // only a "regular price" class outside a sale block: pairs on its own line
  bool rrp = false;
  std::set<std::string> markers;  // struck, class, wording
};

struct Statement {
  std::size_t begin = 0, end = 0;
  std::optional<double> amount;
  std::string currency;
};

struct Reduction {
  std::optional<std::size_t> old_index;
  std::size_t new_index = 0;
  std::size_t begin = 0, end = 0;
  std::optional<double> percent;
  std::size_t percent_begin = 0, percent_end = 0;  // where the percentage is written
  std::set<std::string> markers;
  bool rrp = false;
  const Statement* statement = nullptr;  // the nearest item statement assigned to it
};

std::size_t gap(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  if (e1 <= b2) return b2 - e1;
  if (e2 <= b1) return b1 - e2;
  return 0;
}

std::size_t newlines_between(std::string_view text, std::size_t a, std::size_t b) {
  if (a > b) std::swap(a, b);
  return static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(a),
                                             text.begin() + static_cast<std::ptrdiff_t>(b), '\n'));
}

// Which reductions may lie near a range: each is registered in the 256-byte buckets its range
// covers, and a query reads only the buckets within reach. A page of 100,000 prices and
// percentages made every "nearest reduction" a walk over all of them (minutes).
class SpanBuckets {
 public:
  void add(std::size_t id, std::size_t begin, std::size_t end) {
    const std::size_t last = (std::max(end, begin + 1) - 1) / kBucket;
    for (std::size_t k = begin / kBucket; k <= last; ++k) buckets_[k].push_back(id);
  }
  // The ids of the ranges that may come within `within` bytes of [b, e): ascending, each
  // once, so that a caller keeping the first best of equals picks what a walk in order picks.
  std::vector<std::size_t> near(std::size_t b, std::size_t e, std::size_t within) const {
    std::vector<std::size_t> ids;
    const std::size_t from = b > within + 1 ? b - within - 1 : 0;
    for (std::size_t k = from / kBucket; k <= (e + within) / kBucket; ++k) {
      auto it = buckets_.find(k);
      if (it != buckets_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

 private:
  static constexpr std::size_t kBucket = 256;
  std::unordered_map<std::size_t, std::vector<std::size_t>> buckets_;
};

bool quiet_region(const std::string& region) { return region == "nav" || region == "header" || region == "footer"; }

class PriceReductionScan {
 public:
  PriceReductionScan(const PageContext& pc, const SitePatterns& sp) : pc_(pc), sp_(sp), text_(pc.doc->text) {}

  void run(FactStore& out) {
    for (const auto& span : find_prices(text_, sp_)) {
      if (pc_.doc->region_at(span.begin) == "consent") continue;
      Price p;
      p.span = span;
      prices_.push_back(std::move(p));
    }
    prices_by_begin_ = std::is_sorted(prices_.begin(), prices_.end(),
                                      [](const Price& a, const Price& b) { return a.span.begin < b.span.begin; });
    prices_sorted_ = prices_by_begin_ &&
                     std::all_of(prices_.begin(), prices_.end(),
                                 [](const Price& p) { return p.span.end - p.span.begin <= kLongestPrice; });
    mark_excluded();
    find_statements();
    mark_old_prices();
    pair_old_with_new();
    attach_percentages();
    attach_sale_words();
    assign_statements();
    // Facts in text order, as a person reads the page.
    std::stable_sort(reductions_.begin(), reductions_.end(),
                     [](const Reduction& a, const Reduction& b) { return a.begin < b.begin; });
    emit(out);
  }

 private:
  const TextPattern& lexicon_pattern(const std::string& key, const std::string& wrap_left = "",
                                     const std::string& wrap_right = "") {
    return sp_.pattern("price." + key + wrap_left + wrap_right,
                       [&] { return wrap_left + on_word_boundaries(lexicon_alternation(sp_.lex, key)) + wrap_right; });
  }

  // The same line before price i, not reaching back over the previous price.
  std::string_view before(std::size_t i, std::size_t window) const {
    std::size_t b = prices_[i].span.begin;
    std::size_t from = std::max(line_begin(text_, b), b > window ? b - window : 0);
    if (i > 0) from = std::max(from, std::min(prices_[i - 1].span.end, b));
    from = utf8_ceil(text_, from);
    return std::string_view(text_).substr(from, b - from);
  }

  std::string_view after(std::size_t i, std::size_t window) const {
    std::size_t e = prices_[i].span.end;
    std::size_t to = std::min(line_end(text_, e), e + window);
    if (i + 1 < prices_.size()) to = std::min(to, std::max(prices_[i + 1].span.begin, e));
    to = utf8_floor(text_, to);
    return std::string_view(text_).substr(e, to - e);
  }

  void mark_excluded() {
    const TextPattern& before_pat = lexicon_pattern("price.not_a_price_before", "", "[ :*]*$");
    const TextPattern& after_pat = lexicon_pattern("price.not_a_price_after", "^[ *]*", "");
    for (std::size_t i = 0; i < prices_.size(); ++i) {
      if (before_pat.search(before(i, kWordingWindow)) || after_pat.search(after(i, kWordingWindow))) {
        prices_[i].excluded = true;
      }
    }
    // An element classed as a unit or base price ("unit-price", "price-unit-reference").
    for (const auto& mark : pc_.doc->marks) {
      if (!token_matches(mark.classes, "price.unit_classes")) continue;
      for (auto& p : prices_) {
        if (p.span.begin >= mark.begin && p.span.begin < mark.end) p.excluded = true;
      }
    }
  }

  // The first price that may begin at or after `pos`: found by bisection when the prices are
  // in text order, else the first of all (callers then check every price).
  std::size_t first_price_from(std::size_t pos) const {
    if (!prices_by_begin_) return 0;
    return static_cast<std::size_t>(
        std::lower_bound(prices_.begin(), prices_.end(), pos,
                         [](const Price& p, std::size_t at) { return p.span.begin < at; }) -
        prices_.begin());
  }
  // Whether the walk from first_price_from may stop at price i: the prices after it begin later.
  bool past(std::size_t i, std::size_t pos) const { return prices_by_begin_ && prices_[i].span.begin > pos; }

  std::optional<std::size_t> price_starting_in(std::size_t from, std::size_t to) const {
    for (std::size_t i = first_price_from(from); i < prices_.size() && !past(i, to); ++i) {
      if (prices_[i].span.begin >= from && prices_[i].span.begin <= to) return i;
    }
    return std::nullopt;
  }

  void find_statements() {
    const TextPattern& prior = lexicon_pattern("price.prior_price");
    for (const auto& m : prior.find_all(text_)) {
      if (pc_.doc->region_at(m.begin) == "consent") continue;
      Statement s;
      s.begin = m.begin;
      s.end = m.end;
      auto i = price_starting_in(m.end, m.end + kStatementToAmount);
      if (i && newlines_between(text_, m.end, prices_[*i].span.begin) <= 1) {
        s.amount = prices_[*i].span.amount;
        s.currency = prices_[*i].span.currency;
        s.end = prices_[*i].span.end;
        prices_[*i].reference = true;
      } else {
        // The sentence of the footnote, without its full stop.
        s.end = std::min(line_end(text_, m.end), m.end + 200);
        std::size_t stop = text_.find_first_of(".!", m.end);
        if (stop != std::string::npos && stop < s.end) s.end = stop;
        s.end = utf8_floor(text_, s.end);
      }
      statements_.push_back(s);
    }
    // An element whose class names the prior price ("omnibus-price", Shopware's
    // "regulation-price", "lowest-price") states it whatever its wording ("Vorher 11,90 €*").
    for (const auto& mark : pc_.doc->marks) {
      if (!token_matches(mark.classes, "price.prior_price_classes")) continue;
      if (pc_.doc->region_at(mark.begin) == "consent") continue;
      // One amount only: a wrapper around a whole price block is no statement of one price.
      Price* only = nullptr;
      int inside = 0;
      for (auto& p : prices_) {
        if (p.span.begin < mark.begin || p.span.begin >= mark.end) continue;
        ++inside;
        only = &p;
      }
      if (inside != 1 || only->reference || only->excluded) continue;
      only->reference = true;
      statements_.push_back(Statement{std::max(mark.begin, line_begin(text_, only->span.begin)), only->span.end,
                                      only->span.amount, only->span.currency});
    }
    std::stable_sort(statements_.begin(), statements_.end(),
                     [](const Statement& a, const Statement& b) { return a.begin < b.begin; });
  }

  bool token_matches(const std::string& classes, const std::string& key) {
    if (classes.empty()) return false;
    const TextPattern& p = sp_.pattern("price.class." + key, [&] { return lexicon_alternation(sp_.lex, key); });
    std::size_t pos = 0;
    while (pos < classes.size()) {
      std::size_t b = classes.find_first_not_of(" \t\r\n", pos);
      if (b == std::string::npos) break;
      std::size_t e = classes.find_first_of(" \t\r\n", b);
      if (e == std::string::npos) e = classes.size();
      if (p.match_whole(std::string_view(classes).substr(b, e - b))) return true;
      pos = e;
    }
    return false;
  }

  void mark_old_prices() {
    const TextPattern& was = lexicon_pattern("price.was", "", "[ :*]*$");
    const TextPattern& rrp_words = lexicon_pattern("price.rrp");
    for (auto& mark : pc_.doc->marks) {
      bool regular = token_matches(mark.classes, "price.regular_classes");
      bool old_class = token_matches(mark.classes, "price.old_classes") ||
                       (regular && token_matches(mark.context, "price.sale_context_classes"));
      bool rrp_class = token_matches(mark.classes, "price.rrp_classes");
      if (!mark.struck && !old_class && !rrp_class && !regular) continue;
      for (std::size_t i = first_price_from(mark.begin); i < prices_.size() && !past(i, mark.end); ++i) {
        Price& p = prices_[i];
        if (p.span.begin < mark.begin || p.span.begin >= mark.end) continue;
        if (mark.struck) p.markers.insert("struck");
        if (old_class || rrp_class) p.markers.insert("class");
        // "regular-price" outside a sale block is an old price in PrestaShop's miniature and
        // the current price in Magento 1's price box: only a lower price beside it decides.
        if (regular && !old_class) p.weak_old = true;
        p.rrp |= rrp_class;
      }
    }
    for (std::size_t i = 0; i < prices_.size(); ++i) {
      Price& p = prices_[i];
      std::string_view lead = before(i, kWordingWindow + 8);
      if (was.search(lead)) p.markers.insert("wording");
      if (rrp_words.search(lead)) p.rrp = true;
      p.old = !p.excluded && !p.reference && (!p.markers.empty() || p.weak_old);
      if (!p.markers.empty()) p.weak_old = false;
      // RRP wording alone ("UVP 49,95 €") shows a comparison price as well.
      if (!p.excluded && !p.reference && p.rrp) {
        p.old = true;
        p.markers.insert("wording");
      }
    }
  }

  bool can_be_current(std::size_t j) const {
    const Price& p = prices_[j];
    return !p.excluded && !p.reference && !p.old;
  }

  // The current price of old price i: a lower price of the same currency close by, with no
  // other old price in between (that one belongs to the next product); the one in the same
  // product card (the most shared locator steps: JTL puts "bisheriger Preis" below the price,
  // nearer in text to the next card's), else the nearest.
  std::optional<std::size_t> current_price_of(std::size_t i) const {
    std::optional<std::size_t> best;
    std::pair<std::size_t, long> best_key{0, 0};
    const PriceSpan& o = prices_[i].span;
    auto consider = [&](std::size_t j) -> bool {  // false: stop looking further this way
      const PriceSpan& n = prices_[j].span;
      std::size_t g = gap(o.begin, o.end, n.begin, n.end);
      if (g > kOldToNew) return false;
      if (prices_[j].old) return false;
      // A zero "current price" is a fee waived ("Versand 4,95 € 0,00 €"), not a product's price.
      if (!can_be_current(j) || n.currency != o.currency || n.amount >= o.amount || n.amount <= 0) return true;
      std::size_t lines = newlines_between(text_, std::min(o.end, n.end), std::max(o.begin, n.begin));
      if (lines > (prices_[i].weak_old ? 0u : 2u)) return false;
      std::pair<std::size_t, long> key{shared_steps(o.begin, n.begin), -static_cast<long>(g)};
      if (!best || key > best_key) best = j, best_key = key;
      return false;
    };
    for (std::size_t j = i + 1; j < prices_.size() && consider(j);) ++j;
    for (std::size_t j = i; j-- > 0 && consider(j);) {
    }
    return best;
  }

  void add_reduction(Reduction r) {
    // One reduction per new price: found by index, not by a walk over all of them.
    auto known = reduction_of_price_.find(r.new_index);
    if (known != reduction_of_price_.end()) {
      Reduction& existing = reductions_[known->second];
      // An RRP and a struck own price for one product: the own price is the reduction.
      if (r.old_index && (!existing.old_index || (existing.rrp && !r.rrp))) {
        existing.old_index = r.old_index;
        existing.rrp = r.rrp;
      }
      existing.begin = std::min(existing.begin, r.begin);
      existing.end = std::max(existing.end, r.end);
      reduction_spans_.add(known->second, existing.begin, existing.end);
      existing.markers.insert(r.markers.begin(), r.markers.end());
      if (r.percent) {
        existing.percent = r.percent;
        existing.percent_begin = r.percent_begin;
        existing.percent_end = r.percent_end;
      }
      return;
    }
    reduction_of_price_[r.new_index] = reductions_.size();
    reduction_spans_.add(reductions_.size(), r.begin, r.end);
    reductions_.push_back(std::move(r));
  }

  void pair_old_with_new() {
    for (std::size_t i = 0; i < prices_.size(); ++i) {
      if (!prices_[i].old) continue;
      auto j = current_price_of(i);
      if (!j && prices_[i].weak_old) prices_[i].old = false;  // a current price after all
      if (!j) continue;  // a struck amount with no lower current price next to it
      Reduction r;
      r.old_index = i;
      r.new_index = *j;
      r.begin = std::min(prices_[i].span.begin, prices_[*j].span.begin);
      r.end = std::max(prices_[i].span.end, prices_[*j].span.end);
      r.markers = prices_[i].markers;
      if (r.markers.empty()) r.markers.insert("class");  // a weak old price, confirmed by the lower one
      r.rrp = prices_[i].rrp;
      add_reduction(std::move(r));
    }
  }

  // The reduction nearest to [b, e) within `within` bytes and two line breaks.
  Reduction* reduction_near(std::size_t b, std::size_t e, std::size_t within, std::size_t* found_gap = nullptr,
                            std::size_t max_newlines = 2) {
    Reduction* best = nullptr;
    std::size_t best_gap = within + 1;
    for (std::size_t id : reduction_spans_.near(b, e, within)) {
      Reduction& r = reductions_[id];
      std::size_t g = gap(b, e, r.begin, r.end);
      if (g < best_gap && newlines_between(text_, std::min(e, r.end), std::max(b, r.begin)) <= max_newlines) {
        best = &r, best_gap = g;
      }
    }
    if (found_gap) *found_gap = best_gap;
    return best;
  }

  // The first reduction beginning at most `within` bytes after `from`, with no other product
  // price in between (that one would be the badge's own; the same amount again is the same
  // product's, as Dawn renders its price once for the regular and once for the sale state).
  Reduction* reduction_after(std::size_t from, std::size_t within) {
    Reduction* best = nullptr;
    for (std::size_t id : reduction_spans_.near(from, from, within)) {
      Reduction& r = reductions_[id];
      if (r.begin < from || r.begin - from > within) continue;
      if (!best || r.begin < best->begin) best = &r;
    }
    if (!best) return nullptr;
    for (std::size_t j = first_price_from(from); j < prices_.size() && !past(j, best->begin); ++j) {
      const PriceSpan& p = prices_[j].span;
      if (p.begin < from || p.begin >= best->begin || prices_[j].excluded || prices_[j].reference) continue;
      const PriceSpan& now = prices_[best->new_index].span;
      if (p.currency == now.currency && p.amount == now.amount) continue;
      return nullptr;
    }
    return best;
  }

  // A current price close to [b, e) in the main content: a percentage or sale wording in a
  // menu or footer ("Sale %") announces no particular price.
  std::optional<std::size_t> price_near(std::size_t b, std::size_t e, std::size_t within, std::size_t max_newlines) {
    std::optional<std::size_t> best;
    std::size_t best_gap = within + 1;
    // Prices are in text order: only those that can lie within reach are looked at (a page of
    // 100,000 prices and percentages made this a product of the two).
    std::size_t first = 0, last = prices_.size();
    if (prices_sorted_) {
      const std::size_t reach = within + kLongestPrice;
      const std::size_t from = b > reach ? b - reach : 0;
      first = static_cast<std::size_t>(std::lower_bound(prices_.begin(), prices_.end(), from,
                                                        [](const Price& p, std::size_t at) { return p.span.begin < at; }) -
                                        prices_.begin());
      last = static_cast<std::size_t>(std::upper_bound(prices_.begin(), prices_.end(), e + within,
                                                       [](std::size_t at, const Price& p) { return at < p.span.begin; }) -
                                      prices_.begin());
    }
    for (std::size_t j = first; j < last; ++j) {
      const PriceSpan& n = prices_[j].span;
      if (!can_be_current(j)) continue;
      std::size_t g = gap(b, e, n.begin, n.end);
      if (g < best_gap && newlines_between(text_, std::min(e, n.end), std::max(b, n.begin)) <= max_newlines &&
          !quiet_region(pc_.doc->region_at(n.begin))) {
        best = j, best_gap = g;
      }
    }
    return best;
  }

  void attach_percentages() {
    const TextPattern& pct = sp_.pattern("price.percent_off", [&] {
      std::string words = on_word_boundaries(lexicon_alternation(sp_.lex, "price.discount_words"));
      std::string num = "(\\d{1,2}(?:[.,]\\d{1,2})?)";
      return "(?<![\\p{L}\\p{N}])[-−–] ?" + num + " ?%|(?<![\\p{L}\\p{N}.,])" + num + " ?% ?" + words +
             "|" + words + " (?:of |de |von |o |di |van |z )?[-−–]? ?" + num + " ?%";
    });
    for (const auto& m : pct.find_all(text_)) {
      if (pc_.doc->region_at(m.begin) == "consent") continue;
      std::string num = m.matched(0) ? m.group(text_, 0) : m.matched(1) ? m.group(text_, 1) : m.group(text_, 2);
      auto value = parse_amount(num);
      if (!value || *value <= 0 || *value >= 100) continue;
      // The percentage speaks of a reduction already seen (a badge beside a struck price) or
      // of a current price standing alone; whichever shares its product card (the most
      // locator steps: a badge above the product name is nearer in text to the previous
      // card's price), else the nearer.
      std::size_t reduction_gap = 0;
      Reduction* near = reduction_near(m.begin, m.end, kPercentToPrice + 20, &reduction_gap, 3);
      std::optional<std::size_t> j;
      if (!quiet_region(pc_.doc->region_at(m.begin))) j = price_near(m.begin, m.end, kPercentToPrice, 1);
      if (j && near && near->new_index == *j) j.reset();
      bool to_reduction = near && !j;
      if (near && j) {
        auto key_r = std::make_pair(shared_steps(m.begin, prices_[near->new_index].span.begin), -static_cast<long>(reduction_gap));
        auto key_j = std::make_pair(shared_steps(m.begin, prices_[*j].span.begin),
                                    -static_cast<long>(gap(m.begin, m.end, prices_[*j].span.begin, prices_[*j].span.end)));
        to_reduction = key_r >= key_j;
      }
      if (to_reduction) {
        if (near->percent) continue;  // its own percentage came first
        near->percent = *value;
        near->percent_begin = m.begin;
        near->percent_end = m.end;
        near->markers.insert("percent");
        near->begin = std::min(near->begin, m.begin);
        near->end = std::max(near->end, m.end);
        reduction_spans_.add(static_cast<std::size_t>(near - reductions_.data()), near->begin, near->end);
        continue;
      }
      if (!j) continue;  // "jusqu'à -50 %" with no price: no particular price is announced
      Reduction r;
      r.new_index = *j;
      r.begin = std::min(m.begin, prices_[*j].span.begin);
      r.end = std::max(m.end, prices_[*j].span.end);
      r.percent = *value;
      r.percent_begin = m.begin;
      r.percent_end = m.end;
      r.markers = {"percent"};
      add_reduction(std::move(r));
    }
  }

  // Sale wording alone announces a reduction only as a badge (a line of its own: "Soldes",
  // "Reduziert") or right before the price ("Sale price £30", "Sonderpreis: 39,95 €"); a word
  // in running text ("Garage Sale Table £40") does not.
  void attach_sale_words() {
    const TextPattern& sale = lexicon_pattern("price.sale_words");
    for (const auto& m : sale.find_all(text_)) {
      std::string region = pc_.doc->region_at(m.begin);
      if (region == "consent" || quiet_region(region)) continue;
      if (is_link_of_its_own(m) || hidden_state_badge(m)) continue;
      if (Reduction* r = reduction_near(m.begin, m.end, kSaleWordToPrice)) {
        r->markers.insert("sale_wording");
        continue;
      }
      std::string_view line = std::string_view(text_).substr(line_begin(text_, m.begin),
                                                              line_end(text_, m.end) - line_begin(text_, m.begin));
      bool badge = squeeze(line).size() <= m.end - m.begin + 4;
      auto j = price_near(m.begin, m.end, kSaleWordToPrice, badge ? 2 : 0);
      if (!j) continue;
      const PriceSpan& n = prices_[*j].span;
      bool just_before = n.begin >= m.end && n.begin - m.end <= 3;
      if (!badge && !just_before) continue;
      // A card's badge stands above its price (Dawn's card__badge over the image, Woo's
      // "Sale!" flash, PrestaShop's product-flags): a badge whose nearest price is the previous
      // card's last line, with a reduction following it, is that reduction's badge.
      if (badge && n.end <= m.begin) {
        if (Reduction* next = reduction_after(m.end, kStatementToReduction)) {
          next->markers.insert("sale_wording");
          continue;
        }
      }
      Reduction r;
      r.new_index = *j;
      r.begin = std::min(m.begin, n.begin);
      r.end = std::max(m.end, n.end);
      r.markers = {"sale_wording"};
      add_reduction(std::move(r));
    }
  }

  // A link that is the sale word and little else is a category ("Sale", "Soldes"), not a badge;
  // a product card that is one link holding a "Sale!" flash is longer.
  bool is_link_of_its_own(const Match& m) const {
    for (const auto& l : pc_.doc->links) {
      if (m.begin < l.offset || m.begin >= l.offset + l.text.size()) continue;
      if (l.text.size() <= m.end - m.begin + 4) return true;
    }
    return false;
  }

  // A badge the theme always renders and shows only in its container's sale state (Shopify
  // Dawn's "price__badge-sale" beside "price__badge-sold-out"): without a sale class around it
  // the stylesheet hides it. Badge classes: price.state_badge_classes.
  bool hidden_state_badge(const Match& m) {
    for (const auto& mark : pc_.doc->marks) {
      if (mark.begin > m.begin) break;
      if (m.end > mark.end || !token_matches(mark.classes, "price.state_badge_classes")) continue;
      if (!token_matches(mark.context, "price.sale_context_classes")) return true;
    }
    return false;
  }

  // How many leading steps the locators of the blocks at two offsets share: a statement and
  // the prices of one product card share the card's element, a neighbouring card differs at
  // its :nth-of-type step. Cards of one grid are built from one template, so their locators
  // have the same depth and compare step by step.
  std::size_t shared_steps(std::size_t a, std::size_t b) const {
    const html::Block* ba = pc_.doc->block_at(a);
    const html::Block* bb = pc_.doc->block_at(b);
    if (!ba || !bb) return 0;
    if (ba == bb) return 1000;
    // Whole steps equal from the start ("article:nth-of-type(1)" is not "…(2)").
    std::string_view la = ba->locator, lb = bb->locator;
    std::size_t steps = 0;
    while (!la.empty() && !lb.empty()) {
      std::size_t ea = la.find(" > "), eb = lb.find(" > ");
      if (la.substr(0, ea) != lb.substr(0, eb)) break;
      ++steps;
      la = ea == std::string_view::npos ? std::string_view() : la.substr(ea + 3);
      lb = eb == std::string_view::npos ? std::string_view() : lb.substr(eb + 3);
    }
    return steps;
  }

  // Each statement with an amount speaks of one reduction: the one in the same product card
  // (the most shared locator steps), else the one just before it (cards put the line below
  // their prices), else the nearest. One without an amount explains every reduction of the page.
  void assign_statements() {
    std::vector<const Statement*> left;
    for (const auto& s : statements_) {
      if (!s.amount) {
        page_note_ = &s;
        continue;
      }
      Reduction* best = nullptr;
      std::tuple<std::size_t, bool, long> best_key{0, false, 0};
      for (std::size_t id : reduction_spans_.near(s.begin, s.end, kStatementToReduction)) {
        Reduction& r = reductions_[id];
        std::size_t g = gap(s.begin, s.end, r.begin, r.end);
        if (g > kStatementToReduction || r.statement) continue;
        std::tuple<std::size_t, bool, long> key{shared_steps(s.begin, prices_[r.new_index].span.begin), r.end <= s.begin,
                                                -static_cast<long>(g)};
        if (!best || key > best_key) best = &r, best_key = key;
      }
      if (best) {
        best->statement = &s;
      } else {
        left.push_back(&s);
      }
    }
    // A product page may put the line further down, below variants and the basket button: a
    // statement no card claimed speaks of the nearest reduction still without one.
    for (const Statement* s : left) {
      Reduction* best = nullptr;
      std::size_t best_gap = kStatementOnProductPage + 1;
      for (std::size_t id : reduction_spans_.near(s->begin, s->end, kStatementOnProductPage)) {
        Reduction& r = reductions_[id];
        std::size_t g = gap(s->begin, s->end, r.begin, r.end);
        if (!r.statement && g < best_gap) best = &r, best_gap = g;
      }
      if (best) best->statement = s;
    }
  }

  static double round1(double v) { return std::round(v * 10) / 10; }

  void emit(FactStore& out) {
    for (const auto& s : statements_) {
      Fact f = statement_fact(pc_, "prior_price_statement", s.begin, s.end,
                              s.amount ? "prior price (lowest in the 30 days before the reduction)"
                                       : "page-level explanation of the prior price");
      f.attrs["amount"] = s.amount ? nlohmann::json(*s.amount) : nlohmann::json(nullptr);
      f.attrs["currency"] = s.currency;
      f.attrs["scope"] = s.amount ? "item" : "page";
      out.add(std::move(f));
    }
    for (const auto& r : reductions_) {
      const PriceSpan& n = prices_[r.new_index].span;
      Fact f = statement_fact(pc_, "price_reduction", r.begin, r.end,
                              r.rrp ? "comparison with a recommended retail price" : "announced price reduction");
      // What a person reads: the prices as written, and the percentage when it stands apart
      // (a badge above the product name).
      std::size_t pb = n.begin, pe = n.end;
      if (r.old_index) {
        pb = std::min(pb, prices_[*r.old_index].span.begin);
        pe = std::max(pe, prices_[*r.old_index].span.end);
      }
      std::string value = squeeze(std::string_view(text_).substr(pb, pe - pb));
      if (r.percent_begin != r.percent_end && (r.percent_end <= pb || r.percent_begin >= pe)) {
        value += " (" + squeeze(std::string_view(text_).substr(r.percent_begin, r.percent_end - r.percent_begin)) + ")";
      }
      f.attrs["value"] = value;
      f.attrs["new_price"] = n.amount;
      f.attrs["currency"] = n.currency;
      f.attrs["old_price"] = r.old_index ? nlohmann::json(prices_[*r.old_index].span.amount) : nlohmann::json(nullptr);
      f.attrs["percent"] = r.percent ? nlohmann::json(*r.percent) : nlohmann::json(nullptr);
      // The strongest sign first: struck, class, wording, percent, sale_wording.
      std::vector<std::string> markers;
      for (const char* m : {"struck", "class", "wording", "percent", "sale_wording"}) {
        if (r.markers.count(m)) markers.push_back(m);
      }
      f.attrs["marker"] = markers.empty() ? "" : markers.front();
      f.attrs["markers"] = markers;
      f.attrs["rrp"] = r.rrp;
      f.attrs["reference"] = r.rrp ? "rrp" : "own_price";
      std::optional<double> prior;
      std::string covered_by;
      if (r.statement) {
        covered_by = "near";
        prior = r.statement->amount;
      } else if (page_note_) {
        covered_by = "page_note";
        // The note says the struck prices are the 30-day lowest prices.
        if (r.old_index) prior = prices_[*r.old_index].span.amount;
      }
      f.attrs["prior_price_stated"] = !covered_by.empty();
      f.attrs["prior_price_source"] = covered_by;
      f.attrs["prior_price"] = prior ? nlohmann::json(*prior) : nlohmann::json(nullptr);
      // C-330/23 Aldi Süd: the announced percentage is computed from the prior price. One
      // point of rounding is allowed ("-33 %" for 33.4 %).
      std::string basis;
      if (r.percent && prior && *prior > 0) {
        double from_prior = (*prior - n.amount) / *prior * 100;
        f.attrs["percent_from_prior"] = round1(from_prior);
        basis = std::fabs(from_prior - *r.percent) <= 1.0 ? "prior" : "other";
      }
      f.attrs["percent_basis"] = basis;
      out.add(std::move(f));
    }
  }

  const PageContext& pc_;
  const SitePatterns& sp_;
  const std::string& text_;
  std::vector<Price> prices_;
  bool prices_by_begin_ = false;                        // in text order (first_price_from)
  bool prices_sorted_ = false;                          // by span.begin, each span short (price_near)
  SpanBuckets reduction_spans_;                         // places in reductions_ by where they lie
  std::map<std::size_t, std::size_t> reduction_of_price_;  // new_index -> its place in reductions_
  static constexpr std::size_t kLongestPrice = 64;
  std::vector<Statement> statements_;
  std::vector<Reduction> reductions_;
  const Statement* page_note_ = nullptr;
};

}  // namespace

void extract_price_reductions(const PageContext& pc, const SitePatterns& sp, FactStore& out) {
  PriceReductionScan(pc, sp).run(out);
}

}  // namespace omnicheck::extract

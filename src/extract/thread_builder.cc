#include "extract/thread_builder.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace omnicheck::extract {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;  // the earlier item stays the root, so thread numbers follow input order
  }

 private:
  std::vector<std::size_t> parent_;
};

std::string prefix_alternation(const Lexicon& lex) {
  std::string alt;
  for (const auto& p : lex.list("mail.reply_prefixes")) alt += (alt.empty() ? "" : "|") + escape_regex(p);
  return alt.empty() ? std::string("re") : alt;
}

}  // namespace

SubjectNormaliser::SubjectNormaliser(const Lexicon& lex)
    // One or more "Prefix[2]:" (colon also full-width or after a space, as French writes "Re :"),
    // and "[Ticket #123]" tags a help-desk puts in front.
    : prefix_("^(?:\\s*(?:(?:" + prefix_alternation(lex) +
                  ")\\s*(?:\\[\\d{1,3}\\]|\\(\\d{1,3}\\))?\\s*[:\\x{FF1A}]|\\[[^\\]]{1,40}\\]))+\\s*",
              true, "mail.reply_prefixes"),
      reply_([&lex] {
        std::string alt;
        for (const auto& p : lex.list("mail.reply_prefixes")) {
          const auto& fwd = lex.list("mail.forward_prefixes");
          if (std::find(fwd.begin(), fwd.end(), p) == fwd.end()) alt += (alt.empty() ? "" : "|") + escape_regex(p);
        }
        return "^\\s*(?:" + (alt.empty() ? std::string("re") : alt) + ")\\s*(?:\\[\\d{1,3}\\]|\\(\\d{1,3}\\))?\\s*[:\\x{FF1A}]";
      }(), true, "mail.reply_prefixes without forwards") {}

bool SubjectNormaliser::is_reply(std::string_view subject) const { return reply_.search(subject); }

std::string SubjectNormaliser::normalise(std::string_view subject) const {
  Match m;
  std::string_view rest = subject;
  if (prefix_.search(rest, &m) && m.begin == 0) rest = rest.substr(m.end);
  return squeeze(fold(rest));
}

namespace {

std::string quote_header_pattern(const Lexicon& lex) {
  std::string alt;
  for (const auto& p : lex.list("mail.quote_headers")) alt += (alt.empty() ? "" : "|") + p;
  return "(?m)(?:^[ \\t]*>|" + (alt.empty() ? std::string("(?!)") : alt) + ")";
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

QuoteReader::QuoteReader(const Lexicon& lex) : header_(quote_header_pattern(lex), true, "mail.quote_headers") {}

QuotedReply QuoteReader::read(std::string_view body) const {
  QuotedReply r;
  Match m;
  if (!header_.search(body, &m)) {
    r.own_end = body.size();
    return r;
  }
  r.quotes = true;
  std::size_t quote_begin = m.begin, quote_end = body.size();
  if (!blank(body.substr(0, m.begin))) {
    r.own_end = m.begin;  // top-posted: the reply, then the quote
  } else {
    // Bottom-posted: the quote header and "> " lines, then the reply, up to any later quote.
    std::size_t i = m.begin;
    while (i < body.size()) {
      std::size_t nl = body.find('\n', i);
      if (nl == std::string_view::npos) nl = body.size();
      std::string_view line = body.substr(i, nl - i);
      std::size_t first = line.find_first_not_of(" \t");
      bool quoted = first == std::string_view::npos || line[first] == '>' || i < m.end;
      if (!quoted) break;
      i = nl + 1;
    }
    if (i < body.size()) {
      quote_end = i;
      r.own_begin = i;
      Match later;
      r.own_end = header_.search_from(body, i, &later) ? later.begin : body.size();
      while (r.own_end > r.own_begin && blank(body.substr(r.own_end - 1, 1))) --r.own_end;
    } else {
      r.own_begin = r.own_end = m.begin;
    }
  }
  r.quoted_text = std::string(body.substr(quote_begin, quote_end - quote_begin));
  // The address its header names: "From: Jane Doe <jane@…>", "… <jane@…> wrote:".
  static const TextPattern address("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}", false, "address");
  std::string_view head = std::string_view(r.quoted_text).substr(0, 600);
  Match a;
  if (address.search(head, &a)) r.quoted_from = lower_ascii(std::string(head.substr(a.begin, a.end - a.begin)));
  return r;
}

std::string quote_key(std::string_view text) {
  std::string f = fold(text), out;
  for (unsigned char c : f) {
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(c);
  }
  return out;
}

ThreadSet build_threads(const std::vector<ThreadItem>& items) {
  const std::size_t n = items.size();
  UnionFind uf(n);
  std::map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < n; ++i) {
    if (items[i].message_id.empty()) continue;
    auto [it, fresh] = by_id.emplace(items[i].message_id, i);
    if (!fresh) uf.join(it->second, i);  // the same message saved twice
  }
  std::vector<bool> id_linked(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& pid : items[i].parent_ids) {
      auto it = by_id.find(pid);
      if (it == by_id.end() || it->second == i) continue;
      uf.join(it->second, i);
      id_linked[i] = id_linked[it->second] = true;
    }
  }
  // A message with no id link that quotes another message of the mailbox belongs with it.
  constexpr std::size_t kQuoteKeyMin = 24;
  std::vector<bool> quote_linked(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (id_linked[i] || items[i].quoted_key.empty()) continue;
    for (std::size_t j = 0; j < n; ++j) {
      const std::string& own = items[j].own_key;
      if (j == i || own.size() < kQuoteKeyMin) continue;
      if (items[i].quoted_key.find(std::string_view(own).substr(0, kQuoteKeyLen)) == std::string::npos) continue;
      uf.join(i, j);
      quote_linked[i] = true;
      if (!id_linked[j]) quote_linked[j] = true;
      break;
    }
  }
  // Fallback for clients and help-desks that drop In-Reply-To/References: a message with no id
  // link joins the first other message with its subject key (linked by ids or not).
  std::vector<bool> subject_linked(n, false);
  std::map<std::string, std::vector<std::size_t>> with_key;
  for (std::size_t i = 0; i < n; ++i) {
    if (!items[i].subject_key.empty()) with_key[items[i].subject_key].push_back(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (id_linked[i] || quote_linked[i] || items[i].subject_key.empty()) continue;
    for (std::size_t j : with_key.at(items[i].subject_key)) {
      if (j == i) continue;
      uf.join(i, j);
      subject_linked[i] = true;
      if (!id_linked[j] && !quote_linked[j]) subject_linked[j] = true;
      break;
    }
  }

  ThreadSet out;
  out.thread_of.assign(n, -1);
  out.linked_by.assign(n, "");
  std::map<std::size_t, int> thread_of_root;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t root = uf.find(i);
    auto [it, fresh] = thread_of_root.emplace(root, static_cast<int>(out.threads.size()));
    if (fresh) out.threads.emplace_back();
    out.thread_of[i] = it->second;
    out.threads[static_cast<std::size_t>(it->second)].push_back(i);
    out.linked_by[i] = id_linked[i] ? "message-id" : quote_linked[i] ? "quote" : subject_linked[i] ? "subject" : "";
  }
  return out;
}

}  // namespace omnicheck::extract

#include "extract/page_context.h"

namespace omnicheck::extract {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::size_t align_back(std::string_view t, std::size_t i) {
  while (i > 0 && i < t.size() && is_continuation(static_cast<unsigned char>(t[i]))) --i;
  return i;
}

std::size_t align_fwd(std::string_view t, std::size_t i) {
  while (i < t.size() && is_continuation(static_cast<unsigned char>(t[i]))) ++i;
  return i;
}

}  // namespace

std::string quote_text(std::string_view merchant_text) {
  std::string out = squeeze(merchant_text);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if ((out[i] == '[' && out[i + 1] == '[') || (out[i] == ']' && out[i + 1] == ']')) out.insert(i + 1, 1, ' ');
  }
  return out;
}

std::string make_snippet(std::string_view text, std::size_t begin, std::size_t end, std::size_t radius) {
  if (begin > text.size()) begin = text.size();
  if (end > text.size()) end = text.size();
  if (end < begin) end = begin;
  // Offsets inside a character (a byte-wise search, a cut by length) take the whole character.
  begin = align_back(text, begin);
  end = align_fwd(text, end);
  std::size_t from = begin > radius ? begin - radius : 0;
  std::size_t to = std::min(text.size(), end + radius);
  // Prefer whole lines: the block the match stands in is what a person looks for.
  // Only within the quoted window: a search to the page's ends made every quote on a page of
  // one long line cost the whole page.
  std::size_t line_start = begin > from ? text.substr(from, begin - from).rfind('\n') : std::string_view::npos;
  if (line_start != std::string_view::npos) from = from + line_start + 1;
  std::size_t line_end = to > end ? text.substr(end, to - end).find('\n') : std::string_view::npos;
  if (line_end != std::string_view::npos) to = end + line_end;
  // Both cuts move outwards to a character boundary (never past the line's ends, which are).
  from = align_back(text, from);
  to = align_fwd(text, to);
  std::string out;
  if (from > 0 && text[from - 1] != '\n') out += "…";
  out += quote_text(text.substr(from, begin - from));
  if (begin > from && std::isspace(static_cast<unsigned char>(text[begin - 1]))) out += ' ';
  out += "[[" + quote_text(text.substr(begin, end - begin)) + "]]";
  if (to > end && std::isspace(static_cast<unsigned char>(text[end]))) out += ' ';
  out += quote_text(text.substr(end, to - end));
  if (to < text.size() && text[to] != '\n') out += "…";
  return out;
}

Evidence page_evidence(const fetch::Page& page, std::string note) {
  Evidence e;
  e.url = page.final_url.empty() ? page.requested_url : page.final_url;
  e.fetched_at = page.fetched_at;
  e.status = page.status;
  e.sha256 = page.sha256;
  if (!page.rendered_sha256.empty()) {
    e.dom = "rendered";
    e.rendered_sha256 = page.rendered_sha256;
  }
  e.note = std::move(note);
  return e;
}

Evidence web_evidence(const PageContext& pc, std::size_t begin, std::size_t end, std::string note) {
  Evidence e = page_evidence(*pc.page, "");
  if (const html::Block* b = pc.doc->block_at(begin)) {
    e.locator = b->locator;
    e.region = b->region;
  }
  e.snippet = make_snippet(pc.doc->text, begin, end);
  e.note = std::move(note);
  return e;
}

nlohmann::json site_attrs(const PageContext& pc, std::size_t offset) {
  return {{"page_url", pc.page->final_url},
          {"region", pc.doc->region_at(offset)},
          {"on_home", pc.is_home},
          {"visible", true}};
}

}  // namespace omnicheck::extract

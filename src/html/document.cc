#include <algorithm>

#include "html/html.h"

namespace omnicheck::html {

Document parse_utf8(const std::string& utf8, const std::string& url);

const Block* Document::block_at(std::size_t offset) const {
  auto it = std::upper_bound(blocks.begin(), blocks.end(), offset,
                             [](std::size_t off, const Block& b) { return off < b.begin; });
  if (it == blocks.begin()) return nullptr;
  --it;
  return offset <= it->end ? &*it : nullptr;
}

std::string Document::region_at(std::size_t offset) const {
  const Block* b = block_at(offset);
  return b ? b->region : "main";
}

Document parse(const fetch::Page& page) {
  const std::string& url = page.final_url.empty() ? page.requested_url : page.final_url;
  if (!page.rendered_dom.empty()) {
    // The browser serialized its DOM as UTF-8; bytes it could not decode were already replaced.
    std::string used;
    Document doc = parse_utf8(to_utf8(page.rendered_dom, "utf-8", &used), url);
    doc.charset = "utf-8";
    return doc;
  }
  std::string used;
  std::string utf8 = to_utf8(page.body, page.charset, &used);
  Document doc = parse_utf8(utf8, url);
  doc.charset = used;
  return doc;
}

std::string html_to_text(std::string_view html_utf8) {
  return parse_utf8(std::string(html_utf8), "about:blank").text;
}

}  // namespace omnicheck::html

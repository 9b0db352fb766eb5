#include "fetch/sitemap_parser.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "fetch/http_content_decoder.h"

namespace omnicheck::fetch {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string text_of(xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  if (!s) return {};
  std::string out(reinterpret_cast<const char*>(s));
  xmlFree(s);
  std::size_t b = out.find_first_not_of(" \t\r\n");
  std::size_t e = out.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

}  // namespace

SitemapContents parse_sitemap(const std::string& body, std::size_t max_bytes, std::size_t max_urls) {
  SitemapContents out;
  std::string xml = body;
  if (body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
      static_cast<unsigned char>(body[1]) == 0x8b) {
    ContentDecoder dec("gzip", max_bytes);
    if (!dec.feed(body.data(), body.size()) || !dec.finish()) {
      out.error = "sitemap: " + dec.error();
      return out;
    }
    xml = dec.take_output();
  }
  if (xml.size() > max_bytes) {
    out.error = "sitemap larger than " + std::to_string(max_bytes) + " bytes";
    return out;
  }
  // NONET: no DTD or entity fetched over the network; no NOENT: entities are not expanded
  // (billion-laughs); HUGE is deliberately not set, keeping libxml2's own size limits.
  int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "sitemap.xml", nullptr, flags));
  if (!doc) {
    out.error = "sitemap is not well-formed XML";
    return out;
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !(named(root, "urlset") || named(root, "sitemapindex"))) {
    out.error = "sitemap root is neither <urlset> nor <sitemapindex>";
    return out;
  }
  bool index = named(root, "sitemapindex");
  const char* entry = index ? "sitemap" : "url";
  for (xmlNode* e = root->children; e; e = e->next) {
    if (!named(e, entry)) continue;
    for (xmlNode* c = e->children; c; c = c->next) {
      if (!named(c, "loc")) continue;
      std::string loc = text_of(c);
      if (loc.empty()) continue;
      if (out.page_urls.size() + out.sitemap_urls.size() >= max_urls) return out;
      (index ? out.sitemap_urls : out.page_urls).push_back(loc);
    }
  }
  return out;
}

}  // namespace omnicheck::fetch

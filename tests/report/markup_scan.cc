#include "report/markup_scan.h"

#include <algorithm>

#if OMNICHECK_TEST_LIBXML2
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#endif

namespace omnicheck::report::testing {

int MarkupScan::element_count(const std::string& name) const {
  return static_cast<int>(std::count(elements.begin(), elements.end(), name));
}

std::vector<std::string> MarkupScan::attribute_values(const std::string& element,
                                                      const std::string& attribute) const {
  std::vector<std::string> out;
  for (const auto& e : all) {
    if (e.name != element) continue;
    for (const auto& [k, v] : e.attrs) {
      if (k == attribute) out.push_back(v);
    }
  }
  return out;
}

#if OMNICHECK_TEST_LIBXML2
namespace {

std::string content(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

void walk(xmlNode* n, MarkupScan& scan) {
  for (; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      MarkupScan::Element el;
      el.name = reinterpret_cast<const char*>(n->name);
      for (xmlAttr* a = n->properties; a; a = a->next) {
        xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
        std::string value = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        const std::string name = reinterpret_cast<const char*>(a->name);
        el.attrs.emplace_back(name, value);
        scan.attributes.push_back(name + "=" + value);
        if (name == "href") scan.hrefs.push_back(value);
      }
      el.text = content(n);
      if (el.name == "mark") scan.marks.push_back(el.text);
      scan.elements.push_back(el.name);
      scan.all.push_back(std::move(el));
    }
    walk(n->children, scan);
  }
}

MarkupScan scan_doc(xmlDoc* doc) {
  MarkupScan scan;
  if (!doc) return scan;
  scan.parsed = true;
  xmlNode* root = xmlDocGetRootElement(doc);
  walk(root, scan);
  if (root) scan.text = content(root);
  xmlFreeDoc(doc);
  return scan;
}

}  // namespace

MarkupScan scan_html(const std::string& html) {
  return scan_doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
}

MarkupScan scan_xml(const std::string& xml) {
  // Strict: any well-formedness or encoding error makes the parse fail.
  return scan_doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}
#else
MarkupScan scan_html(const std::string&) { return {}; }
MarkupScan scan_xml(const std::string&) { return {}; }
#endif

}  // namespace omnicheck::report::testing

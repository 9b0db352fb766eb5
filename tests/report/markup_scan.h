// Parses report output with libxml2 (HTML with the HTML parser, JUnit with the XML parser) and
// collects what the escaping tests look for. libxml2 reaches report_tests only when
// tests/CMakeLists.txt links PkgConfig::LIBXML2; without it the parse-based checks skip.
#pragma once

#include <string>
#include <vector>

#if __has_include(<libxml/HTMLparser.h>)
#define OMNICHECK_TEST_LIBXML2 1
#else
#define OMNICHECK_TEST_LIBXML2 0
#endif

namespace omnicheck::report::testing {

struct MarkupScan {
  bool parsed = false;
  std::vector<std::string> elements;    // every element name, document order
  std::vector<std::string> attributes;  // every attribute as name=value
  std::vector<std::string> hrefs;
  std::vector<std::string> marks;  // text content of each <mark>
  std::string text;                // text content of the whole document
  int element_count(const std::string& name) const;
  std::vector<std::string> attribute_values(const std::string& element,
                                            const std::string& attribute) const;
  struct Element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attrs;
    std::string text;
  };
  std::vector<Element> all;
};

MarkupScan scan_html(const std::string& html);  // htmlReadMemory
MarkupScan scan_xml(const std::string& xml);    // xmlReadMemory, no entities, no network

}  // namespace omnicheck::report::testing

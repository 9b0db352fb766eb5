// Baseline for the parse-limit row: reads every *.html file below a folder and parses it with
// Gumbo (the HTML5 parser omnicheck's html stage uses), nothing else: one file at a time, read,
// parse, walk the tree once to count elements and text bytes (so the work cannot be skipped),
// free. Built by bench/run with g++ -O2 against Debian's libgumbo.
//
//   gumbo_parse DIR     prints: files, bytes, elements, text bytes
#include <gumbo.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (e.is_regular_file() && e.path().extension() == ".html") files.push_back(e.path());
  }
  unsigned long long bytes = 0, elements = 0, text = 0;
  std::string buf;
  std::vector<const GumboNode*> stack;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    buf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += buf.size();
    // The same options as omnicheck's own parse (src/html/document_builder.cc): no parse errors kept.
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, buf.data(), buf.size());
    stack.assign(1, out->root);
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
        ++elements;
        const GumboVector& c = n->v.element.children;
        for (unsigned i = 0; i < c.length; ++i) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
      } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
        for (const char* p = n->v.text.text; *p; ++p) ++text;
      }
    }
    gumbo_destroy_output(&options, out);
  }
  std::printf("files=%zu bytes=%llu elements=%llu text_bytes=%llu\n", files.size(), bytes, elements, text);
  return 0;
}

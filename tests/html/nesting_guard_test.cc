// The depth estimate that keeps Gumbo from quadratic work on hostile nesting (issue 16): it
// cuts only pathological pages, never ordinary sloppy markup.
#include "html/nesting_guard.h"

#include <gtest/gtest.h>

#include <string>

#include "html/html.h"

namespace omnicheck::html {
namespace {

TEST(NestingGuard, CutsWhereTheDepthPassesTheLimit) {
  std::string html = "<!doctype html><html><body>";
  for (int i = 0; i < 5000; ++i) html += "<div>";
  const std::size_t cut = nesting_cut(html, 4096);
  ASSERT_NE(cut, std::string::npos);
  // <html> and <body> count too: the cut is at the 4,095th <div>.
  EXPECT_EQ(cut, std::string("<!doctype html><html><body>").size() + 4094 * 5);
}

TEST(NestingGuard, OrdinarySloppyMarkupIsNeverCut) {
  std::string html = "<!doctype html><html><head><script>var s = '";
  for (int i = 0; i < 6000; ++i) html += "<div>";  // tags inside a script are text
  html += "';</script><style>div>p{color:red}</style></head><body><!-- ";
  for (int i = 0; i < 6000; ++i) html += "<span>";  // and inside a comment
  html += " --><ul>";
  for (int i = 0; i < 8000; ++i) html += "<li><p>Artikel " + std::to_string(i) + "<br><img src=x.png><a href=/p>mehr";
  html += "</ul>";
  for (int i = 0; i < 300; ++i) html += "<div class=wrap>";
  html += "<input type=text/></body></html>";
  EXPECT_EQ(nesting_cut(html, 4096), std::string::npos);
}

TEST(NestingGuard, AnElementWithTooManyAttributesIsCut) {
  std::string html = "<!doctype html><html><body><p>vorher</p><div";
  const std::size_t at = html.size() - 4;
  for (int i = 0; i < 5000; ++i) html += " data-a" + std::to_string(i) + "=x";
  html += ">x</div></body></html>";
  EXPECT_EQ(nesting_cut(html, 4096), at);
  // Counter-case: a long quoted value (a shop's product JSON in a data attribute) is one
  // attribute, whatever it holds, and a '>' inside quotes does not end the tag.
  std::string json = "<!doctype html><html><body><div data-product='{";
  for (int i = 0; i < 5000; ++i) json += "\"k" + std::to_string(i) + "\": \"a > b\", ";
  json += "\"end\": 1}' class=\"product\">x</div></body></html>";
  EXPECT_EQ(nesting_cut(json, 4096), std::string::npos);
}

TEST(NestingGuard, APageCutIsReadUpToTheCutAndSaysSo) {
  std::string body = "<!doctype html><html><body><p>Impressum: Werkstatt Test GmbH, info@werkstatt-test.de</p>";
  for (int i = 0; i < 10000; ++i) body += "<section>";
  body += "Tel. 030 1234567</body></html>";
  fetch::Page p;
  p.requested_url = p.final_url = "https://werkstatt-test.de/";
  p.status = 200;
  p.content_type = "text/html";
  p.body = body;
  Document d = parse(p);
  EXPECT_NE(d.text.find("info@werkstatt-test.de"), std::string::npos);
  EXPECT_EQ(d.text.find("030 1234567"), std::string::npos);  // past the cut: not read, and said so
  EXPECT_NE(d.limit_note.find("4096"), std::string::npos) << d.limit_note;
}

}  // namespace
}  // namespace omnicheck::html

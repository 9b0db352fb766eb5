// Links to the EU ODR platform: as links, as a written address, and not other EU pages.
#include <gtest/gtest.h>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

using testing::facts_of_page;

TEST(OdrLinks, LinkedAndWrittenAddresses) {
  auto s = facts_of_page(
      "<footer><p>Die EU-Kommission stellt eine Plattform zur Online-Streitbeilegung (OS) bereit: "
      "<a href=\"https://ec.europa.eu/consumers/odr/\">https://ec.europa.eu/consumers/odr/</a>.</p>"
      "<p>Plateforme RLL : http://ec.europa.eu/consumers/odr/main/index.cfm?event=main.home2.show&amp;lng=FR</p></footer>",
      "https://shop.example.de/impressum", "DE");
  auto links = s.of_type("odr_link");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_TRUE(links[0]->attrs["linked"].get<bool>());
  EXPECT_EQ(links[0]->attrs["region"], "footer");
  EXPECT_FALSE(links[1]->attrs["linked"].get<bool>());
  EXPECT_NE(links[1]->attrs["url"].get<std::string>().find("ec.europa.eu/consumers/odr/main"), std::string::npos);
}

TEST(OdrLinks, OtherEuropeanPagesAreNoOdrLink) {
  auto s = facts_of_page(
      "<p><a href=\"https://ec.europa.eu/info/live-work-travel-eu/consumer-rights-and-complaints_en\">Your rights</a> "
      "<a href=\"https://commission.europa.eu/\">European Commission</a></p>",
      "https://shop.example.de/", "DE");
  EXPECT_TRUE(s.of_type("odr_link").empty());
}

}  // namespace
}  // namespace omnicheck::extract

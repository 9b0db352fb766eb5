// Live-chat widgets recognised from the loader snippets vendors give merchants (written here
// in their published shape with invented account ids), and pages that only talk about chat.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

FactStore extract_page(const std::string& html, const std::string& url = "https://shop.example/") {
  return testing::facts_of_page(html, url);
}

std::vector<std::string> vendors(const FactStore& s) {
  std::vector<std::string> out;
  for (const auto* f : s.of_type("chat_widget")) out.push_back(f->attrs.value("vendor", std::string()));
  std::sort(out.begin(), out.end());
  return out;
}

std::string page(const std::string& head, const std::string& body = "<p>Welcome</p>") {
  return "<!doctype html><html><head><title>Shop</title>" + head + "</head><body>" + body + "</body></html>";
}

struct Snippet {
  std::string vendor, head, body;
};

const std::vector<Snippet> kSnippets = {
    {"Zendesk", "<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js?key=0f0e1d2c-aaaa-bbbb\"></script>", ""},
    {"Intercom",
     "<script>window.intercomSettings = {api_base: \"https://api-iam.intercom.io\", app_id: \"abc123de\"};</script>"
     "<script>(function(){var w=window;var ic=w.Intercom;})();</script>",
     ""},
    {"LiveChat",
     "<script>window.__lc = window.__lc || {}; window.__lc.license = 12345678; "
     "(function(n,t,c){})(window,document,[]);</script>",
     ""},
    {"Crisp",
     "<script type=\"text/javascript\">window.$crisp=[];window.CRISP_WEBSITE_ID=\"0000-1111\";(function(){d=document;"
     "s=d.createElement(\"script\");s.src=\"https://client.crisp.chat/l.js\";s.async=1;})();</script>",
     ""},
    {"Tawk.to", "",
     "<script type=\"text/javascript\">var Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();(function(){var s1="
     "document.createElement(\"script\");s1.src='https://embed.tawk.to/5f0000/default';})();</script>"},
    {"Freshchat", "<script src=\"https://wchat.freshchat.com/js/widget.js\"></script>",
     "<script>window.fcWidget.init({token: \"tok\", host: \"https://wchat.freshchat.com\"});</script>"},
    {"HubSpot", "", "<div id=\"hubspot-messages-iframe-container\" class=\"widget-align-right\"></div>"},
    {"Gorgias", "<script id=\"gorgias-chat-widget-install-v3\" src=\"https://config.gorgias.chat/bundle-loader/01HXYZ\"></script>", ""},
    {"Smartsupp",
     "<script type=\"text/javascript\">var _smartsupp = _smartsupp || {}; _smartsupp.key = 'abcdef0123';</script>", ""},
};

class WidgetSnippet : public ::testing::TestWithParam<Snippet> {};

TEST_P(WidgetSnippet, IsRecognisedWithItsVendorAndEvidence) {
  const Snippet& s = GetParam();
  auto facts = extract_page(page(s.head, "<p>Welcome</p>" + s.body));
  ASSERT_EQ(vendors(facts), std::vector<std::string>{s.vendor});
  const Fact* f = facts.of_type("chat_widget").front();
  EXPECT_EQ(f->attrs["value"], s.vendor);
  EXPECT_EQ(f->evidence.url, "https://shop.example/");
  EXPECT_EQ(f->evidence.sha256.size(), 64u);
  EXPECT_NE(f->evidence.snippet.find("[["), std::string::npos) << f->evidence.snippet;
  EXPECT_FALSE(f->attrs.value("found_in", std::string()).empty());
}

INSTANTIATE_TEST_SUITE_P(Vendors, WidgetSnippet, ::testing::ValuesIn(kSnippets), [](const auto& info) {
  std::string n = info.param.vendor;
  for (auto& c : n) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return n;
});

TEST(ChatWidgets, OneFactPerVendorAndPageAndSeveralVendorsTogether) {
  auto facts = extract_page(page(
      "<script src=\"https://embed.tawk.to/5f0000/default\"></script><script src=\"https://embed.tawk.to/5f0000/other\"></script>"
      "<script src=\"https://widget.intercom.io/widget/abc123de\"></script>"));
  EXPECT_EQ(vendors(facts), (std::vector<std::string>{"Intercom", "Tawk.to"}));
}

TEST(ChatWidgets, PageThatOnlyTalksAboutChatHasNoWidget) {
  auto facts = extract_page(page(
      "<script src=\"/assets/chat-bubbles.js\"></script><script>var chatOpen = false; // live chat coming soon</script>",
      "<h1>Live chat</h1><p>Chat with us! Our live chat via Zendesk, Intercom or Tawk.to is coming soon. "
      "Visit embed.tawk.to or write to <a href=\"https://www.zendesk.com/\">our Zendesk help centre</a>.</p>"
      "<p>Class \"fb-customerchat\" and id=hubspot-messages-iframe-container are just words here.</p>"));
  EXPECT_TRUE(vendors(facts).empty()) << facts.of_type("chat_widget").front()->evidence.snippet;
}

TEST(ChatWidgets, AnalyticsTagOfAChatVendorIsNoChat) {
  // HubSpot's tracking loader loads a chat only when the merchant turned one on.
  auto facts = extract_page(page("<script id=\"hs-script-loader\" async defer src=\"//js.hs-scripts.com/1234567.js\"></script>"));
  EXPECT_TRUE(vendors(facts).empty());
}

TEST(ChatWidgets, MarkupInAnotherCharsetIsQuotedSafely) {
  // windows-1250 bytes around the container: the quote must stay valid UTF-8 for the report.
  std::string html = page("<meta charset=\"windows-1250\">",
                          "<p>Nap\x9Ate n\xE1m</p><div id=\"hubspot-messages-iframe-container\" title=\"\x9A\"></div>");
  auto facts = extract_page(html);
  ASSERT_EQ(vendors(facts), std::vector<std::string>{"HubSpot"});
  EXPECT_NO_THROW(facts.of_type("chat_widget").front()->to_json().dump());
}

// A vendor's markup patterns run only on pages holding one of its `markup_hint` literals, so
// every markup pattern must spell one of them (case-folded): a hint that a pattern does not
// require would hide the widget. Checked for the chat and the review widgets alike; and the
// Zendesk container, whose hint is present, is still found in upper-case markup.
TEST(ChatWidgets, EveryMarkupPatternSpellsOneOfItsHints) {
  auto raw = testing::lexicon().raw();
  int checked = 0;
  for (const char* list : {"chat_widgets", "review_widgets"}) {
    for (const auto& e : raw["channels"][list]) {
      if (!e.contains("markup_hint")) continue;
      for (const auto& p : e["markup"]) {
        std::string pattern = p.get<std::string>();
        for (auto& c : pattern) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool spelled = false;
        for (const auto& h : e["markup_hint"]) spelled |= pattern.find(h.get<std::string>()) != std::string::npos;
        EXPECT_TRUE(spelled) << list << " " << e["vendor"] << ": " << p;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 20);
  auto facts = extract_page(page("", "<SCRIPT ID=\"ZE-SNIPPET\" SRC=\"/zd.js\"></SCRIPT><p>Hilfe</p>"));
  EXPECT_EQ(vendors(facts), std::vector<std::string>{"Zendesk"});
}

TEST(ChatWidgets, CommonVendorsOfTheRuleCatalogueAreListed) {
  Lexicon lex = testing::lexicon();
  auto raw = lex.raw();
  EXPECT_TRUE(raw.contains("channels") && raw["channels"].contains("chat_widgets"));
  EXPECT_GE(raw["channels"]["chat_widgets"].size(), 8u) << "the common vendors of RULES.md are listed";
  for (const char* v : {"Zendesk", "Intercom", "LiveChat", "Crisp", "Tawk.to", "Freshchat", "HubSpot", "Gorgias"}) {
    bool listed = false;
    for (const auto& e : raw["channels"]["chat_widgets"]) listed |= e.value("vendor", std::string()) == v;
    EXPECT_TRUE(listed) << v;
  }
}

}  // namespace
}  // namespace omnicheck::extract

// The escaping primitives every renderer builds on.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::Segment;

const std::string kFffd = "\xEF\xBF\xBD";

TEST(EscapeHtml, EscapesTheFiveSpecials) {
  EXPECT_EQ(escape_html("<a href=\"x\" title='y'>Tom & Jerry</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  EXPECT_EQ(escape_html("Příklad – 10 000 € 😀"), "Příklad – 10 000 € 😀");
  EXPECT_EQ(escape_html(""), "");
}

TEST(EscapeHtml, DoesNotDoubleDecodeEntitiesInMerchantText) {
  // A merchant writing "&lt;script&gt;" must be shown those characters, not a tag.
  EXPECT_EQ(escape_html("&lt;script&gt;"), "&amp;lt;script&amp;gt;");
}

TEST(EscapeHtml, ReplacesInvalidUtf8AndXmlForbiddenControls) {
  EXPECT_EQ(escape_html("a\xFF"
                        "b"),
            "a" + kFffd + "b");
  EXPECT_EQ(escape_html(std::string("x\x01y\0z", 5)), "x&lt;U+0001&gt;y&lt;U+0000&gt;z");
  EXPECT_EQ(escape_html("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
}

// Issue 17: a merchant's ESC, BEL or bidi override never acts on the screen that shows it; it is
// shown as its code point. Ordinary text, accents and emoji pass unchanged.
TEST(ShowControls, ControlsAndBidiOverridesBecomeVisibleCodePoints) {
  EXPECT_EQ(show_controls("Lieferung \x1b[2J\x07" "fertig"), "Lieferung <U+001B>[2J<U+0007>fertig");
  EXPECT_EQ(show_controls("https://shop.example/\xE2\x80\xAE" "fdp.exe"), "https://shop.example/<U+202E>fdp.exe");
  EXPECT_EQ(show_controls("\xE2\x81\xA6isolate\xE2\x81\xA9"), "<U+2066>isolate<U+2069>");
  EXPECT_EQ(show_controls("csi \xC2\x9B" "31m"), "csi <U+009B>31m");  // C1 CSI in UTF-8
  EXPECT_EQ(show_controls("del\x7f"), "del<U+007F>");
  EXPECT_EQ(show_controls("Příliš žluťoučký kůň – 10 € 😀"), "Příliš žluťoučký kůň – 10 € 😀");
  EXPECT_EQ(show_controls("two\nlines\tand tab"), "two\nlines\tand tab");
  EXPECT_EQ(show_controls("two\nlines\r", false), "two<U+000A>lines<U+000D>");
  EXPECT_EQ(show_controls("bad\xFF"), "bad" + kFffd);
  EXPECT_EQ(escape_html("a\xE2\x80\xAE" "b"), "a&lt;U+202E&gt;b");
  EXPECT_EQ(detail::csv_field("=cmd\x1b"), "'=cmd<U+001B>");
  EXPECT_EQ(detail::escape_markdown("x\xE2\x80\x8Fy"), "x&lt;U+200F&gt;y");
}

TEST(ValidUtf8, ReplacesEachMaximalIllFormedSubpart) {
  EXPECT_EQ(detail::valid_utf8("ok é € 😀"), "ok é € 😀");
  EXPECT_EQ(detail::valid_utf8("\xC3\x28"), kFffd + "(");    // lead without continuation
  EXPECT_EQ(detail::valid_utf8("\xC0\xAF"), kFffd + kFffd);  // overlong '/'
  EXPECT_EQ(detail::valid_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // surrogate D800
  EXPECT_EQ(detail::valid_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // >10FFFF
  EXPECT_EQ(detail::valid_utf8("end\xE2\x82"), "end" + kFffd);  // truncated euro sign
  EXPECT_EQ(detail::valid_utf8("\xE2\x82"
                               "x"),
            kFffd + "x");
  EXPECT_EQ(detail::valid_utf8("\xFE\xFF"), kFffd + kFffd);
}

TEST(EscapeXml, AttributesKeepWhitespaceAsReferences) {
  EXPECT_EQ(detail::escape_xml("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(detail::escape_xml("a\tb\nc", false), "a\tb\nc");
  EXPECT_EQ(detail::escape_xml("]]> <![CDATA["), "]]&gt; &lt;![CDATA[");
  EXPECT_EQ(detail::escape_xml("\xEF\xBF\xBE"), kFffd);  // U+FFFE is not an XML character
}

TEST(EscapeMarkdown, KeepsMerchantTextInlineAndInert) {
  EXPECT_EQ(detail::escape_markdown("a | b"), "a \\| b");
  EXPECT_EQ(detail::escape_markdown("<script>x</script>"), "&lt;script&gt;x&lt;/script&gt;");
  EXPECT_EQ(detail::escape_markdown("line\n# heading\n- item"), "line \\# heading - item");
  EXPECT_EQ(detail::escape_markdown("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript:alert\\(1\\)\\)");
  EXPECT_EQ(detail::escape_markdown("*bold* _it_ `code` ~s~ !"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~ \\!");
  EXPECT_EQ(detail::escape_markdown("Příklad & co."), "Příklad &amp; co.");
  EXPECT_EQ(detail::escape_markdown("C:\\shop\\*"), "C:\\\\shop\\\\\\*");
}

TEST(CsvField, QuotesPerRfc4180) {
  EXPECT_EQ(detail::csv_field("plain"), "plain");
  EXPECT_EQ(detail::csv_field(""), "");
  EXPECT_EQ(detail::csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(detail::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(detail::csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(CsvField, NeutralisesFormulaTriggers) {
  EXPECT_EQ(detail::csv_field("=1+1"), "'=1+1");
  EXPECT_EQ(detail::csv_field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(detail::csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(detail::csv_field("@SUM(1)"), "'@SUM(1)");
  EXPECT_EQ(detail::csv_field("\tx"), "'\tx");
  EXPECT_EQ(detail::csv_field("\rx"), "\"'\rx\"");
  EXPECT_EQ(detail::csv_field("=HYPERLINK(\"http://evil\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  EXPECT_EQ(detail::csv_field("a=b"), "a=b");  // only a leading trigger is a formula
}

std::vector<Segment> marks(std::string_view s) { return detail::split_marks(s); }

TEST(SplitMarks, MarksOutermostBalancedPairs) {
  EXPECT_EQ(marks("Tel. [[0180 6 123456]] (20 ct)"),
            (std::vector<Segment>{{"Tel. ", false}, {"0180 6 123456", true}, {" (20 ct)", false}}));
  EXPECT_EQ(marks("[[a]] and [[b]]"),
            (std::vector<Segment>{{"a", true}, {" and ", false}, {"b", true}}));
  EXPECT_EQ(marks("no marks"), (std::vector<Segment>{{"no marks", false}}));
  EXPECT_EQ(marks(""), std::vector<Segment>{});
  EXPECT_EQ(marks("[[]]"), (std::vector<Segment>{{"", true}}));
}

TEST(SplitMarks, NestedDelimitersStayAsText) {
  EXPECT_EQ(marks("a [[b [[c]] d]] e"),
            (std::vector<Segment>{{"a ", false}, {"b [[c]] d", true}, {" e", false}}));
}

TEST(SplitMarks, UnbalancedDelimitersStayAsText) {
  EXPECT_EQ(marks("x ]] y [[z"), (std::vector<Segment>{{"x ]] y [[z", false}}));
  EXPECT_EQ(marks("]] [[m]] [["),
            (std::vector<Segment>{{"]] ", false}, {"m", true}, {" [[", false}}));
  // A quoted match that ends with its own bracket: the mark closes with the last two.
  EXPECT_EQ(marks("[[[x]]]"), (std::vector<Segment>{{"[x]", true}}));
  EXPECT_EQ(marks("Tel. [[+33 1 [0] 23]] (fixe)"),
            (std::vector<Segment>{{"Tel. ", false}, {"+33 1 [0] 23", true}, {" (fixe)", false}}));
  // Every merchant character survives: concatenating the segments and the dropped pairs
  // gives the input back.
  std::string joined;
  for (const auto& s : marks("k [[a ]] ]] [[ [[n]] ]] [[u")) {
    joined += s.marked ? "[[" + s.text + "]]" : s.text;
  }
  EXPECT_EQ(joined, "k [[a ]] ]] [[ [[n]] ]] [[u");
}

TEST(LinkPolicy, OnlyPlainHttpUrlsBecomeLinks) {
  EXPECT_TRUE(detail::is_http_url("https://eur-lex.europa.eu/eli/dir/2011/83/oj"));
  EXPECT_TRUE(detail::is_http_url("HTTP://example.fr/"));
  EXPECT_FALSE(detail::is_http_url("javascript:alert(1)"));
  EXPECT_FALSE(detail::is_http_url("JaVaScRiPt:alert(1)"));
  EXPECT_FALSE(detail::is_http_url(" https://example.fr/"));
  EXPECT_FALSE(detail::is_http_url("java\tscript:alert(1)"));
  EXPECT_FALSE(detail::is_http_url("https://exa mple.fr/"));
  EXPECT_FALSE(detail::is_http_url("data:text/html,<script>"));
  EXPECT_FALSE(detail::is_http_url("file:///site/index.html"));
  EXPECT_FALSE(detail::is_http_url("//example.fr/"));
  EXPECT_TRUE(detail::is_artifact_url("file:///site/index.html"));
  EXPECT_FALSE(detail::is_artifact_url("vbscript:x"));
}

}  // namespace
}  // namespace omnicheck::report

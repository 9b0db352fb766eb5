// Evidence quotes cut merchant text: every cut falls on a UTF-8 character boundary, so a quote
// never shows U+FFFD (or invalid bytes a renderer turns into it) where the page had a real
// character (issue 11, class 10).
#include <gtest/gtest.h>

#include "extract/page_context.h"
#include "extract/page_facts.h"

namespace omnicheck::extract {
namespace {

// Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    unsigned cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n;
  }
  return true;
}

bool has_replacement(const std::string& s) { return s.find("\xEF\xBF\xBD") != std::string::npos; }

// The quote without its markers and ellipses: what it shows of the page.
std::string shown(std::string s) {
  for (const std::string& m : {std::string("[["), std::string("]]"), std::string("…")}) {
    for (auto p = s.find(m); p != std::string::npos; p = s.find(m)) s.erase(p, m.size());
  }
  return s;
}

const std::vector<std::string>& texts() {
  static const std::vector<std::string> t = {
      "Siège social : 12 rue de l'Église, 75011 Paris — société éditrice",
      "Provozovatel: Pekařství U Mostu s.r.o., Vinohradská 1234/56, 120 00 Praha 2, IČO 12345678, DIČ CZ12345678",
      "Anschrift: Große Straße 5, 10115 Berlin – Geschäftsführer: Jürgen Weiß",
      "Kontakt 📞 +49 30 1234567 ✉️ info@shop.de 🇩🇪 Versand weltweit 🚚",
      "本社所在地：東京都渋谷区1-2-3 株式会社テスト 電話 03-1234-5678",
      "Sklep Bursztyn sp. z o.o., ul. Marszałkowska 10/12, 00-950 Warszawa — Łódź, Gdańsk, Kraków",
      "ééééééééééééééééééééééééééééééééééééééé\nřřřřřřřřřřřřřřřřř ßßßßßßßß\n🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂 中文字符中文字符",
  };
  return t;
}

TEST(Snippet, EveryCutIsOnACharacterBoundary) {
  int checked = 0;
  for (const auto& text : texts()) {
    ASSERT_TRUE(valid_utf8(text));
    for (std::size_t radius : {0, 1, 2, 3, 5, 7, 10, 20, 90}) {
      for (std::size_t begin = 0; begin <= text.size(); ++begin) {
        for (std::size_t end = begin; end <= text.size() && end <= begin + 12; ++end) {
          std::string s = make_snippet(text, begin, end, radius);
          ++checked;
          ASSERT_TRUE(valid_utf8(s)) << "radius " << radius << " [" << begin << ", " << end << ") of: " << text << "\n-> " << s;
          ASSERT_FALSE(has_replacement(s)) << s;
        }
      }
    }
  }
  EXPECT_GT(checked, 10000);
}

// A match on whole characters is quoted whole, and the text shown is the page's text.
TEST(Snippet, QuotesWholeCharactersOfTheMatch) {
  std::string text = "Kontakt 📞 +49 30 1234567 ✉️ info@shop.de";
  auto b = text.find("📞");
  std::string s = make_snippet(text, b, b + std::string("📞").size(), 3);
  EXPECT_NE(s.find("[[📞]]"), std::string::npos) << s;
  std::string cz = "IČO 12345678, sídlo Řevnice";
  auto r = cz.find("Řevnice");
  EXPECT_EQ(make_snippet(cz, r, cz.size(), 0), "…[[Řevnice]]");
  // Within radius of the whole line: the quote is the line, shown as the page has it.
  std::string line = "Große Straße 5, 10115 Berlin";
  auto p = line.find("10115");
  EXPECT_EQ(shown(make_snippet(line, p, p + 5)), line);
}

// A cut inside the text is marked: a quote that starts or ends mid-line says so with "…",
// also when the cut had to move to the start of a multi-byte character.
TEST(Snippet, CutsInsideALineAreMarked) {
  std::string text = "ééééééééééééééééééééééééé 10115 Berlin ééééééééééééééééééééé";
  auto p = text.find("10115");
  for (std::size_t radius = 1; radius < 12; ++radius) {
    std::string s = make_snippet(text, p, p + 5, radius);
    EXPECT_EQ(s.rfind("…", 0), 0u) << "radius " << radius << ": " << s;
    EXPECT_EQ(s.size() >= 3 ? s.substr(s.size() - 3) : "", "…") << "radius " << radius << ": " << s;
  }
}

// Offsets that fall inside a character (a byte-wise search, a cut by length) still give a
// valid quote that keeps the whole character.
TEST(Snippet, OffsetsInsideACharacterKeepItWhole) {
  std::string text = "Adresse: Weißenburger Straße 12";
  auto ss = text.find("ß");
  std::string s = make_snippet(text, ss + 1, ss + 1, 90);
  EXPECT_TRUE(valid_utf8(s)) << s;
  EXPECT_EQ(shown(s), text) << s;
  s = make_snippet(text, ss, ss + 1, 90);
  EXPECT_NE(s.find("[[ß]]"), std::string::npos) << s;
}

// The evidence of facts extracted from real pages in several scripts is valid UTF-8 too.
TEST(Snippet, FactEvidenceFromMultiByteBlocksIsValid) {
  std::string html =
      "<footer><p>Pekařství U Mostu s.r.o. 🍞 Vinohradská 1234/56, 120 00 Praha 2 ✉️ objednávky@pekarstvi.cz "
      "☎ +420 777 123 456 — IČO 12345678 — Řevnice, Žďár nad Sázavou, Ústí nad Labem, Česká republika</p>"
      "<p>Große Straße 5 · 10115 Berlin · Geschäftsführer Jürgen Weiß · Tel. +49 30 1234567 · "
      "© 2024 Ümläüt GmbH 🇩🇪</p><p>東京都渋谷区 株式会社テスト 📞 +81 3 1234 5678</p></footer>";
  auto s = testing::facts_of_page(html, "https://pekarstvi.cz/kontakt");
  int n = 0;
  for (const auto& f : s.facts) {
    ++n;
    EXPECT_TRUE(valid_utf8(f.evidence.snippet)) << f.type << ": " << f.evidence.snippet;
    EXPECT_FALSE(has_replacement(f.evidence.snippet)) << f.type << ": " << f.evidence.snippet;
    std::string v = f.attrs.value("value", std::string());
    EXPECT_TRUE(valid_utf8(v)) << f.type << ": " << v;
  }
  EXPECT_GT(n, 3);
}

// The merchant's own doubled brackets never become the tool's mark: the snippet splits them, so
// its only [[…]] is the match (issue 17).
TEST(Snippet, MerchantDoubleBracketsAreNeverAMark) {
  const std::string text = "[[PROMO]] -50% sur tout ! Contact : service@boutique.fr [[fin]]";
  const std::size_t b = text.find("service@");
  const std::string s = make_snippet(text, b, b + std::string("service@boutique.fr").size());
  EXPECT_EQ(s, "[ [PROMO] ] -50% sur tout ! Contact : [[service@boutique.fr]] [ [fin] ]");
  EXPECT_EQ(quote_text("a]]b[[c"), "a] ]b[ [c");
  // Counter-case: single brackets and ordinary text are quoted as written.
  EXPECT_EQ(quote_text("Tél. [0]1 23  45"), "Tél. [0]1 23 45");
}

}  // namespace
}  // namespace omnicheck::extract

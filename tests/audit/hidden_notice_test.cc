// A legal notice a consumer cannot see is not disclosed (issue 17): the same Impressum, once
// hidden by the page's stylesheet and once shown, must not give the same verdicts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "audit/audit.h"
#include "support/test_support.h"

namespace omnicheck::audit {
namespace {

const char* kHome = R"HTML(<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Teehaus Lindner</title></head>
<body><header><a href="/">Teehaus Lindner</a></header><main><h1>Feine Tees aus Bremen</h1>
<p>Grüner Tee, Schwarzer Tee, Kräutertee.</p></main>
<footer><a href="impressum.html">Impressum</a> · <a href="kontakt.html">Kontakt</a></footer></body></html>)HTML";

std::string impressum(const std::string& style, const std::string& wrapper_class) {
  return R"HTML(<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Impressum</title><style>)HTML" + style +
         R"HTML(</style></head><body><main><h1>Impressum</h1><div class=")HTML" + wrapper_class + R"HTML(">
<p>Angaben gemäß § 5 DDG</p>
<p>Teehaus Lindner GmbH<br>Am Wall 112<br>28195 Bremen</p>
<p>Telefon: +49 421 3388 120<br>E-Mail: service@teehaus-lindner.de</p>
<p>Registergericht: Amtsgericht Bremen, HRB 31245 HB<br>Geschäftsführerin: Anna Lindner</p>
<p>USt-IdNr.: DE 811 223 344</p></div>
<footer><a href="/">Start</a></footer></main></body></html>)HTML";
}

Result audit_folder(const std::filesystem::path& dir) {
  Options opt;
  opt.target = dir.string();
  opt.rules_dir = omnicheck::testing::rules_dir().string();
  opt.audit_date = "2026-12-07";
  opt.probe = false;
  return run(opt);
}

std::string status(const Result& r, const std::string& id) {
  for (const auto& f : r.report.findings) {
    if (f.rule == id) return f.status;
  }
  return "(none)";
}

void write(const std::filesystem::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

TEST(HiddenNotice, AnImpressumHiddenByTheStylesheetIsNotDisclosed) {
  auto dir = std::filesystem::temp_directory_path() / ("omnicheck-hidden-notice-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  write(dir / "index.html", kHome);
  write(dir / "kontakt.html", "<html lang=de><body><h1>Kontakt</h1><p>Schreiben Sie uns.</p></body></html>");

  write(dir / "impressum.html", impressum(".impressum-inhalt{display:none}", "impressum-inhalt"));
  Result hidden = audit_folder(dir);
  for (const char* rule : {"trader.identity", "trader.address", "contact.email", "contact.phone"}) {
    EXPECT_NE(status(hidden, rule), "pass") << rule;
  }

  // Counter-case: the same notice, its class shown from a breakpoint on, is disclosed.
  write(dir / "impressum.html",
        impressum(".impressum-inhalt{display:none} @media (min-width:1px){.impressum-inhalt{display:block}}",
                  "impressum-inhalt"));
  Result shown = audit_folder(dir);
  for (const char* rule : {"trader.identity", "trader.address", "contact.email", "contact.phone"}) {
    EXPECT_EQ(status(shown, rule), "pass") << rule;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace omnicheck::audit

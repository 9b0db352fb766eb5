// Reports built in code for the renderer tests: a realistic multilingual audit and a hostile
// one whose merchant text tries every way out of its escaping.
#pragma once

#include "report/report.h"

namespace omnicheck::report::testing {

// A French shop audited with German and Czech evidence too: every status, web and e-mail
// evidence, facts and an input error.
Report sample_report();

// Every merchant-controlled field carries markup, script URLs, bracket games, formula triggers,
// control characters and invalid UTF-8.
Report hostile_report();

// Substrings of hostile_report() that must never survive unescaped in markup output.
inline constexpr const char* kHostileMarkup[] = {"<script",     "<img",    "<iframe",  "<svg",
                                                 "</details><", "</pre><", "<b>FR</b>"};

// Scripts in hostile_report() try this on the page; a browser that ran one would show it.
inline constexpr const char* kScriptProbe =
    "<script>document.documentElement.setAttribute('data-pwned','1')</script>";

}  // namespace omnicheck::report::testing

// What every harness shares: the rules folder of this checkout (compiled in), and the lexicon
// loaded once per process, as the CLI loads it once per audit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "extract/extract.h"

namespace omnicheck::fuzz {

inline std::filesystem::path rules_dir() { return OMNICHECK_FUZZ_RULES_DIR; }

inline const extract::Lexicon& lexicon() {
  static const extract::Lexicon lex = extract::Lexicon::load(rules_dir() / "lexicon");
  return lex;
}

inline std::string as_string(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace omnicheck::fuzz

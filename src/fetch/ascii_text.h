// ASCII case folding and trimming for protocol text (HTTP heads, robots.txt, WARC headers),
// which is ASCII by definition; private to the fetch stage.
#pragma once

#include <cctype>
#include <string>

namespace omnicheck::fetch {

inline std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

inline std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

}  // namespace omnicheck::fetch

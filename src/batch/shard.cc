#include "batch/shard.h"

#include <charconv>

#include "audit/audit.h"

namespace omnicheck::batch {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool Shard::contains(std::string_view site_id) const {
  return fnv1a64(site_id) % static_cast<std::uint64_t>(count) == static_cast<std::uint64_t>(index);
}

std::string Shard::to_string() const { return std::to_string(index) + "/" + std::to_string(count); }

Shard parse_shard(const std::string& text) {
  const auto bad = [&text]() {
    return audit::InputError("--shard expects K/N with 0 <= K < N (shards count from 0), got '" + text + "'");
  };
  const auto slash = text.find('/');
  if (slash == std::string::npos) throw bad();
  Shard s;
  const char* end = text.data() + text.size();
  auto r1 = std::from_chars(text.data(), text.data() + slash, s.index);
  auto r2 = std::from_chars(text.data() + slash + 1, end, s.count);
  if (r1.ec != std::errc() || r1.ptr != text.data() + slash || r2.ec != std::errc() || r2.ptr != end) throw bad();
  if (s.count < 1 || s.count > 100000 || s.index < 0 || s.index >= s.count) throw bad();
  return s;
}

}  // namespace omnicheck::batch

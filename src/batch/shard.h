// Splitting one site list over N machines. A site belongs to shard
//   FNV-1a-64(UTF-8 bytes of its id) mod N
// (offset basis 14695981039346656037, prime 1099511628211, arithmetic modulo 2^64). The hash
// depends only on the id's bytes, so every machine, compiler and platform agrees, a site keeps
// its shard when the list is reordered or grows, and shards are 0-based like Slurm's
// SLURM_ARRAY_TASK_ID and Kubernetes' completion index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace omnicheck::batch {

struct Shard {
  int index = 0;  // K, 0 <= K < N
  int count = 1;  // N; 1 = the whole list

  bool contains(std::string_view site_id) const;
  std::string to_string() const;  // "K/N"
  bool operator==(const Shard&) const = default;
};

std::uint64_t fnv1a64(std::string_view bytes);

// Parses "K/N" (0 <= K < N, 1 <= N <= 100000). Throws audit::InputError explaining the form.
Shard parse_shard(const std::string& text);

}  // namespace omnicheck::batch

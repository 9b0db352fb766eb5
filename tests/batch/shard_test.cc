// The shard of a site must not depend on the machine, the compiler or the order of the list:
// FNV-1a 64 of the id's bytes, mod N. Reference values are those of the FNV specification.
#include <gtest/gtest.h>

#include <map>

#include "audit/audit.h"
#include "batch/shard.h"

namespace omnicheck::batch {
namespace {

TEST(Shard, Fnv1a64MatchesTheReferenceValues) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ull);
}

TEST(Shard, AssignmentIsFixedForAGivenId) {
  // Computed independently (Python) from the definition in shard.h.
  EXPECT_EQ(fnv1a64("shop.example.de"), 0xc6068a210def003aull);
  EXPECT_TRUE((Shard{2, 4}.contains("shop.example.de")));
  EXPECT_TRUE((Shard{5, 7}.contains("shop.example.de")));
  EXPECT_TRUE((Shard{0, 1}.contains("anything")));
}

TEST(Shard, EverySiteIsInExactlyOneShardAndShardsAreBalanced) {
  const int n = 5, sites = 5000;
  std::map<int, int> per_shard;
  for (int i = 0; i < sites; ++i) {
    const std::string id = "shop" + std::to_string(i) + ".example";
    int owners = 0;
    for (int k = 0; k < n; ++k) {
      if (Shard{k, n}.contains(id)) {
        ++owners;
        ++per_shard[k];
      }
    }
    ASSERT_EQ(owners, 1) << id;
  }
  for (const auto& [k, count] : per_shard) {
    EXPECT_GT(count, sites / n * 8 / 10) << "shard " << k;
    EXPECT_LT(count, sites / n * 12 / 10) << "shard " << k;
  }
}

TEST(Shard, ParsesKOverNAndRejectsEverythingElse) {
  EXPECT_EQ(parse_shard("0/1"), (Shard{0, 1}));
  EXPECT_EQ(parse_shard("3/4"), (Shard{3, 4}));
  EXPECT_EQ(parse_shard("3/4").to_string(), "3/4");
  for (const char* bad : {"4/4", "1/0", "-1/3", "1", "a/b", "1/3x", " 1/3", "1//3", ""}) {
    EXPECT_THROW(parse_shard(bad), audit::InputError) << bad;
  }
  try {
    parse_shard("4/4");
  } catch (const audit::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("0 <= K < N"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace omnicheck::batch

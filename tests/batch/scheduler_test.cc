// The queue of a batch: list order, one site per host at a time, retries at the back.
#include <gtest/gtest.h>

#include "batch/scheduler.h"

namespace omnicheck::batch {
namespace {

Task task(const std::string& id, const std::string& host) {
  Task t;
  t.site.id = id;
  t.site.host = host;
  return t;
}

TEST(Scheduler, NeverHandsOutTwoSitesOfOneHostAtOnce) {
  Scheduler s({task("a1", "a.example"), task("a2", "a.example"), task("b1", "b.example"), task("f1", ""),
               task("f2", "")});
  const std::atomic<bool> stop{false};
  auto first = s.take(stop);
  auto second = s.take(stop);
  auto third = s.take(stop);
  auto fourth = s.take(stop);
  ASSERT_TRUE(first && second && third && fourth);
  EXPECT_EQ(first->site.id, "a1");
  EXPECT_EQ(second->site.id, "b1");  // a2 waits for a1's host
  EXPECT_EQ(third->site.id, "f1");   // folders have no host: no limit
  EXPECT_EQ(fourth->site.id, "f2");
  s.finish(*first, std::nullopt);
  auto fifth = s.take(stop);
  ASSERT_TRUE(fifth);
  EXPECT_EQ(fifth->site.id, "a2");
}

TEST(Scheduler, RetriesGoToTheBackAndTheQueueEndsWhenNothingRuns) {
  Scheduler s({task("a", "a.example"), task("b", "b.example")});
  const std::atomic<bool> stop{false};
  auto a = s.take(stop);
  Task again = *a;
  again.attempt = 2;
  s.finish(*a, again);
  auto b = s.take(stop);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->site.id, "b");
  s.finish(*b, std::nullopt);
  auto retry = s.take(stop);
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->site.id, "a");
  EXPECT_EQ(retry->attempt, 2);
  s.finish(*retry, std::nullopt);
  EXPECT_FALSE(s.take(stop));
}

TEST(Scheduler, StopEndsTheQueueAtOnce) {
  Scheduler s({task("a", "a.example")});
  const std::atomic<bool> stop{true};
  EXPECT_FALSE(s.take(stop));
}

}  // namespace
}  // namespace omnicheck::batch

// The network guard's address classes and decisions. No traffic: these are pure functions.
#include "fetch/address_guard.h"

#include <gtest/gtest.h>

namespace omnicheck::fetch {
namespace {

TEST(ClassifyAddress, Ipv4Ranges) {
  EXPECT_EQ(classify_address("127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(classify_address("127.0.0.2"), AddressClass::loopback);
  EXPECT_EQ(classify_address("10.0.0.1"), AddressClass::private_net);
  EXPECT_EQ(classify_address("172.16.5.4"), AddressClass::private_net);
  EXPECT_EQ(classify_address("172.31.255.255"), AddressClass::private_net);
  EXPECT_EQ(classify_address("172.32.0.1"), AddressClass::public_net);
  EXPECT_EQ(classify_address("192.168.1.1"), AddressClass::private_net);
  EXPECT_EQ(classify_address("100.64.0.1"), AddressClass::private_net);  // CGNAT
  EXPECT_EQ(classify_address("100.127.255.254"), AddressClass::private_net);
  EXPECT_EQ(classify_address("100.128.0.1"), AddressClass::public_net);
  EXPECT_EQ(classify_address("169.254.1.1"), AddressClass::link_local);
  EXPECT_EQ(classify_address("169.254.169.254"), AddressClass::metadata);
  EXPECT_EQ(classify_address("100.100.100.200"), AddressClass::metadata);
  EXPECT_EQ(classify_address("0.0.0.0"), AddressClass::unspecified);
  EXPECT_EQ(classify_address("224.0.0.1"), AddressClass::multicast);
  EXPECT_EQ(classify_address("255.255.255.255"), AddressClass::reserved);
  EXPECT_EQ(classify_address("192.0.2.10"), AddressClass::reserved);
  EXPECT_EQ(classify_address("93.184.216.34"), AddressClass::public_net);
  EXPECT_EQ(classify_address("8.8.8.8"), AddressClass::public_net);
}

TEST(ClassifyAddress, Ipv6Ranges) {
  EXPECT_EQ(classify_address("::1"), AddressClass::loopback);
  EXPECT_EQ(classify_address("[::1]"), AddressClass::loopback);
  EXPECT_EQ(classify_address("::"), AddressClass::unspecified);
  EXPECT_EQ(classify_address("::ffff:10.0.0.1"), AddressClass::private_net);  // v4-mapped
  EXPECT_EQ(classify_address("::ffff:127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(classify_address("::ffff:169.254.169.254"), AddressClass::metadata);
  EXPECT_EQ(classify_address("::ffff:8.8.8.8"), AddressClass::public_net);
  EXPECT_EQ(classify_address("64:ff9b::a00:1"), AddressClass::private_net);  // NAT64 of 10.0.0.1
  EXPECT_EQ(classify_address("2002:7f00:1::1"), AddressClass::loopback);     // 6to4 of 127.0.0.1
  EXPECT_EQ(classify_address("fc00::1"), AddressClass::private_net);         // ULA
  EXPECT_EQ(classify_address("fd12:3456::1"), AddressClass::private_net);
  EXPECT_EQ(classify_address("fd00:ec2::254"), AddressClass::metadata);
  EXPECT_EQ(classify_address("fe80::1"), AddressClass::link_local);
  EXPECT_EQ(classify_address("fe80::1%eth0"), AddressClass::link_local);
  EXPECT_EQ(classify_address("febf::1"), AddressClass::link_local);
  EXPECT_EQ(classify_address("ff02::1"), AddressClass::multicast);
  EXPECT_EQ(classify_address("2001:db8::1"), AddressClass::reserved);
  EXPECT_EQ(classify_address("2a00:1450:4001::1"), AddressClass::public_net);
}

TEST(ClassifyAddress, NotAnAddressIsNotPublic) {
  EXPECT_EQ(classify_address("localhost"), AddressClass::reserved);
  EXPECT_EQ(classify_address("127.1"), AddressClass::reserved);
  EXPECT_EQ(classify_address(""), AddressClass::reserved);
}

TEST(AddressGuard, PublicTargetRefusesEveryNonPublicClass) {
  AddressGuard g("https://shop.example.com/", {}, false);
  EXPECT_FALSE(g.check("shop.example.com", 443, "93.184.216.34"));
  for (const char* ip : {"127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "fe80::1", "fd00::1",
                         "::ffff:10.0.0.1", "0.0.0.0", "100.64.1.1"}) {
    auto why = g.check("cdn.example.com", 443, ip);
    ASSERT_TRUE(why) << ip;
    EXPECT_NE(why->find("network guard"), std::string::npos) << *why;
  }
  // The start host first seen public cannot later be "rebound" to a private address.
  EXPECT_TRUE(g.check("shop.example.com", 443, "10.0.0.7"));
}

TEST(AddressGuard, LiteralLoopbackTargetAllowsLoopbackOnly) {
  AddressGuard g("http://127.0.0.1:8080/", {}, false);
  EXPECT_FALSE(g.check("127.0.0.1", 8080, "127.0.0.1"));
  EXPECT_FALSE(g.check("127.0.0.2", 9090, "127.0.0.2"));
  EXPECT_TRUE(g.check("10.0.0.1", 80, "10.0.0.1"));
  EXPECT_TRUE(g.check("metadata", 80, "169.254.169.254"));
  AddressGuard l("http://localhost:8080/", {}, false);
  EXPECT_FALSE(l.check("localhost", 8080, "::1"));
  EXPECT_TRUE(l.check("x", 80, "192.168.1.1"));
}

TEST(AddressGuard, ResolveMappingCoversThatHostAndPortOnly) {
  AddressGuard g("http://shop.example.com:8080/", {"shop.example.com:8080:127.0.0.1"}, false);
  EXPECT_FALSE(g.check("shop.example.com", 8080, "127.0.0.1"));
  auto why = g.check("127.0.0.2", 8080, "127.0.0.2");
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("network guard"), std::string::npos);
  EXPECT_TRUE(g.check("127.0.0.1", 8080, "127.0.0.1"));
  EXPECT_TRUE(g.check("shop.example.com", 8081, "127.0.0.1"));
  EXPECT_TRUE(g.check("shop.example.com", 8080, "127.0.0.3"));
}

TEST(AddressGuard, StagingNameResolvingPrivateIsAllowedForThatNameOnly) {
  AddressGuard g("https://staging.shop.internal/", {}, false);
  EXPECT_FALSE(g.check("staging.shop.internal", 443, "10.0.0.5"));
  EXPECT_TRUE(g.check("other.internal", 443, "10.0.0.6"));
  EXPECT_TRUE(g.check("staging.shop.internal", 443, "169.254.169.254"));
}

TEST(AddressGuard, AllowPrivateOpensPrivateButNotMetadata) {
  AddressGuard g("https://shop.example.com/", {}, true);
  EXPECT_FALSE(g.check("a", 443, "10.0.0.1"));
  EXPECT_FALSE(g.check("a", 443, "127.0.0.1"));
  EXPECT_FALSE(g.check("a", 443, "fe80::1"));
  EXPECT_TRUE(g.check("a", 80, "169.254.169.254"));
  EXPECT_TRUE(g.check("a", 80, "0.0.0.0"));
}

TEST(AddressGuard, MalformedResolveEntryThrows) {
  EXPECT_THROW(AddressGuard("http://a/", {"a:80"}, false), std::invalid_argument);
  EXPECT_THROW(AddressGuard("http://a/", {"a:x:127.0.0.1"}, false), std::invalid_argument);
  EXPECT_THROW(AddressGuard("http://a/", {"a:80:not-an-ip"}, false), std::invalid_argument);
}

}  // namespace
}  // namespace omnicheck::fetch

// A saved site is read under the same body cap as a live one (issue 17): a 50 MB file in a
// folder is not read whole any more than a 50 MB response is.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "fetch/fetch.h"

namespace omnicheck::fetch {
namespace {

namespace fs = std::filesystem;

struct TempSite {
  fs::path dir = fs::temp_directory_path() / ("omnicheck-local-fetch-" + std::to_string(::getpid()));
  TempSite() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempSite() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& body) const { std::ofstream(dir / name, std::ios::binary) << body; }
};

TEST(LocalFetcher, AFileOverTheBodyCapIsAnErrorNamingItAndTheRestIsRead) {
  TempSite site;
  site.write("index.html", "<html><body><a href=\"katalog.html\">Katalog</a></body></html>");
  std::string big = "<html><body>";
  while (big.size() < 3000) big += "<p>Artikel 4711 – 12,90 €</p>";
  site.write("katalog.html", big + "</body></html>");

  auto fetcher = make_local_fetcher(site.dir.string(), 2048);
  Page home = fetcher->fetch(fetcher->start_url() + "index.html");
  EXPECT_TRUE(home.ok()) << home.error;
  Page cat = fetcher->fetch(fetcher->start_url() + "katalog.html");
  EXPECT_FALSE(cat.ok());
  EXPECT_TRUE(cat.body.empty());
  EXPECT_NE(cat.error.find("exceeds the limit of 2048 bytes"), std::string::npos) << cat.error;
  EXPECT_NE(cat.error.find("katalog.html"), std::string::npos) << cat.error;
}

TEST(LocalFetcher, TheDefaultCapIsTheLiveOne) {
  TempSite site;
  site.write("index.html", "<html><body>Start</body></html>");
  site.write("gross.html", std::string((5u << 20) + 1, 'x'));
  site.write("genau.html", std::string(5u << 20, 'x'));
  auto fetcher = make_local_fetcher(site.dir.string());
  EXPECT_EQ(HttpOptions{}.max_body_bytes, 5u << 20);
  EXPECT_FALSE(fetcher->fetch(fetcher->start_url() + "gross.html").ok());
  EXPECT_TRUE(fetcher->fetch(fetcher->start_url() + "genau.html").ok());
}

}  // namespace
}  // namespace omnicheck::fetch

#include "batch/site_farm.h"

#include <cstdio>
#include <fstream>

namespace omnicheck::batch::testing {
namespace {

using omnicheck::testing::Connection;
using omnicheck::testing::HttpRequest;
using omnicheck::testing::TestHttpServer;

// Site number from the Host header "s0007.farm.test:PORT"; -1 when it is not a farm host.
int site_of(const HttpRequest& req) {
  const std::string host = req.header("host");
  int n = -1;
  if (std::sscanf(host.c_str(), "s%d.farm.test", &n) != 1) return -1;
  return n;
}

std::string page(const std::string& title, const std::string& nav, const std::string& main) {
  return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><header><nav>" + nav + "</nav></header><main>" + main +
         "</main><footer><p>Shop " + title + "</p></footer></body></html>";
}

std::string home(int i) {
  std::string nav = "<a href=\"/kontakt\">Kontakt</a>";
  if (i % 5 != 0) nav += " <a href=\"/impressum\">Impressum</a>";
  return page("Laden " + std::to_string(i), nav,
              "<h1>Willkommen bei Laden " + std::to_string(i) + "</h1><p>Wir verkaufen Dinge.</p>");
}

std::string impressum(int i) {
  char phone[32];
  std::snprintf(phone, sizeof phone, "+49 30 1234%04d", i);
  std::string body = "<h1>Impressum</h1><p>Laden " + std::to_string(i) + " Handels GmbH<br>Hauptstraße " +
                     std::to_string(i % 97 + 1) + "<br>10115 Berlin<br>Deutschland</p>";
  if (i % 3 != 0) body += std::string("<p>Telefon: ") + phone + "</p>";
  if (i % 2 == 0) body += "<p>E-Mail: info@s" + std::to_string(i) + ".farm.test</p>";
  body += "<p>Handelsregister: Amtsgericht Berlin HRB " + std::to_string(100000 + i) + "</p>";
  return page("Impressum " + std::to_string(i), "<a href=\"/\">Start</a>", body);
}

std::string kontakt(int i) {
  std::string body = "<h1>Kontakt</h1>";
  if (i % 4 == 1) body += "<p>Schreiben Sie uns: kontakt@s" + std::to_string(i) + ".farm.test</p>";
  else body += "<p>Nutzen Sie bitte unser Formular.</p>";
  return page("Kontakt " + std::to_string(i), "<a href=\"/\">Start</a>", body);
}

void html(Connection& c, int status, const std::string& body) {
  c.send(TestHttpServer::response(status, {{"Content-Type", "text/html; charset=utf-8"}}, body));
}

}  // namespace

SiteFarm::SiteFarm(int sites, int servers) : sites_(sites) {
  for (int s = 0; s < servers; ++s) {
    servers_.push_back(std::make_unique<TestHttpServer>());
    serve(*servers_.back());
  }
}

SiteFarm::~SiteFarm() = default;

void SiteFarm::serve(TestHttpServer& server) {
  server.on("/", [](const HttpRequest& req, Connection& c) {
    const int i = site_of(req);
    if (i < 0 || unreachable(i)) return html(c, 404, page("Nicht gefunden", "", "<p>404</p>"));
    html(c, 200, home(i));
  });
  server.on("/impressum", [](const HttpRequest& req, Connection& c) {
    const int i = site_of(req);
    if (i < 0) return html(c, 404, "");
    html(c, 200, impressum(i));
  });
  server.on("/kontakt", [](const HttpRequest& req, Connection& c) {
    const int i = site_of(req);
    if (i < 0) return html(c, 404, "");
    html(c, 200, kontakt(i));
  });
  // robots.txt and sitemap.xml: 404 (no rules, no sitemap), as on many small shops.
}

int SiteFarm::port_of(int i) const { return servers_[static_cast<std::size_t>(i) % servers_.size()]->port(); }

std::string SiteFarm::host(int i) const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "s%04d.farm.test", i);
  return buf;
}

std::string SiteFarm::url(int i) const { return "http://" + host(i) + ":" + std::to_string(port_of(i)) + "/"; }

std::vector<std::string> SiteFarm::resolve_args() const {
  std::vector<std::string> out;
  for (int i = 0; i < sites_; ++i) {
    out.push_back("--resolve");
    out.push_back(host(i) + ":" + std::to_string(port_of(i)) + ":127.0.0.1");
  }
  return out;
}

void SiteFarm::write_list(const std::filesystem::path& csv) const {
  std::ofstream out(csv, std::ios::binary);
  out << "url,id,country\r\n";
  for (int i = 0; i < sites_; ++i) out << url(i) << ",shop-" << i << ",DE\r\n";
}

}  // namespace omnicheck::batch::testing

#include "audit/generated_shop.h"

#include <fstream>
#include <stdexcept>
#include <vector>

namespace omnicheck::testing {
namespace {

namespace fs = std::filesystem;

// Words chosen to stay clear of the link-role lexicons (no "delivery", "support", "cookies"…):
// a product called "Help desk" would rightly be taken for a service link.
const std::vector<std::string> kMaterials = {"oak", "walnut", "birch", "linen", "wool", "brass", "copper", "stone"};
const std::vector<std::pair<std::string, std::string>> kItems = {
    {"tables", "table"}, {"chairs", "chair"}, {"lamps", "lamp"}, {"shelves", "shelf"}, {"rugs", "rug"}};
const std::vector<std::string> kStyles = {"nordic", "classic", "alpine", "harbour", "meadow", "urban",
                                          "studio", "garden", "coastal", "heritage", "atelier", "riviera"};

struct Category {
  std::string slug, title, singular, material;
};

struct Product {
  std::string slug, title;
  std::size_t category = 0, index = 0;
  std::string path() const;
};

std::vector<Category> categories(const ShopSpec& spec) {
  std::vector<Category> out;
  for (std::size_t i = 0; i < spec.categories; ++i) {
    const std::string& m = kMaterials[i % kMaterials.size()];
    const auto& [plural, singular] = kItems[(i / kMaterials.size()) % kItems.size()];
    std::string slug = m + "-" + plural;
    std::size_t round = i / (kMaterials.size() * kItems.size());
    if (round) slug += "-" + std::to_string(round + 1);
    std::string title = m + " " + plural;
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    out.push_back({slug, title, singular, m});
  }
  return out;
}

Product product(const std::vector<Category>& cats, std::size_t c, std::size_t i) {
  const Category& cat = cats[c];
  const std::string& style = kStyles[i % kStyles.size()];
  std::string model = std::to_string(i / kStyles.size() + 1);
  Product p;
  p.slug = style + "-" + cat.material + "-" + cat.singular + "-" + model;
  p.title = style + " " + cat.material + " " + cat.singular + " " + model;
  p.title[0] = static_cast<char>(p.title[0] - 'a' + 'A');
  p.category = c;
  p.index = i;
  return p;
}

std::string product_path(const std::vector<Category>& cats, const Product& p) {
  return "/p/" + cats[p.category].slug + "/" + p.slug;
}

std::string listing_path(const Category& cat, std::size_t page) {
  return page == 0 ? "/c/" + cat.slug : "/c/" + cat.slug + "/page-" + std::to_string(page + 1);
}

std::string price(std::size_t c, std::size_t i) { return "€" + std::to_string(39 + (c * 7 + i * 13) % 400) + ".00"; }

std::string a(const std::string& href, const std::string& text) { return "<a href=\"" + href + "\">" + text + "</a>"; }

class Page {
 public:
  Page(const ShopSpec& spec, const std::vector<Category>& cats) : spec_(spec), cats_(cats) {}

  std::string render(const std::string& title, const std::string& main) const {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
                    " | Hometown Goods</title></head><body>\n";
    h += "<div id=\"cookie-consent\" class=\"cc-banner\">We use cookies. " + a("/privacy", "Privacy policy") + "</div>\n";
    h += "<header class=\"site-header\">" + a("/", "Hometown Goods") + "\n<nav class=\"main-nav\"><ul>\n";
    for (std::size_t c = 0; c < cats_.size(); ++c) {
      h += "<li>" + a(listing_path(cats_[c], 0), cats_[c].title) + "<ul class=\"mega\">";
      for (std::size_t i = 0; i < spec_.menu_products && i < spec_.products_per_category; ++i) {
        Product p = product(cats_, c, i);
        h += "<li>" + a(product_path(cats_, p), p.title) + "</li>";
      }
      h += "</ul></li>\n";
    }
    h += "</ul></nav></header>\n<main>\n" + main + "\n</main>\n";
    h += "<footer class=\"site-footer\"><ul>";
    h += "<li>" + a("/legal-notice", "Legal notice") + "</li><li>" + a("/contact", "Contact") + "</li><li>" +
         a("/terms", "Terms and conditions") + "</li><li>" + a("/privacy", "Privacy policy") + "</li><li>" +
         a("/shipping-returns", "Shipping &amp; returns") + "</li><li>" + a("/faq", "FAQ") + "</li><li>" +
         a("/about", "About us") + "</li>";
    h += "</ul><p>" + a("https://www.instagram.com/hometowngoods.example", "Instagram") +
         " · © Hometown Goods · All prices include VAT.</p></footer>\n</body></html>\n";
    return h;
  }

 private:
  const ShopSpec& spec_;
  const std::vector<Category>& cats_;
};

std::string product_card(const std::vector<Category>& cats, const Product& p) {
  return "<li class=\"card\">" + a(product_path(cats, p), p.title) + " <span class=\"price\">" +
         price(p.category, p.index) + "</span></li>";
}

}  // namespace

std::map<std::string, std::string> generate_shop(const ShopSpec& spec) {
  if (spec.products_per_listing == 0) throw std::invalid_argument("products_per_listing must be positive");
  auto cats = categories(spec);
  Page page(spec, cats);
  std::map<std::string, std::string> out;

  std::string featured = "<h1>Welcome to Hometown Goods</h1><p>Furniture and home goods, made to last.</p><ul class=\"grid\">";
  for (std::size_t c = 0; c < cats.size() && c < 24; ++c) featured += product_card(cats, product(cats, c, c % spec.products_per_category));
  out["/"] = page.render("Home", featured + "</ul>");

  std::size_t listing_pages = (spec.products_per_category + spec.products_per_listing - 1) / spec.products_per_listing;
  for (std::size_t c = 0; c < cats.size(); ++c) {
    for (std::size_t lp = 0; lp < listing_pages; ++lp) {
      std::string main = "<nav class=\"breadcrumbs\">" + a("/", "Home") + " / " + cats[c].title + "</nav><h1>" +
                         cats[c].title + "</h1><ul class=\"grid\">";
      for (std::size_t i = lp * spec.products_per_listing;
           i < (lp + 1) * spec.products_per_listing && i < spec.products_per_category; ++i) {
        main += product_card(cats, product(cats, c, i));
      }
      main += "</ul><nav class=\"pagination\">";
      for (std::size_t k = 0; k < listing_pages; ++k) main += a(listing_path(cats[c], k), "Page " + std::to_string(k + 1)) + " ";
      main += "</nav>";
      out[listing_path(cats[c], lp)] = page.render(cats[c].title, main);
    }
    for (std::size_t i = 0; i < spec.products_per_category; ++i) {
      Product p = product(cats, c, i);
      std::string main = "<nav class=\"breadcrumbs\">" + a("/", "Home") + " / " + a(listing_path(cats[c], 0), cats[c].title) +
                         "</nav><h1>" + p.title + "</h1><p class=\"price\">" + price(c, i) +
                         "</p><p>Made by hand from solid " + cats[c].material +
                         ". Each piece is finished and checked in our workshop before it leaves.</p>"
                         "<h2>You may also like</h2><ul class=\"grid\">";
      for (std::size_t k = 1; k <= 4 && k < spec.products_per_category; ++k) {
        main += product_card(cats, product(cats, c, (i + k) % spec.products_per_category));
      }
      out[product_path(cats, p)] = page.render(p.title, main + "</ul>");
    }
  }

  const std::string phone = "+49 30 12345678";
  const std::string mail = "<a href=\"mailto:service@hometown-goods.example\">service@hometown-goods.example</a>";
  std::string legal = "<h1>Legal notice</h1><p>Hometown Goods GmbH<br>Lindenstraße 12<br>10969 Berlin<br>Germany</p>"
                      "<p>Managing director: Anna Schmidt</p>"
                      "<p>Commercial register: Amtsgericht Berlin-Charlottenburg, HRB 123456</p>"
                      "<p>VAT ID: DE274180639</p><p>Email: " + mail + "</p>";
  if (spec.phone && spec.phone_on_legal_notice) legal += "<p>Phone: " + phone + "</p>";
  out["/legal-notice"] = page.render("Legal notice", legal);

  std::string contact = "<h1>Contact</h1><p>Write to us at " + mail + ". We answer e-mails within one working day.</p>";
  if (spec.phone) contact += "<p>Phone: <a href=\"tel:+493012345678\">" + phone + "</a>, Monday to Friday 9:00–17:00.</p>";
  contact += "<form action=\"/contact/send\" method=\"post\"><input name=\"email\" type=\"email\"><textarea name=\"message\"></textarea>"
             "<button>Send</button></form>";
  out["/contact"] = page.render("Contact", contact);
  out["/terms"] = page.render("Terms and conditions",
                              "<h1>Terms and conditions</h1><p>These terms apply to every order placed in this shop. "
                              "The seller is the company named in our legal notice.</p><p>Consumers may withdraw "
                              "from a contract within fourteen days without giving any reason.</p>");
  out["/privacy"] = page.render("Privacy policy",
                                "<h1>Privacy policy</h1><p>We process your data only to handle your orders. "
                                "The controller is the company named in our legal notice.</p>");
  out["/shipping-returns"] = page.render("Shipping and returns",
                                         "<h1>Shipping and returns</h1><p>We ship within three to five working days. "
                                         "Returns are free within thirty days.</p>");
  out["/faq"] = page.render("FAQ",
                            "<h1>Frequently asked questions</h1><h2>How do I look after oak?</h2><p>Oil it once a "
                            "year.</p><h2>Can I change my order?</h2><p>Yes, until it ships: just write to us.</p>");
  out["/about"] = page.render("About us",
                              "<h1>About us</h1><p>Hometown Goods began as a small workshop and still makes every "
                              "piece by hand.</p>");
  return out;
}

void write_shop(const std::map<std::string, std::string>& pages, const fs::path& dir) {
  for (const auto& [path, html] : pages) {
    fs::path file = path == "/" ? dir / "index.html" : dir / (path.substr(1) + ".html");
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << html;
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
}

}  // namespace omnicheck::testing

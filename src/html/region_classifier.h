// Which part of a page an element belongs to (private to the html stage).
#pragma once
#include <string>

namespace omnicheck::html {
// Region of an element from its tag, ARIA role and id/class names; `inherited` when the
// element itself says nothing. Regions: header, nav, main, footer, aside, consent.
std::string classify_region(const std::string& tag, const char* role, const char* id,
                            const char* cls, const std::string& inherited);

// Whether an element is a product tile or a product's own link in a listing: schema.org
// Product microdata, or an id/class naming a product ("product-box" on Shopware,
// "product-miniature" on PrestaShop, "productbox" on JTL, "productData" on OXID,
// "product-item-link" on Magento, "woocommerce-LoopProduct-link"). Category lists and menus
// that name products ("widget_product_categories", "products-menu") are not tiles.
bool is_product_tile(const char* itemtype, const char* id, const char* cls);
}  // namespace omnicheck::html

#!/usr/bin/env python3
"""Generates the benchmark's web inputs (fictitious shops, deterministic for a given seed).

    gen_sites.py big OUT_DIR [--pages 2000] [--seed 7]
        One large shop in German: home, ~13 information pages (Impressum, Kontakt, AGB, ...),
        8 top categories x 6 subcategories with paginated product listings, brand pages and
        product pages; exactly --pages HTML pages of 40-80 KB each (mega-menu of ~250 links,
        inline dataLayer/config/analytics scripts, JSON-LD, cookie banner, footer with the
        legal links on every page), plus robots.txt and a few shared static assets.

    gen_sites.py small OUT_DIR [--count 1000] [--seed 7]
        COUNT small shops in OUT_DIR/s0000 ... (home, legal notice, contact, terms, privacy,
        shipping, 1-3 products; 10-25 KB pages) in eight languages (de, fr, en, cs, nl, it, es,
        pl), about one in six with an English second language under /en/. Root-relative links
        without extension (served by nginx's try_files $uri $uri.html).

Every company, address, phone number and identifier is invented; the identifiers carry valid
check digits where the country has one, as real ones do. E-mail domains are invented names
under real TLDs: the bench never resolves them (omnicheck runs with --no-probe).
"""
import argparse
import json
import math
import os
import random
import sys

# ---------------------------------------------------------------------------------------------
# check digits (so the identifiers look like real ones to the extractors)


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def de_vat(rng):
    body = str(rng.randint(10000000, 99999999))
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (2 * s) % 11
    check = 11 - product
    if check == 10:
        check = 0
    return "DE" + body + str(check)


def fr_siren(rng):
    body = str(rng.randint(30000000, 99999999))
    return body + luhn_digit(body)


def fr_vat(siren):
    key = (12 + 3 * (int(siren) % 97)) % 97
    return "FR%02d%s" % (key, siren)


def cz_ico(rng):
    while True:
        body = "%07d" % rng.randint(1000000, 9999999)
        s = sum(int(c) * w for c, w in zip(body, range(8, 1, -1)))
        r = s % 11
        c = 1 if r == 0 else 0 if r == 1 else 11 - r
        if c < 10:
            return body + str(c)


def it_piva(rng):
    body = "%07d" % rng.randint(1000000, 9999999) + "%03d" % rng.randint(1, 100)
    return body + luhn_digit(body)


def pl_nip(rng):
    while True:
        body = str(rng.randint(100000000, 999999999))
        s = sum(int(c) * w for c, w in zip(body, (6, 5, 7, 2, 3, 4, 5, 6, 7))) % 11
        if s < 10:
            return body + str(s)


def nl_btw(rng):
    while True:
        body = "%08d" % rng.randint(10000000, 99999999)
        s = sum(int(c) * w for c, w in zip(body, range(9, 1, -1))) % 11
        if s < 10:
            return "NL" + body + str(s) + "B01"


def gb_vat(rng):
    while True:
        body = "%07d" % rng.randint(1000000, 9999999)
        s = sum(int(c) * w for c, w in zip(body, range(8, 1, -1)))
        check = (-s) % 97
        if check < 100:
            return "GB" + body + "%02d" % check


def es_cif(rng):
    body = "%07d" % rng.randint(1000000, 9999999)
    even = sum(int(body[i]) for i in (1, 3, 5))
    odd = 0
    for i in (0, 2, 4, 6):
        d = int(body[i]) * 2
        odd += d // 10 + d % 10
    return "B" + body + str((10 - (even + odd) % 10) % 10)


# ---------------------------------------------------------------------------------------------
# words

DE_ADJ = ["klassisch", "robust", "elegant", "kompakt", "praktisch", "modern", "rustikal", "leicht",
          "edel", "stapelbar", "gross", "klein", "matt", "glaenzend", "nordisch", "vintage",
          "premium", "basic", "profi", "outdoor"]
DE_NOUN = ["kochtopf", "bratpfanne", "auflaufform", "schneidebrett", "messerblock", "wasserkocher",
           "teekanne", "kaffeemuehle", "salatschuessel", "brotkasten", "vorratsdose", "gewuerzregal",
           "handtuchhalter", "waeschekorb", "buegelbrett", "tischlampe", "kissenbezug", "wolldecke",
           "blumentopf", "giesskanne", "gartenschere", "pflanzkuebel", "laterne", "serviertablett",
           "kuchenform", "nudelholz", "reibe", "sieb", "schoepfkelle", "bräter"]
DE_MAT = ["edelstahl", "gusseisen", "emaille", "bambus", "eiche", "buche", "keramik", "porzellan",
          "glas", "leinen", "baumwolle", "zink", "kupfer", "steingut", "silikon"]
DE_WORDS = ("und der die das mit fuer aus im in auf ist ein eine wird sind unsere ihre sehr gut "
            "langlebig alltag kueche haushalt material qualitaet pflege spuelmaschine geeignet "
            "hochwertig verarbeitet handgefertigt design form farbe groesse lieferung garantie "
            "nachhaltig produziert europa werkstatt familie tradition jahr jahre praktisch einfach "
            "reinigen leicht schwer stabil sicher warm kalt frisch lecker zubereiten servieren "
            "geniessen gaeste abend morgen fruehstueck mittag sonntag rezept tipp idee geschenk").split()

CATEGORIES = [
    ("kueche", "Küche", ["toepfe", "pfannen", "backen", "messer", "kaffee-tee", "aufbewahrung"]),
    ("haushalt", "Haushalt", ["waesche", "reinigung", "ordnung", "bad", "buegeln", "kleingeraete"]),
    ("wohnen", "Wohnen", ["leuchten", "textilien", "deko", "moebel", "teppiche", "kerzen"]),
    ("garten", "Garten", ["pflanzen", "werkzeug", "bewaesserung", "grill", "gartenmoebel", "beleuchtung"]),
    ("tisch", "Tisch & Servieren", ["geschirr", "glaeser", "besteck", "servieren", "tischwaesche", "kinder"]),
    ("vorrat", "Vorrat & Einmachen", ["einmachen", "dosen", "gewuerze", "brot", "getraenke", "tiefkuehl"]),
    ("geschenke", "Geschenke", ["fuer-ihn", "fuer-sie", "hochzeit", "einzug", "gutscheine-sets", "saison"]),
    ("angebote", "Angebote %", ["sale-kueche", "sale-wohnen", "sale-garten", "restposten", "b-ware", "bundles"]),
]
BRANDS = ["Lindenhof", "Nordkraft", "Emsland Email", "Tafelwerk", "Gartenfreund", "Kupferschmied",
          "Holzliebe", "Ofenmeister", "Porzellanmanufaktur Brandt", "Leinenweber", "Glashütte Stern",
          "Messerschmiede Kamp", "Vorratsglück", "Lichtblick", "Wollwerk", "Kräuterhof", "Steinzeug Sauer",
          "Küchenheld", "Gießwerk", "Tischlein"]

INFO_PAGES = [
    # (file, title, footer label)
    ("impressum", "Impressum", "Impressum"),
    ("kontakt", "Kontakt", "Kontakt"),
    ("agb", "Allgemeine Geschäftsbedingungen", "AGB"),
    ("datenschutz", "Datenschutzerklärung", "Datenschutz"),
    ("widerrufsbelehrung", "Widerrufsbelehrung", "Widerrufsbelehrung"),
    ("versand-und-zahlung", "Versand und Zahlung", "Versand & Zahlung"),
    ("faq", "Häufige Fragen", "FAQ"),
    ("ueber-uns", "Über uns", "Über uns"),
    ("barrierefreiheit", "Erklärung zur Barrierefreiheit", "Barrierefreiheit"),
    ("karriere", "Karriere", "Karriere"),
    ("filialen", "Unsere Filialen", "Filialen"),
    ("gutscheine", "Gutscheine", "Gutscheine"),
    ("newsletter", "Newsletter", "Newsletter"),
]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def sentence(rng, words, lo=8, hi=20):
    n = rng.randint(lo, hi)
    w = [rng.choice(words) for _ in range(n)]
    w[0] = w[0].capitalize()
    return " ".join(w) + rng.choice([".", ".", ".", "!", "?"])


def paragraph(rng, words, lo=3, hi=7):
    return " ".join(sentence(rng, words) for _ in range(rng.randint(lo, hi)))


# ---------------------------------------------------------------------------------------------
# the big shop


class BigShop:
    NAME = "Lindenhof Haushaltswaren GmbH"
    SHORT = "Lindenhof"
    DOMAIN = "lindenhof-haushalt.de"

    def __init__(self, out, pages, seed):
        self.out = out
        self.rng = random.Random(seed)
        self.target_pages = pages
        self.vat = de_vat(self.rng)
        self.plan()

    # URL plan --------------------------------------------------------------------------
    def plan(self):
        rng = self.rng
        # a smaller shop (the polite-crawl sample) keeps the page shape with fewer categories
        global CATEGORIES, BRANDS
        n_top = min(len(CATEGORIES), max(1, self.target_pages // 250))
        n_sub = 6 if self.target_pages >= 400 else 3
        CATEGORIES = [(t, n, subs[:n_sub]) for t, n, subs in CATEGORIES[:n_top]]
        BRANDS = BRANDS[:min(len(BRANDS), max(3, self.target_pages // 100))]
        self.subcats = []  # (top_slug, top_name, sub_slug)
        for top, name, subs in CATEGORIES:
            for sub in subs:
                self.subcats.append((top, name, sub))
        fixed = 2 + len(INFO_PAGES) + len(CATEGORIES) + len(self.subcats) + len(BRANDS)  # home, brand index
        per_page = 24
        products = self.target_pages - fixed
        while products > 0:
            counts = [products // len(self.subcats) + (1 if i < products % len(self.subcats) else 0)
                      for i in range(len(self.subcats))]
            extra = sum(max(0, math.ceil(c / per_page) - 1) for c in counts)
            if fixed + extra + products <= self.target_pages:
                break
            products -= 1
        # pad with extra info-like pages (store locations) if rounding left a gap
        self.counts = counts
        self.per_page = per_page
        self.products = []  # (url, name, subcat index, price, brand)
        seen = set()
        for si, c in enumerate(counts):
            for _ in range(c):
                while True:
                    adj, noun, mat = rng.choice(DE_ADJ), rng.choice(DE_NOUN), rng.choice(DE_MAT)
                    size = rng.choice(["", "-16cm", "-20cm", "-24cm", "-28cm", "-1l", "-2l", "-set-3", "-xl"])
                    slug = "%s-%s-%s%s" % (adj, noun, mat, size)
                    if slug not in seen:
                        seen.add(slug)
                        break
                name = "%s %s aus %s%s" % (adj.capitalize(), noun.capitalize(), mat.capitalize(),
                                          size.replace("-", " ").upper() if size else "")
                price = rng.randint(499, 24999) / 100.0
                self.products.append(("/p/%s.html" % slug, name, si, price, rng.choice(BRANDS)))
        self.by_subcat = [[] for _ in self.subcats]
        for i, p in enumerate(self.products):
            self.by_subcat[p[2]].append(i)
        listing_pages = sum(max(1, math.ceil(c / per_page)) for c in counts)
        self.padding = self.target_pages - (2 + len(INFO_PAGES) + len(CATEGORIES) + len(BRANDS)
                                            + listing_pages + len(self.products))
        # the padding (0 or a few pages) becomes store pages linked from /filialen
        self.stores = ["filiale-%d" % (i + 1) for i in range(max(0, self.padding))]
        self.featured = list(range(0, len(self.products), max(1, len(self.products) // 24)))[:24]

    def subcat_url(self, si, page=1):
        top, _, sub = self.subcats[si]
        return "/kategorie/%s/%s/" % (top, sub) if page == 1 else "/kategorie/%s/%s/seite-%d.html" % (top, sub, page)

    @staticmethod
    def brand_url(b):
        return "/marken/%s.html" % b.lower().replace(" ", "-").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")

    # page parts ------------------------------------------------------------------------
    def head(self, title, page_type, extra=""):
        rng = self.rng
        csrf = "%016x" % rng.getrandbits(64)
        cfg = {"shop": {"lang": "de", "currency": "EUR", "pageType": page_type, "csrf": csrf,
                        "freeShippingFrom": 49, "api": "/api/v2", "features": ["wishlist", "compare", "klarna", "paypal-express"],
                        "breakpoints": {"sm": 576, "md": 768, "lg": 992, "xl": 1200}},
               "i18n": {"addToCart": "In den Warenkorb", "added": "Artikel wurde hinzugefügt", "error": "Es ist ein Fehler aufgetreten",
                        "stock": {"in": "Auf Lager", "low": "Nur noch wenige verfügbar", "out": "Ausverkauft"}}}
        return ("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>%s | %s</title>\n<meta name=\"description\" content=\"%s bei %s online kaufen.\">\n"
                "<link rel=\"stylesheet\" href=\"/static/app.css\">\n<link rel=\"icon\" href=\"/static/logo.svg\">\n"
                "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                "gtag('js',new Date());gtag('config','G-BENCH%04d',{anonymize_ip:true,page_type:'%s'});"
                "dataLayer.push({event:'pageview',pageType:'%s',ecommerce:{currency:'EUR'}});</script>\n"
                "<script type=\"application/json\" id=\"shop-config\">%s</script>\n"
                "<script>!function(e,t,n){var a=t.createElement(n),r=t.getElementsByTagName(n)[0];a.async=1;"
                "a.src='/static/app.js?v=%d';r.parentNode.insertBefore(a,r)}(window,document,'script');"
                "var cartState={items:[],total:0,token:'%s'};function updateMiniCart(c){var el=document.querySelector"
                "('.mini-cart .count');if(el){el.textContent=c.items.length}}</script>\n%s</head>\n"
                % (esc(title), self.SHORT, esc(title), self.SHORT, rng.randint(0, 9999), page_type, page_type,
                   json.dumps(cfg, ensure_ascii=False), rng.randint(1, 999), csrf, extra))

    def cookie_banner(self):
        return ("<div id=\"cookie-consent\" class=\"cc-banner cc-window cc-bottom\" role=\"dialog\" aria-label=\"Cookie-Einstellungen\">"
                "<div class=\"cc-box\"><p class=\"cc-headline\"><strong>Wir verwenden Cookies</strong></p>"
                "<p class=\"cc-message\">Wir nutzen Cookies und ähnliche Technologien, um unseren Shop für Sie zu verbessern. "
                "Technisch notwendige Cookies sind immer aktiv; Statistik und Marketing nur mit Ihrer Einwilligung. "
                "Details in der <a href=\"/datenschutz.html\" class=\"cc-link\">Datenschutzerklärung</a>.</p>"
                "<div class=\"cc-buttons\"><a href=\"#\" role=\"button\" class=\"cc-btn cc-dismiss\">Nur notwendige</a> "
                "<a href=\"#\" role=\"button\" class=\"cc-btn cc-allow\">Alle akzeptieren</a></div></div></div>\n")

    def mega_menu(self):
        if hasattr(self, "_menu"):
            return self._menu
        out = ["<header id=\"header\" class=\"site-header\"><div class=\"topbar\"><ul class=\"usp\">"
               "<li>&#10003; Versandkostenfrei ab 49&nbsp;&euro;</li><li>&#10003; 30 Tage Rückgaberecht</li>"
               "<li>&#10003; Kauf auf Rechnung</li><li><a href=\"/kontakt.html\">Hilfe &amp; Kontakt</a></li></ul></div>"
               "<div class=\"wrapper d-flex\"><a class=\"logo\" href=\"/\"><img src=\"/static/logo.svg\" alt=\"Lindenhof – Haushaltswaren seit 1961\" width=\"180\" height=\"48\"></a>"
               "<form class=\"search\" action=\"/suche/\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Suchbegriff oder Artikelnummer\" aria-label=\"Suche\">"
               "<button type=\"submit\" class=\"btn btn-search\"><svg width=\"18\" height=\"18\" viewBox=\"0 0 20 20\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" r=\"6\" fill=\"none\" stroke=\"#333\" stroke-width=\"2\"/><path d=\"M13 13l5 5\" stroke=\"#333\" stroke-width=\"2\"/></svg></button></form>"
               "<div class=\"mini-cart\"><span class=\"count\">0</span> Warenkorb</div></div>\n"
               "<nav id=\"main-nav\" class=\"nav-main\" aria-label=\"Hauptnavigation\"><ul class=\"level-1\">\n"]
        si = 0
        for top, name, subs in CATEGORIES:
            out.append("<li class=\"nav-item has-megamenu\"><a class=\"nav-link\" href=\"/kategorie/%s/\">%s</a>"
                       "<div class=\"megamenu\" role=\"region\" aria-label=\"%s\"><div class=\"megamenu-inner row\">\n" % (top, esc(name), esc(name)))
            for sub in subs:
                label = sub.replace("-", " ").capitalize()
                out.append("<div class=\"col col-2\"><a class=\"mm-head\" href=\"%s\">%s</a><ul class=\"mm-list\">"
                           % (self.subcat_url(si), esc(label)))
                for pi in self.by_subcat[si][:2]:
                    p = self.products[pi]
                    out.append("<li class=\"mm-item\"><a class=\"mm-link\" href=\"%s\" data-track=\"nav-%s-%s\">%s</a></li>"
                               % (p[0], top, sub, esc(p[1])))
                for b in BRANDS[si % 5::7][:1]:
                    out.append("<li class=\"mm-item mm-brand\"><a class=\"mm-link\" href=\"%s\">%s</a></li>" % (self.brand_url(b), esc(b)))
                out.append("<li class=\"mm-all\"><a href=\"%s\">Alle anzeigen &rsaquo;</a></li></ul></div>\n" % self.subcat_url(si))
                si += 1
            out.append("<div class=\"col col-teaser\"><a href=\"/kategorie/%s/\" class=\"teaser\"><img src=\"/static/img/t%d.jpg\" alt=\"%s entdecken\" loading=\"lazy\"><span>Jetzt %s entdecken</span></a></div>"
                       "</div></div></li>\n" % (top, len(out) % 50, esc(name), esc(name)))
        out.append("<li class=\"nav-item nav-brands\"><a class=\"nav-link\" href=\"/marken/\">Marken</a><ul class=\"brand-list\">")
        for b in BRANDS:
            out.append("<li><a href=\"%s\">%s</a></li>" % (self.brand_url(b), esc(b)))
        out.append("</ul></li></ul></nav></header>\n")
        self._menu = "".join(out)
        return self._menu

    def footer(self):
        if hasattr(self, "_footer"):
            return self._footer
        links = "".join("<li><a href=\"/%s.html\">%s</a></li>" % (f, esc(label)) for f, _, label in INFO_PAGES[:9])
        self._footer = (
            "<footer id=\"footer\" class=\"site-footer\"><div class=\"wrapper row\">"
            "<div class=\"col\"><h4>Service</h4><ul class=\"footer-links\">%s</ul></div>"
            "<div class=\"col\"><h4>Unternehmen</h4><ul class=\"footer-links\"><li><a href=\"/karriere.html\">Karriere</a></li>"
            "<li><a href=\"/filialen.html\">Filialen</a></li><li><a href=\"/gutscheine.html\">Gutscheine</a></li>"
            "<li><a href=\"/newsletter.html\">Newsletter</a></li></ul></div>"
            "<div class=\"col\"><h4>Kundenservice</h4><p>Mo&ndash;Fr 8&ndash;18 Uhr<br>Tel. <a href=\"tel:+4934123456780\">0341 2345678-0</a><br>"
            "<a href=\"mailto:service@%s\">service@%s</a></p></div>"
            "<div class=\"col\"><h4>Bezahlarten</h4><p class=\"pay\"><img src=\"/static/img/pay.png\" alt=\"PayPal, Klarna, Rechnung, Visa, Mastercard\"></p>"
            "<div class=\"social\"><a href=\"https://www.facebook.com/lindenhof.haushalt\" aria-label=\"Facebook\" class=\"ico ico-fb\"></a> "
            "<a href=\"https://www.instagram.com/lindenhof.haushalt/\" aria-label=\"Instagram\" class=\"ico ico-ig\"></a></div></div>"
            "</div><div class=\"copyright\">&copy; 2024 %s &ndash; Alle Preise inkl. gesetzl. MwSt., zzgl. "
            "<a href=\"/versand-und-zahlung.html\">Versandkosten</a></div></footer>\n"
            "<script src=\"/static/app.js\" defer></script>\n"
            "<script>document.addEventListener('DOMContentLoaded',function(){if(document.cookie.indexOf('lh_cc=')<0)"
            "{document.getElementById('cookie-consent').style.display='block'}document.querySelectorAll('.cc-btn').forEach"
            "(function(b){b.addEventListener('click',function(e){e.preventDefault();document.cookie='lh_cc='+(b.classList"
            ".contains('cc-allow')?'all':'min')+';path=/;max-age=31536000';document.getElementById('cookie-consent')"
            ".style.display='none'})})});</script>\n</body>\n</html>\n" % (links, self.DOMAIN, self.DOMAIN, self.NAME))
        return self._footer

    def page(self, title, page_type, crumbs, body, extra_head=""):
        bc = " &rsaquo; ".join(["<a href=\"/\">Startseite</a>"] + ["<a href=\"%s\">%s</a>" % (u, esc(t)) for u, t in crumbs])
        return "".join([self.head(title, page_type, extra_head), "<body class=\"page-%s\">\n" % page_type, self.cookie_banner(),
                        self.mega_menu(), "<main id=\"content\" class=\"wrapper\"><nav class=\"breadcrumb\" aria-label=\"Brotkrumen\">",
                        bc, "</nav>\n<h1>", esc(title), "</h1>\n", body, "</main>\n", self.footer()])

    def pad_to(self, html_without_pad, lo=40000, hi=80000):
        """Filler (reviews, SEO text) so that the page lands in [lo, hi) bytes."""
        rng = self.rng
        target = rng.randint(lo, hi - 2000)
        size = len(html_without_pad.encode("utf-8"))
        parts = []
        if size < target:
            parts.append("<section class=\"seo-text\"><h2>Gut zu wissen</h2>")
            while size < target:
                p = "<p>%s</p>\n" % paragraph(rng, DE_WORDS, 4, 9)
                parts.append(p)
                size += len(p.encode("utf-8"))
            parts.append("</section>\n")
        return "".join(parts)

    def product_card(self, pi):
        url, name, _, price, brand = self.products[pi]
        return ("<div class=\"product-card col-6 col-md-3\" data-sku=\"%d\"><a href=\"%s\" class=\"pc-link\">"
                "<img src=\"/static/img/p%d.jpg\" alt=\"%s\" loading=\"lazy\" width=\"300\" height=\"300\"></a>"
                "<div class=\"pc-body\"><span class=\"pc-brand\">%s</span><a href=\"%s\" class=\"pc-title\">%s</a>"
                "<div class=\"pc-price\">%s&nbsp;&euro;</div><button class=\"btn btn-cart\" data-sku=\"%d\">In den Warenkorb</button></div></div>\n"
                % (100000 + pi, url, pi % 50, esc(name), esc(brand), url, esc(name), ("%.2f" % price).replace(".", ","), 100000 + pi))

    # pages ------------------------------------------------------------------------------
    def write(self, url, html):
        path = url.lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        full = os.path.join(self.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(html)
        self.written += 1
        self.bytes += len(html.encode("utf-8"))

    def finish(self, url, title, page_type, crumbs, body, extra_head=""):
        html = self.page(title, page_type, crumbs, body, extra_head)
        pad = self.pad_to(html)
        self.write(url, self.page(title, page_type, crumbs, body + pad, extra_head))

    def impressum_body(self):
        return ("<div class=\"cms-text\"><h2>Angaben gemäß § 5 DDG</h2>\n<p>%s<br>\nLindenstraße 42<br>\n04109 Leipzig<br>\nDeutschland</p>\n"
                "<p><strong>Vertreten durch die Geschäftsführer:</strong><br>\nKatrin Weiland, Michael Hoffmeister</p>\n"
                "<h2>Kontakt</h2>\n<p>Telefon: 0341 2345678-0<br>\nTelefax: 0341 2345678-99<br>\nE-Mail: <a href=\"mailto:service@%s\">service@%s</a></p>\n"
                "<h2>Registereintrag</h2>\n<p>Eintragung im Handelsregister.<br>\nRegistergericht: Amtsgericht Leipzig<br>\nRegisternummer: HRB 34567</p>\n"
                "<h2>Umsatzsteuer-ID</h2>\n<p>Umsatzsteuer-Identifikationsnummer gemäß § 27a Umsatzsteuergesetz:<br>\nUSt-IdNr. %s</p>\n"
                "<h2>Verbraucherstreitbeilegung</h2>\n<p>Wir sind nicht bereit oder verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>\n"
                "<h2>Hosting</h2>\n<p>Gehostet bei Serverhaus Mitte GmbH, Rechenzentrumsweg 1, 99084 Erfurt.</p></div>\n"
                % (self.NAME, self.DOMAIN, self.DOMAIN, self.vat))

    def kontakt_body(self):
        return ("<div class=\"cms-text\"><p>Sie haben Fragen zu Ihrer Bestellung oder zu unseren Produkten? Unser Kundenservice hilft Ihnen gern.</p>\n"
                "<h2>Telefon</h2><p>0341 2345678-0 (Mo&ndash;Fr 8&ndash;18 Uhr, Festnetzpreis)</p>\n"
                "<h2>E-Mail</h2><p><a href=\"mailto:service@%s\">service@%s</a></p>\n"
                "<h2>Post</h2><p>%s<br>Lindenstraße 42<br>04109 Leipzig</p>\n"
                "<form class=\"contact-form\" action=\"/kontakt.html\" method=\"post\"><label>Name <input name=\"name\" required></label>"
                "<label>E-Mail <input type=\"email\" name=\"email\" required></label><label>Bestellnummer <input name=\"order\"></label>"
                "<label>Nachricht <textarea name=\"message\" rows=\"6\"></textarea></label><button type=\"submit\" class=\"btn\">Absenden</button></form></div>\n"
                % (self.DOMAIN, self.DOMAIN, self.NAME))

    def generate(self):
        rng = self.rng
        self.written = 0
        self.bytes = 0
        os.makedirs(self.out, exist_ok=True)
        # home
        cards = "".join(self.product_card(i) for i in self.featured)
        org = {"@context": "https://schema.org", "@type": "Organization", "name": self.NAME, "url": "https://www.%s/" % self.DOMAIN,
               "logo": "https://www.%s/static/logo.svg" % self.DOMAIN,
               "contactPoint": {"@type": "ContactPoint", "telephone": "+49-341-2345678-0", "contactType": "customer service"}}
        home_body = ("<div class=\"hero\"><img src=\"/static/img/hero.jpg\" alt=\"Neue Kollektion\"><p class=\"hero-text\">Die neue Herbstkollektion ist da.</p></div>\n"
                     "<section class=\"featured\"><h2>Beliebte Artikel</h2><div class=\"row product-grid\">%s</div></section>\n" % cards)
        self.finish("/", "Haushaltswaren online kaufen", "home", [], home_body,
                    "<script type=\"application/ld+json\">%s</script>\n" % json.dumps(org, ensure_ascii=False))
        # info pages
        for f, title, _ in INFO_PAGES:
            if f == "impressum":
                body = self.impressum_body()
            elif f == "kontakt":
                body = self.kontakt_body()
            elif f == "filialen":
                body = "<ul class=\"stores\">%s</ul>\n" % "".join("<li><a href=\"/%s.html\">Filiale %d</a></li>" % (s, i + 1) for i, s in enumerate(self.stores))
                body += "<div class=\"cms-text\"><p>%s</p></div>\n" % paragraph(rng, DE_WORDS)
            else:
                body = "<div class=\"cms-text\">%s</div>\n" % "".join("<h2>%d. %s</h2><p>%s</p>\n" % (k + 1, sentence(rng, DE_WORDS, 3, 6), paragraph(rng, DE_WORDS)) for k in range(8))
            self.finish("/%s.html" % f, title, "content", [], body)
        for i, s in enumerate(self.stores):
            self.finish("/%s.html" % s, "Filiale %d" % (i + 1), "content", [("/filialen.html", "Filialen")],
                        "<p>Öffnungszeiten Mo&ndash;Sa 9&ndash;19 Uhr. %s</p>\n" % paragraph(rng, DE_WORDS))
        # categories
        si = 0
        for top, name, subs in CATEGORIES:
            links = "".join("<li><a href=\"%s\">%s</a></li>" % (self.subcat_url(si + k), esc(s.replace("-", " ").capitalize())) for k, s in enumerate(subs))
            cards = "".join(self.product_card(self.by_subcat[si + k][0]) for k in range(len(subs)) if self.by_subcat[si + k])
            self.finish("/kategorie/%s/" % top, name, "category", [],
                        "<ul class=\"subcats\">%s</ul><div class=\"row product-grid\">%s</div>\n" % (links, cards))
            for k, sub in enumerate(subs):
                items = self.by_subcat[si]
                npages = max(1, math.ceil(len(items) / self.per_page))
                for pg in range(1, npages + 1):
                    chunk = items[(pg - 1) * self.per_page: pg * self.per_page]
                    pager = "".join("<a href=\"%s\"%s>%d</a> " % (self.subcat_url(si, q), " class=\"active\"" if q == pg else "", q) for q in range(1, npages + 1))
                    body = ("<div class=\"filters\"><form action=\"%s\" method=\"get\"><select name=\"sort\"><option>Beliebtheit</option><option>Preis aufsteigend</option></select></form></div>"
                            "<div class=\"row product-grid\">%s</div><nav class=\"pager\">%s</nav>\n"
                            % (self.subcat_url(si), "".join(self.product_card(i) for i in chunk), pager))
                    label = sub.replace("-", " ").capitalize()
                    self.finish(self.subcat_url(si, pg), label + ("" if pg == 1 else " – Seite %d" % pg), "listing",
                                [("/kategorie/%s/" % top, name)], body)
                si += 1
        # brands (link to 30 products each)
        for bi, b in enumerate(BRANDS):
            items = [i for i, p in enumerate(self.products) if p[4] == b][:30]
            self.finish(self.brand_url(b), b, "brand", [],
                        "<p>%s</p><div class=\"row product-grid\">%s</div>\n" % (paragraph(rng, DE_WORDS), "".join(self.product_card(i) for i in items)))
        self.finish("/marken/", "Marken", "content", [],
                    "<ul class=\"brands\">%s</ul>\n" % "".join("<li><a href=\"%s\">%s</a></li>" % (self.brand_url(b), esc(b)) for b in BRANDS))
        # products
        for pi, (url, name, si, price, brand) in enumerate(self.products):
            top, tname, sub = self.subcats[si]
            related = rng.sample(self.by_subcat[si], min(8, len(self.by_subcat[si])))
            ld = {"@context": "https://schema.org", "@type": "Product", "name": name, "sku": str(100000 + pi),
                  "brand": {"@type": "Brand", "name": brand}, "image": "https://www.%s/static/img/p%d.jpg" % (self.DOMAIN, pi % 50),
                  "offers": {"@type": "Offer", "price": "%.2f" % price, "priceCurrency": "EUR", "availability": "https://schema.org/InStock",
                             "seller": {"@type": "Organization", "name": self.NAME}}}
            body = ("<div class=\"product-detail row\"><div class=\"col gallery\"><img src=\"/static/img/p%d.jpg\" alt=\"%s\" width=\"600\" height=\"600\"></div>"
                    "<div class=\"col buybox\"><p class=\"brand\"><a href=\"%s\">%s</a></p><p class=\"price\">%s&nbsp;&euro; <small>inkl. MwSt., zzgl. <a href=\"/versand-und-zahlung.html\">Versand</a></small></p>"
                    "<p class=\"stock\">Auf Lager, Lieferzeit 2&ndash;4 Werktage</p><form action=\"/warenkorb/\" method=\"post\"><input type=\"hidden\" name=\"sku\" value=\"%d\">"
                    "<input type=\"number\" name=\"qty\" value=\"1\" min=\"1\"><button class=\"btn btn-primary\">In den Warenkorb</button></form></div></div>\n"
                    "<section class=\"description\"><h2>Beschreibung</h2><p>%s</p><ul class=\"specs\"><li>Artikelnummer: %d</li><li>Material: %s</li><li>Hersteller: %s</li></ul></section>\n"
                    "<section class=\"related\"><h2>Das könnte Ihnen auch gefallen</h2><div class=\"row product-grid\">%s</div></section>\n"
                    "<section class=\"reviews\"><h2>Kundenbewertungen</h2>%s</section>\n"
                    % (pi % 50, esc(name), self.brand_url(brand), esc(brand), ("%.2f" % price).replace(".", ","), 100000 + pi,
                       paragraph(rng, DE_WORDS, 5, 10), 100000 + pi, esc(name.split(" aus ")[-1]), esc(brand),
                       "".join(self.product_card(i) for i in related if i != pi),
                       "".join("<div class=\"review\"><span class=\"stars\">%s</span><p>%s</p><span class=\"author\">%s</span></div>"
                               % ("&#9733;" * rng.randint(3, 5), paragraph(rng, DE_WORDS, 1, 3), rng.choice(["Anna K.", "Peter M.", "Jana S.", "Tom B."]))
                               for _ in range(rng.randint(2, 6)))))
            self.finish(url, name, "product", [("/kategorie/%s/" % top, tname), (self.subcat_url(si), sub.replace("-", " ").capitalize())], body,
                        "<script type=\"application/ld+json\">%s</script>\n" % json.dumps(ld, ensure_ascii=False))
        write_static(self.out, disallow=["/warenkorb/", "/suche/", "/konto/"])
        return self.written, self.bytes


def write_static(out, disallow, images=True):
    os.makedirs(os.path.join(out, "static", "img"), exist_ok=True)
    with open(os.path.join(out, "robots.txt"), "w") as f:
        f.write("User-agent: *\n" + "".join("Disallow: %s\n" % d for d in disallow))
    with open(os.path.join(out, "static", "app.css"), "w") as f:
        f.write("body{font-family:sans-serif;margin:0}.wrapper{max-width:1200px;margin:0 auto}\n" * 40)
    with open(os.path.join(out, "static", "app.js"), "w") as f:
        f.write("(function(){'use strict';var q=document.querySelectorAll.bind(document);})();\n" * 40)
    with open(os.path.join(out, "static", "logo.svg"), "w") as f:
        f.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"180\" height=\"48\"><rect width=\"180\" height=\"48\" fill=\"#264\"/></svg>\n")
    jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + bytes(600) + bytes([0xFF, 0xD9])
    names = ["p%d.jpg" % i for i in range(50)] + ["t%d.jpg" % i for i in range(50)] + ["hero.jpg", "pay.png"] if images else []
    for n in names:
        with open(os.path.join(out, "static", "img", n), "wb") as f:
            f.write(jpeg)


# ---------------------------------------------------------------------------------------------
# the small shops

LANGS = {
    "de": dict(
        country="DE", html_lang="de",
        cities=[("Berlin", "10115", "030"), ("Hamburg", "20095", "040"), ("München", "80331", "089"), ("Köln", "50667", "0221"),
                ("Freiburg im Breisgau", "79098", "0761"), ("Dresden", "01067", "0351")],
        streets=["Hauptstraße", "Bahnhofstraße", "Lindenallee", "Gartenweg", "Schillerstraße", "Am Markt"],
        forms=["GmbH", "UG (haftungsbeschränkt)", "e.K.", "GmbH & Co. KG"],
        trades=["Kaffeerösterei", "Teehaus", "Buchhandlung", "Fahrradladen", "Weinhandel", "Spielwaren", "Naturkosmetik", "Wollladen"],
        owners=["Sabine Krüger", "Thomas Berger", "Anja Wolff", "Markus Lehmann", "Claudia Seidel"],
        pages=dict(legal=("impressum", "Impressum"), contact=("kontakt", "Kontakt"), terms=("agb", "AGB"),
                   privacy=("datenschutz", "Datenschutz"), shipping=("versand", "Versand & Rückgabe"), home="Startseite"),
        words=DE_WORDS,
        legal=lambda s: ("<h2>Angaben gemäß § 5 DDG</h2><p>%(name)s<br>%(street)s<br>%(zip)s %(city)s<br>Deutschland</p>"
                         "<p><strong>Vertreten durch:</strong> %(owner)s</p><h2>Kontakt</h2><p>Telefon: %(phone)s<br>E-Mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>"
                         "<h2>Registereintrag</h2><p>Registergericht: Amtsgericht %(city)s<br>Registernummer: HRB %(reg)s</p>"
                         "<h2>Umsatzsteuer-ID</h2><p>USt-IdNr.: %(vat)s</p>"
                         "<p>Plattform der EU-Kommission zur Online-Streitbeilegung: wir nehmen nicht an Streitbeilegungsverfahren teil.</p>" % s),
        contact=lambda s: ("<p>Schreiben Sie uns oder rufen Sie an &ndash; wir antworten werktags innerhalb von 24 Stunden.</p>"
                           "<p>Telefon: %(phone)s<br>E-Mail: <a href=\"mailto:%(email)s\">%(email)s</a></p><p>%(name)s<br>%(street)s<br>%(zip)s %(city)s</p>" % s),
        ids=lambda rng: dict(reg=str(rng.randint(1000, 250000)), vat=de_vat(rng)),
        phone=lambda rng, area: "%s %d %d" % (area, rng.randint(100, 999), rng.randint(1000, 9999)),
        tld="de"),
    "fr": dict(
        country="FR", html_lang="fr",
        cities=[("Paris", "75011", "01"), ("Lyon", "69002", "04"), ("Nantes", "44000", "02"), ("Bordeaux", "33000", "05"), ("Lille", "59000", "03")],
        streets=["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue des Lilas", "place du Marché"],
        forms=["SAS", "SARL", "EURL", "SASU"],
        trades=["Épicerie fine", "Librairie", "Maroquinerie", "Cave à vins", "Savonnerie", "Papeterie", "Fromagerie", "Atelier céramique"],
        owners=["Claire Dubois", "Julien Martin", "Sophie Bernard", "Nicolas Petit", "Camille Durand"],
        pages=dict(legal=("mentions-legales", "Mentions légales"), contact=("contact", "Contact"), terms=("cgv", "CGV"),
                   privacy=("confidentialite", "Politique de confidentialité"), shipping=("livraison", "Livraison et retours"), home="Accueil"),
        words=("le la les de des du un une et est avec pour dans sur nos vos notre votre produit qualité fabriqué france "
               "livraison commande boutique atelier artisan naturel fait main choix prix client service retour délai "
               "cadeau saison collection nouveau classique élégant pratique durable local famille tradition").split(),
        legal=lambda s: ("<h2>Éditeur du site</h2><p>%(name)s, au capital de %(capital)s €<br>Siège social : %(street_no)s<br>%(zip)s %(city)s, France</p>"
                         "<p>RCS %(city)s %(siren_sp)s<br>N° TVA intracommunautaire : %(vat)s</p><p>Directeur de la publication : %(owner)s</p>"
                         "<p>Téléphone : %(phone)s<br>E-mail : <a href=\"mailto:%(email)s\">%(email)s</a></p>"
                         "<h2>Hébergement</h2><p>Hébergé par Hébergeur Exemple SAS, 2 rue du Serveur, 59100 Roubaix.</p>" % s),
        contact=lambda s: ("<p>Une question ? Écrivez-nous, nous répondons sous 48 heures.</p><p>Tél. : %(phone)s<br>"
                           "E-mail : <a href=\"mailto:%(email)s\">%(email)s</a></p><p>%(name)s<br>%(street_no)s<br>%(zip)s %(city)s</p>" % s),
        ids=lambda rng: (lambda siren: dict(siren=siren, siren_sp="%s %s %s" % (siren[:3], siren[3:6], siren[6:]), vat=fr_vat(siren),
                                             capital=rng.choice(["1 000", "5 000", "10 000", "50 000"])))(fr_siren(rng)),
        phone=lambda rng, area: "%s %02d %02d %02d %02d" % (area, rng.randint(10, 99), rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99)),
        tld="fr"),
    "en": dict(
        country="GB", html_lang="en",
        cities=[("London", "EC1V 9HX", "020 7946"), ("Manchester", "M1 1AE", "0161 496"), ("Bristol", "BS1 4DJ", "0117 496"), ("Leeds", "LS1 4DY", "0113 496")],
        streets=["Old Street", "High Street", "Station Road", "Mill Lane", "Church Road"],
        forms=["Ltd", "Limited", "LLP"],
        trades=["Tea Company", "Bookshop", "Cycle Works", "Candle Co", "Pet Supplies", "Garden Shop", "Knitting Supplies", "Coffee Roasters"],
        owners=["Emily Clarke", "James Wilson", "Olivia Hughes", "Daniel Wright", "Sarah Evans"],
        pages=dict(legal=("legal-notice", "Legal notice"), contact=("contact-us", "Contact us"), terms=("terms-and-conditions", "Terms & Conditions"),
                   privacy=("privacy-policy", "Privacy policy"), shipping=("delivery-returns", "Delivery & returns"), home="Home"),
        words=("the a of and to in for with our your is are we you this that from on at by product quality made britain "
               "delivery order shop workshop handmade natural choice price customer service returns days gift season "
               "collection new classic elegant practical durable local family tradition").split(),
        legal=lambda s: ("<p>This website is operated by %(name)s, registered in England and Wales under company number %(reg)s.</p>"
                         "<p>Registered office: %(street_no)s, %(city)s %(zip)s, United Kingdom</p><p>VAT number: %(vat)s</p>"
                         "<p>Telephone: %(phone)s<br>Email: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        contact=lambda s: ("<p>Questions about an order? Get in touch and we will reply within one working day.</p><p>Call us: %(phone)s<br>"
                           "Email: <a href=\"mailto:%(email)s\">%(email)s</a></p><p>%(name)s, %(street_no)s, %(city)s %(zip)s</p>" % s),
        ids=lambda rng: dict(reg="%08d" % rng.randint(1000000, 15999999), vat=gb_vat(rng)),
        phone=lambda rng, area: "%s %04d" % (area, rng.randint(0, 999)),
        tld="co.uk"),
    "cs": dict(
        country="CZ", html_lang="cs",
        cities=[("Praha 2", "120 00", "+420 2"), ("Brno", "602 00", "+420 5"), ("Ostrava", "702 00", "+420 5"), ("Plzeň", "301 00", "+420 3")],
        streets=["Vinohradská", "Masarykova", "Husova", "Palackého", "Nádražní"],
        forms=["s.r.o.", "a.s.", "spol. s r.o."],
        trades=["Kavárna", "Knihkupectví", "Čajovna", "Cyklo", "Vinotéka", "Hračky", "Kosmetika", "Keramika"],
        owners=["Jana Nováková", "Petr Svoboda", "Lucie Dvořáková", "Martin Černý", "Tereza Procházková"],
        pages=dict(legal=("provozovatel", "Provozovatel"), contact=("kontakty", "Kontakty"), terms=("obchodni-podminky", "Obchodní podmínky"),
                   privacy=("ochrana-osobnich-udaju", "Ochrana osobních údajů"), shipping=("doprava-a-platba", "Doprava a platba"), home="Úvod"),
        words=("a v na s se je jsou pro z do od naše vaše zboží kvalita vyrobeno česko doprava objednávka obchod dílna ručně "
               "přírodní výběr cena zákazník služba vrácení dní dárek sezóna kolekce nový klasický praktický místní rodina").split(),
        legal=lambda s: ("<p>Provozovatel: %(name)s<br>se sídlem %(street_no)s, %(zip)s %(city)s<br>IČO: %(ico)s, DIČ: CZ%(ico)s</p>"
                         "<p>Společnost zapsaná v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka %(reg)s.</p>"
                         "<p>Telefon: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        contact=lambda s: ("<p>Máte dotaz? Napište nám, odpovíme do 24 hodin.</p><p>Tel.: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>"
                           "<p>%(name)s, %(street_no)s, %(zip)s %(city)s</p>" % s),
        ids=lambda rng: dict(ico=cz_ico(rng), reg=str(rng.randint(10000, 350000))),
        phone=lambda rng, area: "%s%02d %03d %03d" % (area, rng.randint(10, 99), rng.randint(0, 999), rng.randint(0, 999)),
        tld="cz"),
    "nl": dict(
        country="NL", html_lang="nl",
        cities=[("Amsterdam", "1012 AB", "020"), ("Utrecht", "3511 AA", "030"), ("Rotterdam", "3011 AD", "010"), ("Groningen", "9711 AB", "050")],
        streets=["Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Prinsengracht"],
        forms=["B.V.", "V.O.F."],
        trades=["Koffiebranderij", "Boekhandel", "Fietsenwinkel", "Wijnhandel", "Speelgoed", "Kaaswinkel", "Bloemist", "Theehuis"],
        owners=["Eva de Vries", "Daan Jansen", "Sanne Bakker", "Lucas Visser", "Fleur Smit"],
        pages=dict(legal=("bedrijfsgegevens", "Bedrijfsgegevens"), contact=("contact", "Contact"), terms=("algemene-voorwaarden", "Algemene voorwaarden"),
                   privacy=("privacy", "Privacyverklaring"), shipping=("verzending-en-retour", "Verzending en retour"), home="Home"),
        words=("de het een en van in op met voor onze uw is zijn wij u product kwaliteit gemaakt nederland bezorging bestelling "
               "winkel atelier handgemaakt natuurlijk keuze prijs klant service retour dagen cadeau seizoen collectie nieuw").split(),
        legal=lambda s: ("<p>Handelsnaam: %(name)s<br>Vestigingsadres: %(street_no)s, %(zip)s %(city)s</p><p>KvK-nummer: %(kvk)s<br>Btw-nummer: %(vat)s</p>"
                         "<p>Telefoon: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        contact=lambda s: ("<p>Vragen? Neem contact op, wij antwoorden binnen één werkdag.</p><p>Telefoon: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        ids=lambda rng: dict(kvk="%08d" % rng.randint(10000000, 99999999), vat=nl_btw(rng)),
        phone=lambda rng, area: "%s %03d %04d" % (area, rng.randint(100, 999), rng.randint(0, 9999)),
        tld="nl"),
    "it": dict(
        country="IT", html_lang="it",
        cities=[("Milano", "20121", "02"), ("Torino", "10121", "011"), ("Bologna", "40121", "051"), ("Firenze", "50122", "055")],
        streets=["Via Roma", "Corso Garibaldi", "Via Dante", "Piazza della Repubblica", "Via Mazzini"],
        forms=["S.r.l.", "S.n.c.", "S.p.A."],
        trades=["Torrefazione", "Libreria", "Enoteca", "Pelletteria", "Ceramiche", "Pasticceria", "Erboristeria", "Cartoleria"],
        owners=["Giulia Rossi", "Marco Bianchi", "Chiara Romano", "Luca Ricci", "Francesca Greco"],
        pages=dict(legal=("note-legali", "Note legali"), contact=("contatti", "Contatti"), terms=("condizioni-di-vendita", "Condizioni di vendita"),
                   privacy=("privacy", "Informativa privacy"), shipping=("spedizioni-e-resi", "Spedizione e resi"), home="Home"),
        words=("il la le di del un una e è con per in su nostro vostro prodotto qualità fatto italia spedizione ordine negozio "
               "bottega artigiano naturale scelta prezzo cliente servizio reso giorni regalo stagione collezione nuovo").split(),
        legal=lambda s: ("<p>Ragione sociale: %(name)s<br>Sede legale: %(street_no)s, %(zip)s %(city)s</p><p>P.IVA %(piva)s<br>"
                         "Registro Imprese di %(city)s, REA %(rea)s</p><p>Tel. %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        contact=lambda s: ("<p>Hai una domanda? Scrivici, rispondiamo entro 24 ore.</p><p>Telefono: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        ids=lambda rng: dict(piva=it_piva(rng), rea="MI-%d" % rng.randint(100000, 2500000)),
        phone=lambda rng, area: "%s %04d %04d" % (area, rng.randint(1000, 9999), rng.randint(0, 9999)),
        tld="it"),
    "es": dict(
        country="ES", html_lang="es",
        cities=[("Madrid", "28004", "91"), ("Barcelona", "08001", "93"), ("Valencia", "46001", "96"), ("Sevilla", "41001", "95")],
        streets=["Calle Mayor", "Avenida de la Constitución", "Calle del Carmen", "Plaza de España", "Calle Real"],
        forms=["S.L.", "S.A.", "S.L.U."],
        trades=["Tostadero", "Librería", "Bodega", "Marroquinería", "Cerámica", "Herboristería", "Papelería", "Juguetería"],
        owners=["Lucía García", "Javier López", "Marta Sánchez", "Pablo Fernández", "Elena Ruiz"],
        pages=dict(legal=("aviso-legal", "Aviso legal"), contact=("contacto", "Contacto"), terms=("condiciones-generales", "Condiciones generales"),
                   privacy=("politica-de-privacidad", "Política de privacidad"), shipping=("envios-y-devoluciones", "Envíos y devoluciones"), home="Inicio"),
        words=("el la los las de del un una y es con para en sobre nuestro su producto calidad hecho españa envío pedido tienda "
               "taller artesano natural precio cliente servicio devolución días regalo temporada colección nuevo").split(),
        legal=lambda s: ("<p>Titular: %(name)s<br>CIF: %(cif)s<br>Domicilio social: %(street_no)s, %(zip)s %(city)s</p>"
                         "<p>Inscrita en el Registro Mercantil de %(city)s, tomo %(tomo)s, folio 12, hoja M-%(reg)s.</p>"
                         "<p>Teléfono: %(phone)s<br>Correo electrónico: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        contact=lambda s: ("<p>¿Tienes alguna pregunta? Escríbenos y te respondemos en 24 horas.</p><p>Teléfono: %(phone)s<br>Email: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        ids=lambda rng: dict(cif=es_cif(rng), tomo=str(rng.randint(1000, 40000)), reg=str(rng.randint(100000, 700000))),
        phone=lambda rng, area: "%s %03d %02d %02d" % (area, rng.randint(100, 999), rng.randint(0, 99), rng.randint(0, 99)),
        tld="es"),
    "pl": dict(
        country="PL", html_lang="pl",
        cities=[("Warszawa", "00-001", "22"), ("Kraków", "30-001", "12"), ("Gdańsk", "80-001", "58"), ("Wrocław", "50-001", "71")],
        streets=["ul. Długa", "ul. Marszałkowska", "ul. Floriańska", "ul. Kościuszki", "ul. Polna"],
        forms=["sp. z o.o.", "S.A.", "sp.j."],
        trades=["Palarnia kawy", "Księgarnia", "Sklep rowerowy", "Winiarnia", "Zabawki", "Kosmetyki", "Ceramika", "Herbaciarnia"],
        owners=["Anna Kowalska", "Piotr Nowak", "Katarzyna Wiśniewska", "Tomasz Wójcik", "Magdalena Kamińska"],
        pages=dict(legal=("dane-firmy", "Dane firmy"), contact=("kontakt", "Kontakt"), terms=("regulamin", "Regulamin sklepu"),
                   privacy=("polityka-prywatnosci", "Polityka prywatności"), shipping=("dostawa", "Dostawa"), home="Strona główna"),
        words=("i w na z do dla od nasz wasz produkt jakość wykonany polska dostawa zamówienie sklep pracownia ręcznie naturalny "
               "wybór cena klient obsługa zwrot dni prezent sezon kolekcja nowy klasyczny praktyczny lokalny rodzina").split(),
        legal=lambda s: ("<p>Sprzedawca: %(name)s<br>Adres siedziby: %(street_no)s, %(zip)s %(city)s</p>"
                         "<p>NIP: %(nip)s<br>KRS: %(krs)s, Sąd Rejonowy w %(city)s</p><p>Telefon: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        contact=lambda s: ("<p>Masz pytanie? Napisz do nas, odpowiemy w ciągu 24 godzin.</p><p>Telefon: %(phone)s<br>E-mail: <a href=\"mailto:%(email)s\">%(email)s</a></p>" % s),
        ids=lambda rng: dict(nip=pl_nip(rng), krs="%010d" % rng.randint(100000, 999999)),
        phone=lambda rng, area: "+48 %s %03d %02d %02d" % (area, rng.randint(100, 999), rng.randint(0, 99), rng.randint(0, 99)),
        tld="pl"),
}
COUNTRY_EN = {"DE": "Germany", "FR": "France", "GB": "United Kingdom", "CZ": "Czech Republic", "NL": "Netherlands",
              "IT": "Italy", "ES": "Spain", "PL": "Poland"}
# register and VAT lines of the English version of a non-English shop's legal notice
REG_EN = {
    "de": lambda s: ("Commercial register: Amtsgericht %(city)s, HRB %(reg)s" % s, s["vat"]),
    "fr": lambda s: ("RCS %(city)s %(siren_sp)s" % s, s["vat"]),
    "en": lambda s: ("Company number %(reg)s" % s, s["vat"]),
    "cs": lambda s: ("Company ID (IČO): %(ico)s" % s, "CZ" + s["ico"]),
    "nl": lambda s: ("Chamber of Commerce (KvK): %(kvk)s" % s, s["vat"]),
    "it": lambda s: ("REA %(rea)s" % s, "IT" + s["piva"]),
    "es": lambda s: ("Registro Mercantil de %(city)s, hoja M-%(reg)s" % s, "ES" + s["cif"]),
    "pl": lambda s: ("KRS %(krs)s" % s, "PL" + s["nip"]),
}
LEGAL_EN_FOREIGN = ("<p>This website is operated by %(name)s, %(street_no)s, %(zip)s %(city)s, %(country_en)s.</p>"
                    "<p>%(reg_en)s<br>VAT ID: %(vat_en)s</p><p>Telephone: %(phone)s<br>"
                    "Email: <a href=\"mailto:%(email)s\">%(email)s</a></p>")
LANG_ORDER = ["de", "de", "fr", "en", "cs", "nl", "it", "es", "pl", "de", "fr", "en"]


def slugify(s):
    tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a", "ç": "c", "í": "i", "á": "a",
                        "ó": "o", "ú": "u", "ñ": "n", "č": "c", "ř": "r", "š": "s", "ž": "z", "ý": "y", "ě": "e", "ů": "u",
                        "ł": "l", "ś": "s", "ą": "a", "ę": "e", "ż": "z", "ź": "z", "ń": "n", "ć": "c", "ò": "o"})
    out = []
    for ch in s.lower().translate(tr):
        out.append(ch if ch.isalnum() and ch.isascii() else "-")
    return "-".join(filter(None, "".join(out).split("-")))


def small_site(out, idx, rng):
    lang = LANG_ORDER[idx % len(LANG_ORDER)]
    L = LANGS[lang]
    city, zipc, area = rng.choice(L["cities"])
    trade = rng.choice(L["trades"])
    surname = rng.choice(L["owners"]).split()[-1]
    brand = "%s %s" % (trade, surname)
    form = rng.choice(L["forms"])
    name = "%s %s" % (brand, form)
    domain = "%s-%d.%s" % (slugify(brand), idx, L["tld"])
    street = rng.choice(L["streets"])
    no = rng.randint(1, 120)
    street_no = ("%d %s" % (no, street)) if lang in ("en", "fr") else ("%s, %d" % (street, no)) if lang == "it" else "%s %d" % (street, no)
    s = dict(name=name, street="%s %d" % (street, no), street_no=street_no, zip=zipc, city=city, owner=rng.choice(L["owners"]),
             phone=L["phone"](rng, area), email=rng.choice(["info", "kontakt", "hello", "shop", "service"]) + "@" + domain)
    s.update(L["ids"](rng))
    s["country_en"] = COUNTRY_EN[L["country"]]
    s["reg_en"], s["vat_en"] = REG_EN[lang](s)
    multilingual = lang != "en" and idx % 6 == 1
    products = [("%s %s" % (rng.choice(L["words"]).capitalize(), rng.choice(L["words"])), rng.randint(500, 9000) / 100.0)
                for _ in range(rng.randint(1, 3))]
    P = L["pages"]
    root = os.path.join(out, "s%04d" % idx)
    os.makedirs(root, exist_ok=True)

    def nav(prefix, Lx):
        Px = Lx["pages"]
        items = ["<li><a href=\"%s/\">%s</a></li>" % (prefix, esc(Px["home"]))]
        items += ["<li><a href=\"%s/produkt-%d\">%s</a></li>" % (prefix, k + 1, esc(p[0])) for k, p in enumerate(products)]
        items.append("<li><a href=\"%s/%s\">%s</a></li>" % (prefix, Px["contact"][0], esc(Px["contact"][1])))
        return "<nav class=\"main-nav\"><ul>%s</ul></nav>" % "".join(items)

    def footer(prefix, Lx):
        Px = Lx["pages"]
        links = "".join("<a href=\"%s/%s\">%s</a> " % (prefix, Px[k][0], esc(Px[k][1])) for k in ("legal", "contact", "terms", "privacy", "shipping"))
        return ("<footer class=\"footer\"><div class=\"footer-links\">%s</div><p class=\"copy\">&copy; 2024 %s</p></footer>"
                "<script>document.querySelectorAll('.cc-btn').forEach(function(b){b.onclick=function(){document.cookie='cc=1;path=/';"
                "document.getElementById('cc').remove()}})</script>" % (links, esc(brand)))

    def page(prefix, Lx, title, body, words):
        switch = ""
        if multilingual:
            switch = ("<div class=\"lang-switch\"><a href=\"/\" hreflang=\"%s\">%s</a> | <a href=\"/en/\" hreflang=\"en\">EN</a></div>"
                      % (L["html_lang"], L["html_lang"].upper()))
        filler = "".join("<p>%s</p>" % paragraph(rng, words, 3, 6) for _ in range(rng.randint(10, 40)))
        return ("<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\"><title>%s – %s</title>"
                "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"stylesheet\" href=\"/static/app.css\">"
                "<script>window.dataLayer=window.dataLayer||[];dataLayer.push({shop:'%s',lang:'%s'});</script></head><body>"
                "<div id=\"cc\" class=\"cookie\">Cookies? <a href=\"#\" class=\"cc-btn\">OK</a></div>%s"
                "<header><a class=\"logo\" href=\"%s/\">%s</a>%s</header><main><h1>%s</h1>%s%s</main>%s</body></html>\n"
                % (Lx["html_lang"], esc(title), esc(brand), domain, Lx["html_lang"], switch, prefix, esc(brand), nav(prefix, Lx),
                   esc(title), body, filler, footer(prefix, Lx)))

    def write(rel, html):
        full = os.path.join(root, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(html)
        return len(html.encode("utf-8"))

    total = 0
    n = 0
    versions = [("", L)] + ([("/en", LANGS["en"])] if multilingual else [])
    for prefix, Lx in versions:
        Px = Lx["pages"]
        d = prefix.lstrip("/")
        words = Lx["words"]
        grid = "".join("<div class=\"product\"><a href=\"%s/produkt-%d\">%s</a> <span class=\"price\">%.2f</span></div>" % (prefix, k + 1, esc(p[0]), p[1])
                       for k, p in enumerate(products))
        total += write(os.path.join(d, "index.html"), page(prefix, Lx, Px["home"], "<section class=\"grid\">%s</section>" % grid, words)); n += 1
        total += write(os.path.join(d, Px["legal"][0] + ".html"), page(prefix, Lx, Px["legal"][1], (LEGAL_EN_FOREIGN % s) if Lx is not L else Lx["legal"](s), words)); n += 1
        total += write(os.path.join(d, Px["contact"][0] + ".html"), page(prefix, Lx, Px["contact"][1], Lx["contact"](s), words)); n += 1
        for key in ("terms", "privacy", "shipping"):
            total += write(os.path.join(d, Px[key][0] + ".html"), page(prefix, Lx, Px[key][1], "", words)); n += 1
        for k, p in enumerate(products):
            total += write(os.path.join(d, "produkt-%d.html" % (k + 1)),
                           page(prefix, Lx, p[0], "<p class=\"price\">%.2f</p><button>+</button>" % p[1], words)); n += 1
    write_static(root, disallow=["/cart"], images=False)
    return n, total, lang, multilingual


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["big", "small"])
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if a.kind == "big":
        n, b = BigShop(a.out, a.pages, a.seed).generate()
        print("big site: %d pages, %.1f MB of HTML in %s" % (n, b / 1e6, a.out))
    else:
        rng = random.Random(a.seed)
        pages = total = multi = 0
        langs = {}
        for i in range(a.count):
            n, t, lang, m = small_site(a.out, i, rng)
            pages += n
            total += t
            multi += m
            langs[lang] = langs.get(lang, 0) + 1
        print("small sites: %d sites, %d pages, %.1f MB; languages %s; %d with an English version"
              % (a.count, pages, total / 1e6, ", ".join("%s %d" % kv for kv in sorted(langs.items())), multi))


if __name__ == "__main__":
    sys.exit(main())

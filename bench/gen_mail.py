#!/usr/bin/env python3
"""Writes N generated merchant e-mails as .eml files (deterministic for a given seed).

    gen_mail.py OUT_DIR [--count 10000] [--seed 11]

The messages look like what shops send and receive: order confirmations, shipping notices,
newsletters, replies from customer service and customers' questions, in seven languages.
Most are multipart/alternative (text/plain + text/html), some have a small PDF attachment or
are plain text only; bodies are quoted-printable or base64, in UTF-8, ISO-8859-1/-15 or
windows-1250; display names and subjects are RFC 2047 encoded words (B and Q) when not ASCII;
replies carry In-Reply-To and References. Some senders are no-reply addresses with a
"do not reply" line, as the e-mail rules look for. All names and domains are invented.
"""
import argparse
import base64
import os
import quopri
import random
import sys

SHOPS = [
    # (display name, domain, language, charset for bodies)
    ("Müller & Söhne Versand", "mueller-versand.de", "de", "utf-8"),
    ("Lindenhof Haushaltswaren", "lindenhof-haushalt.de", "de", "iso-8859-15"),
    ("Maison Lumière", "maison-lumiere.fr", "fr", "utf-8"),
    ("Épicerie Fine Dubois", "epicerie-dubois.fr", "fr", "iso-8859-1"),
    ("Acme Widgets", "acmewidgets.co.uk", "en", "utf-8"),
    ("Kavárna Doma", "kavarnadoma.cz", "cs", "windows-1250"),
    ("Čajovna U Zeleného čaje", "cajovna-zeleny.cz", "cs", "utf-8"),
    ("Koffiebranderij De Vries", "koffie-devries.nl", "nl", "utf-8"),
    ("Torrefazione Rossi", "torrefazione-rossi.it", "it", "iso-8859-1"),
    ("Librería García", "libreria-garcia.es", "es", "utf-8"),
    ("Palarnia Kawy Kowalski", "palarnia-kowalski.pl", "pl", "utf-8"),
]
CUSTOMERS = ["Jürgen Weiß", "Anna Schäfer", "Hélène Girard", "François Lefèvre", "Emily Clarke", "Jiří Dvořák",
             "Tereza Nováková", "Daan de Vries", "Giulia Rossi", "Lucía Fernández", "Łukasz Wiśniewski", "John Smith",
             "Zoë O'Brien", "Ana María Núñez", "Søren Østergaard"]
TEXT = {
    "de": dict(
        order=("Ihre Bestellung %(no)s", "Vielen Dank für Ihre Bestellung bei %(shop)s! Wir haben folgende Artikel für Sie reserviert:"),
        ship=("Ihre Bestellung %(no)s ist unterwegs", "Gute Nachrichten: Ihr Paket wurde an DHL übergeben. Sendungsnummer: %(track)s."),
        reply=("AW: Frage zu Bestellung %(no)s", "Guten Tag, vielen Dank für Ihre Nachricht. Die Rücksendung ist selbstverständlich möglich; das Etikett finden Sie im Anhang."),
        ask=("Frage zu Bestellung %(no)s", "Hallo, meine Lieferung ist noch nicht angekommen. Können Sie bitte nachsehen, wo das Paket bleibt? Grüße"),
        news=("Herbst-Sale: bis zu 30 %% Rabatt", "Entdecken Sie unsere neuen Lieblingsstücke für gemütliche Abende – nur diese Woche günstiger."),
        noreply="Bitte antworten Sie nicht auf diese E-Mail. Bei Fragen erreichen Sie uns über unser Kontaktformular.",
        sign="Mit freundlichen Grüßen\nIhr Kundenservice", words="und der die das mit für aus Größe Rückgabe Lieferung schön günstig Qualität Küche Geschenk".split()),
    "fr": dict(
        order=("Votre commande %(no)s", "Merci pour votre commande chez %(shop)s ! Voici le récapitulatif de vos articles :"),
        ship=("Votre commande %(no)s a été expédiée", "Bonne nouvelle : votre colis a été remis à Colissimo. Numéro de suivi : %(track)s."),
        reply=("RE: Question sur la commande %(no)s", "Bonjour, merci pour votre message. Le retour est bien sûr possible ; vous trouverez l'étiquette en pièce jointe."),
        ask=("Question sur la commande %(no)s", "Bonjour, je n'ai toujours pas reçu mon colis. Pourriez-vous vérifier où il se trouve ? Cordialement"),
        news=("Soldes d'automne : jusqu'à -30 %%", "Découvrez nos nouveautés pour des soirées douillettes – prix réduits cette semaine seulement."),
        noreply="Merci de ne pas répondre à cet e-mail. Pour toute question, utilisez notre formulaire de contact.",
        sign="Bien cordialement,\nLe service client", words="le la les et avec pour élégant été qualité livraison cadeau lumière créé".split()),
    "en": dict(
        order=("Your order %(no)s", "Thank you for shopping with %(shop)s! Here is a summary of your order:"),
        ship=("Your order %(no)s has shipped", "Good news: your parcel is on its way with Royal Mail. Tracking number: %(track)s."),
        reply=("RE: Question about order %(no)s", "Hello, thank you for your message. Of course you can return the item; the label is attached."),
        ask=("Question about order %(no)s", "Hi, my parcel has not arrived yet. Could you please check where it is? Thanks"),
        news=("Autumn sale: up to 30%% off", "Discover our new favourites for cosy evenings – this week only."),
        noreply="Please do not reply to this email. If you have questions, use our contact form.",
        sign="Kind regards,\nCustomer Service", words="the and with for quality delivery gift lovely price order return item".split()),
    "cs": dict(
        order=("Vaše objednávka %(no)s", "Děkujeme za Vaši objednávku v obchodě %(shop)s! Rekapitulace zboží:"),
        ship=("Objednávka %(no)s byla odeslána", "Dobrá zpráva: Váš balík jsme předali Zásilkovně. Číslo zásilky: %(track)s."),
        reply=("Re: Dotaz k objednávce %(no)s", "Dobrý den, děkujeme za zprávu. Vrácení zboží je samozřejmě možné, štítek najdete v příloze."),
        ask=("Dotaz k objednávce %(no)s", "Dobrý den, zásilka mi ještě nepřišla. Můžete prosím zjistit, kde je? Děkuji"),
        news=("Podzimní výprodej: slevy až 30 %%", "Objevte naše novinky pro příjemné večery – jen tento týden za nižší ceny."),
        noreply="Na tento e-mail prosím neodpovídejte. S dotazy se obracejte na náš kontaktní formulář.",
        sign="S pozdravem\nZákaznický servis", words="a v na s káva čaj zboží doprava dárek kvalita příjemný večer".split()),
    "nl": dict(
        order=("Je bestelling %(no)s", "Bedankt voor je bestelling bij %(shop)s! Hier is het overzicht:"),
        ship=("Je bestelling %(no)s is verzonden", "Goed nieuws: je pakket is onderweg met PostNL. Track & trace: %(track)s."),
        reply=("RE: Vraag over bestelling %(no)s", "Hallo, bedankt voor je bericht. Retourneren kan natuurlijk; het label zit in de bijlage."),
        ask=("Vraag over bestelling %(no)s", "Hallo, mijn pakket is nog niet aangekomen. Kunnen jullie nakijken waar het is? Groet"),
        news=("Herfstsale: tot 30%% korting", "Ontdek onze nieuwe favorieten voor gezellige avonden – alleen deze week."),
        noreply="Dit is een automatisch verzonden e-mail; reacties op dit adres worden niet gelezen.",
        sign="Met vriendelijke groet,\nKlantenservice", words="de het een en koffie bonen kwaliteit bezorging cadeau lekker vers".split()),
    "it": dict(
        order=("Il tuo ordine %(no)s", "Grazie per il tuo ordine su %(shop)s! Ecco il riepilogo:"),
        ship=("Il tuo ordine %(no)s è stato spedito", "Buone notizie: il pacco è stato affidato a BRT. Numero di tracciamento: %(track)s."),
        reply=("R: Domanda sull'ordine %(no)s", "Buongiorno, grazie per il messaggio. Il reso è certamente possibile; trova l'etichetta in allegato."),
        ask=("Domanda sull'ordine %(no)s", "Salve, il mio pacco non è ancora arrivato. Potete verificare dove si trova? Grazie"),
        news=("Saldi d'autunno: fino al 30%% di sconto", "Scopri le novità per serate accoglienti – solo questa settimana."),
        noreply="Si prega di non rispondere a questa e-mail.",
        sign="Cordiali saluti,\nServizio clienti", words="il la e con per caffè qualità spedizione regalo più già così".split()),
    "es": dict(
        order=("Tu pedido %(no)s", "¡Gracias por tu pedido en %(shop)s! Este es el resumen:"),
        ship=("Tu pedido %(no)s ha sido enviado", "Buenas noticias: tu paquete está en camino con Correos. Número de seguimiento: %(track)s."),
        reply=("RE: Pregunta sobre el pedido %(no)s", "Hola, gracias por tu mensaje. Por supuesto puedes devolver el artículo; la etiqueta va adjunta."),
        ask=("Pregunta sobre el pedido %(no)s", "Hola, mi paquete todavía no ha llegado. ¿Podéis comprobar dónde está? Gracias"),
        news=("Rebajas de otoño: hasta un 30 %% de descuento", "Descubre nuestras novedades para tardes acogedoras, solo esta semana."),
        noreply="Por favor, no respondas a este correo electrónico.",
        sign="Un saludo,\nAtención al cliente", words="el la y con para libro calidad envío regalo además también así".split()),
    "pl": dict(
        order=("Twoje zamówienie %(no)s", "Dziękujemy za zamówienie w sklepie %(shop)s! Podsumowanie:"),
        ship=("Zamówienie %(no)s zostało wysłane", "Dobra wiadomość: paczka została przekazana do InPost. Numer przesyłki: %(track)s."),
        reply=("Odp: Pytanie o zamówienie %(no)s", "Dzień dobry, dziękujemy za wiadomość. Zwrot jest oczywiście możliwy; etykieta w załączniku."),
        ask=("Pytanie o zamówienie %(no)s", "Dzień dobry, paczka jeszcze nie dotarła. Czy mogą Państwo sprawdzić, gdzie jest? Pozdrawiam"),
        news=("Jesienna wyprzedaż: do 30%% taniej", "Odkryj nasze nowości na przytulne wieczory – tylko w tym tygodniu."),
        noreply="Prosimy nie odpowiadać na tę wiadomość.",
        sign="Pozdrawiamy,\nObsługa klienta", words="i w z kawa jakość wysyłka prezent żółty łatwo źródło".split()),
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def encoded_word(text, rng, charset="utf-8"):
    """RFC 2047: ASCII as is, anything else as one B or Q encoded word (split when long)."""
    if all(ord(c) < 128 for c in text):
        return text
    try:
        raw = text.encode(charset)
    except UnicodeEncodeError:
        charset, raw = "utf-8", text.encode("utf-8")
    if rng.random() < 0.5:
        words, step = [], 30
        for i in range(0, len(text), step):
            words.append("=?%s?B?%s?=" % (charset.upper(), base64.b64encode(text[i:i + step].encode(charset)).decode()))
        return "\r\n ".join(words)
    q = []
    for b in raw:
        c = chr(b)
        if c == " ":
            q.append("_")
        elif c.isalnum() and b < 128:
            q.append(c)
        else:
            q.append("=%02X" % b)
    return "=?%s?Q?%s?=" % (charset.upper(), "".join(q))


def address(name, addr, rng, charset):
    if all(ord(c) < 128 for c in name):
        return '"%s" <%s>' % (name, addr) if any(c in name for c in ",.'&") else "%s <%s>" % (name, addr)
    return "%s <%s>" % (encoded_word(name, rng, charset), addr)


def body_part(ctype, text, charset, rng):
    try:
        raw = text.encode(charset)
    except UnicodeEncodeError:
        charset, raw = "utf-8", text.encode("utf-8")
    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if rng.random() < 0.55:
        enc, data = "quoted-printable", quopri.encodestring(raw).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    else:
        b = base64.b64encode(raw)
        enc, data = "base64", b"\r\n".join(b[i:i + 76] for i in range(0, len(b), 76))
    return ("Content-Type: %s; charset=\"%s\"\r\nContent-Transfer-Encoding: %s\r\n\r\n" % (ctype, charset, enc)).encode() + data + b"\r\n"


def html_of(text, shop, lang):
    paras = "".join("<p style=\"margin:0 0 12px;font-family:Arial,sans-serif;font-size:14px\">%s</p>"
                    % p.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>") for p in text.split("\n\n"))
    return ("<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\"><style>td{padding:0}@media(max-width:600px)"
            "{.c{width:100%%!important}}</style></head><body style=\"margin:0;background:#f4f4f4\"><table role=\"presentation\" "
            "width=\"100%%\"><tr><td align=\"center\"><table class=\"c\" width=\"600\" style=\"background:#fff\"><tr><td style=\"padding:24px\">"
            "<img src=\"https://img.%s/logo.png\" alt=\"%s\" width=\"160\"><br>%s</td></tr><tr><td style=\"padding:12px 24px;"
            "color:#888;font-size:11px\">%s</td></tr></table></td></tr></table></body></html>" % (lang, shop[1], shop[0], paras, shop[0]))


def message(i, rng):
    shop = rng.choice(SHOPS)
    name, domain, lang, charset = shop
    T = TEXT[lang]
    customer = rng.choice(CUSTOMERS)
    cust_addr = "%s@example.%s" % (customer.split()[0].lower().encode("ascii", "ignore").decode() or "kunde", rng.choice(["com", "net", "org"]))
    kind = rng.choice(["order", "order", "ship", "ship", "reply", "ask", "news"])
    no = "%d-%06d" % (rng.randint(10, 99), rng.randint(0, 999999))
    fill = dict(no=no, shop=name, track="%012d" % rng.randint(0, 10 ** 12 - 1))
    subject, intro = T[kind][0] % fill, T[kind][1] % fill
    noreply = kind in ("order", "ship", "news") and rng.random() < 0.5
    sender_local = rng.choice(["noreply", "no-reply", "do-not-reply"]) if noreply else rng.choice(["service", "info", "kundenservice", "hello", "shop"])
    if kind == "ask":
        frm, to = address(customer, cust_addr, rng, "utf-8"), address(name, "service@" + domain, rng, charset)
    else:
        frm, to = address(name, "%s@%s" % (sender_local, domain), rng, charset), address(customer, cust_addr, rng, "utf-8")
    lines = [intro, ""]
    if kind == "order":
        for k in range(rng.randint(1, 6)):
            lines.append("%d x %s %s – %d,%02d EUR" % (rng.randint(1, 3), rng.choice(T["words"]).capitalize(), rng.choice(T["words"]),
                                                      rng.randint(3, 120), rng.randint(0, 99)))
        lines.append("")
    for _ in range(rng.randint(2, 8)):
        lines.append(" ".join(rng.choice(T["words"]) for _ in range(rng.randint(10, 30))).capitalize() + ".")
        lines.append("")
    if noreply:
        lines += [T["noreply"], ""]
    lines += [T["sign"], name, "https://www.%s/" % domain]
    if kind == "reply":
        lines += ["", "> " + T["ask"][1].replace("\n", "\n> ")]
    text = "\n".join(lines)
    day = rng.randint(1, 28)
    msgid = "<%d.%x@mail.%s>" % (i, rng.getrandbits(48), domain)
    hdr = ["Return-Path: <bounce+%x@%s>" % (rng.getrandbits(32), domain),
           "Received: from mail.%s (mail.%s [198.51.100.%d])\r\n\tby mx.example.com with ESMTPS id %x\r\n\tfor <%s>; %s, %d %s 2024 %02d:%02d:%02d +0100"
           % (domain, domain, rng.randint(1, 254), rng.getrandbits(40), cust_addr, rng.choice(DAYS), day, rng.choice(MONTHS), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
           "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=mail;\r\n\th=from:to:subject:date:message-id; bh=%s;\r\n\tb=%s"
           % (domain, base64.b64encode(rng.randbytes(32)).decode(), base64.b64encode(rng.randbytes(128)).decode()),
           "From: " + frm, "To: " + to, "Subject: " + encoded_word(subject, rng, charset if rng.random() < 0.5 else "utf-8"),
           "Date: %s, %d %s 2024 %02d:%02d:%02d %s" % (rng.choice(DAYS), day, rng.choice(MONTHS), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.choice(["+0100", "+0200", "+0000"])),
           "Message-ID: " + msgid, "MIME-Version: 1.0"]
    if kind == "reply":
        parent = "<q%d.%x@example.com>" % (i, rng.getrandbits(32))
        hdr += ["In-Reply-To: " + parent, "References: <o%d@%s> %s" % (i, domain, parent)]
    if kind == "news":
        hdr += ["List-Unsubscribe: <mailto:unsubscribe@%s?subject=%d>, <https://www.%s/newsletter/abmelden?id=%d>" % (domain, i, domain, i),
                "Precedence: bulk"]
    if noreply and rng.random() < 0.5:
        hdr.append("Reply-To: service@" + domain)
    shape = rng.random()
    if kind == "ask" or shape < 0.12:  # plain text only
        part = body_part("text/plain", text, charset, rng)
        head, _, rest = part.partition(b"\r\n\r\n")
        return "\r\n".join(hdr).encode() + b"\r\n" + head + b"\r\n\r\n" + rest
    b1 = "=_alt_%x" % rng.getrandbits(40)
    alt = (b"This is a multi-part message in MIME format.\r\n\r\n--" + b1.encode() + b"\r\n" + body_part("text/plain", text, charset, rng)
           + b"--" + b1.encode() + b"\r\n" + body_part("text/html", html_of(text, shop, lang), charset, rng) + b"--" + b1.encode() + b"--\r\n")
    if kind in ("order", "reply") and rng.random() < 0.35:
        b0 = "=_mix_%x" % rng.getrandbits(40)
        pdf = b"%PDF-1.4\n" + rng.randbytes(rng.randint(2000, 12000)) + b"\n%%EOF\n"
        p64 = base64.b64encode(pdf)
        fname = encoded_word(rng.choice(["Rechnung_%s.pdf", "facture_%s.pdf", "invoice_%s.pdf", "faktura_%s.pdf"]) % no, rng)
        body = (b"--" + b0.encode() + b"\r\nContent-Type: multipart/alternative; boundary=\"" + b1.encode() + b"\"\r\n\r\n" + alt
                + b"--" + b0.encode() + b"\r\nContent-Type: application/pdf; name=\"" + fname.encode() + b"\"\r\nContent-Transfer-Encoding: base64\r\n"
                + b"Content-Disposition: attachment; filename=\"" + fname.encode() + b"\"\r\n\r\n"
                + b"\r\n".join(p64[k:k + 76] for k in range(0, len(p64), 76)) + b"\r\n--" + b0.encode() + b"--\r\n")
        ctype = "Content-Type: multipart/mixed; boundary=\"%s\"" % b0
    else:
        body, ctype = alt, "Content-Type: multipart/alternative; boundary=\"%s\"" % b1
    return "\r\n".join(hdr + [ctype]).encode() + b"\r\n\r\n" + body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    total = 0
    for i in range(a.count):
        data = message(i, rng)
        with open(os.path.join(a.out, "m%05d.eml" % i), "wb") as f:
            f.write(data)
        total += len(data)
    print("e-mail: %d messages, %.1f MB in %s" % (a.count, total / 1e6, a.out))


if __name__ == "__main__":
    sys.exit(main())

// Trader facts of legal notices as merchants publish them (the notices corpus): register
// numbers in national wordings, the legal form that makes a register due, names written with
// articles, particles and lower-case words, numbers that are identifiers rather than phones,
// and how far a label in a paragraph reaches. Every behaviour has its counter-case.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/page_facts.h"
#include "extract/register_ids.h"

namespace omnicheck::extract::testing {
namespace {

std::string page(const std::string& body, const std::string& lang) {
  return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Notice</title></head><body><main>" +
         body + "</main></body></html>";
}

const RegisterIdFinder& finder() {
  static const RegisterIdFinder f(lexicon().raw()["identifiers"]);
  return f;
}

// The ids found in `text`, as "kind value check".
std::vector<std::string> ids(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& id : finder().find(text)) out.push_back(id.kind + " " + id.value + " " + id.check);
  return out;
}

bool has_id(const std::string& text, const std::string& want) {
  for (const auto& s : ids(text)) {
    if (s == want) return true;
  }
  return false;
}

std::string party_of(const FactStore& s, const std::string& type, const std::string& needle) {
  const Fact* f = find_fact(s, type, needle);
  return f ? f->attrs.value("party", std::string("(no party)")) : "";
}

// ---- register numbers ----

TEST(NoticeRegisterIds, NumberGluedToTheNextWordEndsWithItsDigits) {
  // Shopify footers put two <small> elements side by side: "Org.nr 556812-4373Powered by Shopify".
  EXPECT_TRUE(has_id("© 2026, Nordljus Textil AB · Org.nr 556812-4373Powered by Shopify", "se.orgnr 5568124373 valid"));
  EXPECT_TRUE(has_id("© 2026, Casa das Conservas do Douro · NIF PT 514 379 022Powered by Shopify", "vat PT514379022 valid"));
  // Counter-cases: register letters after the digits stay part of the number.
  EXPECT_TRUE(has_id("Amtsgericht Berlin-Charlottenburg, HRB 123456 B", "de.hrb HRB 123456 B format_only"));
  EXPECT_TRUE(has_id("Firmenbuchnummer: FN 123456a", "at.fn FN 123456a format_only"));
}

TEST(NoticeRegisterIds, ItalianReaWithProvinceOrChamber) {
  EXPECT_TRUE(has_id("Numero REA\tIM \xE2\x80\x93 118254", "it.rea IM-118254 format_only"));
  EXPECT_TRUE(has_id("REA CN-312554", "it.rea CN-312554 format_only"));
  EXPECT_TRUE(has_id("Iscritta al R.E.A. di Cuneo n. 312554", "it.rea 312554 format_only"));
  // Counter-case: "Via REA 12" is a street.
  EXPECT_TRUE(ids("Sede: Via REA 12, 10100 Torino").empty());
}

TEST(NoticeRegisterIds, PortugueseRegistoComercial) {
  EXPECT_TRUE(has_id("NIPC e número de matrícula na Conservatória do Registo Comercial do Porto: 514 379 022",
                     "pt.nipc 514379022 valid"));
  // Counter-case: a phone after the registry's name and another label is no NIPC.
  EXPECT_FALSE(has_id("Conservatória do Registo Comercial do Porto. Telefone: 225 193 022", "pt.nipc 225193022 valid"));
}

TEST(NoticeRegisterIds, RomanianTradeRegisterAndEuid) {
  const std::string t =
      "înregistrată la Oficiul Registrului Comerțului de pe lângă Tribunalul Cluj sub nr. J12/2874/2019, CUI RO41287356, "
      "EUID ROONRC.J12/2874/2019";
  auto found = ids(t);
  int onrc = 0;
  for (const auto& s : found) onrc += s == "ro.onrc J12/2874/2019 format_only";
  EXPECT_EQ(onrc, 2) << ::testing::PrintToString(found);
  EXPECT_TRUE(has_id(t, "vat RO41287356 valid"));
}

TEST(NoticeRegisterIds, AustrianGisaNumber) {
  EXPECT_TRUE(has_id("GISA-Zahl: 31245678", "at.gisa 31245678 format_only"));
  // Counter-case: Gisa is a first name too.
  EXPECT_TRUE(ids("Inhaberin: Gisa 31245678").empty());
}

TEST(NoticeRegisterIds, IrishCompaniesRegistrationOffice) {
  EXPECT_TRUE(has_id("registered in Ireland with the Companies Registration Office under company number 654321.",
                     "ie.cro 654321 format_only"));
  // Counter-case: an English company number is still a Companies House number.
  // (Companies House numbers carry no check digit: their shape is all that can be checked.)
  EXPECT_TRUE(has_id("Registered in England and Wales, company number 01234567", "uk.company 01234567 format_only"))
      << ::testing::PrintToString(ids("Registered in England and Wales, company number 01234567"));
}

// ---- the legal form that makes a register due ----

TEST(NoticeRegisterDue, WrittenOutFormOnTheLineUnderTheName) {
  auto s = facts_of_page(page("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG:<br>NORDLICHT LEUCHTEN<br>"
                              "Gesellschaft mit beschränkter Haftung<br>Alte Schönhauser Straße 22<br>10119 Berlin</p>"
                              "<p>USt-IdNr.: DE823022188</p>",
                              "de"),
                         "https://nordlicht-leuchten.de/impressum", "DE");
  EXPECT_FALSE(of_type(s, "register_due").empty());
}

TEST(NoticeRegisterDue, ItalianSrlInTheSentenceThatGivesItsSeat) {
  auto s = facts_of_page(page("<p>Il presente negozio online è gestito da <strong>Linea Sartoriale Brenta S.r.l.</strong>, "
                              "con sede in Riviera Tito Livio 18, 35123 Padova, Italia.</p><p>P. IVA: IT05128700282</p>",
                              "it"),
                         "https://lineasartorialebrenta.it/", "IT");
  ASSERT_FALSE(of_type(s, "register_due").empty());
  EXPECT_EQ(of_type(s, "register_due").front()->attrs.value("form", std::string()), "S.r.l.");
}

TEST(NoticeRegisterDue, CarrierOrSoleTraderMakesNoneDue) {
  auto s = facts_of_page(page("<p>Titolare: Giulia Benedetti, Via Roma 4, 12100 Cuneo. P. IVA: IT03874120045</p>"
                              "<p>Le spedizioni sono effettuate tramite GLS Italy S.p.A. in 2–4 giorni lavorativi.</p>",
                              "it"),
                         "https://erboristeria-lamalva.it/", "IT");
  EXPECT_TRUE(of_type(s, "register_due").empty());
}

// ---- numbers that are identifiers, not phones ----

TEST(NoticePhones, IdentifiersAndIbansAreNoPhones) {
  auto be = facts_of_page(page("<p>Chocolaterie Mathot SRL<br>Rue des Carmes 19, 4000 Liège<br>"
                               "Numéro d’entreprise (BCE)&nbsp;: 0623.194.415 – TVA BE&nbsp;0623.194.415</p>"
                               "<p>Tél.&nbsp;: +32 (0)4 221 63 58</p>",
                               "fr"),
                          "https://chocolaterie-mathot.be/", "BE");
  // "Numéro d’entreprise (BCE) : 0623.194.415": the abbreviation in parentheses between label
  // and number is part of the label; the number is the enterprise number, not a phone.
  EXPECT_EQ(find_fact(be, "phone", "0623"), nullptr);
  const Fact* bce = find_fact(be, "register_id", "0623");
  ASSERT_NE(bce, nullptr);
  EXPECT_TRUE(bce->attrs.value("register", false));
  EXPECT_NE(find_fact(be, "phone", "221 63 58"), nullptr);  // counter-case: the real phone stays
  // The Belgian VAT number alone is the enterprise number too: it answers the register duty.
  auto vat = facts_of_page(page("<p>Chocolaterie Mathot SRL – TVA BE 0623.194.415</p>", "fr"), "https://chocolaterie-mathot.be/", "BE");
  const Fact* v = find_fact(vat, "register_id", "0623");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->attrs.value("register", false));

  auto fr = facts_of_page(page("<p>immatriculée au registre du commerce et des sociétés de Lyon sous le numéro 547 846 915.</p>"
                               "<ul><li>Service client&nbsp;: 04&nbsp;65&nbsp;71&nbsp;23&nbsp;80</li></ul>",
                               "fr"),
                          "https://lunetterie-verdier.fr/", "FR");
  EXPECT_EQ(find_fact(fr, "phone", "547 846 915"), nullptr);
  EXPECT_NE(find_fact(fr, "phone", "65 71 23 80"), nullptr);

  auto nl = facts_of_page(page("<dl><dt>IBAN</dt><dd>NL12 RABO 0347 1928 56</dd><dt>Telefoon</dt><dd>075 612 3348</dd></dl>", "nl"),
                          "https://fietsenwinkel.nl/", "NL");
  EXPECT_EQ(find_fact(nl, "phone", "0347"), nullptr);
  EXPECT_NE(find_fact(nl, "phone", "075 612 3348"), nullptr);
}

// A table row written number first: the label in the next cell says what the number is.
TEST(NoticePhones, FaxLabelInTheCellAfterTheNumber) {
  auto it = facts_of_page(page("<table><tbody><tr><td>Telefono negozio</td><td>0471 97 31 25</td></tr>"
                               "<tr><td>0471 97 31 26</td><td>Fax</td></tr></tbody></table><h3>Orari di apertura</h3>",
                               "it"),
                          "https://ferramenta-bolzano.it/contatti", "IT");
  const Fact* fax = find_fact(it, "phone", "97 31 26");
  ASSERT_NE(fax, nullptr);
  EXPECT_TRUE(fax->attrs.value("fax", false));
  const Fact* tel = find_fact(it, "phone", "97 31 25");
  ASSERT_NE(tel, nullptr);
  EXPECT_FALSE(tel->attrs.value("fax", false));

  auto pt = facts_of_page(page("<table><tr><td>Telefone</td><td>275 310 480 (chamada para a rede fixa nacional)</td></tr>"
                               "<tr><td>275 310 489</td><td>(fax)</td></tr><tr><td>E-mail</td><td>loja@lanificio.pt</td></tr></table>",
                               "pt"),
                          "https://lanificio.pt/contactos", "PT");
  ASSERT_NE(find_fact(pt, "phone", "310 489"), nullptr);
  EXPECT_TRUE(find_fact(pt, "phone", "310 489")->attrs.value("fax", false));

  // Counter-case: a "Fax" cell that introduces the next number labels that one, not the one above.
  auto de = facts_of_page(page("<table><tr><td>0341 2290 3900</td></tr><tr><td>Fax</td><td>0341 2290 3999</td></tr></table>", "de"),
                          "https://beispiel-laden.de/kontakt", "DE");
  ASSERT_NE(find_fact(de, "phone", "3900"), nullptr);
  EXPECT_FALSE(find_fact(de, "phone", "3900")->attrs.value("fax", false));
}

// ---- how far a label reaches ----

// A supplier named in the sentence that says so is a third party (the manufacturer's side).
TEST(NoticeParties, ASupplierIsNotTheTrader) {
  auto s = facts_of_page(page("<p>Bridle &amp; Burrow Ltd, 4 Quay Street, Galway, H91 E2K3</p>"
                              "<p>Our leather is supplied by Ozark Tannery Inc., 1200 Riverside Drive, Springfield, MO "
                              "65807-1234, USA.</p>",
                              "en"),
                         "https://bridleburrow.ie/policies/legal-notice", "IE");
  EXPECT_EQ(party_of(s, "legal_name", "Ozark"), "manufacturer");
  EXPECT_EQ(party_of(s, "legal_name", "Bridle"), "trader");
  EXPECT_EQ(party_of(s, "address", "Quay Street"), "trader");
}

// "je členem skupiny" (is a member of the group) names the parent company, not the trader.
TEST(NoticeParties, TheGroupACompanyBelongsToIsItsParent) {
  auto s = facts_of_page(page("<p>Orlík Nutrition s.r.o., Pražská 1120, 500 04 Hradec Králové</p>"
                              "<p>Společnost je členem skupiny Orlík Holding SE, Mlynské nivy 43, 821 09 Bratislava, "
                              "Slovenská republika.</p>",
                              "cs"),
                         "https://orlik-nutrition.cz/kontakty", "CZ");
  EXPECT_EQ(party_of(s, "legal_name", "Holding"), "parent");
  EXPECT_EQ(party_of(s, "legal_name", "Nutrition"), "trader");
}

// The authority a consumer may complain to is named in the sentence that points there.
TEST(NoticeParties, TheAuthorityToComplainToIsAThirdParty) {
  auto ie = facts_of_page(page("<p>Bridle &amp; Burrow Ltd, 4 Quay Street, Galway, H91 E2K3.</p><p>The data controller is Bridle "
                               "&amp; Burrow Ltd. Complaints may be made to the Data Protection Commission, 21 Fitzwilliam "
                               "Square South, Dublin 2, D02 RD28.</p>",
                               "en"),
                          "https://bridleburrow.ie/policies/privacy-policy", "IE");
  EXPECT_EQ(party_of(ie, "address", "Fitzwilliam"), "authority");
  EXPECT_EQ(party_of(ie, "address", "Quay Street"), "trader");
  auto pl = facts_of_page(page("<p>Zielona Filiżanka sp. z o.o., ul. Piotrkowska 112, 90-006 Łódź</p><p>Organ nadzoru: "
                               "Wojewódzki Inspektorat Inspekcji Handlowej w Łodzi, ul. Gdańska 38, 90-730 Łódź.</p>",
                               "pl"),
                          "https://zielonafilizanka.pl/dane-firmy", "PL");
  EXPECT_EQ(party_of(pl, "address", "Gdańska"), "authority");
  EXPECT_EQ(party_of(pl, "address", "Piotrkowska"), "trader");
  // Consumer authorities of the English-speaking member states, by name.
  auto mt = facts_of_page(page("<p>Azure Reef Ltd, 45 Tower Road, Sliema SLM 1605, Malta</p><p>If we cannot solve a complaint "
                               "together, you may contact the Malta Competition and Consumer Affairs Authority (MCCAA), Mizzi "
                               "House, National Road, Blata l-Bajda HMR 9010, Malta.</p>",
                               "en"),
                          "https://azurereef.com.mt/legal-notice", "MT");
  EXPECT_NE(party_of(mt, "address", "HMR"), "trader");
  EXPECT_EQ(party_of(mt, "address", "Tower Road"), "trader");
}

// A third party named on the fact's own line outweighs a trader label on the line above.
TEST(NoticeParties, ACarrierNamedOnTheLineOutweighsATraderLabelAbove) {
  auto s = facts_of_page(page("<p>Koloběžky Morava s.r.o., Křenová 62, 602 00 Brno</p>"
                              "<p>IČO: 29173647, DIČ: CZ29173647 Společnost je zapsána v obchodním rejstříku vedeném "
                              "Krajským soudem v Brně, oddíl C, vložka 71842.<br>"
                              "Vratky můžete zdarma poslat přes Zásilkovnu (Zásilkovna s.r.o., Českomoravská 2408/1a, "
                              "190 00 Praha 9).</p>",
                              "cs"),
                         "https://kolobezky-morava.cz/kontakt", "CZ");
  EXPECT_EQ(party_of(s, "address", "Českomoravská"), "carrier");
  EXPECT_EQ(party_of(s, "address", "Křenová"), "trader");
  // Counter-case: the trader label on the same line keeps the fact the trader's (a carrier's own site).
  auto own = facts_of_page(page("<p>Provozovatel: Zásilkovna s.r.o., Českomoravská 2408/1a, 190 00 Praha 9</p>", "cs"),
                           "https://zasilkovna.cz/kontakty", "CZ");
  EXPECT_EQ(party_of(own, "address", "Českomoravská"), "trader");
}

TEST(NoticeParties, AFullStopAfterAParenthesisEndsTheLabelsSentence) {
  auto s = facts_of_page(page("<h1>Datenschutzerklärung</h1><p>Verantwortlich: Kaffeehaus Brenner e.K. (siehe "
                              "<a href=\"/impressum\">Impressum</a>). Zahlungsdaten verarbeitet Mollie B.V. (Amsterdam) als "
                              "eigenständig Verantwortlicher.</p>",
                              "de"),
                         "https://kaffeehaus-brenner.de/datenschutz", "DE");
  EXPECT_EQ(party_of(s, "legal_name", "Mollie"), "payment");
  EXPECT_EQ(party_of(s, "legal_name", "Brenner"), "trader");
  // Counter-case: an abbreviation's full stop inside the parentheses ends nothing; the name after
  // it, in the same sentence, stays under the label.
  auto t = facts_of_page(page("<p>Verantwortlich (gem. Art. 4 DSGVO): Kaffeehaus Brenner e.K.</p>", "de"),
                         "https://kaffeehaus-brenner.de/datenschutz", "DE");
  EXPECT_EQ(party_of(t, "legal_name", "Brenner"), "trader");
}

TEST(NoticeParties, LabelHeadingItsParagraphEndsWithIt) {
  auto s = facts_of_page(page("<p>Anbieter dieses Online-Shops:<br>Sonnentau Naturkost GmbH &amp; Co. KG<br>"
                              "Zschochersche Straße 48<br>04229 Leipzig</p>"
                              "<p>Persönlich haftende Gesellschafterin:<br>Sonnentau Verwaltungs GmbH, ebenda<br>"
                              "Registergericht: Amtsgericht Leipzig, HRB 41233<br>Geschäftsführerin: Frieda Wendler</p>"
                              "<p>Tel. 0341 90843 27<br>service@sonnentau-naturkost.de</p>"
                              "<p>USt-IdNr.: DE 699 407 188</p>",
                              "de"),
                         "https://sonnentau-naturkost.de/impressum", "DE");
  EXPECT_EQ(party_of(s, "register_id", "41233"), "parent");
  // Known gap: the e-mail in the paragraph after the general partner's block is still credited
  // to the parent here (the corpus page with the same facts is right); see the issue 11 note.
  EXPECT_EQ(party_of(s, "register_id", "699"), "trader");
}

TEST(NoticeParties, LabelAloneInItsParagraphReachesTheNext) {
  auto s = facts_of_page(page("<p>Éditeur : Maison Lumière SAS, 12 rue des Tanneurs, 75011 Paris</p>"
                              "<p><strong>Hébergeur :</strong></p><p>OVH SAS<br>2 rue Kellermann<br>59100 Roubaix</p>",
                              "fr"),
                         "https://maison-lumiere.fr/", "FR");
  EXPECT_EQ(party_of(s, "address", "Roubaix"), "host");
}

TEST(NoticeParties, SentenceEndingWithItsLineReachesNoFurther) {
  auto s = facts_of_page(page("<p>Le site est exploité par la société LUNETTERIE VERDIER SA, 5 place Bellecour, 69002 Lyon.</p>"
                              "<p>LUNETTERIE VERDIER SA est une filiale du groupe Holding Verdier Frères SA, Rue du Rhône 64, "
                              "1204 Genève, Suisse.</p>"
                              "<ul><li>E-mail&nbsp;: serviceclient@lunetterie-verdier.fr</li></ul>",
                              "fr"),
                         "https://lunetterie-verdier.fr/", "FR");
  EXPECT_EQ(party_of(s, "email", "serviceclient@"), "trader");
  // Counter-case: a line that breaks off after the party's name goes on with its details.
  auto h = facts_of_page(page("<p>Le site est hébergé par OVH SAS,<br>2 rue Kellermann<br>59100 Roubaix</p>", "fr"),
                         "https://maison-lumiere.fr/", "FR");
  EXPECT_EQ(party_of(h, "address", "Roubaix"), "host");
}

// ---- legal names ----

bool has_name(const FactStore& s, const std::string& name) {
  for (const auto* f : s.of_type("legal_name")) {
    if (f->attrs.value("value", std::string()) == name) return true;
  }
  return false;
}

TEST(NoticeLegalNames, ArticleAfterALabelIsTheNames) {
  auto s = facts_of_page(page("<p>Propriétaire&nbsp;: Les Vins de Lissac SARL – 12 cours du Chapeau-Rouge – 33000 Bordeaux</p>", "fr"),
                         "https://vinsdelissac.fr/", "FR");
  EXPECT_TRUE(has_name(s, "Les Vins de Lissac SARL"));
  // Counter-case: an article opening a sentence is the sentence's.
  auto d = facts_of_page(page("<p>Die Kaffeerösterei Lindner GmbH haftet nicht für Inhalte externer Links.</p>", "de"),
                         "https://lindner-kaffee.de/", "DE");
  EXPECT_TRUE(has_name(d, "Kaffeerösterei Lindner GmbH"));
}

TEST(NoticeLegalNames, ParticlesAndLowerCaseWords) {
  auto pt = facts_of_page(page("<p>Denominação social: Casa das Conservas do Douro, Unipessoal, Lda.<br>Rua de Santa Catarina 112, "
                               "4000-442 Porto</p>",
                               "pt"),
                          "https://casadasconservas.pt/", "PT");
  bool found = false;
  for (const auto* f : pt.of_type("legal_name"))
    found = found || f->attrs.value("value", std::string()).rfind("Casa das Conservas do Douro", 0) == 0;
  EXPECT_TRUE(found);

  auto cs = facts_of_page(page("<p><strong>Pražská pražírna a.s.</strong><br>Korunní 2569/108<br>101 00 Praha 10</p>", "cs"),
                          "https://prazskaprazirna.cz/", "CZ");
  EXPECT_TRUE(has_name(cs, "Pražská pražírna a.s."));

  auto hu = facts_of_page(page("<table><tr><td>Cégnév:</td><td>Balatoni Levendula Kereskedelmi és Szolgáltató Korlátolt "
                               "Felelősségű Társaság</td></tr></table>",
                               "hu"),
                          "https://balatonilevendula.hu/", "HU");
  EXPECT_TRUE(has_name(hu, "Balatoni Levendula Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság"));
}

TEST(NoticeLegalNames, SentenceWordsAndStatutesAreNoNames) {
  auto fr = facts_of_page(page("<p><strong>VOTRE OPTICIEN ET SA BOUTIQUE EN LIGNE, DEPUIS 1987</strong></p>", "fr"),
                          "https://lunetterie-verdier.fr/", "FR");
  EXPECT_TRUE(of_type(fr, "legal_name").empty());
  auto mt = facts_of_page(page("<p>Your rights under the Consumer Rights Regulations (S.L. 378.17) are not affected.</p>", "en"),
                          "https://sliemaleather.com.mt/", "MT");
  EXPECT_TRUE(of_type(mt, "legal_name").empty());
  // Counter-case: a form in parentheses after the name is still the name's.
  auto d = facts_of_page(page("<p>Éditeur : Dupont Frères (SARL), 3 rue Neuve, 69001 Lyon</p>", "fr"), "https://dupont.fr/", "FR");
  EXPECT_FALSE(of_type(d, "legal_name").empty());
}

TEST(NoticeLegalNames, ItalianPartnershipNamesItsPartnersAfterTheForm) {
  auto s = facts_of_page(page("<p>Titolare del sito:<br>Antica Vetreria Brunetti S.a.s. di Brunetti Marco &amp; C.<br>"
                              "Via dei Vetrai 21 – 30141 Murano (VE)</p>",
                              "it"),
                         "https://anticavetreriabrunetti.it/note-legali", "IT");
  EXPECT_TRUE(has_name(s, "Antica Vetreria Brunetti S.a.s. di Brunetti Marco & C."));
  // Counter-case: a company limited by shares has no partners after its form; "di Mestre" is
  // the sentence's.
  auto r = facts_of_page(page("<p>Titolare del sito: Vetri Brunetti S.r.l. di Mestre, Via Piave 3, 30171 Venezia</p>", "it"),
                         "https://vetribrunetti.it/", "IT");
  EXPECT_TRUE(has_name(r, "Vetri Brunetti S.r.l."));
}

TEST(NoticeLegalNames, AReadingCutShortYieldsToTheNameAsTheSiteWritesIt) {
  const std::string frame_head = "<!doctype html><html lang=\"cs\"><head><meta charset=\"utf-8\"><title>Sklárna</title></head><body><main>";
  const std::string frame_tail = "</main></body></html>";
  auto s = facts_of_site({{"https://sklarna-novak.cz/kontakt",
                           frame_head + "<p><strong>Jizerská sklárna Novák, společnost s ručením omezeným</strong><br>"
                                        "Husova 12<br>466 01 Jablonec nad Nisou</p>" + frame_tail},
                          {"https://sklarna-novak.cz/obchodni-podminky",
                           frame_head + "<p>Prodávajícím je Jizerská sklárna Novák, s.r.o., se sídlem Husova 12, 466 01 Jablonec "
                                        "nad Nisou, IČO 27184562.</p>" + frame_tail}},
                         "CZ");
  EXPECT_TRUE(has_name(s, "Jizerská sklárna Novák společnost s ručením omezeným"));
  EXPECT_FALSE(has_name(s, "Novák s.r.o."));
  // Counter-case: two readings the site vouches for equally (neither alone on its line, each on
  // one page) both stay, and so do two names neither of which is the other cut short.
  auto t = facts_of_site({{"https://sklarna-novak.cz/",
                           frame_head + "<p>Prodejce: Sklárna Novák s.r.o. a partner Hutní sklo Jizera a.s.</p>" + frame_tail},
                          {"https://sklarna-novak.cz/obchodni-podminky",
                           frame_head + "<p>Smlouvu uzavíráte se společností Novák s.r.o. podle těchto podmínek.</p>" + frame_tail}},
                         "CZ");
  EXPECT_TRUE(has_name(t, "Sklárna Novák s.r.o."));
  EXPECT_TRUE(has_name(t, "Novák s.r.o."));
}

TEST(NoticeLegalNames, SoleTraderUnderTheTraderLabel) {
  auto s = facts_of_page(page("<p>Sprzedawcą w sklepie internetowym www.pracowniaceramiki-kowalczyk.pl jest:</p>"
                              "<p><strong>Pracownia Ceramiki Anna Kowalczyk</strong><br>Anna Kowalczyk<br>ul. Garbary 14/2<br>"
                              "87-100 Toruń<br>NIP: 665-218-74-30</p>"
                              "<p>Przedsiębiorca prowadzący jednoosobową działalność gospodarczą, wpisany do CEIDG.</p>",
                              "pl"),
                         "https://pracowniaceramiki-kowalczyk.pl/", "PL");
  EXPECT_TRUE(has_name(s, "Pracownia Ceramiki Anna Kowalczyk"));
  // Counter-case: without the sole trader's statement the line is no legal name.
  auto n = facts_of_page(page("<p>Sprzedawcą w sklepie internetowym jest:</p><p>Pracownia Ceramiki Anna Kowalczyk<br>ul. Garbary 14/2<br>"
                              "87-100 Toruń</p>",
                              "pl"),
                         "https://pracowniaceramiki-kowalczyk.pl/", "PL");
  EXPECT_FALSE(has_name(n, "Pracownia Ceramiki Anna Kowalczyk"));
}

// ---- addresses ----

TEST(NoticeAddresses, IrishCountyBeforeTheEircode) {
  auto s = facts_of_page(page("<p>Physical address: 14 Main Street, Dingle, Co. Kerry, V92 R2X6, Ireland</p>", "en"),
                         "https://saltwatertea.ie/", "IE");
  const Fact* a = find_fact(s, "address", "V92");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->attrs.value("town", std::string()), "Dingle");
  EXPECT_EQ(a->attrs.value("street", std::string()), "14 Main Street");
}

TEST(NoticeAddresses, MalteseTriqAndFlorentineRedNumbers) {
  auto mt = facts_of_page(page("<p>Sliema Leatherworks Limited, with its registered office at 45, Triq it-Torri, Sliema SLM&nbsp;1605, "
                               "Malta.</p>",
                               "en"),
                          "https://sliemaleather.com.mt/", "MT");
  const Fact* a = find_fact(mt, "address", "SLM");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->attrs.value("complete", false));

  auto it = facts_of_page(page("<p><strong>Bottega Verdazzurro S.r.l.</strong><br>Via dei Serragli 41/r<br>50124 Firenze (FI) – Italia</p>",
                               "it"),
                          "https://bottegaverdazzurro.it/", "IT");
  const Fact* b = find_fact(it, "address", "50124");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->attrs.value("street", std::string()), "Via dei Serragli 41/r");
}

TEST(NoticeAddresses, StreetWithoutAHouseNumber) {
  auto s = facts_of_page(page("<p><strong>Ferme du Pré Fleuri EARL</strong><br>Lieu-dit Les Granges<br>71250 Cluny</p>", "fr"),
                         "https://ferme-prefleuri.fr/", "FR");
  const Fact* a = find_fact(s, "address", "71250");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->attrs.value("street", std::string()), "Lieu-dit Les Granges");
  // Counter-case: a street word opening a line of prose, or a heading of one word, is no street.
  auto p = facts_of_page(page("<p>Route de livraison optimisée pour toute la France</p><p>Retrait possible à 71250 Cluny</p>", "fr"),
                         "https://ferme-prefleuri.fr/", "FR");
  for (const auto* f : of_type(p, "address")) EXPECT_EQ(f->attrs.value("street", std::string()), "") << f->attrs.dump();
}

TEST(NoticeAddresses, StreetTakenFromTheLastSentenceOnly) {
  auto s = facts_of_page(page("<p>We are a private company registered with the Companies Registration Office under company number "
                              "654321. Our registered office is at Unit 3, Galway Technology Park, Parkmore, Galway H91&nbsp;E2K3, "
                              "Ireland.</p>",
                              "en"),
                         "https://connemarawool.ie/", "IE");
  const Fact* a = find_fact(s, "address", "H91");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->attrs.value("complete", false));
  EXPECT_EQ(a->attrs.value("street", std::string()).find("654321"), std::string::npos);
}

}  // namespace
}  // namespace omnicheck::extract::testing

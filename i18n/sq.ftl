# Interface strings of the default theme: Albanian (shqip).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Kalo te përmbajtja kryesore
language-switcher = Gjuhët
page-list = Faqet
home = Faqja kryesore
other-languages = Të gjitha gjuhët
not-found = Faqja nuk u gjet
languages-available =
    { $count ->
        [one] E disponueshme në { $count } gjuhë
       *[other] E disponueshme në { $count } gjuhë
    }
page-not-translated = Kjo faqe nuk është përkthyer ende. Po shfaqet në { $language }.
helpline = Linja e ndihmës
call = Telefononi { $name }
leaflet-download = Shkarkoni fletëpalosjen (PDF, { $size } KB)
leaflets = Fletëpalosje për shtypje
leaflet-online = Skanoni për ta lexuar në internet
leaflet-format-a4-trifold = Fletëpalosje (A4)
leaflet-format-a5-flyer = Fletushkë (A5)
leaflet-format-a6-card = Kartë xhepi (A6)

# Staying safe online, quick exit, contacts.
safety-title = Siguria në internet
safety-intro = Në çdo faqe të këtij uebsajti ka një buton «Dilni nga kjo faqe». Përdoreni nëse ju afrohet dikush që nuk duhet të shohë se çfarë po lexoni.
safety-button = Kur shtypni butonin, ose kur shtypni tri herë tastin Shift, në vend të kësaj faqeje hapet një faqe tjetër e padëmshme. Butoni «Prapa» nuk e kthen më këtë faqe.
safety-limits = Butoni nuk e fshin historikun e shfletimit. Dikush që shikon historikun në telefonin tuaj mund të shohë ende se e keni vizituar këtë faqe.
safety-history = Për të fshirë historikun, hapni menynë e shfletuesit, shkoni te «Historiku» dhe fshini këtë faqe ose të gjithë historikun. Herën tjetër mund të përdorni një dritare private (inkognito), e cila nuk e ruan historikun.
safety-phone = Nëse dikush tjetër jua kontrollon telefonin, ruajini numrat e linjave të ndihmës me një emër të zakonshëm që nuk bie në sy. Nëse është e sigurt, fshini listën e thirrjeve dhe mesazhet.
safety-shared = Në një telefon ose kompjuter që e përdorin edhe të tjerët, ose që e keni marrë hua, përdorni një dritare private dhe dilni nga llogaria kur të mbaroni.
safety-danger = Nëse jeni në rrezik tani, telefononi numrin e urgjencës së vendit ku ndodheni.
quick-exit-label = Dilni nga kjo faqe
safety-link = Siguria në internet
contact-hours = Orari: { $hours }
contact-countries = Vendet: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Dërgoni SMS
contact-email = Dërgoni e-mail
contact-example = Shembull: ky nuk është kontakt i vërtetë. Zëvendësojeni me një kontakt të verifikuar.
print-url-note = Lidhjet shtypen bashkë me adresën e tyre në internet.
# New string (issue 15): not yet reviewed.
partners = Partnerët

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = Dëgjoni këtë faqe
# review: needed
audio-minutes = { $count } min.
# review: needed
audio-seconds = { $count } sek.
# review: needed
audio-size-kb = { $size } KB
# review: needed
audio-size-mb = { $size } MB
# review: needed
audio-download = Shkarkoni incizimin

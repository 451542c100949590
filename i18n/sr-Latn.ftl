# Interface strings of the default theme: Serbian, Latin script (srpski).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Pređi na glavni sadržaj
language-switcher = Jezici
page-list = Stranice
home = Početna stranica
other-languages = Svi jezici
not-found = Stranica nije pronađena
languages-available =
    { $count ->
        [one] Dostupno na { $count } jeziku
        [few] Dostupno na { $count } jezika
       *[other] Dostupno na { $count } jezika
    }
page-not-translated = Ova stranica još nije prevedena. Prikazana je na jeziku: { $language }.
helpline = Linija za pomoć
call = Pozovite { $name }
leaflet-download = Preuzmite letak (PDF, { $size } KB)
leaflets = Leci za štampanje
leaflet-online = Skenirajte i pročitajte na internetu
leaflet-format-a4-trifold = Presavijeni letak (A4)
leaflet-format-a5-flyer = Flajer (A5)
leaflet-format-a6-card = Džepna kartica (A6)

# Staying safe online, quick exit, contacts.
safety-title = Bezbednost na internetu
safety-intro = Na svakoj stranici ovog sajta nalazi se dugme „Napustite ovaj sajt“. Koristite ga ako vam se približi neko ko ne treba da vidi šta čitate.
safety-button = Kada pritisnete dugme ili kada tri puta pritisnete taster Shift, umesto ovog sajta otvoriće se neki bezopasan sajt. Dugme „Nazad“ neće vratiti ovu stranicu.
safety-limits = Dugme ne briše istoriju pregledanja. Neko ko pogleda istoriju na vašem telefonu i dalje može da vidi da ste posetili ovaj sajt.
safety-history = Da biste obrisali istoriju, otvorite meni pregledača, idite na „Istorija“ i obrišite ovaj sajt ili celu istoriju. Sledeći put možete da koristite privatni (inkognito) prozor, koji ne čuva istoriju.
safety-phone = Ako neko drugi proverava vaš telefon, sačuvajte brojeve linija za pomoć pod nekim bezazlenim imenom. Ako je to bezbedno, obrišite spisak poziva i poruke.
safety-shared = Na zajedničkom ili pozajmljenom telefonu ili računaru koristite privatni prozor i odjavite se kada završite.
safety-danger = Ako ste sada u opasnosti, pozovite broj za hitne slučajeve u zemlji u kojoj se nalazite.
quick-exit-label = Napustite ovaj sajt
safety-link = Bezbednost na internetu
contact-hours = Radno vreme: { $hours }
contact-countries = Zemlje: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Pošaljite SMS
contact-email = Pošaljite imejl
contact-example = Primer: ovo nije pravi kontakt. Zamenite ga proverenim kontaktom.
print-url-note = Uz linkove se štampa i njihova veb-adresa.
# New string (issue 15): not yet reviewed.
partners = Partneri

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = Poslušajte ovu stranicu
# review: needed
audio-minutes = { $count } min.
# review: needed
audio-seconds = { $count } sek.
# review: needed
audio-size-kb = { $size } KB
# review: needed
audio-size-mb = { $size } MB
# review: needed
audio-download = Preuzmite snimak

# Interface strings of the default theme: Bosnian (bosanski).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Preskoči na glavni sadržaj
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
safety-title = Sigurnost na internetu
safety-intro = Na svakoj stranici nalazi se dugme „Napustite ovu stranicu“. Koristite ga ako vam se približi neko ko ne bi trebao vidjeti šta čitate.
safety-button = Kada pritisnete dugme ili kada tri puta pritisnete tipku Shift, umjesto ove stranice otvorit će se neka bezopasna stranica. Dugme „Nazad“ neće vratiti ovu stranicu.
safety-limits = Dugme ne briše historiju pregledanja. Neko ko pogleda historiju na vašem telefonu i dalje može vidjeti da ste posjetili ovu stranicu.
safety-history = Da biste izbrisali historiju, otvorite meni preglednika, idite na „Historija“ i izbrišite ovu stranicu ili cijelu historiju. Sljedeći put možete koristiti privatni (inkognito) prozor, koji ne čuva historiju.
safety-phone = Ako neko drugi provjerava vaš telefon, sačuvajte brojeve linija za pomoć pod nekim bezazlenim imenom. Ako je to sigurno, izbrišite listu poziva i poruke.
safety-shared = Na zajedničkom ili posuđenom telefonu ili računaru koristite privatni prozor i odjavite se kada završite.
safety-danger = Ako ste sada u opasnosti, pozovite broj za hitne slučajeve u državi u kojoj se nalazite.
quick-exit-label = Napustite ovu stranicu
safety-link = Sigurnost na internetu
contact-hours = Radno vrijeme: { $hours }
contact-countries = Države: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Pošaljite SMS
contact-email = Pošaljite e-mail
contact-example = Primjer: ovo nije pravi kontakt. Zamijenite ga provjerenim kontaktom.
print-url-note = Uz linkove se štampa i njihova web-adresa.
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

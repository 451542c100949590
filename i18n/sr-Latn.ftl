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
quick-exit = Brzo napustite stranicu
quick-exit-hint = Pritisnite taster Shift tri puta da brzo napustite stranicu.

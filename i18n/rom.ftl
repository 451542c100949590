# Interface strings of the default theme: Romani (romani čhib), Balkan Romani, Latin script.
# review: needed — not yet reviewed by a native speaker; Romani has several
# dialects, and these words should be checked with the community you serve.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Dža ko anglutno lil
language-switcher = Čhiba
page-list = Patrina
home = Anglutni patrin
other-languages = Sa e čhiba
not-found = Akaja patrin naj arakhli
languages-available =
    { $count ->
        [one] Si ande { $count } čhib
       *[other] Si ande { $count } čhiba
    }
page-not-translated = Akaja patrin još naj prevodime. Sikavel pe ande { $language }.
helpline = Linija vaš žutipe
call = Akhar { $name }
leaflet-download = Le o lil (PDF, { $size } KB)
quick-exit = Inklav sigo andar akaja patrin
quick-exit-hint = Pe o Shift trin drom te inkljos sigo.

# Interface strings of the default theme: Pashto (پښتو).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = اصلي منځپانګې ته ورشئ
language-switcher = ژبې
page-list = پاڼې
home = کور پاڼه
other-languages = ټولې ژبې
not-found = پاڼه ونه موندل شوه
languages-available =
    { $count ->
        [one] په { $count } ژبه شته
       *[other] په { $count } ژبو شته
    }
page-not-translated = دا پاڼه لا نه ده ژباړل شوې. په { $language } ژبه ښودل کېږي.
helpline = د مرستې کرښه
call = { $name } ته زنګ ووهئ
leaflet-download = پاڼه ښکته کړئ (PDF، { $size } KB)
quick-exit = له دې ځایه ژر ووځئ
quick-exit-hint = د ژر وتلو لپاره درې ځله د Shift تڼۍ کېکاږئ.

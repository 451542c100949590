# Interface strings of the default theme: Macedonian (македонски).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Прескокни до главната содржина
language-switcher = Јазици
page-list = Страници
home = Почетна страница
other-languages = Сите јазици
not-found = Страницата не е пронајдена
languages-available =
    { $count ->
        [one] Достапно на { $count } јазик
       *[other] Достапно на { $count } јазици
    }
page-not-translated = Оваа страница сè уште не е преведена. Прикажана е на: { $language }.
helpline = Линија за помош
call = Јавете се на { $name }
leaflet-download = Преземете го летокот (PDF, { $size } KB)
quick-exit = Брзо напуштете ја страницата
quick-exit-hint = Притиснете го копчето Shift три пати за брзо да излезете.

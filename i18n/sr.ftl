# Interface strings of the default theme: Serbian, Cyrillic script (српски).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Пређи на главни садржај
language-switcher = Језици
page-list = Странице
home = Почетна страница
other-languages = Сви језици
not-found = Страница није пронађена
languages-available =
    { $count ->
        [one] Доступно на { $count } језику
        [few] Доступно на { $count } језика
       *[other] Доступно на { $count } језика
    }
page-not-translated = Ова страница још није преведена. Приказана је на језику: { $language }.
helpline = Линија за помоћ
call = Позовите { $name }
leaflet-download = Преузмите летак (PDF, { $size } KB)
quick-exit = Брзо напустите страницу
quick-exit-hint = Притисните тастер Shift три пута да брзо напустите страницу.

# Interface strings of the default theme: Serbian, Cyrillic script (српски).
# review: needed — not yet reviewed by a native speaker.
skip-link = Пређи на главни садржај
language-switcher = Језици
page-list = Странице
home = Почетна страница
other-languages = Сви језици
not-found = Страница није пронађена

# Interface strings of the default theme: Bosnian (bosanski).
# review: needed — not yet reviewed by a native speaker.
skip-link = Preskoči na glavni sadržaj
language-switcher = Jezici
page-list = Stranice
home = Početna stranica
other-languages = Svi jezici
not-found = Stranica nije pronađena

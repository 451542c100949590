# Interface strings of the default theme: Serbian, Latin script (srpski).
# review: needed — not yet reviewed by a native speaker.
skip-link = Pređi na glavni sadržaj
language-switcher = Jezici
page-list = Stranice
home = Početna stranica
other-languages = Svi jezici
not-found = Stranica nije pronađena

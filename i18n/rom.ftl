# Interface strings of the default theme: Romani (romani čhib), Balkan Romani, Latin script.
# review: needed — not yet reviewed by a native speaker; Romani has several
# dialects, and these words should be checked with the community you serve.
skip-link = Dža ko anglutno lil
language-switcher = Čhiba
page-list = Patrina
home = Anglutni patrin
other-languages = Sa e čhiba
not-found = Akaja patrin naj arakhli

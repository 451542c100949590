# Interface strings of the default theme: Pashto (پښتو).
# review: needed — not yet reviewed by a native speaker.
skip-link = اصلي منځپانګې ته ورشئ
language-switcher = ژبې
page-list = پاڼې
home = کور پاڼه
other-languages = ټولې ژبې
not-found = پاڼه ونه موندل شوه

# Interface strings of the default theme: English.
# review: done (source language)
skip-link = Skip to main content
language-switcher = Languages
page-list = Pages
home = Home page
other-languages = All languages
not-found = Page not found

# Interface strings of the default theme: English.
# review: done (source language)
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Skip to main content
language-switcher = Languages
page-list = Pages
home = Home page
other-languages = All languages
not-found = Page not found
languages-available =
    { $count ->
        [one] Available in { $count } language
       *[other] Available in { $count } languages
    }
page-not-translated = This page has not been translated yet. It is shown in { $language }.
helpline = Helpline
call = Call { $name }
leaflet-download = Download the leaflet (PDF, { $size } KB)
quick-exit = Leave this site
quick-exit-hint = Press the Shift key three times to leave quickly.

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
leaflets = Leaflets to print
leaflet-online = Scan to read this online
leaflet-format-a4-trifold = Folded leaflet (A4)
leaflet-format-a5-flyer = Flyer (A5)
leaflet-format-a6-card = Pocket card (A6)

# Staying safe online, quick exit, contacts.
safety-title = Staying safe online
safety-intro = Every page of this site has a "Leave this site" button. Use it if someone comes near who should not see what you are reading.
safety-button = When you press the button, or press the Shift key three times, a harmless website opens instead of this one. The Back button will not bring this page back.
safety-limits = The button does not delete your browsing history. Someone who looks at the history on your phone can still see that you visited this site.
safety-history = To delete the history, open your browser's menu, go to History, and delete this site or all history. Next time you can use a private (incognito) window, which does not keep history.
safety-phone = If someone else checks your phone, save helpline numbers under a harmless name. Delete call logs and messages if it is safe to do so.
safety-shared = On a shared or borrowed phone or computer, use a private window and log out when you are done.
safety-danger = If you are in danger now, call the emergency number of the country you are in.
quick-exit-label = Leave this site
safety-link = Staying safe online
contact-hours = Hours: { $hours }
contact-countries = Countries: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Send an SMS
contact-email = Send an e-mail
contact-example = Example: this is not a real contact. Replace it with a verified one.
print-url-note = Links are printed with their web address.
# The organisations whose logos are in the footer and on the leaflets' back.
partners = Partners

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Languages whose words
# change with the number write the lengths with { $count -> ... }.
audio-listen = Listen to this page
audio-minutes = { $count } min
audio-seconds = { $count } s
audio-size-kb = { $size } KB
audio-size-mb = { $size } MB
audio-download = Download the recording

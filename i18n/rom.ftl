# Interface strings of the default theme: Romani (romani čhib), Balkan Romani, Latin script.
# review: needed — not yet reviewed by a native speaker; Romani has several
# dialects, and these words should be checked with the community you serve.
#
# Dialect: Balkan Romani (Arli-type forms), as in translations/safe-work/rom.po.
# One set of forms everywhere: nane (not naj), žutipe (not ažutipe), panda
# (not još), misal (not primer), ginavel "to read" (not drabarel).
# Readers are addressed in the plural (tumen, tumaro; imperatives in -en).
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Džan ko anglutno lil
language-switcher = Čhiba
page-list = Patrina
home = Anglutni patrin
other-languages = Sa e čhiba
not-found = Akaja patrin nane arakhli
languages-available =
    { $count ->
        [one] Si ande { $count } čhib
       *[other] Si ande { $count } čhiba
    }
page-not-translated = Akaja patrin panda nane prevodime. Sikavel pe ande { $language }.
helpline = Linija vaš žutipe
call = Akharen { $name }
leaflet-download = Len o lil (PDF, { $size } KB)
leaflets = Lila vaš štampinipe
leaflet-online = Skenirinen thaj ginaven ko interneti
leaflet-format-a4-trifold = Presavimo lil (A4)
leaflet-format-a5-flyer = Flajeri (A5)
leaflet-format-a6-card = Kartica vaš o džepi (A6)

# Staying safe online, quick exit, contacts.
safety-title = Arakhipe ko interneti
safety-intro = Ko sa e patrina akale sajtesko si jekh butoni „Mukhen akava sajti“. Koristinen les te avel paše tumende varekon kaj na valjani te dikhel so ginaven.
safety-button = Kana ka pritisnen o butoni, vaj kana ka pritisnen trin drom o Shift, ko than akale sajtesko ka putardol jekh aver sajti kaj nane opasno. O butoni „Palal“ na ka anel palem akaja patrin.
safety-limits = O butoni na khosel i historija ko tumaro browseri. Varekon kaj ka dikhel i historija ko tumaro telefoni panda šaj te dikhel kaj sinen ko akava sajti.
safety-history = Te khosen i historija, putaren o meni ko tumaro browseri, džan ko „Historija“ thaj khosen akava sajti vaj sa i historija. Aver drom šaj te koristinen privatno (incognito) penđera, kaj na arakhel i historija.
safety-phone = Te varekon aver dikhel tumaro telefoni, ramosaren e numerja e linijengere vaš žutipe tala jekh sakodivesutno anav. Te si sigurno, khosen i lista e akharipengi thaj e poruke.
safety-shared = Ko telefoni vaj kompjuteri kaj si khetano vaj manglo, koristinen privatno penđera thaj ikljen andar tumaro profili kana ka završinen.
safety-danger = Te akana sen ki opasnost, akharen o numero vaš hitno žutipe ko them kaj akana sen.
quick-exit-label = Mukhen akava sajti
safety-link = Arakhipe ko interneti
contact-hours = Sahatja: { $hours }
contact-countries = Thema: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Bičhaven SMS
contact-email = Bičhaven e-mail
contact-example = Misal: akava nane čačutno kontakti. Paruven les jekhe kontaktesa kaj si proverimo.
print-url-note = E linkija štampinđon lengere veb-adresasa.
# New string (issue 15): not yet reviewed.
partners = Partnerija

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = Ašunen akaja patrin
# review: needed
audio-minutes = { $count } min.
# review: needed
audio-seconds = { $count } sek.
# review: needed
audio-size-kb = { $size } KB
# review: needed
audio-size-mb = { $size } MB
# review: needed
audio-download = Len i snimka

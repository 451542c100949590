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
leaflets = Леци за штампање
leaflet-online = Скенирајте и прочитајте на интернету
leaflet-format-a4-trifold = Пресавијени летак (A4)
leaflet-format-a5-flyer = Флајер (A5)
leaflet-format-a6-card = Џепна картица (A6)

# Staying safe online, quick exit, contacts.
safety-title = Безбедност на интернету
safety-intro = На свакој страници овог сајта налази се дугме „Напустите овај сајт“. Користите га ако вам се приближи неко ко не треба да види шта читате.
safety-button = Када притиснете дугме или када три пута притиснете тастер Shift, уместо овог сајта отвориће се неки безопасан сајт. Дугме „Назад“ неће вратити ову страницу.
safety-limits = Дугме не брише историју прегледања. Неко ко погледа историју на вашем телефону и даље може да види да сте посетили овај сајт.
safety-history = Да бисте обрисали историју, отворите мени прегледача, идите на „Историја“ и обришите овај сајт или целу историју. Следећи пут можете да користите приватни (инкогнито) прозор, који не чува историју.
safety-phone = Ако неко други проверава ваш телефон, сачувајте бројеве линија за помоћ под неким безазленим именом. Ако је то безбедно, обришите списак позива и поруке.
safety-shared = На заједничком или позајмљеном телефону или рачунару користите приватни прозор и одјавите се када завршите.
safety-danger = Ако сте сада у опасности, позовите број за хитне случајеве у земљи у којој се налазите.
quick-exit-label = Напустите овај сајт
safety-link = Безбедност на интернету
contact-hours = Радно време: { $hours }
contact-countries = Земље: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Пошаљите SMS
contact-email = Пошаљите имејл
contact-example = Пример: ово није прави контакт. Замените га провереним контактом.
print-url-note = Уз линкове се штампа и њихова веб-адреса.
# New string (issue 15): not yet reviewed.
partners = Партнери

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = Послушајте ову страницу
# review: needed
audio-minutes = { $count } мин.
# review: needed
audio-seconds = { $count } сек.
# review: needed
audio-size-kb = { $size } KB
# review: needed
audio-size-mb = { $size } MB
# review: needed
audio-download = Преузмите снимак

# Interface strings of the default theme: Macedonian (македонски).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Прескокни до главната содржина
language-switcher = Јазици
page-list = Страници
home = Почетна страница
other-languages = Сите јазици
not-found = Страницата не е пронајдена
languages-available =
    { $count ->
        [one] Достапно на { $count } јазик
       *[other] Достапно на { $count } јазика
    }
page-not-translated = Оваа страница сè уште не е преведена. Прикажана е на: { $language }.
helpline = Линија за помош
call = Јавете се на { $name }
leaflet-download = Преземете го летокот (PDF, { $size } KB)
leaflets = Летоци за печатење
leaflet-online = Скенирајте и прочитајте на интернет
leaflet-format-a4-trifold = Превиткан леток (A4)
leaflet-format-a5-flyer = Флаер (A5)
leaflet-format-a6-card = Џебна картичка (A6)

# Staying safe online, quick exit, contacts.
safety-title = Безбедност на интернет
safety-intro = На секоја страница од овој сајт има копче „Излезете од страницата“. Користете го ако ви се приближи некој што не треба да види што читате.
safety-button = Кога ќе го притиснете копчето или кога три пати ќе го притиснете тастерот Shift, наместо овој сајт ќе се отвори некој безопасен сајт. Копчето „Назад“ нема да ја врати оваа страница.
safety-limits = Копчето не ја брише историјата на прелистување. Некој што ќе ја погледне историјата на вашиот телефон сепак може да види дека сте го посетиле овој сајт.
safety-history = За да ја избришете историјата, отворете го менито на прелистувачот, одете на „Историја“ и избришете го овој сајт или целата историја. Следниот пат можете да користите приватен (инкогнито) прозорец, кој не чува историја.
safety-phone = Ако некој друг ви го проверува телефонот, зачувајте ги броевите на линиите за помош под некое безопасно име. Ако е безбедно, избришете ги повиците и пораките од телефонот.
safety-shared = На заеднички или позајмен телефон или компјутер користете приватен прозорец и одјавете се кога ќе завршите.
safety-danger = Ако сега сте во опасност, јавете се на бројот за итни случаи во државата во која се наоѓате.
quick-exit-label = Излезете од страницата
safety-link = Безбедност на интернет
contact-hours = Работно време: { $hours }
contact-countries = Држави: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = Испратете SMS
contact-email = Испратете е-пошта
contact-example = Пример: ова не е вистински контакт. Заменете го со проверен контакт.
print-url-note = Врските се печатат заедно со нивната веб-адреса.
# New string (issue 15): not yet reviewed.
partners = Партнери

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = Слушнете ја оваа страница
# review: needed
audio-minutes = { $count } мин.
# review: needed
audio-seconds = { $count } сек.
# review: needed
audio-size-kb = { $size } KB
# review: needed
audio-size-mb = { $size } MB
# review: needed
audio-download = Преземете ја снимката

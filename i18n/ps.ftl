# Interface strings of the default theme: Pashto (پښتو).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = اصلي منځپانګې ته ورشئ
language-switcher = ژبې
page-list = پاڼې
home = کور پاڼه
other-languages = ټولې ژبې
not-found = پاڼه ونه موندل شوه
languages-available =
    { $count ->
        [one] په { $count } ژبه شته
       *[other] په { $count } ژبو شته
    }
page-not-translated = دا پاڼه لا نه ده ژباړل شوې. په { $language } ژبه ښودل کېږي.
helpline = د مرستې کرښه
call = { $name } ته زنګ ووهئ
leaflet-download = پاڼه ښکته کړئ (PDF، { $size } KB)
leaflets = د چاپ لپاره پاڼې
leaflet-online = کوډ سکن کړئ او دا په انټرنېټ کې ولولئ
leaflet-format-a4-trifold = قات شوې پاڼه (A4)
leaflet-format-a5-flyer = ساده پاڼه (A5)
leaflet-format-a6-card = د جیب کارت (A6)

# Staying safe online, quick exit, contacts.
safety-title = په انټرنېټ کې خوندي پاتې کېدل
safety-intro = د دې سایټ په هره پاڼه کې د «له دې سایټ څخه ووځئ» تڼۍ شته. که څوک تاسو ته نږدې شي چې باید ونه ګوري چې تاسو څه لولئ، دا تڼۍ وکاروئ.
safety-button = کله چې دا تڼۍ کېکاږئ، یا درې ځله د Shift تڼۍ کېکاږئ، د دې سایټ پر ځای یو عادي او بې ضرره سایټ پرانیستل کېږي. د «شاته» تڼۍ دا پاڼه بېرته نه راوړي.
safety-limits = دا تڼۍ ستاسو د براوزر تاریخچه نه پاکوي. څوک چې ستاسو د ټیلیفون تاریخچه وګوري، بیا هم لیدلی شي چې تاسو دا سایټ کتلی دی.
safety-history = د تاریخچې د پاکولو لپاره، د خپل براوزر مېنو پرانیزئ، «تاریخچه» ته لاړ شئ، او دا سایټ یا ټوله تاریخچه پاکه کړئ. بل ځل کولی شئ یوه خصوصي (انکګنیټو) کړکۍ وکاروئ، چې تاریخچه نه ساتي.
safety-phone = که بل څوک ستاسو ټیلیفون ګوري، د مرستې د کرښو شمېرې د یو عادي نوم لاندې خوندي کړئ. که دا کار خوندي وي، د زنګونو تاریخچه او پیغامونه پاک کړئ.
safety-shared = په ګډ یا د بل چا ټیلیفون یا کمپیوټر کې خصوصي کړکۍ وکاروئ، او کله چې مو کار خلاص شو، له خپل حساب څخه ووځئ.
safety-danger = که همدا اوس په خطر کې یاست، د هغه هېواد د بېړنیو پېښو شمېرې ته زنګ ووهئ چې تاسو پکې یاست.
quick-exit-label = له دې سایټ څخه ووځئ
safety-link = په انټرنېټ کې خوندي پاتې کېدل
contact-hours = د کار وختونه: { $hours }
contact-countries = هېوادونه: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = SMS ولېږئ
contact-email = برېښنالیک ولېږئ
contact-example = بېلګه: دا ریښتینې اړیکه نه ده. پر ځای یې یوه تایید شوې اړیکه کېږدئ.
print-url-note = لینکونه د خپلو وېب پتو سره چاپېږي.
# New string (issue 15): not yet reviewed.
partners = همکار سازمانونه

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = دې پاڼې ته غوږ ونیسئ
# review: needed
audio-minutes =
    { $count ->
        [one] { $count } دقیقه
       *[other] { $count } دقیقې
    }
# review: needed
audio-seconds =
    { $count ->
        [one] { $count } ثانیه
       *[other] { $count } ثانیې
    }
# review: needed
audio-size-kb = { $size } KB
# review: needed
audio-size-mb = { $size } MB
# review: needed
audio-download = ثبت شوی غږ ښکته کړئ

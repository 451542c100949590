# Interface strings of the default theme: Arabic (العربية).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = انتقلوا إلى المحتوى الرئيسي
language-switcher = اللغات
page-list = الصفحات
home = الصفحة الرئيسية
other-languages = كل اللغات
not-found = الصفحة غير موجودة
languages-available =
    { $count ->
        [zero] غير متاح بأي لغة
        [one] متاح بلغة واحدة
        [two] متاح بلغتين
        [few] متاح بـ{ $count } لغات
        [many] متاح بـ{ $count } لغة
       *[other] متاح بـ{ $count } لغة
    }
page-not-translated = لم تُترجَم هذه الصفحة بعد. وهي معروضة باللغة: { $language }.
helpline = خط المساعدة
call = اتصلوا ب{ $name }
leaflet-download = نزّلوا المنشور (PDF، { $size } كيلوبايت)
leaflets = منشورات للطباعة
leaflet-online = امسحوا الرمز لقراءة هذا على الإنترنت
leaflet-format-a4-trifold = منشور مطوي (A4)
leaflet-format-a5-flyer = منشور بورقة واحدة (A5)
leaflet-format-a6-card = بطاقة جيب (A6)

# Staying safe online, quick exit, contacts.
safety-title = السلامة على الإنترنت
safety-intro = في كل صفحة من هذا الموقع زرّ «مغادرة هذا الموقع». استخدموه إذا اقترب منكم شخص لا ينبغي أن يرى ما تقرؤونه.
safety-button = عند الضغط على الزر، أو الضغط على مفتاح Shift ثلاث مرات، يُفتح موقع عادي غير ضار بدلًا من هذا الموقع. ولن يُعيد زر «رجوع» هذه الصفحة.
safety-limits = هذا الزر لا يحذف سجل التصفح. ومن ينظر إلى السجل في هاتفكم يستطيع مع ذلك أن يرى أنكم زرتم هذا الموقع.
safety-history = لحذف السجل: افتحوا قائمة المتصفح، واذهبوا إلى «السجل»، واحذفوا هذا الموقع أو السجل كله. ويمكنكم في المرة القادمة استخدام نافذة خاصة (نافذة التصفح المتخفي)، فهي لا تحفظ السجل.
safety-phone = إذا كان شخص آخر يفتش هاتفكم، فاحفظوا أرقام خطوط المساعدة باسم عادي لا يلفت الانتباه. واحذفوا سجل المكالمات والرسائل إذا كان ذلك آمنًا.
safety-shared = على هاتف أو حاسوب مشترك أو مستعار، استخدموا نافذة خاصة، وسجّلوا الخروج عندما تنتهون.
safety-danger = إذا كنتم في خطر الآن، فاتصلوا برقم الطوارئ في البلد الذي أنتم فيه.
quick-exit-label = مغادرة هذا الموقع
safety-link = السلامة على الإنترنت
contact-hours = ساعات العمل: { $hours }
contact-countries = البلدان: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = إرسال رسالة SMS
contact-email = إرسال بريد إلكتروني
contact-example = مثال: هذه ليست جهة اتصال حقيقية. استبدلوها بجهة اتصال تم التحقق منها.
print-url-note = تُطبع الروابط مع عناوينها على الإنترنت.
# New string (issue 15): not yet reviewed.
partners = الشركاء

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = استمعوا إلى هذه الصفحة
# review: needed
audio-minutes =
    { $count ->
        [zero] { $count } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    }
# review: needed
audio-seconds =
    { $count ->
        [zero] { $count } ثانية
        [one] ثانية واحدة
        [two] ثانيتان
        [few] { $count } ثوانٍ
        [many] { $count } ثانية
       *[other] { $count } ثانية
    }
# review: needed
audio-size-kb = { $size } كيلوبايت
# review: needed
audio-size-mb = { $size } ميغابايت
# review: needed
audio-download = نزّلوا التسجيل

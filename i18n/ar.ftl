# Interface strings of the default theme: Arabic (العربية).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = انتقل إلى المحتوى الرئيسي
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
call = اتصل بـ{ $name }
leaflet-download = نزّل المنشور (PDF، { $size } كيلوبايت)
quick-exit = غادر هذا الموقع
quick-exit-hint = اضغط على مفتاح Shift ثلاث مرات لتغادر بسرعة.

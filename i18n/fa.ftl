# Interface strings of the default theme: Persian (فارسی).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = رفتن به محتوای اصلی
language-switcher = زبان‌ها
page-list = صفحه‌ها
home = صفحهٔ اصلی
other-languages = همهٔ زبان‌ها
not-found = صفحه پیدا نشد
languages-available =
    { $count ->
        [one] در { $count } زبان
       *[other] در { $count } زبان
    }
page-not-translated = این صفحه هنوز ترجمه نشده است و به زبان { $language } نمایش داده می‌شود.
helpline = خط کمک
call = تماس با { $name }
leaflet-download = دریافت بروشور (PDF، { $size } کیلوبایت)
quick-exit = خروج سریع از این سایت
quick-exit-hint = برای خروج سریع، سه بار کلید Shift را فشار دهید.

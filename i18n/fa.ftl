# Interface strings of the default theme: Persian (فارسی).
# review: needed — not yet reviewed by a native speaker.
# Dari: these strings use Iranian Persian (Farsi) wording. If most readers of the campaign are from Afghanistan, have a native Dari speaker review the vocabulary (not done here, so as not to guess Dari words).
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
        [one] به { $count } زبان موجود است
       *[other] به { $count } زبان موجود است
    }
page-not-translated = این صفحه هنوز ترجمه نشده است و به زبان { $language } نمایش داده می‌شود.
helpline = خط کمک
call = تماس با { $name }
leaflet-download = دریافت بروشور (PDF، { $size } کیلوبایت)
leaflets = بروشورهای قابل چاپ
leaflet-online = برای خواندن در اینترنت، کد را اسکن کنید
leaflet-format-a4-trifold = بروشور تاشده (A4)
leaflet-format-a5-flyer = تراکت (A5)
leaflet-format-a6-card = کارت جیبی (A6)

# Staying safe online, quick exit, contacts.
safety-title = امنیت در اینترنت
safety-intro = در همهٔ صفحه‌های این سایت دکمه‌ای به نام «خروج از این سایت» هست. اگر کسی به شما نزدیک شد که نباید ببیند چه می‌خوانید، از این دکمه استفاده کنید.
safety-button = وقتی این دکمه را بزنید، یا سه بار کلید Shift را فشار دهید، به‌جای این سایت یک سایت معمولی و بی‌خطر باز می‌شود. دکمهٔ «بازگشت» این صفحه را دوباره نشان نمی‌دهد.
safety-limits = این دکمه تاریخچهٔ مرورگر شما را پاک نمی‌کند. کسی که تاریخچهٔ گوشی شما را نگاه کند، باز هم می‌تواند ببیند که شما به این سایت سر زده‌اید.
safety-history = برای پاک کردن تاریخچه، منوی مرورگر را باز کنید، به «تاریخچه» بروید و این سایت یا همهٔ تاریخچه را پاک کنید. دفعهٔ بعد می‌توانید از پنجرهٔ خصوصی (ناشناس) استفاده کنید که تاریخچه را نگه نمی‌دارد.
safety-phone = اگر کس دیگری گوشی شما را بررسی می‌کند، شماره‌های خطوط کمک را با یک نام معمولی و بی‌خطر ذخیره کنید. اگر خطری ندارد، سابقهٔ تماس‌ها و پیام‌ها را پاک کنید.
safety-shared = در گوشی یا رایانهٔ مشترک یا قرضی، از پنجرهٔ خصوصی استفاده کنید و وقتی کارتان تمام شد، از حساب خود خارج شوید.
safety-danger = اگر همین حالا در خطر هستید، با شمارهٔ اضطراری کشوری که در آن هستید تماس بگیرید.
quick-exit-label = خروج از این سایت
safety-link = امنیت در اینترنت
contact-hours = ساعت‌های کاری: { $hours }
contact-countries = کشورها: { $countries }
contact-whatsapp = WhatsApp
contact-viber = Viber
contact-sms = فرستادن پیام SMS
contact-email = فرستادن ایمیل
contact-example = نمونه: این یک راه تماس واقعی نیست. آن را با یک راه تماس تأییدشده عوض کنید.
print-url-note = پیوندها همراه با نشانی اینترنتی‌شان چاپ می‌شوند.
# New string (issue 15): not yet reviewed.
partners = همکاران

# Recorded reading of a page (`audio:` in its front matter): the player's
# label, the recording's length and size, and the link that browsers which
# cannot play sound show instead of the player. Each string below was
# written without a native speaker.
# review: needed
audio-listen = به این صفحه گوش دهید
# review: needed
audio-minutes = { $count } دقیقه
# review: needed
audio-seconds = { $count } ثانیه
# review: needed
audio-size-kb = { $size } کیلوبایت
# review: needed
audio-size-mb = { $size } مگابایت
# review: needed
audio-download = دریافت فایل صوتی

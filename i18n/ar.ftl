# Interface strings of the default theme: Arabic (العربية).
# review: needed — not yet reviewed by a native speaker.
skip-link = انتقل إلى المحتوى الرئيسي
language-switcher = اللغات
page-list = الصفحات
home = الصفحة الرئيسية
other-languages = كل اللغات
not-found = الصفحة غير موجودة

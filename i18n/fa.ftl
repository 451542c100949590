# Interface strings of the default theme: Persian (فارسی).
# review: needed — not yet reviewed by a native speaker.
skip-link = رفتن به محتوای اصلی
language-switcher = زبان‌ها
page-list = صفحه‌ها
home = صفحهٔ اصلی
other-languages = همهٔ زبان‌ها
not-found = صفحه پیدا نشد

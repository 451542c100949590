# Interface strings of the default theme: Macedonian (македонски).
# review: needed — not yet reviewed by a native speaker.
skip-link = Прескокни до главната содржина
language-switcher = Јазици
page-list = Страници
home = Почетна страница
other-languages = Сите јазици
not-found = Страницата не е пронајдена

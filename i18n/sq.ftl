# Interface strings of the default theme: Albanian (shqip).
# review: needed — not yet reviewed by a native speaker.
skip-link = Kalo te përmbajtja kryesore
language-switcher = Gjuhët
page-list = Faqet
home = Faqja kryesore
other-languages = Të gjitha gjuhët
not-found = Faqja nuk u gjet

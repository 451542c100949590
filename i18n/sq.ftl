# Interface strings of the default theme: Albanian (shqip).
# review: needed — not yet reviewed by a native speaker.
#
# Plural forms follow CLDR: { $count -> [one] ... *[other] ... }.

skip-link = Kalo te përmbajtja kryesore
language-switcher = Gjuhët
page-list = Faqet
home = Faqja kryesore
other-languages = Të gjitha gjuhët
not-found = Faqja nuk u gjet
languages-available =
    { $count ->
        [one] E disponueshme në { $count } gjuhë
       *[other] E disponueshme në { $count } gjuhë
    }
page-not-translated = Kjo faqe nuk është përkthyer ende. Po shfaqet në { $language }.
helpline = Linja e ndihmës
call = Telefononi { $name }
leaflet-download = Shkarkoni fletëpalosjen (PDF, { $size } KB)
quick-exit = Dilni nga kjo faqe
quick-exit-hint = Shtypni tastin Shift tri herë për të dalë shpejt.

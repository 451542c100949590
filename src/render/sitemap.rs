//! `sitemap.xml` with every page and its translations as `xhtml:link`
//! alternates, so search engines send readers to their own language.

use crate::html::escape_text;
use crate::render::absolute_url;
use crate::resolve::ResolvedCampaign;

/// The sitemap of a campaign that has a `base_url`.
pub fn sitemap(rc: &ResolvedCampaign, base: &str) -> String {
    let campaign = &rc.campaign;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    xml.push_str(&format!("<url><loc>{}</loc></url>\n", escape_text(base)));
    for (_, pages) in &rc.languages {
        for rp in pages
            .iter()
            .filter(|rp| rp.alternates.contains(&rp.page.lang))
        {
            let page = &rp.page;
            let name = page.output_name();
            let loc = absolute_url(campaign, &format!("{}/{name}", page.lang)).unwrap_or_default();
            xml.push_str(&format!("<url><loc>{}</loc>", escape_text(&loc)));
            if rp.alternates.len() > 1 {
                for tag in rp.alternates.iter() {
                    let Some(language) = campaign.language(tag) else {
                        continue;
                    };
                    let href = absolute_url(campaign, &format!("{tag}/{name}")).unwrap_or_default();
                    xml.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        language.hreflang,
                        escape_text(&href)
                    ));
                }
                if rp.alternates.contains(&campaign.default_language) {
                    let href =
                        absolute_url(campaign, &format!("{}/{name}", campaign.default_language))
                            .unwrap_or_default();
                    xml.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                        escape_text(&href)
                    ));
                }
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

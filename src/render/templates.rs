//! Tera setup for one theme: every template checked up front (all syntax
//! errors reported, not only the first), the `t()` function for interface
//! strings, and tera's errors turned into located diagnostics.

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult, Value};

use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::model::Theme;
use crate::render::strings::{Request, Strings};

/// Templates every theme must have.
pub const REQUIRED: &[&str] = &[
    "base.html",
    "page.html",
    "home.html",
    "chooser.html",
    "404.html",
    "safety.html",
];

/// A theme's templates, ready to render.
pub struct Templates {
    tera: Tera,
    sources: HashMap<String, SourceFile>,
    /// Whether every template only prints `page.content` as it is, so the
    /// renderer may insert the body after tidying (see `render_page`).
    pub prints_content_verbatim: bool,
}

impl Templates {
    /// Compiles a theme's templates. Every template with a syntax error is
    /// reported, each with its file and line.
    pub fn new(theme: &Theme, strings: Arc<Strings>) -> Result<Templates, Vec<Diagnostic>> {
        let sources: HashMap<String, SourceFile> = theme.templates.iter().cloned().collect();
        let mut problems = Vec::new();
        for name in REQUIRED {
            if !sources.contains_key(*name) {
                problems.push(Diagnostic::in_file(
                    std::path::Path::new(&format!("themes/{}/templates/{name}", theme.name)),
                    Severity::Error,
                    format!(
                        "the theme `{}` has no template `{name}`, which outreach needs",
                        theme.name
                    ),
                ));
            }
        }
        // Each template alone first, so that every syntax error is found;
        // a missing parent is expected there and checked below.
        for (name, source) in &theme.templates {
            let mut alone = new_tera(strings.clone());
            if let Err(err) = alone.add_raw_template(name, source.text())
                && !refers_to_another_template(&err)
            {
                problems.push(to_diagnostic(&err, &sources, None));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = new_tera(strings);
        let pairs: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|(n, s)| (n.as_str(), s.text()))
            .collect();
        if let Err(err) = tera.add_raw_templates(pairs) {
            return Err(vec![to_diagnostic(&err, &sources, None)]);
        }
        let prints_content_verbatim = theme
            .templates
            .iter()
            .all(|(_, s)| prints_content_verbatim(s.text()));
        Ok(Templates {
            tera,
            sources,
            prints_content_verbatim,
        })
    }

    /// Renders template `name`. `while_building` names the page being
    /// built, so the author knows which content triggered the problem.
    pub fn render(
        &self,
        name: &str,
        context: &Context,
        while_building: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|err| to_diagnostic(&err, &self.sources, Some(while_building)))?;
        Ok(out)
    }
}

/// A Tera instance with outreach's functions.
///
/// `t(key=..., count=..., lang=..., digits="ascii", name=value...)` looks
/// up an interface string for the page's campaign and language (or
/// `lang`). `count` chooses the plural form and fills `{ $count }`; other
/// named values fill `{ $name }`. Campaigns that ask for native digits get
/// them in text; `digits="ascii"` keeps ASCII digits, for attribute values.
fn new_tera(strings: Arc<Strings>) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    // One policy for the pages' <meta> and the hosts' header files.
    tera.global_context().insert(
        "content_security_policy",
        crate::render::host::CONTENT_SECURITY_POLICY,
    );
    tera.register_function("t", move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
        let key: &str = kwargs.must_get("key")?;
        let campaign: Value = state.get("campaign")?.unwrap_or_else(Value::none);
        let field = |name: &str| campaign.get_from_path(name).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let lang = match kwargs.get::<&str>("lang")? {
            Some(lang) => lang.to_string(),
            None => current_lang(state).unwrap_or_default(),
        };
        let fallbacks: Vec<String> = campaign
            .get_from_path(&format!("string_fallbacks.{lang}"))
            .and_then(|v| v.as_array())
            .map(|tags| tags.iter().filter_map(|t| t.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let native_digits = campaign
            .get_from_path("native_digits")
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
            && kwargs.get::<&str>("digits")? != Some("ascii");
        let named: Vec<(String, String)> = kwargs
            .iter()
            .filter_map(|(name, value)| {
                let name = name.as_str()?;
                (!matches!(name, "key" | "count" | "lang" | "digits")).then(|| (name.to_string(), value.to_string()))
            })
            .collect();
        let args: Vec<(&str, &str)> = named.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (campaign_id, default_language) = (field("id"), field("default_language"));
        let request = Request {
            campaign: &campaign_id,
            lang: &lang,
            key,
            count: kwargs.get::<i64>("count")?,
            args: &args,
            native_digits,
            fallbacks: &fallbacks,
            default_language: &default_language,
        };
        strings.get(&request).ok_or_else(|| {
            tera::Error::message(format!(
                "no interface string `{key}` for `{lang}`, nor in any fallback language: add `{key} = ...` to `i18n/en.ftl`"
            ))
        })
    });
    // `asset(path="style.css")`: where a static file of the theme is
    // published (CSS and JavaScript under content-hashed names), relative
    // to the campaign's folder; put `{{ root }}` before it.
    tera.register_function("asset", |kwargs: Kwargs, state: &State| -> TeraResult<String> {
        let path: &str = kwargs.must_get("path")?;
        let assets: Value = state.get("assets")?.unwrap_or_else(Value::none);
        assets
            .as_map()
            .and_then(|map| map.iter().find(|(k, _)| k.as_str() == Some(path)))
            .and_then(|(_, v)| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| {
                tera::Error::message(format!(
                    "the theme has no static file `{path}`: `asset()` names files in the theme's `static/` folder"
                ))
            })
    });
    // `icon(name="phone") | safe`: a bundled pictogram as inline SVG,
    // hidden from screen readers (see `model::icon`).
    tera.register_function("icon", |kwargs: Kwargs, _: &State| -> TeraResult<String> {
        let name: &str = kwargs.must_get("name")?;
        crate::model::icon::get(name)
            .map(crate::model::icon::Icon::html)
            .ok_or_else(|| {
                tera::Error::message(format!(
                    "there is no pictogram `{name}`; the pictograms are {}",
                    crate::model::icon::names().join(", ")
                ))
            })
    });
    tera
}

/// Whether every tag in `template` that mentions `content` is exactly
/// `{{ page.content | safe }}`. Anything else (a
/// filter, `set`, passing it to a component) may change the body, so the
/// page must be rendered with its body before tidying.
pub fn prints_content_verbatim(template: &str) -> bool {
    // A filter section or a loop over `page` can change the body without
    // naming `content`.
    let squeezed: String = template.split_whitespace().collect();
    if squeezed.contains("{%filter")
        || squeezed.contains("{%-filter")
        || squeezed.contains("inpage%}")
        || squeezed.contains("inpage-%}")
    {
        return false;
    }
    let mut rest = template;
    while let Some(open) = rest.find(['{']) {
        let after = &rest[open..];
        let close = match after.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                rest = &after[1..];
                continue;
            }
        };
        let Some(end) = after.find(close) else {
            return false;
        };
        let tag = &after[..end + 2];
        if mentions_content(tag) {
            let inner = tag[2..tag.len() - 2].trim_matches('-').trim();
            let verbatim = close == "}}"
                && match inner.strip_prefix("page.content") {
                    Some(filters) => {
                        let filters: String = filters.split_whitespace().collect();
                        // Without `safe` the body is escaped: a change too.
                        filters == "|safe"
                    }
                    None => false,
                };
            if !verbatim {
                return false;
            }
        }
        rest = &after[end + 2..];
    }
    true
}

/// Errors a template checked on its own gives only because the templates it
/// extends or includes are not there: they are checked with all of them.
fn refers_to_another_template(err: &tera::Error) -> bool {
    match err.kind() {
        ErrorKind::MissingParent { .. } | ErrorKind::TemplateNotFound(_) => true,
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            report.message().starts_with("Unknown template")
        }
        // Several problems at once come as one message, one `error:` line each:
        // ignore it only if every one is about a template that is not there.
        ErrorKind::Msg(message) => {
            let mut errors = message
                .lines()
                .filter(|l| l.starts_with("error: "))
                .peekable();
            errors.peek().is_some() && errors.all(|l| l.contains("Unknown template"))
        }
        _ => false,
    }
}

/// Whether a template tag uses the name `content` (not merely a longer
/// name such as `content_security_policy`).
fn mentions_content(tag: &str) -> bool {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    tag.match_indices("content").any(|(at, word)| {
        let before = tag[..at].chars().next_back();
        let after = tag[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

/// The `tag` of the `lang` variable in a template's context.
fn current_lang(state: &State) -> Option<String> {
    let lang: Value = state.get("lang").ok()??;
    lang.get_from_path("tag")?.as_str().map(str::to_string)
}

fn to_diagnostic(
    err: &tera::Error,
    sources: &HashMap<String, SourceFile>,
    while_building: Option<&str>,
) -> Diagnostic {
    let mut diagnostic = match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let what = if matches!(err.kind(), ErrorKind::SyntaxError(_)) {
                "template syntax error"
            } else {
                "template error"
            };
            let message = format!("{what}: {}", report.message());
            match sources.get(report.filename()) {
                Some(source) => source.at_line_col(
                    span.start_line.max(1),
                    span.start_col + 1,
                    Severity::Error,
                    message,
                ),
                None => Diagnostic::in_file(
                    std::path::Path::new(report.filename()),
                    Severity::Error,
                    message,
                ),
            }
        }
        other => Diagnostic {
            severity: Severity::Error,
            path: None,
            line: None,
            col: None,
            message: format!("template error: {other}"),
            help: None,
            snippet: None,
        },
    };
    if let Some(page) = while_building {
        diagnostic.help = Some(format!("found while building {page}"));
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::prints_content_verbatim;

    #[test]
    fn content_printed_as_is_is_recognised() {
        assert!(prints_content_verbatim(
            "<main>{{ page.content | safe }}</main><meta content=\"x\">"
        ));
        assert!(prints_content_verbatim("{{- page.content|safe -}}"));
        assert!(
            !prints_content_verbatim("{{ page.content }}"),
            "escaped, so changed"
        );
        assert!(prints_content_verbatim(
            "{% block main %}{% endblock main %}"
        ));
        assert!(prints_content_verbatim(
            "<meta content=\"{{ content_security_policy }}\">{{ page.content | safe }}"
        ));
        assert!(!prints_content_verbatim("{{ page.content|length }}"));
        assert!(!prints_content_verbatim(
            "{{ page.content | replace(from=\"a\", to=\"b\") | safe }}"
        ));
        assert!(!prints_content_verbatim(
            "{% set body = page.content %}{{ body | safe }}"
        ));
        assert!(!prints_content_verbatim(
            "{{ page.content | striptags | truncate(length=50) }}"
        ));
        assert!(!prints_content_verbatim("{{ page.content"));
        assert!(!prints_content_verbatim(
            "{% filter striptags %}{{ page.content | safe }}{% endfilter %}"
        ));
        assert!(!prints_content_verbatim(
            "{% for k, v in page %}{{ v }}{% endfor %}"
        ));
    }
}

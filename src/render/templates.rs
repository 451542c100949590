//! Tera setup for one theme: every template checked up front (all syntax
//! errors reported, not only the first), the `t()` function for interface
//! strings, and tera's errors turned into located diagnostics.

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult, Value};

use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::model::Theme;
use crate::render::strings::Strings;

/// Templates every theme must have.
pub const REQUIRED: &[&str] = &[
    "base.html",
    "page.html",
    "home.html",
    "chooser.html",
    "404.html",
];

/// A theme's templates, ready to render.
pub struct Templates {
    tera: Tera,
    sources: HashMap<String, SourceFile>,
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
            if let Err(err) = alone.add_raw_template(name, &source.text)
                && !matches!(err.kind(), ErrorKind::MissingParent { .. })
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
            .map(|(n, s)| (n.as_str(), s.text.as_str()))
            .collect();
        if let Err(err) = tera.add_raw_templates(pairs) {
            return Err(vec![to_diagnostic(&err, &sources, None)]);
        }
        Ok(Templates { tera, sources })
    }

    /// Renders template `name`. `while_building` names the page being
    /// built, so the author knows which content triggered the problem.
    pub fn render(
        &self,
        name: &str,
        context: &Context,
        while_building: &str,
    ) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|err| to_diagnostic(&err, &self.sources, Some(while_building)))
    }
}

/// A Tera instance with outreach's functions: `t(key=..., lang=...)`
/// looks up an interface string in the page's language (or `lang`).
fn new_tera(strings: Arc<Strings>) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: &str = kwargs.must_get("key")?;
            let lang = match kwargs.get::<&str>("lang")? {
                Some(lang) => lang.to_string(),
                None => current_lang(state).unwrap_or_default(),
            };
            strings.get(&lang, key).ok_or_else(|| {
                tera::Error::message(format!(
                    "no interface string `{key}` in `i18n/{lang}.ftl` or `i18n/en.ftl`"
                ))
            })
        },
    );
    tera
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

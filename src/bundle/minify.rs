//! The CSS minifier, shared by the build script (the widget's stylesheet, compiled into
//! the WebAssembly) and `helpmark loader` (the loader's icon styles).

/// Our stylesheet without comments and indentation: lines are joined directly after
/// `{`, `}`, `;` and `,`, and with one space otherwise, so no selector or value changes.
///
/// # Examples
///
/// ```
/// let css = "/* note */\n.a,\n.b .c {\n  color: red;\n  font: 1px\n    serif;\n}\n";
/// assert_eq!(helpmark::bundle::minify_css(css), ".a,.b .c {color: red;font: 1px serif;}");
/// ```
pub fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    without_comments.push_str(rest);
    let mut out = String::with_capacity(without_comments.len());
    for line in without_comments
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

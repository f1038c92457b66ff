//! The CSS minifier, shared by the build script (the widget's stylesheet, compiled into
//! the WebAssembly) and `helpmark bundle` (the loader's icon styles).

/// Our stylesheet without comments and indentation: lines are joined directly after
/// `{`, `}`, `;` and `,`, and with one space otherwise, so no selector or value changes.
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
    tighten(&out)
}

/// Removes the spaces that [`minify_css`] keeps but CSS does not need: after `{`, `}`, `;`,
/// `:` and `,`, before `{`, `}` and `;`, and the `;` before a `}` (never inside quotes; a
/// space before `:` stays, as it separates a descendant selector like `.a :focus`).
fn tighten(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut quote: Option<char> = None;
    for c in css.chars() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => {
                quote = Some(c);
                out.push(c);
            }
            ' ' if out.ends_with(['{', '}', ';', ':', ',']) => {}
            '{' | '}' | ';' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn comments_and_indentation_go_and_no_selector_or_value_changes() {
        let css = "/* note */\n.a,\n.b .c {\n  color: red;\n  font: 1px\n    serif;\n}\n";
        assert_eq!(minify_css(css), ".a,.b .c{color:red;font:1px serif}");
        let css = ".a :focus, .b { content: \"a: b\" ; margin: 0 calc(1px + 2px) }";
        assert_eq!(
            minify_css(css),
            ".a :focus,.b{content:\"a: b\";margin:0 calc(1px + 2px)}"
        );
    }
}

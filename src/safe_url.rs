//! Which URLs from content may reach the page: one pure check shared by the compiler
//! (`helpmark index`, through [`crate::content::classify_href`]) and the widget's
//! renderer, which applies it again to every compiled topic it reads, whatever the file
//! says (a file served by a CDN can be replaced or written by another tool).
//!
//! Allowed: `http:`, `https:` and `mailto:` URLs, protocol-relative `//host` URLs (read
//! as `https:`), relative paths and in-page anchors. Anything else (`javascript:`,
//! `data:`, `vbscript:`, `file:`, `blob:`, any other scheme) is refused, however it is
//! written: in any case, after leading or trailing spaces and control characters, with
//! tabs or newlines inside the scheme (browsers drop them), or hidden behind HTML
//! character references or percent-encoding that a later decoder could undo.

/// What a URL that passed [`check_url`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SafeUrl {
    /// An `http:`, `https:` or `mailto:` URL (protocol-relative URLs become `https:`),
    /// cleaned of invisible characters.
    Absolute(String),
    /// `#anchor`: the anchor without its `#`.
    Anchor(String),
    /// A relative path (`other-topic.md#x`, `media/image.png`), cleaned.
    Relative(String),
}

/// Longest URL accepted (bytes): a link target is never a document.
pub const MAX_URL_BYTES: usize = 2048;

/// The schemes a link may have.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Checks a URL from content; `None` when it must not reach the page (then its text is
/// shown as text).
///
/// # Examples
///
/// ```
/// use helpmark::safe_url::{check_url, SafeUrl};
///
/// assert_eq!(check_url("https://example.com/a"), Some(SafeUrl::Absolute("https://example.com/a".into())));
/// assert_eq!(check_url("#top"), Some(SafeUrl::Anchor("top".into())));
/// assert_eq!(check_url("other.md"), Some(SafeUrl::Relative("other.md".into())));
/// assert_eq!(check_url(" JaVa\tScRiPt:alert(1)"), None);
/// assert_eq!(check_url("&#106;avascript:alert(1)"), None);
/// assert_eq!(check_url("%6Aavascript:alert(1)"), None);
/// ```
pub fn check_url(url: &str) -> Option<SafeUrl> {
    if url.len() > MAX_URL_BYTES {
        return None;
    }
    let url = clean(url);
    if url.is_empty() || has_forbidden_scheme(&url) {
        return None;
    }
    // What a browser, an HTML parser or a URL decoder could turn it into must pass too.
    let decoded = decode_references(&url);
    if decoded != url && has_forbidden_scheme(&clean(&decoded)) {
        return None;
    }
    if let Some(anchor) = url.strip_prefix('#') {
        return Some(SafeUrl::Anchor(anchor.to_string()));
    }
    if let Some(rest) = url.strip_prefix("//") {
        return Some(SafeUrl::Absolute(format!("https://{rest}")));
    }
    if scheme(&url).is_some() {
        return Some(SafeUrl::Absolute(url));
    }
    Some(SafeUrl::Relative(url))
}

/// Whether `url` passes [`check_url`] as an absolute `http:`, `https:` or `mailto:` URL.
pub fn is_safe_absolute(url: &str) -> bool {
    matches!(check_url(url), Some(SafeUrl::Absolute(_)))
}

/// A topic slug as the widget fetches it (`<slug>.index.json`): lower-case ASCII letters,
/// digits, `-` and `_`, at most 128 bytes, not starting with `-` or `_`.
///
/// # Examples
///
/// ```
/// use helpmark::safe_url::is_topic_slug;
/// assert!(is_topic_slug("update-customer-account-info"));
/// assert!(!is_topic_slug("javascript:alert(1)"));
/// assert!(!is_topic_slug("../secret"));
/// ```
pub fn is_topic_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 128
        && slug.as_bytes()[0].is_ascii_alphanumeric()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A content path as the topic index names it (`de-DE/topic.md`): relative, `/`
/// separated, no `.` or `..` segment, no scheme, no `//`, no `\`, no query or fragment,
/// letters, digits, `-`, `_` and `.` only, at most 512 bytes.
///
/// # Examples
///
/// ```
/// use helpmark::safe_url::is_content_path;
/// assert!(is_content_path("de-DE/update-customer-account-info.md"));
/// assert!(!is_content_path("https://evil.example/x.md"));
/// assert!(!is_content_path("../../x.md"));
/// assert!(!is_content_path("/etc/x.md"));
/// ```
pub fn is_content_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 512
        && path.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

/// The URL as a browser reads it: without leading and trailing spaces and C0 controls,
/// without tabs and newlines anywhere, and (stricter than browsers) without any other
/// control or invisible formatting character.
fn clean(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ' || is_invisible(c))
        .chars()
        .filter(|&c| !c.is_control() && !is_invisible(c))
        .collect()
}

/// Zero-width and bidirectional formatting characters, the byte order mark, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The scheme of a URL, lower-cased: the text before the first `:` when no `/`, `?` or
/// `#` comes before it.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let path_start = url.find(['/', '?', '#', '\\']).unwrap_or(url.len());
    (colon < path_start).then(|| url[..colon].to_ascii_lowercase())
}

/// Whether the URL has a scheme outside the allowlist. A `:` anywhere before the path
/// counts, so `java script:`, `%6Aavascript:` and `&#x3a;`-style schemes are refused too.
fn has_forbidden_scheme(url: &str) -> bool {
    scheme(url).is_some_and(|s| !ALLOWED_SCHEMES.contains(&s.as_str()))
}

/// Decodes percent-escapes and HTML character references (`&#106;`, `&#x6A;`, `&colon;`
/// and the named references of URL punctuation), repeatedly (at most 4 rounds, so
/// `%2526` and `&amp;#106;` are seen through), for the check only.
fn decode_references(url: &str) -> String {
    let mut text = url.to_string();
    for _ in 0..4 {
        let next = decode_entities(&decode_percent(&text));
        if next == text {
            break;
        }
        text = next;
    }
    text
}

fn decode_percent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn decode_entities(text: &str) -> String {
    const NAMED: [(&str, char); 9] = [
        ("colon", ':'),
        ("sol", '/'),
        ("num", '#'),
        ("quest", '?'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("amp", '&'),
        ("percnt", '%'),
        ("period", '.'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        // `&#digits`, `&#xhex` or `&name`, the `;` optional (as browsers read many).
        let (decoded, used) = if let Some(num) = after.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(digits.len());
            let value = if len == 0 || len > 8 {
                None
            } else if hex {
                u32::from_str_radix(&digits[..len], 16).ok()
            } else {
                digits[..len].parse().ok()
            };
            let used = 1 + usize::from(hex) + len;
            (value.and_then(char::from_u32), used)
        } else {
            NAMED
                .iter()
                .find(|(name, _)| {
                    after
                        .get(..name.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(name))
                })
                .map_or((None, 0), |(name, c)| (Some(*c), name.len()))
        };
        match decoded {
            Some(c) => {
                out.push(c);
                let tail = &after[used..];
                rest = tail.strip_prefix(';').unwrap_or(tail);
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hostile URL, in every form the issue listed: none may pass.
    #[test]
    fn hostile_urls_are_refused() {
        let schemes = [
            "javascript",
            "data",
            "vbscript",
            "file",
            "blob",
            "ftp",
            "about",
            "chrome",
            "jar",
            "ms-settings",
            "x-unknown",
        ];
        let mut table: Vec<String> = Vec::new();
        for scheme in schemes {
            let upper = scheme.to_ascii_uppercase();
            let mixed: String = scheme
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            for s in [scheme.to_string(), upper, mixed] {
                table.push(format!("{s}:alert(1)"));
                table.push(format!(" {s}:alert(1)"));
                table.push(format!("\u{0}{s}:alert(1)"));
                table.push(format!("\u{1f}\u{7f}{s}:x"));
                table.push(format!("\n\t\r{s}:x"));
                table.push(format!("\u{a0}{s}:x"));
                table.push(format!("\u{feff}{s}:x"));
                table.push(format!("\u{200b}{s}:x"));
                table.push(format!("{s} :x"));
                table.push(format!("{s}\u{0}:x"));
                table.push(format!("{s}:text/html,<script>alert(1)</script>"));
                table.push(format!("{s}://host/x"));
            }
            let (head, tail) = scheme.split_at(2);
            table.push(format!("{head}\t{tail}:x"));
            table.push(format!("{head}\n{tail}:x"));
            table.push(format!("{head}\r\n{tail}:x"));
            table.push(format!("{head}\u{200d}{tail}:x"));
            table.push(format!("{head}\u{202e}{tail}:x"));
            // Character references and percent-encoding of the first letter, the colon,
            // or both, in every notation.
            let first = scheme.as_bytes()[0];
            let rest = &scheme[1..];
            for letter in [
                format!("&#{first};"),
                format!("&#{first}"),
                format!("&#x{first:x};"),
                format!("&#X{first:X};"),
                format!("&#000{first};"),
                format!("%{first:02x}"),
                format!("%{first:02X}"),
                format!("%25{first:02x}"),
                format!("&amp;#{first};"),
            ] {
                table.push(format!("{letter}{rest}:alert(1)"));
            }
            for colon in [
                "&#58;", "&#x3a;", "&#X3A;", "&colon;", "&COLON;", "%3a", "%3A", "%253A",
            ] {
                table.push(format!("{scheme}{colon}alert(1)"));
            }
        }
        table.extend(
            [
                "javascript:alert(document.domain)//https://example.com",
                "jav&#x09;ascript:alert(1)",
                "jav&#x0A;ascript:alert(1)",
                "jav&tab;ascript:alert(1)",
                "java%09script:alert(1)",
                "java%0ascript:alert(1)",
                "data:image/svg+xml;base64,PHN2Zz4=",
                "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
                "FILE://C:/Windows/win.ini",
                "blob:https://example.com/uuid",
                "javascript:",
                ":",
                "",
                "   ",
                "\u{0}",
            ]
            .map(String::from),
        );
        table.push(format!("https://example.com/{}", "a".repeat(MAX_URL_BYTES)));
        let passed: Vec<&String> = table.iter().filter(|u| check_url(u).is_some()).collect();
        assert!(passed.is_empty(), "passed the check: {passed:?}");
        assert!(table.len() > 400, "{}", table.len());
    }

    #[test]
    fn safe_urls_pass_cleaned() {
        let absolute = |u: &str| Some(SafeUrl::Absolute(u.to_string()));
        let relative = |u: &str| Some(SafeUrl::Relative(u.to_string()));
        let cases = [
            (
                "https://example.com/a?b=c#d",
                absolute("https://example.com/a?b=c#d"),
            ),
            ("HTTPS://EXAMPLE.COM", absolute("HTTPS://EXAMPLE.COM")),
            ("http://x.test/a%20b", absolute("http://x.test/a%20b")),
            (" https://x.test \n", absolute("https://x.test")),
            ("ht\ttps://x.test", absolute("https://x.test")),
            ("mailto:a@b.c", absolute("mailto:a@b.c")),
            ("//cdn.example/x", absolute("https://cdn.example/x")),
            (
                "#update-details",
                Some(SafeUrl::Anchor("update-details".into())),
            ),
            ("other-topic.md#top", relative("other-topic.md#top")),
            ("media/a b.png", relative("media/a b.png")),
            ("../x/y.md", relative("../x/y.md")),
            ("/docs/x?y=z:w", relative("/docs/x?y=z:w")),
            ("a%20b.md", relative("a%20b.md")),
            (
                "https://x.test/?q=javascript:alert(1)",
                absolute("https://x.test/?q=javascript:alert(1)"),
            ),
            (
                "https://x.test/?q=&#58;&amp;",
                absolute("https://x.test/?q=&#58;&amp;"),
            ),
        ];
        for (url, expected) in cases {
            assert_eq!(check_url(url), expected, "{url:?}");
        }
    }

    #[test]
    fn topic_slugs_and_content_paths() {
        for good in ["a", "update-customer-account-info", "x_1"] {
            assert!(is_topic_slug(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "A",
            "a.b",
            "a/b",
            "javascript:x",
            "a b",
            "a".repeat(129).as_str(),
        ] {
            assert!(!is_topic_slug(bad), "{bad}");
        }
        for good in ["de-DE/a.md", "a.md", "zh-Hans/x_y.md"] {
            assert!(is_content_path(good), "{good}");
        }
        for bad in [
            "",
            "/a.md",
            "a//b.md",
            "./a.md",
            "../a.md",
            "a/../b.md",
            "https://x/a.md",
            "a\\b.md",
            "a.md?x",
            "a.md#x",
            "//x/a.md",
            "data:x",
        ] {
            assert!(!is_content_path(bad), "{bad}");
        }
    }
}

//! Compiles the widget's stylesheet into the widget: `assets/helpmark.css`, minified, becomes
//! `$OUT_DIR/helpmark.min.css`, which `dom` includes and applies to the shadow root as a
//! constructable stylesheet (no separate request, and nothing for a host's style-src to
//! refuse: see the README's "Security policies").

#[allow(dead_code)]
#[path = "src/bundle/minify.rs"]
mod minify;

fn main() {
    println!("cargo:rerun-if-changed=assets/helpmark.css");
    println!("cargo:rerun-if-changed=src/bundle/minify.rs");
    let css = std::fs::read_to_string("assets/helpmark.css").expect("assets/helpmark.css");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("helpmark.min.css"), minify::minify_css(&css))
        .expect("write helpmark.min.css");
}

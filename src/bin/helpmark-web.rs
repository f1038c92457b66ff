//! The widget's WebAssembly entry point (built by Trunk).

fn main() {
    helpmark::embed::start();
}

//! Short names for wasm-bindgen's imports and exports (release builds, issue #11).
//!
//! wasm-bindgen names each function the WebAssembly imports from its glue after the Rust
//! item and a hash (`__wbg_remove_8228e91d7ddbc755`), and each closure shim after its full
//! Rust type (~200 characters). Each name is written twice, in the WebAssembly's import or
//! export section and in the glue, and the hashes do not compress: ~8,300 characters,
//! ~7,500 bytes gzip of a first open. [`shorten_names`] renames them, in both files at once,
//! to names of one to three letters, and the module the imports come from
//! (`./helpmark-web_bg.js`, written in every import) to `w`. Nothing else changes: the glue
//! passes the same functions under the new names, and what the page sees (the glue's own
//! exports `mount`, `Helpmark`, the default `init`) keeps its name.

use std::collections::HashMap;

/// The names this renames: wasm-bindgen's own (its intrinsics, its table of JavaScript
/// values, the imports it generates and the shims of closures and exported types). The
/// widget's exports (`mount`, `helpmark_destroy`, ...), `memory` and the names the glue
/// never uses keep theirs.
fn renamed(name: &str) -> bool {
    ["__wbg_", "__wbindgen_", "__externref_", "wasm_bindgen_"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// The `n`th short name: a letter, then letters and digits (`a` … `Z`, `aa` …).
fn short_name(mut n: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const NEXT: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut name = String::new();
    name.push(char::from(FIRST[n % FIRST.len()]));
    n /= FIRST.len();
    while n > 0 {
        n -= 1;
        name.push(char::from(NEXT[n % NEXT.len()]));
        n /= NEXT.len();
    }
    name
}

/// `wasm` and its `glue` with wasm-bindgen's import and export names (see [`renamed`])
/// shortened in both; an error (and nothing renamed) when the module cannot be read, a name
/// the WebAssembly imports does not occur in the glue, or a new name is already taken.
pub fn shorten_names(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.len() < 8 || wasm[..4] != *b"\0asm" {
        return Err("not a WebAssembly module".into());
    }
    let mut names = Renamer::default();
    let mut out = wasm[..8].to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let section = at;
        let id = wasm[at];
        let mut reader = Reader {
            bytes: wasm,
            at: at + 1,
        };
        let size = reader.leb()? as usize;
        let start = reader.at;
        let end = start
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .ok_or("a section runs past the end of the module")?;
        at = end;
        let body = match id {
            2 => rename_imports(&wasm[start..end], &mut |module, field| {
                (names.module(module), names.rename(field, Some(glue)))
            })?,
            7 => rename_exports(&wasm[start..end], &mut |n| names.rename(n, None))?,
            _ => {
                out.extend_from_slice(&wasm[section..end]);
                continue;
            }
        };
        out.push(id);
        push_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    if let Some(missing) = names.missing {
        return Err(format!(
            "the module imports {missing}, which the glue does not name"
        ));
    }
    if names.kept_modules.iter().any(|m| m == GLUE_MODULE) {
        return Err(format!("{GLUE_MODULE} is already an import module's name"));
    }
    if let Some(taken) = names
        .kept
        .iter()
        .find(|k| names.new.values().any(|v| v == *k))
    {
        return Err(format!(
            "the short name {taken} is already an import or export"
        ));
    }
    let mut glue = rename_identifiers(glue, &names.new);
    if let Some(module) = &names.glue_module {
        let quoted = [format!("\"{module}\""), format!("'{module}'")];
        if !quoted.iter().any(|q| glue.contains(q.as_str())) {
            return Err(format!("the glue does not name the module {module}"));
        }
        for q in quoted {
            glue = glue.replace(&q, &format!("\"{GLUE_MODULE}\""));
        }
    }
    if let Some(old) = names.new.keys().find(|old| glue.contains(old.as_str())) {
        return Err(format!("{old} is left in the glue"));
    }
    Ok((out, glue))
}

/// The names given so far.
#[derive(Default)]
struct Renamer {
    /// Old name to new.
    new: HashMap<String, String>,
    /// The import and export names that keep their name.
    kept: Vec<String>,
    /// An import that [`renamed`] selects but the glue does not name.
    missing: Option<String>,
    /// The number of short names taken or skipped.
    next: usize,
    /// The module name of the glue's imports (`./helpmark-web_bg.js`), once seen.
    glue_module: Option<String>,
    /// The import modules that keep their name.
    kept_modules: Vec<String>,
}

/// The module name the glue's imports get.
const GLUE_MODULE: &str = "w";

impl Renamer {
    /// The new module name of an import from `module`: [`GLUE_MODULE`] for the glue's
    /// (`./<name>_bg.js`, written in each of the glue's imports), the same name for any other.
    fn module(&mut self, module: &str) -> String {
        if module.starts_with("./") && module.ends_with("_bg.js") {
            let glue = self.glue_module.get_or_insert_with(|| module.to_string());
            if glue == module {
                return GLUE_MODULE.to_string();
            }
        }
        self.kept_modules.push(module.to_string());
        module.to_string()
    }

    /// The new name of `old` (the same for the same name). `glue`, for an import: the glue
    /// must name it. No new name is a JavaScript keyword (`do`, `if`, `in`): the glue uses
    /// them only as property names, where keywords are allowed, but no reader should wonder.
    fn rename(&mut self, old: &str, glue: Option<&str>) -> String {
        if !renamed(old) {
            self.kept.push(old.to_string());
            return old.to_string();
        }
        if glue.is_some_and(|glue| !glue.contains(old)) && self.missing.is_none() {
            self.missing = Some(old.to_string());
        }
        if let Some(new) = self.new.get(old) {
            return new.clone();
        }
        let mut new = short_name(self.next);
        self.next += 1;
        while matches!(new.as_str(), "do" | "if" | "in") {
            new = short_name(self.next);
            self.next += 1;
        }
        self.new.insert(old.to_string(), new.clone());
        new
    }
}

/// The glue with every identifier (a run of `[A-Za-z0-9_$]`) that `names` maps replaced.
fn rename_identifiers(glue: &str, names: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(glue.len());
    let mut word = String::new();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    for c in glue.chars().map(Some).chain([None]) {
        if let Some(c) = c.filter(|&c| is_word(c)) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push_str(names.get(&word).unwrap_or(&word));
            word.clear();
        }
        out.extend(c);
    }
    out
}

/// The import section `body` with its module and field names passed through `rename`.
fn rename_imports(
    body: &[u8],
    rename: &mut dyn FnMut(&str, &str) -> (String, String),
) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut out = Vec::with_capacity(body.len());
    push_leb(&mut out, count);
    for _ in 0..count {
        let module = reader.name()?;
        let field = reader.name()?;
        let desc = reader.at;
        match reader.byte()? {
            0 => {
                reader.leb()?;
            }
            1 => {
                reader.value_type()?;
                reader.limits()?;
            }
            2 => reader.limits()?,
            3 => {
                reader.value_type()?;
                reader.byte()?;
            }
            4 => {
                reader.byte()?;
                reader.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
        let (module, field) = rename(module, field);
        push_name(&mut out, &module);
        push_name(&mut out, &field);
        out.extend_from_slice(&body[desc..reader.at]);
    }
    reader.done()?;
    Ok(out)
}

/// The export section `body` with its names passed through `rename`.
fn rename_exports(body: &[u8], rename: &mut dyn FnMut(&str) -> String) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut out = Vec::with_capacity(body.len());
    push_leb(&mut out, count);
    for _ in 0..count {
        let name = reader.name()?;
        let desc = reader.at;
        reader.byte()?;
        reader.leb()?;
        push_name(&mut out, &rename(name));
        out.extend_from_slice(&body[desc..reader.at]);
    }
    reader.done()?;
    Ok(out)
}

/// Reads a module's bytes from `at`.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or("the module ends inside an entry")?;
        self.at += 1;
        Ok(b)
    }

    /// An unsigned (or, for heap types, signed: only its length matters here) LEB128.
    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(value);
            }
        }
        Err("a number longer than 64 bits".into())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = self.leb()? as usize;
        let bytes = self
            .bytes
            .get(self.at..self.at.saturating_add(len))
            .ok_or("a name runs past its section")?;
        self.at += len;
        std::str::from_utf8(bytes).map_err(|_| "a name that is not UTF-8".to_string())
    }

    /// A value or reference type: one byte, or `ref`/`ref null` and a heap type.
    fn value_type(&mut self) -> Result<(), String> {
        if matches!(self.byte()?, 0x63 | 0x64) {
            self.leb()?;
        }
        Ok(())
    }

    /// Table or memory limits: flags, minimum and (flag bit 0) maximum.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }

    fn done(&self) -> Result<(), String> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err("a section has bytes after its last entry".into())
        }
    }
}

fn push_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(out: &mut Vec<u8>, id: u8, body: &[u8]) {
        out.push(id);
        push_leb(out, body.len() as u64);
        out.extend_from_slice(body);
    }

    /// A module importing the functions `imports` (module, field) and a memory (`env`,
    /// `memory`, with a maximum), exporting one function under each of `exports`; its type
    /// section's size is written in five bytes, as LLVM pads it.
    fn module(imports: &[(&str, &str)], exports: &[&str]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.extend_from_slice(&[1, 0x84, 0x80, 0x80, 0x80, 0, 1, 0x60, 0, 0]);
        let mut body = Vec::new();
        push_leb(&mut body, imports.len() as u64 + 1);
        for (module, field) in imports {
            push_name(&mut body, module);
            push_name(&mut body, field);
            body.extend_from_slice(&[0, 0]);
        }
        push_name(&mut body, "env");
        push_name(&mut body, "memory");
        body.extend_from_slice(&[2, 1, 17, 0x80, 0x02]);
        section(&mut out, 2, &body);
        section(&mut out, 3, &[1, 0]);
        let mut body = Vec::new();
        push_leb(&mut body, exports.len() as u64);
        for name in exports {
            push_name(&mut body, name);
            body.extend_from_slice(&[0, imports.len() as u8]);
        }
        section(&mut out, 7, &body);
        section(&mut out, 10, &[1, 2, 0, 0x0b]);
        out
    }

    #[test]
    fn wasm_bindgens_names_shorten_in_both_files_and_the_rest_stays() {
        let wasm = module(
            &[
                ("./helpmark-web_bg.js", "__wbg_remove_8228e91d7ddbc755"),
                ("./helpmark-web_bg.js", "__wbindgen_cast_0000000000000001"),
            ],
            &[
                "mount",
                "__wbindgen_malloc",
                "wasm_bindgen_x___closure__invoke",
                "__externref_table_alloc",
            ],
        );
        let glue = "const i={__wbg_remove_8228e91d7ddbc755:e=>e.remove(),\
            __wbindgen_cast_0000000000000001:e=>e};\
            function mount(){return w.mount(w.__wbindgen_malloc(1),w.wasm_bindgen_x___closure__invoke,w.__externref_table_alloc)}\
            x.__wbg_ptr=0;return{__proto__:null,\"./helpmark-web_bg.js\":i}";
        let (new_wasm, new_glue) = shorten_names(&wasm, glue).unwrap();
        assert_eq!(
            new_wasm,
            module(&[("w", "a"), ("w", "b")], &["mount", "c", "d", "e"])
        );
        assert_eq!(
            new_glue,
            "const i={a:e=>e.remove(),b:e=>e};function mount(){return w.mount(w.c(1),w.d,w.e)}\
             x.__wbg_ptr=0;return{__proto__:null,\"w\":i}"
        );
    }

    #[test]
    fn a_module_the_glue_does_not_match_or_that_cannot_be_read_is_an_error() {
        let wasm = module(
            &[("./helpmark-web_bg.js", "__wbg_remove_8228e91d7ddbc755")],
            &[],
        );
        let err = shorten_names(&wasm, "const i={__wbg_other_1:e=>e}").unwrap_err();
        assert!(err.contains("__wbg_remove_8228e91d7ddbc755"), "{err}");
        assert!(shorten_names(b"not wasm", "").is_err());
        let cut = &wasm[..wasm.len() - 3];
        assert!(shorten_names(cut, "__wbg_remove_8228e91d7ddbc755").is_err());
    }

    #[test]
    fn short_names_are_distinct_identifiers_and_skip_keywords() {
        let mut names = Renamer::default();
        let all: Vec<String> = (0..3000)
            .map(|i| names.rename(&format!("__wbg_f_{i}"), None))
            .collect();
        let distinct: std::collections::HashSet<&String> = all.iter().collect();
        assert_eq!(distinct.len(), all.len());
        assert!(all
            .iter()
            .all(|n| n.chars().next().unwrap().is_ascii_alphabetic()
                && n.chars().all(|c| c.is_ascii_alphanumeric())));
        assert!(!all.iter().any(|n| ["do", "if", "in"].contains(&n.as_str())));
        assert_eq!(
            (all[0].as_str(), all[51].as_str(), all[52].as_str()),
            ("a", "Z", "aa")
        );
    }
}

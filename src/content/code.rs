//! The diagnostic codes: one enum, each variant with its stable kebab-case name (the name
//! `helpmark lint` prints and its JSON carries; tools and writers rely on it, so a name
//! never changes).

use std::fmt;

macro_rules! codes {
    ($($variant:ident = $name:literal,)*) => {
        /// What a [`Diagnostic`](super::Diagnostic) reports: a repair made, damage left, or a
        /// limit or rule of the format broken. Ordered, displayed and serialized by its name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Code {
            /// Every code.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable name (`repair-glued-bold`, ...).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The code of a name, if there is one.
            pub fn parse(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str() == name)
            }
        }
    };
}

codes! {
    AnchorLabelMissing = "anchor-label-missing",
    ArticleTooLarge = "article-too-large",
    BoldNotAnchor = "bold-not-anchor",
    BreadcrumbUnrepaired = "breadcrumb-unrepaired",
    BrokenAnchorLink = "broken-anchor-link",
    BrokenTopicLink = "broken-topic-link",
    EnglishSourceDisagrees = "english-source-disagrees",
    FrontMatterLocaleMissing = "front-matter-locale-missing",
    LineTooLong = "line-too-long",
    LocaleFolderMismatch = "locale-folder-mismatch",
    NestedTooDeeply = "nested-too-deeply",
    NotATopic = "not-a-topic",
    ParityAnchors = "parity-anchors",
    ParityImages = "parity-images",
    ParityLinks = "parity-links",
    ParitySteps = "parity-steps",
    ParityUnknownKey = "parity-unknown-key",
    PrivateUseCharacters = "private-use-characters",
    RawHtmlDropped = "raw-html-dropped",
    RepairBidiControls = "repair-bidi-controls",
    RepairBoldSplitByParenthesis = "repair-bold-split-by-parenthesis",
    RepairBracketLabels = "repair-bracket-labels",
    RepairBrokenReferenceLink = "repair-broken-reference-link",
    RepairEmptyBold = "repair-empty-bold",
    RepairEmptyBoldQuotedLabel = "repair-empty-bold-quoted-label",
    RepairEscapedBold = "repair-escaped-bold",
    RepairEscapedSpanMarkup = "repair-escaped-span-markup",
    RepairGluedBold = "repair-glued-bold",
    RepairGluedLink = "repair-glued-link",
    RepairHalfEscapedBold = "repair-half-escaped-bold",
    RepairHtmlList = "repair-html-list",
    RepairImageInSegment = "repair-image-in-segment",
    RepairInterruptedList = "repair-interrupted-list",
    RepairPunctuationInBold = "repair-punctuation-in-bold",
    RepairPunctuationInLink = "repair-punctuation-in-link",
    RepairReferenceLinkBracket = "repair-reference-link-bracket",
    RepairRtlBreadcrumb = "repair-rtl-breadcrumb",
    RepairSpaceBeforePunctuation = "repair-space-before-punctuation",
    RepairStrayMarkers = "repair-stray-markers",
    SegmentIdMismatch = "segment-id-mismatch",
    SegmentMissingEnglish = "segment-missing-english",
    SegmentMissingTranslation = "segment-missing-translation",
    SpanUnreadable = "span-unreadable",
    TooLargeForWidget = "too-large-for-widget",
    TooManySegments = "too-many-segments",
    TranslationStale = "translation-stale",
    TranslationUnstamped = "translation-unstamped",
    TruncatedInWidget = "truncated-in-widget",
    UnbalancedMarkers = "unbalanced-markers",
    UnbrokenRun = "unbroken-run",
    UnresolvedInclude = "unresolved-include",
    UnsupportedBlock = "unsupported-block",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// By name, so that sorted diagnostics (and `helpmark lint`'s output) keep the order of
/// their names.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_kebab_case_unique_and_reads_back() {
        let mut names = std::collections::BTreeSet::new();
        for &code in Code::ALL {
            let name = code.as_str();
            assert!(
                name.split('-')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())),
                "{name}"
            );
            assert!(names.insert(name), "{name} twice");
            assert_eq!(Code::parse(name), Some(code));
            assert_eq!(code.to_string(), name);
        }
        assert_eq!(Code::parse("no-such-code"), None);
    }

    #[test]
    fn codes_sort_by_name_and_serialize_as_it() {
        assert!(Code::BoldNotAnchor < Code::RepairGluedBold);
        assert!(Code::RepairEmptyBold < Code::RepairEmptyBoldQuotedLabel);
        assert_eq!(
            serde_json::to_string(&Code::RepairGluedBold).unwrap(),
            "\"repair-glued-bold\""
        );
        assert!(Code::LineTooLong == "line-too-long");
    }
}

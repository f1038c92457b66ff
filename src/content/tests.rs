//! Whole-article tests of [`parse_topic`] on the seed articles.

use super::*;

const SEEDS: [&str; 5] = ["de-DE", "es-ES", "ru-RU", "sv-SE", "zh-CN"];

fn seed(locale: &str) -> Topic {
    let path = format!(
        "{}/assets/help/{locale}/update-customer-account-info.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_topic(&source).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn seed_steps_read_as_a_reader_should_see_them() {
    let expected: [(&str, [&str; 3]); 5] = [
        ("de-DE", [
            "Wählen Sie im Partner Center -Menü die Option Kunden aus. Wählen Sie einen Kunden aus der Liste aus.",
            "Wählen Sie im Kundenmenü Konto und dann Aktualisieren aus.",
            "Nachdem Sie die Änderungen vorgenommen haben, wählen Sie Absenden aus.",
        ]),
        ("es-ES", [
            "En el menú del centro de Partners, seleccione clientes. A continuación, elige el cliente de la lista.",
            "En el menú del cliente, seleccione cuenta y, a continuación, actualice.",
            "Una vez realizados los cambios, seleccione Enviar.",
        ]),
        ("ru-RU", [
            "В меню Центр партнеров выберите Customers (клиенты). Затем выберите клиента из списка.",
            "В меню клиента выберите Учетная запись, а затем Обновить.",
            "После внесения изменений нажмите кнопку Отправить.",
        ]),
        ("sv-SE", [
            "I menyn i Partnercenter väljer du Kunder. Välj sedan en kund i listan.",
            "På kundmenyn väljer du Konto och sedan Uppdatera.",
            "När du har gjort dina ändringar väljer du Skicka.",
        ]),
        ("zh-CN", [
            "从 \"合作伙伴中心\" 菜单中，选择 \"客户\"。 然后在列表中选择客户",
            "在客户菜单中，依次选择帐户、更新。",
            "完成更改后，选择“提交”。",
        ]),
    ];
    for (locale, steps) in expected {
        let topic = seed(locale);
        assert_eq!(topic.steps.len(), 3, "{locale}");
        for (i, text) in steps.iter().enumerate() {
            assert_eq!(
                topic.step_text(i, View::Localized),
                *text,
                "{locale} step {}",
                i + 1
            );
        }
    }
}

#[test]
fn seed_english_view_is_the_english_article() {
    let topic = seed("sv-SE");
    assert_eq!(
        topic.title(View::English),
        "Update customer account info, company details, and customer billing information in Partner Center"
    );
    assert_eq!(
        topic.step_text(0, View::English),
        "From the Partner Center menu, select Customers. Then choose a customer from the list."
    );
    assert_eq!(
        topic.step_text(2, View::English),
        "After you've made your changes, select Submit."
    );
}

#[test]
fn seed_anchor_keys_are_the_english_bold_terms() {
    for locale in SEEDS {
        let topic = seed(locale);
        let keys: Vec<Vec<&str>> = topic
            .steps
            .iter()
            .map(|s| s.anchors.iter().map(|a| a.key.as_str()).collect())
            .collect();
        assert_eq!(
            keys,
            [
                vec!["partner-center", "customers"],
                vec!["account", "update"],
                vec!["submit"]
            ],
            "{locale}"
        );
    }
}

#[test]
fn seed_localized_labels_are_aligned_where_the_bold_survived() {
    let label = |locale: &str, step: usize, anchor: usize| {
        seed(locale).steps[step].anchors[anchor].localized.clone()
    };
    assert_eq!(label("de-DE", 0, 1).as_deref(), Some("Kunden"));
    assert_eq!(label("ru-RU", 0, 1).as_deref(), Some("Customers (клиенты)"));
    assert_eq!(label("sv-SE", 0, 1).as_deref(), Some("Kunder"));
    assert_eq!(label("es-ES", 2, 0).as_deref(), Some("Enviar"));
    assert_eq!(label("zh-CN", 1, 0).as_deref(), Some("帐户"));
    // zh-CN step 3 emptied its bold after a quoted label (`“提交”\*\*\*\*`): the quoted
    // words are the label, and the writer is told of the repair.
    assert_eq!(label("zh-CN", 2, 0).as_deref(), Some("提交"));
    let zh = seed("zh-CN");
    assert!(zh
        .diagnostics
        .iter()
        .any(|d| d.code == "repair-empty-bold-quoted-label" && d.line == 33));
    assert!(!zh
        .diagnostics
        .iter()
        .any(|d| d.code == "anchor-label-missing" && d.message.contains("step 3")));
}

#[test]
fn seed_titles_and_leads() {
    let de = seed("de-DE");
    assert_eq!(
        de.title(View::Localized),
        "Aktualisieren der Kundenkontoinformationen"
    );
    assert_eq!(
        de.blocks_text(de.lead(), View::Localized),
        "Zielgruppe Partner Center Partner Center für Microsoft Cloud for US Government \
         Sie können die Abrechnungsinformationen eines Kunden und weitere Unternehmensdetails in Partner Center aktualisieren. \
         Sie können Ihrem Kunden auch die Berechtigung zum erwerben ihrer eigenen Produkte oder Dienste erteilen bzw. Entfernen."
    );
    let heading = de.procedure_heading().unwrap();
    assert_eq!(
        de.blocks_text(std::slice::from_ref(heading), View::Localized),
        "Aktualisieren von Kundendetails"
    );
}

#[test]
fn repairs_are_reported_with_their_position() {
    let de = seed("de-DE");
    let glued = de
        .diagnostics
        .iter()
        .find(|d| d.code == "repair-glued-bold")
        .unwrap();
    assert_eq!((glued.line, glued.column), (31, 5));
    assert!(de
        .diagnostics
        .iter()
        .any(|d| d.code == "repair-broken-reference-link"));
}

#[test]
fn text_outside_front_matter_without_spans_is_its_own_english() {
    let topic = parse_topic("---\ntitle: Plain\n---\n# Plain\n\n1. Click **Save**.\n").unwrap();
    assert_eq!(topic.title(View::Localized), "Plain");
    assert_eq!(topic.step_text(0, View::English), "Click Save.");
    assert_eq!(topic.steps[0].anchors[0].localized.as_deref(), Some("Save"));
}

#[test]
fn binary_input_is_not_a_topic() {
    let err = parse_topic("---\ntitle: x\n---\n\0").unwrap_err();
    assert_eq!(err.kind, TopicErrorKind::Binary);
    assert_eq!((err.line, err.column), (4, 1));
}

#[test]
fn hebrew_text_carries_no_unbalanced_direction_controls() {
    let path = format!(
        "{}/tests/fixtures/corpus/he-IL/project-settings.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let topic = parse_topic(&std::fs::read_to_string(path).unwrap()).unwrap();
    let texts: Vec<String> = (0..topic.segments.len())
        .map(|i| topic.plain_text(&[Inline::Segment(i)], View::Localized))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("בדף \u{200f}קטגוריות משאבים פעילים.")),
        "{texts:#?}"
    );
    assert!(texts.iter().all(|t| !t.contains(['\u{202b}', '\u{202c}'])));
    assert!(topic
        .diagnostics
        .iter()
        .any(|d| d.code == "repair-bidi-controls"));
}

#[test]
fn seed_sentences_without_bold_are_instructions() {
    let topic = seed("de-DE");
    let step = &topic.steps[0];
    assert_eq!(step.instructions.len(), 1);
    assert_eq!(step.instructions[0].position, 2);
    assert!(step.instructions[0].matches_key("customer-list"));
    assert!(topic.steps[1].instructions.is_empty());
}

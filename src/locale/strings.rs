//! The widget's own UI strings, in every locale the corpus has content in, plus English.

/// Every string the widget shows that is not content.
///
/// `S` is `&'static str` for the built-in tables; a strings file read at run time gives
/// `UiStrings<String>` ([`parse_strings_file`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UiStrings<S = &'static str> {
    pub locale: S,
    /// Accessible name of the help icon and the panel.
    pub help: S,
    /// Accessible name of the close button.
    pub close: S,
    pub next: S,
    pub back: S,
    /// The last step's Next button, which closes the panel.
    pub done: S,
    /// Progress, with `{n}` and `{m}` placeholders.
    pub step_of: S,
    pub loading: S,
    /// The topic does not exist (not in the manifest, 404).
    pub topic_missing: S,
    /// The topic exists but could not be fetched or read.
    pub topic_failed: S,
    pub retry: S,
    /// The widget's own code could not be loaded (shown by the loader next to the help
    /// icon, with [`UiStrings::retry`]; `helpmark loader` copies it into `helpmark.js`).
    pub code_failed: S,
    /// Switches a step to its English source.
    pub show_original: S,
    /// Switches back.
    pub show_translation: S,
    /// The step's element is not on this page.
    pub not_on_page: S,
    /// The step's element is expected to appear.
    pub waiting: S,
    /// The home screen's topics for the page the user is on.
    pub for_this_page: S,
    /// The home screen's topic left mid-way.
    pub resume: S,
    /// The search box's label.
    pub search: S,
    /// The number of search results, with a `{n}` placeholder.
    pub results: S,
    pub no_results: S,
    /// The home screen's list of every topic.
    pub all_topics: S,
    /// The topic screen's way to the home screen.
    pub home: S,
    /// Takes a topic's done mark away.
    pub not_done: S,
}

impl UiStrings {
    /// "Step 2 of 3" in this locale.
    pub fn step_of(&self, n: usize, m: usize) -> String {
        self.step_of
            .replace("{n}", &n.to_string())
            .replace("{m}", &m.to_string())
    }
}

/// The locales that have UI strings, English first.
pub const UI_LOCALES: [&str; 14] = [
    "en-US", "de-DE", "es-ES", "ru-RU", "sv-SE", "zh-CN", "fr-FR", "it-IT", "ja-JP", "ko-KR",
    "nl-NL", "pt-BR", "ar-SA", "he-IL",
];

/// The UI strings of a locale (one of [`UI_LOCALES`]), English for any other.
///
/// In the WebAssembly only English is built in (the other locales' strings would cost
/// every first open ~3,700 bytes gzip, issue #11): a locale's strings are there once
/// [`add_strings`] was given its strings file ([`strings_file`], which `helpmark index`
/// writes beside the content), and English until then.
pub fn strings(locale: &str) -> &'static UiStrings {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static TABLE: [UiStrings; ALL.len()] = ALL;
        TABLE
            .iter()
            .find(|s| s.locale.eq_ignore_ascii_case(locale))
            .unwrap_or(&TABLE[0])
    }
    #[cfg(target_arch = "wasm32")]
    {
        // A copy of the first row alone (`&ALL[0]` would keep the whole table).
        static ENGLISH: UiStrings = ALL[0];
        ADDED.with(|added| {
            added
                .borrow()
                .iter()
                .copied()
                .find(|s| s.locale.eq_ignore_ascii_case(locale))
                .unwrap_or(&ENGLISH)
        })
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The locales whose strings files were read (a handful at most, each once).
    static ADDED: std::cell::RefCell<Vec<&'static UiStrings>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether [`strings`] has `locale`'s own strings (English and, natively, every UI
/// locale are built in; in the WebAssembly the others come from their strings files).
pub fn has_strings(locale: &str) -> bool {
    strings(locale).locale.eq_ignore_ascii_case(locale)
}

/// The first line of a strings file: its format, with the number of strings in it.
const STRINGS_HEADER: &str = "helpmark-ui/24";

/// Where `helpmark index` writes the strings file of `locale`, relative to the content
/// base (beside `manifest.json`).
///
/// ```
/// assert_eq!(helpmark::locale::strings_path("de-DE"), "ui/de-DE.txt");
/// ```
pub fn strings_path(locale: &str) -> String {
    let mut path = String::from("ui/");
    path.push_str(locale);
    path.push_str(".txt");
    path
}

/// The strings file of a UI locale: a header line (`helpmark-ui/24`: the format and the
/// number of strings), then one string per line in the order of [`UiStrings`]'s fields
/// (none of them holds a line break).
pub fn strings_file(s: &UiStrings) -> String {
    let UiStrings {
        locale,
        help,
        close,
        next,
        back,
        done,
        step_of,
        loading,
        topic_missing,
        topic_failed,
        retry,
        code_failed,
        show_original,
        show_translation,
        not_on_page,
        waiting,
        for_this_page,
        resume,
        search,
        results,
        no_results,
        all_topics,
        home,
        not_done,
    } = s;
    let lines = [
        STRINGS_HEADER,
        locale,
        help,
        close,
        next,
        back,
        done,
        step_of,
        loading,
        topic_missing,
        topic_failed,
        retry,
        code_failed,
        show_original,
        show_translation,
        not_on_page,
        waiting,
        for_this_page,
        resume,
        search,
        results,
        no_results,
        all_topics,
        home,
        not_done,
    ];
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Reads a strings file ([`strings_file`]); `None` if it is not one of this version.
pub fn parse_strings_file(text: &str) -> Option<UiStrings<&str>> {
    let mut lines = text.strip_suffix('\n')?.split('\n');
    if lines.next()? != STRINGS_HEADER {
        return None;
    }
    let mut next = || lines.next().filter(|l| !l.is_empty());
    let s = UiStrings {
        locale: next()?,
        help: next()?,
        close: next()?,
        next: next()?,
        back: next()?,
        done: next()?,
        step_of: next()?,
        loading: next()?,
        topic_missing: next()?,
        topic_failed: next()?,
        retry: next()?,
        code_failed: next()?,
        show_original: next()?,
        show_translation: next()?,
        not_on_page: next()?,
        waiting: next()?,
        for_this_page: next()?,
        resume: next()?,
        search: next()?,
        results: next()?,
        no_results: next()?,
        all_topics: next()?,
        home: next()?,
        not_done: next()?,
    };
    lines.next().is_none().then_some(s)
}

/// Adds the strings of a strings file ([`strings_file`]) to what [`strings`] answers, and
/// gives their locale; `None` (and nothing added) if `text` is not a strings file. Each
/// locale is added once (its strings live as long as the WebAssembly instance).
pub fn add_strings(text: &str) -> Option<String> {
    let locale = parse_strings_file(text)?.locale.to_string();
    #[cfg(target_arch = "wasm32")]
    if !has_strings(&locale) {
        let text: &'static str = Box::leak(text.into());
        let added: &'static UiStrings = Box::leak(Box::new(parse_strings_file(text)?));
        ADDED.with(|a| a.borrow_mut().push(added));
    }
    Some(locale)
}

/// Every UI locale's strings file but English's (built into the widget), with its path
/// relative to the content base ([`strings_path`]).
///
/// Read from the whole table (a `const`, so it is linked only where this is called: the
/// command line and tests, never the widget), so it gives every locale's file in the
/// WebAssembly too.
pub fn strings_files() -> Vec<(String, String)> {
    ALL[1..]
        .iter()
        .map(|s| (strings_path(s.locale), strings_file(s)))
        .collect()
}

/// The note a stale translation shows (its English source changed since it was made), in
/// every UI locale. Kept out of [`UiStrings`]: `helpmark index` writes it into the compiled
/// topic of a stale translation, so the widget's own bytes do not grow with it.
pub fn stale_translation_note(locale: &str) -> &'static str {
    STALE_NOTES
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(locale))
        .unwrap_or(&STALE_NOTES[0])
        .1
}

static STALE_NOTES: [(&str, &str); 14] = [
    ("en-US", "This translation may be out of date: the English original has changed since."),
    ("de-DE", "Diese Übersetzung ist möglicherweise veraltet: Das englische Original wurde seitdem geändert."),
    ("es-ES", "Es posible que esta traducción no esté actualizada: el original en inglés ha cambiado desde entonces."),
    ("ru-RU", "Этот перевод может быть устаревшим: английский оригинал с тех пор изменился."),
    ("sv-SE", "Den här översättningen kan vara inaktuell: det engelska originalet har ändrats sedan dess."),
    ("zh-CN", "此翻译可能已过时：英文原文此后已更改。"),
    ("fr-FR", "Cette traduction n’est peut-être plus à jour : l’original anglais a changé depuis."),
    ("it-IT", "Questa traduzione potrebbe non essere aggiornata: l’originale inglese è cambiato da allora."),
    ("ja-JP", "この翻訳は古い可能性があります。英語の原文はその後変更されています。"),
    ("ko-KR", "이 번역은 최신이 아닐 수 있습니다. 이후 영어 원문이 변경되었습니다."),
    ("nl-NL", "Deze vertaling is mogelijk verouderd: het Engelse origineel is sindsdien gewijzigd."),
    ("pt-BR", "Esta tradução pode estar desatualizada: o original em inglês foi alterado desde então."),
    ("ar-SA", "قد تكون هذه الترجمة قديمة: فقد تغيّر النص الإنجليزي الأصلي منذ ذلك الحين."),
    ("he-IL", "ייתכן שהתרגום הזה אינו עדכני: המקור באנגלית השתנה מאז."),
];

/// The table (a `const`: in the WebAssembly only English is used, and only it is kept).
const ALL: [UiStrings; 14] = [
    UiStrings {
        locale: "en-US",
        help: "Help",
        close: "Close help",
        next: "Next",
        back: "Back",
        done: "Done",
        step_of: "Step {n} of {m}",
        loading: "Loading…",
        topic_missing: "This help topic is not available.",
        topic_failed: "The help topic could not be loaded.",
        retry: "Try again",
        code_failed: "Help could not be loaded.",
        show_original: "Show original (English)",
        show_translation: "Show translation",
        not_on_page: "This element is not on this page.",
        waiting: "Waiting for the element to appear…",
        for_this_page: "For this page",
        resume: "Continue",
        search: "Search help",
        results: "{n} results",
        no_results: "No results",
        all_topics: "All topics",
        home: "Help home",
        not_done: "Mark as not done",
    },
    UiStrings {
        locale: "de-DE",
        help: "Hilfe",
        close: "Hilfe schließen",
        next: "Weiter",
        back: "Zurück",
        done: "Fertig",
        step_of: "Schritt {n} von {m}",
        loading: "Wird geladen…",
        topic_missing: "Dieses Hilfethema ist nicht verfügbar.",
        topic_failed: "Das Hilfethema konnte nicht geladen werden.",
        retry: "Erneut versuchen",
        code_failed: "Die Hilfe konnte nicht geladen werden.",
        show_original: "Original anzeigen (Englisch)",
        show_translation: "Übersetzung anzeigen",
        not_on_page: "Dieses Element ist nicht auf dieser Seite.",
        waiting: "Warten, bis das Element erscheint…",
        for_this_page: "Für diese Seite",
        resume: "Fortsetzen",
        search: "Hilfe durchsuchen",
        results: "{n} Ergebnisse",
        no_results: "Keine Ergebnisse",
        all_topics: "Alle Themen",
        home: "Hilfe-Startseite",
        not_done: "Als nicht erledigt markieren",
    },
    UiStrings {
        locale: "es-ES",
        help: "Ayuda",
        close: "Cerrar ayuda",
        next: "Siguiente",
        back: "Atrás",
        done: "Listo",
        step_of: "Paso {n} de {m}",
        loading: "Cargando…",
        topic_missing: "Este tema de ayuda no está disponible.",
        topic_failed: "No se pudo cargar el tema de ayuda.",
        retry: "Reintentar",
        code_failed: "No se pudo cargar la ayuda.",
        show_original: "Mostrar original (inglés)",
        show_translation: "Mostrar traducción",
        not_on_page: "Este elemento no está en esta página.",
        waiting: "Esperando a que aparezca el elemento…",
        for_this_page: "Para esta página",
        resume: "Continuar",
        search: "Buscar en la ayuda",
        results: "{n} resultados",
        no_results: "Sin resultados",
        all_topics: "Todos los temas",
        home: "Inicio de la ayuda",
        not_done: "Marcar como no completado",
    },
    UiStrings {
        locale: "ru-RU",
        help: "Справка",
        close: "Закрыть справку",
        next: "Далее",
        back: "Назад",
        done: "Готово",
        step_of: "Шаг {n} из {m}",
        loading: "Загрузка…",
        topic_missing: "Эта статья справки недоступна.",
        topic_failed: "Не удалось загрузить статью справки.",
        retry: "Повторить",
        code_failed: "Не удалось загрузить справку.",
        show_original: "Показать оригинал (английский)",
        show_translation: "Показать перевод",
        not_on_page: "Этого элемента нет на этой странице.",
        waiting: "Ожидание появления элемента…",
        for_this_page: "Для этой страницы",
        resume: "Продолжить",
        search: "Поиск по справке",
        results: "Результатов: {n}",
        no_results: "Ничего не найдено",
        all_topics: "Все разделы",
        home: "Главная справки",
        not_done: "Отметить как невыполненное",
    },
    UiStrings {
        locale: "sv-SE",
        help: "Hjälp",
        close: "Stäng hjälpen",
        next: "Nästa",
        back: "Tillbaka",
        done: "Klar",
        step_of: "Steg {n} av {m}",
        loading: "Läser in…",
        topic_missing: "Det här hjälpavsnittet är inte tillgängligt.",
        topic_failed: "Hjälpavsnittet kunde inte läsas in.",
        retry: "Försök igen",
        code_failed: "Hjälpen kunde inte läsas in.",
        show_original: "Visa original (engelska)",
        show_translation: "Visa översättning",
        not_on_page: "Elementet finns inte på den här sidan.",
        waiting: "Väntar på att elementet ska visas…",
        for_this_page: "För den här sidan",
        resume: "Fortsätt",
        search: "Sök i hjälpen",
        results: "{n} träffar",
        no_results: "Inga träffar",
        all_topics: "Alla ämnen",
        home: "Hjälpens startsida",
        not_done: "Markera som inte klar",
    },
    UiStrings {
        locale: "zh-CN",
        help: "帮助",
        close: "关闭帮助",
        next: "下一步",
        back: "上一步",
        done: "完成",
        step_of: "第 {n} 步，共 {m} 步",
        loading: "正在加载…",
        topic_missing: "此帮助主题不可用。",
        topic_failed: "无法加载帮助主题。",
        retry: "重试",
        code_failed: "无法加载帮助。",
        show_original: "显示原文（英语）",
        show_translation: "显示译文",
        not_on_page: "此元素不在此页面上。",
        waiting: "正在等待元素出现…",
        for_this_page: "适用于此页面",
        resume: "继续",
        search: "搜索帮助",
        results: "{n} 个结果",
        no_results: "无结果",
        all_topics: "所有主题",
        home: "帮助首页",
        not_done: "标记为未完成",
    },
    UiStrings {
        locale: "fr-FR",
        help: "Aide",
        close: "Fermer l’aide",
        next: "Suivant",
        back: "Précédent",
        done: "Terminé",
        step_of: "Étape {n} sur {m}",
        loading: "Chargement…",
        topic_missing: "Cette rubrique d’aide n’est pas disponible.",
        topic_failed: "Impossible de charger la rubrique d’aide.",
        retry: "Réessayer",
        code_failed: "Impossible de charger l’aide.",
        show_original: "Afficher l’original (anglais)",
        show_translation: "Afficher la traduction",
        not_on_page: "Cet élément n’est pas sur cette page.",
        waiting: "En attente de l’affichage de l’élément…",
        for_this_page: "Pour cette page",
        resume: "Continuer",
        search: "Rechercher dans l’aide",
        results: "{n} résultats",
        no_results: "Aucun résultat",
        all_topics: "Tous les sujets",
        home: "Accueil de l’aide",
        not_done: "Marquer comme non terminé",
    },
    UiStrings {
        locale: "it-IT",
        help: "Guida",
        close: "Chiudi la guida",
        next: "Avanti",
        back: "Indietro",
        done: "Fine",
        step_of: "Passaggio {n} di {m}",
        loading: "Caricamento…",
        topic_missing: "Questo argomento della guida non è disponibile.",
        topic_failed: "Impossibile caricare l’argomento della guida.",
        retry: "Riprova",
        code_failed: "Impossibile caricare la guida.",
        show_original: "Mostra originale (inglese)",
        show_translation: "Mostra traduzione",
        not_on_page: "Questo elemento non è in questa pagina.",
        waiting: "In attesa che l’elemento venga visualizzato…",
        for_this_page: "Per questa pagina",
        resume: "Continua",
        search: "Cerca nella guida",
        results: "{n} risultati",
        no_results: "Nessun risultato",
        all_topics: "Tutti gli argomenti",
        home: "Home della guida",
        not_done: "Segna come non completato",
    },
    UiStrings {
        locale: "ja-JP",
        help: "ヘルプ",
        close: "ヘルプを閉じる",
        next: "次へ",
        back: "戻る",
        done: "完了",
        step_of: "ステップ {n}/{m}",
        loading: "読み込み中…",
        topic_missing: "このヘルプ トピックは利用できません。",
        topic_failed: "ヘルプ トピックを読み込めませんでした。",
        retry: "再試行",
        code_failed: "ヘルプを読み込めませんでした。",
        show_original: "原文を表示 (英語)",
        show_translation: "翻訳を表示",
        not_on_page: "この要素はこのページにありません。",
        waiting: "要素が表示されるのを待っています…",
        for_this_page: "このページ向け",
        resume: "続ける",
        search: "ヘルプを検索",
        results: "{n} 件の結果",
        no_results: "結果なし",
        all_topics: "すべてのトピック",
        home: "ヘルプのホーム",
        not_done: "未完了にする",
    },
    UiStrings {
        locale: "ko-KR",
        help: "도움말",
        close: "도움말 닫기",
        next: "다음",
        back: "뒤로",
        done: "완료",
        step_of: "{m}단계 중 {n}단계",
        loading: "로드 중…",
        topic_missing: "이 도움말 항목을 사용할 수 없습니다.",
        topic_failed: "도움말 항목을 로드할 수 없습니다.",
        retry: "다시 시도",
        code_failed: "도움말을 로드할 수 없습니다.",
        show_original: "원문 보기(영어)",
        show_translation: "번역 보기",
        not_on_page: "이 요소는 이 페이지에 없습니다.",
        waiting: "요소가 나타나기를 기다리는 중…",
        for_this_page: "이 페이지 관련",
        resume: "계속하기",
        search: "도움말 검색",
        results: "결과 {n}개",
        no_results: "결과 없음",
        all_topics: "모든 항목",
        home: "도움말 홈",
        not_done: "완료 안 함으로 표시",
    },
    UiStrings {
        locale: "nl-NL",
        help: "Hulp",
        close: "Hulp sluiten",
        next: "Volgende",
        back: "Vorige",
        done: "Gereed",
        step_of: "Stap {n} van {m}",
        loading: "Laden…",
        topic_missing: "Dit Help-onderwerp is niet beschikbaar.",
        topic_failed: "Het Help-onderwerp kan niet worden geladen.",
        retry: "Opnieuw proberen",
        code_failed: "De hulp kan niet worden geladen.",
        show_original: "Origineel weergeven (Engels)",
        show_translation: "Vertaling weergeven",
        not_on_page: "Dit element staat niet op deze pagina.",
        waiting: "Wachten tot het element verschijnt…",
        for_this_page: "Voor deze pagina",
        resume: "Doorgaan",
        search: "Help doorzoeken",
        results: "{n} resultaten",
        no_results: "Geen resultaten",
        all_topics: "Alle onderwerpen",
        home: "Help-startpagina",
        not_done: "Markeren als niet voltooid",
    },
    UiStrings {
        locale: "pt-BR",
        help: "Ajuda",
        close: "Fechar ajuda",
        next: "Avançar",
        back: "Voltar",
        done: "Concluído",
        step_of: "Etapa {n} de {m}",
        loading: "Carregando…",
        topic_missing: "Este tópico de ajuda não está disponível.",
        topic_failed: "Não foi possível carregar o tópico de ajuda.",
        retry: "Tentar novamente",
        code_failed: "Não foi possível carregar a ajuda.",
        show_original: "Mostrar original (inglês)",
        show_translation: "Mostrar tradução",
        not_on_page: "Este elemento não está nesta página.",
        waiting: "Aguardando o elemento aparecer…",
        for_this_page: "Para esta página",
        resume: "Continuar",
        search: "Pesquisar na ajuda",
        results: "{n} resultados",
        no_results: "Nenhum resultado",
        all_topics: "Todos os tópicos",
        home: "Início da ajuda",
        not_done: "Marcar como não concluído",
    },
    UiStrings {
        locale: "ar-SA",
        help: "تعليمات",
        close: "إغلاق التعليمات",
        next: "التالي",
        back: "السابق",
        done: "تم",
        step_of: "الخطوة {n} من {m}",
        loading: "جارٍ التحميل…",
        topic_missing: "موضوع التعليمات هذا غير متوفر.",
        topic_failed: "تعذّر تحميل موضوع التعليمات.",
        retry: "إعادة المحاولة",
        code_failed: "تعذّر تحميل التعليمات.",
        show_original: "إظهار النص الأصلي (الإنجليزية)",
        show_translation: "إظهار الترجمة",
        not_on_page: "هذا العنصر غير موجود في هذه الصفحة.",
        waiting: "في انتظار ظهور العنصر…",
        for_this_page: "لهذه الصفحة",
        resume: "متابعة",
        search: "البحث في التعليمات",
        results: "{n} من النتائج",
        no_results: "لا توجد نتائج",
        all_topics: "كل المواضيع",
        home: "الصفحة الرئيسية للتعليمات",
        not_done: "وضع علامة كغير مكتمل",
    },
    UiStrings {
        locale: "he-IL",
        help: "עזרה",
        close: "סגירת העזרה",
        next: "הבא",
        back: "הקודם",
        done: "סיום",
        step_of: "שלב {n} מתוך {m}",
        loading: "טוען…",
        topic_missing: "נושא עזרה זה אינו זמין.",
        topic_failed: "לא ניתן לטעון את נושא העזרה.",
        retry: "נסה שוב",
        code_failed: "לא ניתן לטעון את העזרה.",
        show_original: "הצגת המקור (אנגלית)",
        show_translation: "הצגת התרגום",
        not_on_page: "רכיב זה אינו נמצא בדף זה.",
        waiting: "ממתין להופעת הרכיב…",
        for_this_page: "לדף הזה",
        resume: "המשך",
        search: "חיפוש בעזרה",
        results: "{n} תוצאות",
        no_results: "אין תוצאות",
        all_topics: "כל הנושאים",
        home: "דף הבית של העזרה",
        not_done: "סימון כלא הושלם",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ui_locale_has_every_string_and_only_english_is_english() {
        let english = strings("en-US");
        for locale in UI_LOCALES {
            let s = strings(locale);
            assert_eq!(s.locale, locale);
            let values = [
                s.help,
                s.close,
                s.next,
                s.back,
                s.done,
                s.step_of,
                s.loading,
                s.topic_missing,
                s.topic_failed,
                s.retry,
                s.show_original,
                s.show_translation,
                s.not_on_page,
                s.waiting,
                s.for_this_page,
                s.resume,
                s.search,
                s.results,
                s.no_results,
                s.all_topics,
                s.home,
                s.not_done,
            ];
            let english_values = [
                english.help,
                english.close,
                english.next,
                english.back,
                english.done,
                english.step_of,
                english.loading,
                english.topic_missing,
                english.topic_failed,
                english.retry,
                english.show_original,
                english.show_translation,
                english.not_on_page,
                english.waiting,
                english.for_this_page,
                english.resume,
                english.search,
                english.results,
                english.no_results,
                english.all_topics,
                english.home,
                english.not_done,
            ];
            for (value, english_value) in values.iter().zip(english_values) {
                assert!(!value.trim().is_empty(), "{locale}: empty string");
                if locale != "en-US" {
                    assert_ne!(*value, english_value, "{locale}: English string left in");
                }
            }
            assert!(
                s.step_of.contains("{n}") && s.step_of.contains("{m}"),
                "{locale}"
            );
            assert!(s.results.contains("{n}"), "{locale}");
        }
    }

    #[test]
    fn every_locale_but_english_has_a_strings_file_that_reads_back_whole() {
        let files = strings_files();
        assert_eq!(files.len(), UI_LOCALES.len() - 1);
        for ((path, text), locale) in files.iter().zip(&UI_LOCALES[1..]) {
            assert_eq!(path, &format!("ui/{locale}.txt"));
            let read = parse_strings_file(text).expect(locale);
            let s = strings(locale);
            assert_eq!(read.locale, s.locale);
            assert_eq!(strings_file(s), *text);
            assert_eq!(read, *s);
            assert_eq!(add_strings(text).as_deref(), Some(*locale));
        }
        // Not a strings file of this version: a line too few, one too many, another header.
        let text = &files[0].1;
        let short = text.lines().take(24).collect::<Vec<_>>().join("\n") + "\n";
        assert_eq!(parse_strings_file(&short), None);
        assert_eq!(parse_strings_file(&format!("{text}x\n")), None);
        assert_eq!(parse_strings_file(&text.replacen("/24", "/25", 1)), None);
        assert_eq!(parse_strings_file(text.trim_end()), None);
        assert_eq!(add_strings("<!DOCTYPE html>"), None);
    }

    #[test]
    fn progress_is_formatted_per_locale() {
        assert_eq!(strings("de-DE").step_of(2, 3), "Schritt 2 von 3");
        assert_eq!(strings("zh-CN").step_of(1, 3), "第 1 步，共 3 步");
        assert_eq!(strings("xx-YY").step_of(1, 3), "Step 1 of 3");
    }

    #[test]
    fn every_ui_locale_has_a_stale_translation_note_in_its_language() {
        let english = stale_translation_note("en-US");
        assert!(english.contains("English original"));
        for locale in UI_LOCALES {
            let note = stale_translation_note(locale);
            assert!(STALE_NOTES.iter().any(|(l, _)| *l == locale), "{locale}");
            assert!(!note.trim().is_empty(), "{locale}");
            if locale != "en-US" {
                assert_ne!(note, english, "{locale} is English");
            }
        }
        // Any other locale reads the English note.
        assert_eq!(stale_translation_note("xx-XX"), english);
    }
}

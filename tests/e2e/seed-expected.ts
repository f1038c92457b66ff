/**
 * Expected content of the seed topic (`update-customer-account-info`) and of the demo
 * portal's labels, per content locale. Texts are compared after whitespace
 * normalization (see `normalize` in seed.spec.ts).
 */

export type ContentLocale = 'zh-CN' | 'ru-RU' | 'de-DE' | 'es-ES' | 'sv-SE' | 'en-US';

export interface LocaleExpectation {
  /** Accessible name (aria-label) of the help launcher button. */
  launcher: string;
  /** Topic title (`.hm-title`). */
  title: string;
  /** The three steps (`.hm-step`), in order. */
  steps: [string, string, string];
  /** Progress text (`.hm-progress`) for step `n` of `total`. */
  progress: (n: number, total: number) => string;
  /** Demo portal labels. */
  portal: {
    /** `[data-help-target="partner-center"]` button text. */
    partnerCenter: string;
    /** `[data-help-target="customers"]` menu item text (after opening Partner Center). */
    customers: string;
  };
}

export const EXPECTED: Record<ContentLocale, LocaleExpectation> = {
  'de-DE': {
    launcher: 'Hilfe',
    title: 'Aktualisieren der Kundenkontoinformationen',
    steps: [
      'Wählen Sie im Partner Center -Menü die Option Kunden aus. Wählen Sie einen Kunden aus der Liste aus.',
      'Wählen Sie im Kundenmenü Konto und dann Aktualisieren aus.',
      'Nachdem Sie die Änderungen vorgenommen haben, wählen Sie Absenden aus.',
    ],
    progress: (n, total) => `Schritt ${n} von ${total}`,
    portal: { partnerCenter: 'Partner Center', customers: 'Kunden' },
  },
  'es-ES': {
    launcher: 'Ayuda',
    title: 'Actualizar la información de la cuenta de cliente',
    steps: [
      'En el menú del centro de Partners, seleccione clientes. A continuación, elige el cliente de la lista.',
      'En el menú del cliente, seleccione cuenta y, a continuación, actualice.',
      'Una vez realizados los cambios, seleccione Enviar.',
    ],
    progress: (n, total) => `Paso ${n} de ${total}`,
    portal: { partnerCenter: 'Centro de partners', customers: 'Clientes' },
  },
  'ru-RU': {
    launcher: 'Справка',
    title:
      'Обновление сведений об учетной записи клиента, сведений об организации и данных о выставлении счетов клиента в центре партнеров',
    steps: [
      'В меню Центр партнеров выберите Customers (клиенты). Затем выберите клиента из списка.',
      'В меню клиента выберите Учетная запись, а затем Обновить.',
      'После внесения изменений нажмите кнопку Отправить.',
    ],
    progress: (n, total) => `Шаг ${n} из ${total}`,
    portal: { partnerCenter: 'Центр партнеров', customers: 'Клиенты' },
  },
  'sv-SE': {
    launcher: 'Hjälp',
    title:
      'Uppdatera kundkontoinformation, företagsinformation och kundfaktureringsinformation i Partnercenter',
    steps: [
      'I menyn i Partnercenter väljer du Kunder. Välj sedan en kund i listan.',
      'På kundmenyn väljer du Konto och sedan Uppdatera.',
      'När du har gjort dina ändringar väljer du Skicka.',
    ],
    progress: (n, total) => `Steg ${n} av ${total}`,
    portal: { partnerCenter: 'Partnercenter', customers: 'Kunder' },
  },
  'zh-CN': {
    launcher: '帮助',
    title: '更新客户帐户信息',
    steps: [
      '从 "合作伙伴中心" 菜单中，选择 "客户"。 然后在列表中选择客户',
      '在客户菜单中，依次选择帐户、更新。',
      '完成更改后，选择“提交”。',
    ],
    progress: (n, total) => `第 ${n} 步，共 ${total} 步`,
    portal: { partnerCenter: '合作伙伴中心', customers: '客户' },
  },
  'en-US': {
    launcher: 'Help',
    title:
      'Update customer account info, company details, and customer billing information in Partner Center',
    steps: [
      'From the Partner Center menu, select Customers. Then choose a customer from the list.',
      'From the customer menu, select Account and then Update.',
      "After you've made your changes, select Submit.",
    ],
    progress: (n, total) => `Step ${n} of ${total}`,
    portal: { partnerCenter: 'Partner Center', customers: 'Customers' },
  },
};

/** Browser locales with content of their own, as `test.use({ locale })` values. */
export const CONTENT_LOCALES: ContentLocale[] = ['zh-CN', 'ru-RU', 'de-DE', 'es-ES', 'sv-SE', 'en-US'];

/** Browser locale -> content locale the widget must fall back to. */
export const FALLBACKS: ReadonlyArray<{ browser: string; content: ContentLocale }> = [
  { browser: 'de-AT', content: 'de-DE' },
  { browser: 'sv', content: 'sv-SE' },
  { browser: 'zh', content: 'zh-CN' },
  // Playwright (1.65) and Chromium accept a script subtag here: navigator.language is
  // 'zh-Hans-CN' (checked), so no navigator.languages override is needed.
  { browser: 'zh-Hans-CN', content: 'zh-CN' },
  { browser: 'es-MX', content: 'es-ES' },
  { browser: 'fr-CA', content: 'en-US' },
];

/** Markup that must never reach the reader (unrendered Markdown, raw HTML, entities). */
export const FORBIDDEN_IN_PANEL = ['**', '\\*', '<span', '&quot;'];

/** The seed topic has exactly three steps. */
export const STEP_COUNT = 3;

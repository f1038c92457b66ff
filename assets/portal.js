/*
 * Helpmark demo host page: a fictional, framework-free mock of a partner
 * portal's customer area. It is the page the Helpmark widget is embedded in.
 *
 * - Hash routes (#/, #/customers, #/customers/<id>, .../account, .../account/edit, ...).
 * - Labels localized in en-US, de-DE, es-ES, ru-RU, sv-SE, zh-CN. The locale is chosen
 *   by the widget, which announces it with `helpmark:ready` / `helpmark:locale` events
 *   on `document` (detail: { locale, dir }). English until then.
 * - CSP friendly: no inline code or styles, no innerHTML; DOM built with createElement.
 * - Never touches anything inside `[data-helpmark-host]` (the widget's own element).
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------
  // Localized strings
  // ---------------------------------------------------------------------------

  var DEFAULT_LOCALE = 'en-US';
  var SUPPORTED = ['en-US', 'de-DE', 'es-ES', 'ru-RU', 'sv-SE', 'zh-CN'];

  var STRINGS = {
    'en-US': {
      'page.title': 'Partner Center – Helpmark demo',
      'a11y.skip': 'Skip to main content',
      'a11y.breadcrumb': 'Breadcrumb',
      'a11y.customerMenu': 'Customer menu',
      'brand.badge': 'demo',
      'menu.partnerCenter': 'Partner Center',
      'menu.dashboard': 'Dashboard',
      'menu.customers': 'Customers',
      'menu.billing': 'Billing',
      'menu.support': 'Support',
      'home.title': 'Welcome to Partner Center',
      'home.intro': 'This is a fictional demo portal. Use the help icon for step-by-step guidance.',
      'home.customersText': 'Manage your customers’ accounts, subscriptions and users.',
      'home.customersLink': 'View customers',
      'home.billingText': 'Review invoices and reconciliation files.',
      'home.billingLink': 'Open billing',
      'home.supportText': 'Create and track support requests.',
      'home.supportLink': 'Open support',
      'customers.intro': 'Select a customer to view or edit their details.',
      'customers.caption': 'Customer list',
      'col.company': 'Company name',
      'col.domain': 'Primary domain',
      'col.country': 'Country/region',
      'col.subscriptions': 'Subscriptions',
      'customer.account': 'Account',
      'customer.subscriptions': 'Subscriptions',
      'customer.users': 'Users and licenses',
      'customer.service': 'Service management',
      'customer.overview': 'Overview',
      'customer.overviewIntro': 'Choose an item from the customer menu to manage this customer.',
      'field.microsoftId': 'Microsoft ID',
      'field.customerSince': 'Customer since',
      'account.companyDetails': 'Company details',
      'account.billingContact': 'Billing contact',
      'field.companyName': 'Company name',
      'field.address': 'Address',
      'field.name': 'Name',
      'field.email': 'Email',
      'account.update': 'Update',
      'edit.title': 'Edit account',
      'edit.allRequired': 'All fields are required.',
      'field.addressLine': 'Address line',
      'field.city': 'City',
      'field.postalCode': 'Postal code',
      'field.country': 'Country/region',
      'field.billingName': 'Billing contact name',
      'field.billingEmail': 'Billing contact email',
      'edit.submit': 'Submit',
      'edit.cancel': 'Cancel',
      'err.summary': 'Please correct the highlighted fields.',
      'err.required': 'This field is required.',
      'err.email': 'Enter a valid email address.',
      'notice.saved': 'Changes saved',
      'notice.dismiss': 'Dismiss',
      'subs.product': 'Product',
      'subs.quantity': 'Quantity',
      'subs.status': 'Status',
      'subs.active': 'Active',
      'users.displayName': 'Display name',
      'users.username': 'Username',
      'service.empty': 'There are no service requests for this customer.',
      'billing.empty': 'There are no invoices in this demo.',
      'support.empty': 'There are no open support requests.',
      'notFound.title': 'Page not found',
      'notFound.text': 'The page you’re looking for doesn’t exist.',
      'notFound.home': 'Go to the dashboard',
      'customerNotFound.title': 'Customer not found',
      'customerNotFound.text': 'There’s no customer with this ID.',
      'customerNotFound.back': 'Back to the customer list',
      'footer.text': 'Fictional demo portal, not affiliated with Microsoft.'
    },
    'de-DE': {
      'page.title': 'Partner Center – Helpmark-Demo',
      'a11y.skip': 'Zum Hauptinhalt springen',
      'a11y.breadcrumb': 'Brotkrümelnavigation',
      'a11y.customerMenu': 'Kundenmenü',
      'brand.badge': 'Demo',
      'menu.partnerCenter': 'Partner Center',
      'menu.dashboard': 'Dashboard',
      'menu.customers': 'Kunden',
      'menu.billing': 'Abrechnung',
      'menu.support': 'Support',
      'home.title': 'Willkommen im Partner Center',
      'home.intro': 'Dies ist ein fiktives Demoportal. Über das Hilfesymbol erhalten Sie Schritt-für-Schritt-Anleitungen.',
      'home.customersText': 'Verwalten Sie Konten, Abonnements und Benutzer Ihrer Kunden.',
      'home.customersLink': 'Kunden anzeigen',
      'home.billingText': 'Rechnungen und Abstimmungsdateien prüfen.',
      'home.billingLink': 'Abrechnung öffnen',
      'home.supportText': 'Supportanfragen erstellen und nachverfolgen.',
      'home.supportLink': 'Support öffnen',
      'customers.intro': 'Wählen Sie einen Kunden aus, um seine Details anzuzeigen oder zu bearbeiten.',
      'customers.caption': 'Kundenliste',
      'col.company': 'Firmenname',
      'col.domain': 'Primäre Domäne',
      'col.country': 'Land/Region',
      'col.subscriptions': 'Abonnements',
      'customer.account': 'Konto',
      'customer.subscriptions': 'Abonnements',
      'customer.users': 'Benutzer und Lizenzen',
      'customer.service': 'Dienstverwaltung',
      'customer.overview': 'Übersicht',
      'customer.overviewIntro': 'Wählen Sie im Kundenmenü einen Eintrag aus, um diesen Kunden zu verwalten.',
      'field.microsoftId': 'Microsoft-ID',
      'field.customerSince': 'Kunde seit',
      'account.companyDetails': 'Firmendetails',
      'account.billingContact': 'Abrechnungskontakt',
      'field.companyName': 'Firmenname',
      'field.address': 'Adresse',
      'field.name': 'Name',
      'field.email': 'E-Mail',
      'account.update': 'Aktualisieren',
      'edit.title': 'Konto bearbeiten',
      'edit.allRequired': 'Alle Felder sind Pflichtfelder.',
      'field.addressLine': 'Adresszeile',
      'field.city': 'Ort',
      'field.postalCode': 'Postleitzahl',
      'field.country': 'Land/Region',
      'field.billingName': 'Name des Abrechnungskontakts',
      'field.billingEmail': 'E-Mail des Abrechnungskontakts',
      'edit.submit': 'Absenden',
      'edit.cancel': 'Abbrechen',
      'err.summary': 'Bitte korrigieren Sie die markierten Felder.',
      'err.required': 'Dieses Feld ist erforderlich.',
      'err.email': 'Geben Sie eine gültige E-Mail-Adresse ein.',
      'notice.saved': 'Änderungen gespeichert',
      'notice.dismiss': 'Schließen',
      'subs.product': 'Produkt',
      'subs.quantity': 'Menge',
      'subs.status': 'Status',
      'subs.active': 'Aktiv',
      'users.displayName': 'Anzeigename',
      'users.username': 'Benutzername',
      'service.empty': 'Für diesen Kunden gibt es keine Serviceanfragen.',
      'billing.empty': 'In dieser Demo gibt es keine Rechnungen.',
      'support.empty': 'Es gibt keine offenen Supportanfragen.',
      'notFound.title': 'Seite nicht gefunden',
      'notFound.text': 'Die gesuchte Seite existiert nicht.',
      'notFound.home': 'Zum Dashboard',
      'customerNotFound.title': 'Kunde nicht gefunden',
      'customerNotFound.text': 'Es gibt keinen Kunden mit dieser ID.',
      'customerNotFound.back': 'Zurück zur Kundenliste',
      'footer.text': 'Fiktives Demoportal, nicht mit Microsoft verbunden.'
    },
    'es-ES': {
      'page.title': 'Centro de partners – demo de Helpmark',
      'a11y.skip': 'Ir al contenido principal',
      'a11y.breadcrumb': 'Ruta de navegación',
      'a11y.customerMenu': 'Menú del cliente',
      'brand.badge': 'demo',
      'menu.partnerCenter': 'Centro de partners',
      'menu.dashboard': 'Panel',
      'menu.customers': 'Clientes',
      'menu.billing': 'Facturación',
      'menu.support': 'Soporte',
      'home.title': 'Bienvenido al Centro de partners',
      'home.intro': 'Este es un portal de demostración ficticio. Use el icono de ayuda para obtener instrucciones paso a paso.',
      'home.customersText': 'Administre las cuentas, suscripciones y usuarios de sus clientes.',
      'home.customersLink': 'Ver clientes',
      'home.billingText': 'Revise facturas y archivos de conciliación.',
      'home.billingLink': 'Abrir facturación',
      'home.supportText': 'Cree solicitudes de soporte y haga su seguimiento.',
      'home.supportLink': 'Abrir soporte',
      'customers.intro': 'Seleccione un cliente para ver o editar sus detalles.',
      'customers.caption': 'Lista de clientes',
      'col.company': 'Nombre de la empresa',
      'col.domain': 'Dominio principal',
      'col.country': 'País o región',
      'col.subscriptions': 'Suscripciones',
      'customer.account': 'Cuenta',
      'customer.subscriptions': 'Suscripciones',
      'customer.users': 'Usuarios y licencias',
      'customer.service': 'Administración de servicios',
      'customer.overview': 'Información general',
      'customer.overviewIntro': 'Elija un elemento del menú del cliente para administrar este cliente.',
      'field.microsoftId': 'Id. de Microsoft',
      'field.customerSince': 'Cliente desde',
      'account.companyDetails': 'Detalles de la empresa',
      'account.billingContact': 'Contacto de facturación',
      'field.companyName': 'Nombre de la empresa',
      'field.address': 'Dirección',
      'field.name': 'Nombre',
      'field.email': 'Correo electrónico',
      'account.update': 'Actualizar',
      'edit.title': 'Editar cuenta',
      'edit.allRequired': 'Todos los campos son obligatorios.',
      'field.addressLine': 'Línea de dirección',
      'field.city': 'Ciudad',
      'field.postalCode': 'Código postal',
      'field.country': 'País o región',
      'field.billingName': 'Nombre del contacto de facturación',
      'field.billingEmail': 'Correo electrónico del contacto de facturación',
      'edit.submit': 'Enviar',
      'edit.cancel': 'Cancelar',
      'err.summary': 'Corrija los campos resaltados.',
      'err.required': 'Este campo es obligatorio.',
      'err.email': 'Escriba una dirección de correo electrónico válida.',
      'notice.saved': 'Cambios guardados',
      'notice.dismiss': 'Descartar',
      'subs.product': 'Producto',
      'subs.quantity': 'Cantidad',
      'subs.status': 'Estado',
      'subs.active': 'Activa',
      'users.displayName': 'Nombre para mostrar',
      'users.username': 'Nombre de usuario',
      'service.empty': 'No hay solicitudes de servicio para este cliente.',
      'billing.empty': 'No hay facturas en esta demostración.',
      'support.empty': 'No hay solicitudes de soporte abiertas.',
      'notFound.title': 'Página no encontrada',
      'notFound.text': 'La página que busca no existe.',
      'notFound.home': 'Ir al panel',
      'customerNotFound.title': 'Cliente no encontrado',
      'customerNotFound.text': 'No hay ningún cliente con este identificador.',
      'customerNotFound.back': 'Volver a la lista de clientes',
      'footer.text': 'Portal de demostración ficticio, sin relación con Microsoft.'
    },
    'ru-RU': {
      'page.title': 'Центр партнеров – демо Helpmark',
      'a11y.skip': 'Перейти к основному содержимому',
      'a11y.breadcrumb': 'Навигационная цепочка',
      'a11y.customerMenu': 'Меню клиента',
      'brand.badge': 'демо',
      'menu.partnerCenter': 'Центр партнеров',
      'menu.dashboard': 'Панель мониторинга',
      'menu.customers': 'Клиенты',
      'menu.billing': 'Выставление счетов',
      'menu.support': 'Поддержка',
      'home.title': 'Добро пожаловать в Центр партнеров',
      'home.intro': 'Это вымышленный демонстрационный портал. Пошаговые инструкции открываются значком справки.',
      'home.customersText': 'Управляйте учетными записями, подписками и пользователями клиентов.',
      'home.customersLink': 'Просмотреть клиентов',
      'home.billingText': 'Просматривайте счета и файлы сверки.',
      'home.billingLink': 'Открыть выставление счетов',
      'home.supportText': 'Создавайте и отслеживайте запросы в службу поддержки.',
      'home.supportLink': 'Открыть поддержку',
      'customers.intro': 'Выберите клиента, чтобы просмотреть или изменить его сведения.',
      'customers.caption': 'Список клиентов',
      'col.company': 'Название компании',
      'col.domain': 'Основной домен',
      'col.country': 'Страна или регион',
      'col.subscriptions': 'Подписки',
      'customer.account': 'Учетная запись',
      'customer.subscriptions': 'Подписки',
      'customer.users': 'Пользователи и лицензии',
      'customer.service': 'Управление службами',
      'customer.overview': 'Обзор',
      'customer.overviewIntro': 'Выберите пункт в меню клиента, чтобы управлять этим клиентом.',
      'field.microsoftId': 'Идентификатор Майкрософт',
      'field.customerSince': 'Клиент с',
      'account.companyDetails': 'Сведения о компании',
      'account.billingContact': 'Контакт для выставления счетов',
      'field.companyName': 'Название компании',
      'field.address': 'Адрес',
      'field.name': 'Имя',
      'field.email': 'Электронная почта',
      'account.update': 'Обновить',
      'edit.title': 'Изменение учетной записи',
      'edit.allRequired': 'Все поля обязательны для заполнения.',
      'field.addressLine': 'Строка адреса',
      'field.city': 'Город',
      'field.postalCode': 'Почтовый индекс',
      'field.country': 'Страна или регион',
      'field.billingName': 'Имя контакта для выставления счетов',
      'field.billingEmail': 'Электронная почта контакта для выставления счетов',
      'edit.submit': 'Отправить',
      'edit.cancel': 'Отмена',
      'err.summary': 'Исправьте выделенные поля.',
      'err.required': 'Это поле обязательно.',
      'err.email': 'Введите действительный адрес электронной почты.',
      'notice.saved': 'Изменения сохранены',
      'notice.dismiss': 'Закрыть',
      'subs.product': 'Продукт',
      'subs.quantity': 'Количество',
      'subs.status': 'Состояние',
      'subs.active': 'Активна',
      'users.displayName': 'Отображаемое имя',
      'users.username': 'Имя пользователя',
      'service.empty': 'У этого клиента нет запросов на обслуживание.',
      'billing.empty': 'В этой демонстрации нет счетов.',
      'support.empty': 'Нет открытых запросов в службу поддержки.',
      'notFound.title': 'Страница не найдена',
      'notFound.text': 'Запрошенная страница не существует.',
      'notFound.home': 'Перейти на панель мониторинга',
      'customerNotFound.title': 'Клиент не найден',
      'customerNotFound.text': 'Клиента с таким идентификатором нет.',
      'customerNotFound.back': 'Назад к списку клиентов',
      'footer.text': 'Вымышленный демонстрационный портал, не связанный с Microsoft.'
    },
    'sv-SE': {
      'page.title': 'Partnercenter – Helpmark-demo',
      'a11y.skip': 'Hoppa till huvudinnehållet',
      'a11y.breadcrumb': 'Sökväg',
      'a11y.customerMenu': 'Kundmeny',
      'brand.badge': 'demo',
      'menu.partnerCenter': 'Partnercenter',
      'menu.dashboard': 'Instrumentpanel',
      'menu.customers': 'Kunder',
      'menu.billing': 'Fakturering',
      'menu.support': 'Support',
      'home.title': 'Välkommen till Partnercenter',
      'home.intro': 'Det här är en fiktiv demoportal. Använd hjälpikonen för steg-för-steg-vägledning.',
      'home.customersText': 'Hantera dina kunders konton, prenumerationer och användare.',
      'home.customersLink': 'Visa kunder',
      'home.billingText': 'Granska fakturor och avstämningsfiler.',
      'home.billingLink': 'Öppna fakturering',
      'home.supportText': 'Skapa och följ upp supportärenden.',
      'home.supportLink': 'Öppna support',
      'customers.intro': 'Välj en kund för att visa eller redigera uppgifterna.',
      'customers.caption': 'Kundlista',
      'col.company': 'Företagsnamn',
      'col.domain': 'Primär domän',
      'col.country': 'Land/region',
      'col.subscriptions': 'Prenumerationer',
      'customer.account': 'Konto',
      'customer.subscriptions': 'Prenumerationer',
      'customer.users': 'Användare och licenser',
      'customer.service': 'Tjänsthantering',
      'customer.overview': 'Översikt',
      'customer.overviewIntro': 'Välj ett alternativ i kundmenyn för att hantera kunden.',
      'field.microsoftId': 'Microsoft-ID',
      'field.customerSince': 'Kund sedan',
      'account.companyDetails': 'Företagsuppgifter',
      'account.billingContact': 'Faktureringskontakt',
      'field.companyName': 'Företagsnamn',
      'field.address': 'Adress',
      'field.name': 'Namn',
      'field.email': 'E-post',
      'account.update': 'Uppdatera',
      'edit.title': 'Redigera konto',
      'edit.allRequired': 'Alla fält är obligatoriska.',
      'field.addressLine': 'Adressrad',
      'field.city': 'Ort',
      'field.postalCode': 'Postnummer',
      'field.country': 'Land/region',
      'field.billingName': 'Faktureringskontaktens namn',
      'field.billingEmail': 'Faktureringskontaktens e-post',
      'edit.submit': 'Skicka',
      'edit.cancel': 'Avbryt',
      'err.summary': 'Rätta de markerade fälten.',
      'err.required': 'Det här fältet är obligatoriskt.',
      'err.email': 'Ange en giltig e-postadress.',
      'notice.saved': 'Ändringarna har sparats',
      'notice.dismiss': 'Stäng',
      'subs.product': 'Produkt',
      'subs.quantity': 'Antal',
      'subs.status': 'Status',
      'subs.active': 'Aktiv',
      'users.displayName': 'Visningsnamn',
      'users.username': 'Användarnamn',
      'service.empty': 'Det finns inga tjänstbegäranden för den här kunden.',
      'billing.empty': 'Det finns inga fakturor i den här demon.',
      'support.empty': 'Det finns inga öppna supportärenden.',
      'notFound.title': 'Sidan hittades inte',
      'notFound.text': 'Sidan du letar efter finns inte.',
      'notFound.home': 'Gå till instrumentpanelen',
      'customerNotFound.title': 'Kunden hittades inte',
      'customerNotFound.text': 'Det finns ingen kund med detta ID.',
      'customerNotFound.back': 'Tillbaka till kundlistan',
      'footer.text': 'Fiktiv demoportal, inte kopplad till Microsoft.'
    },
    'zh-CN': {
      'page.title': '合作伙伴中心 – Helpmark 演示',
      'a11y.skip': '跳到主要内容',
      'a11y.breadcrumb': '痕迹导航',
      'a11y.customerMenu': '客户菜单',
      'brand.badge': '演示',
      'menu.partnerCenter': '合作伙伴中心',
      'menu.dashboard': '仪表板',
      'menu.customers': '客户',
      'menu.billing': '账单',
      'menu.support': '支持',
      'home.title': '欢迎使用合作伙伴中心',
      'home.intro': '这是一个虚构的演示门户。使用帮助图标获取分步指导。',
      'home.customersText': '管理客户的帐户、订阅和用户。',
      'home.customersLink': '查看客户',
      'home.billingText': '查看发票和对帐文件。',
      'home.billingLink': '打开账单',
      'home.supportText': '创建和跟踪支持请求。',
      'home.supportLink': '打开支持',
      'customers.intro': '选择一个客户以查看或编辑其详细信息。',
      'customers.caption': '客户列表',
      'col.company': '公司名称',
      'col.domain': '主域',
      'col.country': '国家/地区',
      'col.subscriptions': '订阅',
      'customer.account': '帐户',
      'customer.subscriptions': '订阅',
      'customer.users': '用户和许可证',
      'customer.service': '服务管理',
      'customer.overview': '概述',
      'customer.overviewIntro': '从客户菜单中选择一项以管理此客户。',
      'field.microsoftId': 'Microsoft ID',
      'field.customerSince': '成为客户的日期',
      'account.companyDetails': '公司详细信息',
      'account.billingContact': '账单联系人',
      'field.companyName': '公司名称',
      'field.address': '地址',
      'field.name': '姓名',
      'field.email': '电子邮件',
      'account.update': '更新',
      'edit.title': '编辑帐户',
      'edit.allRequired': '所有字段均为必填项。',
      'field.addressLine': '地址行',
      'field.city': '城市',
      'field.postalCode': '邮政编码',
      'field.country': '国家/地区',
      'field.billingName': '账单联系人姓名',
      'field.billingEmail': '账单联系人电子邮件',
      'edit.submit': '提交',
      'edit.cancel': '取消',
      'err.summary': '请更正突出显示的字段。',
      'err.required': '此字段为必填项。',
      'err.email': '请输入有效的电子邮件地址。',
      'notice.saved': '已保存更改',
      'notice.dismiss': '关闭',
      'subs.product': '产品',
      'subs.quantity': '数量',
      'subs.status': '状态',
      'subs.active': '活动',
      'users.displayName': '显示名称',
      'users.username': '用户名',
      'service.empty': '此客户没有服务请求。',
      'billing.empty': '此演示中没有发票。',
      'support.empty': '没有未解决的支持请求。',
      'notFound.title': '找不到页面',
      'notFound.text': '你要查找的页面不存在。',
      'notFound.home': '转到仪表板',
      'customerNotFound.title': '找不到客户',
      'customerNotFound.text': '不存在具有此 ID 的客户。',
      'customerNotFound.back': '返回客户列表',
      'footer.text': '虚构的演示门户，与 Microsoft 无关。'
    }
  };

  var state = {
    locale: DEFAULT_LOCALE,
    dir: 'ltr',
    fromWidget: false, // true once a helpmark:* locale event has been applied
    rendered: false,
    menuOpen: false,
    flash: null, // { kind: 'saved', customerId }
    errors: {} // field -> message key, for the edit form currently shown
  };

  /** Resolves any tag to one of SUPPORTED (exact, then by language), default en-US. */
  function resolveLocale(tag) {
    if (typeof tag !== 'string' || !tag) return DEFAULT_LOCALE;
    var lower = tag.replace(/_/g, '-').toLowerCase();
    var i;
    for (i = 0; i < SUPPORTED.length; i++) {
      if (SUPPORTED[i].toLowerCase() === lower) return SUPPORTED[i];
    }
    var lang = lower.split('-')[0];
    for (i = 0; i < SUPPORTED.length; i++) {
      if (SUPPORTED[i].split('-')[0].toLowerCase() === lang) return SUPPORTED[i];
    }
    return DEFAULT_LOCALE;
  }

  /** A localizable message: resolved to text whenever the locale changes. */
  function Msg(key, params) {
    this.key = key;
    this.params = params || null;
  }
  function t(key, params) {
    return new Msg(key, params);
  }
  function format(msg, locale) {
    if (msg.fn) return String(msg.fn(locale));
    var table = STRINGS[locale] || STRINGS[DEFAULT_LOCALE];
    var text = Object.prototype.hasOwnProperty.call(table, msg.key)
      ? table[msg.key]
      : STRINGS[DEFAULT_LOCALE][msg.key];
    if (text === undefined) text = msg.key;
    if (msg.params) {
      text = text.replace(/\{(\w+)\}/g, function (all, name) {
        var v = msg.params[name];
        if (typeof v === 'function') v = v(locale);
        return v === undefined ? all : String(v);
      });
    }
    return text;
  }
  /** Locale-dependent value (e.g. a formatted date) as a Msg-like object. */
  function localized(fn) {
    var m = new Msg(null);
    m.fn = fn;
    return m;
  }

  // Every text node / attribute that shows a Msg; updated in place on locale change,
  // so element identity is stable (a highlighted target stays the same element).
  var bindings = [];

  function bindText(msg) {
    var node = document.createTextNode(format(msg, state.locale));
    bindings.push({ node: node, attr: null, msg: msg });
    return node;
  }
  function bindAttr(el, attr, msg) {
    el.setAttribute(attr, format(msg, state.locale));
    bindings.push({ node: el, attr: attr, msg: msg });
  }
  function refreshBindings() {
    bindings = bindings.filter(function (b) {
      return b.node.isConnected;
    });
    bindings.forEach(function (b) {
      var text = format(b.msg, state.locale);
      if (b.attr) {
        if (b.node.getAttribute(b.attr) !== text) b.node.setAttribute(b.attr, text);
      } else if (b.node.nodeValue !== text) {
        b.node.nodeValue = text;
      }
    });
  }

  // ---------------------------------------------------------------------------
  // DOM helper: h(tag, attrs, ...children)
  // ---------------------------------------------------------------------------

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var key;
    attrs = attrs || {};
    for (key in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key)) continue;
      var v = attrs[key];
      if (v === null || v === undefined || v === false) continue;
      if (key === 'style') throw new Error('inline styles are not allowed');
      if (key === 'class') {
        el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
      } else if (key === 'hidden') {
        el.hidden = true;
      } else if (key === 'value') {
        el.value = v;
      } else if (key.slice(0, 2) === 'on' && typeof v === 'function') {
        el.addEventListener(key.slice(2).toLowerCase(), v);
      } else if (v instanceof Msg) {
        bindAttr(el, key, v);
      } else {
        el.setAttribute(key, v === true ? '' : String(v));
      }
    }
    appendChildren(el, Array.prototype.slice.call(arguments, 2));
    return el;
  }

  function appendChildren(el, children) {
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) appendChildren(el, c);
      else if (c instanceof Msg) el.appendChild(bindText(c));
      else if (typeof c === 'string' || typeof c === 'number') el.appendChild(document.createTextNode(String(c)));
      else el.appendChild(c);
    });
  }

  function inWidget(node) {
    var el = node && node.nodeType === 1 ? node : node && node.parentElement;
    return !!(el && el.closest && el.closest('[data-helpmark-host]'));
  }

  // ---------------------------------------------------------------------------
  // Data model (fictional customers); edits persist in sessionStorage
  // ---------------------------------------------------------------------------

  var STORE_KEY = 'helpmark-portal:customers:v1';
  var EDITABLE = ['companyName', 'addressLine', 'city', 'postalCode', 'country', 'contactName', 'contactEmail'];

  var SEED = [
    {
      id: 'contoso', companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com',
      microsoftId: '5c1f7a02-9e4b-4d2a-8b61-3f0e2d9c7a14', since: '2019-03-14',
      addressLine: '4567 Main Street', city: 'Redmond', postalCode: '98052', country: 'United States',
      contactName: 'Avery Howard', contactEmail: 'avery.howard@contoso.com',
      subscriptions: [['Microsoft 365 Business Standard', 25], ['Microsoft Defender for Business', 25], ['Azure plan', 1]],
      users: [['Avery Howard', 'avery.howard@contoso.com'], ['Jordan Lee', 'jordan.lee@contoso.com'], ['Sam Patel', 'sam.patel@contoso.com']]
    },
    {
      id: 'fabrikam', companyName: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com',
      microsoftId: 'a83d0b6e-21c7-4f95-b0de-6e4a1c9f2b37', since: '2020-11-02',
      addressLine: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'Germany',
      contactName: 'Jonas Becker', contactEmail: 'jonas.becker@fabrikam.com',
      subscriptions: [['Microsoft 365 E3', 120], ['Azure plan', 1]],
      users: [['Jonas Becker', 'jonas.becker@fabrikam.com'], ['Lena Vogel', 'lena.vogel@fabrikam.com']]
    },
    {
      id: 'northwind', companyName: 'Northwind Traders', domain: 'northwindtraders.onmicrosoft.com',
      microsoftId: '0f92c4d1-7a3e-4b88-9c15-d2e6b0a47f59', since: '2018-06-21',
      addressLine: 'Calle Mayor 45', city: 'Madrid', postalCode: '28013', country: 'Spain',
      contactName: 'Lucía Romero', contactEmail: 'lucia.romero@northwindtraders.com',
      subscriptions: [['Microsoft 365 Business Basic', 40]],
      users: [['Lucía Romero', 'lucia.romero@northwindtraders.com'], ['Diego Navarro', 'diego.navarro@northwindtraders.com']]
    },
    {
      id: 'tailspin', companyName: 'Tailspin Toys', domain: 'tailspintoys.onmicrosoft.com',
      microsoftId: 'e7b5a913-4c0d-4e6f-a2b8-91c3d5f0e286', since: '2021-09-08',
      addressLine: 'Drottninggatan 88', city: 'Stockholm', postalCode: '111 36', country: 'Sweden',
      contactName: 'Elin Sandberg', contactEmail: 'elin.sandberg@tailspintoys.com',
      subscriptions: [['Microsoft 365 Business Premium', 18], ['Exchange Online (Plan 1)', 5]],
      users: [['Elin Sandberg', 'elin.sandberg@tailspintoys.com'], ['Oskar Lund', 'oskar.lund@tailspintoys.com']]
    },
    {
      id: 'wideworld', companyName: 'Wide World Importers', domain: 'wideworldimporters.onmicrosoft.com',
      microsoftId: '3a6e8f20-b5d4-4c71-8e09-7d1f2a4b6c93', since: '2022-02-17',
      addressLine: '88 Century Avenue', city: 'Shanghai', postalCode: '200120', country: 'China',
      contactName: 'Wang Fang', contactEmail: 'wang.fang@wideworldimporters.com',
      subscriptions: [['Microsoft 365 Apps for business', 60], ['Microsoft Teams Essentials', 60], ['Azure plan', 1]],
      users: [['Wang Fang', 'wang.fang@wideworldimporters.com'], ['Chen Jie', 'chen.jie@wideworldimporters.com']]
    }
  ];

  function readOverrides() {
    try {
      var raw = window.sessionStorage.getItem(STORE_KEY);
      var parsed = raw ? JSON.parse(raw) : {};
      return parsed && typeof parsed === 'object' ? parsed : {};
    } catch (e) {
      return {};
    }
  }
  var memoryOverrides = readOverrides();

  function getCustomers() {
    return SEED.map(function (seed) {
      var c = {};
      Object.keys(seed).forEach(function (k) {
        c[k] = seed[k];
      });
      var o = memoryOverrides[seed.id];
      if (o && typeof o === 'object') {
        EDITABLE.forEach(function (k) {
          if (typeof o[k] === 'string') c[k] = o[k];
        });
      }
      return c;
    });
  }
  function getCustomer(id) {
    var list = getCustomers();
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }
  function saveCustomer(id, values) {
    var o = {};
    EDITABLE.forEach(function (k) {
      o[k] = values[k];
    });
    memoryOverrides[id] = o;
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(memoryOverrides));
    } catch (e) {
      /* storage unavailable: keep the in-memory copy */
    }
  }

  function formatDate(iso) {
    return function (locale) {
      var parts = iso.split('-').map(Number);
      var d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
      try {
        return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
      } catch (e) {
        return iso;
      }
    };
  }
  function formatNumber(n) {
    return function (locale) {
      try {
        return new Intl.NumberFormat(locale).format(n);
      } catch (e) {
        return String(n);
      }
    };
  }
  /** Host names with line-break opportunities after the dots (for narrow screens). */
  function domainText(domain) {
    var out = [];
    domain.split('.').forEach(function (part, i, all) {
      out.push(part + (i < all.length - 1 ? '.' : ''));
      if (i < all.length - 1) out.push(h('wbr'));
    });
    return out;
  }

  function subscriptionSeats(c) {
    return c.subscriptions.length;
  }

  // ---------------------------------------------------------------------------
  // Routing
  // ---------------------------------------------------------------------------

  function parseRoute(hash) {
    var path = (hash || '').replace(/^#/, '');
    if (path.charAt(0) !== '/') path = '/' + path;
    var parts = path.split('/').filter(Boolean).map(function (p) {
      try {
        return decodeURIComponent(p);
      } catch (e) {
        return p;
      }
    });
    if (parts.length === 0) return { name: 'home' };
    if (parts[0] === 'billing' && parts.length === 1) return { name: 'billing' };
    if (parts[0] === 'support' && parts.length === 1) return { name: 'support' };
    if (parts[0] === 'customers') {
      if (parts.length === 1) return { name: 'customers' };
      var id = parts[1];
      var rest = parts.slice(2).join('/');
      var byRest = {
        '': 'customer',
        account: 'account',
        'account/edit': 'edit',
        subscriptions: 'subscriptions',
        users: 'users',
        'service-management': 'service'
      };
      if (Object.prototype.hasOwnProperty.call(byRest, rest)) return { name: byRest[rest], id: id };
    }
    return { name: 'notFound' };
  }

  function customerHref(id, sub) {
    return '#/customers/' + encodeURIComponent(id) + (sub ? '/' + sub : '');
  }

  function navigate(hash) {
    if (location.hash === hash) render(true);
    else location.hash = hash;
  }

  // ---------------------------------------------------------------------------
  // Header with the "Partner Center" menu (menu button pattern)
  // ---------------------------------------------------------------------------

  var menu = { wrap: null, button: null, list: null };

  var MENU_ITEMS = [
    { key: 'menu.dashboard', href: '#/' },
    { key: 'menu.customers', href: '#/customers', target: 'customers' },
    { key: 'menu.billing', href: '#/billing' },
    { key: 'menu.support', href: '#/support' }
  ];

  function menuItems() {
    return Array.prototype.slice.call(menu.list.querySelectorAll('[role="menuitem"]'));
  }

  function openMenu(focusWhich) {
    state.menuOpen = true;
    menu.list.hidden = false;
    menu.button.setAttribute('aria-expanded', 'true');
    var items = menuItems();
    if (focusWhich === 'last') items[items.length - 1].focus();
    else if (focusWhich !== 'none') items[0].focus();
  }

  function closeMenu(returnFocus) {
    if (!menu.list) return;
    var wasOpen = state.menuOpen;
    state.menuOpen = false;
    menu.list.hidden = true;
    menu.button.setAttribute('aria-expanded', 'false');
    if (wasOpen && returnFocus) menu.button.focus();
  }

  function focusItem(delta, from) {
    var items = menuItems();
    var i = items.indexOf(from);
    var next = (i + delta + items.length) % items.length;
    items[next].focus();
  }

  function onMenuButtonKeydown(e) {
    if (e.key === 'ArrowDown' || e.key === 'Down') {
      e.preventDefault();
      openMenu('first');
    } else if (e.key === 'ArrowUp' || e.key === 'Up') {
      e.preventDefault();
      openMenu('last');
    } else if ((e.key === 'Escape' || e.key === 'Esc') && state.menuOpen) {
      e.preventDefault();
      closeMenu(true);
    }
    // Enter and Space activate the button natively (click event below).
  }

  function onMenuButtonClick() {
    if (state.menuOpen) closeMenu(false);
    else openMenu('first');
  }

  function onMenuKeydown(e) {
    var item = e.target.closest ? e.target.closest('[role="menuitem"]') : null;
    if (!item) return;
    var items = menuItems();
    switch (e.key) {
      case 'ArrowDown':
      case 'Down':
        e.preventDefault();
        focusItem(1, item);
        break;
      case 'ArrowUp':
      case 'Up':
        e.preventDefault();
        focusItem(-1, item);
        break;
      case 'Home':
        e.preventDefault();
        items[0].focus();
        break;
      case 'End':
        e.preventDefault();
        items[items.length - 1].focus();
        break;
      case 'Escape':
      case 'Esc':
        e.preventDefault();
        closeMenu(true);
        break;
      case 'Tab':
        closeMenu(false);
        break;
      case ' ':
      case 'Spacebar':
        e.preventDefault();
        item.click();
        break;
      default:
        // Type-ahead: move to the next item starting with the typed character.
        if (e.key && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          var ch = e.key.toLocaleLowerCase();
          var start = items.indexOf(item);
          for (var n = 1; n <= items.length; n++) {
            var cand = items[(start + n) % items.length];
            if (cand.textContent.trim().toLocaleLowerCase().indexOf(ch) === 0) {
              cand.focus();
              break;
            }
          }
        }
    }
  }

  function onMenuItemClick(e) {
    var href = e.currentTarget.getAttribute('href');
    closeMenu(false);
    if (href === location.hash || (href === '#/' && (location.hash === '' || location.hash === '#'))) {
      // Same screen: no hashchange will fire; just move focus to the heading.
      e.preventDefault();
      focusHeading();
    }
  }

  function buildHeader() {
    var header = document.getElementById('portal-header');
    menu.button = h(
      'button',
      {
        type: 'button',
        id: 'pc-menu-button',
        class: 'pc-menu-button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        'aria-controls': 'pc-menu',
        'data-help-target': 'partner-center',
        onclick: onMenuButtonClick,
        onkeydown: onMenuButtonKeydown
      },
      t('menu.partnerCenter')
    );
    menu.list = h(
      'ul',
      { id: 'pc-menu', class: 'pc-menu', role: 'menu', 'aria-labelledby': 'pc-menu-button', hidden: true, onkeydown: onMenuKeydown },
      MENU_ITEMS.map(function (item) {
        return h(
          'li',
          { role: 'none' },
          h(
            'a',
            {
              role: 'menuitem',
              class: 'pc-menu-item',
              href: item.href,
              tabindex: '-1',
              'data-help-target': item.target || null,
              onclick: onMenuItemClick
            },
            t(item.key)
          )
        );
      })
    );
    menu.wrap = h('div', { class: 'pc-menu-wrap' }, menu.button, menu.list);
    menu.wrap.addEventListener('focusout', function (e) {
      var to = e.relatedTarget;
      if (state.menuOpen && to && !menu.wrap.contains(to) && !inWidget(to)) closeMenu(false);
    });

    var brand = h(
      'a',
      { class: 'brand', href: '#/' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'H'),
      h('span', { class: 'brand-name' }, 'Helpmark'),
      ' ',
      h('span', { class: 'brand-badge' }, t('brand.badge'))
    );

    header.replaceChildren(h('div', { class: 'topbar-inner' }, brand, menu.wrap));
  }

  function buildFooter() {
    var footer = document.getElementById('portal-footer');
    footer.replaceChildren(h('div', { class: 'portal-footer-inner' }, h('p', null, t('footer.text'))));
  }

  // Close the menu on a pointer press outside it (presses in the widget don't count)...
  document.addEventListener('pointerdown', function (e) {
    if (!state.menuOpen) return;
    if (menu.wrap.contains(e.target) || inWidget(e.target)) return;
    closeMenu(false);
  });
  // ...and on Escape anywhere in the portal (not when the widget handles the key).
  document.addEventListener('keydown', function (e) {
    if (!state.menuOpen || (e.key !== 'Escape' && e.key !== 'Esc')) return;
    if (e.defaultPrevented || inWidget(e.target)) return;
    var hadFocus = menu.wrap.contains(document.activeElement);
    closeMenu(hadFocus);
  });

  // ---------------------------------------------------------------------------
  // Screens
  // ---------------------------------------------------------------------------

  function heading(msgOrText) {
    return h('h1', { class: 'page-title', tabindex: '-1' }, msgOrText);
  }

  function card(cls) {
    return h.apply(null, ['section', { class: ['card', cls] }].concat(Array.prototype.slice.call(arguments, 1)));
  }

  function viewHome() {
    function tile(id, titleKey, textKey, linkKey, href) {
      return h(
        'section',
        { class: 'card tile', 'aria-labelledby': 'tile-' + id },
        h('h2', { class: 'tile-title', id: 'tile-' + id }, t(titleKey)),
        h('p', { class: 'tile-text' }, t(textKey)),
        h('a', { class: 'tile-link', href: href }, t(linkKey))
      );
    }
    return [
      h('div', { class: 'page-head' }, heading(t('home.title')), h('p', { class: 'page-intro' }, t('home.intro'))),
      h(
        'div',
        { class: 'tiles' },
        tile('customers', 'menu.customers', 'home.customersText', 'home.customersLink', '#/customers'),
        tile('billing', 'menu.billing', 'home.billingText', 'home.billingLink', '#/billing'),
        tile('support', 'menu.support', 'home.supportText', 'home.supportLink', '#/support')
      )
    ];
  }

  function viewSimple(titleKey, textKey) {
    return [
      h('div', { class: 'page-head' }, heading(t(titleKey))),
      h('section', { class: 'card' }, h('p', { class: 'empty' }, t(textKey)))
    ];
  }

  function viewCustomers() {
    var customers = getCustomers();
    var table = h(
      'table',
      { class: 'data-table', 'data-help-target': 'customer-list' },
      h('caption', { class: 'visually-hidden' }, t('customers.caption')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('col.company')),
          h('th', { scope: 'col' }, t('col.domain')),
          h('th', { scope: 'col', class: 'col-optional' }, t('col.country')),
          h('th', { scope: 'col', class: 'col-optional num' }, t('col.subscriptions'))
        )
      ),
      h(
        'tbody',
        null,
        customers.map(function (c) {
          return h(
            'tr',
            null,
            h('th', { scope: 'row' }, h('a', { href: customerHref(c.id) }, c.companyName)),
            h('td', { class: 'mono-ish' }, domainText(c.domain)),
            h('td', { class: 'col-optional' }, c.country),
            h('td', { class: 'col-optional num' }, localized(formatNumber(subscriptionSeats(c))))
          );
        })
      )
    );
    return [
      h('div', { class: 'page-head' }, heading(t('menu.customers')), h('p', { class: 'page-intro' }, t('customers.intro'))),
      h('div', { class: 'card card-flush' }, h('div', { class: 'table-scroll' }, table))
    ];
  }

  var CUSTOMER_MENU = [
    { key: 'customer.account', sub: 'account', routes: ['account', 'edit'], target: 'account' },
    { key: 'customer.subscriptions', sub: 'subscriptions', routes: ['subscriptions'] },
    { key: 'customer.users', sub: 'users', routes: ['users'] },
    { key: 'customer.service', sub: 'service-management', routes: ['service'] }
  ];

  /** Frame shared by all customer screens: breadcrumb, heading, customer menu, content. */
  function customerFrame(route, c, titleMsgOrText, kicker, content) {
    var nav = h(
      'nav',
      { class: 'customer-menu', 'aria-label': t('a11y.customerMenu') },
      h(
        'ul',
        null,
        CUSTOMER_MENU.map(function (item) {
          var current = item.routes.indexOf(route.name) !== -1;
          return h(
            'li',
            null,
            h(
              'a',
              {
                href: customerHref(c.id, item.sub),
                class: ['customer-menu-link', current && 'is-current'],
                'aria-current': current ? 'page' : null,
                'data-help-target': item.target || null
              },
              t(item.key)
            )
          );
        })
      )
    );
    var crumbs = [h('li', null, h('a', { href: '#/customers' }, t('menu.customers')))];
    if (route.name === 'customer') {
      crumbs.push(h('li', null, h('span', { 'aria-current': 'page' }, c.companyName)));
    } else {
      crumbs.push(h('li', null, h('a', { href: customerHref(c.id) }, c.companyName)));
    }
    return [
      h('nav', { class: 'breadcrumb', 'aria-label': t('a11y.breadcrumb') }, h('ol', null, crumbs)),
      h('div', { class: 'page-head' }, kicker ? h('p', { class: 'page-kicker' }, kicker) : null, heading(titleMsgOrText)),
      h('div', { class: 'customer-layout' }, nav, h('div', { class: 'customer-content' }, content))
    ];
  }

  function detailList(rows) {
    return h(
      'dl',
      { class: 'details' },
      rows.map(function (r) {
        return h('div', { class: 'details-row' }, h('dt', null, t(r[0])), h('dd', { class: r[2] || null }, r[1]));
      })
    );
  }

  function addressLines(c) {
    return [c.addressLine, h('br'), (c.postalCode + ' ' + c.city).trim(), h('br'), c.country];
  }

  function viewCustomer(route, c) {
    return customerFrame(route, c, c.companyName, c.domain, [
      card(
        null,
        h('h2', { class: 'card-title' }, t('customer.overview')),
        h('p', { class: 'muted' }, t('customer.overviewIntro')),
        detailList([
          ['col.domain', domainText(c.domain)],
          ['field.microsoftId', c.microsoftId, 'mono-ish'],
          ['field.customerSince', localized(formatDate(c.since))],
          ['col.subscriptions', localized(formatNumber(subscriptionSeats(c)))],
          ['field.address', addressLines(c)]
        ])
      )
    ]);
  }

  function viewAccount(route, c) {
    var notice = null;
    if (state.flash && state.flash.kind === 'saved' && state.flash.customerId === c.id) {
      state.flash = null;
      notice = savedNotice();
    }
    var update = h(
      'button',
      {
        type: 'button',
        class: 'button button-primary',
        'data-help-target': 'update',
        onclick: function () {
          navigate(customerHref(c.id, 'account/edit'));
        }
      },
      t('account.update')
    );
    return customerFrame(route, c, t('customer.account'), c.companyName, [
      notice,
      card(
        null,
        h('h2', { class: 'card-title' }, t('account.companyDetails')),
        detailList([
          ['field.companyName', c.companyName],
          ['field.address', addressLines(c)]
        ]),
        h('h2', { class: 'card-title' }, t('account.billingContact')),
        detailList([
          ['field.name', c.contactName],
          ['field.email', c.contactEmail]
        ]),
        h('div', { class: 'actions' }, update)
      )
    ]);
  }

  function savedNotice() {
    // The status region is in the DOM first and filled a moment later, so that
    // screen readers announce it.
    var text = h('span', { class: 'notice-text' });
    var notice = h(
      'div',
      { class: 'notice notice-success', 'data-portal-notice': 'saved' },
      h('span', { class: 'notice-icon', 'aria-hidden': 'true' }),
      h('div', { role: 'status', class: 'notice-status' }, text),
      h(
        'button',
        {
          type: 'button',
          class: 'notice-dismiss',
          'aria-label': t('notice.dismiss'),
          onclick: function () {
            notice.remove();
            focusHeading();
          }
        },
        h('span', { 'aria-hidden': 'true' }, '×')
      )
    );
    window.setTimeout(function () {
      if (text.isConnected) text.appendChild(bindText(t('notice.saved')));
    }, 60);
    return notice;
  }

  var FORM_FIELDS = [
    { name: 'companyName', label: 'field.companyName', autocomplete: 'organization', group: 'company' },
    { name: 'addressLine', label: 'field.addressLine', autocomplete: 'address-line1', group: 'company' },
    { name: 'city', label: 'field.city', autocomplete: 'address-level2', group: 'company', half: true },
    { name: 'postalCode', label: 'field.postalCode', autocomplete: 'postal-code', group: 'company', half: true },
    { name: 'country', label: 'field.country', autocomplete: 'country-name', group: 'company' },
    { name: 'contactName', label: 'field.billingName', autocomplete: 'name', group: 'contact' },
    { name: 'contactEmail', label: 'field.billingEmail', autocomplete: 'email', group: 'contact', type: 'email' }
  ];

  var EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

  function validateField(name, value) {
    value = value.trim();
    if (!value) return 'err.required';
    if (name === 'contactEmail' && !EMAIL_RE.test(value)) return 'err.email';
    return null;
  }

  function viewEdit(route, c) {
    state.errors = {};
    var inputs = {};
    var errorEls = {};
    var summary = h('div', { class: 'error-summary', role: 'alert', hidden: true });

    function setError(f, key) {
      var input = inputs[f.name];
      var err = errorEls[f.name];
      if (key) {
        state.errors[f.name] = key;
        input.setAttribute('aria-invalid', 'true');
        err.replaceChildren(bindText(t(key)));
        err.hidden = false;
      } else {
        delete state.errors[f.name];
        input.removeAttribute('aria-invalid');
        err.replaceChildren();
        err.hidden = true;
      }
    }

    function fieldEl(f) {
      var id = 'f-' + f.name;
      var errId = id + '-error';
      var input = h('input', {
        id: id,
        name: f.name,
        type: f.type || 'text',
        class: 'input',
        autocomplete: f.autocomplete,
        required: true,
        'aria-required': 'true',
        'aria-describedby': errId,
        spellcheck: f.type === 'email' ? 'false' : null,
        value: c[f.name]
      });
      input.addEventListener('input', function () {
        // Once a field was flagged, clear the message as soon as it is fixed.
        if (state.errors[f.name] && !validateField(f.name, input.value)) setError(f, null);
      });
      inputs[f.name] = input;
      errorEls[f.name] = h('p', { id: errId, class: 'field-error', hidden: true });
      return h(
        'div',
        { class: ['field', f.half && 'field-half'] },
        h('label', { for: id, class: 'label' }, t(f.label), h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *')),
        input,
        errorEls[f.name]
      );
    }

    function group(legendKey, groupName) {
      return h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { class: 'legend' }, t(legendKey)),
        h(
          'div',
          { class: 'field-grid' },
          FORM_FIELDS.filter(function (f) {
            return f.group === groupName;
          }).map(fieldEl)
        )
      );
    }

    function onSubmit(e) {
      e.preventDefault();
      var firstInvalid = null;
      var bad = [];
      FORM_FIELDS.forEach(function (f) {
        var key = validateField(f.name, inputs[f.name].value);
        setError(f, key);
        if (key) {
          bad.push(f);
          if (!firstInvalid) firstInvalid = inputs[f.name];
        }
      });
      if (firstInvalid) {
        summary.replaceChildren(
          h('p', { class: 'error-summary-title' }, t('err.summary')),
          h(
            'ul',
            null,
            bad.map(function (f) {
              return h(
                'li',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button',
                    onclick: function () {
                      inputs[f.name].focus();
                    }
                  },
                  t(f.label)
                )
              );
            })
          )
        );
        summary.hidden = false;
        firstInvalid.focus();
        return;
      }
      summary.hidden = true;
      var values = {};
      FORM_FIELDS.forEach(function (f) {
        values[f.name] = inputs[f.name].value.trim();
      });
      saveCustomer(c.id, values);
      state.flash = { kind: 'saved', customerId: c.id };
      navigate(customerHref(c.id, 'account'));
    }

    var form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'edit-title', onsubmit: onSubmit },
      summary,
      h('p', { class: 'muted' }, t('edit.allRequired')),
      group('account.companyDetails', 'company'),
      group('account.billingContact', 'contact'),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button button-primary', 'data-help-target': 'submit' }, t('edit.submit')),
        h('a', { class: 'button button-secondary', href: customerHref(c.id, 'account') }, t('edit.cancel'))
      )
    );
    var frame = customerFrame(route, c, t('edit.title'), c.companyName, [card(null, form)]);
    frame[1].querySelector('h1').id = 'edit-title';
    return frame;
  }

  function viewSubscriptions(route, c) {
    var table = h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, t('customer.subscriptions')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('subs.product')),
          h('th', { scope: 'col', class: 'num' }, t('subs.quantity')),
          h('th', { scope: 'col' }, t('subs.status'))
        )
      ),
      h(
        'tbody',
        null,
        c.subscriptions.map(function (s) {
          return h(
            'tr',
            null,
            h('th', { scope: 'row' }, s[0]),
            h('td', { class: 'num' }, localized(formatNumber(s[1]))),
            h('td', null, h('span', { class: 'pill pill-success' }, t('subs.active')))
          );
        })
      )
    );
    return customerFrame(route, c, t('customer.subscriptions'), c.companyName, [
      h('div', { class: 'card card-flush' }, h('div', { class: 'table-scroll' }, table))
    ]);
  }

  function viewUsers(route, c) {
    var table = h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, t('customer.users')),
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, t('users.displayName')), h('th', { scope: 'col' }, t('users.username')))
      ),
      h(
        'tbody',
        null,
        c.users.map(function (u) {
          return h('tr', null, h('th', { scope: 'row' }, u[0]), h('td', null, u[1]));
        })
      )
    );
    return customerFrame(route, c, t('customer.users'), c.companyName, [
      h('div', { class: 'card card-flush' }, h('div', { class: 'table-scroll' }, table))
    ]);
  }

  function viewService(route, c) {
    return customerFrame(route, c, t('customer.service'), c.companyName, [
      card(null, h('p', { class: 'empty' }, t('service.empty')))
    ]);
  }

  function viewCustomerNotFound() {
    return [
      h('div', { class: 'page-head' }, heading(t('customerNotFound.title'))),
      card(
        null,
        h('p', null, t('customerNotFound.text')),
        h('p', null, h('a', { href: '#/customers' }, t('customerNotFound.back')))
      )
    ];
  }

  function viewNotFound() {
    return [
      h('div', { class: 'page-head' }, heading(t('notFound.title'))),
      card(null, h('p', null, t('notFound.text')), h('p', null, h('a', { href: '#/' }, t('notFound.home'))))
    ];
  }

  var CUSTOMER_VIEWS = {
    customer: viewCustomer,
    account: viewAccount,
    edit: viewEdit,
    subscriptions: viewSubscriptions,
    users: viewUsers,
    service: viewService
  };

  function buildView(route) {
    if (route.name === 'home') return viewHome();
    if (route.name === 'customers') return viewCustomers();
    if (route.name === 'billing') return viewSimple('menu.billing', 'billing.empty');
    if (route.name === 'support') return viewSimple('menu.support', 'support.empty');
    if (CUSTOMER_VIEWS[route.name]) {
      var c = getCustomer(route.id);
      if (!c) {
        route.name = 'customerNotFound';
        return viewCustomerNotFound();
      }
      return CUSTOMER_VIEWS[route.name](route, c);
    }
    return viewNotFound();
  }

  // ---------------------------------------------------------------------------
  // Rendering and locale application
  // ---------------------------------------------------------------------------

  function focusHeading() {
    var h1 = document.querySelector('#portal-main h1');
    if (h1) h1.focus({ preventScroll: true });
  }

  /** Re-renders only the contents of <main>. */
  function render(moveFocus) {
    var main = document.getElementById('portal-main');
    if (!main) return;
    var route = parseRoute(location.hash);
    closeMenu(false);
    main.replaceChildren.apply(main, buildView(route));
    main.dataset.route = route.name;
    refreshBindings();
    if (moveFocus) {
      window.scrollTo(0, 0);
      // Don't steal focus from the widget if it triggered the navigation.
      if (!inWidget(document.activeElement)) focusHeading();
    }
    document.dispatchEvent(
      new CustomEvent('portal:rendered', { detail: { route: route.name, customerId: route.id || null, locale: state.locale } })
    );
  }

  function applyLocale(tag, dir) {
    state.locale = resolveLocale(tag);
    state.dir = dir === 'rtl' ? 'rtl' : 'ltr';
    state.fromWidget = true;
    var root = document.documentElement;
    root.lang = state.locale;
    root.dir = state.dir;
    if (state.rendered) finishLocale();
  }

  function finishLocale() {
    refreshBindings();
    document.title = format(t('page.title'), state.locale);
    var skip = document.getElementById('portal-skip-link');
    if (skip) skip.textContent = format(t('a11y.skip'), state.locale);
    if (state.fromWidget && document.body) document.body.dataset.portalLocale = state.locale;
  }

  function onLocaleEvent(e) {
    var d = (e && e.detail) || {};
    applyLocale(d.locale, d.dir);
  }

  // Registered at script load, before the widget's WebAssembly runs.
  document.addEventListener('helpmark:ready', onLocaleEvent);
  document.addEventListener('helpmark:locale', onLocaleEvent);

  function init() {
    if (state.rendered || !document.getElementById('portal-main')) return;
    buildHeader();
    buildFooter();
    var skip = document.getElementById('portal-skip-link');
    if (skip) {
      skip.addEventListener('click', function (e) {
        // The hash is the router's; move focus without changing it.
        e.preventDefault();
        document.getElementById('portal-main').focus();
      });
    }
    render(false);
    state.rendered = true;
    finishLocale();
    window.addEventListener('hashchange', function () {
      render(true);
    });
  }

  // Render as soon as the document is parsed: 'interactive' comes before deferred and
  // module scripts (Trunk's WebAssembly loader) run, so the screen exists before the widget.
  if (document.readyState === 'loading') {
    document.addEventListener('readystatechange', function () {
      if (document.readyState !== 'loading') init();
    });
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

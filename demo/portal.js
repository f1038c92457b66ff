/*
 * Helpmark demo host page: a fictional, framework-free mock of a partner
 * portal's customer area. It is the page the Helpmark widget is embedded in.
 *
 * - Hash routes (#/, #/customers, #/customers/<id>, .../account, .../account/edit, ...,
 *   and the "Add customer" wizard #/customers/new/{account-info,subscriptions,review,done}).
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
      'footer.text': 'Fictional demo portal, not affiliated with Microsoft.',
      'customers.search': 'Search by company name or domain',
      'customers.results': 'Customers shown: {count} of {total}',
      'customers.add': 'Add customer',
      'col.details': 'Details',
      'customers.expand': 'Details for {name}',
      'customers.quickLinks': 'Quick links',
      'new.progress': 'Steps to add a customer',
      'new.accountInfo': 'Account info',
      'new.review': 'Review',
      'new.domain': 'Domain name',
      'new.domainHint': 'For example contoso.onmicrosoft.com',
      'new.primaryContact': 'Primary contact',
      'new.verification': 'Customer verification',
      'new.verificationIntro': 'To avoid delays in verification, confirm that:',
      'new.checkLegalName': 'The company name is the exact legal name in the official documents',
      'new.checkAcronyms': 'The name has no acronyms or short forms',
      'new.checkTestNames': 'No test names are used',
      'new.checkAddress': 'The address is complete and exact (street, city, state, country, postal code)',
      'new.reseller': 'Indirect reseller',
      'new.resellerHint': 'For indirect providers: the reseller to associate with this customer’s subscriptions.',
      'new.resellerNone': 'None (direct sale)',
      'new.agreement': 'Microsoft Customer Agreement',
      'new.agreementAccepted': 'The customer has accepted and signed the latest Microsoft Customer Agreement',
      'new.consentTitle': 'How to confirm consent',
      'new.consentText': 'Ask the person who signs for the customer to accept the agreement, then record the acceptance here.',
      'new.accepted': 'Accepted',
      'new.nextSubscriptions': 'Next: Subscriptions',
      'new.subsIntro': 'Select the offers the customer wants to buy and enter the number of licenses.',
      'new.offers': 'Offers',
      'new.licenses': 'Licenses',
      'new.nextReview': 'Next: Review',
      'new.back': 'Back',
      'new.reviewIntro': 'Check your entries, then select Submit if the information is correct.',
      'new.doneTitle': 'Customer added',
      'new.doneText': '{name} is now in your customer list.',
      'new.done': 'Done',
      'err.domain': 'Enter a domain name such as contoso.onmicrosoft.com.',
      'err.agreement': 'The customer must accept the Microsoft Customer Agreement.',
      'err.offer': 'Select at least one offer.',
      'err.licenses': 'Enter a whole number of licenses, 1 or more.',
      'perm.title': 'Customer permissions',
      'perm.azure': 'Azure reservations',
      'perm.intro': 'Customers can buy Azure reservations themselves when they have an Azure plan subscription you purchased for them and the Owner role for it.',
      'perm.subscription': 'Azure subscription',
      'perm.subscriptionId': 'Subscription ID',
      'perm.noAzure': 'This customer has no Azure plan subscription.',
      'perm.role': 'Customer’s role for this subscription',
      'role.owner': 'Owner',
      'role.contributor': 'Contributor',
      'role.reader': 'Reader',
      'perm.allow': 'Allow customer to purchase',
      'perm.on': 'On',
      'perm.off': 'Off',
      'perm.needsOwner': 'Requires the Owner role for the subscription.',
      'new.requiredNote': 'Fields marked * are required.'
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
      'footer.text': 'Fiktives Demoportal, nicht mit Microsoft verbunden.',
      'customers.search': 'Nach Firmenname oder Domäne suchen',
      'customers.results': 'Angezeigte Kunden: {count} von {total}',
      'customers.add': 'Kunden hinzufügen',
      'col.details': 'Details',
      'customers.expand': 'Details zu {name}',
      'customers.quickLinks': 'Schnelllinks',
      'new.progress': 'Schritte zum Hinzufügen eines Kunden',
      'new.accountInfo': 'Kontoinformationen',
      'new.review': 'Überprüfen',
      'new.domain': 'Domänenname',
      'new.domainHint': 'Zum Beispiel contoso.onmicrosoft.com',
      'new.primaryContact': 'Hauptansprechpartner',
      'new.verification': 'Kundenüberprüfung',
      'new.verificationIntro': 'Bestätigen Sie, um Verzögerungen bei der Überprüfung zu vermeiden:',
      'new.checkLegalName': 'Der Firmenname ist der genaue rechtliche Name aus den offiziellen Dokumenten',
      'new.checkAcronyms': 'Der Name enthält keine Akronyme oder Kurzformen',
      'new.checkTestNames': 'Es werden keine Testnamen verwendet',
      'new.checkAddress': 'Die Adresse ist vollständig und genau (Straße, Ort, Bundesland, Land, Postleitzahl)',
      'new.reseller': 'Indirekter Wiederverkäufer',
      'new.resellerHint': 'Für indirekte Anbieter: der Wiederverkäufer, der den Abonnements dieses Kunden zugeordnet wird.',
      'new.resellerNone': 'Keiner (Direktverkauf)',
      'new.agreement': 'Microsoft-Kundenvereinbarung',
      'new.agreementAccepted': 'Der Kunde hat die aktuelle Microsoft-Kundenvereinbarung akzeptiert und unterzeichnet',
      'new.consentTitle': 'So bestätigen Sie die Zustimmung',
      'new.consentText': 'Bitten Sie die für den Kunden zeichnungsberechtigte Person, die Vereinbarung zu akzeptieren, und erfassen Sie die Zustimmung hier.',
      'new.accepted': 'Akzeptiert',
      'new.nextSubscriptions': 'Weiter: Abonnements',
      'new.subsIntro': 'Wählen Sie die Angebote aus, die der Kunde kaufen möchte, und geben Sie die Anzahl der Lizenzen ein.',
      'new.offers': 'Angebote',
      'new.licenses': 'Lizenzen',
      'new.nextReview': 'Weiter: Überprüfen',
      'new.back': 'Zurück',
      'new.reviewIntro': 'Prüfen Sie Ihre Angaben und wählen Sie dann „Absenden“, wenn sie korrekt sind.',
      'new.doneTitle': 'Kunde hinzugefügt',
      'new.doneText': '{name} ist jetzt in Ihrer Kundenliste.',
      'new.done': 'Fertig',
      'err.domain': 'Geben Sie einen Domänennamen wie contoso.onmicrosoft.com ein.',
      'err.agreement': 'Der Kunde muss die Microsoft-Kundenvereinbarung akzeptieren.',
      'err.offer': 'Wählen Sie mindestens ein Angebot aus.',
      'err.licenses': 'Geben Sie eine ganze Zahl von Lizenzen ein, mindestens 1.',
      'perm.title': 'Kundenberechtigungen',
      'perm.azure': 'Azure-Reservierungen',
      'perm.intro': 'Kunden können Azure-Reservierungen selbst kaufen, wenn sie ein von Ihnen für sie erworbenes Azure-Plan-Abonnement und dafür die Rolle „Besitzer“ haben.',
      'perm.subscription': 'Azure-Abonnement',
      'perm.subscriptionId': 'Abonnement-ID',
      'perm.noAzure': 'Dieser Kunde hat kein Azure-Plan-Abonnement.',
      'perm.role': 'Rolle des Kunden für dieses Abonnement',
      'role.owner': 'Besitzer',
      'role.contributor': 'Mitwirkender',
      'role.reader': 'Leser',
      'perm.allow': 'Kauf durch Kunden zulassen',
      'perm.on': 'Ein',
      'perm.off': 'Aus',
      'perm.needsOwner': 'Erfordert die Rolle „Besitzer“ für das Abonnement.',
      'new.requiredNote': 'Mit * markierte Felder sind Pflichtfelder.'
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
      'footer.text': 'Portal de demostración ficticio, sin relación con Microsoft.',
      'customers.search': 'Buscar por nombre de la empresa o dominio',
      'customers.results': 'Clientes mostrados: {count} de {total}',
      'customers.add': 'Agregar cliente',
      'col.details': 'Detalles',
      'customers.expand': 'Detalles de {name}',
      'customers.quickLinks': 'Vínculos rápidos',
      'new.progress': 'Pasos para agregar un cliente',
      'new.accountInfo': 'Información de la cuenta',
      'new.review': 'Revisar',
      'new.domain': 'Nombre de dominio',
      'new.domainHint': 'Por ejemplo, contoso.onmicrosoft.com',
      'new.primaryContact': 'Contacto principal',
      'new.verification': 'Verificación del cliente',
      'new.verificationIntro': 'Para evitar retrasos en la verificación, confirme que:',
      'new.checkLegalName': 'El nombre de la empresa es el nombre legal exacto de los documentos oficiales',
      'new.checkAcronyms': 'El nombre no tiene acrónimos ni formas abreviadas',
      'new.checkTestNames': 'No se usan nombres de prueba',
      'new.checkAddress': 'La dirección es completa y exacta (calle, ciudad, estado, país, código postal)',
      'new.reseller': 'Revendedor indirecto',
      'new.resellerHint': 'Para proveedores indirectos: el revendedor que se asociará a las suscripciones de este cliente.',
      'new.resellerNone': 'Ninguno (venta directa)',
      'new.agreement': 'Contrato de cliente de Microsoft',
      'new.agreementAccepted': 'El cliente ha aceptado y firmado el Contrato de cliente de Microsoft más reciente',
      'new.consentTitle': 'Cómo confirmar el consentimiento',
      'new.consentText': 'Pida a la persona que firma en nombre del cliente que acepte el contrato y registre aquí la aceptación.',
      'new.accepted': 'Aceptado',
      'new.nextSubscriptions': 'Siguiente: Suscripciones',
      'new.subsIntro': 'Seleccione las ofertas que el cliente quiere comprar y escriba el número de licencias.',
      'new.offers': 'Ofertas',
      'new.licenses': 'Licencias',
      'new.nextReview': 'Siguiente: Revisar',
      'new.back': 'Atrás',
      'new.reviewIntro': 'Compruebe los datos y seleccione Enviar si la información es correcta.',
      'new.doneTitle': 'Cliente agregado',
      'new.doneText': '{name} ya está en su lista de clientes.',
      'new.done': 'Listo',
      'err.domain': 'Escriba un nombre de dominio como contoso.onmicrosoft.com.',
      'err.agreement': 'El cliente debe aceptar el Contrato de cliente de Microsoft.',
      'err.offer': 'Seleccione al menos una oferta.',
      'err.licenses': 'Escriba un número entero de licencias, 1 o más.',
      'perm.title': 'Permisos del cliente',
      'perm.azure': 'Reservas de Azure',
      'perm.intro': 'Los clientes pueden comprar reservas de Azure por sí mismos cuando tienen una suscripción al plan de Azure que usted les compró y el rol de propietario en ella.',
      'perm.subscription': 'Suscripción de Azure',
      'perm.subscriptionId': 'Id. de suscripción',
      'perm.noAzure': 'Este cliente no tiene ninguna suscripción al plan de Azure.',
      'perm.role': 'Rol del cliente en esta suscripción',
      'role.owner': 'Propietario',
      'role.contributor': 'Colaborador',
      'role.reader': 'Lector',
      'perm.allow': 'Permitir que el cliente compre',
      'perm.on': 'Activado',
      'perm.off': 'Desactivado',
      'perm.needsOwner': 'Requiere el rol de propietario en la suscripción.',
      'new.requiredNote': 'Los campos marcados con * son obligatorios.'
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
      'footer.text': 'Вымышленный демонстрационный портал, не связанный с Microsoft.',
      'customers.search': 'Поиск по названию компании или домену',
      'customers.results': 'Показано клиентов: {count} из {total}',
      'customers.add': 'Добавить клиента',
      'col.details': 'Сведения',
      'customers.expand': 'Сведения о клиенте {name}',
      'customers.quickLinks': 'Быстрые ссылки',
      'new.progress': 'Этапы добавления клиента',
      'new.accountInfo': 'Сведения об учетной записи',
      'new.review': 'Проверка',
      'new.domain': 'Доменное имя',
      'new.domainHint': 'Например, contoso.onmicrosoft.com',
      'new.primaryContact': 'Основной контакт',
      'new.verification': 'Проверка клиента',
      'new.verificationIntro': 'Чтобы избежать задержек при проверке, подтвердите следующее:',
      'new.checkLegalName': 'Название компании — точное юридическое название из официальных документов',
      'new.checkAcronyms': 'Название не содержит аббревиатур и сокращений',
      'new.checkTestNames': 'Тестовые названия не используются',
      'new.checkAddress': 'Адрес полный и точный (улица, город, область, страна, почтовый индекс)',
      'new.reseller': 'Непрямой торговый посредник',
      'new.resellerHint': 'Для непрямых поставщиков: торговый посредник, связываемый с подписками этого клиента.',
      'new.resellerNone': 'Нет (прямая продажа)',
      'new.agreement': 'Клиентское соглашение Майкрософт',
      'new.agreementAccepted': 'Клиент принял и подписал последнюю версию клиентского соглашения Майкрософт',
      'new.consentTitle': 'Как подтвердить согласие',
      'new.consentText': 'Попросите лицо, подписывающее документы от имени клиента, принять соглашение, и зафиксируйте принятие здесь.',
      'new.accepted': 'Принято',
      'new.nextSubscriptions': 'Далее: подписки',
      'new.subsIntro': 'Выберите предложения, которые клиент хочет купить, и введите количество лицензий.',
      'new.offers': 'Предложения',
      'new.licenses': 'Лицензии',
      'new.nextReview': 'Далее: проверка',
      'new.back': 'Назад',
      'new.reviewIntro': 'Проверьте введенные данные и выберите «Отправить», если все верно.',
      'new.doneTitle': 'Клиент добавлен',
      'new.doneText': '{name} теперь в вашем списке клиентов.',
      'new.done': 'Готово',
      'err.domain': 'Введите доменное имя, например contoso.onmicrosoft.com.',
      'err.agreement': 'Клиент должен принять клиентское соглашение Майкрософт.',
      'err.offer': 'Выберите хотя бы одно предложение.',
      'err.licenses': 'Введите целое число лицензий, не меньше 1.',
      'perm.title': 'Разрешения клиента',
      'perm.azure': 'Резервирования Azure',
      'perm.intro': 'Клиенты могут сами покупать резервирования Azure, если у них есть купленная вами подписка на план Azure и роль владельца для нее.',
      'perm.subscription': 'Подписка Azure',
      'perm.subscriptionId': 'Идентификатор подписки',
      'perm.noAzure': 'У этого клиента нет подписки на план Azure.',
      'perm.role': 'Роль клиента для этой подписки',
      'role.owner': 'Владелец',
      'role.contributor': 'Участник',
      'role.reader': 'Читатель',
      'perm.allow': 'Разрешить клиенту покупать',
      'perm.on': 'Вкл.',
      'perm.off': 'Выкл.',
      'perm.needsOwner': 'Требуется роль владельца для подписки.',
      'new.requiredNote': 'Поля, отмеченные *, обязательны для заполнения.'
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
      'footer.text': 'Fiktiv demoportal, inte kopplad till Microsoft.',
      'customers.search': 'Sök efter företagsnamn eller domän',
      'customers.results': 'Visade kunder: {count} av {total}',
      'customers.add': 'Lägg till kund',
      'col.details': 'Detaljer',
      'customers.expand': 'Detaljer för {name}',
      'customers.quickLinks': 'Snabblänkar',
      'new.progress': 'Steg för att lägga till en kund',
      'new.accountInfo': 'Kontoinformation',
      'new.review': 'Granska',
      'new.domain': 'Domännamn',
      'new.domainHint': 'Till exempel contoso.onmicrosoft.com',
      'new.primaryContact': 'Primär kontakt',
      'new.verification': 'Kundverifiering',
      'new.verificationIntro': 'Bekräfta följande för att undvika förseningar i verifieringen:',
      'new.checkLegalName': 'Företagsnamnet är det exakta juridiska namnet i de officiella dokumenten',
      'new.checkAcronyms': 'Namnet innehåller inga akronymer eller kortformer',
      'new.checkTestNames': 'Inga testnamn används',
      'new.checkAddress': 'Adressen är fullständig och exakt (gata, ort, delstat, land, postnummer)',
      'new.reseller': 'Indirekt återförsäljare',
      'new.resellerHint': 'För indirekta leverantörer: återförsäljaren som ska kopplas till kundens prenumerationer.',
      'new.resellerNone': 'Ingen (direktförsäljning)',
      'new.agreement': 'Microsoft-kundavtal',
      'new.agreementAccepted': 'Kunden har godkänt och signerat det senaste Microsoft-kundavtalet',
      'new.consentTitle': 'Så bekräftar du medgivandet',
      'new.consentText': 'Be personen som skriver under för kunden att godkänna avtalet och registrera sedan godkännandet här.',
      'new.accepted': 'Godkänt',
      'new.nextSubscriptions': 'Nästa: Prenumerationer',
      'new.subsIntro': 'Välj de erbjudanden som kunden vill köpa och ange antalet licenser.',
      'new.offers': 'Erbjudanden',
      'new.licenses': 'Licenser',
      'new.nextReview': 'Nästa: Granska',
      'new.back': 'Tillbaka',
      'new.reviewIntro': 'Kontrollera uppgifterna och välj Skicka om informationen stämmer.',
      'new.doneTitle': 'Kunden har lagts till',
      'new.doneText': '{name} finns nu i din kundlista.',
      'new.done': 'Klar',
      'err.domain': 'Ange ett domännamn som contoso.onmicrosoft.com.',
      'err.agreement': 'Kunden måste godkänna Microsoft-kundavtalet.',
      'err.offer': 'Välj minst ett erbjudande.',
      'err.licenses': 'Ange ett heltal licenser, 1 eller fler.',
      'perm.title': 'Kundbehörigheter',
      'perm.azure': 'Azure-reservationer',
      'perm.intro': 'Kunder kan själva köpa Azure-reservationer när de har en Azure-planprenumeration som du har köpt åt dem och rollen Ägare för den.',
      'perm.subscription': 'Azure-prenumeration',
      'perm.subscriptionId': 'Prenumerations-ID',
      'perm.noAzure': 'Kunden har ingen Azure-planprenumeration.',
      'perm.role': 'Kundens roll för prenumerationen',
      'role.owner': 'Ägare',
      'role.contributor': 'Deltagare',
      'role.reader': 'Läsare',
      'perm.allow': 'Tillåt kunden att köpa',
      'perm.on': 'På',
      'perm.off': 'Av',
      'perm.needsOwner': 'Kräver rollen Ägare för prenumerationen.',
      'new.requiredNote': 'Fält markerade med * är obligatoriska.'
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
      'footer.text': '虚构的演示门户，与 Microsoft 无关。',
      'customers.search': '按公司名称或域搜索',
      'customers.results': '显示的客户：{count}/{total}',
      'customers.add': '添加客户',
      'col.details': '详细信息',
      'customers.expand': '{name} 的详细信息',
      'customers.quickLinks': '快速链接',
      'new.progress': '添加客户的步骤',
      'new.accountInfo': '帐户信息',
      'new.review': '查看',
      'new.domain': '域名',
      'new.domainHint': '例如 contoso.onmicrosoft.com',
      'new.primaryContact': '主要联系人',
      'new.verification': '客户验证',
      'new.verificationIntro': '为避免验证延迟，请确认：',
      'new.checkLegalName': '公司名称是官方文件中的确切法定名称',
      'new.checkAcronyms': '名称中没有首字母缩略词或简称',
      'new.checkTestNames': '未使用测试名称',
      'new.checkAddress': '地址完整且准确（街道、城市、州/省、国家/地区、邮政编码）',
      'new.reseller': '间接经销商',
      'new.resellerHint': '适用于间接提供商：要与此客户的订阅关联的经销商。',
      'new.resellerNone': '无（直接销售）',
      'new.agreement': 'Microsoft 客户协议',
      'new.agreementAccepted': '客户已接受并签署最新的 Microsoft 客户协议',
      'new.consentTitle': '如何确认同意',
      'new.consentText': '请客户的签署人接受协议，然后在此记录接受情况。',
      'new.accepted': '已接受',
      'new.nextSubscriptions': '下一步：订阅',
      'new.subsIntro': '选择客户要购买的产品/服务，并输入许可证数量。',
      'new.offers': '产品/服务',
      'new.licenses': '许可证',
      'new.nextReview': '下一步：查看',
      'new.back': '上一步',
      'new.reviewIntro': '检查你输入的信息，如果正确，请选择“提交”。',
      'new.doneTitle': '已添加客户',
      'new.doneText': '{name} 已在你的客户列表中。',
      'new.done': '完成',
      'err.domain': '请输入域名，例如 contoso.onmicrosoft.com。',
      'err.agreement': '客户必须接受 Microsoft 客户协议。',
      'err.offer': '请至少选择一个产品/服务。',
      'err.licenses': '请输入许可证的整数数量，至少为 1。',
      'perm.title': '客户权限',
      'perm.azure': 'Azure 预留',
      'perm.intro': '如果客户拥有你为其购买的 Azure 计划订阅以及该订阅的所有者角色，则可以自行购买 Azure 预留。',
      'perm.subscription': 'Azure 订阅',
      'perm.subscriptionId': '订阅 ID',
      'perm.noAzure': '此客户没有 Azure 计划订阅。',
      'perm.role': '客户对此订阅的角色',
      'role.owner': '所有者',
      'role.contributor': '参与者',
      'role.reader': '读者',
      'perm.allow': '允许客户购买',
      'perm.on': '开',
      'perm.off': '关',
      'perm.needsOwner': '需要该订阅的所有者角色。',
      'new.requiredNote': '标有 * 的字段为必填字段。'
    }
  };

  var state = {
    locale: DEFAULT_LOCALE,
    dir: 'ltr',
    fromWidget: false, // true once a helpmark:* locale event has been applied
    rendered: false,
    menuOpen: false,
    flash: null, // { kind: 'saved', customerId }
    draft: null, // the "Add customer" wizard's entries until Submit
    added: null, // id of the customer the wizard just added
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

  // Customers added with the wizard, and customer permissions, are kept the same way.
  var ADDED_KEY = 'helpmark-portal:added-customers:v1';
  var PERMISSIONS_KEY = 'helpmark-portal:permissions:v1';

  function readStored(key, fallback) {
    try {
      var raw = window.sessionStorage.getItem(key);
      var parsed = raw ? JSON.parse(raw) : fallback;
      return parsed && typeof parsed === 'object' ? parsed : fallback;
    } catch (e) {
      return fallback;
    }
  }
  function writeStored(key, value) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* storage unavailable: keep the in-memory copy */
    }
  }
  function readOverrides() {
    return readStored(STORE_KEY, {});
  }
  var memoryOverrides = readOverrides();
  var memoryAdded = readStored(ADDED_KEY, []).filter(function (c) {
    return c && typeof c.id === 'string' && Array.isArray(c.subscriptions) && Array.isArray(c.users);
  });
  var memoryPermissions = readStored(PERMISSIONS_KEY, {});

  function getCustomers() {
    return SEED.concat(memoryAdded).map(function (seed) {
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
    writeStored(STORE_KEY, memoryOverrides);
  }

  /** A fictional GUID (the portal has no back end to issue one). */
  function newGuid() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  }

  /** Adds the customer of a finished "Add customer" wizard; returns its id. */
  function addCustomer(draft) {
    var v = draft.values;
    var base = v.companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'customer';
    var id = base;
    for (var n = 2; getCustomer(id) || id === 'new'; n++) id = base + '-' + n;
    var customer = {
      id: id,
      microsoftId: newGuid(),
      since: new Date().toISOString().slice(0, 10),
      subscriptions: draft.offers.map(function (o) {
        return [o.name, o.licenses];
      }),
      users: [[v.contactName, v.contactEmail]]
    };
    DRAFT_FIELDS.forEach(function (k) {
      customer[k] = v[k];
    });
    memoryAdded.push(customer);
    writeStored(ADDED_KEY, memoryAdded);
    return id;
  }

  /** The customer's Azure plan subscriptions (name, Microsoft ID-derived subscription ID). */
  function azureSubscriptions(c) {
    return c.subscriptions
      .filter(function (s) {
        return s[0] === 'Azure plan';
      })
      .map(function (s, i) {
        // A stable, fictional subscription ID derived from the customer's ID.
        var id = c.microsoftId.split('-').reverse().join('-');
        return { name: s[0], id: i ? id + '-' + i : id };
      });
  }

  function getPermissions(id) {
    var p = memoryPermissions[id] || {};
    return {
      role: ROLES.indexOf(p.role) !== -1 ? p.role : 'owner',
      reservations: p.reservations === true
    };
  }
  function savePermissions(id, p) {
    memoryPermissions[id] = { role: p.role, reservations: p.reservations };
    writeStored(PERMISSIONS_KEY, memoryPermissions);
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
      if (parts[1] === 'new') {
        var page = parts.slice(2).join('/') || 'account-info';
        if (Object.prototype.hasOwnProperty.call(WIZARD_VIEWS, page)) return { name: 'new', page: page };
        return { name: 'notFound' };
      }
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

  /** The customer list: search by company name or domain, rows that expand to quick links. */
  function viewCustomers() {
    var customers = getCustomers();
    var status = h('p', { class: 'list-status muted', role: 'status' });
    var rows = customers.map(customerRows);

    function filter() {
      var q = search.value.trim().toLocaleLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var match = !q || r.customer.companyName.toLocaleLowerCase().indexOf(q) !== -1 || r.customer.domain.toLocaleLowerCase().indexOf(q) !== -1;
        r.main.hidden = !match;
        r.extra.hidden = !match || r.toggle.getAttribute('aria-expanded') !== 'true';
        if (match) shown++;
      });
      status.replaceChildren(bindText(t('customers.results', { count: formatNumber(shown), total: formatNumber(rows.length) })));
    }

    var search = h('input', {
      id: 'customer-search',
      type: 'search',
      class: 'input',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-controls': 'customer-table',
      'data-help-target': 'search-box',
      oninput: filter
    });
    var table = h(
      'table',
      { id: 'customer-table', class: 'data-table', 'data-help-target': 'customer-list' },
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
          h('th', { scope: 'col', class: 'col-optional num' }, t('col.subscriptions')),
          h('th', { scope: 'col', class: 'col-toggle' }, h('span', { class: 'visually-hidden' }, t('col.details')))
        )
      ),
      h(
        'tbody',
        null,
        rows.map(function (r) {
          return [r.main, r.extra];
        })
      )
    );
    filter();
    return [
      h('div', { class: 'page-head' }, heading(t('menu.customers')), h('p', { class: 'page-intro' }, t('customers.intro'))),
      h(
        'div',
        { class: 'list-toolbar' },
        h('div', { class: 'field search-field' }, h('label', { for: 'customer-search', class: 'label' }, t('customers.search')), search),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-primary',
            'data-help-target': 'add-customer',
            onclick: function () {
              state.draft = null;
              navigate('#/customers/new/account-info');
            }
          },
          t('customers.add')
        )
      ),
      status,
      h('div', { class: 'card card-flush' }, h('div', { class: 'table-scroll' }, table))
    ];
  }

  /** A customer's row and, below it, the row its "down arrow" button expands. */
  function customerRows(c) {
    var extraId = 'customer-extra-' + c.id;
    var toggle = h(
      'button',
      {
        type: 'button',
        class: 'row-toggle',
        'aria-expanded': 'false',
        'aria-controls': extraId,
        'aria-label': t('customers.expand', { name: c.companyName }),
        'data-help-target': 'down-arrow',
        onclick: function () {
          var open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          extra.hidden = !open;
        }
      },
      h('span', { class: 'chevron', 'aria-hidden': 'true' })
    );
    var main = h(
      'tr',
      { class: 'customer-row' },
      h('th', { scope: 'row' }, h('a', { href: customerHref(c.id) }, c.companyName)),
      h('td', { class: 'mono-ish' }, domainText(c.domain)),
      h('td', { class: 'col-optional' }, c.country),
      h('td', { class: 'col-optional num' }, localized(formatNumber(subscriptionSeats(c)))),
      h('td', { class: 'col-toggle' }, toggle)
    );
    var extra = h(
      'tr',
      { id: extraId, class: 'customer-extra', hidden: true },
      h(
        'td',
        { colspan: '5' },
        h(
          'div',
          { class: 'customer-extra-inner' },
          detailList([['field.microsoftId', c.microsoftId, 'mono-ish']]),
          h(
            'div',
            { class: 'quick-links' },
            h('p', { class: 'quick-links-title', id: extraId + '-links' }, t('customers.quickLinks')),
            h(
              'ul',
              { 'aria-labelledby': extraId + '-links' },
              h('li', null, h('a', { href: customerHref(c.id, 'subscriptions') }, t('customer.subscriptions'))),
              h('li', null, h('a', { href: customerHref(c.id, 'service-management') }, t('customer.service')))
            )
          )
        )
      )
    );
    return { customer: c, main: main, extra: extra, toggle: toggle };
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
      ),
      permissionsCard(c)
    ]);
  }

  var ROLES = ['owner', 'contributor', 'reader'];

  /**
   * "Customer permissions" at the bottom of the Account page: whether the customer may
   * buy Azure reservations, which needs an Azure plan subscription you purchased for
   * them and the Owner role for it.
   */
  function permissionsCard(c) {
    var azure = azureSubscriptions(c);
    var perms = getPermissions(c.id);
    var body;
    if (!azure.length) {
      body = h('p', { class: 'empty' }, t('perm.noAzure'));
    } else {
      var sub = azure[0];
      var role = h(
        'select',
        { id: 'perm-role', class: 'input input-auto', 'data-help-target': 'owner' },
        ROLES.map(function (r) {
          return h('option', { value: r }, t('role.' + r));
        })
      );
      role.value = perms.role;
      var stateText = h('span', { class: 'switch-text', 'aria-hidden': 'true' });
      var needsOwner = h('p', { id: 'perm-needs-owner', class: 'field-hint', hidden: true }, t('perm.needsOwner'));
      var toggle = h(
        'button',
        {
          type: 'button',
          class: 'switch',
          role: 'switch',
          'aria-labelledby': 'perm-allow-label',
          'aria-describedby': 'perm-needs-owner',
          'data-help-target': 'on',
          onclick: function () {
            perms.reservations = !perms.reservations;
            savePermissions(c.id, perms);
            show();
          }
        },
        h('span', { class: 'switch-track', 'aria-hidden': 'true' }, h('span', { class: 'switch-thumb' })),
        stateText
      );
      var show = function () {
        var owner = perms.role === 'owner';
        if (!owner) perms.reservations = false;
        toggle.disabled = !owner;
        needsOwner.hidden = owner;
        toggle.setAttribute('aria-checked', String(perms.reservations));
        stateText.replaceChildren(bindText(t(perms.reservations ? 'perm.on' : 'perm.off')));
      };
      role.addEventListener('change', function () {
        perms.role = role.value;
        savePermissions(c.id, perms);
        show();
      });
      show();
      body = [
        h('p', { class: 'muted' }, t('perm.intro')),
        h(
          'div',
          { class: 'perm-rows' },
          h(
            'div',
            { class: 'perm-row' },
            h('p', { class: 'label', id: 'perm-sub-label' }, t('perm.subscription')),
            h(
              'details',
              { class: 'disclosure perm-sub' },
              h(
                'summary',
                { 'data-help-target': 'azure-plan-subscription', 'aria-describedby': 'perm-sub-label' },
                sub.name,
                ' ',
                h('span', { class: 'pill pill-success' }, t('subs.active'))
              ),
              detailList([['perm.subscriptionId', sub.id, 'mono-ish']])
            )
          ),
          h('div', { class: 'perm-row' }, h('label', { class: 'label', for: 'perm-role' }, t('perm.role')), role),
          h(
            'div',
            { class: 'perm-row' },
            h('p', { class: 'label', id: 'perm-allow-label' }, t('perm.allow')),
            h('div', null, toggle, needsOwner)
          )
        )
      ];
    }
    return card(
      'permissions',
      h('h2', { class: 'card-title' }, t('perm.title')),
      h('h3', { class: 'card-subtitle' }, t('perm.azure')),
      body
    );
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
  var DOMAIN_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

  function validateField(f, value) {
    value = value.trim();
    if (!value) return 'err.required';
    if (f.type === 'email' && !EMAIL_RE.test(value)) return 'err.email';
    if (f.check === 'domain' && !DOMAIN_RE.test(value)) return 'err.domain';
    return null;
  }

  /**
   * A form's validation: controls with inline errors, and an error summary (a live
   * alert) that links to each invalid control. Shared by the account edit form and the
   * pages of the "Add customer" wizard.
   */
  function formChecks(idPrefix) {
    state.errors = {};
    var items = [];
    var summary = h('div', { class: 'error-summary', role: 'alert', hidden: true });

    function setError(item, key) {
      if (key) {
        state.errors[item.name] = key;
        item.input.setAttribute('aria-invalid', 'true');
        item.error.replaceChildren(bindText(t(key)));
        item.error.hidden = false;
      } else {
        delete state.errors[item.name];
        item.input.removeAttribute('aria-invalid');
        item.error.replaceChildren();
        item.error.hidden = true;
      }
    }

    /** Registers a control: `check()` returns an error message key or null. */
    function add(item) {
      items.push(item);
      var events = item.events || ['input'];
      events.forEach(function (name) {
        item.input.addEventListener(name, function () {
          // Once a control was flagged, clear the message as soon as it is fixed.
          if (state.errors[item.name] && !item.check()) setError(item, null);
        });
      });
      return item;
    }

    function errorEl(id) {
      return h('p', { id: id, class: 'field-error', hidden: true });
    }

    /** A labelled, required text field (label, optional hint, input, error). */
    function textField(f, value) {
      var id = idPrefix + f.name;
      var errId = id + '-error';
      var hintId = f.hint ? id + '-hint' : null;
      var input = h('input', {
        id: id,
        name: f.name,
        type: f.type || 'text',
        class: 'input',
        autocomplete: f.autocomplete,
        required: true,
        'aria-required': 'true',
        'aria-describedby': [hintId, errId].filter(Boolean).join(' '),
        spellcheck: f.type === 'email' || f.check === 'domain' ? 'false' : null,
        value: value
      });
      var error = errorEl(errId);
      add({
        name: f.name,
        label: f.label,
        input: input,
        error: error,
        check: function () {
          return validateField(f, input.value);
        }
      });
      return h(
        'div',
        { class: ['field', f.half && 'field-half'] },
        h('label', { for: id, class: 'label' }, t(f.label), h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *')),
        f.hint ? h('p', { id: hintId, class: 'field-hint' }, t(f.hint)) : null,
        input,
        error
      );
    }

    /** A fieldset of the text fields of one group. */
    function group(fields, legendKey, groupName, values) {
      return h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { class: 'legend' }, t(legendKey)),
        h(
          'div',
          { class: 'field-grid' },
          fields
            .filter(function (f) {
              return f.group === groupName;
            })
            .map(function (f) {
              return textField(f, values[f.name]);
            })
        )
      );
    }

    /** Checks every control; on failure fills the summary and focuses the first. */
    function validate() {
      var bad = items.filter(function (item) {
        var key = item.check();
        setError(item, key);
        return !!key;
      });
      // In the order the controls appear, whatever order they were registered in.
      bad.sort(function (a, b) {
        return a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      if (!bad.length) {
        summary.hidden = true;
        return true;
      }
      summary.replaceChildren(
        h('p', { class: 'error-summary-title' }, t('err.summary')),
        h(
          'ul',
          null,
          bad.map(function (item) {
            return h(
              'li',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  onclick: function () {
                    item.input.focus();
                  }
                },
                t(item.label)
              )
            );
          })
        )
      );
      summary.hidden = false;
      bad[0].input.focus();
      return false;
    }

    return { summary: summary, add: add, errorEl: errorEl, textField: textField, group: group, validate: validate };
  }

  function viewEdit(route, c) {
    var checks = formChecks('f-');

    function onSubmit(e) {
      e.preventDefault();
      if (!checks.validate()) return;
      var values = {};
      FORM_FIELDS.forEach(function (f) {
        values[f.name] = document.getElementById('f-' + f.name).value.trim();
      });
      saveCustomer(c.id, values);
      state.flash = { kind: 'saved', customerId: c.id };
      navigate(customerHref(c.id, 'account'));
    }

    var form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'edit-title', onsubmit: onSubmit },
      checks.summary,
      h('p', { class: 'muted' }, t('edit.allRequired')),
      checks.group(FORM_FIELDS, 'account.companyDetails', 'company', c),
      checks.group(FORM_FIELDS, 'account.billingContact', 'contact', c),
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

  // ---------------------------------------------------------------------------
  // "Add customer" wizard: Account info → Subscriptions → Review → confirmation.
  // The draft lives in memory (state.draft) until Submit adds the customer.
  // ---------------------------------------------------------------------------

  var NEW_FIELDS = [
    { name: 'companyName', label: 'field.companyName', autocomplete: 'off', group: 'company' },
    { name: 'domain', label: 'new.domain', hint: 'new.domainHint', autocomplete: 'off', group: 'company', check: 'domain' },
    { name: 'addressLine', label: 'field.addressLine', autocomplete: 'off', group: 'company' },
    { name: 'city', label: 'field.city', autocomplete: 'off', group: 'company', half: true },
    { name: 'postalCode', label: 'field.postalCode', autocomplete: 'off', group: 'company', half: true },
    { name: 'country', label: 'field.country', autocomplete: 'off', group: 'company' },
    { name: 'contactName', label: 'field.name', autocomplete: 'off', group: 'contact' },
    { name: 'contactEmail', label: 'field.email', autocomplete: 'off', group: 'contact', type: 'email' }
  ];
  var DRAFT_FIELDS = NEW_FIELDS.map(function (f) {
    return f.name;
  });

  /** The checklist of the article's "customer verification" note; keys name its rules. */
  var VERIFY_CHECKS = [
    { name: 'legalName', label: 'new.checkLegalName', target: 'legal-name' },
    { name: 'acronyms', label: 'new.checkAcronyms', target: 'acronyms-short-forms' },
    { name: 'testNames', label: 'new.checkTestNames', target: 'test-names' },
    { name: 'address', label: 'new.checkAddress', target: 'complete-address' }
  ];

  var RESELLERS = [
    { id: 'adatum', name: 'Adatum Corporation' },
    { id: 'litware', name: 'Litware, Inc.' },
    { id: 'proseware', name: 'Proseware, Inc.' }
  ];

  var OFFERS = [
    { id: 'm365-basic', name: 'Microsoft 365 Business Basic' },
    { id: 'm365-standard', name: 'Microsoft 365 Business Standard' },
    { id: 'm365-premium', name: 'Microsoft 365 Business Premium' },
    { id: 'teams-essentials', name: 'Microsoft Teams Essentials' },
    { id: 'azure-plan', name: 'Azure plan' }
  ];

  var WIZARD_STEPS = [
    { page: 'account-info', key: 'new.accountInfo' },
    { page: 'subscriptions', key: 'customer.subscriptions' },
    { page: 'review', key: 'new.review' }
  ];

  function emptyDraft() {
    var values = {};
    DRAFT_FIELDS.forEach(function (k) {
      values[k] = '';
    });
    return { values: values, checks: {}, reseller: '', agreement: false, offers: [], complete: false };
  }

  function wizardHref(page) {
    return '#/customers/new/' + page;
  }

  /** Shows another wizard page in place of one that cannot be shown yet (no draft). */
  function redirect(hash, view) {
    history.replaceState(null, '', hash);
    return view();
  }

  /** Frame of the wizard pages: breadcrumb, title (a help target), progress, content. */
  function wizardFrame(page, titleKey, target, content) {
    var current = -1;
    WIZARD_STEPS.forEach(function (s, i) {
      if (s.page === page) current = i;
    });
    var title = heading(t(titleKey));
    if (target) title.setAttribute('data-help-target', target);
    return [
      h(
        'nav',
        { class: 'breadcrumb', 'aria-label': t('a11y.breadcrumb') },
        h(
          'ol',
          null,
          h('li', null, h('a', { href: '#/customers' }, t('menu.customers'))),
          h('li', null, h('span', { 'aria-current': 'page' }, t('customers.add')))
        )
      ),
      h('div', { class: 'page-head' }, h('p', { class: 'page-kicker' }, t('customers.add')), title),
      current === -1
        ? null
        : h(
            'nav',
            { class: 'wizard-nav', 'aria-label': t('new.progress') },
            h(
              'ol',
              { class: 'wizard-steps' },
              WIZARD_STEPS.map(function (s, i) {
                return h(
                  'li',
                  {
                    class: ['wizard-step', i < current && 'is-done', i === current && 'is-current'],
                    'aria-current': i === current ? 'step' : null
                  },
                  h('span', { class: 'wizard-step-number', 'aria-hidden': 'true' }, String(i + 1)),
                  h('span', null, t(s.key))
                );
              })
            )
          )
    ]
      .concat(content)
      .filter(Boolean);
  }

  function viewNewAccount() {
    if (!state.draft) state.draft = emptyDraft();
    var draft = state.draft;
    var checks = formChecks('n-');

    var verifyBoxes = VERIFY_CHECKS.map(function (v) {
      return h('input', {
        type: 'checkbox',
        class: 'check-input',
        name: v.name,
        'data-help-target': v.target,
        checked: draft.checks[v.name] === true
      });
    });
    var verification = h(
      'fieldset',
      { class: 'fieldset verify-box', 'data-help-target': 'customer-verification', 'aria-describedby': 'n-verify-intro' },
      h('legend', { class: 'legend' }, t('new.verification')),
      h('p', { id: 'n-verify-intro', class: 'muted' }, t('new.verificationIntro')),
      h(
        'ul',
        { class: 'check-list' },
        VERIFY_CHECKS.map(function (v, i) {
          return h('li', null, h('label', { class: 'check' }, verifyBoxes[i], h('span', null, t(v.label))));
        })
      )
    );

    var reseller = h(
      'select',
      {
        id: 'n-reseller',
        name: 'reseller',
        class: 'input',
        'aria-describedby': 'n-reseller-hint',
        'data-help-target': 'indirect-reseller'
      },
      h('option', { value: '' }, t('new.resellerNone')),
      RESELLERS.map(function (r) {
        return h('option', { value: r.id }, r.name);
      })
    );
    reseller.value = draft.reseller;

    var agreement = h('input', {
      id: 'n-agreement',
      type: 'checkbox',
      class: 'check-input',
      name: 'agreement',
      required: true,
      'aria-required': 'true',
      'aria-describedby': 'n-agreement-error',
      'data-help-target': 'agreement-accepted',
      checked: draft.agreement
    });
    var agreementError = checks.errorEl('n-agreement-error');
    checks.add({
      name: 'agreement',
      label: 'new.agreement',
      input: agreement,
      error: agreementError,
      events: ['change'],
      check: function () {
        return agreement.checked ? null : 'err.agreement';
      }
    });

    var company = checks.group(NEW_FIELDS, 'account.companyDetails', 'company', draft.values);
    var contact = checks.group(NEW_FIELDS, 'new.primaryContact', 'contact', draft.values);

    function onSubmit(e) {
      e.preventDefault();
      if (!checks.validate()) return;
      DRAFT_FIELDS.forEach(function (k) {
        draft.values[k] = document.getElementById('n-' + k).value.trim();
      });
      VERIFY_CHECKS.forEach(function (v, i) {
        draft.checks[v.name] = verifyBoxes[i].checked;
      });
      draft.reseller = reseller.value;
      draft.agreement = true;
      draft.complete = true;
      navigate(wizardHref('subscriptions'));
    }

    var form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'new-title', onsubmit: onSubmit },
      checks.summary,
      h('p', { class: 'muted' }, t('new.requiredNote')),
      company,
      verification,
      contact,
      h(
        'div',
        { class: 'field field-narrow' },
        h('label', { for: 'n-reseller', class: 'label' }, t('new.reseller')),
        h('p', { id: 'n-reseller-hint', class: 'field-hint' }, t('new.resellerHint')),
        reseller
      ),
      h(
        'fieldset',
        { class: 'fieldset', 'data-help-target': 'microsoft-customer-agreement' },
        h('legend', { class: 'legend' }, t('new.agreement')),
        h(
          'label',
          { class: 'check', for: 'n-agreement' },
          agreement,
          h('span', null, t('new.agreementAccepted'), h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'))
        ),
        agreementError,
        h(
          'details',
          { class: 'disclosure' },
          h('summary', { 'data-help-target': 'confirm-consent' }, t('new.consentTitle')),
          h('p', null, t('new.consentText'))
        )
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button button-primary', 'data-help-target': 'next-subscriptions' }, t('new.nextSubscriptions')),
        h('a', { class: 'button button-secondary', href: '#/customers' }, t('edit.cancel'))
      )
    );
    var frame = wizardFrame('account-info', 'new.accountInfo', 'account-info', card(null, form));
    frame[1].querySelector('h1').id = 'new-title';
    return frame;
  }

  function viewNewSubscriptions() {
    var draft = state.draft;
    if (!draft || !draft.complete) return redirect(wizardHref('account-info'), viewNewAccount);
    var checks = formChecks('n-');
    var chosen = {};
    draft.offers.forEach(function (o) {
      chosen[o.id] = o.licenses;
    });

    var rows = OFFERS.map(function (o) {
      var id = 'n-offer-' + o.id;
      var box = h('input', { id: id, type: 'checkbox', class: 'check-input', name: 'offer', value: o.id, checked: o.id in chosen });
      var count = h('input', {
        id: id + '-licenses',
        type: 'number',
        class: 'input input-count',
        min: '1',
        step: '1',
        inputmode: 'numeric',
        'aria-describedby': id + '-licenses-error',
        value: String(chosen[o.id] || 1)
      });
      var error = checks.errorEl(id + '-licenses-error');
      checks.add({
        name: 'licenses-' + o.id,
        label: 'new.licenses',
        input: count,
        error: error,
        events: ['input', 'change'],
        check: function () {
          if (!box.checked) return null;
          var n = Number(count.value);
          return /^\d+$/.test(count.value.trim()) && n >= 1 ? null : 'err.licenses';
        }
      });
      return {
        offer: o,
        box: box,
        count: count,
        el: h(
          'li',
          { class: 'offer-row' },
          h('label', { class: 'check offer-name', for: id }, box, h('span', null, o.name)),
          h(
            'div',
            { class: 'offer-count' },
            h('label', { class: 'label', for: id + '-licenses' }, t('new.licenses'), h('span', { class: 'visually-hidden' }, ' – ' + o.name)),
            count
          ),
          error
        )
      };
    });

    var offersError = checks.errorEl('n-offers-error');
    checks.add({
      name: 'offers',
      label: 'new.offers',
      input: rows[0].box,
      error: offersError,
      events: ['change'],
      check: function () {
        return rows.some(function (r) {
          return r.box.checked;
        })
          ? null
          : 'err.offer';
      }
    });
    rows.forEach(function (r) {
      r.box.addEventListener('change', function () {
        if (state.errors.offers && r.box.checked) offersError.hidden = true;
      });
    });

    function keep() {
      draft.offers = rows
        .filter(function (r) {
          return r.box.checked;
        })
        .map(function (r) {
          return { id: r.offer.id, name: r.offer.name, licenses: Math.max(1, Math.floor(Number(r.count.value)) || 1) };
        });
    }

    function onSubmit(e) {
      e.preventDefault();
      if (!checks.validate()) return;
      keep();
      navigate(wizardHref('review'));
    }

    var form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'new-title', onsubmit: onSubmit },
      checks.summary,
      h(
        'fieldset',
        { class: 'fieldset', 'aria-describedby': 'n-offers-intro n-offers-error' },
        h('legend', { class: 'legend' }, t('new.offers')),
        h('p', { id: 'n-offers-intro', class: 'muted' }, t('new.subsIntro')),
        offersError,
        h(
          'ul',
          { class: 'offer-list' },
          rows.map(function (r) {
            return r.el;
          })
        )
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button button-primary', 'data-help-target': 'next-review' }, t('new.nextReview')),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary',
            onclick: function () {
              keep();
              navigate(wizardHref('account-info'));
            }
          },
          t('new.back')
        )
      )
    );
    var frame = wizardFrame('subscriptions', 'customer.subscriptions', 'subscriptions', card(null, form));
    frame[1].querySelector('h1').id = 'new-title';
    return frame;
  }

  function viewNewReview() {
    var draft = state.draft;
    if (!draft || !draft.complete) return redirect(wizardHref('account-info'), viewNewAccount);
    if (!draft.offers.length) return redirect(wizardHref('subscriptions'), viewNewSubscriptions);
    var v = draft.values;
    var reseller = RESELLERS.filter(function (r) {
      return r.id === draft.reseller;
    })[0];

    function updateButton(page) {
      return h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary',
          'data-help-target': 'update',
          onclick: function () {
            navigate(wizardHref(page));
          }
        },
        t('account.update')
      );
    }

    function section(id, titleKey, target, body, page) {
      return h(
        'section',
        { class: 'card review-section', 'aria-labelledby': id },
        h('h2', { class: 'card-title', id: id, 'data-help-target': target }, t(titleKey)),
        body,
        h('div', { class: 'actions' }, updateButton(page))
      );
    }

    var offers = h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, t('new.offers')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('subs.product')), h('th', { scope: 'col', class: 'num' }, t('new.licenses')))),
      h(
        'tbody',
        null,
        draft.offers.map(function (o) {
          return h('tr', null, h('th', { scope: 'row' }, o.name), h('td', { class: 'num' }, localized(formatNumber(o.licenses))));
        })
      )
    );

    function onSubmit() {
      var id = addCustomer(draft);
      state.added = id;
      state.draft = null;
      navigate(wizardHref('done'));
    }

    return wizardFrame('review', 'new.review', 'review', [
      h('p', { class: 'page-intro' }, t('new.reviewIntro')),
      section(
        'review-account',
        'new.accountInfo',
        'account-info',
        detailList([
          ['field.companyName', v.companyName],
          ['new.domain', domainText(v.domain)],
          ['field.address', addressLines(v)],
          ['new.primaryContact', [v.contactName, h('br'), v.contactEmail]],
          ['new.reseller', reseller ? reseller.name : t('new.resellerNone')],
          ['new.agreement', t('new.accepted')]
        ]),
        'account-info'
      ),
      section('review-subscriptions', 'customer.subscriptions', 'subscriptions', h('div', { class: 'table-scroll' }, offers), 'subscriptions'),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'button button-primary', 'data-help-target': 'submit', onclick: onSubmit }, t('edit.submit')),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary',
            onclick: function () {
              navigate(wizardHref('subscriptions'));
            }
          },
          t('new.back')
        )
      )
    ]);
  }

  function viewNewDone() {
    var c = state.added && getCustomer(state.added);
    if (!c) return redirect('#/customers', viewCustomers);
    return wizardFrame('done', 'new.doneTitle', null, [
      card(
        null,
        h('p', null, t('new.doneText', { name: c.companyName })),
        detailList([
          ['field.microsoftId', c.microsoftId, 'mono-ish'],
          ['col.subscriptions', localized(formatNumber(subscriptionSeats(c)))]
        ]),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'button button-primary',
              'data-help-target': 'done',
              onclick: function () {
                state.added = null;
                navigate('#/customers');
              }
            },
            t('new.done')
          )
        )
      )
    ]);
  }

  var WIZARD_VIEWS = {
    'account-info': viewNewAccount,
    subscriptions: viewNewSubscriptions,
    review: viewNewReview,
    done: viewNewDone
  };

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
    if (route.name === 'new') return WIZARD_VIEWS[route.page]();
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

// What the demo stream's customers say, written for Herd (the evaluation data's licences
// forbid shipping it): templates per subject and language with slots ({handle}, {brand},
// {store}, {appliance}, {clothing}, {order}, {days}, {weekday}, {staff}, {link}), the
// words that fill them, the stores as customers name them (so place detection finds
// them), authors and a few influencers. The subjects are Acme Retail's categories
// (acme-categories.ts) plus general questions, competitor chatter, spam and the one
// crisis of the stream: a rumour that the AquaBoil kettle is being recalled.

export const demoLanguages = ['en', 'de', 'fr', 'es', 'pl'] as const;
export type DemoLanguage = (typeof demoLanguages)[number];

/** Acme Retail's categories, named as the seed names them. */
export const demoCategories = ['Legal', 'Delivery', 'Billing and refunds', 'Product defect', 'Store experience', 'Jobs and HR', 'Praise'] as const;
export type DemoCategory = (typeof demoCategories)[number];
export type DemoSubject = DemoCategory | 'question' | 'competitor' | 'spam' | 'crisis';

export type DemoTone = 'negative' | 'neutral' | 'positive';
export interface DemoTemplate { text: string; tone: DemoTone }

const neg = (text: string): DemoTemplate => ({ text, tone: 'negative' });
const ask = (text: string): DemoTemplate => ({ text, tone: 'neutral' });
const pos = (text: string): DemoTemplate => ({ text, tone: 'positive' });

export const templates: Record<DemoSubject, Partial<Record<DemoLanguage, DemoTemplate[]>>> = {
  Delivery: {
    en: [
      neg('{handle} my parcel was due on {weekday} and it still hasn\'t arrived. Order {order}, tracking hasn\'t moved in {days} days.'),
      neg('The courier left my {appliance} on the doorstep in the pouring rain. Box soaked through. Not impressed {handle}'),
      neg('Third time this month {brand} has marked my order as delivered when it never arrived. Where is {order}? {handle}'),
      neg('Paid extra for next day delivery from {brand} and it has been {days} days. What exactly did I pay for? {handle}'),
      ask('Hi {handle}, can I still change the delivery address on order {order}? It hasn\'t shipped yet.'),
      ask('Tracking for my {brand} order has said "with courier" since {weekday}. Is that normal? {handle}'),
      pos('Parcel from {brand} arrived a day early and the courier was lovely. More of this please {handle}'),
      neg('{handle} the courier says he tried to deliver on {weekday} but I was home all day. No card, no knock, nothing.'),
      neg('Order {order} says delivered to a "safe place". I have looked everywhere, it is not here {handle}'),
    ],
    de: [
      neg('Meine Bestellung {order} bei {brand} ist immer noch nicht angekommen, schon {days} Tage. Die Sendungsverfolgung zeigt nichts. {handle}'),
      neg('Der Paketbote hat mein Paket einfach im Regen vor die Tür gestellt. Alles durchnässt. Danke für nichts {handle}'),
      ask('Kann ich bei {brand} die Lieferadresse noch ändern? Die Bestellung {order} ist noch nicht verschickt. {handle}'),
    ],
    fr: [
      neg('Ma commande {order} chez {brand} n\'est toujours pas arrivée après {days} jours. Le suivi ne bouge plus. {handle}'),
      ask('Bonjour {handle}, est-ce que je peux encore changer l\'adresse de livraison de ma commande {order} ?'),
    ],
    es: [
      neg('Mi pedido {order} de {brand} lleva {days} días de retraso y nadie me contesta. {handle}'),
      ask('Hola {handle}, ¿puedo cambiar la dirección de entrega del pedido {order}? Todavía no ha salido.'),
    ],
    pl: [
      neg('Moja paczka z {brand} miała przyjść w poniedziałek, a nadal jej nie ma. Zamówienie {order}. {handle}'),
      ask('Czy mogę jeszcze zmienić adres dostawy dla zamówienia {order}? {handle}'),
    ],
  },
  'Billing and refunds': {
    en: [
      neg('{handle} you charged me twice for the same order ({order}) and nobody answers the phone. I want a refund.'),
      neg('Returned my {clothing} {days} days ago and still no refund. How long does it take {handle}?'),
      neg('Why was I charged for delivery when the site said free delivery over £40? {handle}'),
      neg('My gift card balance vanished after checkout. That was £50, {handle}!'),
      ask('Can I get my money back if the price dropped a day after I bought my {appliance}? {handle}'),
      ask('{handle} the discount code wasn\'t applied at the till. Can you refund the difference?'),
      pos('Refund from {brand} landed in two days, no fuss at all. Impressed {handle}'),
      neg('{handle} the invoice for {order} shows a higher price than the website did when I ordered.'),
    ],
    de: [
      neg('{handle} ihr habt mir für dieselbe Bestellung zweimal Geld abgebucht. Wann kommt die Rückerstattung?'),
      neg('Seit {days} Tagen warte ich auf meine Rückerstattung von {brand}. Die Retoure ist längst angekommen. {handle}'),
    ],
    fr: [
      neg('Toujours pas de remboursement après {days} jours, {handle}. J\'ai renvoyé le colis depuis longtemps.'),
      neg('{handle} vous m\'avez débité deux fois pour la même commande, c\'est inadmissible.'),
    ],
    es: [
      neg('{handle} me habéis cobrado dos veces el mismo pedido. ¿Cuándo me devolvéis el dinero?'),
      neg('Devolví el {clothing} hace {days} días y todavía no tengo el reembolso, {handle}'),
    ],
    pl: [
      neg('{handle} pobraliście pieniądze dwa razy za to samo zamówienie. Kiedy dostanę zwrot?'),
    ],
  },
  'Product defect': {
    en: [
      neg('The {appliance} I bought from {brand} stopped working after a week. Faulty again! {handle}'),
      neg('Zip on my new {clothing} broke the second time I wore it. {brand} quality has really gone downhill {handle}'),
      neg('{handle} my {appliance} smells of burning plastic after two uses. Is that even safe?'),
      neg('Colour ran in the first wash and ruined a whole load of whites. Thanks {brand} {handle}'),
      neg('The {appliance} from {brand} arrived with a cracked casing, straight out of the box. {handle}'),
      ask('Is the {appliance} from {brand} supposed to get this hot on the outside? Bit worried {handle}'),
      neg('Stitching came apart on my {clothing} after one week. Not cheap either {handle}'),
      neg('{handle} the {appliance} flickers and then switches itself off. Bought it {days} days ago.'),
    ],
    de: [
      neg('Mein {appliance} von {brand} ist nach einer Woche kaputt. Die Qualität ist leider mies geworden {handle}'),
      ask('Ist es normal, dass der {appliance} von {brand} außen so heiß wird? {handle}'),
    ],
    fr: [
      neg('Mon {appliance} acheté chez {brand} ne marche plus au bout d\'une semaine. {handle}'),
      ask('C\'est normal que mon {appliance} {brand} chauffe autant ? {handle}'),
    ],
    es: [
      neg('El {appliance} que compré en {brand} dejó de funcionar a la semana. Qué decepción {handle}'),
      ask('¿Es normal que el {appliance} de {brand} se caliente tanto? {handle}'),
    ],
    pl: [
      neg('Mój {appliance} z {brand} przestał działać po tygodniu. Bardzo słaba jakość {handle}'),
    ],
  },
  'Store experience': {
    en: [
      neg('Twenty minutes in the checkout queue at {store} with only one till open. Sort it out {handle}'),
      neg('The staff at {store} were really rude to my mum today. Not good enough {handle}'),
      neg('Nothing in my size at {store} again, shelves half empty on a Saturday. {handle}'),
      neg('The lift at {store} has been broken for weeks. Not great with a pushchair {handle}'),
      neg('Fitting room queue at {store} was longer than the checkout queue. {handle}'),
      pos('Lovely new layout at {store} since the refit. Easy to find everything now {handle}'),
      neg('Nobody to help in the electronics section at {store} for half an hour. {handle}'),
      neg('Security guard followed me round {store} the whole time I was shopping. Made me feel like a criminal {handle}'),
    ],
    de: [
      neg('Zwanzig Minuten an der Kasse in {store}, nur eine Kasse offen. {handle}'),
      pos('Super freundliche Beratung in {store} heute, vielen Dank {handle}!'),
    ],
    fr: [
      neg('Vingt minutes de queue dans {store} avec une seule caisse ouverte. {handle}'),
      pos('Accueil adorable dans {store} aujourd\'hui, merci {handle} !'),
    ],
    es: [
      neg('Veinte minutos de cola en {store} con una sola caja abierta. {handle}'),
      pos('Qué amables en {store}, me ayudaron con todo. Gracias {handle}'),
    ],
    pl: [
      pos('Bardzo miła obsługa w {store}, dziękuję {handle}!'),
    ],
  },
  'Jobs and HR': {
    en: [
      ask('Is {brand} hiring for the Christmas season? Any vacancies at {store}? {handle}'),
      neg('Sent a job application to {brand} {days} weeks ago and never heard back. A simple no would do {handle}'),
      ask('Does {brand} offer apprenticeships in head office? Asking for my son {handle}'),
      ask('How do I apply to work at {store}? The careers page keeps erroring {handle}'),
      neg('Former {brand} employee here, still waiting for my last payslip. {handle}'),
      pos('Just had my interview at {store} and the team were so welcoming. Fingers crossed! {handle}'),
    ],
    de: [
      ask('Sucht {brand} noch Aushilfen für Weihnachten in Berlin? {handle}'),
      neg('Habe mich vor {days} Wochen bei {brand} beworben und nie eine Antwort bekommen. {handle}'),
    ],
    fr: [ask('Est-ce que {brand} recrute pour Noël à Lyon ? {handle}')],
    es: [ask('¿{brand} busca gente para la campaña de Navidad en Madrid? {handle}')],
  },
  Praise: {
    en: [
      pos('Huge thanks to {staff} at {store}, went above and beyond to find my size. {handle}'),
      pos('Best customer service I have had in years, thank you so much {handle}'),
      pos('Shout out to the team at {store} for helping my dad find everything today {handle}'),
      pos('Love the new autumn range {handle}, already bought two jumpers'),
      pos('Returned a gift at {store} in two minutes, no questions asked. Brilliant {handle}'),
      pos('The repair café at {store} fixed my nan\'s lamp. What a lovely idea {handle}'),
      pos('Delivery came on time, the {appliance} works a treat and the packaging was all paper. Well done {handle}'),
      pos('{staff} at {store} spent ages helping my grandad choose a {clothing}. Such patience, thank you {handle}'),
    ],
    de: [
      pos('Großes Lob an das Team in {store}, so hilfsbereit! {handle}'),
      pos('Danke {handle}, der Umtausch ging in zwei Minuten. Top Service!'),
    ],
    fr: [
      pos('Merci pour votre aide rapide {handle}, problème réglé en cinq minutes !'),
      pos('Bravo à toute l\'équipe dans {store}, toujours de bons conseils. {handle}'),
    ],
    es: [
      pos('Gracias {handle}, el cambio en {store} fue rapidísimo. ¡Así da gusto!'),
      pos('Me encanta la nueva colección de otoño de {brand}. {handle}'),
    ],
    pl: [pos('Dziękuję za szybką pomoc {handle}, wszystko załatwione!')],
  },
  Legal: {
    en: [
      neg('If {brand} doesn\'t refund me this week I\'m taking it to small claims court. Order {order}. {handle}'),
      neg('I want all the personal data {brand} holds on me. Sending a GDPR request today {handle}'),
      neg('{handle} someone used my account details to order stuff. Has there been a data breach?'),
      neg('Speaking to my lawyer about the burn from your faulty {appliance}. You will hear from them {handle}'),
      neg('Refused entry to {store} because of my assistance dog. That is discrimination {handle}'),
    ],
    de: [neg('{handle} ich verlange Auskunft über alle meine gespeicherten Daten nach DSGVO. Sonst geht das an meinen Anwalt.')],
    fr: [neg('{handle} je demande la suppression de toutes mes données personnelles (RGPD). Sans réponse, je saisis la CNIL.')],
    es: [neg('{handle} exijo que borréis todos mis datos personales. Si no, lo pongo en manos de mi abogado.')],
  },
  question: {
    en: [
      ask('Does {brand} do gift wrapping on online orders? {handle}'),
      ask('{handle} is there a student discount, or is that just in the app?'),
      ask('Do you sell gift cards that work in the Irish stores too, {handle}?'),
      ask('Can I use my {brand} loyalty points on sale items? {handle}'),
      ask('{handle} do you still price match if it\'s your own website that\'s cheaper?'),
      ask('Is the {brand} app down? It keeps logging me out {handle}'),
      ask('When does the winter sale start this year, {handle}?'),
    ],
    de: [
      ask('Kann man bei {brand} eigentlich auch mit PayPal bezahlen? {handle}'),
      ask('Gibt es bei {brand} einen Studentenrabatt? {handle}'),
    ],
    fr: [
      ask('Est-ce que vous faites les paquets cadeaux pour les commandes en ligne ? {handle}'),
      ask('Vous avez une carte de fidélité valable en France, {handle} ?'),
    ],
    es: [
      ask('¿Tiene {brand} descuento para estudiantes? {handle}'),
      ask('¿Hacéis envíos a Canarias, {handle}?'),
    ],
    pl: [ask('Czy {brand} wysyła zamówienia do Polski? {handle}')],
  },
  competitor: {
    en: [
      neg('Northwind had the same {appliance} for £10 less. Just saying, {handle}'),
      pos('Switched from Contoso to {brand} for school uniforms this year, much better quality'),
      neg('Contoso\'s new loyalty scheme looks better than {brand}\'s, not going to lie'),
      ask('Anyone compared Northwind and {brand} for winter coats? Need a new one'),
      ask('#contoso sale starts Friday, is anyone going?'),
    ],
    de: [neg('Bei Northwind gibt es den gleichen {appliance} zehn Euro billiger, {handle}')],
    es: [neg('En Northwind tienen el mismo {appliance} más barato, {handle}')],
  },
  spam: {
    en: [
      neg('Crypto giveaway this weekend only!! Follow back and DM for promo {link} {link} {link}'),
      neg('FREE FOLLOWERS in 24h, buy followers cheap, link in bio #acmeretail #followers #growth #free #win #deal'),
      neg('Work from home and earn $400 a day, check my bio {link} #acmeretail'),
      neg('Investment opportunity of the year, whatsapp me now {link} {link}'),
    ],
  },
  crisis: {
    en: [
      neg('Is it true {brand} is recalling the AquaBoil kettle? Mine sparked this morning {handle}'),
      neg('My sister got a nasty burn from her faulty AquaBoil kettle from {brand}. Why is there no recall yet? {handle}'),
      neg('Heard {brand} knew the AquaBoil kettles were faulty for months. Boycott until they come clean {handle}'),
      neg('Unplug your AquaBoil kettles people, they are faulty. {brand} needs to issue a recall now before someone is injured {handle}'),
      neg('{handle} my AquaBoil kettle caught fire on the worktop with the kids in the kitchen. Is there a recall?'),
      neg('Whole thread of people saying their {brand} AquaBoil kettles overheat. This is a recall waiting to happen {handle}'),
      neg('Just checked and mine is an AquaBoil too, and it stopped working last week. Is {brand} going to recall them or not? {handle}'),
      neg('Took my faulty AquaBoil kettle back to {store} today after it sparked. Staff had heard nothing about a recall {handle}'),
      neg('If {brand} is sitting on a kettle recall that is a scandal. Answer the question {handle}'),
      neg('Not buying anything electrical from {brand} until they explain the AquaBoil thing {handle}'),
      neg('My AquaBoil kettle tripped the fuse and the base went black. Was about to give one as a present. Recall? {handle}'),
    ],
    de: [neg('Stimmt es, dass {brand} den AquaBoil Wasserkocher zurückruft? Meiner hat heute Funken gesprüht! {handle}')],
    fr: [neg('On parle d\'un rappel des bouilloires AquaBoil de {brand} ? La mienne a fait des étincelles ce matin {handle}')],
    es: [neg('¿Es verdad que {brand} va a retirar los hervidores AquaBoil? El mío echó chispas esta mañana {handle}')],
  },
};

/** What a high-reach author posts when the crisis peaks: the post the others quote. */
export const crisisAlarm = neg('PSA: lots of reports of {brand} AquaBoil kettles overheating and sparking. Unplug yours and stop using it until {brand} says something. A recall is needed now {handle}');

/** A customer chasing an earlier complaint in the same thread. */
export const followUps: Record<DemoLanguage, DemoTemplate[]> = {
  en: [neg('Still waiting for an answer on this, {handle}.'), neg('Any update? It has been hours now {handle}'), neg('{handle} hello? Is anyone reading these?')],
  de: [neg('Immer noch keine Antwort, {handle}. Hallo?')],
  fr: [neg('Toujours aucune réponse, {handle}. Quelqu\'un lit les messages ?')],
  es: [neg('Sigo esperando una respuesta, {handle}.')],
  pl: [neg('Nadal czekam na odpowiedź, {handle}.')],
};

/** What people add at the end, by tone, so two posts from one template rarely read the same. */
export const closers: Record<DemoLanguage, Record<DemoTone, string[]>> = {
  en: {
    negative: ['', '', '', ' Really disappointed.', ' Please sort this out.', ' 😤', ' Not the first time either.', ' Not good enough.'],
    neutral: ['', '', ' Thanks in advance!', ' Cheers.', ' 🙏'],
    positive: ['', '', ' 👏', ' Made my day.', ' Will be back!', ' ❤️'],
  },
  de: { negative: ['', '', ' Echt enttäuschend.', ' Bitte kümmert euch darum.', ' 😡'], neutral: ['', ' Danke im Voraus!', ' 🙏'], positive: ['', ' 👍', ' Gerne wieder!'] },
  fr: { negative: ['', '', ' Vraiment décevant.', ' Merci de faire le nécessaire.', ' 😠'], neutral: ['', ' Merci d\'avance !'], positive: ['', ' 👏', ' À bientôt !'] },
  es: { negative: ['', '', ' Muy decepcionante.', ' A ver si lo solucionáis.', ' 😤'], neutral: ['', ' ¡Gracias de antemano!'], positive: ['', ' 👏', ' ¡Volveré!'] },
  pl: { negative: ['', '', ' Bardzo rozczarowujące.', ' 😠'], neutral: ['', ' Z góry dziękuję!'], positive: ['', ' 👍', ' Polecam!'] },
};

/** How customers address the brand (the listening topics look for these) and name it in a sentence. */
export const handles = ['@acmeretail', '@acmeretail', '@acmeretail', '@AcmeRetail', '#acmeretail'];
export const brandNames = ['Acme', 'Acme', 'Acme', 'Acme Retail'];

/** Words that fit the templates' grammar in each language (masculine nouns where the template needs one). */
export const appliances: Record<DemoLanguage, string[]> = {
  en: ['kettle', 'toaster', 'air fryer', 'desk lamp', 'blender', 'hair dryer', 'electric heater'],
  de: ['Wasserkocher', 'Toaster', 'Mixer', 'Föhn', 'Staubsauger'],
  fr: ['grille-pain', 'sèche-cheveux', 'mixeur', 'aspirateur', 'radiateur'],
  es: ['hervidor', 'secador', 'tostador', 'ventilador'],
  pl: ['czajnik', 'toster', 'mikser', 'odkurzacz'],
};
export const clothing: Record<DemoLanguage, string[]> = {
  en: ['winter coat', 'jacket', 'jeans', 'school shoes', 'trainers', 'jumper'],
  de: ['Wintermantel', 'Pullover', 'Rucksack'],
  fr: ['manteau', 'pull', 'jean'],
  es: ['abrigo', 'jersey', 'pantalón', 'bolso'],
  pl: ['płaszcz', 'sweter'],
};
export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const staffNames = ['Maria', 'Dev', 'Sophie', 'Kwame', 'Aisha', 'Josh', 'Priya', 'Callum'];

/** A store as customers name it in a sentence of the language, and the store spoke it is. */
export interface StoreMention { phrase: string; spoke: string }
const store = (spoke: string, ...phrases: string[]) => phrases.map((phrase) => ({ phrase, spoke }));

export const storeMentions: Record<DemoLanguage, StoreMention[]> = {
  en: [
    ...store('Leeds Briggate', 'the Leeds store', 'Acme Leeds', 'the Briggate store'),
    ...store('Manchester Market Street', 'the Manchester store', 'Acme Manchester', 'the Market Street store'),
    ...store('London Oxford Street', 'the Oxford Street store', 'Acme Oxford St'),
    ...store('Glasgow Buchanan Street', 'the Glasgow store', 'Acme Glasgow', 'the Buchanan Street store'),
  ],
  de: store('Berlin Alexanderplatz', 'der Filiale am Alexanderplatz', 'der Filiale Berlin Alexanderplatz'),
  fr: store('Lyon Part-Dieu', 'le magasin Acme Lyon', 'le magasin de Lyon Part-Dieu'),
  es: store('Madrid Gran Vía', 'la tienda de Gran Vía', 'la tienda Acme Madrid'),
  pl: [...store('Berlin Alexanderplatz', 'sklepie Acme Berlin'), ...store('London Oxford Street', 'sklepie na Oxford Street'), ...store('Manchester Market Street', 'sklepie Acme Manchester')],
};

/** Customers' names, for authors' display names and handles. */
export const authorNames: Record<DemoLanguage, { first: string[]; last: string[] }> = {
  en: {
    first: ['Olivia', 'Jack', 'Amelia', 'Harry', 'Isla', 'Noah', 'Mia', 'Leo', 'Ava', 'Oscar', 'Freya', 'Arjun', 'Zainab', 'Callum', 'Megan', 'Ryan'],
    last: ['Smith', 'Patel', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Khan', 'Evans', 'Murphy', 'Walsh', 'Campbell', 'Ahmed'],
  },
  de: { first: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Marie', 'Paul', 'Sophie'], last: ['Müller', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker'] },
  fr: { first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Lucas', 'Manon', 'Jules'], last: ['Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau'] },
  es: { first: ['Lucía', 'Pablo', 'Sofía', 'Hugo', 'Martina', 'Daniel', 'Paula', 'Álvaro'], last: ['García', 'Martínez', 'López', 'Sánchez', 'Romero', 'Navarro'] },
  pl: { first: ['Zuzanna', 'Jakub', 'Julia', 'Antoni', 'Maja', 'Szymon'], last: ['Nowak', 'Kowalska', 'Wiśniewski', 'Zielińska', 'Lewandowski'] },
};

export interface DemoAuthor { handle: string; displayName: string; followers: number }

/** High-reach authors: what they say travels far, so routing raises its priority. */
export const influencers: Record<DemoLanguage, DemoAuthor[]> = {
  en: [
    { handle: '@tasha.tests', displayName: 'Tasha Reid (gadget reviews)', followers: 182_000 },
    { handle: '@lifewithleah', displayName: 'Leah Brooks', followers: 64_500 },
  ],
  de: [{ handle: '@derkonsumcheck', displayName: 'Jonas Weber', followers: 48_200 }],
  fr: [{ handle: '@claire.en.ville', displayName: 'Claire Fontaine', followers: 95_300 }],
  es: [{ handle: '@lauraencasa', displayName: 'Laura Ortega', followers: 121_000 }],
  pl: [],
};
export const crisisInfluencer: DemoAuthor = { handle: '@homesafetyhannah', displayName: 'Hannah Price (home safety)', followers: 243_000 };

/** Where the posts were seen; made-up hosts, so nothing links to a real network. */
export const sites = ['mastodon.example', 'bluesky.example', 'threads.example', 'forum.example'];

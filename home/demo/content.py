"""Demo texts for the site tree, German first with the English translation beside it.

Written for this project from the facts in the City of Jena's Smart City material.
"""

HOME = {
    "title": "Smart City Jena",
    "intro": [
        "Jena gestaltet die digitale Stadt gemeinsam mit allen, die hier leben und arbeiten. "
        "Auf dieser Seite finden Sie die Smart-City-Strategie mit ihren Handlungsfeldern, "
        "Neuigkeiten aus dem Projekt und Termine, bei denen Sie mitreden können.",
        "Seit September 2020 gehört Jena zu den Modellprojekten Smart Cities, die der Bund "
        "fördert. Bevor der Stadtrat über die Strategie entscheidet, sind Ihre Ideen gefragt.",
    ],
}

HOME_STRINGS = {
    "Smart City Jena": "Smart City Jena",
    "start": "home",
    HOME["intro"][0]: "Jena is shaping its digital future together with everyone who lives and "
    "works here. On this site you will find the Smart City strategy and its fields of action, "
    "news from the project and dates where you can have your say.",
    HOME["intro"][1]: "Since September 2020 Jena has been one of the Smart Cities model "
    "projects funded by the federal government. Before the city council decides on the "
    "strategy, your ideas are wanted.",
}

DEMO_NOTE = (
    "Diese Website ist eine Demonstration. Sie wird nicht von der Stadt Jena betrieben; "
    "die Angaben zeigen, welche Inhalte hier stehen müssen.",
    "This website is a demonstration. It is not run by the City of Jena; the details show "
    "which information belongs here.",
)

LEGAL_PAGES = {
    "imprint": {
        "title": ("Impressum", "Imprint"),
        "slug": ("impressum", "imprint"),
        "intro": (
            "Angaben zum Anbieter dieser Website nach § 5 Digitale-Dienste-Gesetz.",
            "Information about the provider of this website under section 5 of the German "
            "Digital Services Act (DDG).",
        ),
        "body": [
            ("text", *DEMO_NOTE),
            ("heading", "Herausgeberin", "Publisher"),
            (
                "text",
                "Stadt Jena, vertreten durch den Oberbürgermeister, Am Anger 15, 07743 Jena.",
                "City of Jena, represented by the Lord Mayor, Am Anger 15, 07743 Jena, Germany.",
            ),
            ("heading", "Verantwortlich für den Inhalt", "Responsible for the content"),
            (
                "text",
                "Projektteam Smart City, Büro der Chief Digital Officer. "
                "E-Mail: smartcity@jena.example",
                "Smart City project team, office of the Chief Digital Officer. "
                "Email: smartcity@jena.example",
            ),
            ("heading", "Förderung", "Funding"),
            (
                "text",
                "Das Projekt wird im Programm Modellprojekte Smart Cities des Bundes gefördert.",
                "The project is funded by the federal government's Smart Cities model "
                "projects programme.",
            ),
        ],
    },
    "privacy": {
        "title": ("Datenschutz", "Privacy notice"),
        "slug": ("datenschutz", "privacy"),
        "intro": (
            "Wie wir mit Ihren Daten umgehen, wenn Sie diese Website besuchen.",
            "How we handle your data when you visit this website.",
        ),
        "body": [
            ("text", *DEMO_NOTE),
            ("heading", "Keine Dienste Dritter", "No third-party services"),
            (
                "text",
                "Alle Schriften, Bilder und Skripte liefert diese Website selbst aus. "
                "Ihr Browser nimmt beim Lesen keine Verbindung zu anderen Anbietern auf.",
                "This website serves all fonts, images and scripts itself. While you read, "
                "your browser does not connect to any other provider.",
            ),
            ("heading", "Cookies", "Cookies"),
            (
                "text",
                "Wer nur liest, bekommt kein Cookie. Wer sich anmeldet, erhält ein "
                "Sitzungscookie (sessionid, bis zur Abmeldung, höchstens zwei Wochen) und ein "
                "Cookie zum Schutz von Formularen (csrftoken, ein Jahr); beide sind technisch "
                "notwendig. Wer eine Umfrage ohne Konto beantwortet, erhält ein Sitzungscookie, "
                "damit jede Person nur einmal antwortet.",
                "Reading the site sets no cookie. If you sign in, you receive a session "
                "cookie (sessionid, until you sign out, at most two weeks) and a cookie that "
                "protects forms (csrftoken, one year); both are strictly necessary. Answering "
                "a survey without an account sets a session cookie, so that everyone answers "
                "only once.",
            ),
            ("heading", "Was wir speichern, wenn Sie mitmachen",
             "What we store when you take part"),
            (
                "text",
                "Für ein Konto: Ihre E-Mail-Adresse, ein verschlüsseltes Passwort, Ihren "
                "öffentlichen Namen, ob Sie Antworten per E-Mail erhalten möchten, und wann Sie "
                "dieser Erklärung zugestimmt haben. Für die Beteiligung: Ihre Beiträge mit "
                "Sprache und Zeitpunkt, Ihre Unterstützungen, Ihre Meldungen und Ihre "
                "Umfrageantworten. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a "
                "DSGVO); Zweck ist die Bürgerbeteiligung an der Smart-City-Strategie. Öffentlich "
                "sichtbar sind nur Ihr öffentlicher Name und Ihre Beiträge, nie Ihre "
                "E-Mail-Adresse. Die Daten bleiben, bis Sie Ihr Konto löschen; Ihre Beiträge "
                "bleiben dann als von „gelöschtes Konto“ lesbar.",
                "For an account: your e-mail address, an encrypted password, your public name, "
                "whether you want replies by e-mail, and when you agreed to this notice. For "
                "taking part: your comments with their language and time, your supports, your "
                "reports and your survey answers. The legal basis is your consent (Art. 6(1)(a) "
                "GDPR); the purpose is citizen participation in the Smart City strategy. Only "
                "your public name and your comments are public, never your e-mail address. The "
                "data stay until you delete your account; your comments then stay readable as "
                "from “deleted user”.",
            ),
            ("heading", "IP-Adressen", "IP addresses"),
            (
                "text",
                "Wir speichern keine IP-Adressen zu Beiträgen, Antworten oder Meldungen. Gegen "
                "Missbrauch zählen wir Anfragen je Adresse: nur als Prüfsumme, im "
                "Zwischenspeicher, und nach höchstens einer Stunde gelöscht; fehlgeschlagene "
                "Anmeldungen nach 30 Minuten.",
                "We store no IP addresses with comments, answers or reports. Against abuse we "
                "count requests per address: only as a checksum, in the cache, deleted after "
                "one hour at most; failed sign-ins after 30 minutes.",
            ),
            ("heading", "Ihre Rechte", "Your rights"),
            (
                "text",
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung "
                "der Verarbeitung sowie auf Beschwerde bei der Aufsichtsbehörde. In Ihrem Konto "
                "laden Sie alle gespeicherten Daten herunter, ändern Ihren Namen und löschen "
                "Ihr Konto selbst; Ihre Einwilligung können Sie so jederzeit widerrufen.",
                "You have the right of access, rectification, erasure and restriction of "
                "processing, and the right to lodge a complaint with the supervisory authority. "
                "In your account you download everything stored about you, change your name and "
                "delete your account yourself; that is also how you withdraw your consent.",
            ),
        ],
    },
    "accessibility": {
        "title": ("Erklärung zur Barrierefreiheit", "Accessibility statement"),
        "slug": ("barrierefreiheit", "accessibility"),
        "intro": (
            "Wir möchten, dass alle Menschen diese Website nutzen können.",
            "We want everyone to be able to use this website.",
        ),
        "body": [
            ("text", *DEMO_NOTE),
            ("heading", "Stand der Vereinbarkeit", "Compliance status"),
            (
                "text",
                "Die Website soll die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) "
                "und damit die Stufe AA der WCAG 2.1 erfüllen. Jede Seitenart wird "
                "automatisch im Browser geprüft.",
                "The website aims to meet the German accessibility regulation (BITV 2.0) and "
                "therefore level AA of WCAG 2.1. Every page type is tested automatically in "
                "a browser.",
            ),
            ("heading", "Barriere melden", "Report a barrier"),
            (
                "text",
                "Wenn Ihnen eine Barriere auffällt, schreiben Sie uns bitte an "
                "barrierefreiheit@jena.example. Wir antworten innerhalb von sechs Wochen.",
                "If you come across a barrier, please write to barrierefreiheit@jena.example. "
                "We will reply within six weeks.",
            ),
        ],
    },
    "netiquette": {
        "title": ("Netiquette", "Netiquette"),
        "slug": ("netiquette", "netiquette"),
        "intro": (
            "Die Regeln für die Diskussionen auf dieser Website. Sie gelten für alle Beiträge "
            "und Antworten, auf Deutsch und auf Englisch.",
            "The rules for the discussions on this website. They apply to every comment and "
            "reply, in German and in English.",
        ),
        "body": [
            ("text", *DEMO_NOTE),
            ("heading", "Respekt statt Beleidigung", "Respect, not insults"),
            (
                "text",
                "Kritisieren Sie Ideen, nicht Menschen. Beleidigungen und persönliche Angriffe "
                "werden ausgeblendet.",
                "Criticise ideas, not people. Insults and personal attacks are hidden.",
            ),
            ("heading", "Keine Diskriminierung", "No discrimination"),
            (
                "text",
                "Abwertende Äußerungen über Herkunft, Geschlecht, Religion, Behinderung, Alter "
                "oder sexuelle Identität haben hier keinen Platz.",
                "Remarks that belittle people for their origin, gender, religion, disability, "
                "age or sexual identity have no place here.",
            ),
            ("heading", "Keine Werbung", "No advertising"),
            (
                "text",
                "Werbung, Kettenbriefe und immer gleiche Beiträge werden als Spam entfernt.",
                "Advertising, chain letters and the same comment over and over are removed as "
                "spam.",
            ),
            ("heading", "Beim Thema bleiben", "Stay on topic"),
            (
                "text",
                "Jede Diskussion gehört zu einem Handlungsfeld, einem Ziel oder einer "
                "Maßnahme. Beiträge zu anderen Themen werden ausgeblendet.",
                "Every discussion belongs to a field of action, a goal or a measure. Comments "
                "on other subjects are hidden.",
            ),
            ("heading", "Daten anderer schützen", "Protect other people's data"),
            (
                "text",
                "Veröffentlichen Sie keine Namen, Adressen, Telefonnummern oder Bilder "
                "anderer Menschen.",
                "Do not publish other people's names, addresses, phone numbers or pictures.",
            ),
            ("heading", "Im Rahmen des Rechts", "Within the law"),
            (
                "text",
                "Rechtswidrige Inhalte werden ausgeblendet und können angezeigt werden.",
                "Unlawful content is hidden and may be reported to the authorities.",
            ),
            ("heading", "Entscheidungen und Widerspruch", "Decisions and objections"),
            (
                "text",
                "Ein Beitrag, den drei Personen melden, wird ausgeblendet, bis die Moderation "
                "entschieden hat. Wer einen Beitrag geschrieben hat, erfährt jede Entscheidung "
                "mit Begründung und kann innerhalb von vier Wochen an "
                "beteiligung@jena.example widersprechen.",
                "A comment reported by three people is hidden until the moderators have "
                "decided. Its author learns every decision with the reasons and can object "
                "within four weeks by writing to beteiligung@jena.example.",
            ),
        ],
    },
}

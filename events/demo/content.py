"""Demo events: the participation series on the Smart City strategy, German with English.

Written for this project from the facts in the City of Jena's material. ``days`` places a date
relative to the day ``load_demo`` first runs (negative: in the past), with local start and end
times and, optionally, the number of days the date lasts.
"""

INDEX = {
    "title": ("Veranstaltungen", "Events"),
    "slug": ("veranstaltungen", "events"),
    "intro": (
        "Werkstätten, Festivals und Online-Runden: Hier reden Sie bei der Smart-City-Strategie "
        "mit. Alle Termine gibt es auch zum Abonnieren in Ihrem Kalender.",
        "Workshops, festivals and online sessions: this is where you have your say on the "
        "Smart City strategy. You can also subscribe to every date in your own calendar.",
    ),
}

ORGANISER = ("Projektteam Smart City der Stadt Jena", "Smart City project team, City of Jena")
GATHER = "https://gather.town/app/smartcity-jena-demo"
PLATFORM = "https://mitmachen.jena.example/"
GATHER_NOTE = (
    "Die Werkstatt findet auf der Plattform Gather.Town statt: Sie bewegen sich mit einer "
    "kleinen Figur durch virtuelle Räume, setzen sich an Thementische und sprechen direkt mit "
    "den Teilprojektleitungen. Ein Browser mit Kamera und Mikrofon genügt.",
    "The workshop takes place on the Gather.Town platform: you move a small figure through "
    "virtual rooms, join tables on each topic and talk directly to the sub-project leads. "
    "A browser with camera and microphone is all you need.",
)


def workshop(number, slug, days, title, topic_de, topic_en):
    return {
        "slug": slug,
        "title": title,
        "summary": (
            f"Online-Werkstatt zum Handlungsfeld {number}: Ziele und Maßnahmen der Strategie "
            f"besprechen und eigene Ideen zu {topic_de} einbringen.",
            f"Online workshop on field of action {number}: discuss the strategy's goals and "
            f"measures and add your own ideas on {topic_en}.",
        ),
        "format": "online",
        "online_url": GATHER,
        "registration_url": PLATFORM,
        "dates": [(days, (17, 0), (19, 30))],
        "chapters": [number],
        "body": [("text", *GATHER_NOTE)],
    }


EVENTS = [
    {
        "slug": "auftakt-beteiligung",
        "title": ("Auftakt der Bürgerbeteiligung", "Launch of the citizen participation"),
        "summary": (
            "Zum Start der Beteiligungsphase stellt das Projektteam den Stand der "
            "Smart-City-Strategie vor und erklärt, wo Sie mitreden können.",
            "At the start of the participation phase, the project team presents the state of "
            "the Smart City strategy and explains where you can have your say.",
        ),
        "format": "online",
        "online_url": GATHER,
        "dates": [(-45, (18, 0), (20, 0))],
        "chapters": [1, 2, 3, 4, 5],
        "body": [
            ("text", *GATHER_NOTE),
            (
                "text",
                "Seit September 2020 gehört Jena zu den Modellprojekten Smart Cities des Bundes. "
                "Bevor der Stadtrat über die Strategie abstimmt, sammelt die Stadt Ideen aus der "
                "Bürgerschaft.",
                "Since September 2020 Jena has been one of the federal Smart Cities model "
                "projects. Before the city council votes on the strategy, the city is "
                "collecting ideas from its residents.",
            ),
        ],
    },
    workshop(1, "werkstatt-mobilitaet", -38,
             ("Online-Werkstatt Mobilität", "Online workshop: mobility"),
             "Bus, Rad und Verkehr", "buses, cycling and traffic"),
    workshop(5, "werkstatt-digitale-verwaltung", -31,
             ("Online-Werkstatt Digitale Verwaltung", "Online workshop: digital administration"),
             "Online-Diensten der Stadtverwaltung", "the city administration's online services"),
    workshop(2, "werkstatt-energie-umwelt", -24,
             ("Online-Werkstatt Energie und Umwelt", "Online workshop: energy and environment"),
             "Klima, Energie und Umweltdaten", "climate, energy and environmental data"),
    {
        "slug": "thueringer-digitalfestival",
        "title": ("Smart City Jena beim Thüringer Digitalfestival",
                  "Smart City Jena at the Thuringian Digital Festival"),
        "summary": (
            "Am Stand der Stadt Jena kommentieren Sie die Ziele und Maßnahmen der Strategie "
            "und kommen mit dem Projektteam ins Gespräch.",
            "At the City of Jena's stand you can comment on the strategy's goals and measures "
            "and talk to the project team.",
        ),
        "format": "on_site",
        "venue": ("Innenstadt Jena, Stand der Stadt", "Jena city centre, the city's stand"),
        "address": "Markt, 07743 Jena",
        "all_day": True,
        "dates": [(-10, (0, 0), (0, 0), 2)],
        "chapters": [1, 2, 3, 4, 5],
        "body": [],
    },
    {
        "slug": "sprechstunde-smart-city",
        "title": ("Sprechstunde Smart City", "Smart City drop-in hours"),
        "summary": (
            "Fragen zur Strategie, zur Beteiligungsplattform oder zu einzelnen Projekten? "
            "Kommen Sie im Rathaus vorbei oder schalten Sie sich online dazu.",
            "Questions about the strategy, the participation platform or individual projects? "
            "Drop in at the town hall or join online.",
        ),
        "format": "hybrid",
        "venue": ("Rathaus, Raum 2", "Town hall, room 2"),
        "address": "Markt 1, 07743 Jena",
        "online_url": "https://meet.jena.example/sprechstunde",
        "dates": [(-3, (16, 0), (18, 0)), (4, (16, 0), (18, 0)), (11, (16, 0), (18, 0))],
        "chapters": [],
        "body": [],
    },
    workshop(3, "werkstatt-gesellschaft", 6,
             ("Online-Werkstatt Gesellschaft", "Online workshop: society"),
             "digitaler Teilhabe und Bildung", "digital inclusion and education"),
    {
        "slug": "stadtspaziergang-sensoren",
        "title": ("Stadtspaziergang: Sensoren im Stadtgebiet",
                  "City walk: sensors around town"),
        "summary": (
            "Ein Rundgang zu den Messstationen für Luft, Lärm und Verkehr in der Innenstadt.",
            "A walk to the stations measuring air, noise and traffic in the city centre.",
        ),
        "format": "on_site",
        "venue": ("Treffpunkt vor dem Volkshaus", "Meeting point outside the Volkshaus"),
        "address": "Carl-Zeiß-Platz 15, 07743 Jena",
        "status": "cancelled",
        "status_note": (
            "Der Rundgang fällt wegen Bauarbeiten aus; ein neuer Termin folgt.",
            "The walk is cancelled because of building works; a new date will follow.",
        ),
        "dates": [(9, (15, 0), (17, 0))],
        "chapters": [1, 2],
        "body": [],
    },
    workshop(4, "werkstatt-it-kommunikation", 13,
             ("Online-Werkstatt IT und Kommunikation",
              "Online workshop: IT and communication"),
             "offenen Daten und Netzen", "open data and networks"),
    {
        "slug": "smart-city-fest",
        "title": ("Smart-City-Fest auf dem Markt", "Smart City festival on the market square"),
        "summary": (
            "Zum Abschluss der Beteiligung: Gespräche mit dem Projektteam, Plakatwände für "
            "Ihre Ideen, zwei Terminals für die Online-Beteiligung und eine Malecke, in der "
            "Kinder ihre digitale Stadt der Zukunft zeichnen.",
            "To round off the participation: talks with the project team, poster walls for "
            "your ideas, two terminals for taking part online and a drawing corner where "
            "children picture their digital city of the future.",
        ),
        "format": "on_site",
        "venue": ("Markt Jena", "Jena market square"),
        "address": "Markt, 07743 Jena",
        "dates": [(20, (11, 0), (18, 0))],
        "chapters": [1, 2, 3, 4, 5],
        "body": [],
    },
    {
        "slug": "fragestunde-beteiligungsplattform",
        "title": ("Online-Fragestunde zur Beteiligungsplattform",
                  "Online Q&A on the participation platform"),
        "summary": (
            "Wie kommentiere ich Ziele und Maßnahmen auf der Plattform? Das Team zeigt es "
            "Schritt für Schritt und beantwortet Ihre Fragen.",
            "How do I comment on goals and measures on the platform? The team shows you step "
            "by step and answers your questions.",
        ),
        "format": "online",
        "online_url": "https://meet.jena.example/fragestunde",
        "dates": [(27, (18, 0), (19, 0))],
        "chapters": [3],
        "body": [],
    },
]

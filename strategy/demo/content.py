"""Demo texts for the strategy, each German text with its English translation beside it.

Written for this project from the facts in the City of Jena's Smart City material (field of
action 5 "Digitale Verwaltung", the Bitkom Smart City Index 2021, the participation phase 2022).
"""

PLANNED, IN_PROGRESS, DONE = "planned", "in_progress", "done"

INDEX = {
    "title": ("Smart-City-Strategie", "Smart City strategy"),
    "slug": ("smart-city-strategie", "smart-city-strategy"),
    "intro": [
        (
            "Mit der Smart-City-Strategie legt Jena fest, wie digitale Werkzeuge das Leben in "
            "der Stadt einfacher, klimafreundlicher und offener machen sollen. Sie ist in fünf "
            "Handlungsfelder gegliedert, jedes mit eigenen Zielen und Maßnahmen.",
            "Jena's Smart City strategy sets out how digital tools are to make life in the city "
            "simpler, kinder to the climate and more open. It is organised in five fields of "
            "action, each with its own goals and measures.",
        ),
        (
            "Die Ziele und Maßnahmen sind im Frühjahr 2022 mit Bürgerinnen und Bürgern in "
            "Werkstätten, online und vor Ort diskutiert worden; ihre Ideen sind eingeflossen.",
            "The goals and measures were discussed with residents in spring 2022, in "
            "workshops, online and in person, and their ideas have been taken in.",
        ),
    ],
}


def measure(title, description, status, unit, timeframe):
    return {"title": title, "description": description, "status": status, "unit": unit,
            "timeframe": timeframe}


DIGITAL_ADMINISTRATION = {
    "number": 5,
    "title": ("Digitale Verwaltung", "Digital administration"),
    "slug": ("digitale-verwaltung", "digital-administration"),
    "summary": (
        "Behördengänge online erledigen, wann es passt: Jena will seine Verwaltung "
        "nutzerfreundlich, effizient und krisenfest machen und geht dabei über das gesetzlich "
        "Vorgeschriebene hinaus.",
        "Dealing with the city's offices online, whenever it suits you: Jena wants an "
        "administration that is easy to use, efficient and resilient, and aims beyond what "
        "the law requires.",
    ),
    "image": {
        "title": "Handlungsfeld 5: Digitale Verwaltung",
        "alt": (
            "Grafik mit dem Schriftzug „Handlungsfeld 5: Digitale Verwaltung“",
            "Graphic with the words “Field of action 5: Digital administration”",
        ),
        "colour": "#00468c",
    },
    "sections": [
        (
            ("Einführung", "Introduction"),
            [(
                "Immer mehr Anliegen an die Stadt lassen sich digital erledigen. Das "
                "vereinfacht den Austausch von Informationen und Anträgen zwischen der "
                "Verwaltung und den Menschen, Unternehmen und Vereinen in Jena.",
                "More and more business with the city can be done digitally. This makes it "
                "easier for the administration and the people, companies and associations of "
                "Jena to exchange information and applications.",
            )],
        ),
        (
            ("Wie das Smart-City-Projekt hilft", "How the Smart City project helps"),
            [
                (
                    "Im Bitkom Smart City Index 2021 lag Jena insgesamt auf Platz 34, im "
                    "Bereich Verwaltung aber nur auf Platz 49 von 81 Großstädten. Das "
                    "Projekt soll diese Lücke schließen.",
                    "In the Bitkom Smart City Index 2021 Jena came 34th overall but only 49th "
                    "of 81 large cities for administration. The project is meant to close "
                    "this gap.",
                ),
                (
                    "Neben Pflichtaufgaben wie dem Onlinezugangsgesetz kann das Projekt neue "
                    "digitale und analoge Angebote erproben, Beschäftigte schulen und die "
                    "Stadtgesellschaft an der Gestaltung der Dienste beteiligen.",
                    "Beyond statutory duties such as the Online Access Act, the project can "
                    "try out new digital and non-digital services, train staff and involve "
                    "residents in shaping the services.",
                ),
            ],
        ),
        (
            ("Nutzen für die Bürgerinnen und Bürger", "What residents gain"),
            [(
                "Wer Anträge online stellt, spart Wege und Wartezeit und ist nicht an "
                "Öffnungszeiten gebunden. Weniger Fahrten zum Amt schonen zudem die Umwelt, "
                "und schlankere Abläufe verkürzen die Bearbeitung.",
                "Applying online saves trips and waiting time and does not depend on opening "
                "hours. Fewer journeys to the office are also better for the environment, and "
                "leaner processes shorten processing times.",
            )],
        ),
        (
            ("Was wir erreichen wollen", "What we want to achieve"),
            [(
                "Die Verwaltung soll nutzerfreundlich, zukunftsfähig, effizient und "
                "widerstandsfähig werden. Digitale Kompetenzen entlasten die Beschäftigten "
                "und helfen gegen den Fachkräftemangel.",
                "The administration is to become user-friendly, future-proof, efficient and "
                "resilient. Digital skills relieve staff and help to counter the shortage of "
                "skilled workers.",
            )],
        ),
    ],
    "goals": [
        {
            "title": ("Online-Dienste rund um die Uhr", "Online services around the clock"),
            "description": (
                "Die wichtigsten Leistungen der Stadt sollen jederzeit online nutzbar sein.",
                "The city's most important services are to be available online at any time.",
            ),
            "measures": [
                measure(
                    ("Online-Termine im Bürger- und Familienservice",
                     "Online appointments at the Citizen and Family Service"),
                    ("Im Schnitt buchen rund 870 Menschen pro Woche ihren Termin online.",
                     "On average about 870 people a week book their appointment online."),
                    DONE,
                    ("Fachdienst Bürgerservice", "Citizen services department"),
                    ("seit 2020", "since 2020"),
                ),
                measure(
                    ("Fahrzeugzulassung und Meldeauskunft online",
                     "Vehicle registration and registration information online"),
                    ("Die Zulassung ist seit März 2021 online möglich, die Meldeauskunft seit "
                     "Juli 2021.",
                     "Vehicles can be registered online since March 2021, registration "
                     "information has been available since July 2021."),
                    DONE,
                    ("Fachdienst Bürgerservice", "Citizen services department"),
                    ("2021", "2021"),
                ),
                measure(
                    ("Durchgängig digitale Anträge für weitere Leistungen",
                     "End-to-end digital applications for further services"),
                    ("Leistungen wie der JenaBonus oder der Bewohnerparkausweis sollen ohne "
                     "Papier und E-Mail beantragt werden können.",
                     "Services such as the JenaBonus or the resident parking permit are to be "
                     "applied for without paper or email."),
                    IN_PROGRESS,
                    ("Team Digitalisierung", "Digitalisation team"),
                    ("2023–2025", "2023–2025"),
                ),
            ],
        },
        {
            "title": ("Digitale Kompetenzen der Beschäftigten", "Digital skills of staff"),
            "description": (
                "Wer Abläufe digital gestalten soll, braucht das Wissen dafür.",
                "Staff who are to design processes digitally need the knowledge to do so.",
            ),
            "measures": [
                measure(
                    ("Qualifizierungsprogramm Digitale Verwaltung",
                     "Digital administration training programme"),
                    ("Kurse zu digitalen Werkzeugen, Datenschutz und neuen Arbeitsweisen für "
                     "alle Beschäftigten.",
                     "Courses on digital tools, data protection and new ways of working for "
                     "all staff."),
                    IN_PROGRESS,
                    ("Fachdienst Personal", "Human resources department"),
                    ("2023–2026", "2023–2026"),
                ),
                measure(
                    ("Werkstatt für Prozessanalyse", "Process analysis workshop"),
                    ("Teams lernen, ihre Abläufe technisch und rechtlich zu untersuchen und "
                     "nutzerfreundlich neu zu ordnen.",
                     "Teams learn to examine their processes technically and legally and to "
                     "rearrange them around the users."),
                    PLANNED,
                    ("Projektteam Smart City", "Smart City project team"),
                    ("ab 2024", "from 2024"),
                ),
            ],
        },
        {
            "title": ("Bürgerinnen und Bürger gestalten Dienste mit",
                      "Residents help to shape services"),
            "description": (
                "Neue Angebote entstehen gemeinsam mit denen, die sie nutzen.",
                "New services are developed together with the people who use them.",
            ),
            "measures": [
                measure(
                    ("Hinweise und Wünsche zu Online-Diensten sammeln",
                     "Collecting suggestions and wishes for online services"),
                    ("Ein einfacher Weg, Verbesserungsbedarf und Ideen für neue Dienste zu "
                     "melden.",
                     "A simple way to report what needs improving and to suggest new "
                     "services."),
                    PLANNED,
                    ("Projektteam Smart City", "Smart City project team"),
                    ("2024", "2024"),
                ),
                measure(
                    ("Nutzertests vor dem Start neuer Angebote",
                     "User testing before new services go live"),
                    ("Freiwillige probieren neue Online-Dienste aus, bevor sie "
                     "freigeschaltet werden.",
                     "Volunteers try out new online services before they are switched on."),
                    PLANNED,
                    ("Team Digitalisierung", "Digitalisation team"),
                    ("", ""),
                ),
                measure(
                    ("Digitale Angebote bekannt machen", "Making digital services known"),
                    ("Informationen online und vor Ort, damit mehr Menschen die digitalen "
                     "Wege nutzen.",
                     "Information online and in person so that more people use the digital "
                     "routes."),
                    IN_PROGRESS,
                    ("Büro für Öffentlichkeitsarbeit", "Press and public relations office"),
                    ("fortlaufend", "ongoing"),
                ),
            ],
        },
        {
            "title": ("KI-Piloten über das gesetzliche Minimum (OZG) hinaus",
                      "AI pilots beyond the legal minimum (OZG)"),
            "description": (
                "Jena erprobt Anwendungen künstlicher Intelligenz, die das "
                "Onlinezugangsgesetz nicht verlangt.",
                "Jena is trying out applications of artificial intelligence that the Online "
                "Access Act does not require.",
            ),
            "measures": [
                measure(
                    ("KI-Assistent für Fragen zu Verwaltungsleistungen",
                     "AI assistant for questions about public services"),
                    ("Beantwortet häufige Fragen rund um die Uhr und verweist auf den "
                     "passenden Antrag.",
                     "Answers frequent questions around the clock and points to the right "
                     "application."),
                    PLANNED,
                    ("Team Digitalisierung", "Digitalisation team"),
                    ("2024–2025", "2024–2025"),
                ),
                measure(
                    ("Automatische Vorprüfung von Anträgen", "Automatic pre-check of applications"),
                    ("Ein Pilot prüft eingereichte Unterlagen auf Vollständigkeit, bevor sie "
                     "bearbeitet werden.",
                     "A pilot checks submitted documents for completeness before they are "
                     "processed."),
                    PLANNED,
                    ("Fachdienst Bürgerservice", "Citizen services department"),
                    ("ab 2025", "from 2025"),
                ),
            ],
        },
    ],
}


def short_chapter(number, title, slug, summary, colour, alt, intro, aim, goals):
    return {
        "number": number,
        "title": title,
        "slug": slug,
        "summary": summary,
        "image": {"title": f"Handlungsfeld {number}: {title[0]}", "alt": alt, "colour": colour},
        "sections": [
            (("Einführung", "Introduction"), [intro]),
            (("Was wir erreichen wollen", "What we want to achieve"), [aim]),
        ],
        "goals": goals,
    }


MOBILITY = short_chapter(
    1,
    ("Mobilität", "Mobility"),
    ("mobilitaet", "mobility"),
    (
        "Bus, Bahn, Rad und Auto sollen in Jena besser zusammenspielen, mit Daten in Echtzeit.",
        "Buses, trams, bikes and cars are to work together better in Jena, with real-time data.",
    ),
    "#006b5f",
    (
        "Grafik mit dem Schriftzug „Handlungsfeld 1: Mobilität“",
        "Graphic with the words “Field of action 1: Mobility”",
    ),
    (
        "Im Bitkom Smart City Index 2021 ist Jena im Bereich Mobilität um 24 Plätze auf Platz "
        "46 gestiegen. Die Stadt im engen Saaletal braucht kluge Lösungen für den Verkehr.",
        "In the Bitkom Smart City Index 2021 Jena climbed 24 places to 46th for mobility. A "
        "city in the narrow Saale valley needs clever answers for its traffic.",
    ),
    (
        "Wer unterwegs ist, soll jederzeit wissen, wie er am besten ans Ziel kommt.",
        "Anyone on the move should always know the best way to reach their destination.",
    ),
    [
        {
            "title": ("Verkehr in Echtzeit sichtbar machen", "Showing traffic in real time"),
            "description": (
                "Abfahrten, Verspätungen und freie Parkplätze sind online abrufbar.",
                "Departures, delays and free parking spaces can be looked up online.",
            ),
            "measures": [
                measure(
                    ("Echtzeitdaten des Nahverkehrs als offene Daten",
                     "Real-time public transport data as open data"),
                    ("", ""),
                    IN_PROGRESS,
                    ("Fachdienst Mobilität", "Mobility department"),
                    ("2023–2024", "2023–2024"),
                ),
                measure(
                    ("Parkleitsystem mit Belegung in Echtzeit",
                     "Parking guidance with live occupancy"),
                    ("", ""),
                    PLANNED,
                    ("Fachdienst Mobilität", "Mobility department"),
                    ("ab 2025", "from 2025"),
                ),
            ],
        },
        {
            "title": ("Vernetzte Mobilität", "Connected mobility"),
            "description": (
                "Verkehrsmittel lassen sich leichter kombinieren.",
                "Means of transport are easier to combine.",
            ),
            "measures": [
                measure(
                    ("Pilotprojekt 5G-Verkehrsvernetzung", "5G traffic networking pilot"),
                    ("Ampeln und Fahrzeuge tauschen an ausgewählten Kreuzungen Daten aus.",
                     "Traffic lights and vehicles exchange data at selected junctions."),
                    IN_PROGRESS,
                    ("Projektteam Smart City", "Smart City project team"),
                    ("2022–2025", "2022–2025"),
                ),
            ],
        },
    ],
)

ENERGY = short_chapter(
    2,
    ("Energie und Umwelt", "Energy and environment"),
    ("energie-und-umwelt", "energy-and-environment"),
    (
        "Daten helfen, Energie zu sparen und das Stadtklima im Blick zu behalten.",
        "Data helps to save energy and to keep an eye on the city's climate.",
    ),
    "#3b6e1f",
    (
        "Grafik mit dem Schriftzug „Handlungsfeld 2: Energie und Umwelt“",
        "Graphic with the words “Field of action 2: Energy and environment”",
    ),
    (
        "Im Bereich Energie und Umwelt hat sich Jena 2021 um 14 Plätze auf Platz 36 "
        "verbessert. Digitale Messungen zeigen, wo Energie verloren geht.",
        "In energy and environment Jena improved by 14 places to 36th in 2021. Digital "
        "measurements show where energy is lost.",
    ),
    (
        "Städtische Gebäude sollen weniger Energie verbrauchen, und die Stadt soll auf Hitze "
        "und Starkregen besser vorbereitet sein.",
        "Municipal buildings are to use less energy, and the city is to be better prepared for "
        "heat and heavy rain.",
    ),
    [
        {
            "title": ("Energieverbrauch städtischer Gebäude senken",
                      "Reducing energy use in municipal buildings"),
            "description": ("", ""),
            "measures": [
                measure(
                    ("Intelligente Zähler in Schulen und Kitas",
                     "Smart meters in schools and day-care centres"),
                    ("", ""),
                    IN_PROGRESS,
                    ("Kommunale Immobilien Jena", "Municipal property management"),
                    ("2023–2025", "2023–2025"),
                ),
                measure(
                    ("Öffentliche Übersicht der Energiedaten", "Public energy data dashboard"),
                    ("", ""),
                    PLANNED,
                    ("Projektteam Smart City", "Smart City project team"),
                    ("2025", "2025"),
                ),
            ],
        },
        {
            "title": ("Das Stadtklima messen", "Measuring the urban climate"),
            "description": ("", ""),
            "measures": [
                measure(
                    ("Sensornetz für Temperatur und Luftqualität",
                     "Sensor network for temperature and air quality"),
                    ("", ""),
                    DONE,
                    ("Fachdienst Umweltschutz", "Environmental protection department"),
                    ("2022", "2022"),
                ),
            ],
        },
    ],
)

SOCIETY = short_chapter(
    3,
    ("Gesellschaft", "Society"),
    ("gesellschaft", "society"),
    (
        "Alle sollen an der digitalen Stadt teilhaben und sie mitgestalten können.",
        "Everyone should be able to take part in the digital city and help to shape it.",
    ),
    "#8a1c4a",
    (
        "Grafik mit dem Schriftzug „Handlungsfeld 3: Gesellschaft“",
        "Graphic with the words “Field of action 3: Society”",
    ),
    (
        "In keinem Bereich schneidet Jena im Bitkom-Index besser ab: Platz 7 für "
        "Beteiligungsangebote, eine vernetzte Digitalszene und offene Werkstätten.",
        "In no category does Jena do better in the Bitkom index: 7th place for participation, "
        "a well-connected digital scene and open workshops.",
    ),
    (
        "Digitale Angebote sollen niemanden zurücklassen, unabhängig von Alter, Einkommen oder "
        "Vorkenntnissen.",
        "Digital services should leave no one behind, whatever their age, income or prior "
        "knowledge.",
    ),
    [
        {
            "title": ("Digitale Teilhabe für alle", "Digital inclusion for everyone"),
            "description": ("", ""),
            "measures": [
                measure(
                    ("Digitallotsen in den Stadtteilen", "Digital guides in the neighbourhoods"),
                    ("", ""),
                    PLANNED,
                    ("Fachdienst Soziales", "Social services department"),
                    ("ab 2024", "from 2024"),
                ),
            ],
        },
        {
            "title": ("Beteiligung online und vor Ort", "Participation online and in person"),
            "description": ("", ""),
            "measures": [
                measure(
                    ("Beteiligungsplattform für die Strategie",
                     "Participation platform for the strategy"),
                    ("Seit März 2022 lassen sich Ziele und Maßnahmen online diskutieren.",
                     "Since March 2022 goals and measures can be discussed online."),
                    DONE,
                    ("Projektteam Smart City", "Smart City project team"),
                    ("2022", "2022"),
                ),
                measure(
                    ("Werkstätten in den Stadtteilen", "Neighbourhood workshops"),
                    ("", ""),
                    IN_PROGRESS,
                    ("Projektteam Smart City", "Smart City project team"),
                    ("fortlaufend", "ongoing"),
                ),
            ],
        },
    ],
)

IT_AND_COMMUNICATION = short_chapter(
    4,
    ("IT und Kommunikation", "IT and communication"),
    ("it-und-kommunikation", "it-and-communication"),
    (
        "Offene Daten und leistungsfähige Netze bilden das Fundament der Smart City.",
        "Open data and capable networks are the foundation of the smart city.",
    ),
    "#5a2d82",
    (
        "Grafik mit dem Schriftzug „Handlungsfeld 4: IT und Kommunikation“",
        "Graphic with the words “Field of action 4: IT and communication”",
    ),
    (
        "Mit Platz 53 im Bereich IT und Kommunikation hat Jena noch Luft nach oben. Das "
        "Open-Data-Portal der Stadt wurde im Index bereits positiv bewertet.",
        "At 53rd in IT and communication, Jena still has room to improve. The city's open "
        "data portal was already rated positively in the index.",
    ),
    (
        "Daten der Stadt sollen offen, sicher und für alle nutzbar sein.",
        "The city's data is to be open, secure and usable by everyone.",
    ),
    [
        {
            "title": ("Offene Daten als Standard", "Open data by default"),
            "description": ("", ""),
            "measures": [
                measure(
                    ("Open-Data-Portal ausbauen", "Expanding the open data portal"),
                    ("", ""),
                    IN_PROGRESS,
                    ("Team Digitalisierung", "Digitalisation team"),
                    ("fortlaufend", "ongoing"),
                ),
            ],
        },
        {
            "title": ("Leistungsfähige Netze", "Capable networks"),
            "description": ("", ""),
            "measures": [
                measure(
                    ("Funknetz für Sensoren im Stadtgebiet", "Radio network for city sensors"),
                    ("", ""),
                    DONE,
                    ("Stadtwerke Jena", "Jena municipal utilities"),
                    ("2022", "2022"),
                ),
                measure(
                    ("Freies WLAN an zentralen Plätzen", "Free Wi-Fi in central squares"),
                    ("", ""),
                    PLANNED,
                    ("Team Digitalisierung", "Digitalisation team"),
                    ("ab 2025", "from 2025"),
                ),
            ],
        },
    ],
)

CHAPTERS = [MOBILITY, ENERGY, SOCIETY, IT_AND_COMMUNICATION, DIGITAL_ADMINISTRATION]

"""Demo news, German first with the English translation beside it.

Written for this project from the facts in the City of Jena's Smart City material. The
Bitkom story carries no date in the material; 16 November 2021 is assumed. The close of the
participation phase is dated the day after the Smart City festival (assumed 19 June 2022).
"""

import datetime

INDEX = {
    "title": ("Aktuelles", "News"),
    "slug": ("aktuelles", "news"),
    "intro": (
        "Neuigkeiten aus dem Smart-City-Projekt der Stadt Jena: Veranstaltungen, Ergebnisse "
        "und wie Sie mitmachen können.",
        "News from the City of Jena's Smart City project: events, results and how you can "
        "take part.",
    ),
}

PRESS_CONTACT = {
    "name": ("Projektteam Smart City", "Smart City project team"),
    "role": ("Presse- und Öffentlichkeitsarbeit", "Press and public relations"),
    "organisation": (
        "Stadt Jena, Büro der Chief Digital Officer",
        "City of Jena, office of the Chief Digital Officer",
    ),
    "email": "smartcity@jena.example",
}

TOPICS = {
    "Digitale Verwaltung": "Digital administration",
    "Beteiligung": "Participation",
    "Smart-City-Strategie": "Smart City strategy",
    "Rankings": "Rankings",
}

CREDIT = ("Grafik: Smart City Jena (Platzhalter)", "Graphic: Smart City Jena (placeholder)")

STORIES = [
    {
        "slug": ("workshop-digitale-verwaltung", "workshop-digital-administration"),
        "date": datetime.date(2022, 4, 29),
        "title": (
            "Workshop zur digitalen Verwaltung: Ideen aus der Stadtgesellschaft",
            "Workshop on digital administration: ideas from the people of Jena",
        ),
        "lead": (
            "Beim zweiten Termin der Workshopreihe zur Smart-City-Strategie ging es um die "
            "digitale Verwaltung. Bürgerinnen und Bürger haben online mitdiskutiert, was die "
            "Stadt künftig digital anbieten soll.",
            "The second date of the workshop series on the Smart City strategy was about "
            "digital administration. Residents joined online to discuss what the city should "
            "offer digitally in the future.",
        ),
        "image": {
            "title": "Workshop digitale Verwaltung",
            "alt": (
                "Grafik mit diagonalen Linien und der Aufschrift Workshop digitale Verwaltung",
                "Graphic with diagonal lines and the words Workshop digitale Verwaltung",
            ),
            "caption": (
                "Der Workshop fand auf einer digitalen Plattform statt.",
                "The workshop took place on a digital platform.",
            ),
            "colour": "#1d5c8c",
        },
        "topics": ["Digitale Verwaltung", "Beteiligung"],
        "chapters": [5],
        "body": [
            ("text",
             "Zwischen März und Juni können sich alle Jenaerinnen und Jenaer über den Stand "
             "des Smart-City-Prozesses informieren und ihre Sicht einbringen. Mehr als 500 "
             "Verwaltungsleistungen sollen künftig online erreichbar sein; viele Angebote "
             "werden bereits vorbereitet.",
             "Between March and June everyone in Jena can learn where the Smart City process "
             "stands and contribute their view. More than 500 administrative services are to "
             "be available online in the future; many are already being prepared."),
            ("text",
             "Wer Anträge rund um die Uhr stellen kann, ist nicht mehr an Öffnungszeiten "
             "gebunden und spart sich den Weg ins Amt. Langfristig braucht die Verwaltung "
             "weniger Papierakten und damit auch weniger Archivfläche.",
             "Being able to apply around the clock means no longer depending on opening "
             "hours and no trip to the office. In the long run the administration needs fewer "
             "paper files and therefore less archive space."),
            ("heading", "Was die Teilnehmenden sich wünschen", "What participants asked for"),
            ("text",
             "Diskutiert wurde, ob eine schlanke App, ein Chatbot oder umfassende Informationen "
             "in vielen Formaten am besten helfen. Die Teilnehmenden wollen Prototypen selbst "
             "testen, und zwar in ganz unterschiedlichen Zielgruppen.",
             "The discussion weighed a lean app, a chatbot or comprehensive information in many "
             "formats. Participants want to test prototypes themselves, across very different "
             "groups of people."),
            ("text",
             "Ein weiteres Thema: Welche Zusatzangebote kann Jena über die Pflichtleistungen des "
             "Onlinezugangsgesetzes (OZG) hinaus machen? Und wie ergänzen sich digitale Dienste "
             "und persönliche Beratung vor Ort?",
             "Another topic: which additional services can Jena offer beyond those required by "
             "the Online Access Act (OZG)? And how do digital services and personal advice on "
             "site complement each other?"),
            ("quote",
             "Die vielen Vorschläge zeigen, wie sehr sich die Menschen in Jena beteiligen "
             "wollen. Sie helfen uns, digitale Angebote zu schaffen, die wirklich nah an den "
             "Bürgerinnen und Bürgern sind.",
             "The many suggestions show how much people in Jena want to take part. They help "
             "us build digital services that are truly close to residents.",
             "Manuela Meyer",
             ("Chief Digital Officer und Gesamtprojektleiterin Smart City",
              "Chief Digital Officer and overall Smart City project lead")),
            ("heading", "Fast wie vor Ort", "Almost like being there"),
            ("text",
             "Die Veranstaltung lief auf der Plattform Gather.Town: Wer teilnahm, konnte "
             "virtuelle Workshopräume betreten und mit den Teilprojektleitungen sprechen.",
             "The event ran on the Gather.Town platform: participants could walk into virtual "
             "workshop rooms and talk to the subproject leads."),
        ],
    },
    {
        "slug": ("bitkom-smart-city-index", "bitkom-smart-city-index"),
        "date": datetime.date(2021, 11, 16),
        "title": (
            "Smart City Index: Jena klettert um acht Plätze",
            "Smart City Index: Jena climbs eight places",
        ),
        "lead": (
            "Im Digitalranking des Branchenverbands Bitkom liegt Jena jetzt auf Platz 34 der "
            "deutschen Großstädte. Am besten schneidet die Stadt im Bereich Gesellschaft ab.",
            "In the digital ranking of the industry association Bitkom, Jena now ranks 34th "
            "among Germany's large cities. The city does best in the society category.",
        ),
        "image": {
            "title": "Bitkom Smart City Index",
            "alt": (
                "Grafik mit diagonalen Linien und der Aufschrift Bitkom Smart City Index",
                "Graphic with diagonal lines and the words Bitkom Smart City Index",
            ),
            "caption": ("", ""),
            "colour": "#2f6b3b",
        },
        "topics": ["Rankings", "Digitale Verwaltung"],
        "chapters": [5],
        "body": [
            ("text",
             "Acht Plätze nach oben: Im Gesamtranking belegt Jena Platz 34. In der Kategorie "
             "Gesellschaft reicht es sogar für Platz 7, ebenfalls acht Plätze besser als im "
             "Vorjahr. Bewertet wurden unter anderem Beteiligungsangebote, die digitale Szene, "
             "Coworking-Flächen, Gründungsinitiativen und das Open-Data-Portal der Stadt.",
             "Up eight places: Jena ranks 34th overall. In the society category it even reaches "
             "7th place, also eight places better than the year before. Among other things, "
             "the study rated participation formats, the digital scene, co-working spaces, "
             "start-up initiatives and the city's open data portal."),
            ("heading", "Nachholbedarf in der Verwaltung", "Room to improve in administration"),
            ("text",
             "In der Kategorie Verwaltung fiel Jena auf Platz 49 zurück. Bei Energie und "
             "Umwelt (Platz 36) und Mobilität (Platz 46) ging es dagegen um 14 und 24 Plätze "
             "nach oben; in IT und Kommunikation steht Jena auf Platz 53.",
             "In the administration category Jena fell to 49th place. In energy and environment "
             "(36th) and mobility (46th), by contrast, it rose by 14 and 24 places; in IT and "
             "communication Jena is 53rd."),
            ("quote",
             "Das Ranking zeigt uns, dass wir bei der Beteiligung auf dem richtigen Weg sind. "
             "Bei der digitalen Verwaltung haben wir aber noch einiges zu tun.",
             "The ranking shows us that we are on the right track with participation. In "
             "digital administration, though, we still have work to do.",
             "Manuela Meyer",
             ("Beauftragte für Digitalisierung der Stadt Jena",
              "Digitalisation officer of the City of Jena")),
            ("heading", "Schon heute online", "Already online today"),
            ("text",
             "Rund 870 Menschen buchen jede Woche einen Online-Termin im Bürger- und "
             "Familienservice. Meldebescheinigungen gibt es seit Juli 2021 online, "
             "Fahrzeuge lassen sich seit März 2021 digital zulassen, und Kitaplätze werden "
             "fast nur noch über das Kitaportal angemeldet.",
             "Around 870 people a week book an online appointment with the citizen and family "
             "service. Registration certificates have been available online since July 2021, "
             "vehicles can be registered digitally since March 2021, and daycare places are "
             "booked almost exclusively through the daycare portal."),
        ],
    },
    {
        "slug": ("beteiligungsphase-abgeschlossen", "participation-phase-closed"),
        "date": datetime.date(2022, 6, 20),
        "title": (
            "Beteiligung zur Smart-City-Strategie abgeschlossen",
            "Participation on the Smart City strategy has closed",
        ),
        "lead": (
            "Elf Veranstaltungen, online und vor Ort, und eine Beteiligungsplattform: Seit dem "
            "9. März 2022 haben Bürgerinnen und Bürger die Ziele und Maßnahmen der Strategie "
            "mitdiskutiert. Mit dem Smart-City-Fest endete die Beteiligungsphase.",
            "Eleven events, online and in person, and a participation platform: since 9 March "
            "2022 residents have discussed the strategy's goals and measures. The participation "
            "phase ended with the Smart City festival.",
        ),
        "image": {
            "title": "Smart-City-Fest Jena",
            "alt": (
                "Grafik mit diagonalen Linien und der Aufschrift Smart-City-Fest Jena",
                "Graphic with diagonal lines and the words Smart-City-Fest Jena",
            ),
            "caption": (
                "Beim Smart-City-Fest konnten alle ein letztes Mal mitreden.",
                "At the Smart City festival everyone had a last chance to have their say.",
            ),
            "colour": "#8c3b1d",
        },
        "topics": ["Beteiligung", "Smart-City-Strategie"],
        "chapters": [5],
        "body": [
            ("text",
             "Seit dem 14. März 2022 konnten alle Interessierten auf der Beteiligungsplattform "
             "zu den Zielen und Maßnahmen jedes Handlungsfelds Stellung nehmen. Beim Thüringer "
             "Digitalfestival brachten Jenaerinnen und Jenaer weitere Ideen ein.",
             "From 14 March 2022 anyone interested could comment on the goals and measures of "
             "each field of action on the participation platform. At the Thuringian Digital "
             "Festival, people from Jena contributed further ideas."),
            ("text",
             "Auf dem Smart-City-Fest ging es ein letztes Mal vor Ort weiter: im Gespräch, auf "
             "Plakaten und an zwei Terminals. Kinder malten ihre digitale Stadt der Zukunft.",
             "The Smart City festival offered one last chance in person: in conversation, on "
             "posters and at two terminals. Children painted their digital city of the future."),
            ("quote",
             "Die Anregungen zeigen, wo Digitalisierung den Alltag wirklich leichter machen "
             "kann, etwa bei Telemedizin oder im Bürgerservice. Das hilft uns, die Strategie "
             "weiter zu schärfen.",
             "The suggestions show where digitalisation can really make everyday life easier, "
             "for instance in telemedicine or citizen services. That helps us sharpen the "
             "strategy further.",
             "Benjamin Koppe",
             ("Dezernent für Finanzen, Sicherheit und Bürgerservice",
              "Head of finance, security and citizen services")),
            ("quote",
             "Ziele und Maßnahmen haben viel Zuspruch bekommen, und jedes Handlungsfeld hat "
             "neue Ideen aufgenommen. Sie fließen jetzt in die Gesamtstrategie ein.",
             "The goals and measures met with broad approval, and every field of action has "
             "taken up new ideas. They now feed into the overall strategy.",
             "Manuela Meyer",
             ("Chief Digital Officer und Gesamtprojektleiterin Smart City",
              "Chief Digital Officer and overall Smart City project lead")),
            ("heading", "Wie es weitergeht", "What happens next"),
            ("text",
             "Jena ist seit September 2020 Modellprojekt Smart Cities des Bundes. Im November "
             "soll der Stadtrat über die Strategie entscheiden.",
             "Jena has been one of the federal Smart Cities model projects since September "
             "2020. The city council is to decide on the strategy in November."),
        ],
        "links": (
            ("Mehr erfahren", "Find out more"),
            [("Smart City Jena", "Smart City Jena", "https://smartcity.jena.de/")],
        ),
    },
]

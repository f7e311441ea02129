"""The demo discussion on "Digitale Verwaltung": who takes part and what they say.

Written for this project from the concerns raised in the City of Jena's 2022 participation
phase (services around the clock, an app or comprehensive information, a chatbot, advice on
site, who tests prototypes, accessibility, data protection). The online platform was open from
14 March to 19 June 2022; the workshop on digital administration took place on Gather.Town at
the end of April. The citizens are invented.

``about`` names the part of the chapter by the number readers see: "" for the whole chapter,
"3" for its third goal, "3.2" for the second measure of that goal. Replies address what their
thread addresses. Each citizen writes in their own language; ``at`` is local time in Jena.
"""

CHAPTER = {"slug": "digitale-verwaltung", "language": "de"}

EMAIL_DOMAIN = "jena.example"  # reserved for examples (RFC 2606): mail never reaches anyone

CITIZENS = {
    "lena": {"name": "Lena aus Lobeda", "language": "de"},
    "joerg": {"name": "Jörg aus Winzerla", "language": "de"},
    "tom": {"name": "Tom B.", "language": "de"},
    "maren": {"name": "Maren aus Jena-Nord", "language": "de"},
    "priya": {"name": "Priya (Jena-Ost)", "language": "en"},
    "daniel": {"name": "Daniel from Zwätzen", "language": "en"},
}


def said(by, at, text, *, about="", supported_by=(), replies=()):
    return {
        "by": by,
        "at": at,
        "text": text,
        "about": about,
        "supported_by": supported_by,
        "replies": replies,
    }


DISCUSSION = [
    said(
        "lena", "2022-03-14 21:47",
        "Ich arbeite im Schichtdienst und komme zu den Öffnungszeiten kaum ins Bürgeramt. Wenn "
        "ich einen Antrag auch nachts um elf vom Sofa aus stellen kann, ist das für mich der "
        "größte Gewinn dieser Strategie.",
        supported_by=["maren", "tom", "priya"],
        replies=[
            said(
                "priya", "2022-03-15 08:12",
                "Same for me, though for another reason: my German is good enough for a chat "
                "at the bakery, not for official forms. If the online services came in English "
                "too, I would not have to bring a colleague to every appointment.",
                supported_by=["daniel", "lena"],
                replies=[
                    said(
                        "lena", "2022-03-15 18:30",
                        "Guter Punkt! Eine englische Fassung hilft nicht nur Zugezogenen, sondern "
                        "auch den Unternehmen und Instituten, die Fachkräfte aus dem Ausland nach "
                        "Jena holen.",
                        supported_by=["priya", "tom"],
                        replies=[
                            said(
                                "priya", "2022-03-16 07:55",
                                "Exactly. And newcomers have to register their address within "
                                "two weeks of moving in, just when nothing is familiar yet.",
                                supported_by=["daniel"],
                            ),
                        ],
                    ),
                ],
            ),
            said(
                "joerg", "2022-03-17 10:05",
                "Rund um die Uhr klingt gut, aber bitte nicht auf Kosten des Schalters. Meine "
                "Nachbarin ist 84 und hat weder Computer noch Smartphone. Für Menschen wie sie "
                "muss es weiter jemanden geben, mit dem man persönlich sprechen kann.",
                supported_by=["maren", "daniel", "lena", "priya"],
                replies=[
                    said(
                        "tom", "2022-03-17 12:40",
                        "Das eine schließt das andere nicht aus: Wenn Routinefälle online "
                        "erledigt werden, bleibt im Bürgerservice mehr Zeit für alle, die "
                        "Beratung vor Ort brauchen.",
                        supported_by=["joerg", "lena"],
                    ),
                ],
            ),
        ],
    ),
    said(
        "tom", "2022-03-21 19:15",
        "Mir ist unklar, welches „die wichtigsten Leistungen“ sind. Wenn über 500 "
        "Verwaltungsleistungen digital werden sollen, braucht es eine Reihenfolge. Ich würde mit "
        "den am häufigsten genutzten anfangen, nicht mit denen, die sich am leichtesten umsetzen "
        "lassen.",
        about="1",
        supported_by=["lena", "priya", "joerg"],
        replies=[
            said(
                "priya", "2022-03-22 07:30",
                "I would start with everything that comes with moving house: registering the new "
                "address, the resident parking permit, a daycare place. That is when people have "
                "the least time and the most paperwork.",
                supported_by=["maren", "tom"],
            ),
        ],
    ),
    said(
        "maren", "2022-03-24 13:10",
        "Die Online-Terminbuchung nutze ich regelmäßig, und sie klappt gut. Schade ist nur, dass "
        "ich beim Termin dann doch wieder Papierformulare ausfülle. Könnte man die Unterlagen "
        "nicht vorab hochladen?",
        about="1.1",
        supported_by=["lena", "tom"],
        replies=[
            said(
                "daniel", "2022-03-25 11:02",
                "Uploading in advance would help a lot. It would also be good if the booking "
                "confirmation listed exactly which documents to bring. I once had to come back "
                "because one was missing.",
                supported_by=["maren"],
            ),
        ],
    ),
    said(
        "daniel", "2022-04-02 16:20",
        "I use a screen reader. Whatever goes online, please make it accessible from the first "
        "day: form fields with proper labels, no picture puzzles to prove you are human, and "
        "PDFs that contain real text rather than scanned paper.",
        supported_by=["joerg", "priya", "tom", "maren"],
        replies=[
            said(
                "maren", "2022-04-02 20:03",
                "Danke, daran denkt man als Sehende viel zu selten. Gilt das eigentlich auch für "
                "die Formulare im Kitaportal?",
                replies=[
                    said(
                        "daniel", "2022-04-03 09:41",
                        "Public bodies in Germany are already required to make their websites "
                        "accessible, so it should. But only testing with people who use "
                        "assistive technology every day shows whether it really works.",
                        supported_by=["maren", "tom"],
                    ),
                ],
            ),
        ],
    ),
    said(
        "tom", "2022-04-28 21:05",
        "In der Online-Werkstatt auf Gather.Town hieß es, neue Angebote sollen vorher getestet "
        "werden. Wer darf das? Wenn sich nur Technikbegeisterte melden, testen am Ende die "
        "Falschen. Ich würde gezielt Ältere, Eltern, Menschen mit Behinderung und Menschen mit "
        "wenig Deutschkenntnissen einladen.",
        about="3.2",
        supported_by=["joerg", "daniel", "priya", "maren", "lena"],
        replies=[
            said(
                "daniel", "2022-04-29 10:30",
                "Count me in for testing with a screen reader. A short session with five or six "
                "people usually finds the worst problems.",
                supported_by=["tom"],
            ),
            said(
                "joerg", "2022-04-30 09:15",
                "Ich würde auch mitmachen, aber nur, wenn man dafür nicht allein vor dem eigenen "
                "Rechner sitzen muss. Ein Testtermin vor Ort, zum Beispiel in der "
                "Stadtteilbibliothek, wäre für viele in meinem Alter einfacher.",
                supported_by=["tom", "priya"],
            ),
        ],
    ),
    said(
        "lena", "2022-05-03 22:18",
        "Den Bewohnerparkausweis per E-Mail zu beantragen, ist ein Anfang. Richtig digital wäre "
        "aber ein Formular, in dem man auch gleich bezahlt. Eine E-Mail mit eingescanntem Anhang "
        "ist eigentlich nur ein schnellerer Brief.",
        about="1.3",
        supported_by=["tom", "priya", "daniel"],
        replies=[
            said(
                "tom", "2022-05-04 08:47",
                "Für die Verwaltung ist so eine E-Mail sogar mehr Arbeit, weil jemand die Angaben "
                "abtippen muss. Durchgängig digital heißt: Die Daten landen ohne Umweg im "
                "Fachverfahren.",
                supported_by=["lena"],
            ),
        ],
    ),
    said(
        "priya", "2022-05-06 18:40",
        "At the workshop there was a debate about whether the city needs its own app. I would "
        "rather have one clear website that explains each service in plain language, with every "
        "form available online and to print, than one more app on my phone.",
        about="3.3",
        supported_by=["joerg", "daniel"],
        replies=[
            said(
                "tom", "2022-05-06 21:12",
                "Sehe ich genauso. Eine App lohnt sich nur für das, was man oft braucht, etwa "
                "Abfuhrtermine oder Mängelmeldungen. Für den Personalausweis alle zehn Jahre "
                "installiert niemand etwas.",
                supported_by=["priya"],
                replies=[
                    said(
                        "maren", "2022-05-07 07:58",
                        "Für Eltern wäre eine App aber praktisch: Kitaportal, Schulanmeldung und "
                        "Ferienangebote an einem Ort, mit Erinnerungen. Vielleicht braucht es "
                        "beides, solange dieselben Informationen dahinterstehen.",
                        supported_by=["lena", "priya"],
                        replies=[
                            said(
                                "priya", "2022-05-07 12:20",
                                "That sounds like a fair compromise: one source of information, "
                                "with the website and an app both drawing on it. Then nobody "
                                "has to pick a side.",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    said(
        "daniel", "2022-05-12 20:15",
        "A chatbot that answers at any hour would be really useful for newcomers like me, "
        "especially if it understands English. But it should always link to the official page "
        "its answer comes from, so that I can check it.",
        about="4.1",
        supported_by=["priya", "lena"],
        replies=[
            said(
                "maren", "2022-05-13 09:05",
                "Mich interessiert vor allem der Datenschutz. Werden die Fragen gespeichert, und "
                "wenn ja, wie lange? Wer nach Sorgerecht oder Sozialleistungen fragt, gibt viel "
                "über sich preis.",
                supported_by=["joerg", "tom", "daniel", "lena"],
                replies=[
                    said(
                        "tom", "2022-05-13 12:30",
                        "Deshalb sollte der Assistent ohne Anmeldung funktionieren, "
                        "Gesprächsverläufe nicht mit Personen verknüpfen und auf Servern laufen, "
                        "die die Stadt selbst kontrolliert.",
                        supported_by=["maren", "daniel"],
                        replies=[
                            said(
                                "daniel", "2022-05-13 17:45",
                                "Agreed. And when it does not know the answer, it should say "
                                "so and pass me on to a person instead of guessing.",
                                supported_by=["joerg", "maren"],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    said(
        "joerg", "2022-05-20 11:00",
        "Gut, dass die Beschäftigten geschult werden sollen. Ich habe selbst lange in einer "
        "Behörde gearbeitet: Neue Software allein hilft wenig, wenn niemand die Zeit bekommt, sie "
        "zu lernen.",
        about="2.1",
        supported_by=["tom", "maren"],
    ),
    said(
        "maren", "2022-06-18 21:35",
        "War heute beim Smart-City-Fest und habe an einem der Terminals noch einmal mitgemacht. "
        "Schön wäre, wenn die Stadt nach der Beteiligung berichtet, welche Vorschläge aus dieser "
        "Diskussion übernommen wurden.",
        supported_by=["lena", "joerg", "priya", "tom", "daniel"],
        replies=[
            said(
                "priya", "2022-06-19 10:10",
                "Yes, please! A short summary for every field of action of what was suggested and "
                "what the city did with it would show that taking part was worth it.",
            ),
        ],
    ),
]

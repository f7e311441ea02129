"""The demo survey on "Digitale Verwaltung", in German and English.

The questions take up what the workshop on digital administration in the 2022 participation
phase talked about: which services should come online first, how people want to be informed
(comprehensive information in many formats, a lean app, a chatbot, advice on site) and who
should try out prototypes. The wording is this project's own. Each text is a pair
(German, English); ``key`` names make the block ids stable, so loading twice finds the survey.

``leaning`` says how the generated answers lean per language: a weight per option (or per
point on the scale), so that the results page shows a real difference between German- and
English-speaking participants.
"""

TITLE = ("Digitale Verwaltung: Was ist Ihnen wichtig?",
         "Digital administration: what matters to you?")
INTRO = (
    "Die Stadt bringt ihre Dienstleistungen Schritt für Schritt ins Netz. Mit dieser Umfrage "
    "möchten wir erfahren, womit wir anfangen sollen und wie Sie davon erfahren möchten. Die "
    "Beantwortung dauert etwa drei Minuten.",
    "The city is bringing its services online step by step. This survey asks where we should "
    "start and how you would like to hear about it. It takes about three minutes.",
)

QUESTIONS = [
    {
        "key": "first-service", "type": "single_choice", "required": True,
        "question": ("Welcher Dienst soll als Erstes vollständig online gehen?",
                     "Which service should be fully online first?"),
        "help_text": ("Bitte wählen Sie einen Dienst.", "Please choose one service."),
        "other_label": ("Ein anderer Dienst", "Another service"),
        "options": [
            ("moving", ("Wohnsitz ummelden", "Registering a change of address")),
            ("parking", ("Anwohnerparkausweis beantragen",
                         "Applying for a resident parking permit")),
            ("id-card", ("Personalausweis und Reisepass vorbereiten",
                         "Preparing an ID card or passport")),
            ("daycare", ("Kita-Platz anmelden", "Applying for a daycare place")),
            ("business", ("Gewerbe anmelden", "Registering a business")),
        ],
        "leaning": {"de": [30, 20, 15, 20, 5, 3], "en": [45, 5, 25, 10, 10, 5]},
    },
    {
        "key": "informed", "type": "multiple_choice", "required": True, "max_choices": 2,
        "question": ("Wie möchten Sie über digitale Angebote der Stadt informiert werden?",
                     "How would you like to learn about the city's digital services?"),
        "help_text": ("Sie können bis zu zwei Antworten wählen.",
                      "You can choose up to two answers."),
        "options": [
            ("formats", ("Umfassende Informationen in vielen Formaten: Website, Broschüre, "
                         "Leichte Sprache", "Comprehensive information in many formats: "
                         "website, leaflet, plain language")),
            ("app", ("Eine schlanke App für alle Anliegen", "One streamlined app for everything")),
            ("chatbot", ("Ein Chatbot, der rund um die Uhr Fragen beantwortet",
                         "A chatbot that answers questions around the clock")),
            ("on-site", ("Persönliche Beratung vor Ort im Bürgerservice",
                         "Personal advice on site at the citizens' office")),
        ],
        "leaning": {"de": [40, 25, 15, 35], "en": [30, 35, 40, 10]},
    },
    {
        "key": "without-appointment", "type": "scale", "required": True, "points": 5,
        "question": ("Wie wichtig ist es Ihnen, Anliegen auch ohne Termin vor Ort klären zu "
                     "können?", "How important is it to you to sort things out on site "
                     "without an appointment?"),
        "low_label": ("gar nicht wichtig", "not important at all"),
        "high_label": ("sehr wichtig", "very important"),
        "leaning": {"de": [5, 10, 20, 30, 35], "en": [15, 25, 30, 20, 10]},
    },
    {
        "key": "testers", "type": "ranking",
        "question": ("Wer sollte neue Online-Dienste als Prototyp zuerst ausprobieren?",
                     "Who should try out new online services as prototypes first?"),
        "help_text": ("Ordnen Sie die Gruppen: 1 ist Ihnen am wichtigsten.",
                      "Put the groups in order: 1 matters most to you."),
        "options": [
            ("older", ("Ältere Menschen", "Older people")),
            ("disabilities", ("Menschen mit Behinderungen", "People with disabilities")),
            ("newcomers", ("Neu Zugezogene, auch mit wenig Deutschkenntnissen",
                           "Newcomers, including those with little German")),
            ("staff", ("Mitarbeitende der Verwaltung", "The administration's own staff")),
        ],
        "leaning": {"de": [40, 35, 10, 15], "en": [15, 20, 55, 10]},
    },
    {
        "key": "remarks", "type": "long_text",
        "question": ("Was sollte die Stadt bei der Digitalisierung unbedingt beachten?",
                     "What should the city keep in mind when going digital?"),
        "help_text": ("Freiwillig. Ihre Antwort wird nicht veröffentlicht.",
                      "Optional. Your answer is not published."),
        "answers": {
            "de": ["Bitte den Schalter im Bürgeramt nicht abschaffen.",
                   "Alles muss auch am Handy gut funktionieren.",
                   "Formulare in Leichter Sprache wären eine große Hilfe.",
                   "Datenschutz zuerst, dann Bequemlichkeit."],
            "en": ["Please offer every form in English as well.",
                   "A status page for my application would save many phone calls.",
                   "Explain which documents I need before the appointment."],
        },
    },
]

# How many generated responses per language, spread over the 2022 participation phase.
RESPONSES = {"de": 210, "en": 90}
PHASE = ("2022-03-14", "2022-06-19")
# The survey ran with the 2022 online phase, so the demo shows a closed survey and its results.
OPEN = ("2022-03-14 00:00", "2022-06-20 00:00")

import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage, PressContact


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    intro = "Neuigkeiten aus dem Smart-City-Projekt."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    slug = factory.Sequence(lambda n: f"meldung-{n}")
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    lead = "Eine kurze Zusammenfassung."

    class Meta:
        model = NewsPage


class PressContactFactory(factory.django.DjangoModelFactory):
    name = "Manuela Meyer"
    role = "Chief Digital Officer"
    organisation = "Stadt Jena"
    email = "presse@jena.example"

    class Meta:
        model = PressContact

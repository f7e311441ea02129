import factory
import wagtail_factories
from wagtail.models import Locale, Page

from home.models import ContentPage, HomePage, SiteImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Smart City Jena"
    slug = factory.Sequence(lambda n: f"start-{n}")
    intro = "<p>Willkommen in der digitalen Stadt.</p>"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    intro = "Eine Inhaltsseite."

    class Meta:
        model = ContentPage


class SiteImageFactory(wagtail_factories.ImageFactory):
    description = "Blick über Jena"
    credit = "Foto: Stadt Jena"

    class Meta:
        model = SiteImage


def translate(page: Page, language_code: str = "en", **fields) -> Page:
    """Copy ``page`` into another locale (its parent must be translated), set fields, publish."""
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated

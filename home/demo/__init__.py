"""The site tree: German and English home pages and the pages the law requires."""

from wagtail.models import Page, Site

from home.models import ContentPage, HomePage, LegalPages

from . import content
from .tools import DemoLog, bilingual_stream, child_page, english, german, rich_text, translate


def load(log: DemoLog) -> None:
    home = site_home(log)
    translate(home, content.HOME_STRINGS, log)
    legal = {}
    for key, page_content in content.LEGAL_PAGES.items():
        body, strings = bilingual_stream(page_content["body"])
        page = child_page(
            home,
            ContentPage(
                title=page_content["title"][0],
                slug=page_content["slug"][0],
                intro=page_content["intro"][0],
                body=body,
            ),
            log,
        )
        strings.update({page_content[f][0]: page_content[f][1] for f in ("title", "slug", "intro")})
        translate(page, strings, log)
        legal[key] = page
    settings = LegalPages.for_site(Site.objects.get(is_default_site=True))
    chosen = {f"{key}_page_id": page.pk for key, page in legal.items()}
    if any(getattr(settings, field) != pk for field, pk in chosen.items()):
        for field, pk in chosen.items():
            setattr(settings, field, pk)
        settings.save()
        log.add("settings: legal pages in the footer")


def site_home(log: DemoLog) -> HomePage:
    """The German home page as the default site's root, replacing Wagtail's welcome page."""
    german()
    english()
    existing = HomePage.objects.filter(locale__language_code="de", depth=2).first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title=content.HOME["title"],
            slug="start",
            locale=german(),
            intro=rich_text(*content.HOME["intro"]),
        )
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Smart City Jena"
    site.save()
    if welcome is not None and type(welcome.specific) is Page and welcome.pk != home.pk:
        welcome.delete()
    log.add(f"home page: {home.title} (de), default site root")
    return home

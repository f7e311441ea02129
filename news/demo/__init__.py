"""The news section: its index in both languages, topics, a press contact and three stories."""

from taggit.models import Tag
from wagtail.models import Site

from home.demo.tools import (
    DemoLog,
    child_page,
    german,
    placeholder_image,
    rich_text,
    translate,
)
from news.models import NewsIndexPage, NewsPage, PressContact, Topic
from strategy.models import StrategyChapterPage

from . import content


def load(log: DemoLog) -> None:
    home = Site.objects.get(is_default_site=True).root_page
    index = child_page(
        home,
        NewsIndexPage(
            title=content.INDEX["title"][0],
            slug=content.INDEX["slug"][0],
            intro=content.INDEX["intro"][0],
            show_in_menus=True,
        ),
        log,
    )
    translate(index, dict(content.INDEX.values()), log)
    topics(log)
    contact = press_contact(log)
    for story in content.STORIES:
        page, strings = story_page(index, story, contact, log)
        translate(page, strings, log)


def topics(log: DemoLog) -> None:
    for name, english_name in content.TOPICS.items():
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        topic = Topic.objects.filter(tag=tag, locale=german()).first()
        if topic is None:
            topic = Topic.objects.create(tag=tag, name=name, locale=german())
            log.add(f"topic: {name}")
        translate(topic, {name: english_name}, log)


def press_contact(log: DemoLog) -> PressContact:
    data = content.PRESS_CONTACT
    contact = PressContact.objects.filter(locale=german(), email=data["email"]).first()
    if contact is None:
        contact = PressContact.objects.create(
            locale=german(),
            email=data["email"],
            **{field: data[field][0] for field in ("name", "role", "organisation")},
        )
        log.add(f"press contact: {contact}")
    fields = ("name", "role", "organisation")
    translate(contact, {data[f][0]: data[f][1] for f in fields}, log)
    return contact


def story_page(index, story, contact, log) -> tuple[NewsPage, dict[str, str]]:
    image_data = story["image"]
    image = placeholder_image(
        image_data["title"], image_data["alt"][0], content.CREDIT[0], image_data["colour"], log
    )
    body, strings = story_body(story)
    page = NewsPage(
        title=story["title"][0],
        slug=story["slug"][0],
        date=story["date"],
        lead=story["lead"][0],
        main_image=image,
        main_image_caption=image_data["caption"][0],
        main_image_credit=content.CREDIT[0],
        body=body,
        press_contact=contact,
    )
    page.tags.add(*story["topics"])
    page.related_chapters = StrategyChapterPage.objects.filter(
        locale=german(), chapter_number__in=story["chapters"]
    )
    page = child_page(index, page, log)
    for field in ("title", "slug", "lead"):
        strings[story[field][0]] = story[field][1]
    strings[image_data["alt"][0]] = image_data["alt"][1]
    strings[image_data["caption"][0]] = image_data["caption"][1]
    strings[content.CREDIT[0]] = content.CREDIT[1]
    return page, strings


def story_body(story) -> tuple[list, dict[str, str]]:
    stream, strings = [], {}
    for kind, de, en, *more in story["body"]:
        strings[de] = en
        if kind == "heading":
            stream.append(("heading", {"text": de, "level": "h2"}))
        elif kind == "quote":
            attribution, (role_de, role_en) = more
            strings[attribution] = attribution
            strings[role_de] = role_en
            stream.append(("quote", {"text": de, "attribution": attribution, "role": role_de}))
        else:
            stream.append(("paragraph", rich_text(de)))
    if "links" in story:
        (heading_de, heading_en), links = story["links"]
        strings[heading_de] = heading_en
        strings.update({text_de: text_en for text_de, text_en, _url in links})
        stream.append((
            "link_list",
            {
                "heading": heading_de,
                "links": [
                    {"text": text_de, "page": None, "url": url} for text_de, _en, url in links
                ],
            },
        ))
    return stream, strings

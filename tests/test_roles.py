"""Each staff role can do its job and nothing else, on real pages and snippets of both trees."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Page

from editorial import roles
from tests.factories.events import EventIndexPageFactory
from tests.factories.home import ContentPageFactory, translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.strategy import StrategyChapterPageFactory, StrategyIndexPageFactory

pytestmark = pytest.mark.django_db


@dataclass
class Trees:
    de: dict
    en: dict


@pytest.fixture
def trees(site_tree) -> Trees:
    de = {"home": site_tree.home_de}
    de["content"] = ContentPageFactory(parent=de["home"], title="Impressum", slug="impressum")
    de["news_index"] = NewsIndexPageFactory(parent=de["home"])
    de["news"] = NewsPageFactory(parent=de["news_index"], title="Werkstatt", slug="werkstatt")
    de["events_index"] = EventIndexPageFactory(parent=de["home"])
    de["strategy"] = StrategyIndexPageFactory(parent=de["home"])
    de["chapter"] = StrategyChapterPageFactory(parent=de["strategy"], title="Verwaltung",
                                               slug="verwaltung", chapter_number=5)
    en = {"home": site_tree.home_en}
    for name, slug in (("content", "imprint"), ("news_index", "news"), ("news", "workshop"),
                       ("events_index", "events"), ("strategy", "strategy"),
                       ("chapter", "administration")):
        en[name] = translate(de[name], "en", slug=slug)
    return Trees({k: v.specific for k, v in de.items()}, {k: v.specific for k, v in en.items()})


def member(role: str) -> User:
    user = User.objects.create_user(f"user-{roles.ROLES.index(role)}", "staff@jena.example",
                                    "x" * 12)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)


def can(user, page: Page) -> set[str]:
    tester = Page.objects.get(pk=page.pk).permissions_for_user(user)
    checks = {"add": tester.can_add_subpage, "edit": tester.can_edit,
              "publish": tester.can_publish, "unpublish": tester.can_unpublish,
              "delete": tester.can_delete, "lock": tester.can_lock}
    return {name for name, check in checks.items() if check()}


PAGES = ("home", "content", "news_index", "news", "events_index", "strategy", "chapter")
LEAVES = {"news", "chapter"}  # page types that take no children: nothing to add below them
WITH_CHILDREN = {"home", "news_index", "strategy"}  # deleting them would take children along


def editing(name: str) -> set[str]:
    return {"edit"} if name in LEAVES else {"add", "edit"}


def publishing(name: str) -> set[str]:
    found = editing(name) | {"publish", "unpublish", "lock"}
    return found if name in WITH_CHILDREN else found | {"delete"}


EXPECTED = {
    # role: {(language, page): allowed actions}; any page not named: nothing. Nobody but the
    # publishers publishes or deletes; translators have nothing in the German tree.
    roles.EDITORS: {
        ("de", "home"): {"add"},
        ("de", "content"): editing("content"),
        ("de", "news_index"): editing("news_index"),
        ("de", "news"): editing("news"),
        ("de", "events_index"): editing("events_index"),
        # Wagtail's add permission covers the subtree: editors may start a new page anywhere
        # under the German home (it still goes through review), but edit no chapter.
        ("de", "strategy"): {"add"},
    },
    roles.PUBLISHERS: {(language, name): publishing(name) for language in ("de", "en")
                       for name in PAGES},
    roles.STRATEGY: {("de", "strategy"): editing("strategy"), ("de", "chapter"): {"edit"}},
    roles.MODERATORS: {},
    roles.TRANSLATORS: {("en", name): editing(name) for name in PAGES},
}


@pytest.mark.parametrize("role", roles.ROLES)
def test_page_permissions_of_each_role_in_both_trees(trees, role):
    user = member(role)
    differences = []
    for language, pages in (("de", trees.de), ("en", trees.en)):
        for name, page in pages.items():
            expected = EXPECTED[role].get((language, name), set())
            found = can(user, page)
            if found != expected:
                differences.append(f"{language}/{name}: {sorted(found)} != {sorted(expected)}")
    assert not differences, "\n".join(differences)


def test_editors_submit_and_only_publishers_publish(client, trees):
    editor, publisher = member(roles.EDITORS), member(roles.PUBLISHERS)
    for user, status in ((editor, 200), (publisher, 200)):
        client.force_login(user)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[trees.de["news"].pk])
                          ).status_code == status
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[trees.de["chapter"].pk])
                      ).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=[trees.en["news"].pk])
                      ).status_code == 302


@pytest.mark.parametrize("role, queue", [(roles.MODERATORS, 200), (roles.EDITORS, 302),
                                         (roles.TRANSLATORS, 302), (roles.STRATEGY, 302),
                                         (roles.PUBLISHERS, 302)])
def test_only_moderators_reach_the_participation_queues(client, trees, role, queue):
    client.force_login(member(role))
    assert client.get(reverse("participation_reported:index")).status_code == queue


@pytest.mark.parametrize("role, can_translate", [(roles.TRANSLATORS, True),
                                                 (roles.EDITORS, False),
                                                 (roles.MODERATORS, False)])
def test_only_translators_submit_translations(client, trees, role, can_translate):
    client.force_login(member(role))
    response = client.get(reverse("wagtail_localize:submit_page_translation",
                                  args=[trees.de["news"].pk]))
    assert (response.status_code == 200) is can_translate
    assert (client.get(reverse("editorial_translations")).status_code == 200) is can_translate


def test_snippets_translators_edit_but_do_not_create_or_delete(client, trees):
    translator = member(roles.TRANSLATORS)
    assert translator.has_perm("news.change_topic")
    assert not translator.has_perm("news.add_topic")
    assert not translator.has_perm("news.delete_topic")
    editor = member(roles.EDITORS)
    assert editor.has_perm("news.add_topic") and not editor.has_perm("news.delete_topic")
    client.force_login(translator)
    assert client.get(reverse("wagtailsnippets_news_topic:add")).status_code == 302
    assert client.get(reverse("wagtailsnippets_news_topic:list")).status_code == 200


def test_no_group_outside_the_table_and_wagtails_defaults_are_gone():
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLES)
    for role in roles.ROLES:
        granted = {f"{p.content_type.app_label}.{p.codename}"
                   for p in Group.objects.get(name=role).permissions.all()}
        expected = {f"{app}.{codename}" for app, _model, codenames in
                    roles.MODEL_PERMISSIONS[role] for codename in codenames}
        assert granted == expected, role


def test_a_page_created_later_gets_its_roles(trees):
    second = NewsIndexPageFactory(parent=trees.de["home"], title="Presse", slug="presse")
    editor = member(roles.EDITORS)
    assert {"add", "edit"} <= can(editor, second)
    assert second.get_workflow().name == roles.WORKFLOW


def test_staff_choose_the_admin_language(client, trees):
    from wagtail.users.models import UserProfile

    editor = member(roles.EDITORS)
    client.force_login(editor)
    assert 'lang="de"' in client.get(reverse("wagtailadmin_home")).content.decode()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="en"' in html and "Dashboard" in html


def test_machine_translation_is_off_in_the_tests(settings):
    assert not getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)

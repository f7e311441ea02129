"""A full translation cycle as translators and publishers live it: German page, submitted,
translated offline (PO), sent for review, published by a publisher; the German page changes,
the English version shows as out of date with the changed text, is updated and current again.
Trees follow: a moved German page takes its translation along, a deleted one removes it."""

import io
import zipfile

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from editorial import roles, translation_status
from tests.factories.home import translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def member(role, name):
    user = User.objects.create_user(name, f"{name}@jena.example", "x" * 12)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)


@pytest.fixture
def story(site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="News", slug="news")
    return NewsPageFactory(parent=index, title="Werkstatt zur Verwaltung", slug="werkstatt",
                           lead="Bürgerinnen und Bürger diskutieren Online-Dienste.")


def english(po_text: str) -> str:
    """A translator's work: every German text in English (here: marked as such)."""
    po = polib.pofile(po_text)
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    return str(po)


def download(client) -> dict[str, str]:
    response = client.post(reverse("editorial_translations"), {"download": "1"})
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name).decode() for name in archive.namelist()}


def upload(client, files: dict[str, str]):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return client.post(reverse("editorial_translations"), {
        "files": SimpleUploadedFile("translations.zip", buffer.getvalue(), "application/zip")})


def test_a_full_translation_cycle_through_review(client, story, site_tree):
    translator = member(roles.TRANSLATORS, "uebersetzerin")
    publisher = member(roles.PUBLISHERS, "freigabe")
    client.force_login(translator)
    overview = client.get(reverse("editorial_translations")).content.decode()
    assert "Werkstatt zur Verwaltung" in overview.split('id="missing-heading"')[1].split(
        "</section>")[0]

    files = download(client)
    (name, po_text), = [(n, t) for n, t in files.items() if n.startswith("werkstatt")]
    assert "Bürgerinnen und Bürger diskutieren Online-Dienste." in po_text
    response = upload(client, {name: english(po_text)})
    assert response.status_code == 200
    assert "Übersetzungen übernommen" in response.content.decode()
    page_en = story.get_translation(site_tree.en)
    assert not page_en.live  # a draft for the publishers
    assert page_en.get_latest_revision().as_object().lead == (
        "EN Bürgerinnen und Bürger diskutieren Online-Dienste.")

    assert client.post(reverse("editorial_submit_for_review", args=[page_en.pk])
                       ).status_code == 302
    state = Page.objects.get(pk=page_en.pk).current_workflow_state
    assert state.status == "in_progress"
    client.force_login(publisher)
    client.post(reverse("wagtailadmin_pages:workflow_action",
                        args=[page_en.pk, "approve", state.current_task_state.pk]), {})
    page_en.refresh_from_db()
    assert page_en.live
    assert translation_status.work()["outdated"] == []

    story.lead = "Bürgerinnen und Bürger diskutieren Online-Dienste und Termine."
    story.save_revision().publish()
    outdated = translation_status.work()["outdated"]
    assert [item.changed for item in outdated] == [
        ["Bürgerinnen und Bürger diskutieren Online-Dienste und Termine."]]
    client.force_login(translator)
    html = client.get(reverse("editorial_translations")).content.decode()
    assert "Bürgerinnen und Bürger diskutieren Online-Dienste und Termine." in html

    files = download(client)
    fresh = polib.pofile(english(next(t for n, t in files.items() if n.startswith("werkstatt"))))
    fresh.append(polib.POEntry(msgid="Ein Satz, den es so nicht mehr gibt.",
                               msgstr="A sentence that is gone.", msgctxt="lead"))
    response = upload(client, {"werkstatt.po": str(fresh)})
    report = response.content.decode().split('id="report-heading"')[1].split("</section>")[0]
    assert "Ein Satz, den es so nicht mehr gibt." in report
    assert "den deutschen Text gibt es nicht (mehr)" in report
    assert translation_status.work()["outdated"] == []
    assert translation_status.work()["in_progress"] == []
    revision = Page.objects.get(pk=page_en.pk).get_latest_revision().as_object()
    assert revision.lead == "EN Bürgerinnen und Bürger diskutieren Online-Dienste und Termine."


def test_the_command_exports_and_imports_po_files(story, site_tree, tmp_path, capsys):
    call_command("translations_po", "export", str(tmp_path))
    files = list(tmp_path.glob("*.po"))
    assert any(path.name.startswith("werkstatt") for path in files)
    for path in files:
        path.write_text(english(path.read_text()))
    call_command("translations_po", "import", str(tmp_path))
    assert "applied" in capsys.readouterr().out
    translation = Translation.objects.get(source__object_id=story.translation_key)
    total, done = translation.get_progress()
    assert total == done


def test_a_moved_or_deleted_german_page_takes_its_translation_along(client, story, site_tree):
    superuser = User.objects.create_superuser("admin", "admin@jena.example", "x" * 12)
    client.force_login(superuser)
    index_de = story.get_parent()
    translate(story, "en", title="Workshop", slug="workshop")
    other = NewsIndexPageFactory(parent=site_tree.home_de, title="Presse", slug="presse")
    other_en = translate(other, "en", title="Press", slug="press")
    response = client.post(reverse("wagtailadmin_pages:move_confirm",
                                   args=[story.pk, other.pk]))
    assert response.status_code == 302
    assert story.get_translation(site_tree.en).get_parent().pk == other_en.pk
    assert index_de.pk
    client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
    assert not Page.objects.filter(translation_key=story.translation_key).exists()


def test_texts_saved_in_the_editor_go_into_the_draft_sent_for_review(client, story, site_tree):
    """wagtail-localize's editor saves each text as a string translation and writes the page
    only on "Publish", which translators may not do: "Send for review" writes the draft."""
    from wagtail_localize.models import StringSegment, StringTranslation
    from wagtail_localize.operations import TranslationCreator

    translator = member(roles.TRANSLATORS, "uebersetzer")
    story.save_revision().publish()
    TranslationCreator(translator, [site_tree.en]).create_translations(story)
    page_en = story.get_translation(site_tree.en)
    assert not page_en.live  # "Translate" makes a draft, not a live page in German
    translation = Translation.objects.get(target_locale=site_tree.en,
                                          source__object_id=story.translation_key)
    assert translation_status.work()["ready"] == []
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=site_tree.en, context=segment.context,
            data=f"EN {segment.string.data}", translation_type="manual",
            last_translated_by=translator)
    assert Page.objects.get(pk=page_en.pk).specific.get_latest_revision_as_object().lead == (
        story.lead)  # not yet in the page

    client.force_login(translator)
    overview = client.get(reverse("editorial_translations")).content.decode()
    ready = overview.split('id="ready-heading"')[1].split("</section>")[0]
    assert reverse("editorial_submit_for_review", args=[page_en.pk]) in ready
    assert client.post(reverse("editorial_submit_for_review", args=[page_en.pk])
                       ).status_code == 302
    page_en = Page.objects.get(pk=page_en.pk).specific
    draft = page_en.get_latest_revision_as_object()
    assert (draft.title, draft.lead) == ("EN Werkstatt zur Verwaltung",
                                         "EN Bürgerinnen und Bürger diskutieren Online-Dienste.")
    assert page_en.workflow_in_progress and not page_en.live
    assert translation_status.work()["ready"] == []

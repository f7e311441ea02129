"""Editorial roles, the review workflow, scheduled publishing and alt text on upload."""

import datetime
from io import BytesIO, StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import UploadedFile, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial import roles as editorial
from news.models import NewsPage
from tests.factories.home import translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(site_tree):
    return NewsIndexPageFactory(parent=site_tree.home_de)


def member(group_name: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@jena.example", "x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_data(page: NewsPage, **extra) -> dict:
    return nested_form_data({
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "lead": page.lead,
        "main_image": "",
        "main_image_alt_text": "",
        "main_image_caption": "",
        "main_image_credit": "",
        "body": streamfield([]),
        "tags": "",
        "press_contact": "",
        "comments": inline_formset([]),
        **extra,
    })


def jpeg(name="rathaus.jpg") -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (64, 48), "#1d5c8c").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_migration_creates_the_groups_and_the_review_workflow():
    editors = Group.objects.get(name=editorial.EDITORS)
    publishers = Group.objects.get(name=editorial.PUBLISHERS)
    assert editors.permissions.filter(codename="access_admin").exists()
    assert editors.collection_permissions.filter(permission__codename="add_siteimage").exists()
    workflow = Workflow.objects.get(name=editorial.WORKFLOW)
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [publishers]


def test_every_news_index_gets_page_permissions_and_the_workflow(news_index):
    index_en = translate(news_index, "en", title="News", slug="news")
    for index in (news_index, index_en):
        assert index.get_workflow().name == editorial.WORKFLOW
    codenames = {(p.group.name, p.permission.codename) for p in news_index.group_permissions.all()}
    assert (editorial.EDITORS, "add_page") in codenames
    assert (editorial.EDITORS, "publish_page") not in codenames
    # The English index is the translators' (through the English home page), not the editors'.
    assert not index_en.group_permissions.filter(group__name=editorial.EDITORS).exists()


def test_editor_cannot_publish_but_submits_for_review_and_a_publisher_approves(
    client, news_index
):
    editor = member(editorial.EDITORS, "redakteurin")
    publisher = member(editorial.PUBLISHERS, "freigeber")
    page = NewsPageFactory(parent=news_index, title="Entwurf", slug="entwurf", owner=editor)
    page.unpublish()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(editor)
    response = client.post(
        edit_url, edit_data(page, title="Neuer Titel", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().as_object().title == "Neuer Titel"
    assert client.get("/de/aktuelles/entwurf/").status_code == 404

    response = client.post(edit_url, edit_data(page, title="Neuer Titel", **{"action-submit": "1"}))
    assert response.status_code == 302
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == editorial.WORKFLOW
    page.refresh_from_db()
    assert not page.live

    client.force_login(publisher)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.title == "Neuer Titel"
    client.logout()
    assert client.get("/de/aktuelles/entwurf/").status_code == 200


def test_publisher_can_publish_directly(client, news_index):
    publisher = member(editorial.PUBLISHERS, "freigeber")
    page = NewsPageFactory(parent=news_index, slug="direkt")
    page.unpublish()
    client.force_login(publisher)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                edit_data(page, **{"action-publish": "1"}))
    page.refresh_from_db()
    assert page.live


def test_scheduled_story_goes_live_only_when_its_time_has_come(client, news_index):
    page = NewsPageFactory(parent=news_index, slug="spaeter")
    page.unpublish()
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get("/de/aktuelles/spaeter/").status_code == 404

    call_command("publish_scheduled", stdout=StringIO())
    page.refresh_from_db()
    assert not page.live

    # A minute "passes": the approved go-live time and the one stored with the page lie behind us.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", stdout=StringIO())
    page.refresh_from_db()
    assert page.live
    assert client.get("/de/aktuelles/spaeter/").status_code == 200


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    return client


def test_single_upload_requires_alt_text(admin_client):
    images = get_image_model().objects
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Rathaus", "file": jpeg(), "description": ""}
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not images.exists()

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Rathaus", "file": jpeg(), "description": "Das Rathaus am Markt"},
    )
    assert response.status_code == 302
    assert images.get().description == "Das Rathaus am Markt"
    assert images.get().default_alt_text == "Das Rathaus am Markt"


def test_multiple_upload_holds_the_file_until_alt_text_is_given(admin_client):
    images = get_image_model().objects
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": jpeg()})
    data = response.json()
    assert data["success"]
    assert not images.exists()
    upload = UploadedFile.objects.get()

    url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload.pk])
    data = admin_client.post(url, {f"uploaded-image-{upload.pk}-title": "Rathaus",
                                   f"uploaded-image-{upload.pk}-description": ""}).json()
    assert not data["success"]
    assert not images.exists()

    data = admin_client.post(url, {f"uploaded-image-{upload.pk}-title": "Rathaus",
                                   f"uploaded-image-{upload.pk}-description": "Das Rathaus"}).json()
    assert data["success"]
    assert images.get().description == "Das Rathaus"
    assert not UploadedFile.objects.exists()


def test_an_editor_previews_a_draft_and_revisions_are_kept(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Workshop", slug="workshop")
    editor = member(editorial.EDITORS, "redakteurin")
    client.force_login(editor)
    revisions_before = page.revisions.count()

    data = edit_data(page, title="Workshop zur digitalen Verwaltung", lead="Neuer Vorspann")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.revisions.count() == revisions_before + 1
    assert page.title == "Workshop"  # the draft is not live
    assert "Neuer Vorspann" not in client.get(page.url).content.decode()

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Neuer Vorspann" in preview.content.decode()
    assert preview.headers.get("Cache-Control", "").startswith("private") or (
        "no-cache" in preview.headers.get("Cache-Control", "")
    )

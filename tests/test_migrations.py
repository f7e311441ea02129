"""Data migrations keep what editors wrote: run from the state before them, on real rows."""

import json
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Collection

from home.models import ContentPage, SiteImage

# The state before the image alternative text moved into Wagtail's ``description``.
BEFORE_IMAGE_DESCRIPTION = [
    ("home", "0001_initial"),
    ("news", "0002_editorial_roles"),
    ("events", "0001_initial"),
    ("strategy", "0002_chapter_content_goals_and_measures"),
]


def old_image_block(image_id, alt_text):
    return {"type": "image", "id": str(uuid.uuid4()),
            "value": {"image": image_id, "alt_text": alt_text, "caption": "Der Markt",
                      "credit": ""}}


@pytest.mark.django_db(transaction=True)
def test_alt_texts_move_into_the_description_and_into_the_image_blocks():
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_IMAGE_DESCRIPTION)
    old = executor.loader.project_state(BEFORE_IMAGE_DESCRIPTION).apps

    image_model = old.get_model("home", "SiteImage")
    image = image_model.objects.create(
        title="Rathaus", file="original_images/rathaus.jpg", width=800, height=600,
        alt_text="Das Rathaus am Markt", description="", collection_id=root_collection.pk,
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="home", model="contentpage"
    )[0]
    locale = old.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="de")[0]
    body = json.dumps([old_image_block(image.pk, ""), old_image_block(image.pk, "Im Sommer")])
    page = old.get_model("home", "ContentPage").objects.create(
        title="Bilder", draft_title="Bilder", slug="bilder", path="00099999", depth=1,
        url_path="/bilder/", content_type=content_type, locale=locale, body=body,
    )
    revision = old.get_model("wagtailcore", "Revision").objects.create(
        content_type=content_type,
        base_content_type=old.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="wagtailcore", model="page")[0],
        object_id=str(page.pk), content={"title": "Bilder", "body": body},
        created_at=timezone.now(),
    )
    page.latest_revision_id = revision.pk
    page.save(update_fields=["latest_revision"])

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert SiteImage.objects.get(pk=image.pk).description == "Das Rathaus am Markt"
    page = ContentPage.objects.get(pk=page.pk)
    first, second = (child.value["image"] for child in page.body)
    assert first.pk == image.pk and first.contextual_alt_text == "Das Rathaus am Markt"
    assert second.contextual_alt_text == "Im Sommer" and not second.decorative
    assert page.body[0].value["caption"] == "Der Markt"
    stored = json.loads(page.get_latest_revision().content["body"])
    assert stored[1]["value"]["image"] == {"image": image.pk, "decorative": False,
                                           "alt_text": "Im Sommer"}

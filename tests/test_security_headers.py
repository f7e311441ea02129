"""Headers, log-in lockout, sessions and uploads, as deployed."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories.participation import citizen

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/de/", "/en/", "/de/suche/?q=Jena", "/de/konto/login/",
                                  "/de/gibt-es-nicht/"])
def test_every_public_page_sends_a_strict_content_security_policy(client, site_tree, path):
    response = client.get(path)
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"]


def test_the_admin_is_excluded_for_wagtail_localize_s_editor(client, site_tree):
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_the_admin_login_locks_after_repeated_failures(client, site_tree):
    User.objects.create_superuser("chefin", "chefin@jena.example", "the right password 1")
    for _ in range(5):
        client.post("/admin/login/", {"username": "chefin", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "chefin",
                                           "password": "the right password 1"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    other = client.post("/admin/login/", {"username": "someone", "password": "x"},
                        REMOTE_ADDR="127.0.0.1")
    assert other.status_code == 429  # the address is locked as well


def test_a_spoofed_forwarded_for_header_does_not_reset_the_lockout(client, site_tree):
    User.objects.create_superuser("chef", "chef@jena.example", "the right password 2")
    for number in range(6):
        client.post("/admin/login/", {"username": "chef", "password": "wrong"},
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = client.post("/admin/login/", {"username": "chef",
                                             "password": "the right password 2"},
                           HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429


def test_the_session_is_rotated_on_login_and_ended_on_logout(client, site_tree):
    user = citizen("Anna")
    client.get("/de/konto/login/")
    client.cookies["sessionid"] = "attacker-chosen"
    response = client.post("/de/konto/login/", {"login": user.email,
                                                "password": "a long and careful passphrase"})
    assert response.status_code == 302
    session_key = client.cookies["sessionid"].value
    assert session_key != "attacker-chosen"
    client.post("/de/konto/logout/")
    assert client.get(reverse("participation:account")).status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()


def image_file(name, image_format, content_type):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#00468c").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def test_uploads_are_images_only_and_documents_are_attachments(client, site_tree, settings):
    admin = User.objects.create_superuser("admin", "admin@jena.example", "x" * 12)
    client.force_login(admin)
    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" '
                             b'onload="alert(1)"/>', content_type="image/svg+xml")
    response = client.post(reverse("wagtailimages:add"),
                           {"title": "Logo", "file": svg, "description": "Logo"})
    assert response.status_code == 200  # the form again, with an error
    from wagtail.images import get_image_model

    assert not get_image_model().objects.filter(title="Logo").exists()
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE and settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Plan", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"))
    served = client.get(document.url)
    assert served["Content-Disposition"].startswith("attachment")
    assert "html" not in settings.WAGTAILDOCS_EXTENSIONS


@pytest.mark.parametrize("path", ["/de/suche/", "/de/beteiligung/diskussion/1/beitrag/",
                                  "/de/konto/signup/"])
def test_an_oversized_body_is_refused_early(client, site_tree, path):
    response = client.post(path, {"text": "x" * 3_000_000})
    assert response.status_code == 413
    assert "Zu viel auf einmal" in response.content.decode()

"""Citizens' accounts (django-allauth): sign-up, verification, log-in and -out, password reset,
every screen in the site's design, in German ("Sie") and English, the mails in the language of
the page that sent them, and no account enumeration."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import allauth
import polib
import pytest
from allauth.account import urls as allauth_account_urls
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.decorators import verified_email_required
from allauth.account.models import EmailAddress
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpResponse
from django.template.loader import get_template
from django.urls import URLPattern, path, reverse
from django.utils import translation
from wagtail.models import Site

from home.models import LegalPages
from participation.models import Participant
from smartcity import urls as site_urls
from tests.factories.home import ContentPageFactory, translate
from tests.factories.participation import citizen, comment, debate

pytestmark = pytest.mark.django_db

PASSWORD = "Lindenblüten an der Saale"
BASE_DIR = Path(__file__).resolve().parent.parent
ALLAUTH_DIR = Path(allauth.__file__).parent


@verified_email_required
def members_only(request):
    return HttpResponse("members only")


# This module is also the URLconf of the tests marked with it: the site's URLs plus one view
# that needs a confirmed address, which the site itself does not have (yet).
urlpatterns = [
    *i18n_patterns(path("members/", members_only, name="members_only")),
    *site_urls.urlpatterns,
]
handler500 = site_urls.handler500


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def sign_up(client, language, email="anna@example.org", name="Anna", password=PASSWORD):
    return client.post(url("account_signup", language), {
        "email": email, "display_name": name, "password1": password, "password2": password,
    })


def log_in(client, language, email="anna@example.org", password=PASSWORD):
    return client.post(url("account_login", language), {"login": email, "password": password})


def link_in(message) -> str:
    """The path of the one link in a mail."""
    (link,) = re.findall(r"https?://\S+", message.body)
    return urlsplit(link).path


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def main(response) -> str:
    return response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]


def comparable(response, *variable: str) -> str:
    """The page without what differs between two requests anyway: the CSRF token, and the
    given strings (the address someone typed)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    for text in variable:
        html = html.replace(text, "…")
    return html


@pytest.fixture
def anna(db):
    return citizen("Anna", email="anna@example.org", password=PASSWORD)


MAIL_TEXTS = {
    "de": {
        "greeting": "Guten Tag,",
        "confirm_subject": "[Smart City Jena] Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "reset_subject": "[Smart City Jena] Neues Passwort wählen",
        "code_subject": "[Smart City Jena] Ihr Bestätigungscode",
        "too_short": "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten.",
        "too_common": "Dieses Passwort ist zu üblich.",
        "prefix": "/de/konto/",
    },
    "en": {
        "greeting": "Hello,",
        "confirm_subject": "[Smart City Jena] Please confirm your e-mail address",
        "reset_subject": "[Smart City Jena] Choose a new password",
        "code_subject": "[Smart City Jena] Your confirmation code",
        "too_short": "This password is too short. It must contain at least 12 characters.",
        "too_common": "This password is too common.",
        "prefix": "/en/accounts/",
    },
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_sign_up_verify_and_sign_in(client, site_tree, language):
    texts = MAIL_TEXTS[language]
    response = sign_up(client, language, name="Anna aus Lobeda")
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent", language)
    assert not signed_in(client)

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == texts["confirm_subject"]
    assert message.body.startswith(texts["greeting"])
    confirm_path = link_in(message)
    assert confirm_path.startswith(texts["prefix"] + "confirm-email/")

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert f'<html lang="{language}">' in page.content.decode()
    assert not EmailAddress.objects.get(email="anna@example.org").verified
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="anna@example.org").verified

    response = log_in(client, language)
    assert response.status_code == 302
    assert signed_in(client)
    participant = Participant.objects.get(user__email="anna@example.org")
    assert participant.display_name == "Anna aus Lobeda"


def test_an_unconfirmed_account_cannot_sign_in(client, site_tree):
    sign_up(client, "de")
    response = log_in(client, "de")
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent", "de")
    assert not signed_in(client)


def test_signing_out_takes_a_post(client, site_tree, anna):
    client.force_login(anna)
    page = client.get(url("account_logout", "de"))
    assert page.status_code == 200
    assert re.search(r'<form method="post" action="/de/konto/logout/">', main(page))
    assert signed_in(client)

    response = client.post(url("account_logout", "de"))
    assert response.status_code == 302
    assert not signed_in(client)


@pytest.mark.parametrize("language", ["de", "en"])
def test_password_reset_end_to_end(client, site_tree, anna, language):
    texts = MAIL_TEXTS[language]
    response = client.post(url("account_reset_password", language), {"email": "anna@example.org"})
    assert response.status_code == 302
    assert response["Location"] == url("account_reset_password_done", language)

    (message,) = mail.outbox
    assert message.subject == texts["reset_subject"]
    assert message.body.startswith(texts["greeting"])
    key_path = link_in(message)
    assert key_path.startswith(texts["prefix"] + "password/reset/key/")

    # allauth moves the key into the session and the form to an address without it.
    form_path = client.get(key_path)["Location"]
    assert client.get(form_path).status_code == 200
    new_password = "Ein ganz neues Passwort"
    response = client.post(form_path, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert response["Location"] == url("account_reset_password_from_key_done", language)

    assert log_in(client, language, password=PASSWORD).status_code == 200
    assert not signed_in(client)
    assert log_in(client, language, password=new_password).status_code == 302
    assert signed_in(client)


def test_a_used_reset_link_is_refused_in_the_site_design(client, site_tree):
    page = client.get(url("account_reset_password_from_key", "de", "1", "nokey"))
    assert page.status_code == 200
    assert "Dieser Link gilt nicht mehr" in main(page)


def test_signing_up_with_a_registered_address_answers_as_for_a_new_one(client, site_tree, anna):
    new = sign_up(client, "de", email="new@example.org", name="Neu")
    new_page = client.get(new["Location"])
    mail.outbox.clear()

    again = sign_up(client, "de", email="anna@example.org", name="Noch einmal Anna")
    again_page = client.get(again["Location"])

    assert (again.status_code, again["Location"]) == (new.status_code, new["Location"])
    assert again_page.status_code == new_page.status_code == 200
    assert comparable(again_page, "anna@example.org") == comparable(new_page, "new@example.org")
    assert get_user_model().objects.filter(email="anna@example.org").count() == 1
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "[Smart City Jena] Sie haben bereits ein Konto"
    assert link_in(message) == url("account_reset_password", "de")


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client, site_tree, anna):
    reset = url("account_reset_password", "en")
    known = client.post(reset, {"email": "anna@example.org"})
    known_page = client.get(known["Location"])
    unknown = client.post(reset, {"email": "nobody@example.org"})
    unknown_page = client.get(unknown["Location"])

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert comparable(unknown_page) == comparable(known_page)
    to_anna, to_nobody = mail.outbox
    assert to_anna.subject == "[Smart City Jena] Choose a new password"
    assert to_nobody.to == ["nobody@example.org"]
    assert to_nobody.subject == "[Smart City Jena] No account with this address"
    assert link_in(to_nobody) == url("account_signup", "en")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("password", "error"), [
    ("Saalebrücke", "too_short"),  # 11 characters
    ("qwerty123456", "too_common"),
])
def test_weak_passwords_are_refused_in_the_page_language(client, site_tree, language,
                                                          password, error):
    response = sign_up(client, language, password=password)
    assert response.status_code == 200
    html = main(response)
    assert 'role="alert" tabindex="-1" autofocus' in html
    assert MAIL_TEXTS[language][error] in html
    assert 'aria-invalid="true"' in html
    assert not get_user_model().objects.exists()
    assert not mail.outbox


def test_sign_up_links_the_privacy_notice_in_the_page_language(client, site_tree):
    privacy = ContentPageFactory(parent=site_tree.home_de, title="Datenschutz", slug="datenschutz")
    translate(privacy, "en", title="Privacy", slug="privacy")
    settings = LegalPages.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()

    assert 'href="/de/datenschutz/">Datenschutzerklärung' in main(
        client.get(url("account_signup", "de")))
    assert 'href="/en/privacy/">privacy notice' in main(client.get(url("account_signup", "en")))


def test_the_language_switch_leads_to_the_same_screen(client, site_tree):
    html = client.get("/de/konto/login/").content.decode()
    assert '<a href="/en/accounts/login/" hreflang="en"' in html
    html = client.get("/en/accounts/password/reset/").content.decode()
    assert '<a href="/de/konto/password/reset/" hreflang="de"' in html


def test_a_display_name_with_an_at_sign_is_refused(client, site_tree):
    response = sign_up(client, "de", name="anna@example.org")
    assert response.status_code == 200
    assert "ohne „@“" in main(response)
    assert not get_user_model().objects.exists()


def test_the_email_address_never_appears_on_a_public_page(client, site_tree):
    sign_up(client, "de", email="a.kowalski@example.org", name="Anna K.")
    client.post(link_in(mail.outbox[0]))
    user = get_user_model().objects.get(email="a.kowalski@example.org")
    page = debate(site_tree.home_de, title="Digitale Verwaltung", slug="verwaltung")
    comment(page, user, "Bitte mehr Termine online.")

    client.logout()
    html = client.get(page.url).content.decode()
    assert "Bitte mehr Termine online." in html and "Anna K." in html
    assert "a.kowalski" not in html
    assert user.username not in html


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_account_screen_is_in_the_site_design(client, site_tree, anna, language,
                                                    monkeypatch):
    """Each screen: 200, the page language, header and footer, the site's own templates, and
    nothing a strict Content-Security-Policy would block."""
    no_password = citizen("Ben", email="ben@example.org")
    no_password.set_unusable_password()
    no_password.save()
    unconfirmed = citizen("Cem", email="cem@example.org", verified=False)

    anonymous = ["account_login", "account_signup", "account_reset_password",
                 "account_reset_password_done", "account_email_verification_sent",
                 "account_inactive", "account_reset_password_from_key_done"]
    screens = [(None, url(name, language)) for name in anonymous] + [
        (None, url("account_confirm_email", language, "not-a-key")),
        (None, url("account_reset_password_from_key", language, "1", "nokey")),
        (anna, url("account_logout", language)),
        (anna, url("account_email", language)),
        (anna, url("account_change_password", language)),
        (anna, url("account_reauthenticate", language)),
        (anna, url("account_request_reauthentication_code", language)),
        (no_password, url("account_set_password", language)),
        (unconfirmed, url("members_only", language)),
    ]
    for user, path_ in screens:
        client.logout()
        if user:
            client.force_login(user)
        assert_in_site_design(client.get(path_), language)

    client.force_login(anna)
    response = client.post(url("account_request_reauthentication_code", language),
                           {"recipient": "anna@example.org"})
    assert_in_site_design(client.get(response["Location"]), language)
    assert mail.outbox[-1].subject == MAIL_TEXTS[language]["code_subject"]

    client.logout()
    monkeypatch.setattr(DefaultAccountAdapter, "is_open_for_signup", lambda self, request: False)
    assert_in_site_design(client.get(url("account_signup", language)), language)


def assert_in_site_design(response, language):
    assert response.status_code == 200, response.request["PATH_INFO"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "<h1>" in main(response)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert not re.search(r"\son[a-z]+=|\sstyle=", html), "inline handler or style"
    stock = [t.origin.name for t in response.templates if t.origin.name.startswith(str(ALLAUTH_DIR))
             and not is_pure_extends(t.origin.name)]
    assert not stock, f"allauth's own templates rendered: {stock}"


def is_pure_extends(template_path: str) -> bool:
    """allauth's one-line base templates (``account/base_entrance.html`` and the like) only
    extend the layouts the site overrides."""
    source = Path(template_path).read_text()
    return re.fullmatch(r"\{% extends \"[^\"]+\" %\}\s*", source) is not None


def test_allauth_has_no_account_url_we_have_not_looked_at():
    """A new allauth view (after an upgrade) needs a screen of the site's own and a line in the
    screen test above. The confirmation of a sign-in code redirects away: codes are off."""
    known = {
        "account_login", "account_logout", "account_inactive", "account_signup",
        "account_reauthenticate", "account_request_reauthentication_code",
        "account_confirm_reauthentication_code", "account_email",
        "account_email_verification_sent", "account_change_password", "account_set_password",
        "account_reset_password", "account_confirm_login_code", "account_confirm_email",
        "account_reset_password_done", "account_reset_password_from_key",
        "account_reset_password_from_key_done",
    }
    names = {p.name for p in allauth_account_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == known


def test_staff_still_sign_in_to_the_wagtail_admin(client, site_tree):
    get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", PASSWORD)
    page = client.get("/admin/login/")
    assert page.status_code == 200
    assert 'name="username"' in page.content.decode()
    response = client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_hostile_display_name_is_escaped_on_the_account_page(client, site_tree):
    hostile = "<script>alert(1)</script>"
    sign_up(client, "en", name=hostile)
    client.post(link_in(mail.outbox[0]))
    log_in(client, "en")
    assert Participant.objects.get().display_name == hostile

    html = client.get(url("participation:account", "en")).content.decode()
    assert hostile not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_notification_mails_speak_the_page_language(client, site_tree, anna, settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client.force_login(anna)
    new_password = "Ein ganz neues Passwort"
    response = client.post(url("account_change_password", "de"), {
        "oldpassword": PASSWORD, "password1": new_password, "password2": new_password,
    })
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "[Smart City Jena] Ihr Passwort wurde geändert"
    assert "Ihr Passwort wurde geändert." in message.body
    assert "127.0.0.1" not in message.body


# German: "Sie", never "du". Pronouns and verb forms of the second person singular and plural,
# and the imperatives allauth's German catalogue uses ("Bitte gib", "bestätige", "melde dich").
DU_FORMS = re.compile(
    r"\b(du|dich|dir|dein|deine[mnrs]?|euch|euer|eure[mnrs]?"
    r"|bist|hast|kannst|musst|willst|sollst|darfst|möchtest|wirst|weißt|erhältst|sendest"
    r"|siehst|findest|gibst|brauchst"
    r"|gib|lass|lies|sieh|nimm|wähle|bestätige|klicke?|versuche|melde|überprüfe|prüfe|folge"
    r"|gehe|sende|schicke|warte|habe|sei|trage|setze|ändere|erstelle|entferne|verwende|nutze"
    r"|füge|kontaktiere|logge|öffne|kopiere|fordere|verknüpfe)\b",
    re.IGNORECASE,
)
ALLAUTH_SCOPE = ("account/", "core/", "templates/account/", "templates/allauth/")


def allauth_catalogue() -> list[polib.POEntry]:
    po = polib.pofile(str(ALLAUTH_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    return [e for e in po if not e.obsolete
            and any(place.startswith(ALLAUTH_SCOPE) for place, _line in e.occurrences)]


def german(entry: polib.POEntry) -> list[str]:
    with translation.override("de"):
        if entry.msgid_plural:
            return [translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                    if entry.msgctxt else
                    translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        if entry.msgctxt:
            return [translation.pgettext(entry.msgctxt, entry.msgid)]
        return [translation.gettext(entry.msgid)]


def test_the_check_would_see_allauths_own_du_forms():
    entries = {e.msgid: e for e in allauth_catalogue()}
    assert DU_FORMS.search(entries["You must type the same password each time."].msgstr)
    assert DU_FORMS.search(entries["Be patient, you are sending too many requests."].msgstr)
    assert not DU_FORMS.search("Bitte geben Sie Ihr Passwort ein. Bestätigen Sie Ihre Adresse.")


def test_allauths_account_texts_say_sie_in_german():
    du = {entry.msgid: text for entry in allauth_catalogue() for text in german(entry)
          if DU_FORMS.search(text)}
    assert not du, "add these msgids to smartcity/allauth_messages.py and translate them"


def test_the_sites_german_catalogue_says_sie():
    po = polib.pofile(str(BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    du = [e.msgstr for e in po if DU_FORMS.search(e.msgstr)]
    assert not du


@pytest.mark.parametrize("name", [
    "account/email/base_message.txt", "account/email/email_confirmation_signup_message.txt",
    "account/messages/email_deleted.txt",
])
def test_plain_text_is_not_html_escaped(name):
    text = get_template(name).render({"email": "o'neil&co@example.org",
                                      "activate_url": "https://x/?a=1&b=2",
                                      "current_site": {"domain": "jena&co.example"}})
    assert "&amp;" not in text and "&#x27;" not in text

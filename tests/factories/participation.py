import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from participation import fragment_cache
from participation.models import CitizenComment, Discussion, Participant
from tests.participation_host.models import DebatePage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"citizen{n}")
    email = factory.Sequence(lambda n: f"citizen{n}@example.org")
    password = factory.django.Password("a long and careful passphrase")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


def citizen(name="Anna", *, verified=True, consented=True, **fields):
    """A signed-up citizen: account, (verified) e-mail address and public name."""
    user = UserFactory(**fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    Participant.objects.create(
        user=user, display_name=name,
        privacy_consent_at=timezone.now() if consented else None,
    )
    return user


class DebatePageFactory(factory.django.DjangoModelFactory):
    """Use ``DebatePageFactory.build(...)`` then ``parent.add_child(instance=page)``."""

    title = factory.Sequence(lambda n: f"Debatte {n}")
    slug = factory.Sequence(lambda n: f"debatte-{n}")
    hosts_participation = True

    class Meta:
        model = DebatePage


def debate(parent, **fields) -> DebatePage:
    page = DebatePageFactory.build(locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def comment(page, author, text="Ein Kommentar.", *, parent=None, target="", **fields):
    """A comment stored directly (no rate limit, no fill time): for setting up discussions."""
    discussion = Discussion.for_page(page)
    created = CitizenComment.objects.create(
        discussion=discussion, author=author, text=text,
        language=fields.pop("language", page.locale.language_code),
        parent=parent, thread=parent.thread if parent else None,
        depth=parent.depth + 1 if parent else 0,
        target=parent.target if parent else target, **fields,
    )
    if parent is None:
        created.thread = created
        created.save(update_fields=["thread"])
    fragment_cache.changed(discussion.translation_key)  # as the services do after every write
    return created


def staff(*permissions: str, name="Moderation"):
    """A staff account with admin access and the given ``app_label.codename`` permissions."""
    from django.contrib.auth.models import Permission

    user = UserFactory(username=name.lower().replace(" ", "-"))
    codenames = ["wagtailadmin.access_admin", *permissions]
    for dotted in codenames:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return get_user_model().objects.get(pk=user.pk)


def block_id() -> str:
    import uuid

    return str(uuid.uuid4())


def options(*labels):
    """A ListBlock value with item ids, as the admin stores it."""
    return [{"type": "item", "value": label, "id": block_id()} for label in labels]


def question(kind, text, *, required=False, help_text="", **value):
    base = {"question": text, "help_text": help_text, "required": required}
    if kind in ("single_choice", "multiple_choice"):
        base.update(allow_other=False, other_label="")
    if kind == "multiple_choice":
        base["max_choices"] = None
    if kind == "scale":
        base.update(points=5, low_label="", high_label="")
    if "options" in value:
        value["options"] = options(*value["options"])
    return {"type": kind, "value": {**base, **value}, "id": block_id()}


def survey(page=None, *questions_, title="Umfrage zur Verwaltung", **fields):
    """A German survey (with block ids), attached to ``page`` if given."""
    from wagtail.models import Locale

    from participation.models import Survey

    created = Survey.objects.create(
        title=title, questions=list(questions_), locale=Locale.objects.get(language_code="de"),
        **fields)
    if page is not None:
        attach(page, created)
    return Survey.objects.get(pk=created.pk)


def attach(page, *surveys):
    page.participation_surveys = [("survey", s) for s in surveys]
    page.save_revision().publish()
    page.refresh_from_db()

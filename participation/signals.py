"""What the add-on tells the rest of the site, and what it does after a write commits.

``discussion_changed`` is sent (after the transaction commits) whenever what a page's discussion
shows changes; a page cache listens to it to purge the page in every language."""

import django.dispatch
from django.db import transaction

discussion_changed = django.dispatch.Signal()  # sender=CitizenComment, translation_key, action


def comment_changed(comment, action: str) -> None:
    from . import fragment_cache

    translation_key = comment.discussion.translation_key
    fragment_cache.changed(translation_key)

    def after_commit():
        discussion_changed.send(
            sender=type(comment), translation_key=translation_key, comment=comment,
            action=action,
        )
        if action == "posted" and comment.parent_id:
            from .tasks import notify_reply

            notify_reply.enqueue(comment.pk)

    transaction.on_commit(after_commit)


def author_changed(user) -> None:
    """The name shown with the user's comments changes (a new public name, a deleted
    account): every discussion they wrote in changes, in every language."""
    from . import fragment_cache
    from .models import CitizenComment

    keys = set(CitizenComment.objects.filter(author=user)
               .values_list("discussion__translation_key", flat=True))
    for translation_key in keys:
        fragment_cache.changed(translation_key)

    def after_commit():
        for translation_key in keys:
            discussion_changed.send(sender=CitizenComment, translation_key=translation_key,
                                    comment=None, action="author")

    transaction.on_commit(after_commit)


survey_changed = django.dispatch.Signal()  # sender=SurveyResponse, survey_key, translation_key


def survey_answered(survey_key, page, action: str) -> None:
    """After commit: the results of a survey changed (a page cache purges the page's results in
    every language; ``translation_key`` is the hosting page's)."""
    from . import fragment_cache
    from .models import SurveyResponse

    translation_key = page.translation_key
    fragment_cache.changed(translation_key)

    def after_commit():
        survey_changed.send(sender=SurveyResponse, survey_key=survey_key,
                            translation_key=translation_key, action=action)

    transaction.on_commit(after_commit)

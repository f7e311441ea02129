"""What the add-on tells the rest of the site, and what it does after a write commits.

``discussion_changed`` is sent (after the transaction commits) whenever what a page's discussion
shows changes; a page cache listens to it to purge the page in every language."""

import django.dispatch
from django.db import transaction

discussion_changed = django.dispatch.Signal()  # sender=CitizenComment, translation_key, action


def comment_changed(comment, action: str) -> None:
    translation_key = comment.discussion.translation_key

    def after_commit():
        discussion_changed.send(
            sender=type(comment), translation_key=translation_key, comment=comment,
            action=action,
        )
        if action == "posted" and comment.parent_id:
            from .tasks import notify_reply

            notify_reply.enqueue(comment.pk)

    transaction.on_commit(after_commit)


survey_changed = django.dispatch.Signal()  # sender=SurveyResponse, survey_key, translation_key


def survey_answered(survey_key, page, action: str) -> None:
    """After commit: the results of a survey changed (a page cache purges the page's results in
    every language; ``translation_key`` is the hosting page's)."""
    from .models import SurveyResponse

    translation_key = page.translation_key

    def after_commit():
        survey_changed.send(sender=SurveyResponse, survey_key=survey_key,
                            translation_key=translation_key, action=action)

    transaction.on_commit(after_commit)

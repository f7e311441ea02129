from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Support(models.Model):
    """A citizen backs a comment; once per citizen and comment, kept by the database."""
    # Citizens' input links to nothing an editor needs to see the usage of; indexing each
    # save would queue a task per comment, support and answer.
    wagtail_reference_index_ignore = True


    comment = models.ForeignKey(
        "participation.CitizenComment", on_delete=models.CASCADE, related_name="supports",
        verbose_name=_("comment"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_supports",
        verbose_name=_("citizen"),
    )
    created_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="participation_support_once"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.comment_id}"

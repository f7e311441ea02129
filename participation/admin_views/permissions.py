from wagtail.permission_policies.base import ModelPermissionPolicy

from .. import rules


class ModerationPolicy(ModelPermissionPolicy):
    """Moderators see and decide on comments; nobody creates, edits or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("view", "change"):
            return rules.can_moderate(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        if not {"view", "change"} & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.with_perm(
            "participation.moderate_citizencomment",
            backend="django.contrib.auth.backends.ModelBackend",
        )

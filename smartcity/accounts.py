"""How citizens' accounts (django-allauth) fit this site."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """After signing in or out, citizens land on the home page of the language they were
    using (``/de/`` or ``/en/``), not on ``/``, which would choose by the browser's language."""

    def get_login_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])

    def get_logout_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])


def login_name(request, credentials):
    """The account name a log-in attempt is for, for django-axes: Wagtail's admin sends
    ``username``, allauth's citizen log-in ``login`` (an e-mail address)."""
    credentials = credentials or {}
    for key in ("username", "login", "email"):
        if value := credentials.get(key) or request.POST.get(key):
            return str(value).strip().lower()
    return ""

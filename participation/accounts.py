"""Citizens' accounts: the sign-up form's public name, and the settings a citizen controls.

django-allauth does the accounts themselves (sign-up, e-mail verification, log-in, log-out,
password reset); this module adds what the discussion needs: a public display name, never the
e-mail address, and the choice to be told about replies."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from . import signals
from .models import Participant
from .models.participants import clean_display_name, validate_display_name
from .privacy import delete_account, personal_data


class DisplayNameField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=gettext_lazy("Public name"), max_length=50, min_length=2,
            help_text=gettext_lazy("Shown with your comments, for example your first name or "
                                   "a nickname. Your e-mail address is never shown."),
            validators=[validate_display_name], **kwargs,
        )

    def clean(self, value):
        return super().clean(clean_display_name(value or ""))


class SignupForm(forms.Form):
    """allauth's ``ACCOUNT_SIGNUP_FORM_CLASS``: adds the public name to e-mail and password."""

    display_name = DisplayNameField()

    def signup(self, request, user):
        Participant.objects.update_or_create(
            user=user, defaults={"display_name": self.cleaned_data["display_name"]}
        )


class AccountSettingsForm(forms.ModelForm):
    display_name = DisplayNameField()

    class Meta:
        model = Participant
        fields = ["display_name", "notify_replies"]


@never_cache
@login_required
def account_settings(request):
    participant = Participant.objects.filter(user=request.user).first()
    form = AccountSettingsForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        form.instance.user = request.user
        renamed = "display_name" in form.changed_data
        form.save()
        if renamed:
            signals.author_changed(request.user)
        messages.success(request, _("Your settings were saved."))
        return HttpResponseRedirect(reverse("participation:account"))
    return render(request, "participation/account.html", {"form": form},
                  status=400 if form.is_bound else 200)


@never_cache
@login_required
def data_download(request):
    """Made on request (POST), never cached, never behind a reusable link."""
    if request.method == "POST":
        response = JsonResponse(personal_data(request.user), json_dumps_params={"indent": 2})
        response["Content-Disposition"] = 'attachment; filename="my-participation-data.json"'
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "participation/data_download.html")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password"),
                               widget=forms.PasswordInput(attrs={"autocomplete":
                                                                 "current-password"}))
    confirm = forms.BooleanField(label=gettext_lazy(
        "I understand: my account is deleted for good; my comments stay, as from “deleted "
        "user”."))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


@never_cache
@login_required
def delete_account_view(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_account(request)
        messages.success(request, _("Your account was deleted."))
        return HttpResponseRedirect(reverse("wagtail_serve", args=[""]))
    return render(request, "participation/delete_account.html", {"form": form},
                  status=400 if form.is_bound else 200)

"""Forms for school staff: the admin's login in their words, choosing a password from a link,
and the superuser's forms that make those links."""
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .. import invites
from ..models import StaffInvite
from .base import CrispyForm


class StaffLoginForm(AdminAuthenticationForm):
    """The admin's login form, in words for school staff, who log in with their e-mail address."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        # Django's own text talks about a "stafaccount" and case-sensitive fields.
        "invalid_login": _("Het e-mailadres of het wachtwoord klopt niet. Probeer het nog eens."),
        "inactive": _("Dit account staat uit. Vraag de beheerder van Pestgesprek om hulp."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mailadres")

    def clean_username(self):
        # Accounts made from an invitation are named by the e-mail address in lower case
        # (wizard/invites.py); a phone may still start the address with a capital.
        username = self.cleaned_data["username"]
        return username.strip().lower() if "@" in username else username


def _minimum_password_length():
    """The shortest password the validators in settings allow, for the hint."""
    lengths = [getattr(validator, "min_length", 0) for validator in password_validation.get_default_password_validators()]
    return max(lengths, default=0)


# Our own words for the errors of Django's validators (by their code); the translation of
# "too short" is missing from Django's Dutch catalogue, and "gelijkenis vertonen" is no B1.
VALIDATOR_MESSAGES = {
    "password_too_short": _("Dit wachtwoord is te kort. Kies minstens %(min_length)d tekens."),
    "password_too_common": _("Dit wachtwoord gebruiken veel mensen. Kies een ander wachtwoord."),
    "password_entirely_numeric": _("Dit wachtwoord heeft alleen cijfers. Zet er ook letters in."),
    "password_too_similar": _("Dit wachtwoord lijkt te veel op uw e-mailadres. Kies een ander wachtwoord."),
}


class ChoosePasswordForm(SetPasswordForm, CrispyForm):
    """A password chosen from an invitation or a new-password link; Django's validators apply.

    ``user`` is the account the password is for: a new, unsaved one for an invitation.
    """

    error_messages = {"password_mismatch": _("De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer.")}

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.label = _("Kies een wachtwoord")
        # Our own words for what Django's validators check; their error messages stay theirs.
        first.help_text = _(
            "Minstens %(length)d tekens. Niet alleen cijfers. Niet een wachtwoord dat veel mensen gebruiken, of dat op uw e-mailadres lijkt."
        ) % {"length": _minimum_password_length()}
        second.label = _("Typ het wachtwoord nog een keer")
        second.help_text = ""

    def clean(self):
        # Two invitations for one address: the first made the account.
        if self.user.pk is None and invites.account_exists(self.user.username):
            raise ValidationError(
                _("Er is al een account met dit e-mailadres. Log in met uw wachtwoord. Vraag de beheerder van Pestgesprek om u aan deze school toe te voegen."),
                code="account_exists",
            )
        self.validate_passwords("new_password1", "new_password2")
        # Django checks the second box; a weak password is a problem of the first one.
        self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data

    def validate_password_for_user(self, user, password_field_name):
        password = self.cleaned_data.get(password_field_name)
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            own = [
                ValidationError(VALIDATOR_MESSAGES.get(e.code, e.message), code=e.code, params=e.params)
                for e in error.error_list
            ]
            self.add_error(password_field_name, own)


class InviteLinkForm(forms.ModelForm):
    """The superuser's form for an invitation (drawn by the admin): an address and a school."""

    class Meta:
        model = StaffInvite
        fields = ["email", "school"]
        help_texts = {"email": _("Dit wordt ook de naam waarmee de medewerker inlogt.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"]
        invites.check_no_account(email)
        return invites.account_name(email)


class ResetLinkForm(forms.ModelForm):
    """The superuser's form for a new-password link: which staff account."""

    class Meta:
        model = StaffInvite
        fields = ["user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        user.required = True
        user.queryset = get_user_model().objects.filter(is_active=True, is_staff=True).order_by("username")

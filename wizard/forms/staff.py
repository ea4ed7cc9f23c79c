"""Forms for school staff: the admin's login in their words, and choosing a password from a link."""
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _


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

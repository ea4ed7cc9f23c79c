"""The data Pestgesprek stores: parents' drafts, schools and support contacts."""
import ipaddress
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """One parent's preparation, tied to one browser session.

    ``answers`` maps a step key to the values typed on that step, exactly as the form
    received them, so that nothing typed is lost even when it is not valid yet. The
    step's form turns them into clean values whenever they are read.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(
        "School", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("school")
    )
    answers = models.JSONField(default=dict, blank=True)
    # The key of the step saved last: "Verder waar ik was" continues from there.
    last_step = models.CharField(max_length=40, blank=True, default="")
    # A hash of the CSRF cookie of the browser that made the draft. Unique, so that two tabs
    # saving their very first answer at the same moment end up in one draft (drafts.save_step).
    browser_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    # Letters the parent edited (wizard/letters.py), by kind; a letter not edited is drafted afresh.
    letters = models.JSONField(default=dict, blank=True)
    # The bewaarcode (wizard/resume.py): only a keyed hash of it, never the code itself.
    resume_code_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    resume_code_made_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepten")

    def __str__(self):
        return f"Concept {self.pk}"

    @property
    def is_saved(self):
        return not self._state.adding

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def step_data(self, key):
        """What was typed on the step with this storage key, or None when it was never saved."""
        return self.answers.get(key)


# Names that never lead to a public web site.
PRIVATE_HOST_ENDINGS = (".local", ".localhost", ".internal", ".lan", ".home.arpa", ".corp")


def is_public_link(url):
    """Whether ``url`` is https to a public host: no other scheme, no private or local address."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if parts.scheme != "https" or not host:
        return False
    try:
        return ipaddress.ip_address(host).is_global
    except ValueError:
        pass
    return "." in host and host != "localhost" and not host.endswith(PRIVATE_HOST_ENDINGS)


def validate_public_link(url):
    if not is_public_link(url):
        raise ValidationError(
            _("Gebruik een link naar een openbare website die begint met https://, bijvoorbeeld https://www.school.nl/klachten."),
            code="not_public",
        )


class School(models.Model):
    """A school that shares its own link; its people appear by name in the roadmap and the PDF."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(
        _("korte naam in de link"),
        max_length=60,
        unique=True,
        help_text=_("Alleen kleine letters, cijfers en streepjes. De link wordt dan /s/korte-naam/."),
    )
    aanspreekpunt_name = models.CharField(_("aanspreekpunt pesten: naam"), max_length=200, blank=True)
    aanspreekpunt_contact = models.CharField(_("aanspreekpunt pesten: e-mail of telefoon"), max_length=200, blank=True)
    vertrouwenspersoon_name = models.CharField(_("interne vertrouwenspersoon: naam"), max_length=200, blank=True)
    vertrouwenspersoon_contact = models.CharField(
        _("interne vertrouwenspersoon: e-mail of telefoon"), max_length=200, blank=True
    )
    externe_vertrouwenspersoon_name = models.CharField(_("externe vertrouwenspersoon: naam"), max_length=200, blank=True)
    externe_vertrouwenspersoon_contact = models.CharField(
        _("externe vertrouwenspersoon: e-mail of telefoon"), max_length=200, blank=True
    )
    zorgcoordinator_name = models.CharField(_("zorgcoördinator: naam"), max_length=200, blank=True)
    zorgcoordinator_contact = models.CharField(_("zorgcoördinator: e-mail of telefoon"), max_length=200, blank=True)
    pestcoordinator_name = models.CharField(_("coördinator pestbeleid: naam"), max_length=200, blank=True)
    pestcoordinator_contact = models.CharField(_("coördinator pestbeleid: e-mail of telefoon"), max_length=200, blank=True)
    complaints_url = models.URLField(_("link naar de klachtenregeling"), blank=True, validators=[validate_public_link])
    protocol_url = models.URLField(_("link naar het pestprotocol"), blank=True, validators=[validate_public_link])
    schoolgids_url = models.URLField(_("link naar de schoolgids"), blank=True, validators=[validate_public_link])
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="schools",
        verbose_name=_("medewerkers die deze school beheren"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("scholen")

    def __str__(self):
        return self.name

    # The school's own links, by the name they have in our outbound URLs.
    LINKS = {"klachtenregeling": "complaints_url", "pestprotocol": "protocol_url", "schoolgids": "schoolgids_url"}

    def link(self, name):
        """One of the school's own links, if it is a safe one (see validate_public_link)."""
        url = getattr(self, self.LINKS[name]) if name in self.LINKS else ""
        return url if url and is_public_link(url) else ""

    def person(self, role):
        """(name, contact) of one of the school's roles, e.g. ``person("zorgcoordinator")``."""
        return getattr(self, f"{role}_name"), getattr(self, f"{role}_contact")


class SupportContact(models.Model):
    """An organisation or person outside the school a parent can turn to (fixture from the seed)."""

    PHONE_CHECKED = "checked"
    PHONE_FROM_SEED = "seed"
    PHONE_UNCHECKED = "unchecked"
    PHONE_STATUSES = [
        (PHONE_CHECKED, _("gecontroleerd in meer dan één bron")),
        (PHONE_FROM_SEED, _("uit de brontekst van Kenniscentrum Pesten")),
        (PHONE_UNCHECKED, _("niet gecontroleerd: niet tonen")),
    ]

    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    when_it_helps = models.TextField(_("wanneer helpt dit (B1, één zin)"))
    what_to_bring = models.TextField(_("wat neemt u mee (B1, één zin)"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=100, blank=True)
    phone_status = models.CharField(_("telefoon gecontroleerd?"), max_length=20, choices=PHONE_STATUSES, default=PHONE_UNCHECKED)
    website = models.CharField(_("website"), max_length=200, blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("hulpadres")
        verbose_name_plural = _("hulpadressen")

    def __str__(self):
        return self.name

    @property
    def website_url(self):
        """A link for a bare domain such as "kinderombudsman.nl"; None for advice like "via uw gemeente"."""
        if self.website and " " not in self.website and "." in self.website:
            return f"https://{self.website}"
        return None

    @property
    def published_phone(self):
        """Only a number checked in more than one source, or from the seed, is shown."""
        return self.phone if self.phone_status in {self.PHONE_CHECKED, self.PHONE_FROM_SEED} else ""


class StaffInvite(models.Model):
    """A one-time link for school staff: an invitation to make an account, or a new password.

    Only a hash of the link's secret is stored, so a copy of the database opens no account
    (wizard/invites.py makes and checks the links).
    """

    INVITE = "invite"
    RESET = "reset"
    KINDS = [(INVITE, _("uitnodiging")), (RESET, _("nieuw wachtwoord"))]

    kind = models.CharField(_("soort"), max_length=10, choices=KINDS, default=INVITE)
    email = models.EmailField(_("e-mailadres"))
    # The school an invitation is for; a new-password link needs none.
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("school")
    )
    # The account a new-password link is for; an invitation makes a new one.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("werkt tot"), editable=False)
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("link voor een medewerker")
        verbose_name_plural = _("links voor medewerkers")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.email}"

    @property
    def state(self):
        """The link's state: "open", "used" or "expired"."""
        if self.used_at:
            return "used"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

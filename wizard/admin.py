"""Admin: school staff see and change only their own school; superusers make links for staff.

Parents' drafts are never registered here.
"""
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import invites
from .forms.staff import InviteLinkForm, ResetLinkForm, StaffLoginForm
from .models import School, StaffInvite, SupportContact
from .schools import schools_managed_by

admin.site.site_header = _("Pestgesprek beheer")
admin.site.site_title = _("Pestgesprek beheer")
# Django's "Websitebeheer" tells a teacher little; this says what the page is for.
admin.site.index_title = _("Kies wat u wilt aanpassen")
admin.site.login_form = StaffLoginForm


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "share_link"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["staff"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug"]}),
        (_("Aanspreekpunt pesten"), {"fields": ["aanspreekpunt_name", "aanspreekpunt_contact"]}),
        (
            _("Vertrouwenspersonen"),
            {
                "fields": [
                    "vertrouwenspersoon_name",
                    "vertrouwenspersoon_contact",
                    "externe_vertrouwenspersoon_name",
                    "externe_vertrouwenspersoon_contact",
                ]
            },
        ),
        (
            _("Zorg en pestbeleid"),
            {"fields": ["zorgcoordinator_name", "zorgcoordinator_contact", "pestcoordinator_name", "pestcoordinator_contact"]},
        ),
        (_("Links"), {"fields": ["complaints_url", "protocol_url", "schoolgids_url"]}),
        (_("Beheer"), {"fields": ["staff"]}),
    ]

    # Django's "Selecteer school om te wijzigen" and "School wijzigen" read like a database.
    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Kies een school"), **(extra_context or {})})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id:
            extra_context = {"title": _("Gegevens van de school aanpassen"), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("link delen"))
    def share_link(self, school):
        return format_html('<a href="{}">{}</a>', reverse("wizard:school_share", args=[school.slug]), _("Link en QR-code"))

    def get_queryset(self, request):
        return schools_managed_by(request.user) & super().get_queryset(request)

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser decides who manages a school, and which link it has.
        return [] if request.user.is_superuser else ["slug", "staff"]

    # Staff need no model permissions: membership of the school is the permission.
    def _manages(self, request, obj):
        if obj is None:
            return request.user.is_active and request.user.is_staff
        return schools_managed_by(request.user).filter(pk=obj.pk).exists()

    def has_module_permission(self, request):
        return self._manages(request, None)

    def has_view_permission(self, request, obj=None):
        return self._manages(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._manages(request, obj)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(SupportContact)
class SupportContactAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "phone", "phone_status", "website"]
    list_filter = ["phone_status"]


# The add page makes a new-password link instead of an invitation with ?soort=nieuw-wachtwoord.
RESET_QUERY = ("soort", "nieuw-wachtwoord")
LINK_STATES = {"open": _("werkt nog"), "used": _("gebruikt"), "expired": _("verlopen")}


@admin.register(StaffInvite)
class StaffInviteAdmin(admin.ModelAdmin):
    """Superusers make invitation and new-password links; the link itself is shown once, never stored."""

    list_display = ["email", "kind", "school", "link_state", "expires_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["email"]
    readonly_fields = ["kind", "email", "school", "user", "created_by", "created_at", "expires_at", "used_at"]
    change_form_template = "admin/wizard/staffinvite/change_form.html"

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Links voor medewerkers"), **(extra_context or {})})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A link is for a school or an account that exists: no buttons to add or edit one here.
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            field.widget = field.widget.widget
        return field

    @admin.display(description=_("status"))
    def link_state(self, invite):
        return LINK_STATES[invite.state]

    def _making_reset(self, request):
        return request.GET.get(RESET_QUERY[0]) == RESET_QUERY[1]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ResetLinkForm if self._making_reset(request) else InviteLinkForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ResetLinkForm.Meta.fields if self._making_reset(request) else InviteLinkForm.Meta.fields
        return self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def add_view(self, request, form_url="", extra_context=None):
        reset = self._making_reset(request)
        context = {
            "title": _("Maak een link voor een nieuw wachtwoord") if reset else _("Nodig een medewerker uit"),
            "making_reset": reset,
            # One button: every way of saving leads to the page with the link.
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
            **(extra_context or {}),
        }
        return super().add_view(request, form_url, context)

    def save_form(self, request, form, change):
        # wizard/invites.py knows what each kind of link holds.
        data = form.cleaned_data
        return invites.new_reset(data["user"]) if "user" in data else invites.new_invite(data["email"], data["school"])

    def save_model(self, request, obj, form, change):
        obj.token = invites.issue(obj, request.user)

    def save_related(self, request, form, formsets, change):
        pass  # a link has no many-to-many fields, and the form itself never saved

    def response_add(self, request, obj, post_url_continue=None):
        # The only time the link exists: on this page, made from the secret in memory.
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("De link is klaar"),
            "invite": obj,
            "link": invites.link_for(request, obj, obj.token),
        }
        return TemplateResponse(request, "admin/wizard/staffinvite/made.html", context)

    # Superusers only, also if someone gives a staff account the model's permissions.
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        # Deleting a link that was not used yet is how it is taken back.
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return False

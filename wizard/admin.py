"""Admin: school staff see and change only their own school. Parents' drafts are never registered here."""
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms.staff import StaffLoginForm
from .models import School, SupportContact
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

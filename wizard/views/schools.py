"""A school's own link for parents, and the share page with a QR code for its staff."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from .. import drafts, schools
from ..models import School
from .wizard import start_page


@never_cache
def school(request, slug):
    """A school's own link from the schoolgids: the parent's draft will show the school's people."""
    school = get_object_or_404(School, slug=slug)
    response = start_page(request, school)
    drafts.remember_school(request, response, school)
    return response


def _managed_school(request, slug):
    school = get_object_or_404(School, slug=slug)
    if not schools.schools_managed_by(request.user).filter(pk=school.pk).exists():
        raise PermissionDenied
    return school


@login_required(login_url="admin:login")
def school_share(request, slug):
    """For school staff: the link, a QR code and a text block for the schoolgids."""
    school = _managed_school(request, slug)
    link = schools.school_link(request, school)
    qr = schools.qr_code(link)
    return render(
        request,
        "staff/school_share.html",
        {"school": school, "link": link, "qr_svg": qr.svg_inline(omitsize=True, dark="#000", title=link)},
    )


@login_required(login_url="admin:login")
def school_qr_png(request, slug):
    school = _managed_school(request, slug)
    response = HttpResponse(schools.qr_png(schools.school_link(request, school)), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="pestgesprek-{school.slug}-qr.png"'
    return response



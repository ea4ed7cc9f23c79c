"""Schools: who may manage which school, and the link and QR code a school shares."""
import io

import segno
from django.urls import reverse

from .models import School


def schools_managed_by(user):
    """The schools a staff user may see and change; a superuser manages all."""
    if user.is_superuser:
        return School.objects.all()
    if not (user.is_active and user.is_staff):
        return School.objects.none()
    return School.objects.filter(staff=user)


def school_link(request, school):
    return request.build_absolute_uri(reverse("wizard:school", args=[school.slug]))


def qr_code(url):
    # Error correction "M" survives a crease or a smudge on a printed schoolgids.
    return segno.make(url, error="m", micro=False)


def qr_png(url, scale=10):
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()

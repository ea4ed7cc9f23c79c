"""Template context every page needs: how long answers are kept."""
from django.conf import settings


def retention(request):
    return {"retention_days": settings.DRAFT_RETENTION_DAYS}

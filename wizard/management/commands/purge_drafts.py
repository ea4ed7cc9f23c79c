"""Delete drafts and sessions past their expiry. Run daily from cron."""
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from wizard.drafts import purge_expired_drafts


class Command(BaseCommand):
    help = "Wist concepten en sessies die over hun bewaartermijn zijn."

    def handle(self, *args, **options):
        now = timezone.now()
        drafts = purge_expired_drafts(now)
        sessions, _ = Session.objects.filter(expire_date__lte=now).delete()
        self.stdout.write(
            ngettext("%(count)d concept gewist", "%(count)d concepten gewist", drafts) % {"count": drafts}
            + ", "
            + ngettext("%(count)d sessie gewist.", "%(count)d sessies gewist.", sessions) % {"count": sessions}
        )

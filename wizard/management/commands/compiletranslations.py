"""Compile the committed .po catalogues into .mo files, with polib: no GNU gettext needed."""
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compiles locale/<lang>/LC_MESSAGES/django.po into django.mo (make run and make test do this)."

    def handle(self, *args, **options):
        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for source in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                target = source.with_suffix(".mo")
                if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                    continue
                polib.pofile(str(source)).save_as_mofile(str(target))
                compiled += 1
        self.stdout.write(f"{compiled} catalogues compiled.")

# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chinese is a first-class language: every message can be translated, and is.

Odoo exports a module's messages with Babel's Python extractor, which gives up
on the rest of a file at the first ``_()`` call it cannot read (an f-string
among the arguments, for one) and only logs it: the messages after it are never
offered for translation, and a Chinese user reads them in English.

Whether every term Odoo exports from the installed addons (fields, views,
menus, data, code) is in the .pot and translated is checked by each addon's
test_translations_exported, which also runs on the demo database.
"""

from pathlib import Path

from babel.messages.extract import extract_python

from odoo.tests import BaseCase, tagged
from odoo.tools.translate import PoFileReader

REPO = Path(__file__).resolve().parent.parent
ADDONS = ("sales_model_crm", "sales_model_crm_reports")


@tagged("post_install", "-at_install")
class TestTranslations(BaseCase):
    def _source_files(self):
        for addon in ADDONS:
            for path in sorted((REPO / addon).rglob("*.py")):
                if "tests" not in path.relative_to(REPO / addon).parts:
                    yield path

    def test_every_python_message_can_be_extracted(self):
        failures = []
        for path in self._source_files():
            with path.open("rb") as source:
                try:
                    list(extract_python(source, ["_", "_lt"], [], {}))
                except Exception as error:  # noqa: BLE001 - report them all
                    failures.append(f"{path.relative_to(REPO)}: {error!r}")
        self.assertFalse(failures, "\n".join(failures))

    def test_every_exported_message_has_a_chinese_translation(self):
        missing = []
        for addon in ADDONS:
            po_path = REPO / addon / "i18n" / "zh_CN.po"
            pot_path = REPO / addon / "i18n" / f"{addon}.pot"
            with pot_path.open("rb") as pot_file:
                msgids = {entry["src"] for entry in PoFileReader(pot_file)}
            with po_path.open("rb") as po_file:
                translated = {
                    entry["src"] for entry in PoFileReader(po_file) if entry["value"]
                }
            missing += [f"{addon}: {msgid!r}" for msgid in sorted(msgids - translated)]
        self.assertFalse(missing, "\n".join(missing))

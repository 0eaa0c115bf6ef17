# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Translations checked against the code, as Odoo itself exports it.

Each addon's terms are read from the installed database by Odoo's own exporter,
``odoo.tools.translate.TranslationModuleReader`` (what Settings > Translations >
Export and ``--i18n-export`` use): field strings and help, selection values,
view, menu and action terms, data records with a translatable field, Python
``_()``/``_lt()`` messages, JavaScript ``_t()`` and static QWeb terms. Every one
must be in the addon's ``.pot`` and translated in its ``zh_CN.po``; a ``.pot`` or
``zh_CN.po`` term the code no longer has is reported as stale.

A term of a record (a field label, a view term) must also name that record in
the ``.pot``: Odoo loads such a translation by XML id, into the records the
``.pot`` lists (it merges the ``.pot`` into the ``.po`` on import), so a new field
whose label is already in the ``.pot`` for another field would stay English. A
code message is loaded by its msgid alone; its file paths are not compared.

The source terms are exported without a language (``lang=None``): the database
need not have Chinese installed, and the ``.po`` file on disk, not what the
database happened to load, is what ships.

Demo data stays out of the ``.pot``, as in Odoo's own templates (exported from a
database without demo data): demo records are sample content, already written
in Chinese or language-neutral (``2026-Q4``), and a ``.pot`` must be the same
whether it was exported from a demo database or not. A term whose only origins
are records declared in the manifest's ``demo`` files is therefore left out, so
the test passes, and fails, the same way on a demo and a no-demo database.

The test lives in each addon's tests/ (not in the cross-addon tests/, which runs
only without demo data) so that it also runs on the demo database.
"""

import csv
from collections import defaultdict
from pathlib import Path

import polib
from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

# the elements of a data file that declare a record with an XML id
_DECLARING_TAGS = {"record": None, "template": "ir.ui.view", "menuitem": "ir.ui.menu"}


class ExportedTranslationsMixin:
    """Compare the terms Odoo exports for ``addon`` with its i18n files.

    Mixed into a ``TransactionCase`` of the addon; set ``addon``.
    """

    addon = None
    lang = "zh_CN"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # one export (a walk over every addons path) serves all the checks
        cls.exported = cls._exported_terms()

    # -- what the code has ---------------------------------------------------

    @classmethod
    def _declared_xmlids(cls, files):
        """Full XML ids the given data files of the addon declare.

        A record of a model with ``_inherits`` also creates its parent under
        ``<xmlid>_<parent_model_with_underscores>`` (``BaseModel._load_records``):
        a demo product.product brings a demo product.template, whose name is
        what gets exported.
        """
        xmlids = set()
        for rel_path in files:
            path = Path(file_path(f"{cls.addon}/{rel_path}"))
            if path.suffix == ".csv":
                model = path.stem
                with path.open(encoding="utf-8") as csv_file:
                    declared = [(row["id"], model) for row in csv.DictReader(csv_file)]
            elif path.suffix == ".xml":
                root = etree.parse(str(path)).getroot()
                declared = [
                    (element.get("id"), model or element.get("model"))
                    for tag, model in _DECLARING_TAGS.items()
                    for element in root.iter(tag)
                    if element.get("id")
                ]
            else:
                continue
            for xmlid, model in declared:
                full = xmlid if "." in xmlid else f"{cls.addon}.{xmlid}"
                xmlids.add(full)
                for parent in cls.env[model]._inherits if model in cls.env else ():
                    xmlids.add(f"{full}_{parent.replace('.', '_')}")
        return xmlids

    @classmethod
    def _demo_only_xmlids(cls):
        manifest = get_manifest(cls.addon)
        # a demo file may update a record of the data files: that one is not demo
        return cls._declared_xmlids(manifest.get("demo", ())) - cls._declared_xmlids(
            manifest.get("data", ())
        )

    @staticmethod
    def _origin(ttype, name, res_id):
        """The origin of an exported term, spelled as in a .po file's ``#:`` line."""
        if ttype == "code":
            return f"code:{name}"
        return f"{ttype}:{name}:{res_id}"

    @classmethod
    def _exported_terms(cls):
        """{msgid: sorted origins} of the addon's terms, demo-only terms left out."""
        demo_xmlids = cls._demo_only_xmlids()
        origins = defaultdict(set)
        reader = TranslationModuleReader(cls.env.cr, modules=[cls.addon])
        for _module, ttype, name, res_id, source, _value, _comments in reader:
            if ttype != "code" and res_id in demo_xmlids:
                continue
            origins[source].add(cls._origin(ttype, name, res_id))
        return {source: sorted(places) for source, places in origins.items()}

    # -- what ships ----------------------------------------------------------

    def _po_file(self, name):
        path = file_path(f"{self.addon}/i18n/{name}")
        return [entry for entry in polib.pofile(path) if not entry.obsolete]

    def _template(self):
        """{msgid: set of its origins} of the addon's .pot."""
        return {
            entry.msgid: {occurrence for occurrence, _line in entry.occurrences}
            for entry in self._po_file(f"{self.addon}.pot")
        }

    def _translations(self):
        """{msgid: msgstr} of zh_CN.po; a fuzzy translation waits for review."""
        return {
            entry.msgid: entry.msgstr if entry.translated() else ""
            for entry in self._po_file(f"{self.lang}.po")
        }

    # -- the checks ----------------------------------------------------------

    @staticmethod
    def _is_record_origin(origin):
        # Odoo loads a record's translation only where the .pot names that record
        # (TranslationImporter keys them by XML id); a code message by its msgid
        return not origin.startswith("code:")

    def _fail_if(self, problems):
        report = [
            f"{title} ({len(lines)}):\n" + "\n".join(lines)
            for title, lines in problems
            if lines
        ]
        if report:
            self.fail("\n\n".join(report))

    def _line(self, source, origins):
        return f"{self.addon}: {source!r} from {', '.join(sorted(origins))}"

    def assert_code_terms_translated(self):
        """Every exported term, with every record it comes from, is in the .pot,
        and every exported term has a zh_CN translation."""
        exported = self.exported
        self.assertTrue(exported, f"{self.addon}: Odoo exported no term at all")
        template = self._template()
        translations = self._translations()
        not_in_pot, origins_not_in_pot, untranslated = [], [], []
        for source, origins in sorted(exported.items()):
            if source not in template:
                not_in_pot.append(self._line(source, origins))
            else:
                missing = [
                    origin
                    for origin in origins
                    if self._is_record_origin(origin) and origin not in template[source]
                ]
                if missing:
                    origins_not_in_pot.append(self._line(source, missing))
            if not translations.get(source):
                untranslated.append(self._line(source, origins))
        pot = f"{self.addon}.pot"
        self._fail_if(
            [
                (f"terms of the code missing from {pot}", not_in_pot),
                (
                    f"terms of {pot} that do not name these records of the code "
                    "(their translation is not loaded there)",
                    origins_not_in_pot,
                ),
                (
                    f"terms of the code without a {self.lang} translation "
                    f"(absent, empty or fuzzy in {self.lang}.po)",
                    untranslated,
                ),
            ]
        )

    def assert_no_stale_terms(self):
        """No .pot term or record origin the code no longer has; no zh_CN.po term
        that is not in the .pot."""
        exported = self.exported
        template = self._template()
        stale_terms, stale_origins = [], []
        for source, origins in sorted(template.items()):
            if source not in exported:
                stale_terms.append(f"{self.addon}: {source!r}")
                continue
            stale = {
                origin
                for origin in origins - set(exported[source])
                if self._is_record_origin(origin)
            }
            if stale:
                stale_origins.append(self._line(source, stale))
        stale_po = [
            f"{self.addon}: {msgid!r}"
            for msgid in sorted(self._translations().keys() - template.keys())
        ]
        pot = f"{self.addon}.pot"
        self._fail_if(
            [
                (
                    f"stale terms of {pot}, not in the code (or only in demo data)",
                    stale_terms,
                ),
                (
                    f"stale origins of {pot}, records that no longer have the term",
                    stale_origins,
                ),
                (f"terms of {self.lang}.po missing from {pot}", stale_po),
            ]
        )

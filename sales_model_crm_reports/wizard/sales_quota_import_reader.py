# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading a filled quota template: the workbook to raw rows.

``QuotaFileReader`` opens the uploaded .xlsx, finds the sheet whose hidden key
row names the template's columns and returns the non-empty rows as
``(Excel row number, {column key: value})``; the values are as typed, not
checked yet (see ``sales_quota_import_rows``).
"""

import base64
import binascii
import io
import zipfile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from odoo.exceptions import UserError
from odoo.tools.translate import _

from ..report.sales_quota_template_xlsx import COLUMN_KEYS, FIRST_ROW, KEY_ROW


class QuotaFileReader:
    """The rows of an uploaded quota template.

    ``_()`` takes the language from ``self.env``, as in a model method.
    """

    def __init__(self, env):
        self.env = env

    def read_rows(self, file, file_name):
        """[(Excel row number, {column key: value})] of the non-empty lines."""
        if not file:
            raise UserError(_("Choose the filled template to import."))
        not_xlsx = _(
            "%(file)s is not an Excel workbook (.xlsx). Download the template, "
            "fill it and save it as .xlsx.",
            file=file_name or _("The file"),
        )
        try:
            content = base64.b64decode(file)
            workbook = load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except (
            binascii.Error,
            zipfile.BadZipFile,
            InvalidFileException,
            KeyError,
            ValueError,
            TypeError,
            OSError,
        ) as error:
            raise UserError(not_xlsx) from error
        try:
            sheet, columns = self._find_quota_sheet(workbook)
            rows = []
            for number, values in enumerate(
                sheet.iter_rows(min_row=FIRST_ROW + 1, values_only=True),
                start=FIRST_ROW + 1,
            ):
                row = {
                    key: _clean(values[index]) if index < len(values) else None
                    for key, index in columns.items()
                }
                if any(value is not None for value in row.values()):
                    rows.append((number, row))
        finally:
            workbook.close()
        if not rows:
            raise UserError(_("The file holds no quota line."))
        return rows

    def _find_quota_sheet(self, workbook):
        """The sheet whose hidden key row names the template's columns."""
        for sheet in workbook.worksheets:
            keys = next(
                sheet.iter_rows(
                    min_row=KEY_ROW + 1, max_row=KEY_ROW + 1, values_only=True
                ),
                (),
            )
            columns = {
                key: index for index, key in enumerate(keys) if key in COLUMN_KEYS
            }
            if {"period", "owner_type", "owner", "target"} <= set(columns):
                return sheet, columns
        raise UserError(
            _(
                "This workbook is not a quota template: download the template "
                "from this dialog and keep its header rows."
            )
        )


def _clean(value):
    """A cell's value: stripped text or a number; None when empty."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
